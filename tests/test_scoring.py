"""Scoring: worked examples on the minimal rubric, and invariants over generated rubrics."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from collector_guide import NOT_SURE, Rubric, assess
from collector_guide.rubric import ReadingText

# --- worked examples ---------------------------------------------------------------------------


def test_all_unsure_is_the_neutral_centre_with_the_widest_box(minimal):
    p = assess(minimal, {})
    assert p.point == (0.0, 0.0)
    # agency: source (w2, −1..1), model_kind (w1, 0..1), methods (w1, −1..0);
    # durability: model_kind (−0.5..0.5), methods (0..1), series (w1.5, −1..1)
    assert (p.axes["agency"].low, p.axes["agency"].high) == (pytest.approx(-0.75),
                                                              pytest.approx(0.75))
    assert (p.axes["durability"].low, p.axes["durability"].high) == (pytest.approx(-2 / 3.5),
                                                                      pytest.approx(3 / 3.5))
    # model_kind is asked when source is "model" or not known yet: never hidden by "Not sure"
    assert p.shown == ("source", "model_kind", "methods", "series")
    assert p.contributions == ()
    assert assess(minimal, {"source": "photo"}).shown == ("source", "methods", "series")


def test_a_full_answer_has_no_box_and_cites_its_answers(minimal):
    p = assess(minimal, {"source": "photo", "methods": ["paint"], "series": "named"})
    agency, durability = p.axes["agency"], p.axes["durability"]
    assert agency.value == pytest.approx((2 * -1.0 + 1 * -0.5) / 3)
    assert durability.value == pytest.approx((1 * 0.5 + 1.5 * 1.0) / 2.5)
    assert agency.low == agency.value == agency.high
    assert durability.low == durability.value == durability.high
    assert p.nearest_archetype == "authored"
    assert [c.question_id for c in p.contributions] == ["source", "series", "methods"]
    assert p.contributions[0].evidence == ("the image began as the artist's own photograph",)


def test_show_if_reveals_a_question_and_its_weight(minimal):
    p = assess(minimal, {"source": "model"})
    assert "model_kind" in p.shown and "model_kind" in p.unsure
    q = assess(minimal, {"source": "model", "model_kind": "public"})
    assert q.axes["agency"].value > p.axes["agency"].value


def test_multiple_choice_effects_add_and_are_capped(minimal):
    both = assess(minimal, {"methods": ["paint", "collage"]})
    # −0.5 + −0.5 = −1 (at the cap), with a share of 1/4 of the agency axis (weights 2 + 1 + 1)
    assert both.axes["agency"].value == pytest.approx(-1 / 4)
    nothing = assess(minimal, {"methods": ["none"]})
    assert nothing.axes["agency"].value == 0.0
    assert "methods" not in nothing.unsure  # "none of these" is a real answer
    # ... that excludes the others: given with them, the specific answers count
    assert assess(minimal, {"methods": ["none", "paint"]}).answers["methods"] == ("paint",)


def test_stale_or_tampered_answers_are_ignored_not_fatal(minimal):
    p = assess(minimal, {"source": "banana", "nope": "x", "methods": ["paint", 7, "zzz"],
                         "series": ["named"]})
    assert "source" in p.unsure
    assert p.answers["methods"] == ("paint",)
    assert p.answers["series"] == ("named",)


def test_cautions_fire_on_their_conditions_only(minimal):
    assert assess(minimal, {"source": "model", "series": "alone"}).cautions == ("unsituated",)
    assert assess(minimal, {"source": "photo", "series": "alone"}).cautions == ()


def test_unsure_questions_are_ordered_by_how_far_they_could_move_it(minimal):
    assert assess(minimal, {}).unsure == ("source", "series", "model_kind", "methods")


def test_bands(minimal):
    assert assess(minimal, {"source": "photo"}).axes["agency"].band == "toward AI-assisted"
    assert assess(minimal, {}).axes["agency"].band == "between the two"


# --- generated rubrics -------------------------------------------------------------------------

AXES = ("agency", "durability")
effect_values = st.sampled_from([-1.0, -0.7, -0.5, -0.25, 0.0, 0.0, 0.3, 0.5, 0.8, 1.0])


@st.composite
def rubrics(draw, with_show_if: bool = True, contested: bool = True) -> Rubric:
    n = draw(st.integers(1, 6))
    questions = []
    for i in range(n):
        n_options = draw(st.integers(2, 4))
        options = [
            {
                "id": f"o{j}",
                "label": f"option {j}",
                "evidence": f"evidence {i}.{j}",
                "effects": {a: draw(effect_values) for a in AXES if draw(st.booleans())},
            }
            for j in range(n_options)
        ]
        moved = sorted({a for o in options for a, v in o["effects"].items() if v})
        if contested and moved and draw(st.booleans()):
            # "contested / can't tell yet": an answer, but open on some axes it could move
            options.append({"id": "open", "label": "contested", "evidence": f"open {i}",
                            "leaves_open": draw(st.lists(st.sampled_from(moved), min_size=1,
                                                         unique=True))})
        question = {
            "id": f"q{i}",
            "section": "s",
            "kind": draw(st.sampled_from(["single", "multiple", "scale"])),
            "prompt": "p",
            "help": "h",
            "ask_gallery": "a",
            "weight": draw(st.sampled_from([0.5, 1.0, 1.5, 2.0, 5.0])),
            "options": options,
        }
        if with_show_if and i and draw(st.integers(0, 3)) == 0:
            parent = questions[draw(st.integers(0, i - 1))]
            picks = draw(st.lists(st.sampled_from([o["id"] for o in parent["options"]]
                                                  + [NOT_SURE]), min_size=1, max_size=2))
            question["show_if"] = {"question": parent["id"], "any_of": picks}
        questions.append(question)
    bands = [
        {"axis": a, "from": f, "to": t, "label": f"{a} {f}"}
        for a in AXES
        for f, t in ((-1.0, 0.0), (0.0, 1.0))
    ]
    archetypes = [
        {"id": f"a{k}", "name": f"A{k}", "description": "d",
         "at": {a: draw(st.sampled_from([-0.6, 0.0, 0.6])) for a in AXES}}
        for k in range(draw(st.integers(1, 4)))
    ]
    data = {
        "rubric": {"id": "gen", "title": "t", "version": "1", "language": "en", "summary": "s"},
        "axes": [{"id": a, "label": a, "explanation": "e", "low": "l", "high": "h"} for a in AXES],
        "sections": [{"id": "s", "title": "S"}],
        "questions": questions,
        "bands": bands,
        "archetypes": archetypes,
        "cautions": [{"id": "c", "when": {"question": "q0", "any_of": ["o0"]}, "title": "t",
                      "text": "t"}],
        "reading": {(f.alias or k): "x" for k, f in ReadingText.model_fields.items()
                    if f.is_required()},
    }
    return Rubric.model_validate(data)


@st.composite
def rubric_and_answers(draw, with_show_if: bool = True, unsure: bool = True):
    rubric = draw(rubrics(with_show_if, contested=unsure))
    answers: dict[str, object] = {}
    for q in rubric.questions:
        ids = [o.id for o in q.options]
        choice = draw(st.integers(0, 9)) if unsure else 9
        if choice == 0:
            continue  # unanswered
        if choice == 1:
            answers[q.id] = NOT_SURE
        elif q.kind == "multiple":
            answers[q.id] = draw(st.lists(st.sampled_from(ids), min_size=1, unique=True))
        else:
            answers[q.id] = draw(st.sampled_from(ids))
    return rubric, answers


SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(rubric_and_answers())
def test_everything_is_within_the_unit_square_and_the_point_inside_its_box(case):
    rubric, answers = case
    for p in assess(rubric, answers).axes.values():
        assert -1.0 <= p.low <= p.value <= p.high <= 1.0


@SETTINGS
@given(rubric_and_answers(unsure=False))
def test_all_answered_means_a_zero_width_box(case):
    rubric, answers = case
    for p in assess(rubric, answers).axes.values():
        assert p.low == p.value == p.high


@SETTINGS
@given(rubrics(), st.booleans())
def test_all_not_sure_is_the_neutral_centre(rubric, explicit):
    answers = {q.id: NOT_SURE for q in rubric.questions} if explicit else {}
    placement = assess(rubric, answers)
    assert placement.point == (0.0, 0.0)
    assert placement.contributions == ()
    assert set(placement.unsure) == set(placement.shown)


@SETTINGS
@given(rubric_and_answers(with_show_if=False))
def test_all_not_sure_gives_the_widest_box(case):
    # Without show_if every question is always shown, so "widest" is well defined: no answer
    # can open a box wider than knowing nothing at all.
    rubric, answers = case
    widest = assess(rubric, {}).axes
    for axis, p in assess(rubric, answers).axes.items():
        assert widest[axis].low <= p.low + 1e-6 and p.high <= widest[axis].high + 1e-6


@SETTINGS
@given(rubric_and_answers(with_show_if=False), st.data())
def test_answering_an_open_question_lands_inside_the_box(case, data):
    # The box is a promise: wherever an open question is answered, the point stays inside.
    rubric, answers = case
    before = assess(rubric, answers)
    if not before.unsure:
        return
    q = rubric.question(data.draw(st.sampled_from(before.unsure)))
    ids = [o.id for o in q.options]
    answer = data.draw(st.lists(st.sampled_from(ids), unique=True) if q.kind == "multiple"
                       else st.sampled_from(ids))
    after = assess(rubric, {**answers, q.id: answer})
    for axis, p in after.axes.items():
        assert before.axes[axis].low - 1e-6 <= p.value <= before.axes[axis].high + 1e-6


@SETTINGS
@given(rubric_and_answers(), st.data())
def test_an_answer_that_leaves_an_axis_open_counts_there_as_not_sure(case, data):
    rubric, answers = case
    gates = {c.question for q in rubric.questions for c in q.conditions}  # they move others
    open_answers = [(q, o) for q in rubric.questions for o in q.options
                    if o.leaves_open and q.id not in gates]
    if not open_answers:
        return
    q, option = data.draw(st.sampled_from(open_answers))
    contested = assess(rubric, {**answers, q.id: [option.id] if q.kind == "multiple"
                                else option.id})
    unsure = assess(rubric, {**answers, q.id: NOT_SURE})
    for axis in option.leaves_open:
        assert contested.axes[axis] == unsure.axes[axis]
    if q.id in contested.shown:
        assert q.id in contested.contested and q.id not in contested.unsure
        assert all(q.id in contested.open_on[a] for a in option.leaves_open)


@SETTINGS
@given(rubric_and_answers(), st.randoms())
def test_the_order_of_answers_is_irrelevant(case, rnd):
    rubric, answers = case
    items = list(answers.items())
    rnd.shuffle(items)
    assert assess(rubric, dict(items)) == assess(rubric, answers)


@SETTINGS
@given(rubric_and_answers(), st.data())
def test_hidden_questions_count_for_nothing(case, data):
    rubric, answers = case
    placement = assess(rubric, answers)
    hidden = [q for q in rubric.questions if q.id not in placement.shown]
    if not hidden:
        return
    q = data.draw(st.sampled_from(hidden))
    changed = dict(answers)
    changed[q.id] = data.draw(st.sampled_from([o.id for o in q.options] + [NOT_SURE]))
    without = {k: v for k, v in answers.items() if k != q.id}
    assert assess(rubric, changed).axes == placement.axes == assess(rubric, without).axes
    assert q.id not in placement.unsure
    assert all(c.question_id != q.id for c in placement.contributions)


@SETTINGS
@given(rubric_and_answers())
def test_archetypes_are_ranked_nearest_first(case):
    rubric, answers = case
    distances = [d for _, d in assess(rubric, answers).archetypes]
    assert distances == sorted(distances) and len(distances) == len(rubric.archetypes)


def test_scoring_is_deterministic_across_runs(default_rubric):
    rnd = random.Random(7)
    for _ in range(50):
        answers = {q.id: rnd.choice([o.id for o in q.options] + [NOT_SURE])
                   for q in default_rubric.questions if q.kind != "multiple"}
        assert assess(default_rubric, answers) == assess(default_rubric, dict(answers))
