"""The app through Streamlit's AppTest: every step, a full walk-through, state that survives,
tampered links, work-file uploads and downloads. No browser needed."""

from __future__ import annotations

import json
import re
import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10
    import tomli as tomllib

import pytest
from conftest import DEFAULT_RUBRIC, ROOT, SAMPLES
from streamlit.testing.v1 import AppTest

from collector_guide import NOT_SURE, assess, load_rubric, load_work
from collector_guide.keep.urlstate import encode
from collector_guide.ui import screens

STEPS = screens.steps(load_rubric(ROOT / "rubrics" / "assisted-vs-generated.toml"))
RESULT = STEPS - 1  # the question screens depend only on the rubric (see ui/screens.py)

RID = "assisted-vs-generated"
VERSION = tomllib.loads(DEFAULT_RUBRIC.read_text())["rubric"]["version"]
pytestmark = pytest.mark.timeout(120)


def new_app(**params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [t.value for t in at.title]
    parts += [h.value for h in at.header] + [c.value for c in at.caption]
    parts += [i.value for i in at.info] + [e.value for e in at.error]
    # Text that may quote what a visitor typed is escaped for Markdown; read it as shown.
    return re.sub(r"\\(.)", r"\1", "\n".join(str(p) for p in parts))


def key(question_id: str) -> str:
    return f"q:{RID}:{question_id}"


def at_step(default_rubric, step: int, answers=None, work=None, visit=None) -> AppTest:
    return new_app(**encode(default_rubric, step, answers or {}, work or {}, visit or []))


def shown_ids(at: AppTest) -> list[str]:
    ids = [r.key for r in at.radio] + [b.key for b in at.button_group]
    return [k.split(":", 2)[2] for k in ids if k and k.startswith("q:")]


# --- every step draws ------------------------------------------------------------------------


def test_start_screen(default_rubric):
    at = ok(new_app())
    assert at.title[0].value == default_rubric.labels.start_heading
    assert default_rubric.rubric.summary.split(".")[0] in texts(at)
    assert len(at.get("plotly_chart")) == 1  # loads plotly's front end early
    assert at.button(key="start_new").label == default_rubric.labels.start_new


@pytest.mark.parametrize("step", range(1, STEPS))
def test_every_step_draws_without_error(default_rubric, step):
    # Open every show_if: each question's options all chosen or its last one.
    everything = {q.id: [o.id for o in q.options] if q.kind == "multiple" else q.options[-1].id
                  for q in default_rubric.questions}
    at = ok(at_step(default_rubric, step, answers=everything))
    walk = screens.visible_steps(default_rubric, everything)
    # a screen whose questions do not apply goes on to the next one
    expected = step if step in walk else screens.next_step(default_rubric, everything, step)
    assert at.session_state["cg_step"] == expected
    screen = screens.screen_at(default_rubric, expected)
    if screen is not None:
        assert at.header[0].value == screen.section.title
        assert at.radio or at.button_group


# --- a full walk-through ---------------------------------------------------------------------


def answer_section(at: AppTest, rubric, choose) -> AppTest:
    """Answer every question shown on the current section, re-reading after each (show_if)."""
    done: set[str] = set()
    while True:
        pending = [q for q in shown_ids(at) if q not in done]
        if not pending:
            return at
        qid = pending[0]
        q = rubric.question(qid)
        value = choose(q)
        if q.kind == "multiple":
            at.button_group(key=key(qid)).set_value(value if isinstance(value, list) else [value])
        else:
            at.radio(key=key(qid)).set_value(value)
        at = ok(at.run())
        done.add(qid)


def test_full_walk_through_by_tapping(default_rubric):
    at = ok(new_app())
    at = ok(at.button(key="start_new").click().run())
    at.text_input(key="work:title").input("Harbour Study").run()
    at.text_input(key="work:artist").input("A. Visitor").run()
    at = ok(at.button(key="next_1").click().run())
    while (step := at.session_state["cg_step"]) < RESULT:
        at = answer_section(at, default_rubric, lambda q: q.options[0].id)
        at = ok(at.button(key=f"next_{step}").click().run())
        assert at.session_state["cg_step"] > step
    assert at.session_state["cg_step"] == RESULT
    answers = at.session_state["cg_answers"]
    placement = assess(default_rubric, answers)
    assert not placement.unsure  # every shown question answered
    page = texts(at)
    assert at.title[0].value == "Harbour Study"
    archetype = {a.id: a.name for a in default_rubric.archetypes}[placement.nearest_archetype]
    assert archetype in page
    assert default_rubric.reading.provisional_none in page
    # the reading names the work in its body and reasons on each axis, in the rubric's words
    assert default_rubric.reading.work_title.format(title="Harbour Study") in page
    for axis in default_rubric.axes:
        assert f"**{axis.label}** · " in page
    assert default_rubric.reading.ask_heading in page
    assert len(at.get("plotly_chart")) == 2  # the map and what moved it
    # the URL now holds the whole state
    assert at.query_params["s"] in ([str(RESULT)], str(RESULT))


def test_back_and_next_keep_every_answer(default_rubric):
    at = ok(at_step(default_rubric, 2))
    at = answer_section(at, default_rubric, lambda q: q.options[-1].id)
    first = dict(at.session_state["cg_answers"])
    at = ok(at.button(key="next_2").click().run())
    at = answer_section(at, default_rubric, lambda q: q.options[0].id)
    at = ok(at.button(key="back_3").click().run())
    at = ok(at.button(key="back_2").click().run())  # to the work step: sections not drawn
    at = ok(at.button(key="next_1").click().run())
    for qid, value in first.items():
        q = default_rubric.question(qid)
        widget = at.button_group(key=key(qid)) if q.kind == "multiple" else at.radio(key=key(qid))
        assert widget.value == (value if q.kind != "multiple" else list(value))
    at = ok(at.button(key="next_2").click().run())
    assert all(at.session_state["cg_answers"].get(q) for q in shown_ids(at))


def test_not_sure_widens_the_box(default_rubric):
    sure = {q.id: q.options[0].id for q in default_rubric.questions if q.kind != "multiple"}
    at = ok(at_step(default_rubric, 2, answers=sure))
    before = assess(default_rubric, at.session_state["cg_answers"]).axes
    at.radio(key=key("primary_source")).set_value(NOT_SURE)
    at = ok(at.run())
    after = assess(default_rubric, at.session_state["cg_answers"]).axes
    assert after["agency"].width > before["agency"].width
    # the hint tells the collector what to ask instead
    assert default_rubric.question("primary_source").ask_gallery in texts(at)


def test_show_if_question_appears_as_soon_as_it_applies(default_rubric):
    child = next(q for q in default_rubric.questions if q.show_if)
    condition = child.show_if[0]
    step = screens.step_of_question(default_rubric, child.id)
    parent = default_rubric.question(condition.question)
    parent_step = screens.step_of_question(default_rubric, parent.id)
    other = next(o.id for o in parent.options if o.id not in condition.any_of)
    at = ok(at_step(default_rubric, parent_step, answers={parent.id: other}))
    if parent_step == step:
        assert child.id not in shown_ids(at)
    if parent.kind == "multiple":
        at.button_group(key=key(parent.id)).set_value([condition.any_of[0]])
    else:
        at.radio(key=key(parent.id)).set_value(condition.any_of[0])
    at = ok(at.run())
    if parent_step != step:
        at = ok(at_step(default_rubric, step, answers=at.session_state["cg_answers"]))
    assert child.id in shown_ids(at)


def test_multiple_choice_not_sure_excludes_the_rest(default_rubric):
    q = next(q for q in default_rubric.questions if q.kind == "multiple" and not q.show_if)
    step = screens.step_of_question(default_rubric, q.id)
    at = ok(at_step(default_rubric, step))
    at.button_group(key=key(q.id)).set_value([q.options[0].id]).run()
    at.button_group(key=key(q.id)).set_value([q.options[0].id, NOT_SURE]).run()
    assert at.session_state["cg_answers"][q.id] == NOT_SURE
    assert at.button_group(key=key(q.id)).value == [NOT_SURE]
    at.button_group(key=key(q.id)).set_value([NOT_SURE, q.options[1].id]).run()
    assert at.session_state["cg_answers"][q.id] == [q.options[1].id]


def test_none_of_these_excludes_the_other_answers(default_rubric):
    q = next(q for q in default_rubric.questions
             if q.kind == "multiple" and not q.show_if and any(o.exclusive for o in q.options))
    none = next(o.id for o in q.options if o.exclusive)
    other = next(o.id for o in q.options if not o.exclusive)
    at = ok(at_step(default_rubric, screens.step_of_question(default_rubric, q.id)))
    at.button_group(key=key(q.id)).set_value([other]).run()
    at.button_group(key=key(q.id)).set_value([other, none]).run()
    assert at.session_state["cg_answers"][q.id] == [none]
    at.button_group(key=key(q.id)).set_value([none, other]).run()
    assert at.session_state["cg_answers"][q.id] == [other]


# --- state in the URL: restore and tampering ----------------------------------------------------


def test_url_restores_step_answers_and_work(default_rubric):
    sample = load_work(SAMPLES / "tidewater-ledger-7.toml", default_rubric)
    at = ok(at_step(default_rubric, 3, answers=sample.answers,
                    work={"title": sample.work.title, "notes": "look at the edges"}))
    assert at.session_state["cg_step"] == 3
    assert at.session_state["cg_answers"] == sample.answers
    assert at.session_state["cg_work"]["notes"] == "look at the edges"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"r": "no-such-rubric", "s": "3", "a": "0.1"}, "does not have"),
        ({"r": RID, "v": "0.1", "s": "2", "a": "0.1"}, "version 0.1"),
        ({"r": RID, "v": VERSION, "s": "2", "a": "zz.!!.0.q"}, "could not be read"),
        ({"r": RID, "v": VERSION, "s": "banana"}, "step could not be read"),
        ({"r": RID, "v": VERSION, "s": "2", "w": "not-base64-%%%"}, "details in the link"),
        ({"r": RID, "v": VERSION, "s": "2", "a": "0" * 10_000}, "too long"),
        ({"r": RID, "v": VERSION, "s": "1", "x": "garbage"}, "visit in the link"),
    ],
    ids=["unknown-rubric", "old-version", "garbage-answers", "bad-step", "bad-work",
         "10kb-value", "bad-visit"],
)
def test_tampered_links_get_a_message_and_keep_what_fits(params, message):
    at = ok(new_app(**params))
    assert message in texts(at)
    assert 0 <= at.session_state["cg_step"] <= RESULT


def test_answers_from_another_version_are_not_remapped(default_rubric):
    # Answers are positional: onto other questions they would silently mean something else.
    at = ok(new_app(r=RID, v="0.9", s="2", a="0.1"))
    assert at.session_state["cg_answers"] == {}
    assert "could not be carried over" in texts(at)


def test_step_beyond_the_end_is_clamped():
    at = ok(new_app(r=RID, v=VERSION, s="99"))
    assert at.session_state["cg_step"] == RESULT


def test_typed_markup_is_never_rendered(default_rubric):
    evil = "<script>alert(1)</script> **bold** [link](http://example.com) ![x](http://x/y.png)"
    at = ok(at_step(default_rubric, RESULT,
                    work={"title": evil, "artist": "<img src=x onerror=1>"}))
    title = at.title[0].value
    assert "<script>" not in title and "&lt;script&gt;" in title
    assert "\\*\\*bold\\*\\*" in title and "\\[link\\]\\(http" in title
    assert all("<img" not in m.value for m in at.markdown)


# --- work files: open, upload, download ---------------------------------------------------------


def test_open_a_sample_work(default_rubric):
    at = ok(new_app())
    at.selectbox(key="sample_pick").set_value("quiet-girl-rain-window-0412")
    at = ok(at.button(key="open_sample").click().run())
    assert at.session_state["cg_step"] == RESULT
    assert at.title[0].value.startswith("Quiet Girl")
    assert "The trending surface" in texts(at)


def test_upload_a_good_work_file(default_rubric):
    at = ok(new_app())
    raw = (SAMPLES / "weather-for-no-one.toml").read_bytes()
    at.file_uploader(key="work_upload").upload("weather.toml", raw, "application/toml")
    at = ok(at.run())
    assert at.session_state["cg_step"] == RESULT
    placement = assess(default_rubric, load_work(SAMPLES / "weather-for-no-one.toml",
                                                 default_rubric).answers)
    name = next(a.name for a in default_rubric.archetypes if a.id == placement.nearest_archetype)
    assert name in texts(at) and "“Weather for No One”" in texts(at)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not UTF-8"),
        (b"title = 'unclosed", "TOML syntax"),
        (b'[assessment]\nrubric = "assisted-vs-generated"\nrubric_version = "'
         + VERSION.encode() + b'"\n[answers]\nprimary_source = "nonsense"\n',
         "is not an answer to 'primary_source'"),
        (b'[rubric]\nid = "x"\n', "is a rubric, not a saved reading"),
    ],
    ids=["binary", "syntax", "bad-answer", "a-rubric"],
)
def test_upload_a_bad_work_file(raw, message):
    at = ok(new_app())
    at.file_uploader(key="work_upload").upload("mine.toml", raw, "application/toml")
    at = ok(at.run())
    assert at.session_state["cg_step"] == 0  # nothing changed, nothing lost
    # In the visitor's words, in place; the located detail one tap away.
    assert len(at.error) == 1 and "mine.toml" in at.error[0].value.replace("\\", "")
    assert message in texts(at) + "\n".join(c.value for c in at.code)


def test_a_refused_file_says_why_every_time(default_rubric):
    """After a work was opened and the visitor started over, a wrong file still says why."""
    at = ok(new_app())
    good = (SAMPLES / "weather-for-no-one.toml").read_bytes()
    at.file_uploader(key="work_upload").upload("weather.toml", good, "application/toml")
    at = ok(at.run())
    at = ok(at.button(key="start_over").click().run())
    for attempt in ("first.toml", "second.toml"):
        at.file_uploader(key="work_upload").upload(attempt, b"title = 'x", "application/toml")
        at = ok(at.run())
        assert at.session_state["cg_step"] == 0
        assert [e.value for e in at.error] and attempt in at.error[0].value.replace("\\", "")
        expander = next(e for e in at.expander if e.label == default_rubric.labels.open_file)
        assert expander.proto.expanded


@pytest.fixture
def downloads(monkeypatch):
    """What each download button would hand the visitor, by key (AppTest keeps no files)."""
    import streamlit

    captured: dict[str, str] = {}
    original = streamlit.download_button

    def capture(label, data, *args, **kwargs):
        made = data() if callable(data) else data  # files are made when tapped
        captured[kwargs.get("key")] = made if isinstance(made, str) else made
        return original(label, data, *args, **kwargs)

    monkeypatch.setattr(streamlit, "download_button", capture)
    return captured


def test_downloads_round_trip(default_rubric, tmp_path, downloads):
    sample = load_work(SAMPLES / "forty-ways-17.toml", default_rubric)
    ok(at_step(default_rubric, RESULT, answers=sample.answers,
               work={"title": sample.work.title, "artist": sample.work.artist}))
    assert set(downloads) >= {"dl_md", "dl_toml", "dl_json"}
    saved = tmp_path / "saved.toml"
    saved.write_text(downloads["dl_toml"])
    again = load_work(saved, default_rubric)
    assert again.answers == sample.answers
    assert tomllib.loads(downloads["dl_toml"])["work"]["title"] == sample.work.title
    data = json.loads(downloads["dl_json"])
    assert data["archetypes"][0]["id"] == assess(default_rubric, sample.answers).nearest_archetype
    assert data["reading"]["main"].startswith("“Forty Ways")
    assert downloads["dl_md"].startswith("# Forty Ways")


def test_visit_collects_works_and_downloads_csv(default_rubric, downloads):
    at = ok(at_step(default_rubric, RESULT, answers={"primary_source": default_rubric.questions[0]
                                                .options[0].id}, work={"title": "First"}))
    at = ok(at.button(key="add_to_visit").click().run())
    assert len(at.session_state["cg_visit"]) == 1
    at.session_state["cg_work"] = {"title": "=Second"}
    at = ok(at.button(key="add_to_visit").click().run())
    assert len(at.session_state["cg_visit"]) == 2
    csv = downloads["dl_visit"]
    assert csv.splitlines()[0].startswith("title,artist,year,rubric")
    assert "'=Second" in csv  # a typed formula is defused for spreadsheets
    assert "x" in at.query_params  # the visit survives a reload too


@pytest.mark.parametrize("text", ["http://evil.example/x", "www.evil.example", "me@evil.example"])
def test_typed_addresses_never_become_links(text):
    from collector_guide.ui.common import literal

    shown = literal(text)
    assert "\u2060" in shown
    assert re.sub(r"[\\\u2060]", "", shown) == text  # it still reads exactly as typed
