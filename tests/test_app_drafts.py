"""The draft store in the app: a reload (or a restart, or another replica) brings back the
photo, its evidence and texts too long for the URL; "Forget this reading" deletes them.

Every case runs against memory, SQLite and a real Redis. A "reload" is a new AppTest session
opened on the URL the last one left; a "restart" also drops the process's store object.
"""

from __future__ import annotations

import random

import pytest
from conftest import ROOT
from provenance_fixtures import png_bytes, xmp_packet
from services import redis_server
from streamlit.testing.v1 import AppTest

from collector_guide.keep.drafts import new_token
from collector_guide.keep.urlstate import MAX_PARAM, encode
from collector_guide.ui import drafts
from collector_guide.ui.screens import result_step

pytestmark = pytest.mark.timeout(180)
TRAINED = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"


def long_text(seed: int, n: int = 3500) -> str:
    """Text that no zlib can squeeze into a link: random characters from a large alphabet."""
    rng = random.Random(seed)
    return "".join(chr(rng.randrange(0x4E00, 0x9FFF)) for _ in range(n))


@pytest.fixture(scope="module")
def redis_url():
    with redis_server() as server:
        yield server.url


@pytest.fixture(params=["memory", "sqlite", "redis"])
def kind(request, monkeypatch, tmp_path):
    spec = {"memory": "memory", "sqlite": f"sqlite:///{tmp_path}/drafts.db"}.get(request.param)
    if spec is None:
        spec = request.getfixturevalue("redis_url")
    monkeypatch.setenv("COLLECTOR_GUIDE_DRAFTS", spec)
    drafts.store.clear()
    yield request.param
    drafts.store.clear()


def url(at: AppTest) -> dict[str, str]:
    return {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}


def open_at(params: dict[str, str]) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in params.items():
        at.query_params[key] = value
    return ok(at.run())


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def reload(at: AppTest, *, restart: bool = False) -> AppTest:
    if restart:
        drafts.store.clear()
    return open_at(url(at))


def notices(at: AppTest) -> str:
    return "\n".join(i.value for i in at.info).replace("\\", "")


def work_step(r, work=None) -> AppTest:
    return open_at(encode(r, 1, {}, work or {"title": "T"}, []))


def test_long_texts_the_url_cannot_carry_come_back(kind, default_rubric):
    at = work_step(default_rubric)
    notes, label = long_text(1), long_text(2)
    at.text_area(key="work:notes").input(notes).run()
    at = ok(at.text_area(key="work:wall_label").input(label).run())
    params = url(at)
    assert all(len(v) <= MAX_PARAM for v in params.values())
    assert "d" in params  # the token: the texts themselves are not in the link
    assert notes[:50] not in str(params)
    again = reload(at, restart=kind != "memory")
    assert again.session_state["cg_work"] == {"title": "T", "notes": notes, "wall_label": label}
    assert again.text_area(key="work:notes").value == notes
    assert not notices(again)


def test_short_texts_stay_in_the_link_and_need_no_draft(kind, default_rubric):
    at = work_step(default_rubric)
    at = ok(at.text_area(key="work:notes").input("brass, dim room").run())
    assert "d" not in url(at)
    assert reload(at).session_state["cg_work"]["notes"] == "brass, dim room"


def test_the_photo_and_its_evidence_come_back_and_can_be_removed(kind, default_rubric):
    at = work_step(default_rubric)
    at.file_uploader(key="photo_upload").upload(
        "made.png", png_bytes(xmp=xmp_packet(digital_source_type=TRAINED)), "image/png")
    at = ok(at.run())
    first = at.session_state["cg_photo"]
    assert first["jpeg"] and "d" in url(at)

    again = reload(at, restart=kind != "memory")
    kept = again.session_state["cg_photo"]
    assert kept["jpeg"] == first["jpeg"]
    assert kept["report"].to_dict() == first["report"].to_dict()
    assert len(again.get("image")) == 1
    assert default_rubric.labels.evidence_suggests in "\n".join(m.value for m in again.markdown)
    assert again.button(key="photo_remove").label == default_rubric.labels.photo_remove

    again = ok(again.button(key="photo_remove").click().run())
    assert again.session_state["cg_photo"] is None and "d" not in url(again)
    assert drafts.store().load(url(at)["d"]) is None  # nothing left to keep: forgotten
    assert reload(at).session_state["cg_photo"] is None


def test_forget_this_reading_deletes_everything(kind, default_rubric):
    r = default_rubric
    result = result_step(r)
    q = r.questions[0]
    at = open_at(encode(r, result, {q.id: q.options[0].id}, {"title": "Gone"}, []))
    at.session_state["cg_work"] = {"title": "Gone", "notes": long_text(3)}
    at = ok(at.run())
    token = url(at)["d"]
    assert drafts.store().load(token) is not None
    at = ok(at.button(key="add_to_visit").click().run())
    assert r.labels.forget_hint.format(hours="12") in [c.value for c in at.caption]

    at = ok(at.button(key="forget_reading").click().run())
    assert drafts.store().load(token) is None
    assert at.session_state["cg_step"] == 0
    assert at.session_state["cg_answers"] == {} and at.session_state["cg_work"] == {}
    assert at.session_state["cg_visit"] == []  # the reading leaves the visit too
    assert r.labels.forgotten in notices(at)
    assert "d" not in url(at) and "a" not in url(at)


def test_a_link_whose_draft_is_gone_keeps_its_answers_and_says_so(kind, default_rubric):
    r = default_rubric
    q = r.questions[0]
    params = encode(r, 2, {q.id: q.options[0].id}, {"title": "Old"}, [], draft=new_token())
    at = open_at(params)
    assert r.labels.draft_gone.format(hours="12") in notices(at)
    assert at.session_state["cg_answers"] == {q.id: q.options[0].id}
    assert "d" not in url(at)


@pytest.mark.parametrize("bad", ["short", "x" * 32 + "!", "../" * 11, "%00" * 11])
def test_a_malformed_token_is_never_looked_up(default_rubric, bad):
    params = {**encode(default_rubric, 1, {}, {"title": "T"}, []), "d": bad}
    at = open_at(params)
    assert default_rubric.labels.link_bad_draft in notices(at)
    assert "d" not in url(at)


def test_an_unreachable_store_never_costs_the_visitor_their_work(monkeypatch, default_rubric):
    from browser_support import free_port

    monkeypatch.setenv("COLLECTOR_GUIDE_DRAFTS", f"redis://127.0.0.1:{free_port()}/0")
    drafts.store.clear()
    try:
        at = work_step(default_rubric)
        notes = long_text(4)
        at = ok(at.text_area(key="work:notes").input(notes).run())
        at = ok(at.run())
        assert default_rubric.labels.draft_unreachable in notices(at)
        assert at.session_state["cg_work"]["notes"] == notes  # still in the session
        assert ok(at.button(key="next_1").click().run()).session_state["cg_step"] == 2
    finally:
        drafts.store.clear()


def test_a_new_reading_gets_a_new_token(kind, default_rubric):
    at = work_step(default_rubric)
    at = ok(at.text_area(key="work:notes").input(long_text(5)).run())
    first = url(at)["d"]
    at.session_state["cg_step"] = 0
    at = ok(at.run())
    at = ok(at.button(key="start_new").click().run())
    at = ok(at.text_area(key="work:notes").input(long_text(6)).run())
    second = url(at)["d"]
    assert first != second
    assert drafts.store().load(first).texts["notes"] == long_text(5)  # Back can still reach it
