"""The visit, on the reading screen: several works read in one session, as a real comparison.

Each work of the visit has a letter (the same on the map); tapping it opens its reading again.
Side by side, per axis, each work's position and the box where it could still move, as a chart
and as a table in words. "Clear" asks first, and offers an undo afterwards.
"""

from __future__ import annotations

import plotly.graph_objects as go
import streamlit as st

from collector_guide.assess.charts import (
    FONT,
    GRID,
    INK,
    ORANGE,
    SIZE,
    SKY,
    TEXT,
    visit_mark,
)
from collector_guide.assess.escape import plotly as _t
from collector_guide.assess.escape import plotly_template as _tt
from collector_guide.assess.reading import fmt_value
from collector_guide.assess.scoring import Placement
from collector_guide.keep import urlstate
from collector_guide.keep.visit import visit_csv
from collector_guide.rubric import Rubric
from collector_guide.ui import drafts, state
from collector_guide.ui.common import PLOTLY_CONFIG, literal, placement_of, rubric_key
from collector_guide.ui.memo import Drawn, shared
from collector_guide.ui.state import ANSWERS, CATALOGUE, VISIT, WORK, Library

CLEARED = "cg_visit_cleared"  # the visit just cleared, for Undo
ASKING = "cg_visit_asking"  # "Clear" was tapped: ask before clearing


def _here(r: Rubric) -> dict:
    return urlstate.visit_entry(r, st.session_state[ANSWERS], st.session_state[WORK])


def _add_to_visit(r: Rubric) -> None:
    """Keep this reading in the visit as it is now. Its link entry carries the answers and a
    few details; the rest (every detail, the notes, the photo) is kept under a token of the
    entry's own. Adding the same reading again keeps it once, as it is now."""
    token = drafts.keep_for_visit(r)
    entry = urlstate.visit_entry(r, st.session_state[ANSWERS], st.session_state[WORK],
                                 draft=token, catalogue=st.session_state.get(CATALOGUE))
    before = st.session_state[VISIT]
    drafts.forget_kept(v["d"] for v in before if urlstate.same_work(v, entry) and v.get("d"))
    visit = [v for v in before if not urlstate.same_work(v, entry)] + [entry]
    st.session_state[VISIT] = visit[-urlstate.MAX_VISIT:]
    st.session_state["visit_added"] = True
    st.session_state.pop(CLEARED, None)


def _ask_clear() -> None:
    st.session_state[ASKING] = True


def _clear(really: bool) -> None:
    st.session_state.pop(ASKING, None)
    if really:
        st.session_state[CLEARED] = list(st.session_state[VISIT])
        st.session_state[VISIT] = []


def _undo() -> None:
    st.session_state[VISIT] = st.session_state.pop(CLEARED, [])


def _reopen(lib: Library, index: int) -> None:
    visit = st.session_state[VISIT]
    if not 0 <= index < len(visit):
        return
    entry = visit[index]
    r = lib.catalog.rubrics.get(entry.get("rubric", ""))
    if r is None:
        return
    state.open_work(r.id, urlstate.visit_answers(r, entry), dict(entry.get("work", {})))
    work = lib.work(entry.get("c"))
    if work is not None and work.rubric_id == r.id:
        st.session_state[CATALOGUE] = work.id  # so the gallery's reading is offered again
    drafts.reopen(r, entry.get("d"))
    state.go(state.result_step(r))


def _placements(lib: Library, visit: list[dict]) -> list[tuple[int, dict, Rubric, Placement]]:
    out = []
    for i, entry in enumerate(visit):
        r = lib.catalog.rubrics.get(entry.get("rubric", ""))
        if r is not None:
            out.append((i, entry, r, placement_of(r, urlstate.visit_answers(r, entry))))
    return out


def _ranges_figure(r: Rubric, rows: tuple, key: tuple) -> Drawn:
    """The figure below, once per rubric content and rows (letters and positions only)."""
    return shared("visit-ranges", key, lambda: Drawn(_ranges(r, rows)))


def _ranges(_r: Rubric, rows: tuple) -> go.Figure:
    """Per axis, side by side: each work's position (a dot) and its box (a bar), by letter."""
    traces, annotations = [], []
    n = len(rows)
    for k, axis in enumerate(_r.axes):
        xa = "x" if k == 0 else "x2"
        for j, (mark, current, values) in enumerate(rows):
            low, value, high = values[k]
            colour = ORANGE if current else SKY
            traces.append(go.Scatter(
                x=[low, high], y=[j, j], mode="lines", xaxis=xa, hoverinfo="skip",
                line=dict(color=colour, width=10), opacity=0.45))
            traces.append(go.Scatter(
                x=[value], y=[j], mode="markers+text", xaxis=xa, text=[mark],
                textposition="middle center", textfont=dict(size=SIZE, color=INK),
                marker=dict(size=24, color=colour, symbol="diamond" if not current else "circle",
                            line=dict(width=1, color=INK)),
                customdata=[fmt_value(value, _r.locale.decimal)],
                hovertemplate=f"{_tt(mark)}: {_tt(axis.label)} %{{customdata}}<extra></extra>"))
        domain = [0, 0.47] if k == 0 else [0.53, 1]
        annotations.append(dict(x=sum(domain) / 2, y=1, xref="paper", yref="paper",
                                xanchor="center", yanchor="bottom", showarrow=False,
                                text=f"<b>{_t(axis.label)}</b>",
                                font=dict(size=SIZE, color=TEXT)))
        annotations += [
            dict(x=domain[0], y=0, xref="paper", yref="paper", yanchor="top", xanchor="left",
                 showarrow=False, text=_t(f"← {axis.low}"), font=dict(size=SIZE, color=TEXT)),
            dict(x=domain[1], y=0, xref="paper", yref="paper", yanchor="top", xanchor="right",
                 showarrow=False, text=_t(f"{axis.high} →"), font=dict(size=SIZE, color=TEXT),
                 yshift=-20),
        ]
    common = dict(range=[-1.1, 1.1], showgrid=False, zeroline=True, zerolinecolor=GRID,
                  showticklabels=False, fixedrange=True)
    return go.Figure(data=traces, layout=dict(
        template="none", height=110 + 34 * n, margin=dict(l=4, r=4, t=26, b=50),
        paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)", font=FONT,
        showlegend=False, dragmode=False, hovermode="closest",
        xaxis=dict(common, domain=[0, 0.47]), xaxis2=dict(common, domain=[0.53, 1]),
        yaxis=dict(range=[n - 0.5, -0.5], showticklabels=False, showgrid=False,
                   zeroline=False, fixedrange=True),
        annotations=annotations))


def _compare(lib: Library, r: Rubric, rows) -> None:
    labels = r.labels
    here = _here(r)
    same = [(i, e, p) for i, e, rr, p in rows if rr.id == r.id]
    if len(same) < 2:
        return
    st.markdown(f"**{labels.visit_compare}**")
    data = tuple((visit_mark(i), urlstate.same_work(e, here),
                  tuple((p.axes[a.id].low, p.axes[a.id].value, p.axes[a.id].high)
                        for a in r.axes)) for i, e, p in same)
    st.plotly_chart(_ranges_figure(r, data, (rubric_key(r), data)), key="visit_chart",
                    config=PLOTLY_CONFIG, width="stretch")
    archetypes = {a.id: a.name for a in r.archetypes}
    head = [labels.visit_work, *(a.label for a in r.axes), labels.visit_nearest]
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    for i, _e, p in same:
        # The letter only: the list just above names each work, and a phone's narrow table
        # keeps its width for the numbers.
        cells = [f"**{visit_mark(i)}**"]
        for a in r.axes:
            v = p.axes[a.id]
            cells.append(_range(v.value, v.low, v.high, r.locale.decimal))
        cells.append(archetypes[p.nearest_archetype])
        lines.append("| " + " | ".join(cells) + " |")
    st.markdown("\n".join(lines))
    st.caption(labels.visit_table_note)


def _range(value: float, low: float, high: float, decimal: str = ".") -> str:
    """A position and its box (which may wrap below it); a box that is a point is not said
    twice. Numbers with the rubric language's decimal mark."""
    shown = fmt_value(value, decimal)
    if fmt_value(low, decimal) == fmt_value(high, decimal):
        return shown
    return f"{shown} ({fmt_value(low, decimal)} … {fmt_value(high, decimal)})"


def visit_section(lib: Library, r: Rubric) -> None:
    labels = r.labels
    st.subheader(labels.visit_heading)
    st.button(labels.add_to_visit, key="add_to_visit", on_click=_add_to_visit, args=(r,),
              width="stretch", icon=":material/playlist_add:")
    visit = st.session_state[VISIT]
    if st.session_state.pop("visit_added", False):
        st.success(labels.visit_added.format(count=len(visit)))
    if st.session_state.get(CLEARED) and not visit:
        with st.container(horizontal=True, gap="small", vertical_alignment="center"):
            st.markdown(labels.visit_cleared)
            st.button(labels.visit_undo, key="visit_undo", on_click=_undo,
                      icon=":material/undo:")
    if not visit:
        return
    here = _here(r)
    st.caption(labels.visit_intro)
    for i, entry in enumerate(visit):
        work = entry.get("work", {})
        byline = ", ".join(x for x in (work.get("artist"), work.get("year")) if x)
        text = f"**{visit_mark(i)}** · {literal(work.get('title') or labels.untitled)}"
        st.button(text + (f" — {literal(byline)}" if byline else ""), key=f"visit_open_{i}",
                  on_click=_reopen, args=(lib, i), width="stretch",
                  disabled=urlstate.same_work(entry, here))
    _compare(lib, r, _placements(lib, visit))
    with st.container(horizontal=True, gap="small"):
        st.download_button(labels.download_visit,
                           lambda: visit_csv(visit, lib.catalog.rubrics, labels.untitled),
                           file_name="visit.csv", mime="text/csv", key="dl_visit",
                           on_click="ignore", width="stretch", icon=":material/table:")
        if not st.session_state.get(ASKING):
            st.button(labels.clear_visit, key="clear_visit", on_click=_ask_clear,
                      width="stretch", icon=":material/delete:")
    if st.session_state.get(ASKING):
        with st.container(border=True, key="visit_confirm"):
            st.markdown(labels.visit_clear_confirm.format(count=len(visit)))
            with st.container(horizontal=True, gap="small"):
                st.button(labels.visit_clear_yes, key="visit_clear_yes", on_click=_clear,
                          args=(True,), width="stretch", icon=":material/delete:")
                st.button(labels.visit_clear_no, key="visit_clear_no", on_click=_clear,
                          args=(False,), width="stretch")
