"""A section screen: its questions, each with "Not sure", a "why this matters" and a
write-through to the answers, so nothing lives only in a widget."""

from __future__ import annotations

import streamlit as st

from collector_guide.assess.scoring import shown_questions
from collector_guide.rubric import NOT_SURE, Question, Rubric
from collector_guide.ui import screens, state
from collector_guide.ui.common import nav, progress
from collector_guide.ui.state import ANSWERS, Library


def question_key(r: Rubric, q: Question, prefix: str = "q") -> str:
    return f"{prefix}:{r.id}:{q.id}"


def _store_single(r: Rubric, q: Question, store: str = ANSWERS, prefix: str = "q") -> None:
    value = st.session_state.get(question_key(r, q, prefix))
    answers = dict(st.session_state[store])
    if value is None:
        answers.pop(q.id, None)
    else:
        answers[q.id] = value
    st.session_state[store] = answers


def _store_multiple(r: Rubric, q: Question, store: str = ANSWERS, prefix: str = "q") -> None:
    key = question_key(r, q, prefix)
    value = list(st.session_state.get(key) or [])
    previous = st.session_state[store].get(q.id)
    previous = previous if isinstance(previous, list) else [previous] if previous else []
    # "Not sure" and a "none of these" exclude the other answers, and any other answer
    # replaces them.
    alone = {NOT_SURE} | {o.id for o in q.options if o.exclusive}
    added = [v for v in value if v in alone and v not in previous]
    if added:
        value = added[-1:]
    elif len(value) > 1:
        value = [v for v in value if v not in alone]
    st.session_state[key] = value
    answers = dict(st.session_state[store])
    if not value:
        answers.pop(q.id, None)
    elif value == [NOT_SURE]:
        answers[q.id] = NOT_SURE
    else:
        answers[q.id] = value
    st.session_state[store] = answers


def _says(prompt: str, instruction: str) -> bool:
    """Whether a prompt already says the instruction ("Choose all that apply"), so that it
    is said once, not twice: compared by its first two words, ignoring case."""
    head = " ".join(instruction.lower().split()[:2]).strip(".:!")
    return bool(head) and head in prompt.lower()


def question(r: Rubric, q: Question, store: str = ANSWERS, prefix: str = "q") -> None:
    """One question; its answer is written through to `st.session_state[store]` (the studio's
    preview keeps its own, apart from the visitor's), its widget keyed under `prefix`."""
    answers = st.session_state[store]
    ids = [o.id for o in q.options] + [NOT_SURE]
    names = {o.id: o.label for o in q.options} | {NOT_SURE: r.labels.not_sure}
    current = answers.get(q.id)
    key = question_key(r, q, prefix)
    box = f"box:{q.id}" if prefix == "q" else f"{prefix}-box:{q.id}"
    with st.container(border=True, key=box):
        if q.kind == "multiple":
            if current == NOT_SURE:
                default = [NOT_SURE]
            else:
                default = [c for c in current if c in ids] if isinstance(current, list) else []
            st.pills(q.prompt, ids, selection_mode="multi", default=default,
                     format_func=names.get, key=key, on_change=_store_multiple,
                     args=(r, q, store, prefix))
            if not _says(q.prompt, r.labels.choose_all):
                st.caption(r.labels.choose_all)
        else:
            st.radio(q.prompt, ids, index=ids.index(current) if current in ids else None,
                     format_func=names.get, key=key, on_change=_store_single,
                     args=(r, q, store, prefix))
        glossed = [o for o in q.options if o.gloss]
        if glossed:  # technical words in the answers, explained one tap away
            with st.expander(r.labels.glossary, icon=":material/menu_book:"):
                st.markdown("\n".join(f"- **{o.label}** — {o.gloss}" for o in glossed))
        with st.expander(r.labels.why_this_matters, icon=":material/help:"):
            st.markdown(q.help)
        if current == NOT_SURE:
            st.caption(f"{r.labels.not_sure_help} {r.labels.ask_gallery}: *{q.ask_gallery}*")


def section(lib: Library, r: Rubric, step: int) -> None:
    """One screen of a section: its title, its intro on the first part, its questions."""
    screen = screens.screen_at(r, step)
    answers = st.session_state[ANSWERS]
    progress(r, step)
    st.header(screen.section.title)
    if screen.parts > 1:
        st.caption(r.labels.section_part.format(part=screen.part, parts=screen.parts))
    if screen.section.intro and screen.part == 1:
        st.markdown(screen.section.intro)
    shown = shown_questions(r, answers)
    for qid in screen.questions:
        if qid in shown:  # a show_if question appears as soon as it applies
            question(r, r.question(qid))
    last = screens.next_step(r, answers, step) == state.result_step(r)
    nav(r, step, next_label=r.labels.see_reading if last else None)
