"""The building blocks every model of a TOML file shares: ids, texts, numbers, strictness.

Each is written so that the JSON Schema pydantic derives from it says exactly what the loader
accepts (see `collector_guide.rubric.schema`): ids and numbers are taken as written, never
coerced, and a text's limits are counted on the text as written, before its outer spaces are
trimmed. `NOT_SURE` lives here because rubrics, work files, links and scoring all speak of it.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

NOT_SURE = "not_sure"
"""The option id of the "Not sure" answer that every question offers automatically."""

ID_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,63}$"

# What pydantic-core's trimming treats as white space (Unicode White_Space), spelled as regex
# escapes every engine reads alike: Python's, Rust's (pydantic-core) and Taplo's.
WHITESPACE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
SPACE = r"[\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
"""The same white space, as a regex class."""
NOT_BLANK = "[^" + SPACE[1:]
"""Matches a text with at least one character that is not white space."""

MAX_TEXT = 4000


def trim(value: str) -> str:
    """A text without its outer white space (after its limits were checked as written)."""
    return value.strip(WHITESPACE)


Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
"""Lowercase letters, digits, '_' and '-', starting with a letter or digit; at most 64."""

Text = Annotated[
    str, StringConstraints(max_length=MAX_TEXT, pattern=NOT_BLANK), AfterValidator(trim)
]
"""Words a visitor reads: not empty, at most 4000 characters; outer spaces are trimmed."""

Unit = Annotated[float, Field(ge=-1.0, le=1.0, strict=True)]
"""A number from -1 to 1 (a whole number such as 1 is fine; text in quotes is not)."""


class Strict(BaseModel):
    """A model that rejects unknown keys, so a misspelling is never silently ignored.

    Each field's description is the docstring written under it; those become the JSON
    Schema's descriptions that an author's editor shows, so they are written for authors.
    """

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)
