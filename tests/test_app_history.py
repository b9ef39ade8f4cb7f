"""Back and Forward through AppTest: a history navigation goes to its entry's screen and keeps
every answer; another reading's entry brings that reading back. (AppTest cannot press the
browser's Back button, so the test says when a run is a history navigation; test_browser.py
presses the real one.)"""

from __future__ import annotations

import pytest
from conftest import SAMPLES
from streamlit.testing.v1 import AppTest
from test_app import ROOT, ok

from collector_guide import load_work
from collector_guide.keep.urlstate import encode
from collector_guide.ui import history
from collector_guide.ui.screens import result_step

pytestmark = pytest.mark.timeout(120)


@pytest.fixture
def navigating(monkeypatch):
    """Make every run count as Back/Forward; only a changed address then moves the screen."""
    monkeypatch.setattr(history, "_history_navigation", lambda: True)


def app_from(params: dict[str, str]) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    return ok(at.run())


def press_back_to(at: AppTest, params: dict[str, str]) -> AppTest:
    """What the browser does on Back: rerun with the older entry's address."""
    at.query_params.clear()
    for k, v in params.items():
        at.query_params[k] = v
    return ok(at.run())


def first_answers(rubric, section_index: int) -> dict:
    sec = rubric.sections[section_index]
    return {q.id: q.options[0].id for q in rubric.questions_in(sec.id)
            if q.kind != "multiple" and not q.show_if}


def test_back_goes_to_the_previous_screen_and_keeps_newer_answers(default_rubric, navigating):
    r = default_rubric
    earlier = first_answers(r, 0)
    later = earlier | first_answers(r, 1)
    at = app_from(encode(r, 3, later, {"title": "Harbour"}, [], reading="abcdef"))
    assert at.session_state["cg_step"] == 3
    # The entry of step 2 was left before the second section was answered.
    at = press_back_to(at, encode(r, 2, earlier, {"title": "Harbour"}, [], reading="abcdef"))
    assert at.session_state["cg_step"] == 2
    assert at.header[0].value == r.sections[0].title
    assert at.session_state["cg_answers"] == later  # nothing lost
    assert at.session_state["cg_written"]["a"] == encode(r, 2, later, {}, [])["a"]
    # Forward: the entry of step 3.
    at = press_back_to(at, encode(r, 3, later, {"title": "Harbour"}, [], reading="abcdef"))
    assert at.session_state["cg_step"] == 3
    assert at.session_state["cg_answers"] == later


def test_a_changed_address_outside_history_navigation_moves_nothing(default_rubric):
    r = default_rubric
    answers = first_answers(r, 0)
    at = app_from(encode(r, 3, answers, {}, [], reading="abcdef"))
    at = press_back_to(at, encode(r, 2, {}, {}, [], reading="abcdef"))
    assert at.session_state["cg_step"] == 3
    assert at.session_state["cg_answers"] == answers


def test_back_to_another_reading_brings_it_back(default_rubric, navigating):
    r = default_rubric
    sample = load_work(SAMPLES / "tidewater-ledger-7.toml", r)
    result = result_step(r)
    first = encode(r, result, sample.answers, {"title": sample.work.title}, [], reading="first1")
    at = app_from(first)
    at = ok(at.button(key="start_over").click().run())
    at = ok(at.button(key="start_new").click().run())
    new_reading = at.session_state["cg_reading"]
    assert new_reading not in (None, "first1")
    at.text_input(key="work:title").input("A new one").run()
    written = dict(at.session_state["cg_written"])
    # Back, twice: the start screen, then the first reading's result.
    at = press_back_to(at, {**first, "s": "0"})
    assert at.session_state["cg_step"] == 0
    at = press_back_to(at, first)
    assert at.session_state["cg_step"] == result
    assert at.session_state["cg_work"]["title"] == sample.work.title
    assert at.session_state["cg_answers"] == sample.answers
    # Forward, twice: the new reading comes back from this session's shelf, as it was left.
    at = press_back_to(at, {**first, "s": "0"})
    at = press_back_to(at, written)
    assert at.session_state["cg_reading"] == new_reading
    assert at.session_state["cg_step"] == 1
    assert at.session_state["cg_work"] == {"title": "A new one"}
    assert at.text_input(key="work:title").value == "A new one"


def test_a_pristine_start_keeps_a_bare_address(default_rubric):
    at = ok(AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run())
    assert dict(at.query_params) == {}  # Back from the first screen leaves the app at once
    at = ok(at.button(key="start_new").click().run())
    assert at.query_params["s"] in ("1", ["1"])
    assert at.query_params["k"]
