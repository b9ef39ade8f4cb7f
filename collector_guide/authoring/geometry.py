"""The shapes a rubric's region is made of: convex polygons on the map, bit sets on an axis.

Polygons are lists of points, counter-clockwise (a segment or a single point when degenerate);
`minkowski` adds them, `clip` and `in_cell` cut them to an archetype's neighbourhood. An axis's
reachable values are a Python int used as a bit set on a grid of `GRID` steps: adding a
question's values is a few shifts, and `dilate` adds a whole stretch at once.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

GRID = 1e-5  # the resolution of an axis's reachable values
SPAN = 100_500  # grid steps either side of 0 (a little beyond ±1, for rounding)
Point = tuple[float, float]


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
    return round(value / GRID) + SPAN


def from_grid(bit: int) -> float:
    return (bit - SPAN) * GRID


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


def dilate(acc: int, low: float, high: float) -> int:
    """The bit set of every a + v for a in `acc` and v anywhere from `low` to `high`."""
    start, width = round(low / GRID), max(0, round(high / GRID) - round(low / GRID))
    acc = acc << start if start >= 0 else acc >> -start
    done = 1
    while done <= width:  # widen by doubling: [0, done) → [0, 2·done)
        step = min(done, width + 1 - done)
        acc |= acc << step
        done += step
    return acc
