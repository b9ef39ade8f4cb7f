"""Reachability: can some combination of answers place a work in every band and archetype?

A rubric can be well-formed and still promise what its questions cannot deliver (an archetype no
answers land nearest to). Finding out needs scoring, so these checks sit above it.
"""

from __future__ import annotations

from collections.abc import Iterator

from collector_guide.assess.scoring import assess, band_label
from collector_guide.rubric.checks import EPSILON, Found
from collector_guide.rubric.fields import NOT_SURE
from collector_guide.rubric.models import Rubric


def _steer(r: Rubric, target: dict[str, float], reached) -> dict[str, object]:
    """Answers chosen greedily to bring the work as close as possible to `target`.

    A few passes of coordinate descent: for each question in turn, keep the answer (or "Not
    sure") that brings the point nearest. Cheap, deterministic, and good enough to show that
    a region can be reached.
    """
    answers: dict[str, object] = {}

    def cost(a: dict[str, object]) -> float:
        placed = assess(r, a).axes
        return sum((placed[k].value - v) ** 2 for k, v in target.items())

    best = cost(answers)
    for _ in range(3):
        if reached(assess(r, answers)):
            break
        improved = False
        for q in r.questions:
            choices: list[object] = [NOT_SURE] + [o.id for o in q.options]
            if q.kind == "multiple":
                current = answers.get(q.id)
                picked = list(current) if isinstance(current, list) else []
                choices = [[o.id] for o in q.options] + [
                    sorted({*picked, o.id}) for o in q.options if o.id not in picked
                ] + [NOT_SURE]
            for choice in choices:
                trial = {**answers, q.id: choice}
                c = cost(trial)
                if c < best - EPSILON:
                    best, answers, improved = c, trial, True
            if improved and reached(assess(r, answers)):
                return answers
        if not improved:
            break
    return answers


def reachability(r: Rubric) -> Iterator[Found]:
    """Archetypes and bands that no combination of answers seems to reach, as errors."""
    for ai, arch in enumerate(r.archetypes):
        placement = assess(r, _steer(r, dict(arch.at),
                                     lambda p, a=arch: p.nearest_archetype == a.id))
        if placement.nearest_archetype != arch.id:
            near = placement.nearest_archetype
            yield (
                ("archetypes", ai, "at"),
                f"no answers seem to place a work nearest to this archetype (the closest the "
                f"questions reach lands nearer '{near}'); move it or give the questions "
                "effects that reach it",
                "error",
            )
    for bi, band in enumerate(r.bands):
        middle = (band.from_ + band.to) / 2
        placement = assess(r, _steer(
            r, {band.axis: middle},
            lambda p, b=band: band_label(r, b.axis, p.axes[b.axis].value) == b.label,
        ))
        value = placement.axes[band.axis].value
        if band_label(r, band.axis, value) != band.label:
            yield (
                ("bands", bi),
                f"no answers seem to reach this band (the nearest the questions get to "
                f"{middle:+.2f} is {value:+.2f}); widen it or strengthen the effects",
                "error",
            )
