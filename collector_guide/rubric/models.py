"""The rubric model: what a rubric TOML file may say, and nothing more.

Every key a rubric author can write is declared here with its type, its limits and, in the
docstring under it, what it means in an author's words: those docstrings become the
descriptions of `rubrics/rubric.schema.json` (what an editor shows while typing) and of
`docs/rubric-format.md`. Unknown keys are rejected so that a misspelling is never silently
ignored. Cross-references (ids that must exist, bands that must cover an axis) are checked by
`collector_guide.rubric.checks`.
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
    model_validator,
)

from collector_guide.rubric.fields import NOT_SURE, Id, Strict, Text, Unit
from collector_guide.rubric.labels import Labels
from collector_guide.rubric.locales import DEFAULT_LANGUAGE, Locale, locale, match

EVIDENCE_CATEGORIES = (
    "ai-generated",
    "ai-assisted-or-composite",
    "possibly-ai",
    "algorithmic-not-ai",
    "camera-capture",
)


class RubricInfo(Strict):
    """Who made the rubric, what it is called, and which version and language it is in."""

    id: Id
    """A short name that never changes, saved in work files and links (for example
    "assisted-vs-generated"). Renaming it makes saved works and shared links stop opening."""
    title: Text
    """The rubric's name, shown on the start screen."""
    version: Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z][0-9A-Za-z.+-]{0,31}$")]
    """Written like "1.0". Raise it whenever questions, answers or weights change: saved works
    remember the version they were read with, and are told when it has changed."""
    language: Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    """The language every visitor-facing word is written in, as a short tag: "en" for
    English, "de" for German, "pt-BR" for Brazilian Portuguese."""
    summary: Text
    """Two sentences on what this guide is for, shown on the start screen."""
    authors: list[Text] = []
    """Who wrote the rubric: a list of names, such as ["Ada Reyes", "The Print Room"]."""
    gallery: Text | None = None
    """The hosting gallery's name, shown above the start screen and in the browser tab."""
    translation_of: Id | None = None
    """Only in a translation: the id of the rubric this one translates. `collector-guide
    check` then makes sure both have the same questions, answers, ids and weights, so a work
    read in one language places the same in the other. Give the translation its own id
    (for example "assisted-vs-generated-de") and the same version as the original."""


class Axis(Strict):
    """One of the two spectra a work is placed on, running from a low pole to a high pole."""

    id: Id
    """A short name for the spectrum, used in answers' `effects` and in archetypes' `at`."""
    label: Text
    """The spectrum's name as the visitor reads it, for example "Where agency sits"."""
    explanation: Text
    """One line that explains the spectrum to a newcomer."""
    low: Text
    """The name of the pole at -1, for example "AI-assisted"."""
    high: Text
    """The name of the pole at +1, for example "AI-generated"."""


class Section(Strict):
    """A group of questions shown together on one screen, in the order they are written."""

    id: Id
    """A short name for the section, used in each question's `section`."""
    title: Text
    """The screen's heading."""
    intro: Text | None = None
    """One or two sentences shown under the heading."""


class Condition(Strict):
    """Holds when the answer to `question` is one of `any_of` (for a question with several
    answers: when any chosen answer is one of them)."""

    question: Id
    """The id of the question whose answer is looked at."""
    any_of: Annotated[list[Id], Field(min_length=1)]
    """The answers (option ids) that make the condition hold; "not_sure" may be one."""


def _one_or_many(value: object) -> object:
    # `show_if = { ... }` and `show_if = [{ ... }, { ... }]` mean the same: a list internally.
    return [value] if isinstance(value, dict) else value


class _OneOrMany:
    """Tells the JSON Schema what `_one_or_many` lets through: one table, or a list of them."""

    def __get_pydantic_json_schema__(self, core_schema, handler):
        array = handler(core_schema)
        return {"if": {"type": "object"}, "then": array["items"], "else": array}


Conditions = Annotated[
    list[Condition], BeforeValidator(_one_or_many), Field(min_length=1), _OneOrMany()
]
"""A condition, or a list of conditions that must all hold."""


class Option(Strict):
    """One answer a visitor can choose. "Not sure" is offered automatically: never write it."""

    id: Id = Field(json_schema_extra={"not": {"const": NOT_SURE}})
    """A short name for the answer, saved in work files and links: do not rename it lightly.
    "not_sure" is taken: every question offers "Not sure" by itself."""
    label: Text
    """The answer as the visitor reads it."""
    effects: dict[Id, Unit] = {}
    """Where this answer moves the work on each spectrum, from -1 (all the way to the low
    pole) to +1 (all the way to the high pole), for example { agency = -0.5 }; the question's
    share of the spectrum scales it. A spectrum left out is not moved."""
    evidence: Text
    """A short clause the written reading cites as a reason, written to follow "because", for
    example "the image began with the artist's own camera"."""
    fact: Id | None = None
    """A short name for the fact this answer states. Answers of different questions that state
    the same fact in other words share it, and the reading cites the fact once, where it moved
    the work most."""
    exclusive: Annotated[bool, Field(strict=True)] = False
    """Only in a question that takes several answers, for its "none of these": choosing it
    clears the other answers, and choosing another clears it."""
    leaves_open: list[Id] = []
    """The spectra on which this answer ("contested", "can't tell yet") leaves the question
    open, as "Not sure" would: it does not move the work there, the box keeps the question's
    full reach, and the reading calls that spectrum contested."""
    gloss: Text | None = None
    """One line that explains a technical word in the answer (in-painting, fine-tuned,
    corpus…), shown when the visitor taps for it."""

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
    """One question the visitor is asked, with its answers."""

    id: Id
    """A short name for the question, saved in work files and links: do not rename it
    lightly."""
    section: Id
    """The id of the section (screen) the question appears in."""
    kind: Literal["single", "multiple", "scale"]
    """How the visitor answers: "single" picks one answer; "multiple" picks any number, whose
    effects add up; "scale" picks one from answers written in order, one end to the other."""
    prompt: Text
    """The question itself, as the visitor reads it."""
    help: Text
    """Why this matters: a sentence or two, one tap away, that teaches what to look for."""
    weight: Annotated[float, Field(gt=0, le=10, strict=True)] = 1.0
    """How much this question counts compared with the others that move the same spectrum
    (more than 0, at most 10; 1 if left out)."""
    ask_gallery: Text
    """What the visitor could ask the gallery when they answer "Not sure"."""
    topic: Text | None = None
    """A short phrase naming what the question asks about ("the edition"), used where the
    reading lists what is still open; without it, the prompt is used."""
    show_if: Conditions | None = None
    """Ask this question only when earlier answers meet a condition, for example
    { question = "source", any_of = ["model", "not_sure"] }; a list of conditions must all
    hold. Include "not_sure" in any_of, so that a visitor who does not know the earlier
    answer is still asked."""
    options: Annotated[list[Option], Field(min_length=2, max_length=12)]
    """The answers, 2 to 12 of them, each written as a [[questions.options]] table."""

    @property
    def conditions(self) -> list[Condition]:
        return list(self.show_if or [])

    def option(self, option_id: str) -> Option | None:
        return next((o for o in self.options if o.id == option_id), None)


class Band(Strict):
    """A named stretch of a spectrum, used in the written reading ("leans AI-assisted")."""

    axis: Id
    """The id of the spectrum this stretch belongs to."""
    from_: Unit = Field(alias="from")
    """Where the stretch starts, from -1 to 1; a work exactly here belongs to it."""
    to: Unit
    """Where the stretch ends, from -1 to 1; a work exactly here belongs to the next stretch
    (except at 1, the end of the spectrum)."""
    label: Text
    """How the reading names the stretch, for example "leans AI-assisted"."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class ArchetypeNote(Strict):
    """A sentence about this work that the reading says, in place of an archetype's
    description, when its answers hold."""

    when: Conditions
    """The answers that make the sentence true: a condition, or a list that must all hold."""
    text: Text
    """The sentence, written to fill the `archetype` sentence's {description}."""


class Archetype(Strict):
    """A named place on the map: the reading names the archetype nearest to the work."""

    id: Id
    """A short name for the archetype."""
    name: Text
    """The archetype's name as the visitor reads it, for example "The authored chain"."""
    at: dict[Id, Unit]
    """Its place on the map: a number from -1 to 1 for each spectrum, for example
    { agency = -0.6, durability = 0.6 }."""
    description: Text
    """What works near here often are, phrased so that it holds for any work placed nearby
    ("works here often …"): it must never assert what a work's answers could contradict; say
    that in `notes`."""
    summary: Text | None = None
    """One line that explains the archetype where its name appears on the map."""
    notes: list[ArchetypeNote] = []
    """Sentences about this work, each shown only when its `when` holds; the reading shows the
    first that applies, in place of the description."""


class Caution(Strict):
    """A note shown with the reading when particular answers are given."""

    id: Id
    """A short name for the caution."""
    when: Conditions
    """The answers that bring the caution up: a condition, or a list of conditions that must
    all hold."""
    title: Text
    """A short heading."""
    text: Text
    """One or two sentences."""

    @property
    def conditions(self) -> list[Condition]:
        return list(self.when)


class EvidenceHint(Strict):
    """Which answer a finding in the photo's file (its provenance) suggests. The visitor
    always confirms or changes the suggestion."""

    category: Literal[EVIDENCE_CATEGORIES]  # type: ignore[valid-type]
    """The kind of finding in the photo's file, from the most to the least machine-made:
    made by a model, partly made or edited with one, perhaps, by an algorithm that is not AI,
    or taken by a camera."""
    suggest: Condition
    """The answer it suggests: the first answer listed in `any_of`."""
    note: Text
    """Why, in plain words, shown next to the suggestion."""


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

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Rubric(Strict):
    """A Collector Guide rubric: the spectra, the questions and every word the visitor reads.
    The format is described in docs/rubric-format.md."""

    rubric: RubricInfo
    """Who made the rubric, its id, version and language."""
    axes: Annotated[list[Axis], Field(min_length=2, max_length=2)]
    """Exactly two spectra, each a [[axes]] table. The first is drawn across, the second up
    and down."""
    sections: Annotated[list[Section], Field(min_length=1)]
    """The screens of questions, each a [[sections]] table, shown in the order written."""
    questions: Annotated[list[Question], Field(min_length=1, max_length=60)]
    """The questions, each a [[questions]] table (at most 60), asked in the order written."""
    bands: Annotated[list[Band], Field(min_length=2)]
    """Named stretches of each spectrum, each a [[bands]] table; together they must cover
    each spectrum from -1 to 1 without gaps or overlaps."""
    archetypes: Annotated[list[Archetype], Field(min_length=1)]
    """Named places on the map, each an [[archetypes]] table."""
    cautions: list[Caution] = []
    """Notes brought up by particular answers, each a [[cautions]] table."""
    evidence_hints: list[EvidenceHint] = []
    """Which answers a finding in the photo's file suggests, each an [[evidence_hints]]
    table."""
    reading: ReadingText
    """The sentences the written reading is assembled from."""
    labels: Labels = Labels()
    """Every word of the app's interface, to rephrase; leave out what should keep its default:
    the words of the rubric's language from the guide's locale files (English when the guide
    has none for it; see docs/labels.md)."""

    @model_validator(mode="before")
    @classmethod
    def _labels_in_its_language(cls, data):
        # A rubric in a language the guide has a locale file for starts from that file's
        # labels; only the labels it writes itself are then checked as the author's.
        if not isinstance(data, dict):
            return data
        info, labels = data.get("rubric"), data.get("labels", {})
        language = info.get("language") if isinstance(info, dict) else None
        if not isinstance(language, str) or not isinstance(labels, dict):
            return data
        tag = match(language)
        if tag is None or tag == DEFAULT_LANGUAGE:
            return data
        return {**data, "labels": {**locale(tag).labels, **labels}}

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

    @property
    def locale(self) -> Locale:
        """The locale of the rubric's language (English when the guide has none for it): how
        its numbers are written, and its name in the language switch."""
        return locale(self.rubric.language)

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
