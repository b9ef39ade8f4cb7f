"""Sessions: the shared figure caches are keyed by what a placement depends on, injectively.

Figures are shared by every visitor (built once, drawn for all), so a cache key that two
different answer sets share draws one visitor another's point. The key is
`scoring.answer_key`: the shown questions with their chosen options. Two properties make it
right, over any answers at all (stale, tampered, duplicated, empty, of the wrong type):
- sound: the answers rebuilt from a key place the work exactly where the original answers do,
  so equal keys mean equal placements;
- injective: rebuilding and keying again gives the same key, so a key names one set of shown
  answers.
"""

from __future__ import annotations

import pytest
from conftest import FIXTURES, ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from collector_guide import NOT_SURE, assess
from collector_guide.assess.scoring import answer_key
from collector_guide.keep.urlstate import encode, encode_answers


def answers_of(rubric, key: tuple) -> dict[str, object]:
    """The canonical answers a key names."""
    out: dict[str, object] = {}
    for qid, picked in key:
        if picked is not None:
            q = rubric.question(qid)
            out[qid] = list(picked) if q.kind == "multiple" else picked[0]
    return out


def hostile_answers(rubric):
    ids = sorted({o.id for q in rubric.questions for o in q.options} | {NOT_SURE, "bogus"})
    value = st.sampled_from(ids) | st.lists(st.sampled_from(ids), max_size=5) | st.integers() \
        | st.none() | st.lists(st.lists(st.sampled_from(ids), max_size=2), max_size=2)
    return st.dictionaries(st.sampled_from([q.id for q in rubric.questions] + ["nope"]), value)


@pytest.mark.parametrize("which", ["minimal", "default_rubric"])
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_the_key_is_sound_and_injective(request, which, data):
    rubric = request.getfixturevalue(which)
    answers = data.draw(hostile_answers(rubric))
    key = answer_key(rubric, answers)
    hash(key)  # usable as a cache key
    canonical = answers_of(rubric, key)
    assert assess(rubric, canonical) == assess(rubric, answers)  # sound
    assert answer_key(rubric, canonical) == key  # injective


def test_answers_the_compact_form_confused_now_have_their_own_keys(minimal):
    # The URL form used to add the bits of a repeated option: two "collage"s read as "none".
    twice, other = {"methods": ["collage", "collage"]}, {"methods": ["none"]}
    assert assess(minimal, twice) != assess(minimal, other)
    assert answer_key(minimal, twice) != answer_key(minimal, other)
    assert encode_answers(minimal, twice) != encode_answers(minimal, other)
    assert encode_answers(minimal, twice) == encode_answers(minimal, {"methods": ["collage"]})
    # and what means the same shares a key: order, repeats, an empty choice and no answer
    assert answer_key(minimal, {"methods": ["paint", "collage"]}) == answer_key(
        minimal, {"methods": ["collage", "paint", "paint"]})
    assert answer_key(minimal, {"methods": []}) == answer_key(minimal, {})


def test_an_edited_rubric_never_reuses_old_figures(minimal):
    from collector_guide.ui.common import rubric_key

    data = minimal.model_dump(by_alias=True)  # the same file, edited and read again
    for q in data["questions"]:
        q["weight"] += 1
    heavier = type(minimal).model_validate(data)
    assert (heavier.id, heavier.version) == (minimal.id, minimal.version)
    assert rubric_key(heavier) != rubric_key(minimal)


@pytest.mark.timeout(120)
def test_one_visitor_is_never_drawn_anothers_point(minimal, monkeypatch, tmp_path):
    """Two sessions whose answers the old key confused: each map shows its own point."""
    import json

    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("COLLECTOR_GUIDE_RUBRICS", str(FIXTURES / "good"))
    monkeypatch.setenv("COLLECTOR_GUIDE_SAMPLES", str(tmp_path))
    from collector_guide.ui.state import result_step

    result = result_step(minimal)

    def point(answers):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        for k, v in encode(minimal, result, {}, {}, []).items():
            at.query_params[k] = v
        at = at.run()
        at.session_state["cg_answers"] = answers  # as a work file or widget could leave them
        at = at.run()
        assert not at.exception
        spec = json.loads(at.get("plotly_chart")[0].proto.spec)
        this = next(t for t in spec["data"] if t.get("name") == "this work")
        return this["x"][0], this["y"][0]

    first, second = {"methods": ["none"]}, {"methods": ["collage", "collage"]}
    for answers in (first, second):
        p = assess(minimal, answers)
        assert point(answers) == pytest.approx((p.axes["agency"].value,
                                                p.axes["durability"].value))


def test_the_walk_through_cache_never_confuses_rubrics_or_chokes_on_answers(minimal):
    from collector_guide.ui import screens

    def uncached(r, answers):
        shown = screens.shown_questions(r, answers)
        return [1] + [screens.FIRST + i for i, s in enumerate(screens.screens(r))
                      if any(q in shown for q in s.questions)] + [screens.result_step(r)]

    odd = {"source": "model", "methods": [["paint"], {"x": 1}]}  # unhashable: not cached
    assert screens.visible_steps(minimal, odd) == uncached(minimal, odd)
    data = minimal.model_dump(by_alias=True)  # the same id and version, other questions
    data["questions"][1]["show_if"] = None
    edited = type(minimal).model_validate(data)
    for r in (minimal, edited, minimal):
        for answers in ({}, {"source": "photo"}, {"source": "model"}):
            assert screens.visible_steps(r, answers) == uncached(r, answers)
