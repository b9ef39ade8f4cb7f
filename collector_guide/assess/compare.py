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

import plotly.graph_objects as go

from collector_guide.assess.charts import INK, SIZE, map_figure
from collector_guide.assess.reading import fmt_value
from collector_guide.assess.scoring import Placement, assess
from collector_guide.rubric import Labels, Rubric

CLOSE = 0.1  # on a -1..+1 axis, two points nearer than this read as "close together"
GREEN = "#009E73"  # the gallery's reading: Okabe–Ito bluish green, 5.3:1 on the background


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

    @property
    def left_open(self) -> bool:
        """The visitor left it open (Not sure, unanswered or not asked); the gallery did not:
        something the gallery knows, rather than a different view."""
        return not self.visitor and bool(self.gallery)


@dataclass(frozen=True)
class Comparison:
    visitor: Placement
    gallery: Placement
    gap: dict[str, float]  # per axis: the gallery's value less the visitor's
    overlap: bool  # whether the two boxes (or points) share ground on both axes
    differences: tuple[Difference, ...]  # the biggest movers first; ties in rubric order
    same: tuple[str, ...]  # questions both answered alike, in rubric order
    asked: int  # questions both readings answered (alike or not)
    shared_notes: tuple[tuple[str, str], ...]  # (question id, note) on answers both share

    @property
    def answered_differently(self) -> tuple[Difference, ...]:
        return tuple(d for d in self.differences if not d.left_open)

    @property
    def left_open(self) -> tuple[Difference, ...]:
        return tuple(d for d in self.differences if d.left_open)


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
        if not a and not b:  # open in both (Not sure, unanswered, or not asked): no difference
            continue
        asked += bool(a and b)
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
        d = rubric.locale.decimal
        words = dict(axis=axis.label, you=fmt_value(you, d), gallery=fmt_value(them, d))
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
    """How much the two readings share, or "" when they share too few answered questions for a
    count to say anything (the one difference is then right below)."""
    if not comparison.differences:
        return labels.compare_all_same
    if comparison.asked < 2:
        return ""
    return labels.compare_same.format(same=len(comparison.same), asked=comparison.asked)


def comparison_figure(rubric: Rubric, comparison: Comparison, you: str, gallery: str,
                      height: int = 400) -> go.Figure:
    """One map, both readings: the visitor's as on their own map (orange circle, dotted box),
    the gallery's as a green square with a dashed box. Shape and line tell them apart too."""
    fig = map_figure(rubric, comparison.visitor, this_work=you, height=height)
    x_id, y_id = (a.id for a in rubric.axes)
    gx, gy = comparison.gallery.axes[x_id], comparison.gallery.axes[y_id]
    shapes = list(fig.layout.shapes)
    if gx.width > 0 or gy.width > 0:
        shapes.append(dict(type="rect", x0=gx.low, y0=gy.low, x1=gx.high, y1=gy.high,
                           line=dict(color=GREEN, width=2, dash="dash"),
                           fillcolor="rgba(0, 158, 115, 0.12)", layer="below"))
    above = gy.value > comparison.visitor.axes[y_id].value  # its label away from the other
    annotations = [*fig.layout.annotations, dict(
        x=gx.value, y=gy.value, text=f"<b>{gallery}</b>", showarrow=False,
        # Towards the middle from a point near an edge, so the label stays inside the frame.
        xanchor="left" if gx.value < -0.3 else "right" if gx.value > 0.3 else "center",
        xshift=-8 if gx.value < -0.3 else 8 if gx.value > 0.3 else 0,
        yanchor="bottom" if above else "top", yshift=14 if above else -14,
        font=dict(size=SIZE, color=GREEN), bgcolor="rgba(21, 23, 26, 0.85)")]
    fig.update_layout(shapes=shapes, annotations=annotations)
    fig.add_trace(go.Scatter(
        x=[gx.value], y=[gy.value], mode="markers", name="gallery",
        marker=dict(size=16, color=GREEN, symbol="square", line=dict(width=2.5, color=INK)),
        hovertemplate=(f"{gallery}<br>{rubric.axes[0].label}: "
                       f"{fmt_value(gx.value, rubric.locale.decimal)}<br>"
                       f"{rubric.axes[1].label}: "
                       f"{fmt_value(gy.value, rubric.locale.decimal)}<extra></extra>"),
    ))
    return fig
