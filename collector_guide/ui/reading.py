"""The reading screen: the map, the written reading, what moved it, and what to ask next."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from collector_guide.assess.charts import MapPoint, map_alt_text, visit_mark
from collector_guide.assess.reading import Reading, compose, fmt_value
from collector_guide.assess.scoring import Placement
from collector_guide.keep import urlstate
from collector_guide.photo.evidence import signed_evidence
from collector_guide.photo.filetypes import sniff
from collector_guide.rubric import Rubric
from collector_guide.ui import memo, state
from collector_guide.ui.common import (
    PLOTLY_CONFIG,
    answers_key,
    literal,
    map_fig,
    map_key,
    map_legend,
    moved_fig,
    placement_of,
    progress,
    sample_points,
    work_info,
)
from collector_guide.ui.compare import gallery_reading
from collector_guide.ui.keep import keep_and_share, reading_image
from collector_guide.ui.state import ANSWERS, PHOTO, VISIT, WORK, Library


def _visit_points(lib: Library, r: Rubric) -> list[MapPoint]:
    """The visit's other works, lettered as in the visit's list; this work is the orange dot."""
    x_id, y_id = (a.id for a in r.axes)
    here = urlstate.visit_entry(r, st.session_state[ANSWERS], st.session_state[WORK])
    points = []
    for i, entry in enumerate(st.session_state[VISIT]):
        if entry.get("rubric") != r.id or urlstate.same_work(entry, here):
            continue
        p = placement_of(r, urlstate.visit_answers(r, entry))
        title = entry.get("work", {}).get("title") or r.labels.untitled
        points.append(MapPoint(title[:40], p.axes[x_id].value, p.axes[y_id].value,
                               visit_mark(i)))
    return points




def result(lib: Library, r: Rubric, step: int) -> None:
    labels = r.labels
    answers = st.session_state[ANSWERS]
    placement = placement_of(r, answers)
    info = work_info()
    signed = tuple(_signed(r))
    # The reading names the work and its signer: this visitor's own, kept in their session.
    reading = memo.session("reading", (answers_key(r, answers), info, signed),
                           lambda: compose(r, placement, signed, work=info), keep=2)
    progress(r, step)
    st.title(literal(info.title or labels.untitled))
    byline = ", ".join(x for x in (info.artist, info.year) if x)
    if byline:
        st.markdown(literal(byline))
    shown = _shown_image(reading_image(lib))
    if shown is not None:
        data, kind = shown
        with st.container(key="reading_image"):
            st.image(data, width="stretch", output_format=kind,
                     alt=labels.image_alt.format(title=info.title or labels.untitled))

    st.header(labels.map_heading)
    samples = sample_points(lib, r)
    visit = _visit_points(lib, r)
    fig = map_fig(r, placement, tuple(samples), tuple(visit),
               (*answers_key(r), tuple(visit)), labels.this_work, 400)
    st.plotly_chart(fig, key="result_map", config=PLOTLY_CONFIG, width="stretch")
    st.caption(map_legend(r, bool(visit)))
    map_key(r, placement.nearest_archetype)
    with st.expander(labels.map_in_words, icon=":material/notes:"):
        st.markdown(literal(map_alt_text(r, placement, samples=len(samples),
                                         visit=len(visit))))

    st.header(labels.result_heading)
    written_reading(r, reading)

    if reading.cautions:
        st.header(reading.cautions_heading)
        for title, body in reading.cautions:
            with st.container(border=True):
                st.markdown(f"**{title}**  \n{body}")

    st.header(reading.ask_heading)
    if reading.ask:
        st.markdown("\n".join(f"{i}. {q}" for i, q in enumerate(reading.ask, 1)))
    else:
        st.markdown(reading.ask_none)
    if lib.site.config.gallery.contact:
        st.caption(f"{labels.ask_the_gallery}: {literal(lib.site.config.gallery.contact)}")

    gallery_reading(lib, r)  # only now, after the visitor's own reading

    what_moved_it(r, placement)
    keep_and_share(lib, r, placement, reading, info)
    if reading.closing:
        st.caption(reading.closing)
    row = st.container(horizontal=True, gap="small")
    with row:
        st.button(labels.edit_answers, key="edit_answers", on_click=state.go, args=(2,),
                  width="stretch", icon=":material/edit:")
        st.button(labels.start_over, key="start_over", on_click=state.go, args=(0,),
                  width="stretch", icon=":material/restart_alt:")


def _shown_image(image: bytes | Path | None) -> tuple[bytes, str] | None:
    """The image's bytes and its format, named so that Streamlit sends them as they are: left
    to guess ("auto"), it decodes a PNG on every run to look for transparency (~2 ms). A
    sample's picture is read once per version of its file; one that is gone is left out."""
    if isinstance(image, Path):
        try:
            stat = image.stat()
            data = memo.shared("image-file", (str(image), stat.st_mtime_ns, stat.st_size),
                               image.read_bytes)
        except OSError:
            return None
    else:
        data = image
    if not data:
        return None
    return data, {"jpeg": "JPEG", "png": "PNG"}.get(sniff(data) or "", "auto")


def written_reading(r: Rubric, reading: Reading) -> None:
    """The main part, one paragraph per axis (led by the axis's name), then the rest. The
    work's name and a signer's name come from outside the rubric: shown literally."""
    paragraphs = reading.paragraphs(literal)
    if reading.brief is not None:
        for paragraph in paragraphs:
            st.markdown(paragraph)
        return
    for axis, paragraph in zip(r.axes, paragraphs, strict=False):
        st.markdown(f"**{axis.label}** · {paragraph}")
    for paragraph in paragraphs[len(r.axes):]:
        st.markdown(paragraph)


def _signed(r: Rubric):
    kept = st.session_state.get(PHOTO)
    return (signed_evidence(kept["report"], r.labels, r.rubric.language)
            if kept and kept.get("report") else [])


def what_moved_it(r: Rubric, placement: Placement) -> None:
    moved = [c for c in placement.contributions if c.magnitude > 0]
    if not moved:
        return
    st.header(r.labels.what_moved_it)
    short = {c.question_id: _short(c.evidence[0], 40) for c in moved}
    st.plotly_chart(moved_fig(r, placement, short, answers_key(r)), key="moved_chart",
                    config=PLOTLY_CONFIG, width="stretch")
    lines = []
    for c in moved[:6]:
        shifts = ", ".join(f"{a.label} {fmt_value(c.shifts.get(a.id, 0.0), r.locale.decimal)}"
                           for a in r.axes if c.shifts.get(a.id))
        lines.append(f"- {c.evidence[0]} — {shifts}")
    with st.expander(r.labels.what_moved_it_words, icon=":material/notes:"):
        st.markdown("\n".join(lines))


def _short(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"
