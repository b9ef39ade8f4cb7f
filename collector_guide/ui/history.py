"""Back and Forward: every screen is one entry in the browser's history, every answer kept.

Streamlit 1.67 writes `st.query_params` into the address bar with `history.pushState` whenever
the query string changes, and on Back or Forward (`popstate`) reruns the script with that
entry's query string, flagged as a history navigation (writes during such a run use
`replaceState`). Left alone, every answer added an entry, and the run after Back wrote the
current state over the entry Back had landed on: five presses kept the same screen. So:

- in the page, `HISTORY_JS` turns Streamlit's `pushState` into `replaceState` unless the
  screen changes (the step `s` or the reading `k`): one entry per screen, each kept up to date;
- here, a history-navigation rerun whose address differs from what this session last wrote
  goes to that entry's screen. The answers stay: an entry holds the answers of the moment it
  was left, the session holds newer ones. An entry of another reading (another work) brings
  that reading back, from this session's shelf if it was left here, else from its address.
"""

from __future__ import annotations

import streamlit as st

from collector_guide.keep import urlstate
from collector_guide.ui import state
from collector_guide.ui.drafts import RESTORED, SAVED
from collector_guide.ui.state import (
    ANSWERS,
    CATALOGUE,
    COMPARE,
    DRAFT,
    PHOTO,
    READING,
    RUBRIC,
    SCROLL,
    STEP,
    WORK,
    WRITTEN,
    Library,
)

SHELF = "cg_shelf"  # readings left by Back or Forward in this session: reading id → state
MAX_SHELF = 8

# Installed once per page; Streamlit calls history.pushState(state, "", url) for every change.
HISTORY_JS = """
<script>
  (function () {
    if (window.__cgHistory) return;
    window.__cgHistory = true;
    const push = window.history.pushState.bind(window.history);
    const replace = window.history.replaceState.bind(window.history);
    const screen = (url) => {
      const p = new URL(url, window.location.href).searchParams;
      return (p.get("k") || "") + "/" + (p.get("s") || "0");
    };
    // A new entry only for a new screen; an answer, a typed detail or a rubric choice only
    // updates the entry of the screen it was made on.
    window.history.pushState = function (data, unused, url) {
      if (url === undefined || url === null || screen(url) !== screen(window.location.href)) {
        return push(data, unused, url);
      }
      return replace(data, unused, url);
    };
  })();
</script>
"""


def _history_navigation() -> bool:
    """Whether this run was started by Back or Forward (Streamlit says so since 1.67)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return ctx is None or bool(getattr(ctx, "is_history_navigation", True))


def follow(lib: Library) -> bool:
    """If Back or Forward brought another entry's address, go to its screen. True if it did."""
    written = st.session_state.get(WRITTEN)
    if written is None:  # the session's first run: the address is where the state came from
        return False
    current = st.query_params.to_dict()
    if current == written or not _history_navigation():
        return False
    target = urlstate.decode(current, lib.catalog.rubrics, lib.default_id,
                             {rid: state.steps(r) for rid, r in lib.catalog.rubrics.items()})
    here = st.session_state.get(READING)
    if target.reading != here:
        shelf = dict(st.session_state.get(SHELF, {}))
        shelf[here or ""] = {key: st.session_state.get(key)
                             for key in (RUBRIC, ANSWERS, WORK, PHOTO, DRAFT, SAVED, CATALOGUE)}
        kept = shelf.pop(target.reading or "", None)
        if kept is None:  # not left here (say, before a reload): its address and its draft
            work = lib.work(current.get(urlstate.WORK_PARAM))
            kept = {RUBRIC: target.rubric_id or lib.default_id, ANSWERS: target.answers,
                    WORK: target.work, PHOTO: None, DRAFT: target.draft,
                    CATALOGUE: work.id if work is not None else None}
            st.session_state.pop(RESTORED, None)  # drafts.restore brings the draft back
        st.session_state[SHELF] = dict(list(shelf.items())[-MAX_SHELF:])
        st.session_state.update(kept)
        st.session_state[COMPARE] = False
        st.session_state[READING] = target.reading
        state.forget_widgets()
    st.session_state[STEP] = target.step
    st.session_state[SCROLL] = True
    return True
