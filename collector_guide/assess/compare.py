"""Two readings of one work, side by side: the visitor's and the gallery's.

Pure: a rubric and two sets of answers in, a `Comparison` out. It says where each reading sits,
how far apart they are on each axis, and, question by question, where the answers differ, with
the gallery's note and how much that difference moves the work. It never says which reading is
right: both are places on a spectrum, and the words that present them (`compare_*` in the
rubric's labels) say so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from collector_guide.assess.reading import fmt_value
from collector_guide.assess.scoring import Placement, assess
from collector_guide.rubric import Labels, Rubric

CLOSE = 0.1  # on a -1..+1 axis, two points nearer than this read as "close together"


@dataclass(frozen=True)
class Difference:
    """One question the two readings answered differently."""

    question_id: str
    visitor: tuple[str, ...] | None  # option ids; () = Not sure or unanswered; None = not asked
    gallery: tuple[str, ...] | None
    note: str | None
    shifts: dict[str, float]  # per axis: what the gallery's answer moved, less the visitor's

    @property
    def magnitude(self) -> float:
        return sum(abs(v) for v in self.shifts.values())


@dataclass(frozen=True)
class Comparison:
    visitor: Placement
    gallery: Placement
    gap: dict[str, float]  # per axis: the gallery's value less the visitor's
    overlap: bool  # whether the two boxes (or points) share ground on both axes
    differences: tuple[Difference, ...]  # the biggest movers first; ties in rubric order
    same: tuple[str, ...]  # questions both answered alike, in rubric order
    asked: int  # questions asked in either reading
    shared_notes: tuple[tuple[str, str], ...]  # (question id, note) on answers both share


def _picked(placement: Placement, qid: str) -> tuple[str, ...] | None:
    if qid not in placement.shown:
        return None
    return tuple(sorted(placement.answers.get(qid, ())))


def _shifts(placement: Placement) -> dict[str, dict[str, float]]:
    return {c.question_id: c.shifts for c in placement.contributions}


def compare(rubric: Rubric, visitor_answers: Mapping[str, object],
            gallery_answers: Mapping[str, object],
            notes: Mapping[str, str] | None = None) -> Comparison:
    notes = notes or {}
    you, them = assess(rubric, visitor_answers), assess(rubric, gallery_answers)
    mine, theirs = _shifts(you), _shifts(them)
    differences: list[Difference] = []
    same: list[str] = []
    shared_notes: list[tuple[str, str]] = []
    asked = 0
    for q in rubric.questions:
        a, b = _picked(you, q.id), _picked(them, q.id)
        if a is None and b is None:
            continue
        asked += 1
        if a == b:
            same.append(q.id)
            if notes.get(q.id):
                shared_notes.append((q.id, notes[q.id]))
            continue
        shifts = {
            axis.id: round(theirs.get(q.id, {}).get(axis.id, 0.0)
                           - mine.get(q.id, {}).get(axis.id, 0.0), 9)
            for axis in rubric.axes
        }
        differences.append(Difference(q.id, a, b, notes.get(q.id), shifts))
    differences.sort(key=lambda d: -d.magnitude)  # stable: ties keep rubric order
    gap = {a.id: round(them.axes[a.id].value - you.axes[a.id].value, 9) for a in rubric.axes}
    overlap = all(
        you.axes[a.id].low <= them.axes[a.id].high and them.axes[a.id].low <= you.axes[a.id].high
        for a in rubric.axes
    )
    return Comparison(you, them, gap, overlap, tuple(differences), tuple(same), asked,
                      tuple(shared_notes))


def answer_words(rubric: Rubric, question_id: str, picked: tuple[str, ...] | None,
                 labels: Labels | None = None) -> str:
    """An answer as the visitor saw it: the options' labels, "Not sure", or "Not asked"."""
    labels = labels or rubric.labels
    if picked is None:
        return labels.compare_not_asked
    if not picked:
        return labels.not_sure
    q = rubric.question(question_id)
    order = [o.id for o in q.options]
    chosen = sorted(picked, key=lambda o: order.index(o) if o in order else len(order))
    return "; ".join(q.option(o).label for o in chosen if q.option(o))


def axis_sentences(rubric: Rubric, comparison: Comparison,
                   labels: Labels | None = None) -> list[str]:
    """One sentence per axis on where the two readings sit, then one on their boxes."""
    labels = labels or rubric.labels
    out = []
    for axis in rubric.axes:
        you = comparison.visitor.axes[axis.id].value
        them = comparison.gallery.axes[axis.id].value
        gap = comparison.gap[axis.id]
        words = dict(axis=axis.label, you=fmt_value(you), gallery=fmt_value(them))
        if abs(gap) < CLOSE:
            out.append(labels.compare_axis_close.format(**words))
        else:
            pole = axis.high if gap > 0 else axis.low
            out.append(labels.compare_axis_apart.format(pole=pole, **words))
    if comparison.overlap and (comparison.visitor.axes[rubric.axes[0].id].width
                               or comparison.gallery.axes[rubric.axes[0].id].width
                               or comparison.visitor.axes[rubric.axes[1].id].width
                               or comparison.gallery.axes[rubric.axes[1].id].width):
        out.append(labels.compare_overlap)
    return out


def summary_sentence(comparison: Comparison, labels: Labels) -> str:
    if not comparison.differences:
        return labels.compare_all_same
    return labels.compare_same.format(same=len(comparison.same), asked=comparison.asked)
