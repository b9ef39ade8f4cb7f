"""The region a rubric's answers reach is worked out exactly: checked against brute force over
every combination of answers, on generated rubrics, for what reachability and lint claim."""

from __future__ import annotations

import itertools
import math
import random

from hypothesis import HealthCheck, given, settings
from test_scoring import rubrics

from collector_guide import assess
from collector_guide.authoring.geometry import GRID, any_between, hull, in_cell, minkowski
from collector_guide.authoring.lint import lint
from collector_guide.authoring.reachability import reachability
from collector_guide.authoring.region import Region, answers_of
from collector_guide.rubric import Rubric

MAX_COMBINATIONS = 800


def _small(r: Rubric) -> Rubric:
    """The rubric cut to its first questions, so that every combination can be tried."""
    region = Region(r)
    keep = len(r.questions)
    every = [answers_of(q, region.axes) for q in r.questions]
    while keep > 1 and math.prod(len(a) for a in every[:keep]) > MAX_COMBINATIONS:
        keep -= 1
    data = r.model_dump(by_alias=True, exclude_none=True)
    data["questions"] = data["questions"][:keep]
    return Rubric.model_validate(data)


def _every_placement(r: Rubric, region: Region):
    for combo in itertools.product(*(answers_of(q, region.axes) for q in r.questions)):
        yield assess(r, {q.id: a.value for q, a in zip(r.questions, combo, strict=True)})


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@given(rubrics())
@SETTINGS
def test_what_the_region_says_is_what_brute_force_finds(generated):
    _agrees_with_brute_force(_small(generated))


def test_the_minimal_rubric_agrees_with_brute_force(minimal):
    # It has what generated rubrics lack: an answer that leaves both axes open, a fact id.
    assert any(o.leaves_open for q in minimal.questions for o in q.options)
    _agrees_with_brute_force(minimal)


def _agrees_with_brute_force(r: Rubric) -> None:
    region = Region(r)
    placements = list(_every_placement(r, region))
    slack = len(r.questions) * GRID
    for x, axis in enumerate(r.axes):
        values = [p.axes[axis.id].value for p in placements]
        low, high = region.axis_range(x)
        assert math.isclose(low, min(values), abs_tol=1e-9)
        assert math.isclose(high, max(values), abs_tol=1e-9)
        assert math.isclose(region.centre(x), sum(values) / len(values), abs_tol=1e-9)
        bits = region.values(x)
        assert all(any_between(bits, v - slack, v + slack) for v in values)
    shown = {q for p in placements for q in p.shown}
    assert shown == {r.questions[i].id for s in region.scenarios for i in s.shown}
    reached = {p.nearest_archetype for p in placements}
    flagged = {r.archetypes[loc[1]].id for loc, _, _ in reachability(r) if loc[0] == "archetypes"}
    assert flagged == {a.id for a in r.archetypes} - reached
    triggered = {c for p in placements for c in p.cautions}
    never = {r.cautions[loc[1]].id for loc, _, _ in lint(r) if loc[0] == "cautions"}
    assert never == {c.id for c in r.cautions} - triggered


@given(rubrics())
@SETTINGS
def test_every_placement_lies_in_the_hull_of_its_scenario(r):
    region = Region(r)
    rnd = random.Random(0)
    for _ in range(30):
        answers = {q.id: rnd.choice(answers_of(q, region.axes)).value for q in r.questions}
        placed = assess(r, answers)
        point = tuple(placed.axes[a.id].value for a in r.axes)
        same = [x for x in region.reaches
                if tuple(r.questions[i].id for i in x.scenario.shown) == placed.shown]
        assert any(_inside(x.hull, point) for x in same), point


def _inside(polygon, point) -> bool:
    # A tiny box around the point: scoring rounds each value to 9 decimals.
    box = [((1.0, 0.0), point[0] + 1e-7), ((-1.0, 0.0), -point[0] + 1e-7),
           ((0.0, 1.0), point[1] + 1e-7), ((0.0, -1.0), -point[1] + 1e-7)]
    return bool(in_cell(polygon, box))


def test_the_sum_of_hulls_is_the_hull_of_the_sums():
    rnd = random.Random(7)
    for _ in range(300):
        polygons = [hull([(round(rnd.uniform(-1, 1), 2), round(rnd.uniform(-1, 1), 2))
                          for _ in range(rnd.choice([1, 2, 3, 6]))])
                    for _ in range(rnd.randint(1, 4))]
        brute = hull([tuple(map(sum, zip(*c, strict=True))) for c in itertools.product(*polygons)])
        fast = minkowski(polygons)
        assert len(fast) == len(brute)
        assert all(math.dist(a, b) < 1e-9 for a, b in zip(fast, brute, strict=True))


def test_the_default_rubric_is_analysed_completely(default_rubric):
    region = Region(default_rubric)
    assert region.complete and len(region.scenarios) >= 2
    shown = {i for s in region.scenarios for i in s.shown}
    assert shown == set(range(len(default_rubric.questions)))  # every question can be asked


def test_many_options_are_grouped_as_one_by_one(minimal):
    """A question with many answers is grouped with numpy; the groups are the same."""
    from collector_guide.rubric import Condition, Question

    rnd = random.Random(3)
    options = [{"id": f"o{j}", "label": "l", "evidence": "e",
                "effects": {"agency": rnd.choice([-1.0, -0.5, 0.0, 0.3, 1.0]),
                            "durability": rnd.choice([-0.5, 0.0, 0.5])}} for j in range(9)]
    q = Question.model_validate({"id": "q", "section": "s", "kind": "multiple", "prompt": "p",
                                 "help": "h", "ask_gallery": "a", "options": options})
    conditions = [Condition(question="q", any_of=["o1", "o4"]),
                  Condition(question="q", any_of=["not_sure", "o8"])]
    axes = ["agency", "durability"]

    def groups(answers):
        found = {}
        for a in answers:
            key = (tuple(round(v, 9) for v in a.effects), tuple(a.meets(c) for c in conditions))
            found[key] = found.get(key, 0) + a.weight
        return found

    grouped = answers_of(q, axes, conditions)
    assert groups(grouped) == groups(answers_of(q, axes))
    assert sum(a.weight for a in grouped) == 2 ** 9  # every non-empty set, and "Not sure"
    assert len(grouped) < 2 ** 9 / 4
