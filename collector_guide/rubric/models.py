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
    effects: dict[Id, Unit] = Field(
        default={}, description="axis id → a number in [-1, 1]: where this answer pushes the "
        "work on that axis (multiplied by the question's share of the axis)")
    evidence: Text = Field(
        description="a short clause the reading cites as a reason, written to follow "
        "'because': \"the image began with the artist's own camera\"")
    fact: Id | None = Field(
        default=None,
        description="options of different questions that state the same fact in other words "
        "share a fact id; the reading cites a fact once, where it moved the work most")
    exclusive: bool = Field(
        default=False,
        description="for a multiple-choice \"none of these\": choosing it clears the other "
        "answers, and choosing another clears it (given together, the others count)")
    leaves_open: list[Id] = Field(
        default=[],
        description="axes on which this answer (\"contested\", \"can't tell yet\") leaves the "
        "question open as \"Not sure\" would: it does not move the work there, and the box "
        "keeps the question's full reach; the reading calls that axis contested")
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
    topic: Text | None = Field(
        default=None,
        description="a short noun phrase naming what the question asks about (\"the edition\"), "
        "used where the reading lists what is still open; without it the prompt is used")
    show_if: Conditions | None = Field(
        default=None,
        description="ask only when earlier answers meet every condition; include \"not_sure\" "
        "in any_of so a collector who does not know the earlier answer is still asked")
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


class ArchetypeNote(Strict):
    """A sentence about this work that the reading says, in place of an archetype's
    description, when its answers hold."""

    when: Conditions
    text: Text = Field(description="written to fill the `archetype` sentence's {description}")


class Archetype(Strict):
    id: Id
    name: Text
    at: dict[Id, Unit] = Field(description="axis id → its centre on the map")
    description: Text = Field(
        description="what works near here often are, phrased so that it holds for any work "
        "placed nearby (\"works here often …\"): it must never assert what a work's answers "
        "could contradict; say that in `notes`")
    summary: Text | None = Field(
        default=None,
        description="one line that explains the archetype where its name appears on the map")
    notes: list[ArchetypeNote] = Field(
        default=[],
        description="sentences about this work, each shown only when its `when` holds; the "
        "reading shows the first that applies, in place of the description")


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
_WORK = ("work", "Work")
READING_PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "work_title": ("title",),
    "work_series": ("series",),
    "work_medium": ("medium", "medium_lower"),
    "work_unnamed": (),
    "work_again": (),
    "placement": ("axis", "band", "low", "high", "value", *_WORK, "reasons", "against"),
    "placement_bare": ("axis", "band", "low", "high", "value", *_WORK, "low_value",
                       "high_value"),
    "also": ("axis", "reasons"),
    "against": ("axis", "reasons"),
    "contested": ("axis", "reasons"),
    "contested_again": ("axis",),
    "both_ways": (),
    "either_side": (),
    "open": ("axis", "topics", "count", "low_value", "high_value"),
    "open_again": ("axis", "low_value", "high_value"),
    "archetype": ("name", "description"),
    "and": (),
    "provisional_none": _WORK,
    "too_few": ("answered", "total", *_WORK),
    "no_answers": ("total", *_WORK),
    "cautions_heading": (),
    "ask_heading": (),
    "ask_none": (),
    "signed_evidence": ("signer", "meaning"),
    "closing": (),
}


class ReadingText(Strict):
    """The sentences the written reading is assembled from, in the rubric's language.

    `{work}` is how the reading names the work (built from `work_title`, `work_series`,
    `work_medium` or `work_unnamed`, whichever the work's details allow, in that order) and
    `{Work}` the same with a capital first letter, for the start of a sentence.
    """

    work_title: Text = Field(description="how the work is named when it has a title: "
                             "\"“{title}”\"")
    work_series: Text | None = Field(
        default=None, description="when it has no title but a series: \"this work from "
        "“{series}”\"")
    work_medium: Text | None = Field(
        default=None, description="when it has only a medium: \"this {medium_lower}\" "
        "({medium_lower} has its first letter in lower case; the medium is cut at a colon)")
    work_unnamed: Text = Field(description="when nothing names it: \"this work\"")
    work_again: Text = Field(description="how later sentences refer back to the work: \"it\"")
    placement: Text = Field(
        description="one per axis: where the work sits and the answers that placed it there "
        "({reasons}, strongest first); {against} is the `against` clause, or nothing")
    placement_bare: Text = Field(
        description="one per axis, when no answer so far moves the work on it")
    also: Text = Field(description="more answers that placed it, when there are more than "
                       "the `placement` sentence cites")
    against: Text = Field(description="a clause for `placement`'s {against}: the answers "
                          "that pull the other way on that axis")
    contested: Text = Field(
        description="when an axis is contested: an answer left it open ({reasons} cites it), "
        "or strong answers pull both ways, or its box reaches well across the middle")
    contested_again: Text | None = Field(
        default=None, description="for a later axis left open by the same answer, so that "
        "its reason is not said twice")
    both_ways: Text = Field(description="the reason `contested` gives when no answer left the "
                            "axis open: \"the answers pull both ways\"")
    either_side: Text = Field(
        description="the reason `contested` gives when only the box makes it contested: "
        "\"what is still open could take it to either side of the middle\"")
    open: Text = Field(
        description="one per axis whose box still has width: what is open ({topics}: the "
        "questions' topics) and how far the work could still move")
    open_again: Text | None = Field(
        default=None, description="for a later axis when every question open on it was "
        "named already (a topic is named once in a reading)")
    archetype: Text = Field(
        description="the nearest archetype, by {name}, and its first note that holds or else "
        "its description ({description})")
    and_: Text = Field(alias="and", description="the word that joins the last two items of a "
                       "list")
    provisional_none: Text = Field(description="when every question shown has an answer")
    too_few: Text = Field(
        description="instead of the whole reading, when fewer than a quarter of the questions "
        "shown (or fewer than two) have an answer")
    no_answers: Text | None = Field(
        default=None, description="instead of `too_few` when nothing has been answered")
    cautions_heading: Text = Field(description="heading of the cautions")
    ask_heading: Text = Field(description="heading of the questions to put to the gallery")
    ask_none: Text = Field(description="when nothing is left to ask")
    signed_evidence: Text | None = Field(
        default=None, description="when the image carries signed Content Credentials")
    closing: Text | None = Field(default=None, description="a last line, e.g. that this is a "
                                 "reading, not a verdict")

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
