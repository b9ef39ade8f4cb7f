"""Work files: one work, the rubric it was read with, and the collector's answers.

The app saves and re-opens them; `collector-guide read` reads them. Answers are only kept here:
they are checked against their rubric by `collector_guide.keep.workfile`, which knows the
questions. The docstrings under the fields are the descriptions of `rubrics/work.schema.json`.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints, WithJsonSchema, field_validator

from collector_guide.rubric.fields import SPACE, Id, Strict, Text, trim

Answer = str | list[str]
"""One option id (single and scale questions) or a list of them (multiple)."""
Answers = dict[str, Answer]


# The longest text each detail may hold: the one limit the model, the app's inputs and the
# URL codec all use (a year is short; a wall label or notes may run to a paragraph or two).
WORK_TEXT_LIMITS: dict[str, int] = {
    "title": 300, "artist": 300, "year": 40, "medium": 300, "series": 300, "edition": 300,
    "wall_label": 4000, "notes": 4000, "image": 300,
}
# A file name with no folder above it: not starting at the root, no '..' step (outer spaces,
# which are trimmed, do not hide either).
_UNSAFE_IMAGE = rf"^{SPACE}*[/\\]|(^{SPACE}*|[/\\])\.\.([/\\]|{SPACE}*$)"


def _text(field: str):
    # The limit counts the text as written (as an editor does); outer spaces are then trimmed.
    return Annotated[str, StringConstraints(max_length=WORK_TEXT_LIMITS[field]),
                     AfterValidator(trim)]


class WorkInfo(Strict):
    """What the wall label or the gallery says about the work; every key may be left out."""

    title: _text("title") = ""
    """The work's title."""
    artist: _text("artist") = ""
    """The artist's name."""
    year: Annotated[_text("year"), WithJsonSchema({"anyOf": [
        {"type": "string", "maxLength": WORK_TEXT_LIMITS["year"]}, {"type": "integer"}]})] = ""
    """When it was made: a year such as 2025, or words such as "2024–25"."""
    medium: _text("medium") = ""
    """The medium, for example "Archival pigment print"."""
    series: _text("series") = ""
    """The series the work belongs to."""
    edition: _text("edition") = ""
    """The edition, for example "3 + 1 AP"."""
    wall_label: _text("wall_label") = ""
    """The text of the wall label."""
    notes: _text("notes") = ""
    """The visitor's own notes."""
    image: _text("image") = Field("", json_schema_extra={"not": {"pattern": _UNSAFE_IMAGE}})
    """A photo of the work: the name of an image file in the same folder as this file."""

    @field_validator("year", mode="before")
    @classmethod
    def _year_as_text(cls, value: object) -> object:
        # Authors write `year = 2025` as often as `year = "2025"`; both mean the same.
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @field_validator("image")
    @classmethod
    def _plain_file_name(cls, value: str) -> str:
        if value and re.search(_UNSAFE_IMAGE, value):
            raise ValueError("must be a file name next to the work file, without '..' or '/'")
        return value


class Assessment(Strict):
    """Which rubric, and which version of it, the answers belong to."""

    rubric: Id
    """The id of the rubric, as in its [rubric] table."""
    rubric_version: Annotated[str, StringConstraints(max_length=32)]
    """The version of the rubric the answers were given with."""


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
    """A Collector Guide work file: one work and the answers given about it."""

    work: WorkInfo = WorkInfo()
    """What is known about the work."""
    assessment: Assessment
    """The rubric the answers were given for."""
    answers: dict[str, object] = {}
    """Question id = the answer's option id ("not_sure" when unsure); a list of option ids
    for a question that takes several answers."""
    gallery_reading: GalleryReading | None = None
    """The gallery's own reading of the work (catalogue works only)."""
    # Answers are checked against the rubric they were given for
    # (`collector_guide.keep.workfile`), which knows each question's kind; here they are kept.
