"""Where a rubric can place a work, over every combination of answers, reasoned about exactly.

Theory of operation. Which questions are shown depends only on how the earlier answers meet
the `show_if` conditions, so the answers to a question that conditions look at fall into a few
*classes* (the answers that meet the same conditions). A **scenario** picks one class for each
such question that is shown; in a scenario the set of shown questions, and so every question's
share of each axis, is fixed, and the questions are independent: the place of a work is a sum
of one term per shown question, each chosen from that question's answers ("Not sure" adds
nothing). That makes exact reasoning cheap:

- on each axis, the lowest and highest reachable values are sums of per-question extremes;
- the reachable values of an axis are a sum of small sets, kept as a bit set on a fine grid,
  so a band is reachable exactly when a bit falls inside it;
- the reachable places on the map lie in the convex hull of a sum of small point sets, the sum
  of their hulls, so an archetype whose neighbourhood misses every scenario's hull is provably
  out of reach; one in reach is shown by finding answers that land there (`Region.steer`).

Answers that move the work alike are kept once, with a weight (how many answers they stand
for), unless a condition looks at the question. Conditions that are only watched (a caution's)
make classes too, so the same enumeration says whether they can ever hold. Scenarios are capped
(`MAX_SCENARIOS`); past the cap `complete` is false and no claim of "never" should be made.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from collector_guide.authoring.geometry import SPAN, Point, dilate, hull, minkowski, sum_values
from collector_guide.rubric import NOT_SURE, Condition, Question, Rubric, moves

MAX_SCENARIOS = 512
MAX_VALUES = 256  # distinct values of one question on one axis kept exactly; more: a stretch


@dataclass(frozen=True, slots=True)
class Answer:
    """One way to answer a question: what a work file would hold, and its raw effects."""

    choice: tuple[str, ...] | None  # None: "Not sure" (choosing none of several is the same)
    value: object  # NOT_SURE, an option id, or a list of option ids
    effects: tuple[float, ...]  # per axis, before the question's share (capped at ±1)
    weight: int = 1  # how many answers this one stands for (those that move the work alike)

    def meets(self, condition: Condition) -> bool:
        if self.choice is None:
            return NOT_SURE in condition.any_of
        return any(c in condition.any_of for c in self.choice)


def answers_of(question: Question, axes: Sequence[str],
               conditions: Sequence[Condition] | None = None) -> list[Answer]:
    """The answers a question can get: "Not sure", each option, or (multiple) each non-empty
    set of options (scoring reads an empty choice as "Not sure", and a "none of these" given
    with other answers as those answers, so such sets are not listed).

    Given `conditions`, answers that move the work alike and meet the same of these conditions
    are kept once, weighted by how many they stand for; without, every answer is listed.
    """
    options = list(question.options)
    effects = [tuple(o.effects.get(a, 0.0) for a in axes) for o in options]
    # An answer that leaves an axis open counts there as "Not sure" does: it moves nothing.
    opens = [tuple(a in o.leaves_open for a in axes) for o in options]
    found: list[tuple[tuple[str, ...], tuple[float, ...], int]]  # (ids, raw effects, weight)
    if question.kind != "multiple":
        found = [((o.id,), tuple(0.0 if shut else v for v, shut in zip(e, op, strict=True)), 1)
                 for o, e, op in zip(options, effects, opens, strict=True)]
    elif conditions is None or len(options) <= 6:
        sums = [((), tuple(0.0 for _ in axes), tuple(False for _ in axes))]
        for o, e, op in zip(options, effects, opens, strict=True):
            sums += [((*ids, o.id), tuple(s + x for s, x in zip(raw, e, strict=True)),
                      tuple(a or b for a, b in zip(shut, op, strict=True)))
                     for ids, raw, shut in sums]
        alone = {o.id for o in options if o.exclusive}  # "none of these": never with others
        found = [(ids, tuple(0.0 if c else v for v, c in zip(raw, shut, strict=True)), 1)
                 for ids, raw, shut in sums[1:]
                 if not alone or set(ids) <= alone or not set(ids) & alone]
    else:
        found = _alike_sets(options, effects, opens, conditions)
    answers = [Answer(None, NOT_SURE, tuple(0.0 for _ in axes))]
    for choice, raw, weight in found:
        capped = tuple(max(-1.0, min(1.0, v)) for v in raw)
        value = list(choice) if question.kind == "multiple" else choice[0]
        answers.append(Answer(choice, value, capped, weight))
    if conditions is None:
        return answers
    kept: dict[tuple, Answer] = {}
    for a in answers:
        key = (tuple(round(v, 12) for v in a.effects), tuple(a.meets(c) for c in conditions),
               a.choice is None)
        first = kept.get(key)
        kept[key] = a if first is None else Answer(first.choice, first.value, first.effects,
                                                   first.weight + a.weight)
    return list(kept.values())


def _alike_sets(options, effects, opens, conditions):
    """Every non-empty set of many options, grouped (with numpy) by capped effects and by the
    conditions they meet: (a representative's ids, its raw effects, how many)."""
    import numpy as np

    n = len(options)
    masks = np.arange(1, 2 ** n, dtype=np.int64)
    alone = sum(1 << j for j, o in enumerate(options) if o.exclusive)
    masks = masks[((masks & alone) == 0) | ((masks & ~alone) == 0)]  # "none of these" alone
    bits = ((masks[:, None] >> np.arange(n)) & 1).astype(float)
    sums = bits @ np.array(effects, dtype=float).reshape(n, -1)
    sums[(bits @ np.array(opens, dtype=float).reshape(n, -1)) > 0] = 0.0  # left open there
    meets = [(masks & sum(1 << j for j, o in enumerate(options) if o.id in c.any_of)) != 0
             for c in conditions]
    key = np.column_stack([np.clip(sums, -1.0, 1.0).round(12), *meets])
    _, first, counts = np.unique(key, axis=0, return_index=True, return_counts=True)
    return [(tuple(o.id for j, o in enumerate(options) if int(masks[k]) >> j & 1),
             tuple(float(v) for v in sums[k]), int(c))
            for k, c in sorted(zip(first, counts, strict=True))]


@dataclass
class Scenario:
    """Which questions are shown, and the answers each conditioning question is kept to."""

    shown: tuple[int, ...]
    allowed: dict[int, tuple[int, ...]]  # question index → its answers' indices (absent: all)
    holds: dict[int, bool] = field(default_factory=dict)  # watched condition → holds


class _TooMany(Exception):
    pass


def enumerate_scenarios(r: Rubric, answers: Sequence[Sequence[Answer]],
                        watched: Sequence[Condition] = ()) -> tuple[list[Scenario], bool]:
    """Every scenario (and whether the list is complete), with the watched conditions'
    verdicts; questions are visited in order, as `show_if` only looks back."""
    first: dict[str, int] = {}
    for i, q in enumerate(r.questions):
        first.setdefault(q.id, i)
    conditions = {id(c): c for q in r.questions for c in q.conditions}
    conditions.update({id(c): c for c in watched})
    on: dict[int, list[int]] = {}  # question index → ids of the conditions that look at it
    for key, c in conditions.items():
        if c.question in first:
            on.setdefault(first[c.question], []).append(key)
    classes: dict[int, dict[tuple[bool, ...], tuple[int, ...]]] = {}
    for i, keys in on.items():
        grouped: dict[tuple[bool, ...], list[int]] = {}
        for k, a in enumerate(answers[i]):
            grouped.setdefault(tuple(a.meets(conditions[key]) for key in keys), []).append(k)
        classes[i] = {sig: tuple(ks) for sig, ks in grouped.items()}
    found: list[Scenario] = []
    met: dict[int, bool] = {}  # condition id → holds, for the questions decided so far

    def holds(c: Condition) -> bool:
        return met.get(id(c), False)  # unknown, hidden or later questions meet nothing

    def visit(i: int, shown: list[int], allowed: dict[int, tuple[int, ...]]) -> None:
        if len(found) >= MAX_SCENARIOS:
            raise _TooMany
        if i == len(r.questions):
            found.append(Scenario(tuple(shown), dict(allowed),
                                  {id(c): holds(c) for c in watched}))
            return
        if not all(holds(c) for c in r.questions[i].conditions):
            visit(i + 1, shown, allowed)
            return
        shown.append(i)
        if i in classes:
            for sig, members in classes[i].items():
                met.update(zip(on[i], sig, strict=True))
                allowed[i] = members
                visit(i + 1, shown, allowed)
            for key in on[i]:
                met.pop(key, None)
            allowed.pop(i, None)
        else:
            visit(i + 1, shown, allowed)
        shown.pop()

    try:
        visit(0, [], {})
    except _TooMany:
        return found, False
    return found, True


@dataclass
class Reach:
    """One scenario's reach: each shown question's answers as shifts on the map, and their hull."""

    scenario: Scenario
    terms: dict[int, list[tuple[int, Point]]]  # question → (answer index, shift), one per shift
    hull: list[Point]
    shares: dict[int, tuple[float, float]]  # question → its share of each axis


class Region:
    """Everything a rubric's answers can do, worked out once per rubric (`region_of`)."""

    def __init__(self, r: Rubric) -> None:
        self.rubric = r
        self.axes = [a.id for a in r.axes]
        on: dict[str, list[Condition]] = {}
        for q in r.questions:
            for c in q.conditions:
                on.setdefault(c.question, []).append(c)
        self.answers = [answers_of(q, self.axes, on.get(q.id, [])) for q in r.questions]
        self.scenarios, self.complete = enumerate_scenarios(r, self.answers)
        self.exact_values = True  # false once a question had too many values to keep exactly
        self._shapes: dict[tuple, tuple[list[tuple[int, Point]], list[Point]]] = {}
        self.reaches = [self._reach(s) for s in self.scenarios]
        self.at = [tuple(a.at.get(x, 0.0) for x in self.axes) for a in r.archetypes]
        self._values: dict[int, int] = {}

    def _shape(self, i: int, allowed: tuple[int, ...] | None):
        """A question's distinct unscaled shifts (one answer each) and their hull, once."""
        key = (i, allowed)
        if key not in self._shapes:
            answers = self.answers[i]
            ks = allowed if allowed is not None else range(len(answers))
            distinct: dict[Point, int] = {}
            for k in ks:
                distinct.setdefault(answers[k].effects[:2], k)
            raw = [(k, v) for v, k in distinct.items()]
            self._shapes[key] = raw, hull([v for _, v in raw])
        return self._shapes[key]

    def _reach(self, s: Scenario) -> Reach:
        qs = self.rubric.questions
        moving = [[i for i in s.shown if moves(qs[i], a)] for a in self.axes]
        totals = [sum(qs[i].weight for i in m) for m in moving]
        terms: dict[int, list[tuple[int, Point]]] = {}
        shares: dict[int, tuple[float, float]] = {}
        shapes: list[list[Point]] = [[(0.0, 0.0)]]
        for i in s.shown:
            sx, sy = shares[i] = tuple(qs[i].weight / totals[x] if i in moving[x] else 0.0
                                       for x in range(2))
            raw, shape = self._shape(i, s.allowed.get(i))
            terms[i] = [(k, (sx * v[0], sy * v[1])) for k, v in raw]
            shapes.append([(sx * p[0], sy * p[1]) for p in shape])
        return Reach(s, terms, minkowski(shapes), shares)

    def axis_range(self, x: int) -> tuple[float, float]:
        """The lowest and highest value any answers give on axis x (index into the axes)."""
        lows = [sum(min(v[x] for _, v in t) for t in r.terms.values()) for r in self.reaches]
        highs = [sum(max(v[x] for _, v in t) for t in r.terms.values()) for r in self.reaches]
        return (min(lows), max(highs)) if lows else (0.0, 0.0)

    def centre(self, x: int) -> float:
        """The centre of mass of the reachable places on axis x: the average place of a work
        whose every answer is picked at random ("Not sure" and each option alike)."""
        total = 0.0
        for reach in self.reaches:
            s = reach.scenario
            chance = math.prod(sum(self.answers[i][k].weight for k in ks)
                               / sum(a.weight for a in self.answers[i])
                               for i, ks in s.allowed.items())
            for i in s.shown:
                answers, ks = self.answers[i], s.allowed.get(i, range(len(self.answers[i])))
                mean = (sum(answers[k].weight * answers[k].effects[x] for k in ks)
                        / sum(answers[k].weight for k in ks))
                total += chance * reach.shares[i][x] * mean
        return total

    def values(self, x: int) -> int:
        """The bit set (see `geometry.to_grid`) of every value some answers give on axis x."""
        if x not in self._values:
            union = 0
            for reach in self.reaches:
                acc = 1 << SPAN
                for t in reach.terms.values():
                    values = {v[x] for _, v in t}
                    if len(values) > MAX_VALUES:  # so many that they fill their stretch
                        self.exact_values = False
                        acc = dilate(acc, min(values), max(values))
                    else:
                        acc = sum_values(acc, list(values))
                union |= acc
            self._values[x] = union
        return self._values[x]

    def nearest(self, point: Point) -> int:
        """The index of the archetype nearest to a point, ties to the first, as scoring has it."""
        return min(range(len(self.at)),
                   key=lambda k: (round(math.dist(point, self.at[k]), 9), k))

    def work_answers(self, picks: dict[int, int]) -> dict[str, object]:
        qs = self.rubric.questions
        return {qs[i].id: self.answers[i][k].value for i, k in picks.items()}

    def steer(self, reach: Reach, target: Point, accept) -> dict[int, int] | None:
        """Answers in this scenario that bring the work near `target` until `accept(point)`:
        coordinate descent, then every combination when there are few."""
        pick = {i: t[0][0] for i, t in reach.terms.items()}
        shift = {i: dict(t) for i, t in reach.terms.items()}

        def point_of(p: dict[int, int]) -> Point:
            return (sum(shift[i][k][0] for i, k in p.items()),
                    sum(shift[i][k][1] for i, k in p.items()))

        for _ in range(4):
            changed = False
            for i, t in reach.terms.items():
                now = point_of(pick)
                rest = (now[0] - shift[i][pick[i]][0], now[1] - shift[i][pick[i]][1])
                best = min(t, key=lambda kv: math.dist((rest[0] + kv[1][0],
                                                         rest[1] + kv[1][1]), target))[0]
                changed |= best != pick[i]
                pick[i] = best
            if accept(point_of(pick)):
                return pick
            if not changed:
                break
        if math.prod(len(t) for t in reach.terms.values()) <= 20_000:
            for combo in itertools.product(*([k for k, _ in t] for t in reach.terms.values())):
                trial = dict(zip(reach.terms, combo, strict=True))
                if accept(point_of(trial)):
                    return trial
        return None


def region_of(r: Rubric) -> Region:
    """The rubric's region, built once and kept with the (immutable) rubric."""
    return r.cached("region", lambda: Region(r))
