"""Where the map's marks go, so that no label covers another label or a point.

The map is drawn at any width, but it is laid out for the narrowest one it must serve (a
phone's plot area, `REFERENCE_WIDTH` px): a wider screen only pulls marks further apart across,
while text and markers keep their size, so what is clear on a phone stays clear on a desktop.

A simple greedy pass, in order of importance: the points that are facts (sample works, this
work) stay where they are; the visit's markers, the archetypes' numbered badges and then the
work's label each take the first candidate position, nearest first, that is inside the frame and
clear of everything placed before (and, for the work's label, of its own box's edges).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

REFERENCE_WIDTH = 320.0  # px: a 360 px phone, less the page's and the chart's margins
SPAN = 1.12  # the plot shows -SPAN..SPAN on both axes; the frame is at ±1
CHAR_WIDTH = 0.62  # of the font size, a generous average for bold system sans-serif text


@dataclass(frozen=True)
class Rect:
    """A box in reference pixels, y downwards."""

    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: Rect, gap: float = 2.0) -> bool:
        return not (self.x1 + gap <= other.x0 or other.x1 + gap <= self.x0
                    or self.y1 + gap <= other.y0 or other.y1 + gap <= self.y0)

    def inside(self, other: Rect) -> bool:
        return (self.x0 >= other.x0 and self.y0 >= other.y0
                and self.x1 <= other.x1 and self.y1 <= other.y1)


@dataclass(frozen=True)
class Frame:
    """The reference plot area: data (-SPAN..SPAN) ↔ pixels."""

    height: float
    width: float = REFERENCE_WIDTH

    def px(self, x: float, y: float) -> tuple[float, float]:
        return ((x + SPAN) / (2 * SPAN) * self.width, (SPAN - y) / (2 * SPAN) * self.height)

    def data(self, px: float, py: float) -> tuple[float, float]:
        return (px / self.width * 2 * SPAN - SPAN, SPAN - py / self.height * 2 * SPAN)

    @property
    def plot(self) -> Rect:
        return Rect(0, 0, self.width, self.height)

    def square(self, x: float, y: float, size: float) -> Rect:
        cx, cy = self.px(x, y)
        return Rect(cx - size / 2, cy - size / 2, cx + size / 2, cy + size / 2)


def text_size(text: str, font: float) -> tuple[float, float]:
    """A generous estimate of a one-line label's box, padding included."""
    return len(text) * font * CHAR_WIDTH + 8, font * 1.35 + 4


def _rings(step: float, count: int) -> list[tuple[float, float]]:
    """Offsets to try, nearest first: the spot itself, then eight directions per ring."""
    offsets = [(0.0, 0.0)]
    for ring in range(1, count + 1):
        r = ring * step
        offsets += [(r * math.cos(a), r * math.sin(a))
                    for a in (math.pi * k / 4 for k in (0, 4, 2, 6, 1, 3, 5, 7))]
    return offsets


def dodge(frame: Frame, points: Sequence[tuple[float, float]], size: float,
          taken: list[Rect], *, step: float = 12.0, rings: int = 5
          ) -> list[tuple[float, float]]:
    """Markers of `size` px at `points` (data), each moved the least needed to be clear of
    what is `taken` and of each other; returns their data positions and extends `taken`."""
    placed = []
    for x, y in points:
        cx, cy = frame.px(x, y)
        best = None
        for dx, dy in _rings(step, rings):
            box = Rect(cx + dx - size / 2, cy + dy - size / 2, cx + dx + size / 2,
                       cy + dy + size / 2)
            if box.inside(frame.plot) and not any(box.overlaps(t) for t in taken):
                best = box
                break
        if best is None:  # crowded: keep the true spot rather than wander off
            best = Rect(cx - size / 2, cy - size / 2, cx + size / 2, cy + size / 2)
        taken.append(best)
        placed.append(frame.data((best.x0 + best.x1) / 2, (best.y0 + best.y1) / 2))
    return placed


# Where a label may sit around its point: (xanchor, yanchor, direction x, direction y).
_AROUND = (("left", "middle", 1, 0), ("right", "middle", -1, 0), ("center", "bottom", 0, -1),
           ("center", "top", 0, 1), ("left", "bottom", 0.75, -0.75),
           ("right", "bottom", -0.75, -0.75), ("left", "top", 0.75, 0.75),
           ("right", "top", -0.75, 0.75), ("left", "bottom", 0, -1), ("right", "bottom", 0, -1),
           ("left", "top", 0, 1), ("right", "top", 0, 1))


@dataclass(frozen=True)
class LabelSpot:
    xanchor: str
    yanchor: str
    xshift: float  # px from the point, as plotly's annotation xshift / yshift (y upwards)
    yshift: float
    clear: bool  # False when no spot was free and the least crowded one was taken
    rect: Rect  # where it is, in reference pixels


def label_spot(frame: Frame, x: float, y: float, text: str, font: float, radius: float,
               taken: Sequence[Rect], edges: Sequence[Rect] = ()) -> LabelSpot:
    """A spot next to the point (x, y) for a one-line label, clear of `taken` and `edges`."""
    w, h = text_size(text, font)
    cx, cy = frame.px(x, y)
    inner = Rect(frame.px(-1, 1)[0], frame.px(-1, 1)[1], frame.px(1, -1)[0], frame.px(1, -1)[1])
    best, best_cost = None, math.inf
    for distance in (radius + 3, radius + 12, radius + 24, radius + 38, radius + 54):
        for xa, ya, dx, dy in _AROUND:
            ox, oy = dx * distance, dy * distance
            left = {"left": cx + ox, "right": cx + ox - w, "center": cx + ox - w / 2}[xa]
            top = {"top": cy + oy, "bottom": cy + oy - h, "middle": cy + oy - h / 2}[ya]
            box = Rect(left, top, left + w, top + h)
            cost = sum(1 for t in (*taken, *edges) if box.overlaps(t))
            cost += 0 if box.inside(inner) else 10
            if cost < best_cost:
                best, best_cost = LabelSpot(xa, ya, ox, -oy, cost == 0, box), cost
            if cost == 0:
                return best
    assert best is not None
    return best


def box_edges(frame: Frame, x0: float, y0: float, x1: float, y1: float) -> list[Rect]:
    """The four edges of the work's box as thin rectangles: its label must not cross them."""
    (ax, ay), (bx, by) = frame.px(x0, y1), frame.px(x1, y0)
    t = 1.5
    return [Rect(ax - t, ay - t, bx + t, ay + t), Rect(ax - t, by - t, bx + t, by + t),
            Rect(ax - t, ay - t, ax + t, by + t), Rect(bx - t, ay - t, bx + t, by + t)]
