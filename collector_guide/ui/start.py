"""The start screen: what the guide does, the map of the two spectra, samples and saved files."""

from __future__ import annotations

import streamlit as st

from collector_guide.assess.charts import map_alt_text
from collector_guide.keep.workfile import check_work_bytes
from collector_guide.rubric import Rubric
from collector_guide.rubric.loading import kind_of
from collector_guide.ui import state
from collector_guide.ui.common import (
    PLOTLY_CONFIG,
    literal,
    map_fig,
    map_key,
    map_legend,
    rubric_key,
    sample_points,
)
from collector_guide.ui.state import Library


def start(lib: Library, r: Rubric) -> None:
    labels = r.labels
    if r.rubric.gallery:
        st.caption(r.rubric.gallery)
    st.title(labels.start_heading)
    st.markdown(r.rubric.summary)
    st.button(labels.start_new, key="start_new", type="primary", width="stretch",
              on_click=state.start_fresh, args=(r.id,), icon=":material/visibility:")
    samples = sample_points(lib, r)
    # Drawing the map here also loads plotly's front-end code while the visitor reads.
    fig = map_fig(r, None, tuple(samples), (), (rubric_key(r), None), "", 380)
    st.plotly_chart(fig, key="start_map", config=PLOTLY_CONFIG, width="stretch")
    st.caption(map_legend(r, False, placement=False))
    map_key(r, explained=True)
    with st.expander(labels.map_in_words, icon=":material/notes:"):
        st.markdown(map_alt_text(r, None, samples=len(samples)))
    for axis in r.axes:
        st.markdown(f"**{axis.label}** — {axis.explanation}")

    rubrics = lib.catalog.rubrics
    if len(rubrics) > 1:
        st.selectbox(labels.choose_rubric, list(rubrics), key="pick_rubric",
                     index=list(rubrics).index(r.id),
                     format_func=lambda rid: rubrics[rid].rubric.title,
                     on_change=lambda: st.session_state.update(
                         {state.RUBRIC: st.session_state["pick_rubric"]}))

    samples_here = lib.samples.get(r.id, [])
    if samples_here:
        with st.expander(labels.open_sample, icon=":material/collections:"):
            names = {s.slug: s.work.work.title or s.slug for s in samples_here}
            st.selectbox(labels.open_sample, list(names), format_func=names.get,
                         key="sample_pick", label_visibility="collapsed")
            st.button(labels.open_sample, key="open_sample", width="stretch",
                      on_click=_open_sample, args=(lib, r))
    problem = st.session_state.get("upload_problems")
    # Open when a file was refused, so the reason is in place, every time.
    with st.expander(labels.open_file, icon=":material/upload_file:", expanded=bool(problem)):
        st.file_uploader(labels.open_file, type=["toml"], key="work_upload",
                         label_visibility="collapsed", on_change=_open_upload, args=(lib, r))
        if problem:
            st.error(literal(problem["message"]), icon=":material/error:")
            if problem["details"]:
                with st.expander(labels.upload_details):
                    st.code("\n".join(problem["details"]), language=None, wrap_lines=True)


def _open_sample(lib: Library, r: Rubric) -> None:
    # Read the choice when the button fires, not when it was drawn.
    slug = st.session_state.get("sample_pick")
    sample = next((s for s in lib.samples[r.id] if s.slug == slug), lib.samples[r.id][0])
    state.open_work(r.id, sample.work.answers, sample.work.work.model_dump())
    state.go(state.result_step(r))


def _refuse(message: str, details: list[str]) -> None:
    st.session_state["upload_problems"] = {"message": message, "details": details[:8]}


def _open_upload(lib: Library, r: Rubric) -> None:
    """Open a saved work file, or say why not in the visitor's words (the located problems
    wait one tap away, for whoever helps them)."""
    labels = r.labels
    upload = st.session_state.get("work_upload")
    st.session_state["upload_problems"] = None
    if upload is None:
        return
    name = upload.name[:80]
    raw = upload.getvalue()
    kind = kind_of(raw)
    if kind == "rubric":
        _refuse(labels.upload_is_rubric.format(name=name), [])
        return
    checked = check_work_bytes(raw, name, lib.catalog.rubrics)
    errors = [str(p) for p in checked.problems if p.severity == "error"]
    if kind != "work" or checked.kind != "work":
        _refuse(labels.upload_not_work.format(name=name), errors)
        return
    if not checked.ok:
        _refuse(labels.upload_damaged.format(name=name), errors)
        return
    work = checked.model
    r = lib.catalog.rubrics[work.assessment.rubric]
    state.open_work(r.id, work.answers, work.work.model_dump())
    notes = [str(p) for p in checked.problems if p.severity == "warning"]
    st.session_state[state.NOTICES] = notes
    state.go(state.result_step(r))
