"""The building blocks every model of a TOML file shares: ids, texts, positions, strictness.

`NOT_SURE` lives here because rubrics, work files, links and scoring all speak of it.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

NOT_SURE = "not_sure"
"""The option id of the "Not sure" answer that every question offers automatically."""

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$"),
    Field(description="lowercase letters, digits, '_' and '-'; starts with a letter or digit"),
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=4000, strip_whitespace=True)]
Unit = Annotated[float, Field(ge=-1.0, le=1.0)]

class Strict(BaseModel):
    """A model that rejects unknown keys, so a misspelling is never silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)
