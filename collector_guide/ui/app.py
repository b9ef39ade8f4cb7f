"""The app's one entry point: set the page up, restore the state, draw the current step."""

from __future__ import annotations

import base64
import logging
from pathlib import Path

import streamlit as st

from collector_guide.rubric import Labels, Problem
from collector_guide.rubric.locales import DEFAULT_LANGUAGE, locale
from collector_guide.ui import brand, drafts, history, language, screens, state, studio
from collector_guide.ui.common import literal
from collector_guide.ui.keep import SHARE_JS
from collector_guide.ui.memo import Html
from collector_guide.ui.questions import section
from collector_guide.ui.reading import result
from collector_guide.ui.start import start
from collector_guide.ui.style import A11Y_JS, CSS, SCROLL_TOP
from collector_guide.ui.work import the_work

log = logging.getLogger("collector_guide")
ICON = Path(__file__).with_name("icon.png")
# The tab's icon as a data URL, made once a process: given a file, Streamlit decodes the PNG to
# look for transparency and files it with its media for every new session (~3 ms each). A
# bundled icon, because a Material icon name makes the browser fetch it from Google.
ICON_URL = "data:image/png;base64," + base64.b64encode(ICON.read_bytes()).decode()


def run() -> None:
    lib = state.library(str(state.rubrics_dir()), str(state.samples_dir()), state.gallery_file())
    gallery = lib.site.name or next(
        (r.rubric.gallery for r in lib.catalog.rubrics.values() if r.rubric.gallery), None)
    layout = "wide" if studio.wanted() else "centered"  # the studio sets maps side by side
    if st.session_state.get("cg_page_config") != layout:
        # Once a session (and on leaving the studio): the browser keeps it.
        st.session_state["cg_page_config"] = layout
        st.set_page_config(
            page_title=brand.page_title(gallery),
            page_icon=ICON_URL, layout=layout, initial_sidebar_state="collapsed")
    st.html(Html(CSS + brand.accent_css(lib.site)))
    if studio.wanted():  # for authors; a session of its own, which never touches the URL
        try:
            studio.page(lib)
        except Exception:
            log.exception("in the studio")
            st.error(Labels().screen_error)
        return
    if not lib.catalog.rubrics:
        no_rubric(lib.catalog.problems)
        return
    try:
        state.init(lib)
    except Exception:  # a link must never take the page down: start afresh, and say so
        log.exception("while reading the link")
        state.init_fresh(lib)
    try:
        history.follow(lib)
    except Exception:  # Back or Forward to an entry that cannot be read: stay on this screen
        log.exception("while following the browser's history")
    language.apply(lib)
    r = state.rubric(lib)
    state.follow_edits(lib, r)  # the rubric was edited on disk since the last run: keep what fits
    step = max(0, min(st.session_state[state.STEP], state.result_step(r)))
    if step > 1 and step not in screens.visible_steps(r, st.session_state[state.ANSWERS]):
        step = screens.next_step(r, st.session_state[state.ANSWERS], step)  # nothing applies
    st.session_state[state.STEP] = step
    try:
        drafts.restore(r)  # once a session: the photo and the long texts the URL could not carry
        brand.header(lib.site, r)
        for notice in st.session_state[state.NOTICES]:
            st.info(literal(notice), icon=":material/info:")
        st.session_state[state.NOTICES] = []
        if step == 0:
            language.switch(lib, r)  # first on the first screen; at the foot of the others
            start(lib, r)
        elif step == 1:
            the_work(lib, r, step)
        elif step < state.result_step(r):
            section(lib, r, step)
        else:
            result(lib, r, step)
        if step:
            language.switch(lib, r)
    except Exception:  # never show a visitor a traceback; their answers stay in the state
        log.exception("while drawing step %s", step)
        st.error(r.labels.screen_error)
        st.button(r.labels.back, key="recover_back", on_click=state.go, args=(max(0, step - 1),))
    try:
        drafts.save(r)
        page_scripts(step, language.page_language_js(lib, r))
        state.sync_url(r, language.home_id(lib), language.url_extra())
    except Exception:  # the URL and the draft are copies: the session still holds everything
        log.exception("while keeping the state in the link and the draft")


def page_scripts(step: int, more: str = "") -> None:
    """The page's two scripts, in a hidden box at the very end, so that they never take space
    (an element that comes and goes at the top shifted the whole page on the first tap)."""
    scripts = history.HISTORY_JS + SHARE_JS + A11Y_JS + more
    if st.session_state.pop(state.SCROLL, False):
        scripts += SCROLL_TOP.format(nonce=step)
    with st.container(key="cg_scripts"):
        st.html(Html(scripts), unsafe_allow_javascript=True)


def no_rubric(problems: list[Problem]) -> None:
    st.title("Collector Guide")
    st.error(locale(language.browser() or DEFAULT_LANGUAGE).labels["no_rubric"])
    for problem in problems[:20]:
        st.code(str(problem), language=None)
