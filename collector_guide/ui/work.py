"""The work screen: the wall label's details, the visitor's notes, and the photo."""

from __future__ import annotations

import streamlit as st

from collector_guide.rubric import WORK_TEXT_LIMITS, Rubric
from collector_guide.ui.common import nav, progress
from collector_guide.ui.photo import photo
from collector_guide.ui.state import CATALOGUE, WORK, Library

_WORK_FIELDS = tuple((f, WORK_TEXT_LIMITS[f]) for f in ("title", "artist", "year", "medium",
                                                         "series", "edition"))


def _store_text(field: str) -> None:
    value = st.session_state.get(f"work:{field}", "")
    work = dict(st.session_state[WORK])
    if value:
        work[field] = value
    else:
        work.pop(field, None)
    st.session_state[WORK] = work


def the_work(lib: Library, r: Rubric, step: int) -> None:
    labels = r.labels
    progress(r, step)
    st.header(labels.work_heading)
    known = lib.work(st.session_state.get(CATALOGUE))
    if known is not None:
        if known.image:
            st.image(known.image, width="stretch", output_format="JPEG",  # a display JPEG
                     alt=labels.image_alt.format(title=known.title))
        st.caption(labels.catalogue_opened)
    else:
        st.caption(labels.work_intro)
    work = st.session_state[WORK]
    for field, limit in _WORK_FIELDS:
        st.text_input(getattr(labels, field), value=work.get(field, ""), max_chars=limit,
                      key=f"work:{field}", on_change=_store_text, args=(field,))
    st.text_area(labels.wall_label, value=work.get("wall_label", ""),
                 max_chars=WORK_TEXT_LIMITS["wall_label"], key="work:wall_label",
                 on_change=_store_text, args=("wall_label",), height=110)
    if lib.site.show.uploads:
        photo(r)
    st.text_area(labels.notes, value=work.get("notes", ""),
                 max_chars=WORK_TEXT_LIMITS["notes"], key="work:notes",
                 on_change=_store_text, args=("notes",), height=90)
    nav(r, step)
