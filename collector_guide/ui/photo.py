"""The photo on the work screen: a safe display copy, and what the file says about its making.

Provenance is read from the original bytes; only a small display copy is kept in the session.
Suggested answers are only offered: nothing is set until the collector taps "Use this answer".
"""

from __future__ import annotations

import contextlib

import streamlit as st

from collector_guide.photo import intake as images
from collector_guide.photo import provenance
from collector_guide.photo.evidence import Suggestion, kind_label, strength_label, suggestions
from collector_guide.rubric import NOT_SURE, Rubric
from collector_guide.ui import state
from collector_guide.ui.common import literal
from collector_guide.ui.questions import question_key
from collector_guide.ui.state import ANSWERS, PHOTO

# JPEG XL is offered too: its provenance is read even though it cannot be shown (intake says so).
PHOTO_TYPES = ["jpg", "jpeg", "png", "webp", "heic", "heif", "jxl"]


def photo(r: Rubric) -> None:
    labels = r.labels
    st.subheader(labels.photo)
    upload = st.file_uploader(labels.photo, type=PHOTO_TYPES, key="photo_upload",
                              label_visibility="collapsed", on_change=_photo_changed)
    if st.toggle(labels.use_camera, key="use_camera"):
        shot = st.camera_input(labels.take_photo, key="photo_camera", on_change=_photo_changed)
        upload = shot or upload
    kept = st.session_state.get(PHOTO)
    if upload is not None:
        token = (upload.file_id, upload.size)
        if not kept or kept["token"] != token:
            kept = _take_photo(upload, token)
            st.session_state[PHOTO] = kept
    elif not kept:
        return
    if kept["error"]:
        st.error(literal(kept["error"]))
    elif kept["jpeg"]:
        st.image(kept["jpeg"], width="stretch", alt=labels.photo_alt,
                 output_format="JPEG")  # the display copy is one: sent as it is
        for note in kept["notes"]:
            st.caption(literal(note))
    if upload is None:
        # Kept from before a reload (the uploader is empty then): it can still be removed.
        st.button(labels.photo_remove, key="photo_remove", on_click=_remove_photo,
                  icon=":material/delete:")
    evidence_panel(r, kept["report"])


def _photo_changed() -> None:
    # The visitor removed the file from the uploader (or the camera): the photo goes with it.
    if st.session_state.get("photo_upload") is None and \
            st.session_state.get("photo_camera") is None:
        _remove_photo()


def _remove_photo() -> None:
    st.session_state[PHOTO] = None


def _take_photo(upload, token) -> dict:
    """Read provenance from the original bytes, keep a small display copy, drop the rest."""
    data = upload.getvalue()
    kept = {"token": token, "jpeg": None, "notes": (), "error": None, "report": None}
    # A file that is no image at all has no provenance; load_image below says what is wrong.
    with contextlib.suppress(provenance.ProvenanceError):
        kept["report"] = provenance.read_provenance(
            data, filename=upload.name, trust_anchors_pem=state.trust_anchors())
    try:
        prepared = images.load_image(data)
        kept["jpeg"], kept["notes"] = prepared.display_jpeg, prepared.notes
    except images.ImageError as exc:
        kept["error"] = str(exc)
    return kept


def _use_suggestion(r: Rubric, s: Suggestion) -> None:
    q = r.question(s.question_id)
    answers = dict(st.session_state[ANSWERS])
    if s.option_id == NOT_SURE:
        answers[q.id] = NOT_SURE
    elif q.kind == "multiple":
        current = answers.get(q.id)
        current = current if isinstance(current, list) else []
        answers[q.id] = current + [s.option_id] if s.option_id not in current else current
    else:
        answers[q.id] = s.option_id
    st.session_state[ANSWERS] = answers
    st.session_state.pop(question_key(r, q), None)  # the widget shows the new answer when drawn


def evidence_panel(r: Rubric, report: provenance.ProvenanceReport | None) -> None:
    if report is None:
        return
    labels = r.labels
    st.subheader(labels.evidence_heading)
    caveats = [labels.caveat_camera, labels.caveat_forged, labels.caveat_absence]
    if not report.has_evidence:
        st.info(f"{labels.evidence_none} {labels.caveat_absence}", icon=":material/info:")
        return
    st.caption(labels.evidence_intro)
    for f in report.findings:
        if f.source == "file" and f.category == provenance.INFORMATION:
            continue
        with st.container(border=True):
            st.markdown(f"**{literal(kind_label(labels, f.category))}** · "
                        f"{literal(strength_label(labels, f.strength))}")
            st.markdown(literal(f.meaning))
            st.caption(literal(f"{f.source} · {f.key}: {f.value}"))
    answers = st.session_state[ANSWERS]
    for s in suggestions(r, report):
        q = r.question(s.question_id)
        option = q.option(s.option_id)
        label = option.label if option else r.labels.not_sure
        current = answers.get(q.id)
        agrees = current == s.option_id or (isinstance(current, list) and s.option_id in current)
        with st.container(border=True):
            st.markdown(f"{labels.evidence_suggests} *{q.prompt}*  \n**{label}**")
            st.caption(s.note)
            if agrees:
                st.caption(labels.evidence_agrees)
            else:
                st.button(labels.evidence_use, key=f"use_{q.id}", on_click=_use_suggestion,
                          args=(r, s), icon=":material/check:")
    with st.expander(labels.evidence_caveats, icon=":material/warning:"):
        st.markdown("\n".join(f"- {c}" for c in caveats))
