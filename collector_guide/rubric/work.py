"""Work files: one work, the rubric it was read with, and the collector's answers.

The app saves and re-opens them; `collector-guide read` reads them. Answers are only kept here:
they are checked against their rubric by `collector_guide.keep.workfile`, which knows the
questions.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import Field, StringConstraints, field_validator

from collector_guide.rubric.fields import Id, Strict, Text

Answer = str | list[str]
"""One option id (single and scale questions) or a list of them (multiple)."""
Answers = dict[str, Answer]


# The longest text each detail may hold: the one limit the model, the app's inputs and the
# URL codec all use (a year is short; a wall label or notes may run to a paragraph or two).
WORK_TEXT_LIMITS: dict[str, int] = {
    "title": 300, "artist": 300, "year": 40, "medium": 300, "series": 300, "edition": 300,
    "wall_label": 4000, "notes": 4000, "image": 300,
}


def _text(field: str):
    return Annotated[str, StringConstraints(max_length=WORK_TEXT_LIMITS[field])]


class WorkInfo(Strict):
    title: _text("title") = ""
    artist: _text("artist") = ""
    year: _text("year") = ""
    medium: _text("medium") = ""
    series: _text("series") = ""
    edition: _text("edition") = ""
    wall_label: _text("wall_label") = ""
    notes: _text("notes") = ""
    image: _text("image") = ""

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


Note = Annotated[str, StringConstraints(min_length=1, max_length=1000, strip_whitespace=True)]


class GalleryReading(Strict):
    """The gallery's own reading of a work in its catalogue: shown to a visitor only after
    they have seen their own, to compare with."""

    summary: Text | None = Field(
        default=None, description="a few lines on how the gallery reads the work as a whole")
    answers: dict[str, object] = Field(
        default={}, description="the gallery's answers, written like [answers]")
    notes: dict[Id, Note] = Field(
        default={}, description="a short note per question id: why the gallery answered so")


class Work(Strict):
    work: WorkInfo = WorkInfo()
    assessment: Assessment
    answers: dict[str, object] = {}
    gallery_reading: GalleryReading | None = None
    # Answers are checked against the rubric they were given for
    # (`collector_guide.keep.workfile`), which knows each question's kind; here they are kept.
