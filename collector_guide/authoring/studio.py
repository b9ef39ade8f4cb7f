"""What the rubric studio shows an author, worked out without Streamlit: the lines around a
problem, where each sample work lands before and after an edit, and the reachability map.

`places` scores sample works' answers on a rubric; `moves` pairs the places on two versions of a
rubric by work; `reach_figure` draws the region the answers can reach (each scenario's hull, see
`collector_guide.authoring.region`), the bands' edges, the archetypes and the samples, with a
line from where each moved sample was to where it is now.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from collector_guide.assess.charts import GRID, ORANGE, SKY, MapPoint, map_figure
from collector_guide.assess.escape import plotly as _t
from collector_guide.assess.scoring import assess
from collector_guide.authoring.region import region_of
from collector_guide.rubric.models import Rubric

MOVED = 0.005  # a sample that shifts less than this on both axes has not moved
MAX_HULLS = 64  # scenarios drawn on the map; more are alike enough not to show
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class Line:
    number: int
    text: str
    marked: bool


def excerpt(text: str, line: int | None, around: int = 2) -> list[Line]:
    """The lines around `line` (1-based), the line itself marked; none without a line."""
    if line is None:
        return []
    lines = text.splitlines() or [""]
    line = max(1, min(line, len(lines)))
    first, last = max(1, line - around), min(len(lines), line + around)
    return [Line(n, lines[n - 1], n == line) for n in range(first, last + 1)]


def excerpt_block(text: str, line: int | None, column: int | None = None,
                  around: int = 2) -> str:
    """The excerpt as plain text for a code block: line numbers, the bad line marked with `▶`
    and, when the column is known, a caret under it."""
    shown = excerpt(text, line, around)
    if not shown:
        return ""
    width = len(str(shown[-1].number))
    out = []
    for ln in shown:
        out.append(f"{'▶' if ln.marked else ' '} {ln.number:>{width}} │ {ln.text}")
        if ln.marked and column:
            out.append(f"  {' ' * width} │ {' ' * (column - 1)}^")
    return "\n".join(out)


def safe_filename(name: str, fallback: str = "rubric") -> str:
    """A download's file name: letters, digits, dots, dashes and underscores only, ending in
    .toml (a name from a pasted file may hold anything)."""
    base = re.split(r"[/\\]", name)[-1].strip()
    base = base[:-5] if base.lower().endswith(".toml") else base
    stem = _UNSAFE_NAME.sub("-", base).strip(".-")[:80].strip(".-")
    return f"{stem or fallback}.toml"


@dataclass(frozen=True)
class Place:
    """Where a sample work lands on one version of a rubric."""

    x: float
    y: float
    archetype: str  # the nearest archetype's name
    bands: tuple[str, str]


def places(r: Rubric, works: Mapping[str, Mapping[str, object]]) -> dict[str, Place]:
    """Each work (name → answers) placed on `r`; answers that no longer fit are ignored, as
    scoring ignores them."""
    names = {a.id: a.name for a in r.archetypes}
    x_id, y_id = (a.id for a in r.axes)
    out = {}
    for name, answers in works.items():
        p = assess(r, answers)
        out[name] = Place(p.axes[x_id].value, p.axes[y_id].value, names[p.nearest_archetype],
                          (p.axes[x_id].band, p.axes[y_id].band))
    return out


@dataclass(frozen=True)
class Move:
    work: str
    before: Place | None
    after: Place | None

    @property
    def moved(self) -> bool:
        if self.before is None or self.after is None:
            return self.before is not self.after
        return (abs(self.before.x - self.after.x) >= MOVED
                or abs(self.before.y - self.after.y) >= MOVED
                or self.before.archetype != self.after.archetype)


def moves(before: Mapping[str, Place], after: Mapping[str, Place]) -> list[Move]:
    """Every work's place before and after, in the order the works came."""
    names = list(dict.fromkeys([*before, *after]))
    return [Move(n, before.get(n), after.get(n)) for n in names]


def reach_figure(r: Rubric, samples: Mapping[str, Place], *, was: Mapping[str, Place] | None = None,
                 region_name: str = "reachable", height: int = 420) -> go.Figure:
    """The map of what the rubric can reach: the region (shaded), the bands' edges (dotted),
    the archetypes' badges, each sample work as a point and, given `was`, a line from where a
    moved sample was before the edit."""
    points = [MapPoint(name, p.x, p.y) for name, p in samples.items()]
    fig = map_figure(r, None, samples=points, height=height)
    region = region_of(r)
    hulls = list(dict.fromkeys(tuple(reach.hull) for reach in region.reaches))[:MAX_HULLS]
    xs: list[float | None] = []
    ys: list[float | None] = []
    for hull in hulls:
        ring = list(hull) + [hull[0]]
        xs += [p[0] for p in ring] + [None]
        ys += [p[1] for p in ring] + [None]
    # Below every other trace: the region is the ground the marks stand on.
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", fill="toself", hoverinfo="skip",
                             line=dict(color=SKY, width=1.5), fillcolor="rgba(86, 180, 233, 0.14)",
                             name=_t(region_name)))
    fig.data = (fig.data[-1], *fig.data[:-1])
    edges = []
    for band in r.bands:
        vertical = band.axis == r.axes[0].id
        for at in (band.from_, band.to):
            if -1 < at < 1:
                edges.append(dict(type="line", line=dict(color=GRID, width=1, dash="dot"),
                                  **(dict(x0=at, x1=at, y0=-1, y1=1) if vertical
                                     else dict(x0=-1, x1=1, y0=at, y1=at))))
    fig.update_layout(shapes=[*fig.layout.shapes, *edges])
    if was:
        lines_x: list[float | None] = []
        lines_y: list[float | None] = []
        for name, now in samples.items():
            old = was.get(name)
            if old is not None and math.dist((old.x, old.y), (now.x, now.y)) >= MOVED:
                lines_x += [old.x, now.x, None]
                lines_y += [old.y, now.y, None]
        if lines_x:
            fig.add_trace(go.Scatter(x=lines_x, y=lines_y, mode="lines", hoverinfo="skip",
                                     line=dict(color=ORANGE, width=2), name="moved"))
    return fig


def band_lines(r: Rubric) -> list[str]:
    """Each axis's bands in words, e.g. "Agency: −1.00 to −0.50 sits firmly on …"."""
    out = []
    for axis in r.axes:
        bands = [b for b in r.bands if b.axis == axis.id]
        out.append(f"{axis.label}: " + "; ".join(
            f"{_num(b.from_)} … {_num(b.to)} {b.label}" for b in bands))
    return out


def _num(v: float) -> str:
    return f"{v:+.2f}".replace("-", "−")


def titles(works: Sequence[tuple[str, str]]) -> dict[str, str]:
    """Display names for works given as (slug, title): the title, or the slug when two share
    a title or one has none."""
    counts: dict[str, int] = {}
    for _, title in works:
        counts[title] = counts.get(title, 0) + 1
    return {slug: title if title and counts[title] == 1 else f"{title or slug} ({slug})"
            for slug, title in works}
