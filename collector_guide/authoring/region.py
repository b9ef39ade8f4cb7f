"""Where a rubric can place a work, over every combination of answers, reasoned about exactly.

Theory of operation. Which questions are shown depends only on how the earlier answers meet
the `show_if` conditions, so the answers to a question that conditions depend on fall into a
few *classes* (the answers that meet the same conditions). A **scenario** picks one class for
each such question that is shown; in a scenario the set of shown questions, and so every
question's share of each axis, is fixed, and the questions are independent: the place of a
work is a sum of one term per shown question, each chosen from that question's answers
("Not sure" adds nothing). That makes exact reasoning cheap:

- on each axis, the lowest and highest reachable values are sums of per-question extremes;
- the set of reachable values of an axis is a sum of small sets, kept as a bit set on a fine
  grid (`GRID`), so a band is reachable exactly when a bit falls inside it;
- the reachable region on the map lies in the convex hull of a sum of small point sets, the
  sum of their hulls, so an archetype whose neighbourhood misses every scenario's hull is
  provably out of reach; one that is in reach is shown by finding answers that land there.

Conditions that are watched but do not gate anything (a caution's) are classes too, so the
same enumeration says whether they can ever hold. Scenarios are capped (`MAX_SCENARIOS`);
past the cap `complete` is false and no claim of "never" should be made.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from collector_guide.rubric import NOT_SURE, Condition, Question, Rubric, moves

MAX_SCENARIOS = 512
GRID = 1e-5  # the resolution of an axis's reachable values
_SPAN = 100_500  # grid steps either side of 0 (a little beyond ±1, for rounding)
Point = tuple[float, float]


@dataclass(frozen=True)
class Answer:
    """One way to answer a question: what a work file would hold, and its raw effects."""

    choice: tuple[str, ...] | None  # None: "Not sure" (choosing none of several is the same)
    value: object  # NOT_SURE, an option id, or a list of option ids
    effects: tuple[float, ...]  # per axis, before the question's share (capped at ±1)

    def meets(self, condition: Condition) -> bool:
        if self.choice is None:
            return NOT_SURE in condition.any_of
        return any(c in condition.any_of for c in self.choice)


def answers_of(question: Question, axes: Sequence[str]) -> tuple[Answer, ...]:
    """Every answer a question can get: "Not sure", each option, or (multiple) each non-empty
    set of options (scoring reads an empty choice as "Not sure")."""
    def effects(ids: tuple[str, ...]) -> tuple[float, ...]:
        chosen = [o for o in question.options if o.id in ids]
        return tuple(max(-1.0, min(1.0, sum(o.effects.get(a, 0.0) for o in chosen)))
                     for a in axes)

    found = [Answer(None, NOT_SURE, tuple(0.0 for _ in axes))]
    if question.kind == "multiple":
        ids = list(dict.fromkeys(o.id for o in question.options))
        for n in range(1, len(ids) + 1):
            found += [Answer(c, list(c), effects(c)) for c in itertools.combinations(ids, n)]
    else:
        found += [Answer((o.id,), o.id, effects((o.id,))) for o in question.options]
    return tuple(found)


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
    first = {}
    for i, q in enumerate(r.questions):
        first.setdefault(q.id, i)
    on: dict[int, list[int]] = {}  # question index → ids of the conditions that look at it
    conditions = {id(c): c for q in r.questions for c in q.conditions}
    conditions.update({id(c): c for c in watched})
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


# --- plane geometry ------------------------------------------------------------------------


def _cross(o: Point, a: Point, b: Point) -> float:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def hull(points: Sequence[Point]) -> list[Point]:
    """The convex hull, counter-clockwise (a segment or a point when the points are in line)."""
    pts = sorted(set((round(x, 12), round(y, 12)) for x, y in points))
    if len(pts) <= 2:
        return pts

    def half(seq):
        out: list[Point] = []
        for p in seq:
            while len(out) >= 2 and _cross(out[-2], out[-1], p) <= 0:
                out.pop()
            out.append(p)
        return out

    lower, upper = half(pts), half(reversed(pts))
    return lower[:-1] + upper[:-1] or pts[:1]


def minkowski(polygons: Sequence[Sequence[Point]]) -> list[Point]:
    """The hull of the sum of convex polygons: their edges, sorted by angle, walked from the
    sum of their lowest points."""
    x = sum(min(p, key=lambda v: (v[1], v[0]))[0] for p in polygons)
    y = sum(min(p, key=lambda v: (v[1], v[0]))[1] for p in polygons)
    edges = []
    for p in polygons:
        if len(p) > 1:
            edges += [(q[0] - o[0], q[1] - o[1]) for o, q in zip(p, [*p[1:], p[0]], strict=True)]
    edges.sort(key=lambda e: math.atan2(e[1], e[0]) % (2 * math.pi))
    walk = [(x, y)]
    for dx, dy in edges:
        x, y = x + dx, y + dy
        walk.append((x, y))
    return hull(walk)


def clip(polygon: Sequence[Point], normal: Point, limit: float) -> list[Point]:
    """The part of a convex polygon (or segment, or point) where normal · p ≤ limit."""
    def inside(p: Point) -> float:
        return limit - (normal[0] * p[0] + normal[1] * p[1])

    if len(polygon) <= 1:
        return list(polygon) if polygon and inside(polygon[0]) >= -1e-12 else []
    out: list[Point] = []
    n = len(polygon) if len(polygon) > 2 else 1  # a segment has one edge
    for k in range(n):
        p, q = polygon[k], polygon[(k + 1) % len(polygon)]
        dp, dq = inside(p), inside(q)
        if dp >= -1e-12:
            out.append(p)
        if (dp >= -1e-12) != (dq >= -1e-12):
            t = dp / (dp - dq)
            out.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
        if len(polygon) == 2 and dq >= -1e-12:
            out.append(q)
    return hull(out) if out else []


def cell(at: Sequence[Point], k: int) -> list[tuple[Point, float]]:
    """The half-planes (normal, limit) of the places nearer archetype k than any other."""
    ax, ay = at[k]
    return [((bx - ax, by - ay), (bx * bx + by * by - ax * ax - ay * ay) / 2)
            for j, (bx, by) in enumerate(at) if j != k]


def in_cell(polygon: Sequence[Point], planes) -> list[Point]:
    for normal, limit in planes:
        polygon = clip(polygon, normal, limit)
        if not polygon:
            break
    return list(polygon)


def nearest_on(polygon: Sequence[Point], target: Point) -> Point:
    """The point of a convex polygon nearest to a target."""
    if len(polygon) >= 3 and all(_cross(polygon[k], polygon[(k + 1) % len(polygon)], target)
                                 >= 0 for k in range(len(polygon))):
        return target
    best, best_d = polygon[0], math.inf
    edges = zip(polygon, polygon[1:] + polygon[:1], strict=True) if len(polygon) > 1 else [
        (polygon[0], polygon[0])]
    for p, q in edges:
        dx, dy = q[0] - p[0], q[1] - p[1]
        length = dx * dx + dy * dy
        t = 0.0 if not length else max(0.0, min(1.0, ((target[0] - p[0]) * dx
                                                       + (target[1] - p[1]) * dy) / length))
        c = (p[0] + t * dx, p[1] + t * dy)
        d = math.dist(c, target)
        if d < best_d:
            best, best_d = c, d
    return best


# --- values on one axis, as bit sets ---------------------------------------------------------


def to_grid(value: float) -> int:
    return round(value / GRID) + _SPAN


def from_grid(bit: int) -> float:
    return (bit - _SPAN) * GRID


def sum_values(acc: int, values: Sequence[float]) -> int:
    """The bit set of every a + v, for a in `acc` and v in `values`."""
    out = 0
    for step in {round(v / GRID) for v in values}:
        out |= acc << step if step >= 0 else acc >> -step
    return out


def any_between(bits: int, low: float, high: float) -> bool:
    lo, hi = max(0, to_grid(low)), to_grid(high)
    if hi < lo:
        return False
    return bool((bits >> lo) & ((1 << (hi - lo + 1)) - 1))


def nearest_value(bits: int, target: float) -> float | None:
    if not bits:
        return None
    t = max(0, to_grid(target))
    below = bits & ((1 << (t + 1)) - 1)
    above = bits >> t
    candidates = []
    if below:
        candidates.append(below.bit_length() - 1)
    if above:
        candidates.append(t + ((above & -above).bit_length() - 1))
    return from_grid(min(candidates, key=lambda b: abs(b - t)))


# --- the region of one rubric ----------------------------------------------------------------


@dataclass
class Reach:
    """One scenario's reach: each shown question's answers as shifts on the map, and their hull."""

    scenario: Scenario
    terms: dict[int, list[tuple[int, Point]]]  # question → (answer index, shift) per answer
    hull: list[Point]


class Region:
    """Everything a rubric's answers can do, worked out once per rubric (`region_of`)."""

    def __init__(self, r: Rubric) -> None:
        self.rubric = r
        self.axes = [a.id for a in r.axes]
        self.answers = [answers_of(q, self.axes) for q in r.questions]
        self.scenarios, self.complete = enumerate_scenarios(r, self.answers)
        self.reaches = [self._reach(s) for s in self.scenarios]
        self.at = [tuple(a.at.get(x, 0.0) for x in self.axes) for a in r.archetypes]
        self._values: dict[int, int] = {}

    def _reach(self, s: Scenario) -> Reach:
        qs = self.rubric.questions
        moving = [[i for i in s.shown if moves(qs[i], a)] for a in self.axes]
        totals = [sum(qs[i].weight for i in m) for m in moving]
        terms: dict[int, list[tuple[int, Point]]] = {}
        shapes: list[list[Point]] = [[(0.0, 0.0)]]
        for i in s.shown:
            shares = [qs[i].weight / totals[x] if i in moving[x] else 0.0 for x in range(2)]
            terms[i] = [(k, (shares[0] * a.effects[0], shares[1] * a.effects[1]))
                        for k, a in enumerate(self.answers[i])
                        if i not in s.allowed or k in s.allowed[i]]
            shapes.append(hull([v for _, v in terms[i]]))
        return Reach(s, terms, minkowski(shapes))

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
            chance = math.prod(len(ks) / len(self.answers[i])
                               for i, ks in reach.scenario.allowed.items())
            total += chance * sum(sum(v[x] for _, v in t) / len(t) for t in reach.terms.values())
        return total

    def values(self, x: int) -> int:
        """The bit set (see `to_grid`) of every value some answers give on axis x."""
        if x not in self._values:
            union = 0
            for reach in self.reaches:
                acc = 1 << _SPAN
                for t in reach.terms.values():
                    acc = sum_values(acc, [v[x] for _, v in t])
                union |= acc
            self._values[x] = union
        return self._values[x]

    def nearest(self, point: Point) -> int:
        """The index of the archetype nearest to a point, ties to the first, as scoring has it."""
        return min(range(len(self.at)),
                   key=lambda k: (round(math.dist(point, self.at[k]), 9), k))

    def work_answers(self, reach: Reach, picks: dict[int, int]) -> dict[str, object]:
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
