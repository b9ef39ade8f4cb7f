"""A work of the visit, opened again, is the work as it was kept: its details, its answers, the
visitor's notes, the photo and the gallery's catalogue work. Every way back is walked with
AppTest: tapping its letter, after a reload or a restart (the visit's link and the draft
store's token), the side-by-side comparison, and the work file saved from a reopened work.
"""

from __future__ import annotations

import json

import pytest
from conftest import ROOT
from provenance_fixtures import png_bytes
from streamlit.testing.v1 import AppTest
from test_app_drafts import long_text, notices, ok, open_at, reload, url

from collector_guide.gallery.setup import load_site
from collector_guide.keep import urlstate
from collector_guide.keep.drafts import new_token
from collector_guide.keep.workfile import dump_work
from collector_guide.rubric import WorkInfo
from collector_guide.ui import drafts
from collector_guide.ui.screens import result_step

pytestmark = pytest.mark.timeout(240)
EXAMPLE = ROOT / "docs" / "example-gallery" / "gallery.toml"

FIRST = {"title": "Harbour at Dusk", "artist": "Ines Okafor", "year": "2025",
         "medium": "Pigment print", "series": "Harbours", "edition": "2 of 5",
         "wall_label": "Trained on her own archive of harbour photographs.",
         "notes": "Ask whether the archive is shown anywhere."}
SECOND = {"title": "Second Nature", "artist": "R. Vale", "notes": "Brighter than online."}


@pytest.fixture(params=["memory", "sqlite"])
def store(request, monkeypatch, tmp_path):
    spec = "memory" if request.param == "memory" else f"sqlite:///{tmp_path}/drafts.db"
    monkeypatch.setenv("COLLECTOR_GUIDE_DRAFTS", spec)
    drafts.store.clear()
    yield request.param
    drafts.store.clear()


def answers_of(r, pick: int) -> dict:
    """Answers from the rubric's own questions (never today's ids): option `pick` of each."""
    out: dict = {}
    for q in r.questions:
        if not q.show_if:
            option = q.options[pick % len(q.options)].id
            out[q.id] = [option] if q.kind == "multiple" else option
    return out


def reading_of(r, work: dict, answers: dict) -> AppTest:
    """The reading screen of a work whose details the visitor typed (the long ones too)."""
    at = open_at(urlstate.encode(r, result_step(r), answers, {"title": work["title"]}, []))
    at.session_state["cg_work"] = dict(work)
    return ok(at.run())


def add_then_next(r, at: AppTest, work: dict, answers: dict) -> AppTest:
    """Add this work to the visit, then start the next one and add it too."""
    at = ok(at.button(key="add_to_visit").click().run())
    at.session_state["cg_step"] = 0
    at = ok(ok(at.run()).button(key="start_new").click().run())
    at.session_state["cg_answers"] = dict(answers)
    at.session_state["cg_work"] = dict(work)
    at.session_state["cg_step"] = result_step(r)
    return ok(ok(at.run()).button(key="add_to_visit").click().run())


def assert_is(at: AppTest, work: dict, answers: dict) -> AppTest:
    """The reading on screen is of this work, and its work screen shows every detail."""
    assert at.session_state["cg_work"] == work
    assert at.session_state["cg_answers"] == answers
    assert at.title[0].value.replace("\\", "") == work["title"]
    step = at.session_state["cg_step"]
    at.session_state["cg_step"] = 1
    at = ok(at.run())
    for key, value in work.items():
        widget = at.text_area if key in ("wall_label", "notes") else at.text_input
        assert widget(key=f"work:{key}").value == value, key
    at.session_state["cg_step"] = step
    return ok(at.run())


def test_tap_its_letter_and_every_detail_and_note_comes_back(store, default_rubric):
    r = default_rubric
    a1, a2 = answers_of(r, 0), answers_of(r, 1)
    at = add_then_next(r, reading_of(r, FIRST, a1), SECOND, a2)
    assert len(at.session_state["cg_visit"]) == 2
    assert "notes" not in str(url(at))  # the visit's link carries titles, not notes
    at = ok(at.button(key="visit_open_0").click().run())
    assert at.button(key="visit_open_0").disabled  # this is the one on screen now
    assert not notices(at)
    at = assert_is(at, FIRST, a1)
    at = ok(at.button(key="visit_open_1").click().run())
    assert_is(at, SECOND, a2)


def test_after_a_reload_or_a_restart_the_visit_still_reopens_whole(store, default_rubric):
    r = default_rubric
    first = {**FIRST, "notes": long_text(11), "title": "Ledger " + "x" * 200}  # cut in the link
    a1 = answers_of(r, 0)
    at = add_then_next(r, reading_of(r, first, a1), SECOND, answers_of(r, 1))
    again = reload(at, restart=store == "sqlite")
    assert len(again.session_state["cg_visit"]) == 2
    again = ok(again.button(key="visit_open_0").click().run())
    assert not notices(again)
    assert_is(again, first, a1)
    # and the reopened work's own link (its draft's token) keeps it across one more reload
    third = reload(again, restart=store == "sqlite")
    assert third.session_state["cg_work"] == first


def test_the_photo_comes_back_with_the_work(store, default_rubric):
    r = default_rubric
    at = open_at(urlstate.encode(r, 1, {}, {"title": "With a photo"}, []))
    at.file_uploader(key="photo_upload").upload("p.png", png_bytes(), "image/png")
    at = ok(at.run())
    jpeg = at.session_state["cg_photo"]["jpeg"]
    at.session_state["cg_step"] = result_step(r)
    at = add_then_next(r, ok(at.run()), SECOND, answers_of(r, 1))
    assert at.session_state["cg_photo"] is None
    at = ok(at.button(key="visit_open_0").click().run())
    assert at.session_state["cg_photo"]["jpeg"] == jpeg
    assert at.get("imgs") or at.get("image")  # at the top of the reading


def test_side_by_side_the_reopened_work_is_the_one_on_screen(store, default_rubric):
    r = default_rubric
    at = add_then_next(r, reading_of(r, FIRST, answers_of(r, 0)), SECOND, answers_of(r, 1))
    at = ok(at.button(key="visit_open_0").click().run())
    table = next(m.value for m in at.markdown if m.value.startswith("| "))
    assert "| **A** |" in table and "| **B** |" in table  # lettered as in the list above
    assert r.labels.visit_table_note in [c.value for c in at.caption]
    spec = next(json.loads(c.proto.spec) for c in at.get("plotly_chart")
                if "visit_chart" in c.proto.id)
    marks = {t["text"][0]: t["marker"]["symbol"] for t in spec["data"] if t.get("text")}
    assert marks == {"A": "circle", "B": "diamond"}  # A is the one on screen now
    assert at.button(key="visit_open_0").disabled and not at.button(key="visit_open_1").disabled


def test_adding_the_same_work_again_keeps_it_once_as_it_is_now(store, default_rubric):
    r = default_rubric
    at = add_then_next(r, reading_of(r, FIRST, answers_of(r, 0)), SECOND, answers_of(r, 1))
    old = at.session_state["cg_visit"][0]["d"]
    at = ok(at.button(key="visit_open_0").click().run())
    at.session_state["cg_work"] = {**FIRST, "notes": "Seen twice now."}
    at = ok(ok(at.run()).button(key="add_to_visit").click().run())
    visit = at.session_state["cg_visit"]
    assert [v["work"]["title"] for v in visit] == [SECOND["title"], FIRST["title"]]
    assert drafts.store().load(old) is None  # what was kept before is not kept twice
    at = ok(at.button(key="visit_open_0").click().run())
    at = ok(at.button(key="visit_open_1").click().run())
    assert at.session_state["cg_work"]["notes"] == "Seen twice now."


def test_what_was_kept_stays_as_it_was_kept(store, default_rubric):
    r = default_rubric
    a1 = answers_of(r, 0)
    at = add_then_next(r, reading_of(r, FIRST, a1), SECOND, answers_of(r, 1))
    at = ok(at.button(key="visit_open_0").click().run())
    at.session_state["cg_work"] = {**FIRST, "notes": "changed, but not kept"}
    at = ok(at.run())
    at = ok(at.button(key="visit_open_1").click().run())
    at = ok(at.button(key="visit_open_0").click().run())
    assert_is(at, FIRST, a1)


def test_a_saved_work_file_of_a_reopened_work_reopens_with_its_notes(store, default_rubric):
    r = default_rubric
    a1 = answers_of(r, 0)
    at = add_then_next(r, reading_of(r, FIRST, a1), SECOND, answers_of(r, 1))
    at = ok(at.button(key="visit_open_0").click().run())
    raw = dump_work(r, WorkInfo(**at.session_state["cg_work"]), at.session_state["cg_answers"])
    fresh = open_at({})
    fresh.file_uploader(key="work_upload").upload("harbour.toml", raw.encode(),
                                                   "application/toml")
    assert_is(ok(fresh.run()), FIRST, a1)


def test_a_work_whose_draft_has_gone_keeps_its_answers_and_says_so(default_rubric):
    r = default_rubric
    a1 = answers_of(r, 0)
    gone = urlstate.visit_entry(r, a1, FIRST, draft=new_token())
    at = open_at(urlstate.encode(r, result_step(r), {}, {"title": "Now"}, [gone]))
    at = ok(at.button(key="visit_open_0").click().run())
    assert r.labels.draft_gone.format(hours=drafts.hours()) in notices(at)
    assert at.session_state["cg_answers"] == a1
    assert at.session_state["cg_work"] == {k: FIRST[k] for k in ("title", "artist", "year")}
    assert "d" not in url(at)


def test_forgetting_a_reopened_work_takes_it_out_of_the_visit(store, default_rubric):
    r = default_rubric
    at = add_then_next(r, reading_of(r, FIRST, answers_of(r, 0)), SECOND, answers_of(r, 1))
    kept = at.session_state["cg_visit"][0]["d"]
    at = ok(at.button(key="visit_open_0").click().run())
    at.session_state["cg_work"] = {**FIRST, "notes": long_text(12)}  # its own draft, too
    at = ok(at.run())
    own = url(at)["d"]
    at = ok(at.button(key="forget_reading").click().run())
    assert [v["work"]["title"] for v in at.session_state["cg_visit"]] == [SECOND["title"]]
    assert drafts.store().load(kept) is None and drafts.store().load(own) is None


def test_a_catalogue_work_reopens_as_the_gallery_s_work(store, monkeypatch, default_rubric):
    monkeypatch.setenv("COLLECTOR_GUIDE_GALLERY", str(EXAMPLE))
    site = load_site(EXAMPLE, {default_rubric.id: default_rubric})
    work = next(w for w in site.works.values() if w.reading is not None)
    at = open_at({"work": work.id})
    at.session_state["cg_answers"] = answers_of(default_rubric, 0)
    at.session_state["cg_step"] = result_step(default_rubric)
    at = add_then_next(default_rubric, ok(at.run()), SECOND, answers_of(default_rubric, 1))
    assert at.session_state["cg_catalogue"] is None
    at = ok(at.button(key="visit_open_0").click().run())
    assert at.session_state["cg_catalogue"] == work.id and url(at)["work"] == work.id
    assert at.button(key="compare_open")  # the gallery's reading is offered again


# --- the visit's link ---------------------------------------------------------------------------


def test_a_link_entry_s_places_are_checked(default_rubric):
    r = default_rubric
    good = urlstate.visit_entry(r, {}, {"title": "T"}, draft=new_token(), catalogue="harbour-3")
    assert {"d", "c"} <= set(good)
    for bad in ({"d": "../../etc"}, {"c": "Not An Id!"}, {"d": 7}):
        entry = {**good, **bad}
        params = urlstate.encode(r, 0, {}, {}, [entry])
        state = urlstate.decode(params, {r.id: r}, r.id, {r.id: result_step(r) + 1})
        kept = state.visit[0]
        assert set(bad) & set(kept) == set() and kept["work"] == {"title": "T"}
        assert r.labels.link_partial_visit in state.notices


def test_a_visit_too_long_for_the_link_keeps_every_work(default_rubric):
    r = default_rubric
    visit = [urlstate.visit_entry(r, answers_of(r, i), {"title": long_text(i, 30)},
                                  draft=new_token()) for i in range(urlstate.MAX_VISIT)]
    assert len(urlstate.pack(visit)) > urlstate.MAX_PARAM  # with every token, too long
    params = urlstate.encode(r, 0, {}, {}, visit)
    state = urlstate.decode(params, {r.id: r}, r.id, {r.id: result_step(r) + 1})
    assert len(state.visit) == urlstate.MAX_VISIT
    assert all(urlstate.same_work(a, b) for a, b in zip(state.visit, visit, strict=True))
    assert "d" in state.visit[-1]  # the newest keep their drafts' tokens longest
