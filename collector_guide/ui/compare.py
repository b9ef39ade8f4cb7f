"""The gallery's reading, beside the visitor's: offered only after the visitor has their own.

A catalogue work may carry the gallery's answers and notes. They stay out of sight until the
visitor, on their own reading's screen, asks for them, so they cannot anchor anyone's answers.
Then one map shows both readings, and each question answered differently is set out with the
gallery's note. The words are the rubric's `compare_*` labels: two places on a spectrum.
"""

from __future__ import annotations

import streamlit as st

from collector_guide.assess.compare import (
    Comparison,
    answer_words,
    axis_sentences,
    compare,
    comparison_figure,
    summary_sentence,
)
from collector_guide.rubric import Rubric
from collector_guide.ui.common import PLOTLY_CONFIG, answers_key, literal
from collector_guide.ui.memo import Drawn, shared
from collector_guide.ui.state import ANSWERS, CATALOGUE, COMPARE, Library


def _figure(r: Rubric, comparison: Comparison, key: tuple, you: str, gallery: str) -> Drawn:
    return shared("compare", (key, you, gallery),
                  lambda: Drawn(comparison_figure(r, comparison, you, gallery)))


def _show(value: bool) -> None:
    st.session_state[COMPARE] = value


def gallery_reading(lib: Library, r: Rubric) -> None:
    work = lib.work(st.session_state.get(CATALOGUE))
    answers = st.session_state[ANSWERS]
    # The gallery read the work with a rubric; its translations share the ids and effects.
    if (work is None or work.reading is None or not answers
            or work.rubric_id not in (r.id, r.rubric.translation_of)):
        return  # nothing to compare with, or no reading of the visitor's own yet
    labels = r.labels
    if not st.session_state.get(COMPARE):
        st.caption(labels.compare_invite)
        st.button(labels.compare_button, key="compare_open", on_click=_show, args=(True,),
                  width="stretch", icon=":material/compare_arrows:")
        return
    reading = work.reading
    c = compare(r, answers, reading.answers, reading.notes)
    with st.container(key="gallery_reading"):
        st.header(labels.compare_heading)
        st.markdown(labels.compare_intro)
        fig = _figure(r, c, (*answers_key(r), work.id), labels.compare_you,
                      labels.compare_gallery)
        st.plotly_chart(fig, key="compare_map", config=PLOTLY_CONFIG, width="stretch")
        st.caption(labels.compare_legend)
        st.markdown("\n\n".join(axis_sentences(r, c)))
        if reading.summary:
            st.markdown(f"**{labels.compare_gallery}:** {literal(reading.summary)}")
        shared = summary_sentence(c, labels)
        if shared:
            st.markdown(shared)
        if c.answered_differently:
            st.subheader(labels.compare_differences)
        for d in c.answered_differently:
            q = r.question(d.question_id)
            with st.container(border=True, key=f"diff:{q.id}"):
                st.markdown(f"**{q.prompt}**")
                st.markdown(
                    f"{labels.compare_you_answered}: {answer_words(r, q.id, d.visitor)}  \n"
                    f"{labels.compare_gallery_answered}: {answer_words(r, q.id, d.gallery)}")
                if d.note:
                    st.markdown(f"*{labels.compare_note}:* {literal(d.note)}")
        if c.left_open:
            # Not a different view: what the gallery could tell that the visitor could not.
            with st.expander(f"{labels.compare_left_open} ({len(c.left_open)})",
                             icon=":material/help:", expanded=not c.answered_differently):
                st.markdown("\n".join(
                    f"- **{r.question(d.question_id).prompt}** "
                    f"{answer_words(r, d.question_id, d.gallery)}"
                    + (f" — *{literal(d.note)}*" if d.note else "")
                    for d in c.left_open))
        if c.shared_notes:
            with st.expander(labels.compare_shared_notes, icon=":material/notes:"):
                st.markdown("\n".join(f"- **{r.question(qid).prompt}** {literal(note)}"
                                       for qid, note in c.shared_notes))
        contact = lib.site.config.gallery.contact
        if contact:
            st.markdown(f"**{labels.ask_the_gallery}:** {literal(contact)}")
        st.button(labels.compare_hide, key="compare_hide", on_click=_show, args=(False,),
                  width="stretch", icon=":material/visibility_off:")
