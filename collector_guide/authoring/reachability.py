"""Reachability: can some combination of answers place a work in every band and archetype?

A rubric can be well-formed and still promise what its questions cannot deliver (an archetype no
answers land nearest to). Finding out needs scoring, so these checks sit above it. They reason
over every combination of answers (`collector_guide.authoring.region`): a band is out of reach
when no reachable value falls in it; an archetype when its neighbourhood misses the hull of
every scenario's reach, and in reach once answers are found that `assess` places nearest to it.
"""

from __future__ import annotations

from collections.abc import Iterator

from collector_guide.assess.scoring import assess, band_label
from collector_guide.authoring.geometry import (
    GRID,
    any_between,
    cell,
    in_cell,
    nearest_on,
    nearest_value,
)
from collector_guide.authoring.region import Region, region_of
from collector_guide.rubric.checks import EPSILON, Found
from collector_guide.rubric.models import Rubric


def reachability(r: Rubric) -> Iterator[Found]:
    """Archetypes and bands that no combination of answers reaches, as errors."""
    region = region_of(r)
    for ai in range(len(r.archetypes)):
        found, proven, near = _archetype(region, ai)
        if found:
            continue
        yield (
            ("archetypes", ai, "at"),
            f"no answers {'can' if proven else 'seem to'} place a work nearest to this "
            f"archetype (the closest the questions reach lands nearer '{near}'); move it or "
            "give the questions effects that reach it",
            "error",
        )
    for bi, band in enumerate(r.bands):
        x = region.axes.index(band.axis)
        reached, value = _band(region, bi, x)
        if not reached:
            middle = (band.from_ + band.to) / 2
            yield (
                ("bands", bi),
                f"no answers reach this band (the nearest the questions get to {middle:+.2f} "
                f"is {value:+.2f}); widen it or strengthen the effects",
                "error",
            )


def _archetype(region: Region, k: int) -> tuple[bool, bool, str]:
    """(reached, unreachable for certain, the archetype the closest reachable place is near)."""
    r = region.rubric
    twin = next((j for j in range(k) if region.at[j] == region.at[k]), None)
    if twin is not None:  # ties go to the archetype written first
        return False, True, r.archetypes[twin].id
    planes = cell(region.at, k)
    target = region.at[k]
    best, best_d = None, float("inf")
    for reach in region.reaches:
        inside = in_cell(reach.hull, planes)
        if not inside:
            closest = nearest_on(reach.hull, target)
            d = (closest[0] - target[0]) ** 2 + (closest[1] - target[1]) ** 2
            if d < best_d:
                best, best_d = closest, d
            continue
        middle = (sum(p[0] for p in inside) / len(inside), sum(p[1] for p in inside) / len(inside))
        targets = [middle] + [((p[0] + middle[0]) / 2, (p[1] + middle[1]) / 2) for p in inside]
        for aim in targets:
            pick = region.steer(reach, aim, lambda p: region.nearest(p) == k)
            if pick is not None:
                placed = assess(r, region.work_answers(pick))
                if placed.nearest_archetype == r.archetypes[k].id:
                    return True, False, ""
        best, best_d = middle, 0.0
    others = [j for j in range(len(region.at)) if j != k]
    near = min(others, key=lambda j: (sum((a - b) ** 2 for a, b in zip(
        best or (0.0, 0.0), region.at[j], strict=True)), j)) if others else k
    return False, best_d > 0 and region.complete, r.archetypes[near].id


def _band(region: Region, bi: int, x: int) -> tuple[bool, float]:
    """(some answers place a work in band bi, the reachable value nearest its middle)."""
    r = region.rubric
    band = r.bands[bi]
    bits = region.values(x)
    slack = len(r.questions) * GRID  # the grid's rounding, summed over the questions
    top = band.to + slack if band.to >= 1 - EPSILON else band.to - slack
    middle = (band.from_ + band.to) / 2
    if any_between(bits, band.from_ + slack, top):
        return True, middle
    if not any_between(bits, band.from_ - slack, band.to + slack):
        return False, nearest_value(bits, middle) or 0.0
    # Only a value at the band's very edge: ask scoring itself whether it is inside.
    edge = nearest_value(bits, middle) or 0.0
    for reach in region.reaches:
        aim = (edge, 0.0) if x == 0 else (0.0, edge)
        pick = region.steer(reach, aim, lambda p: abs(p[x] - edge) <= slack)
        if pick is not None:
            value = assess(r, region.work_answers(pick)).axes[band.axis].value
            if band_label(r, band.axis, value) == band.label:
                return True, middle
    return True, middle  # not shown either way: say nothing rather than cry wolf
