"""This reading's draft on the server: the photo and the texts its URL cannot carry.

On a session's first run, `restore` brings the draft named by the URL's token back into the
session; after every run, `save` writes it again if it changed (and only then: a photo is not
rewritten on every tap); "Forget this reading" deletes it. The store is shared by the whole
process (and, with Redis, by every replica), so it is addressed only by unguessable tokens,
one per reading, never by anything a visitor could guess or another visitor could hold.
"""

from __future__ import annotations

import logging
import os

import streamlit as st

from collector_guide.keep import urlstate
from collector_guide.keep.draftbackends import store_from_env as _store_from_env
from collector_guide.keep.drafts import Draft, DraftStore, DraftStoreError, MemoryStore, new_token
from collector_guide.photo.provenance import ProvenanceReport
from collector_guide.rubric import WORK_TEXT_LIMITS, Rubric
from collector_guide.ui import memo, state
from collector_guide.ui.state import ANSWERS, DRAFT, NOTICES, PHOTO, VISIT, WORK

log = logging.getLogger("collector_guide")
SAVED = "cg_draft_saved"  # what the store holds under this session's token, as a fingerprint
RESTORED = "cg_draft_restored"
UNKNOWN = ("unknown",)  # the store could not be read: do not overwrite what it may hold
_TEXT_KEYS = ("wall_label", "notes")


@st.cache_resource(show_spinner=False)
def store() -> DraftStore:
    """The process's one draft store, as COLLECTOR_GUIDE_DRAFTS names it (memory by default)."""
    try:
        return _store_from_env(os.environ)
    except (ValueError, DraftStoreError) as exc:
        # `collector-guide serve` refuses to start on this; `streamlit run` says it and goes on.
        log.error("draft store: %s; keeping drafts in this process's memory instead", exc)
        return MemoryStore()


def hours() -> str:
    return f"{store().ttl / 3600:g}"


# --- the photo as a draft, and back ----------------------------------------------------------


def _photo_parts(kept: dict | None) -> tuple[bytes | None, dict]:
    if not kept or not (kept.get("jpeg") or kept.get("report")):
        return None, {}
    report = kept.get("report")
    return kept.get("jpeg"), {
        "upload": [str(x) for x in kept.get("token") or ()],
        "notes": [str(n) for n in kept.get("notes") or ()],
        "report": report.to_dict() if report is not None else None,
    }


def _kept_photo(draft: Draft) -> dict | None:
    facts = draft.facts
    if not draft.photo and not facts.get("report"):
        return None
    report = None
    if facts.get("report"):
        try:
            report = ProvenanceReport.from_dict(facts["report"])
        except ValueError:
            log.warning("a kept provenance report could not be read; showing the photo only")
    notes = facts.get("notes") if isinstance(facts.get("notes"), list) else []
    upload = facts.get("upload") if isinstance(facts.get("upload"), list) else []
    return {"token": tuple(upload), "jpeg": draft.photo, "notes": tuple(map(str, notes)),
            "error": None, "report": report}


def _content() -> tuple[Draft, tuple]:
    """What this reading's draft should hold now, and a cheap fingerprint of it."""
    kept = st.session_state.get(PHOTO)
    photo, facts = _photo_parts(kept)
    work = st.session_state[WORK]
    texts = dict(memo.last("left-out", (dict(work),), lambda: urlstate.left_out(work)))
    mark = (tuple(facts.get("upload", ())) if facts else None, tuple(sorted(texts.items())))
    return Draft(photo, facts, texts), mark


# --- restore, save, forget -------------------------------------------------------------------


def restore(r: Rubric) -> None:
    """Once a session: bring back what the URL's token keeps (the photo, the long texts)."""
    if st.session_state.get(RESTORED):
        return
    st.session_state[RESTORED] = True
    _bring_back(r, every_detail=False)


def keep_for_visit(r: Rubric) -> str | None:
    """This reading as the visit keeps it, under a token of its own: every detail, the notes
    and the photo (the visit's link carries only the answers, title, artist and year). The
    token, or None when there is nothing more to keep or the store cannot keep it now."""
    photo, facts = _photo_parts(st.session_state.get(PHOTO))
    draft = Draft(photo, facts, urlstate.work_details(st.session_state[WORK]))
    if draft.empty:
        return None
    token = new_token()
    try:
        store().save(token, draft)
    except DraftStoreError as exc:
        log.warning("draft store: %s", exc)
        st.session_state[NOTICES].append(r.labels.draft_unreachable)
        return None
    return token


def forget_kept(tokens) -> None:
    """Forget what the visit kept for works that have left it (no Undo brings those back)."""
    for token in tokens:
        try:
            store().forget(token)
        except DraftStoreError as exc:
            log.warning("draft store: %s", exc)


def reopen(r: Rubric, token: str | None) -> None:
    """A work of the visit, opened again: every detail, the notes and the photo kept for it,
    over the few details the visit's link carries. The reopened reading then keeps its own
    draft, so that what the visit kept stays as it was kept."""
    st.session_state[DRAFT] = token
    _bring_back(r, every_detail=True)
    st.session_state[DRAFT] = None
    st.session_state[SAVED] = None


def _bring_back(r: Rubric, every_detail: bool) -> None:
    """Take this reading's draft into the session. The link's own details win (they are as new
    as the draft), except the long texts, which it may carry cut or not at all."""
    st.session_state[SAVED] = None
    token = st.session_state.get(DRAFT)
    if not token:
        return
    try:
        draft = store().load(token)
    except DraftStoreError as exc:
        log.warning("draft store: %s", exc)
        st.session_state[NOTICES].append(r.labels.draft_unreachable)
        st.session_state[SAVED] = UNKNOWN
        return
    if draft is None:
        st.session_state[NOTICES].append(r.labels.draft_gone.format(hours=hours()))
        st.session_state[DRAFT] = None
        return
    work = dict(st.session_state[WORK])
    for key, text in urlstate.work_details(draft.texts).items():
        if every_detail or key in _TEXT_KEYS or key not in work:
            work[key] = text[:WORK_TEXT_LIMITS[key]]
    st.session_state[WORK] = work
    st.session_state[PHOTO] = _kept_photo(draft)
    st.session_state[SAVED] = _content()[1]


def save(r: Rubric) -> None:
    """After a run: write the draft if it changed; an empty one is forgotten with its token."""
    draft, mark = _content()
    saved = st.session_state.get(SAVED)
    token = st.session_state.get(DRAFT)
    if saved == ("failed", mark):
        return  # the store failed on this very content: try again when it changes
    if saved == mark and (token or draft.empty):
        return
    if saved == UNKNOWN and draft.empty:
        return  # nothing new, and the store may still hold this link's draft: leave it be
    try:
        if draft.empty:
            if token:
                store().forget(token)
            st.session_state[DRAFT] = None
        else:
            token = token or new_token()
            store().save(token, draft)
            st.session_state[DRAFT] = token
        st.session_state[SAVED] = mark
    except DraftStoreError as exc:
        log.warning("draft store: %s", exc)
        if st.session_state.get(SAVED) != ("failed", mark):
            st.session_state[NOTICES].append(r.labels.draft_unreachable)
        st.session_state[SAVED] = ("failed", mark)


def forget_reading(r: Rubric) -> None:
    """"Forget this reading": delete its draft, its answers and details, and start again."""
    token = st.session_state.get(DRAFT)
    notices = [r.labels.forgotten]
    if token:
        try:
            store().forget(token)
        except DraftStoreError as exc:
            log.warning("draft store: %s", exc)
            notices = [r.labels.draft_unreachable]
    entry = urlstate.visit_entry(r, st.session_state[ANSWERS], st.session_state[WORK])
    gone = [v for v in st.session_state[VISIT] if urlstate.same_work(v, entry)]
    forget_kept(v["d"] for v in gone if v.get("d"))
    st.session_state[VISIT] = [v for v in st.session_state[VISIT] if v not in gone]
    state.open_work(r.id, {}, {})
    st.session_state[SAVED] = None
    st.session_state.pop("cg_downloads", None)
    memo.forget_session()  # the reading and the figures made from this visitor's words
    st.session_state[NOTICES] = notices
    state.go(0)
