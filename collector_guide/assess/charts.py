"""Chart builders: placements in, plotly figures out. No Streamlit here.

Built with `plotly.graph_objects` (plotly.express costs ~60 ms a figure). Colours come from the
Okabe–Ito palette, which stays distinguishable with the common colour-vision deficiencies, and
every mark also differs in shape or size, never in colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from collector_guide.assess.reading import fmt_value
from collector_guide.assess.scoring import Placement
from collector_guide.rubric import Rubric

ORANGE = "#E69F00"  # this work
SKY = "#56B4E9"  # other works of this visit
MUTED = "rgba(236, 232, 225, 0.35)"  # sample works: faint, for reference
LABEL = "rgba(236, 232, 225, 0.72)"  # archetype names: quiet, but legible in a dim room
GRID = "rgba(236, 232, 225, 0.18)"
TEXT = "#ECE8E1"
FONT = dict(family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", size=13, color=TEXT)


@dataclass(frozen=True)
class MapPoint:
    name: str
    x: float
    y: float


def _layout(rubric: Rubric, height: int, highlight: str | None) -> dict:
    """The frame, the cross of the two spectra, the poles and the archetypes, in one layout.

    Shapes and annotations go in as plain lists: adding them one by one makes plotly
    validate the whole figure each time (about 2.5× slower here).
    """
    x_axis, y_axis = rubric.axes
    grid = dict(color=GRID, width=1)
    pole = dict(showarrow=False, font=dict(size=12, color=TEXT))
    annotations = [
        dict(x=-1, y=0, text=f"← {x_axis.low}", xanchor="left", yanchor="bottom", **pole),
        dict(x=1, y=0, text=f"{x_axis.high} →", xanchor="right", yanchor="bottom", **pole),
        dict(x=0, y=1, text=f"↑ {y_axis.high}", xanchor="center", yanchor="bottom", yshift=2,
             **pole),
        dict(x=0, y=-1, text=f"↓ {y_axis.low}", xanchor="center", yanchor="top", yshift=-2,
             **pole),
    ]
    for arch in rubric.archetypes:
        strong = arch.id == highlight
        annotations.append(dict(
            x=arch.at[x_axis.id], y=arch.at[y_axis.id], showarrow=False,
            text=f"<b>{arch.name}</b>" if strong else arch.name,
            font=dict(size=12, color=TEXT if strong else LABEL),
            bgcolor="rgba(21, 23, 26, 0.55)",
        ))
    common = dict(range=[-1.12, 1.12], showgrid=False, zeroline=False, showticklabels=False,
                  fixedrange=True)
    return dict(
        template="none",  # every colour is set here; plotly's default template is ~90% of a figure
        height=height,
        margin=dict(l=4, r=4, t=26, b=26),
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        font=FONT,
        showlegend=False,
        dragmode=False,
        hovermode="closest",
        hoverlabel=dict(font=FONT, bgcolor="#22252A"),
        xaxis=common,
        yaxis=dict(common, scaleanchor="x", scaleratio=1),
        shapes=[
            dict(type="rect", x0=-1, y0=-1, x1=1, y1=1, line=grid),
            dict(type="line", x0=-1, y0=0, x1=1, y1=0, line=grid),
            dict(type="line", x0=0, y0=-1, x1=0, y1=1, line=grid),
        ],
        annotations=annotations,
    )


def map_figure(
    rubric: Rubric,
    placement: Placement | None = None,
    *,
    samples: Sequence[MapPoint] = (),
    visit: Sequence[MapPoint] = (),
    this_work: str = "This work",
    height: int = 400,
) -> go.Figure:
    """The two spectra: pole labels, archetypes, sample works faint, the work and its box."""
    layout = _layout(rubric, height, placement.nearest_archetype if placement else None)
    x_id, y_id = (a.id for a in rubric.axes)
    traces = []
    if samples:
        traces.append(go.Scatter(
            x=[s.x for s in samples], y=[s.y for s in samples], mode="markers",
            marker=dict(size=8, color=MUTED, symbol="circle-open", line=dict(width=1.5)),
            text=[s.name for s in samples], hovertemplate="%{text}<extra></extra>",
            name="samples",
        ))
    if visit:
        traces.append(go.Scatter(
            x=[v.x for v in visit], y=[v.y for v in visit], mode="markers+text",
            marker=dict(size=12, color=SKY, symbol="diamond", line=dict(width=1, color="#15171A")),
            text=[v.name for v in visit], textposition="top center",
            textfont=dict(size=11, color=SKY), hovertemplate="%{text}<extra></extra>",
            name="visit",
        ))
    if placement is not None:
        px, py = placement.axes[x_id], placement.axes[y_id]
        if px.width > 0 or py.width > 0:
            layout["shapes"].append(dict(
                type="rect", x0=px.low, y0=py.low, x1=px.high, y1=py.high,
                line=dict(color=ORANGE, width=1.5, dash="dot"),
                fillcolor="rgba(230, 159, 0, 0.16)",
            ))
        traces.append(go.Scatter(
            x=[px.value], y=[py.value], mode="markers+text",
            text=[f"<b>{this_work}</b>"],
            textposition=_away_from(rubric, placement, py.value),
            textfont=dict(size=13, color=ORANGE),
            marker=dict(size=18, color=ORANGE, symbol="circle",
                        line=dict(width=2.5, color="#15171A")),
            hovertemplate=(
                f"{this_work}<br>{rubric.axes[0].label}: {fmt_value(px.value)} "
                f"({fmt_value(px.low)} to {fmt_value(px.high)})<br>"
                f"{rubric.axes[1].label}: {fmt_value(py.value)} "
                f"({fmt_value(py.low)} to {fmt_value(py.high)})<extra></extra>"
            ),
            name="this work",
        ))
    return go.Figure(data=traces, layout=layout)


def _away_from(rubric: Rubric, placement: Placement, y: float) -> str:
    """Put the work's label on the side away from its nearest archetype's name (which would
    cover it), and inside the frame."""
    arch = next(a for a in rubric.archetypes if a.id == placement.nearest_archetype)
    above = y >= arch.at[rubric.axes[1].id]
    if y > 0.85:
        above = False
    elif y < -0.85:
        above = True
    return "top center" if above else "bottom center"


def map_alt_text(rubric: Rubric, placement: Placement | None, samples: int = 0,
                 visit: int = 0) -> str:
    """A text alternative for the map, for screen readers and anyone who prefers words."""
    x_axis, y_axis = rubric.axes
    parts = [f"Map. Across: {x_axis.label}, from {x_axis.low} (left) to {x_axis.high} (right). "
             f"Up: {y_axis.label}, from {y_axis.low} (bottom) to {y_axis.high} (top)."]
    if placement is not None:
        px, py = placement.axes[x_axis.id], placement.axes[y_axis.id]
        archetypes = {a.id: a.name for a in rubric.archetypes}
        parts.append(
            f"This work is at {fmt_value(px.value)} across ({px.band}) and "
            f"{fmt_value(py.value)} up ({py.band}), nearest to "
            f"{archetypes[placement.nearest_archetype]}."
        )
        if px.width or py.width:
            parts.append(
                f"It could still move from {fmt_value(px.low)} to {fmt_value(px.high)} across "
                f"and from {fmt_value(py.low)} to {fmt_value(py.high)} up."
            )
    if samples:
        parts.append(f"{samples} sample works are shown faintly for comparison.")
    if visit:
        parts.append(f"{visit} other works of this visit are shown as diamonds.")
    return " ".join(parts)


def contributions_figure(rubric: Rubric, placement: Placement, labels: dict[str, str],
                         limit: int = 6) -> go.Figure:
    """What moved it: one row per answer, strongest first, a bar per axis (solid and hatched).

    Each row's label sits above its bars across the full width, so long answers stay legible
    on a phone. `labels` maps question id → the text shown for the row.
    """
    rows = [c for c in placement.contributions if c.magnitude > 0][:limit]
    reach = max([abs(v) for c in rows for v in c.shifts.values()] + [0.05]) * 1.15
    styles = ((ORANGE, ""), (SKY, "/"))
    traces = [
        go.Bar(
            orientation="h",
            y=[i * 3 + 1 + k * 0.9 for i in range(len(rows))],
            x=[c.shifts.get(axis.id, 0.0) for c in rows],
            width=0.8,
            name=f"{axis.label}: − {axis.low}, + {axis.high}",
            marker=dict(color=colour, pattern=dict(shape=pattern, fgcolor="#15171A",
                                                   fillmode="overlay", solidity=0.35)),
            hovertemplate="%{x:+.2f}<extra>" + axis.label + "</extra>",
        )
        for k, (axis, (colour, pattern)) in enumerate(zip(rubric.axes, styles, strict=True))
    ]
    annotations = [
        dict(x=-reach, y=i * 3, text=labels.get(c.question_id, c.question_id), xanchor="left",
             yanchor="middle", showarrow=False, font=dict(size=12, color=TEXT),
             bgcolor="#15171A")
        for i, c in enumerate(rows)
    ]
    layout = dict(
        template="none",
        height=70 + 58 * max(1, len(rows)),
        margin=dict(l=4, r=4, t=4, b=4),
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        font=FONT,
        dragmode=False,
        barmode="overlay",
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, font=dict(size=12)),
        xaxis=dict(range=[-reach, reach], zeroline=True, zerolinecolor=MUTED, zerolinewidth=1,
                   showgrid=False, fixedrange=True, showticklabels=False),
        yaxis=dict(range=[3 * len(rows) - 0.8, -0.8], showticklabels=False, showgrid=False,
                   zeroline=False, fixedrange=True),
        annotations=annotations,
    )
    return go.Figure(data=traces, layout=layout)
