"""The start screen: what the guide does, the map of the two spectra, samples and saved files."""

from __future__ import annotations

import base64
import html

import streamlit as st

from collector_guide.assess.charts import map_alt_text
from collector_guide.keep.workfile import check_work_bytes
from collector_guide.rubric import Rubric
from collector_guide.rubric.loading import kind_of
from collector_guide.ui import language, state
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
    st.title(labels.start_heading)
    if lib.site.config.gallery.welcome:
        st.markdown(lib.site.config.gallery.welcome)  # the gallery's own text, like rubric text
    st.markdown(r.rubric.summary)
    catalogue(lib, r)
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
    choices = [rid for rid in rubrics if rid not in language.members(lib)]  # one a family
    if len(choices) > 1:
        own = r.rubric.translation_of if r.id not in choices else r.id
        st.selectbox(labels.choose_rubric, choices, key="pick_rubric",
                     index=choices.index(own) if own in choices else 0,
                     format_func=lambda rid: rubrics[language.family(lib, rid).get(
                         r.rubric.language, rid)].rubric.title,
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
    if not lib.site.show.uploads:
        return
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


def catalogue(lib: Library, r: Rubric) -> None:
    """The gallery's works on view: each a row with its picture, title and artist."""
    works = [w for w in lib.site.works.values() if lib.work(w.id) is not None]
    if not works:
        return
    st.header(r.labels.catalogue_heading)
    for work in works:
        with st.container(border=True, key=f"cat:{work.id}"):
            st.html(_work_row(work))
            st.button(r.labels.catalogue_open, key=f"open_work:{work.id}", width="stretch",
                      on_click=state.open_catalogue, args=(lib, work.id),
                      icon=":material/arrow_forward:", icon_position="right")


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


def _work_row(work) -> str:
    """Picture, title and byline side by side (a row that stays a row on a phone). Every
    text is the work file's, escaped; the picture is the catalogue's own small JPEG."""
    info = work.work.work
    title = html.escape(work.title)
    byline = html.escape(", ".join(x for x in (info.artist, info.year) if x))
    picture = ""
    if work.thumb:
        data = base64.b64encode(work.thumb).decode()
        picture = f'<img src="data:image/jpeg;base64,{data}" alt="{title}">'
    return (f"{_ROW_CSS}<div class=\"cg-work\">{picture}<div><strong>{title}</strong>"
            f"<br><span>{byline}</span></div></div>")


_ROW_CSS = """<style>
  .cg-work { display: flex; align-items: center; gap: 0.9rem; }
  .cg-work img { width: 4.5rem; height: 4.5rem; object-fit: cover; border-radius: 0.4rem;
                 flex: none; }
  .cg-work strong { font-size: 1.05rem; line-height: 1.35; }
  .cg-work span { color: rgba(236, 232, 225, 0.78); font-size: 0.98rem; }
</style>"""
