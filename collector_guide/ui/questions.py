"""A section screen: its questions, each with "Not sure", a "why this matters" and a
write-through to the answers, so nothing lives only in a widget."""

from __future__ import annotations

import streamlit as st

from collector_guide.assess.scoring import shown_questions
from collector_guide.rubric import NOT_SURE, Question, Rubric
from collector_guide.ui import state
from collector_guide.ui.common import nav, progress
from collector_guide.ui.state import ANSWERS, Library


def question_key(r: Rubric, q: Question) -> str:
    return f"q:{r.id}:{q.id}"


def _store_single(r: Rubric, q: Question) -> None:
    value = st.session_state.get(question_key(r, q))
    answers = dict(st.session_state[ANSWERS])
    if value is None:
        answers.pop(q.id, None)
    else:
        answers[q.id] = value
    st.session_state[ANSWERS] = answers


def _store_multiple(r: Rubric, q: Question) -> None:
    key = question_key(r, q)
    value = list(st.session_state.get(key) or [])
    previous = st.session_state[ANSWERS].get(q.id)
    previous = previous if isinstance(previous, list) else [previous] if previous else []
    # "Not sure" excludes the other answers, and any other answer replaces "Not sure".
    if NOT_SURE in value and NOT_SURE not in previous:
        value = [NOT_SURE]
    elif NOT_SURE in value and len(value) > 1:
        value = [v for v in value if v != NOT_SURE]
    st.session_state[key] = value
    answers = dict(st.session_state[ANSWERS])
    if not value:
        answers.pop(q.id, None)
    elif value == [NOT_SURE]:
        answers[q.id] = NOT_SURE
    else:
        answers[q.id] = value
    st.session_state[ANSWERS] = answers


def question(r: Rubric, q: Question) -> None:
    answers = st.session_state[ANSWERS]
    ids = [o.id for o in q.options] + [NOT_SURE]
    names = {o.id: o.label for o in q.options} | {NOT_SURE: r.labels.not_sure}
    current = answers.get(q.id)
    key = question_key(r, q)
    with st.container(border=True, key=f"box:{q.id}"):
        if q.kind == "multiple":
            if current == NOT_SURE:
                default = [NOT_SURE]
            else:
                default = [c for c in current if c in ids] if isinstance(current, list) else []
            st.pills(q.prompt, ids, selection_mode="multi", default=default,
                     format_func=names.get, key=key, on_change=_store_multiple, args=(r, q))
            st.caption(r.labels.choose_all)
        else:
            st.radio(q.prompt, ids, index=ids.index(current) if current in ids else None,
                     format_func=names.get, key=key, on_change=_store_single, args=(r, q))
        with st.expander(r.labels.why_this_matters, icon=":material/help:"):
            st.markdown(q.help)
        if current == NOT_SURE:
            st.caption(f"{r.labels.not_sure_help} {r.labels.ask_gallery}: *{q.ask_gallery}*")


def section(lib: Library, r: Rubric, step: int) -> None:
    sec = r.sections[step - 2]
    progress(r, step)
    st.header(sec.title)
    if sec.intro:
        st.markdown(sec.intro)
    shown = shown_questions(r, st.session_state[ANSWERS])
    for q in r.questions_in(sec.id):
        if q.id in shown:  # a show_if question appears as soon as it applies
            question(r, q)
    last = step == state.result_step(r) - 1
    nav(r, step, next_label=r.labels.see_reading if last else None)
