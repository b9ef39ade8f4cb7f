"""The rubric and work-file models: what a TOML file may say, and nothing more.

Every key a rubric author can write is declared here with its type and limits; unknown keys
are rejected so that a misspelling is never silently ignored. Cross-references (ids that must
exist, bands that must cover an axis) are checked by `collector_guide.checks`.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    field_validator,
)

NOT_SURE = "not_sure"
"""The option id of the "Not sure" answer that every question offers automatically."""

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$"),
    Field(description="lowercase letters, digits, '_' and '-'; starts with a letter or digit"),
]
Text = Annotated[str, StringConstraints(min_length=1, max_length=4000, strip_whitespace=True)]
Unit = Annotated[float, Field(ge=-1.0, le=1.0)]

EVIDENCE_CATEGORIES = (
    "ai-generated",
    "ai-assisted-or-composite",
    "possibly-ai",
    "algorithmic-not-ai",
    "camera-capture",
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class RubricInfo(_Strict):
    id: Id
    title: Text
    version: Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z][0-9A-Za-z.+-]{0,31}$")]
    language: Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    summary: Text
    authors: list[Text] = []
    gallery: Text | None = Field(
        default=None, description="the hosting gallery's name, shown above the start screen")


class Axis(_Strict):
    id: Id
    label: Text
    explanation: Text
    low: Text = Field(description="the pole at -1")
    high: Text = Field(description="the pole at +1")


class Section(_Strict):
    id: Id
    title: Text
    intro: Text | None = None


class Condition(_Strict):
    """Holds when the answer to `question` is one of `any_of` (any chosen one, for multiple)."""

    question: Id
    any_of: Annotated[list[Id], Field(min_length=1)]


def _one_or_many(value: object) -> object:
    # `show_if = { ... }` and `show_if = [{ ... }, { ... }]` mean the same: a list internally.
    return [value] if isinstance(value, dict) else value


Conditions = Annotated[
    list[Condition],
    BeforeValidator(_one_or_many),
    Field(min_length=1, description="a condition, or a list of conditions that must all hold"),
]


class Option(_Strict):
    id: Id
    label: Text
    effects: dict[Id, Unit] = {}
    evidence: Text = Field(description="a short phrase the reading cites")

    @field_validator("id")
    @classmethod
    def _not_reserved(cls, value: str) -> str:
        if value == NOT_SURE:
            raise ValueError(
                f"'{NOT_SURE}' is reserved: every question offers \"Not sure\" automatically, "
                "so do not write it as an option"
            )
        return value


class Question(_Strict):
    id: Id
    section: Id
    kind: Literal["single", "multiple", "scale"]
    prompt: Text
    help: Text = Field(description='"why this matters", one tap away')
    weight: Annotated[float, Field(gt=0, le=10)] = 1.0
    ask_gallery: Text = Field(description="what to ask the gallery when the answer is Not sure")
    show_if: Conditions | None = None
    options: Annotated[list[Option], Field(min_length=2, max_length=12)]

    @property
    def conditions(self) -> list[Condition]:
        return list(self.show_if or [])

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


class Band(_Strict):
    axis: Id
    from_: Unit = Field(alias="from")
    to: Unit
    label: Text

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Archetype(_Strict):
    id: Id
    name: Text
    at: dict[Id, Unit]
    description: Text


class Caution(_Strict):
    id: Id
    when: Conditions
    title: Text
    text: Text

    @property
    def conditions(self) -> list[Condition]:
        return list(self.when)


class EvidenceHint(_Strict):
    category: Literal[EVIDENCE_CATEGORIES]  # type: ignore[valid-type]
    suggest: Condition
    note: Text


# The placeholders each reading sentence may use; anything else in braces is an error.
READING_PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "placement": ("axis", "band", "low", "high", "value"),
    "archetype": ("name", "description"),
    "moved_by": ("evidence",),
    "and": (),
    "provisional_none": (),
    "provisional_some": ("unsure", "total", "axis", "low_value", "high_value"),
    "cautions_heading": (),
    "ask_heading": (),
    "ask_none": (),
    "signed_evidence": ("signer", "meaning"),
    "closing": (),
}


class ReadingText(_Strict):
    placement: Text
    archetype: Text
    moved_by: Text
    and_: Text = Field(alias="and")
    provisional_none: Text
    provisional_some: Text
    cautions_heading: Text
    ask_heading: Text
    ask_none: Text
    signed_evidence: Text | None = None
    closing: Text | None = None

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Labels(_Strict):
    """Every word of the app's interface, with English defaults a rubric may override."""

    not_sure: Text = "Not sure"
    choose_all: Text = "Choose all that apply."
    not_sure_help: Text = "Not sure is a real answer: it widens the box, it never guesses."
    why_this_matters: Text = "Why this matters"
    start_heading: Text = "Read the work in front of you"
    start_new: Text = "Start a new reading"
    open_sample: Text = "Open a sample work"
    open_file: Text = "Open a saved work file"
    choose_rubric: Text = "Rubric"
    work_heading: Text = "The work"
    work_intro: Text = (
        "Everything here is optional. Fill in what the wall label or the gallery tells you."
    )
    title: Text = "Title"
    artist: Text = "Artist"
    year: Text = "Year"
    medium: Text = "Medium"
    series: Text = "Series"
    edition: Text = "Edition"
    wall_label: Text = "Wall label text"
    notes: Text = "Your notes"
    photo: Text = "Photo of the work (optional)"
    back: Text = "Back"
    next: Text = "Next"
    see_reading: Text = "See the reading"
    step_of: Text = "Step {step} of {total}"
    result_heading: Text = "The reading"
    map_heading: Text = "On the map"
    map_in_words: Text = "The map, in words"
    uncertainty_box: Text = "Where it could still move"
    this_work: Text = "This work"
    sample_works: Text = "Sample works"
    evidence_heading: Text = "What the file says"
    evidence_intro: Text = (
        "Some image files record how they were made. This is what this file records."
    )
    evidence_none: Text = "No provenance evidence was found in this file."
    evidence_suggests: Text = "The file suggests an answer to"
    evidence_use: Text = "Use this answer"
    evidence_agrees: Text = "Your answer agrees with the file."
    evidence_caveats: Text = "Before you rely on it"
    caveat_camera: Text = (
        "A photo of a physical work shows the camera that took the photo, not how the work "
        "was made."
    )
    caveat_forged: Text = (
        "Metadata can be stripped or forged: only a valid signature from a trusted signer is "
        "hard to fake, and even that says who signed, not that the claim is true."
    )
    caveat_absence: Text = (
        "Absence proves nothing: most files lose their metadata when shared, screenshotted or "
        "re-saved, so finding no evidence does not mean no AI was used."
    )
    use_camera: Text = "Use the camera"
    take_photo: Text = "Take a photo of the work"
    what_moved_it: Text = "What moved it"
    what_moved_it_words: Text = "The same, in words"
    ask_gallery: Text = "Questions to ask the gallery"
    keep_and_share: Text = "Keep and share"
    keep_hint: Text = "This page's address keeps your answers: bookmark it, or share it."
    download_markdown: Text = "Reading (Markdown)"
    download_work: Text = "Work file (TOML)"
    download_json: Text = "Reading (JSON)"
    add_to_visit: Text = "Add to this visit"
    visit_heading: Text = "This visit"
    download_visit: Text = "Visit (CSV)"
    edit_answers: Text = "Change answers"
    start_over: Text = "Start over"
    untitled: Text = "Untitled work"
    visit_added: Text = (
        "Added: this visit now holds {count}. Its works appear as diamonds on the map."
    )
    clear_visit: Text = "Clear the visit"
    screen_error: Text = (
        "Something went wrong while drawing this screen. Your answers are kept: go back a "
        "step, or reload the page."
    )
    link_too_long: Text = "Part of the link was too long to be read and was ignored."
    link_unknown_rubric: Text = (
        "The link asks for a rubric this guide does not have (“{rubric}”); the default rubric "
        "is used instead."
    )
    link_other_rubric: Text = "The answers in the link belong to another rubric and were not used."
    link_old_version: Text = (
        "The link was made with version {version} of this rubric; this is version {current}. "
        "Answers that still fit were kept: please check them."
    )
    link_dropped: Text = "Answers in the link that could not be read were left open ({count})."
    link_bad_step: Text = "The link's step could not be read; starting from the beginning."
    link_bad_work: Text = "The work's details in the link could not be read."
    link_bad_visit: Text = "The visit in the link could not be read."
    link_partial_visit: Text = "Some works of this visit in the link could not be read."


# The placeholders each label may use; anything else in braces is an error.
LABEL_PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "step_of": ("step", "total"),
    "visit_added": ("count",),
    "link_unknown_rubric": ("rubric",),
    "link_old_version": ("version", "current"),
    "link_dropped": ("count",),
}


class Rubric(_Strict):
    rubric: RubricInfo
    axes: Annotated[list[Axis], Field(min_length=2, max_length=2)]
    sections: Annotated[list[Section], Field(min_length=1)]
    questions: Annotated[list[Question], Field(min_length=1, max_length=60)]
    bands: Annotated[list[Band], Field(min_length=2)]
    archetypes: Annotated[list[Archetype], Field(min_length=1)]
    cautions: list[Caution] = []
    evidence_hints: list[EvidenceHint] = []
    reading: ReadingText
    labels: Labels = Labels()

    # Lookups the scorer needs on every call, built once (the model is immutable).
    _lookup: dict = PrivateAttr(default_factory=dict)

    def cached(self, name: str, build):
        if name not in self._lookup:
            self._lookup[name] = build()
        return self._lookup[name]

    @property
    def id(self) -> str:
        return self.rubric.id

    @property
    def version(self) -> str:
        return self.rubric.version

    def question(self, question_id: str) -> Question | None:
        # With duplicate ids (an error reported elsewhere) the first one wins.
        by_id = self.cached("questions", lambda: {q.id: q for q in reversed(self.questions)})
        return by_id.get(question_id)

    def axis(self, axis_id: str) -> Axis | None:
        return next((a for a in self.axes if a.id == axis_id), None)

    def bands_of(self, axis_id: str) -> list[Band]:
        return self.cached(
            "bands:" + axis_id,
            lambda: sorted((b for b in self.bands if b.axis == axis_id), key=lambda b: b.from_),
        )

    def questions_in(self, section_id: str) -> list[Question]:
        return [q for q in self.questions if q.section == section_id]


# ---------------------------------------------------------------------------------------------
# Work files: one work and the collector's answers. The app saves and re-opens them.

Answer = str | list[str]
"""One option id (single and scale questions) or a list of them (multiple)."""
Answers = dict[str, Answer]


class WorkInfo(_Strict):
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


class Assessment(_Strict):
    rubric: Id
    rubric_version: Annotated[str, StringConstraints(max_length=32)]


class Work(_Strict):
    work: WorkInfo = WorkInfo()
    assessment: Assessment
    answers: dict[str, object] = {}
    # Answers are checked against the rubric they were given for (`collector_guide.checks`),
    # which knows each question's kind; here they are only kept.
