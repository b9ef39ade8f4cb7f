"""The visitor's reading beside the gallery's: where each sits, what differs question by
question (with the gallery's notes), and words that never call either reading wrong."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from collector_guide import NOT_SURE
from collector_guide.assess.compare import answer_words, axis_sentences, compare, summary_sentence
from collector_guide.rubric import Labels


def answers_for(rubric, pick: int) -> dict:
    """Answer every question with its `pick`-th option (wrapping), lists for multiple."""
    out = {}
    for q in rubric.questions:
        option = q.options[pick % len(q.options)].id
        out[q.id] = [option] if q.kind == "multiple" else option
    return out


def test_the_same_answers_differ_nowhere(minimal):
    a = answers_for(minimal, 1)
    c = compare(minimal, a, dict(a), {minimal.questions[0].id: "Because."})
    assert c.differences == () and c.gap == {ax.id: 0 for ax in minimal.axes}
    assert c.same and c.overlap
    assert c.shared_notes == ((minimal.questions[0].id, "Because."),)
    assert summary_sentence(c, minimal.labels) == minimal.labels.compare_all_same


def test_differences_carry_the_note_and_what_they_move(minimal):
    q = next(q for q in minimal.questions if q.kind == "single" and not q.show_if)
    first, second = q.options[0].id, q.options[1].id
    c = compare(minimal, {q.id: first}, {q.id: second}, {q.id: "We saw the studio."})
    (d,) = [d for d in c.differences if d.question_id == q.id]
    assert (d.visitor, d.gallery, d.note) == ((first,), (second,), "We saw the studio.")
    moved = [ax.id for ax in minimal.axes
             if q.options[0].effects.get(ax.id, 0) != q.options[1].effects.get(ax.id, 0)]
    assert all(d.shifts[a] != 0 for a in moved)
    assert answer_words(minimal, q.id, d.visitor) == q.options[0].label


def test_not_sure_and_unanswered_read_alike_and_not_asked_is_named(minimal):
    q = minimal.questions[0]
    c = compare(minimal, {q.id: NOT_SURE}, {})
    assert all(d.question_id != q.id for d in c.differences)
    hidden = next(q for q in minimal.questions if q.show_if)
    cond = hidden.show_if[0]
    trigger = {cond.question: cond.any_of[0]}
    gallery = {**trigger, hidden.id: hidden.options[0].id}
    other = next(o.id for o in minimal.question(cond.question).options
                 if o.id not in cond.any_of)
    c = compare(minimal, {cond.question: other}, gallery)  # the visitor's answer hides it
    d = next(d for d in c.differences if d.question_id == hidden.id)
    assert d.visitor is None  # the visitor's answers never led to it
    assert answer_words(minimal, hidden.id, d.visitor) == minimal.labels.compare_not_asked
    assert answer_words(minimal, hidden.id, ()) == minimal.labels.not_sure


def test_differences_are_ordered_by_how_much_they_move(default_rubric):
    c = compare(default_rubric, answers_for(default_rubric, 0), answers_for(default_rubric, 2))
    magnitudes = [d.magnitude for d in c.differences]
    assert magnitudes == sorted(magnitudes, reverse=True) and c.differences
    both = [d for d in c.differences if d.visitor and d.gallery]
    assert len(c.same) + len(both) == c.asked


@given(st.integers(0, 5), st.integers(0, 5), st.data())
def test_comparison_is_symmetric_and_consistent(default_rubric, pick_a, pick_b, data):
    rubric = default_rubric
    a = answers_for(rubric, pick_a)
    b = answers_for(rubric, pick_b)
    drop = data.draw(st.sets(st.sampled_from([q.id for q in rubric.questions])))
    a = {k: v for k, v in a.items() if k not in drop}
    there, back = compare(rubric, a, b), compare(rubric, b, a)
    assert {d.question_id for d in there.differences} == {d.question_id for d in back.differences}
    assert all(there.gap[k] == pytest.approx(-back.gap[k]) for k in there.gap)
    assert there.overlap == back.overlap and there.same == back.same
    for d in there.differences:
        mirror = next(m for m in back.differences if m.question_id == d.question_id)
        assert (d.visitor, d.gallery) == (mirror.gallery, mirror.visitor)


# --- the words: a spectrum, not a verdict ------------------------------------------------------

VERDICTS = re.compile(r"\b(wrong|right answer|correct|incorrect|mistake|error|should have|"
                      r"better|worse|failed)\b", re.I)


def test_comparison_words_never_pass_a_verdict():
    for name, field in Labels.model_fields.items():
        if name.startswith("compare_"):
            text = field.default
            found = VERDICTS.findall(text.replace("Neither reading is the right one", ""))
            assert not found, (name, found)


def test_axis_sentences_name_the_direction_not_a_judgement(default_rubric):
    c = compare(default_rubric, answers_for(default_rubric, 0), answers_for(default_rubric, 3))
    sentences = axis_sentences(default_rubric, c)
    assert len(sentences) >= 2
    for axis, sentence in zip(default_rubric.axes, sentences, strict=False):
        assert axis.label in sentence
        if abs(c.gap[axis.id]) >= 0.1:
            pole = axis.high if c.gap[axis.id] > 0 else axis.low
            assert pole in sentence
    c = compare(default_rubric, {}, {})
    sentences = axis_sentences(default_rubric, c)
    assert sentences[-1] == default_rubric.labels.compare_overlap  # both boxes are wide open
    assert summary_sentence(c, default_rubric.labels) == default_rubric.labels.compare_all_same


def test_no_shared_answer_means_no_count(minimal):
    q = minimal.questions[0]
    c = compare(minimal, {}, {q.id: q.options[0].id})
    assert c.asked == 0 and [d.left_open for d in c.differences] == [True]
    assert summary_sentence(c, minimal.labels) == ""
