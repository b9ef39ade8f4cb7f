"""Checks that need the whole rubric but no scoring: ids, references, bands, templates.

Each check yields `(key path, message, severity)`; the loader turns the path into a line and a
readable location. Messages say what is allowed and suggest the nearest valid name. Checks that
need scoring (can every band be reached?) sit above scoring, in `collector_guide.authoring`.
"""

from __future__ import annotations

import string
from collections.abc import Iterator
from typing import Literal

from collector_guide.rubric.fields import NOT_SURE
from collector_guide.rubric.labels import LABEL_PLACEHOLDERS, Labels
from collector_guide.rubric.models import READING_PLACEHOLDERS, Condition, Rubric, moves
from collector_guide.rubric.problems import did_you_mean, listing

Found = tuple[tuple, str, Literal["error", "warning"]]
EPSILON = 1e-9


def rubric(r: Rubric) -> list[Found]:
    """Every structural problem of a rubric that parsed and matched the model."""
    found: list[Found] = []
    for check in (_unique_ids, _references, _gating, _effects, _answers_left_open, _exclusive,
                  _facts, _bands, _templates, _sections):
        found += check(r)
    return found


def _duplicates(items, where: str) -> Iterator[Found]:
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if item.id in seen:
            yield (
                (where, index, "id"),
                f"duplicate id '{item.id}': item #{seen[item.id] + 1} of {where} uses it too; "
                "ids must be unique",
                "error",
            )
        else:
            seen[item.id] = index


def _unique_ids(r: Rubric) -> Iterator[Found]:
    for where in ("axes", "sections", "questions", "archetypes", "cautions"):
        yield from _duplicates(getattr(r, where), where)
    for qi, q in enumerate(r.questions):
        for loc, msg, sev in _duplicates(q.options, "options"):
            yield ("questions", qi, *loc), msg, sev


def _condition(r: Rubric, cond: Condition, loc: tuple, before: int | None) -> Iterator[Found]:
    """A condition must name an existing (and, for show_if, earlier) question and its options."""
    ids = [q.id for q in r.questions]
    if cond.question not in ids:
        yield (
            (*loc, "question"),
            f"no question has the id '{cond.question}'."
            + did_you_mean(cond.question, ids),
            "error",
        )
        return
    if before is not None and ids.index(cond.question) >= before:
        yield (
            (*loc, "question"),
            f"'{cond.question}' is not asked before this question; show_if can only depend "
            "on a question written earlier in the file",
            "error",
        )
    options = [o.id for o in r.question(cond.question).options] + [NOT_SURE]
    for i, option in enumerate(cond.any_of):
        if option not in options:
            yield (
                (*loc, "any_of", i),
                f"'{option}' is not an answer to question '{cond.question}'; its answers are: "
                f"{listing(options)}." + did_you_mean(option, options),
                "error",
            )


def _references(r: Rubric) -> Iterator[Found]:
    if r.rubric.translation_of == r.rubric.id:
        yield (("rubric", "translation_of"), "a rubric cannot be a translation of itself: "
               "write the id of the rubric this one translates, and give this one its own id",
               "error")
    sections = [s.id for s in r.sections]
    for qi, q in enumerate(r.questions):
        if q.section not in sections:
            yield (
                ("questions", qi, "section"),
                f"no section has the id '{q.section}'; the sections are: {listing(sections)}."
                + did_you_mean(q.section, sections),
                "error",
            )
        for ci, cond in enumerate(q.conditions):
            yield from _condition(r, cond, ("questions", qi, "show_if", ci), before=qi)
    for ci, caution in enumerate(r.cautions):
        for k, cond in enumerate(caution.conditions):
            yield from _condition(r, cond, ("cautions", ci, "when", k), before=None)
    for hi, hint in enumerate(r.evidence_hints):
        yield from _condition(r, hint.suggest, ("evidence_hints", hi, "suggest"), before=None)
    for ai, arch in enumerate(r.archetypes):
        for ni, note in enumerate(arch.notes):
            for k, cond in enumerate(note.when):
                yield from _condition(r, cond, ("archetypes", ai, "notes", ni, "when", k),
                                      before=None)


def _gating(r: Rubric) -> Iterator[Found]:
    """"Not sure" must never hide a question: not knowing one answer is no reason to skip the
    next question (it may be exactly what the gallery can tell)."""
    for qi, q in enumerate(r.questions):
        for ci, cond in enumerate(q.conditions):
            if NOT_SURE not in cond.any_of and r.question(cond.question) is not None:
                yield (
                    ("questions", qi, "show_if", ci, "any_of"),
                    f"this question is hidden when '{cond.question}' is answered \"Not sure\" "
                    f"or not at all; add '{NOT_SURE}' to any_of so that a collector who cannot "
                    "tell is still asked",
                    "warning",
                )


def _unknown_axis(loc: tuple, axis: str, axes: list[str]) -> Found:
    return (loc, f"unknown axis '{axis}'; the axes are: {listing(axes)}."
            + did_you_mean(axis, axes), "error")


def _effects(r: Rubric) -> Iterator[Found]:
    axes = [a.id for a in r.axes]
    for qi, q in enumerate(r.questions):
        for oi, option in enumerate(q.options):
            for axis in option.effects:
                if axis not in axes:
                    yield _unknown_axis(("questions", qi, "options", oi, "effects", axis),
                                        axis, axes)
        if not any(moves(q, a) for a in axes):
            yield (
                ("questions", qi),
                "no answer to this question moves either axis; it will be asked but cannot "
                "place the work (give some option `effects`)",
                "warning",
            )
    for ai, axis in enumerate(r.axes):
        if not any(moves(q, axis.id) for q in r.questions):
            yield (
                ("axes", ai),
                f"no question moves the axis '{axis.id}': give some options an effect on it",
                "error",
            )
    for ai, arch in enumerate(r.archetypes):
        for axis in arch.at:
            if axis not in axes:
                yield _unknown_axis(("archetypes", ai, "at", axis), axis, axes)
        for axis in axes:
            if axis not in arch.at:
                yield (("archetypes", ai, "at"), f"gives no position on the axis '{axis}'", "error")


def _answers_left_open(r: Rubric) -> Iterator[Found]:
    axes = [a.id for a in r.axes]
    for qi, q in enumerate(r.questions):
        for oi, option in enumerate(q.options):
            for k, axis in enumerate(option.leaves_open):
                loc = ("questions", qi, "options", oi, "leaves_open", k)
                if axis not in axes:
                    yield _unknown_axis(loc, axis, axes)
                elif option.effects.get(axis, 0.0) != 0.0:
                    yield (loc, f"this answer leaves '{axis}' open, so it cannot also move it: "
                           f"remove its effect on '{axis}'", "error")
                elif not moves(q, axis):
                    yield (loc, f"no answer to this question moves '{axis}', so there is "
                           "nothing to leave open there", "warning")


def _exclusive(r: Rubric) -> Iterator[Found]:
    for qi, q in enumerate(r.questions):
        for oi, option in enumerate(q.options):
            if option.exclusive and q.kind != "multiple":
                yield (("questions", qi, "options", oi, "exclusive"),
                       "only an answer to a multiple-choice question can exclude the others; "
                       "here every answer excludes the others already", "warning")


def _facts(r: Rubric) -> Iterator[Found]:
    """Two answers to one question that state the same fact overlap: a collector could pick
    either for the same work."""
    for qi, q in enumerate(r.questions):
        seen: dict[str, str] = {}
        for oi, option in enumerate(q.options):
            if option.fact is None:
                continue
            if option.fact in seen:
                yield (("questions", qi, "options", oi, "fact"),
                       f"the option '{seen[option.fact]}' of this question states the fact "
                       f"'{option.fact}' too; options of one question should not overlap",
                       "warning")
            else:
                seen[option.fact] = option.id


def _bands(r: Rubric) -> Iterator[Found]:
    axes = [a.id for a in r.axes]
    for bi, band in enumerate(r.bands):
        if band.axis not in axes:
            yield _unknown_axis(("bands", bi, "axis"), band.axis, axes)
        elif band.from_ >= band.to:
            yield (("bands", bi, "to"), f"must be greater than from ({band.from_})", "error")
    for axis in axes:
        indexed = sorted(
            ((bi, b) for bi, b in enumerate(r.bands) if b.axis == axis and b.from_ < b.to),
            key=lambda pair: pair[1].from_,
        )
        if not indexed:
            yield (("bands",), f"the axis '{axis}' has no bands; they must cover it from -1 to 1",
                   "error")
            continue
        first_i, first = indexed[0]
        if first.from_ > -1 + EPSILON:
            yield (("bands", first_i, "from"),
                   f"the bands of '{axis}' must start at -1; the first starts at {first.from_}",
                   "error")
        for (_, prev), (bi, band) in zip(indexed, indexed[1:], strict=False):
            if band.from_ > prev.to + EPSILON:
                yield (("bands", bi, "from"),
                       f"gap on '{axis}' between {prev.to} and {band.from_}: no band covers it",
                       "error")
            elif band.from_ < prev.to - EPSILON:
                yield (("bands", bi, "from"),
                       f"overlaps the band '{prev.label}' on '{axis}', which runs to {prev.to}",
                       "error")
        last_i, last = indexed[-1]
        if last.to < 1 - EPSILON:
            yield (("bands", last_i, "to"),
                   f"the bands of '{axis}' must end at 1; the last ends at {last.to}", "error")


def _placeholders(template: str) -> list[str]:
    try:
        return [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
    except ValueError:
        return ["{"]


def _template(loc: tuple, template: str, allowed: tuple[str, ...]) -> Iterator[Found]:
    for name in _placeholders(template):
        if name == "{" or name not in allowed:
            shown = ", ".join("{" + a + "}" for a in allowed) or "none (write {{ and }} for braces)"
            hint = did_you_mean(name, allowed)
            yield (
                loc,
                f"unknown placeholder '{{{name}}}'; allowed here: {shown}.{hint}"
                if name != "{"
                else f"unbalanced braces; placeholders allowed here: {shown}",
                "error",
            )


def _templates(r: Rubric) -> Iterator[Found]:
    for key, allowed in READING_PLACEHOLDERS.items():
        value = getattr(r.reading, "and_" if key == "and" else key)
        if value:
            yield from _template(("reading", key), value, allowed)
    for name in Labels.model_fields:
        allowed = LABEL_PLACEHOLDERS.get(name, ())
        yield from _template(("labels", name), getattr(r.labels, name), allowed)


def _sections(r: Rubric) -> Iterator[Found]:
    for si, section in enumerate(r.sections):
        if not r.questions_in(section.id):
            yield (("sections", si), "no question belongs to this section", "error")
