"""The walk-through's state: one visitor's session, mirrored into the URL after every run.

Streamlit forgets the value of a widget that is not drawn, so answers never live only in
widgets: they live in `session_state[ANSWERS]`, and every widget writes through to it the
moment it changes. The URL carries the same state (see `collector_guide.keep.urlstate`), so a
reload, a discarded tab or a shared link comes back to the same place.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

import streamlit as st

from collector_guide.gallery.setup import ENV as GALLERY_ENV
from collector_guide.keep import linksign, urlstate
from collector_guide.rubric import NOT_SURE, Rubric
from collector_guide.ui import memo, screens
from collector_guide.ui.library import DEFAULT_RUBRIC_ID, Library, Sample, library

__all__ = ["DEFAULT_RUBRIC_ID", "Library", "Sample", "library"]  # where screens have found them

log = logging.getLogger("collector_guide")

ROOT = Path(__file__).resolve().parents[2]

# Session keys
RUBRIC = "cg_rubric"
STEP = "cg_step"
ANSWERS = "cg_answers"
WORK = "cg_work"
VISIT = "cg_visit"
NOTICES = "cg_notices"
PHOTO = "cg_photo"
SCROLL = "cg_scroll_top"
DRAFT = "cg_draft"  # the token of this reading's draft on the server (ui/drafts.py), or None
READING = "cg_reading"  # this reading's id (`k` in the URL): new for each new or opened work
WRITTEN = "cg_written"  # the query parameters this session last wrote into the URL
LINK_VERIFIED = "cg_link_verified"  # whether the link this session opened with was signed
CATALOGUE = "cg_catalogue"  # the gallery's catalogue work this reading is of (`work`), or None
COMPARE = "cg_compare"  # whether the visitor asked to see the gallery's reading beside theirs
SEEN = "cg_seen_rubric"  # (id, content key) of the rubric this session last read with


def rubrics_dir() -> Path:
    return Path(os.environ.get("COLLECTOR_GUIDE_RUBRICS", ROOT / "rubrics"))


def samples_dir() -> Path:
    return Path(os.environ.get("COLLECTOR_GUIDE_SAMPLES", ROOT / "sample_works"))


def gallery_file() -> str:
    """The gallery config COLLECTOR_GUIDE_GALLERY names; "" runs the guide as bundled."""
    return os.environ.get(GALLERY_ENV, "")


def trust_anchors(lib: Library | None = None) -> str | None:
    """The gallery's C2PA trust anchors: its config's `trust_anchors`, else the PEM file named
    by COLLECTOR_GUIDE_TRUST_ANCHORS."""
    lib = lib or library(str(rubrics_dir()), str(samples_dir()), gallery_file())
    if lib.site.trust_anchors:
        return lib.site.trust_anchors
    path = os.environ.get("COLLECTOR_GUIDE_TRUST_ANCHORS")
    if not path:
        return None
    try:
        return Path(path).read_text()
    except (OSError, UnicodeDecodeError):
        return None


def steps(rubric: Rubric) -> int:
    """Start, the work, the question screens (a long section takes several), the result."""
    return screens.steps(rubric)


def result_step(rubric: Rubric) -> int:
    return screens.result_step(rubric)


def init(lib: Library) -> None:
    """On a session's first run, take the state from the URL (checked, never trusted)."""
    if RUBRIC in st.session_state:
        return
    params = st.query_params.to_dict()
    state = urlstate.decode(
        params,
        lib.catalog.rubrics,
        lib.default_id,
        {rid: steps(r) for rid, r in lib.catalog.rubrics.items()},
    )
    _set(lib, state)
    wanted = params.get(urlstate.WORK_PARAM)
    if wanted is None:
        return
    work = lib.work(wanted)
    if work is None:
        words = lib.catalog.rubrics[lib.default_id].labels
        st.session_state[NOTICES] = [*state.notices,
                                     words.catalogue_unknown.format(work=wanted[:60])]
        st.session_state[STEP] = 0
    elif set(linksign.signed_part(params)) <= urlstate.OPEN_PARAMS:
        open_catalogue(lib, work.id)  # a wall label: the work, its details, blank answers
        st.session_state[NOTICES] = []
    elif work.rubric_id in _family_of(lib, st.session_state[RUBRIC]):
        st.session_state[CATALOGUE] = work.id  # a reading of it, come back by its own link


def _family_of(lib: Library, rubric_id: str) -> tuple[str, ...]:
    """A rubric's id and, for a translation, its original's (their answers are alike)."""
    r = lib.catalog.rubrics.get(rubric_id)
    return (rubric_id, r.rubric.translation_of or rubric_id) if r is not None else (rubric_id,)


def open_catalogue(lib: Library, work_id: str) -> None:
    """Start a reading of a catalogue work: its details filled in, the answers blank."""
    work = lib.work(work_id)
    if work is None:
        return
    details = work.work.work.model_dump(exclude={"notes", "image"})
    open_work(work.rubric_id, {}, details)
    st.session_state[CATALOGUE] = work.id
    go(1)


def init_fresh(lib: Library) -> None:
    """A fresh start, saying so: for a link that could not be read at all."""
    words = lib.catalog.rubrics[lib.default_id].labels
    _set(lib, urlstate.UrlState(notices=[words.link_unreadable], verified=False))


def _set(lib: Library, state: urlstate.UrlState) -> None:
    st.session_state[STEP] = state.step
    st.session_state[ANSWERS] = state.answers
    st.session_state[WORK] = state.work
    st.session_state[VISIT] = state.visit
    st.session_state[NOTICES] = state.notices
    st.session_state[PHOTO] = None
    st.session_state[DRAFT] = state.draft
    st.session_state[READING] = state.reading
    st.session_state[LINK_VERIFIED] = state.verified
    st.session_state[CATALOGUE] = None
    st.session_state[COMPARE] = False
    st.session_state[RUBRIC] = state.rubric_id or lib.default_id  # last: marks the session set


def rubric(lib: Library) -> Rubric:
    rid = st.session_state.get(RUBRIC)
    if rid not in lib.catalog.rubrics:
        rid = lib.default_id
        st.session_state[RUBRIC] = rid
    return lib.catalog.rubrics[rid]


def content_key(r: Rubric) -> str:
    """The rubric by its content, not its name: an edited rubric is a different one."""
    return r.cached("content-key", lambda: hashlib.sha256(
        r.model_dump_json().encode()).hexdigest())


def follow_edits(lib: Library, r: Rubric) -> None:
    """When the rubric this session reads with was edited on disk since its last run (or its
    file was removed, and the guide fell back to another), keep the answers that still fit
    (as a link does), drop the rest and say so."""
    seen = st.session_state.get(SEEN)
    now = (r.id, content_key(r))
    st.session_state[SEEN] = now
    if seen is None or seen == now or (seen[0] != r.id and seen[0] in lib.catalog.rubrics):
        return  # the same rubric as before, or one the visitor chose
    answers = st.session_state[ANSWERS]
    kept = fitting_answers(r, answers)
    forget_widgets()  # their options may have changed under them
    st.session_state[ANSWERS] = kept
    dropped = len(answers) - len(kept)
    st.session_state[NOTICES] = [*st.session_state[NOTICES], r.labels.rubric_updated_dropped
                                 .format(count=dropped) if dropped else r.labels.rubric_updated]


def fitting_answers(r: Rubric, answers: dict) -> dict:
    """The answers that still fit a rubric's questions: a question it still asks, an option it
    still offers (of several, those it still offers); "Not sure" always fits."""
    kept: dict[str, object] = {}
    for qid, value in answers.items():
        q = next((q for q in r.questions if q.id == qid), None)
        if q is None:
            continue
        ids = {o.id for o in q.options}
        if value == NOT_SURE or (isinstance(value, str) and value in ids):
            kept[qid] = value
        elif isinstance(value, list) and q.kind == "multiple":
            still = [v for v in value if v in ids]
            if still:
                kept[qid] = still
    return kept


def go(step: int) -> None:
    """Move to a step (used as a button callback, so it takes effect in the same rerun)."""
    st.session_state[STEP] = step
    st.session_state[SCROLL] = True


def start_fresh(rubric_id: str) -> None:
    st.session_state[RUBRIC] = rubric_id
    st.session_state[ANSWERS] = {}
    st.session_state[WORK] = {}
    st.session_state[PHOTO] = None
    st.session_state[DRAFT] = None  # a new reading gets its own draft; the old one expires
    st.session_state[READING] = urlstate.new_reading_id()
    st.session_state[CATALOGUE] = None
    st.session_state[COMPARE] = False
    forget_widgets()
    go(1)


def open_work(rubric_id: str, answers: dict, work: dict) -> None:
    st.session_state[RUBRIC] = rubric_id
    st.session_state[ANSWERS] = dict(answers)
    st.session_state[WORK] = {k: v for k, v in work.items() if isinstance(v, str) and v}
    st.session_state[PHOTO] = None
    st.session_state[DRAFT] = None
    st.session_state[READING] = urlstate.new_reading_id()
    st.session_state[CATALOGUE] = None
    st.session_state[COMPARE] = False
    forget_widgets()


def forget_widgets() -> None:
    # Widgets of the previous work must not leak their values into the next one.
    for key in list(st.session_state):
        if isinstance(key, str) and key.startswith(("q:", "work:")):
            del st.session_state[key]


def sync_url(r: Rubric, default_id: str, extra: dict[str, str] | None = None) -> None:
    """Write the state into the URL, if it changed. The browser makes a history entry only
    when the screen changes (see `ui.history`); a pristine start screen keeps a bare address,
    so Back from it leaves the app at once."""
    ss = st.session_state
    # Packed and signed again only when the state changed (~0.3 ms: zlib, HMAC); copies, so
    # that a value changed in place still counts as a change.
    more = {**({urlstate.WORK_PARAM: ss[CATALOGUE]} if ss.get(CATALOGUE) else {}),
            **(extra or {})}
    inputs = (r, ss[STEP], dict(ss[ANSWERS]), dict(ss[WORK]), list(ss[VISIT]), ss.get(DRAFT),
              ss.get(READING), tuple(sorted(more.items())))
    params = dict(memo.last("link", inputs, lambda: urlstate.encode(
        r, ss[STEP], ss[ANSWERS], ss[WORK], ss[VISIT], ss.get(DRAFT), reading=ss.get(READING),
        extra=more or None)))
    current = st.query_params.to_dict()
    pristine = {"r": default_id, "v": r.version, "s": "0"}
    if not current and linksign.signed_part(params) == pristine:
        params = current
    if current != params:
        st.query_params.from_dict(params)
    st.session_state[WRITTEN] = params
