"""Keep and share, on the reading screen: downloads, and the works of this visit."""

from __future__ import annotations

import re

import streamlit as st

from collector_guide.assess.reading import to_json, to_markdown
from collector_guide.assess.scoring import Placement
from collector_guide.keep import urlstate
from collector_guide.keep.visit import visit_csv
from collector_guide.keep.workfile import dump_work
from collector_guide.rubric import Rubric, WorkInfo
from collector_guide.ui import drafts
from collector_guide.ui.common import answers_key, literal
from collector_guide.ui.state import ANSWERS, VISIT, WORK, Library


def _add_to_visit(r: Rubric) -> None:
    entry = urlstate.visit_entry(r, st.session_state[ANSWERS], st.session_state[WORK])
    visit = [v for v in st.session_state[VISIT] if v != entry] + [entry]
    st.session_state[VISIT] = visit[-urlstate.MAX_VISIT:]
    st.session_state["visit_added"] = True


def _clear_visit() -> None:
    st.session_state[VISIT] = []



def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:48]
    return slug or "work"


def _payloads(r: Rubric, placement: Placement, reading, info: WorkInfo) -> tuple[str, ...]:
    """The three downloads, remade only when the answers, the work or the evidence change.

    Kept in this visitor's session only: it holds what they typed.
    """
    key = (answers_key(r), info, reading.signed)
    memo = st.session_state.get("cg_downloads")
    if not memo or memo[0] != key:
        memo = (key, (to_markdown(reading, info, r.labels.untitled),
                      dump_work(r, info, st.session_state[ANSWERS]),
                      to_json(r, placement, reading, info)))
        st.session_state["cg_downloads"] = memo
    return memo[1]


def keep_and_share(lib: Library, r: Rubric, placement: Placement, reading,
                   info: WorkInfo) -> None:
    labels = r.labels
    st.header(labels.keep_and_share)
    st.caption(labels.keep_hint)
    markdown, work_file, json_text = _payloads(r, placement, reading, info)
    name = _slug(info.title or labels.untitled)
    row = st.container(horizontal=True, gap="small")
    with row:
        st.download_button(labels.download_markdown, markdown,
                           file_name=f"{name}.md", mime="text/markdown", key="dl_md",
                           on_click="ignore", width="stretch", icon=":material/description:")
        st.download_button(labels.download_work, work_file,
                           file_name=f"{name}.toml", mime="application/toml", key="dl_toml",
                           on_click="ignore", width="stretch", icon=":material/save:")
        st.download_button(labels.download_json, json_text,
                           file_name=f"{name}.json", mime="application/json", key="dl_json",
                           on_click="ignore", width="stretch", icon=":material/data_object:")

    st.subheader(labels.visit_heading)
    st.button(labels.add_to_visit, key="add_to_visit", on_click=_add_to_visit, args=(r,),
              width="stretch", icon=":material/playlist_add:")
    visit = st.session_state[VISIT]
    if st.session_state.pop("visit_added", False):
        st.success(labels.visit_added.format(count=len(visit)))
    if visit:
        titles = [literal(v.get("work", {}).get("title") or labels.untitled) for v in visit]
        st.markdown("\n".join(f"- {t}" for t in titles))
        row = st.container(horizontal=True, gap="small")
        with row:
            st.download_button(labels.download_visit, visit_csv(visit, lib.catalog.rubrics,
                                                                labels.untitled),
                               file_name="visit.csv", mime="text/csv", key="dl_visit",
                               on_click="ignore", width="stretch", icon=":material/table:")
            st.button(labels.clear_visit, key="clear_visit", on_click=_clear_visit,
                      width="stretch", icon=":material/delete:")

    st.caption(labels.forget_hint.format(hours=drafts.hours()))
    st.button(labels.forget_reading, key="forget_reading", on_click=drafts.forget_reading,
              args=(r,), width="stretch", icon=":material/delete_forever:")
