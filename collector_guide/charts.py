"""Chart builders: placements in, plotly figures out. No Streamlit here.

Built with `plotly.graph_objects` (plotly.express costs ~60 ms a figure). Colours come from the
Okabe–Ito palette, which stays distinguishable with the common colour-vision deficiencies, and
every mark also differs in shape or size, never in colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from collector_guide.reading import fmt_value
from collector_guide.rubric import Rubric
from collector_guide.scoring import Placement

ORANGE = "#E69F00"  # this work
SKY = "#56B4E9"  # other works of this visit
GREEN = "#009E73"
MUTED = "rgba(236, 232, 225, 0.45)"  # sample works: faint, for reference
GRID = "rgba(236, 232, 225, 0.18)"
TEXT = "#ECE8E1"
FONT = dict(family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", size=13, color=TEXT)


@dataclass(frozen=True)
class MapPoint:
    name: str
    x: float
    y: float


def _base(rubric: Rubric, height: int) -> go.Figure:
    x_axis, y_axis = rubric.axes
    fig = go.Figure()
    fig.update_layout(
        height=height,
        margin=dict(l=8, r=8, t=28, b=28),
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        font=FONT,
        showlegend=False,
        dragmode=False,
        hovermode="closest",
        hoverlabel=dict(font=FONT, bgcolor="#22252A"),
    )
    common = dict(range=[-1.12, 1.12], showgrid=False, zeroline=False, showticklabels=False,
                  fixedrange=True)
    fig.update_xaxes(**common)
    fig.update_yaxes(**common, scaleanchor="x", scaleratio=1)
    # The cross of the two spectra, and the outer frame.
    fig.add_shape(type="rect", x0=-1, y0=-1, x1=1, y1=1, line=dict(color=GRID, width=1))
    fig.add_shape(type="line", x0=-1, y0=0, x1=1, y1=0, line=dict(color=GRID, width=1))
    fig.add_shape(type="line", x0=0, y0=-1, x1=0, y1=1, line=dict(color=GRID, width=1))
    pole = dict(showarrow=False, font=dict(size=12, color=TEXT))
    fig.add_annotation(x=-1, y=0, text=f"← {x_axis.low}", xanchor="left", yanchor="bottom",
                       **pole)
    fig.add_annotation(x=1, y=0, text=f"{x_axis.high} →", xanchor="right", yanchor="bottom",
                       **pole)
    fig.add_annotation(x=0, y=1, text=f"↑ {y_axis.high}", xanchor="center", yanchor="bottom",
                       yshift=2, **pole)
    fig.add_annotation(x=0, y=-1, text=f"↓ {y_axis.low}", xanchor="center", yanchor="top",
                       yshift=-2, **pole)
    return fig


def _archetype_labels(fig: go.Figure, rubric: Rubric, highlight: str | None) -> None:
    x_id, y_id = (a.id for a in rubric.axes)
    for arch in rubric.archetypes:
        strong = arch.id == highlight
        fig.add_annotation(
            x=arch.at[x_id], y=arch.at[y_id], text=f"<b>{arch.name}</b>" if strong else arch.name,
            showarrow=False,
            font=dict(size=12 if strong else 11, color=TEXT if strong else MUTED),
        )


def map_figure(
    rubric: Rubric,
    placement: Placement | None = None,
    *,
    samples: Sequence[MapPoint] = (),
    visit: Sequence[MapPoint] = (),
    this_work: str = "This work",
    box_label: str = "Where it could still move",
    height: int = 380,
) -> go.Figure:
    """The two spectra: pole labels, archetypes, sample works faint, the work and its box."""
    fig = _base(rubric, height)
    _archetype_labels(fig, rubric, placement.nearest_archetype if placement else None)
    x_id, y_id = (a.id for a in rubric.axes)
    if samples:
        fig.add_trace(go.Scatter(
            x=[s.x for s in samples], y=[s.y for s in samples], mode="markers",
            marker=dict(size=9, color=MUTED, symbol="circle-open", line=dict(width=1.5)),
            text=[s.name for s in samples], hovertemplate="%{text}<extra></extra>",
            name="samples",
        ))
    if visit:
        fig.add_trace(go.Scatter(
            x=[v.x for v in visit], y=[v.y for v in visit], mode="markers+text",
            marker=dict(size=12, color=SKY, symbol="diamond", line=dict(width=1, color="#15171A")),
            text=[v.name for v in visit], textposition="top center",
            textfont=dict(size=11, color=SKY), hovertemplate="%{text}<extra></extra>",
            name="visit",
        ))
    if placement is not None:
        px, py = placement.axes[x_id], placement.axes[y_id]
        if px.width > 0 or py.width > 0:
            fig.add_shape(
                type="rect", x0=px.low, y0=py.low, x1=px.high, y1=py.high,
                line=dict(color=ORANGE, width=1.5, dash="dot"),
                fillcolor="rgba(230, 159, 0, 0.16)",
            )
        fig.add_trace(go.Scatter(
            x=[px.value], y=[py.value], mode="markers",
            marker=dict(size=18, color=ORANGE, symbol="circle", line=dict(width=2.5,
                                                                          color="#15171A")),
            hovertemplate=(
                f"{this_work}<br>{rubric.axes[0].label}: {fmt_value(px.value)} "
                f"({fmt_value(px.low)} to {fmt_value(px.high)})<br>"
                f"{rubric.axes[1].label}: {fmt_value(py.value)} "
                f"({fmt_value(py.low)} to {fmt_value(py.high)})<extra></extra>"
            ),
            name="this work",
        ))
    return fig


def map_alt_text(rubric: Rubric, placement: Placement | None, samples: int = 0,
                 visit: int = 0) -> str:
    """A text alternative for the map, for screen readers and anyone who prefers words."""
    x_axis, y_axis = rubric.axes
    parts = [f"A map with {x_axis.label} across (from {x_axis.low} to {x_axis.high}) and "
             f"{y_axis.label} up (from {y_axis.low} to {y_axis.high})."]
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
    fig = go.Figure()
    styles = ((ORANGE, ""), (SKY, "/"))
    for k, (axis, (colour, pattern)) in enumerate(zip(rubric.axes, styles, strict=True)):
        fig.add_trace(go.Bar(
            orientation="h",
            y=[i * 3 + 1 + k * 0.9 for i in range(len(rows))],
            x=[c.shifts.get(axis.id, 0.0) for c in rows],
            width=0.8,
            name=f"{axis.label}: − {axis.low}, + {axis.high}",
            marker=dict(color=colour, pattern=dict(shape=pattern, fgcolor="#15171A",
                                                     fillmode="overlay", solidity=0.35)),
            hovertemplate="%{x:+.2f}<extra>" + axis.label + "</extra>",
        ))
    for i, c in enumerate(rows):
        fig.add_annotation(x=-reach, y=i * 3, text=labels.get(c.question_id, c.question_id),
                           xanchor="left", yanchor="middle", showarrow=False,
                           font=dict(size=12, color=TEXT))
    fig.update_layout(
        height=70 + 58 * max(1, len(rows)),
        margin=dict(l=4, r=4, t=4, b=4),
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        font=FONT,
        dragmode=False,
        barmode="overlay",
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, font=dict(size=12)),
    )
    fig.update_xaxes(range=[-reach, reach], zeroline=True, zerolinecolor=MUTED, zerolinewidth=1,
                     showgrid=False, fixedrange=True, showticklabels=False)
    fig.update_yaxes(range=[3 * len(rows) - 0.8, -0.8], showticklabels=False, showgrid=False,
                     zeroline=False, fixedrange=True)
    return fig
