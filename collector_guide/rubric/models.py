"""The rubric model: what a rubric TOML file may say, and nothing more.

Every key a rubric author can write is declared here with its type and limits; unknown keys
are rejected so that a misspelling is never silently ignored. Cross-references (ids that must
exist, bands that must cover an axis) are checked by `collector_guide.rubric.checks`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    field_validator,
)

from collector_guide.rubric.fields import NOT_SURE, Id, Strict, Text, Unit
from collector_guide.rubric.labels import Labels

EVIDENCE_CATEGORIES = (
    "ai-generated",
    "ai-assisted-or-composite",
    "possibly-ai",
    "algorithmic-not-ai",
    "camera-capture",
)


class RubricInfo(Strict):
    id: Id
    title: Text
    version: Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z][0-9A-Za-z.+-]{0,31}$")]
    language: Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    summary: Text
    authors: list[Text] = []
    gallery: Text | None = Field(
        default=None, description="the hosting gallery's name, shown above the start screen")


class Axis(Strict):
    id: Id
    label: Text
    explanation: Text
    low: Text = Field(description="the pole at -1")
    high: Text = Field(description="the pole at +1")


class Section(Strict):
    id: Id
    title: Text
    intro: Text | None = None


class Condition(Strict):
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


class Option(Strict):
    id: Id
    label: Text
    effects: dict[Id, Unit] = {}
    evidence: Text = Field(description="a short phrase the reading cites")
    gloss: Text | None = Field(
        default=None,
        description="one line that explains a technical word in the label (in-painting, "
        "fine-tuned, corpus…), shown when the visitor taps for it")

    @field_validator("id")
    @classmethod
    def _not_reserved(cls, value: str) -> str:
        if value == NOT_SURE:
            raise ValueError(
                f"'{NOT_SURE}' is reserved: every question offers \"Not sure\" automatically, "
                "so do not write it as an option"
            )
        return value


class Question(Strict):
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


class Band(Strict):
    axis: Id
    from_: Unit = Field(alias="from")
    to: Unit
    label: Text

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Archetype(Strict):
    id: Id
    name: Text
    at: dict[Id, Unit]
    description: Text
    summary: Text | None = Field(
        default=None,
        description="one line that explains the archetype where its name appears on the map")


class Caution(Strict):
    id: Id
    when: Conditions
    title: Text
    text: Text

    @property
    def conditions(self) -> list[Condition]:
        return list(self.when)


class EvidenceHint(Strict):
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


class ReadingText(Strict):
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


class Rubric(Strict):
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



def effect_range(question: Question, axis_id: str) -> tuple[float, float]:
    """The lowest and highest effect any answer to the question can have on an axis."""
    values = [o.effects.get(axis_id, 0.0) for o in question.options]
    if question.kind == "multiple":
        return max(-1.0, sum(v for v in values if v < 0)), min(1.0, sum(v for v in values if v > 0))
    return min(values), max(values)


def moves(question: Question, axis_id: str) -> bool:
    """Whether any answer to the question moves the work on the axis."""
    return any(o.effects.get(axis_id, 0.0) != 0.0 for o in question.options)
