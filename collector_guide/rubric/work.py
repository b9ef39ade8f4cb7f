"""Work files: one work, the rubric it was read with, and the collector's answers.

The app saves and re-opens them; `collector-guide read` reads them. Answers are only kept here:
they are checked against their rubric by `collector_guide.keep.workfile`, which knows the
questions.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import StringConstraints, field_validator

from collector_guide.rubric.fields import Id, Strict

Answer = str | list[str]
"""One option id (single and scale questions) or a list of them (multiple)."""
Answers = dict[str, Answer]


class WorkInfo(Strict):
    title: Annotated[str, StringConstraints(max_length=300)] = ""
    artist: Annotated[str, StringConstraints(max_length=300)] = ""
    year: Annotated[str, StringConstraints(max_length=40)] = ""
    medium: Annotated[str, StringConstraints(max_length=300)] = ""
    series: Annotated[str, StringConstraints(max_length=300)] = ""
    edition: Annotated[str, StringConstraints(max_length=300)] = ""
    wall_label: Annotated[str, StringConstraints(max_length=4000)] = ""
    notes: Annotated[str, StringConstraints(max_length=4000)] = ""
    image: Annotated[str, StringConstraints(max_length=300)] = ""

    @field_validator("year", mode="before")
    @classmethod
    def _year_as_text(cls, value: object) -> object:
        # Authors write `year = 2025` as often as `year = "2025"`; both mean the same.
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @field_validator("image")
    @classmethod
    def _plain_file_name(cls, value: str) -> str:
        if value and (value.startswith(("/", "\\")) or ".." in re.split(r"[/\\]", value)):
            raise ValueError("must be a file name next to the work file, without '..' or '/'")
        return value


class Assessment(Strict):
    rubric: Id
    rubric_version: Annotated[str, StringConstraints(max_length=32)]


class Work(Strict):
    work: WorkInfo = WorkInfo()
    assessment: Assessment
    answers: dict[str, object] = {}
    # Answers are checked against the rubric they were given for
    # (`collector_guide.keep.workfile`), which knows each question's kind; here they are kept.
