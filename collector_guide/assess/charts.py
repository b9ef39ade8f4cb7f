"""Chart builders: placements in, plotly figures out. No Streamlit here.

Built with `plotly.graph_objects` (plotly.express costs ~60 ms a figure). Colours come from the
Okabe–Ito palette, which stays distinguishable with the common colour-vision deficiencies, and
every mark also differs in shape or size, never in colour alone. Plotly reads a subset of
HTML in every text it draws, so every string that reaches a figure goes through
`escape.plotly` (a visit's titles are typed by visitors; even rubric text is a file's); text is
measured as written and escaped only where it is handed to plotly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go

from collector_guide.assess import marks
from collector_guide.assess.escape import plotly as _t
from collector_guide.assess.escape import plotly_template as _tt
from collector_guide.assess.reading import fmt_value
from collector_guide.assess.scoring import Placement
from collector_guide.rubric import Rubric

ORANGE = "#E69F00"  # this work
SKY = "#56B4E9"  # other works of this visit
MUTED = "rgba(236, 232, 225, 0.45)"  # sample works: faint, for reference
LABEL = "rgba(236, 232, 225, 0.72)"  # the archetypes' badges: quiet, but legible in a dim room
GRID = "rgba(236, 232, 225, 0.18)"
TEXT = "#ECE8E1"
INK = "#15171A"  # the page's background: text on a coloured marker, halos behind labels
BADGE = "#2A2D33"
SIZE = 14  # px: no text on the map or beside it is smaller
FONT = dict(family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", size=SIZE,
            color=TEXT)
# Marker sizes in px (plotly's `size` is the diameter); the label pass keeps them clear.
SAMPLE, VISIT, WORK, ARCHETYPE = 10, 24, 20, 26
TOP, LINE = 30, 22  # px: the margin above the frame, and one line of pole text below it


@dataclass(frozen=True)
class MapPoint:
    name: str
    x: float
    y: float
    mark: str = ""  # a short mark drawn on the point (a visit's letter), if any


def visit_mark(index: int) -> str:
    """A, B, … Z, then AA, AB…: the letter a visit's work has on the map and in the table."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _poles(rubric: Rubric) -> tuple[list[dict], int]:
    """The four poles, outside the frame: up and down above and below it, across on the
    line below that (or two lines, when a rubric's words would not fit side by side)."""
    x_axis, y_axis = rubric.axes
    pole = dict(showarrow=False, xref="paper", yref="paper", font=dict(size=SIZE, color=TEXT))
    left, right = f"← {x_axis.low}", f"{x_axis.high} →"
    together = (marks.text_size(left, SIZE)[0] + marks.text_size(right, SIZE)[0] + 8
                <= marks.REFERENCE_WIDTH)
    lines = 2 if together else 3
    return [
        dict(x=0.5, y=1, text=_t(f"↑ {y_axis.high}"), xanchor="center", yanchor="bottom", yshift=4,
             **pole),
        dict(x=0.5, y=0, text=_t(f"↓ {y_axis.low}"), xanchor="center", yanchor="top", yshift=-2,
             **pole),
        dict(x=0, y=0, text=_t(left), xanchor="left", yanchor="top", yshift=-2 - LINE, **pole),
        dict(x=1, y=0, text=_t(right), xanchor="right", yanchor="top",
             yshift=-2 - LINE * (1 if together else 2), **pole),
    ], 8 + LINE * lines


def _layout(rubric: Rubric, height: int) -> tuple[dict, marks.Frame]:
    """The frame, the cross of the two spectra and the poles, in one layout.

    Shapes and annotations go in as plain lists: adding them one by one makes plotly
    validate the whole figure each time (about 2.5× slower here).
    """
    grid = dict(color=GRID, width=1)
    annotations, bottom = _poles(rubric)
    common = dict(range=[-marks.SPAN, marks.SPAN], showgrid=False, zeroline=False,
                  showticklabels=False, fixedrange=True)
    layout = dict(
        template="none",  # every colour is set here; plotly's default template is ~90% of a figure
        height=height,
        separators=separators(rubric),
        margin=dict(l=2, r=2, t=TOP, b=bottom),
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        font=FONT,
        showlegend=False,
        dragmode=False,
        hovermode="closest",
        hoverlabel=dict(font=FONT, bgcolor="#22252A"),
        xaxis=common,
        yaxis=common,
        shapes=[
            dict(type="rect", x0=-1, y0=-1, x1=1, y1=1, line=grid),
            dict(type="line", x0=-1, y0=0, x1=1, y1=0, line=grid),
            dict(type="line", x0=0, y0=-1, x1=0, y1=1, line=grid),
        ],
        annotations=annotations,
    )
    return layout, marks.Frame(height=height - TOP - bottom)


def map_figure(
    rubric: Rubric,
    placement: Placement | None = None,
    *,
    samples: Sequence[MapPoint] = (),
    visit: Sequence[MapPoint] = (),
    this_work: str = "This work",
    height: int = 400,
) -> go.Figure:
    """The two spectra: the poles, the archetypes as numbered badges (their names are in the
    key below the chart), sample works faint, the visit's works by letter, the work and its box.

    No label covers another label or a point (see `marks`): the samples and the work stay
    where they are, and the other marks make way.
    """
    layout, frame = _layout(rubric, height)
    x_id, y_id = (a.id for a in rubric.axes)
    taken = [frame.square(s.x, s.y, SAMPLE) for s in samples]
    traces = []
    edges = []
    if placement is not None:
        px, py = placement.axes[x_id], placement.axes[y_id]
        taken.append(frame.square(px.value, py.value, WORK))
        if px.width > 0 or py.width > 0:
            layout["shapes"].append(dict(
                type="rect", x0=px.low, y0=py.low, x1=px.high, y1=py.high,
                line=dict(color=ORANGE, width=1.5, dash="dot"),
                fillcolor="rgba(230, 159, 0, 0.16)", layer="below",
            ))
            edges = marks.box_edges(frame, px.low, py.low, px.high, py.high)
    if samples:
        traces.append(go.Scatter(
            x=[s.x for s in samples], y=[s.y for s in samples], mode="markers",
            marker=dict(size=SAMPLE - 2, color=MUTED, symbol="circle-open", line=dict(width=1.5)),
            text=[_t(s.name) for s in samples], hovertemplate="%{text}<extra></extra>",
            name="samples",
        ))
    if placement is not None:
        spot = marks.label_spot(frame, px.value, py.value, this_work, SIZE, WORK / 2, taken,
                                edges)
        taken.append(spot.rect)
        layout["annotations"].append(dict(
            x=px.value, y=py.value, text=f"<b>{_t(this_work)}</b>", showarrow=False,
            xanchor=spot.xanchor, yanchor=spot.yanchor, xshift=spot.xshift, yshift=spot.yshift,
            font=dict(size=SIZE, color=ORANGE), bgcolor="rgba(21, 23, 26, 0.85)",
        ))
    if visit:
        spots = marks.dodge(frame, [(v.x, v.y) for v in visit], VISIT, taken)
        traces.append(go.Scatter(
            x=[x for x, _ in spots], y=[y for _, y in spots], mode="markers+text",
            marker=dict(size=VISIT - 2, color=SKY, symbol="diamond", line=dict(width=1, color=INK)),
            text=[_t(v.mark or visit_mark(i)) for i, v in enumerate(visit)],
            textposition="middle center", textfont=dict(size=SIZE, color=INK),
            customdata=[_t(v.name) for v in visit],
            hovertemplate="%{text}: %{customdata}<extra></extra>", name="visit",
        ))
    nearest = placement.nearest_archetype if placement else None
    spots = marks.dodge(frame, [(a.at[x_id], a.at[y_id]) for a in rubric.archetypes], ARCHETYPE,
                        taken)
    traces.append(go.Scatter(
        x=[x for x, _ in spots], y=[y for _, y in spots], mode="markers+text",
        marker=dict(size=ARCHETYPE - 2, color=BADGE, symbol="circle",
                    line=dict(width=[3 if a.id == nearest else 1.5 for a in rubric.archetypes],
                              color=[ORANGE if a.id == nearest else LABEL
                                     for a in rubric.archetypes])),
        text=[str(i) for i in range(1, len(rubric.archetypes) + 1)],
        textposition="middle center", textfont=dict(size=SIZE, color=TEXT),
        customdata=[_t(a.name) for a in rubric.archetypes],
        hovertemplate="%{text}: %{customdata}<extra></extra>", name="archetypes",
    ))
    if placement is not None:
        traces.append(go.Scatter(
            x=[px.value], y=[py.value], mode="markers",
            marker=dict(size=WORK - 2, color=ORANGE, symbol="circle",
                        line=dict(width=2.5, color=INK)),
            hovertemplate=(
                f"{_tt(this_work)}<br>{_tt(rubric.axes[0].label)}: {_tt(_range(rubric, px))}<br>"
                f"{_tt(rubric.axes[1].label)}: {_tt(_range(rubric, py))}<extra></extra>"
            ),
            name="this work",
        ))
    return go.Figure(data=traces, layout=layout)


def _range(rubric: Rubric, p) -> str:
    d = rubric.locale.decimal
    return rubric.labels.value_range.format(
        value=fmt_value(p.value, d), low=fmt_value(p.low, d), high=fmt_value(p.high, d))


def separators(rubric: Rubric) -> str:
    """Plotly's `separators` for the rubric's language: its decimal mark, then its grouping."""
    return rubric.locale.decimal + rubric.locale.group


def archetype_summary(archetype) -> str:
    """The archetype in one line: the rubric's `summary`, else its description's first
    sentence (rubrics written before `summary` existed)."""
    if archetype.summary:
        return archetype.summary
    first = archetype.description.split(". ", 1)[0].rstrip(".")
    return first + "."


def map_alt_text(rubric: Rubric, placement: Placement | None, samples: int = 0,
                 visit: int = 0) -> str:
    """A text alternative for the map, for screen readers and anyone who prefers words.
    Every word is the rubric's (`map_words_*` labels)."""
    words, d = rubric.labels, rubric.locale.decimal
    x_axis, y_axis = rubric.axes
    parts = [words.map_words_axes.format(
        x_label=x_axis.label, x_low=x_axis.low, x_high=x_axis.high,
        y_label=y_axis.label, y_low=y_axis.low, y_high=y_axis.high)]
    if placement is not None:
        px, py = placement.axes[x_axis.id], placement.axes[y_axis.id]
        archetypes = {a.id: a.name for a in rubric.archetypes}
        parts.append(words.map_words_work.format(
            x=fmt_value(px.value, d), x_band=px.band, y=fmt_value(py.value, d), y_band=py.band,
            archetype=archetypes[placement.nearest_archetype]))
        if px.width or py.width:
            parts.append(words.map_words_range.format(
                x_low=fmt_value(px.low, d), x_high=fmt_value(px.high, d),
                y_low=fmt_value(py.low, d), y_high=fmt_value(py.high, d)))
    parts.append(words.map_words_badges.format(names="; ".join(
        f"{i}, {a.name}" for i, a in enumerate(rubric.archetypes, 1))))
    if samples:
        parts.append(words.map_words_sample if samples == 1
                     else words.map_words_samples.format(count=samples))
    if visit:
        parts.append(words.map_words_visit_one if visit == 1
                     else words.map_words_visit.format(count=visit))
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
            customdata=[fmt_value(c.shifts.get(axis.id, 0.0), rubric.locale.decimal)
                        for c in rows],
            width=0.8,
            name=f"{_wrap(axis.label + ':', 34)}<br>{_wrap(f'− {axis.low}, + {axis.high}', 34)}",
            marker=dict(color=colour, pattern=dict(shape=pattern, fgcolor="#15171A",
                                                   fillmode="overlay", solidity=0.35)),
            hovertemplate="%{customdata}<extra>" + _tt(axis.label) + "</extra>",
        )
        for k, (axis, (colour, pattern)) in enumerate(zip(rubric.axes, styles, strict=True))
    ]
    annotations = [
        dict(x=-reach, y=i * 3, text=_t(labels.get(c.question_id, c.question_id)), xanchor="left",
             yanchor="middle", showarrow=False, font=dict(size=SIZE, color=TEXT),
             bgcolor=INK)
        for i, c in enumerate(rows)
    ]
    layout = dict(
        template="none",
        height=110 + 64 * max(1, len(rows)),
        separators=separators(rubric),
        margin=dict(l=4, r=4, t=4, b=4),
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        font=FONT,
        dragmode=False,
        barmode="overlay",
        legend=dict(orientation="v", yanchor="bottom", y=1.0, x=0, font=dict(size=SIZE)),
        xaxis=dict(range=[-reach, reach], zeroline=True, zerolinecolor=MUTED, zerolinewidth=1,
                   showgrid=False, fixedrange=True, showticklabels=False),
        yaxis=dict(range=[3 * len(rows) - 0.8, -0.8], showticklabels=False, showgrid=False,
                   zeroline=False, fixedrange=True),
        annotations=annotations,
    )
    return go.Figure(data=traces, layout=layout)


def _wrap(text: str, width: int) -> str:
    """Break a legend entry into lines of about `width` characters (plotly never wraps), each
    escaped for plotly."""
    lines, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "<br>".join(_t(part) for part in [*lines, line])
