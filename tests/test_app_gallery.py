"""The app as a gallery hosts it (AppTest): its name, logo, colour and welcome; its works on the
start screen; `?work=` opening a work with its details and blank answers; the gallery's reading
offered only after the visitor's own; a broken config that never takes the guide down."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from streamlit.testing.v1 import AppTest

from collector_guide import NOT_SURE
from collector_guide.assess.compare import compare
from collector_guide.gallery.setup import load_site
from collector_guide.keep import urlstate
from collector_guide.ui import state

EXAMPLE = ROOT / "docs" / "example-gallery" / "gallery.toml"
pytestmark = pytest.mark.timeout(180)


@pytest.fixture
def gallery(monkeypatch):
    monkeypatch.setenv("COLLECTOR_GUIDE_GALLERY", str(EXAMPLE))
    return EXAMPLE


@pytest.fixture(scope="module")
def site(default_rubric):
    return load_site(EXAMPLE, {default_rubric.id: default_rubric})


def open_at(**params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    for key, value in params.items():
        at.query_params[key] = value
    return ok(at.run())


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def url(at: AppTest) -> dict[str, str]:
    return {k: (v[0] if isinstance(v, list) else v) for k, v in at.query_params.items()}


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [t.value for t in at.title]
    parts += [h.value for h in at.header] + [s.value for s in at.subheader]
    parts += [c.value for c in at.caption] + [i.value for i in at.info]
    return re.sub(r"\\(.)", r"\1", "\n".join(str(p) for p in parts)).replace("\u2060", "")


def html(at: AppTest) -> str:
    return "\n".join(str(h.proto.body) for h in at.get("html"))


def visitor_answers(rubric, work) -> dict:
    """The gallery's answers with the first two answered questions changed: two differences."""
    answers = dict(work.reading.answers)
    changed = 0
    for q in rubric.questions:
        if q.id in answers and q.kind != "multiple" and not q.show_if and changed < 2:
            answers[q.id] = next(o.id for o in q.options if o.id != answers[q.id])
            changed += 1
    return answers


def at_result(rubric, work, answers) -> AppTest:
    params = urlstate.encode(rubric, state.result_step(rubric), answers,
                             work.work.work.model_dump(exclude={"notes", "image"}), [],
                             reading="rtest0001", extra={"work": work.id})
    return open_at(**params)


# --- the bundled default --------------------------------------------------------------------


def test_the_bundled_default_has_no_gallery(monkeypatch, default_rubric):
    monkeypatch.delenv("COLLECTOR_GUIDE_GALLERY", raising=False)
    at = open_at()
    labels = default_rubric.labels
    assert labels.catalogue_heading not in texts(at)
    assert "cg-brand" not in html(at) and not any(b.key.startswith("open_work:")
                                                 for b in at.button)


def test_an_unknown_work_without_a_gallery_is_a_notice(monkeypatch, default_rubric):
    monkeypatch.delenv("COLLECTOR_GUIDE_GALLERY", raising=False)
    at = open_at(work="salt-archive-4")
    assert at.session_state["cg_step"] == 0
    assert default_rubric.labels.catalogue_unknown.split("(")[0].strip() in texts(at)


# --- the sample gallery ---------------------------------------------------------------------------


def test_the_start_screen_shows_the_gallery(gallery, site, default_rubric):
    at = open_at()
    page = texts(at)
    assert "cg-brand" in html(at) and 'alt="Harbour Light Gallery"' in html(at)
    assert site.accent in html(at)  # the accent colour's CSS
    assert "Tide Lines" in page  # the welcome text
    assert default_rubric.labels.catalogue_heading in page
    for work in site.works.values():
        assert work.title in html(at)
        assert at.button(key=f"open_work:{work.id}").label == default_rubric.labels.catalogue_open
    assert html(at).count("cg-work") >= len(site.works)  # each with its picture


def test_read_this_work_opens_it(gallery, site):
    work = next(iter(site.works.values()))
    at = open_at()
    at = ok(at.button(key=f"open_work:{work.id}").click().run())
    assert at.session_state["cg_step"] == 1 and at.session_state["cg_catalogue"] == work.id
    assert at.text_input(key="work:title").value == work.work.work.title
    assert url(at)["work"] == work.id and "sig" in url(at)


def test_every_catalogue_work_opens_by_its_link(gallery, site, default_rubric):
    for work in site.works.values():
        at = open_at(work=work.id)
        info = work.work.work
        assert at.session_state["cg_step"] == 1, work.id
        assert at.session_state["cg_answers"] == {}, work.id  # the answers are the visitor's
        assert at.text_input(key="work:title").value == info.title
        assert at.text_input(key="work:artist").value == info.artist
        assert at.text_area(key="work:wall_label").value == info.wall_label
        assert at.text_area(key="work:notes").value == ""  # never the gallery's notes
        assert at.get("image"), work.id  # the work's image
        assert not at.info, [i.value for i in at.info]  # an unsigned wall label is fine
        assert default_rubric.labels.catalogue_opened in texts(at)
        assert url(at)["work"] == work.id


def test_an_unknown_work_link_says_so_and_lists_the_works(gallery, default_rubric):
    at = open_at(work="no-such-work")
    assert at.session_state["cg_step"] == 0
    assert "no-such-work" in texts(at)
    assert default_rubric.labels.catalogue_heading in texts(at)


def test_a_reading_of_a_catalogue_work_survives_a_reload(gallery, site, default_rubric):
    work = next(iter(site.works.values()))
    at = open_at(work=work.id)
    at = ok(at.button(key="next_1").click().run())
    again = open_at(**url(at))
    assert again.session_state["cg_catalogue"] == work.id
    assert again.session_state["cg_step"] == 2 and not again.info


def test_a_changed_work_in_a_signed_link_is_not_trusted(gallery, site, default_rubric):
    first, second = list(site.works.values())[:2]
    at = open_at(work=first.id)
    params = url(ok(at.button(key="next_1").click().run()))
    params["work"] = second.id
    tampered = open_at(**params)
    assert default_rubric.labels.link_unverified in texts(tampered)


# --- the gallery's reading: only after the visitor's own ------------------------------------


def test_the_gallery_reading_never_shows_before_the_result(gallery, site, default_rubric):
    work = next(iter(site.works.values()))
    at = open_at(work=work.id)
    while (step := at.session_state["cg_step"]) < state.result_step(default_rubric):
        assert "compare_open" not in [b.key for b in at.button]
        assert work.reading.summary not in texts(at)
        at = ok(at.button(key=f"next_{step}").click().run())
        assert at.session_state["cg_step"] > step
    assert at.session_state["cg_step"] == state.result_step(default_rubric)
    # Nothing answered: there is no reading of the visitor's own to set beside the gallery's.
    assert "compare_open" not in [b.key for b in at.button]


def test_compare_with_the_gallery_reading(gallery, site, default_rubric):
    labels = default_rubric.labels
    work = next(iter(site.works.values()))
    at = at_result(default_rubric, work, visitor_answers(default_rubric, work))
    assert at.button(key="compare_open").label == labels.compare_button
    assert labels.compare_invite in texts(at)
    assert labels.compare_heading not in texts(at)
    charts = len(at.get("plotly_chart"))
    at = ok(at.button(key="compare_open").click().run())
    page = texts(at)
    assert labels.compare_heading in page and labels.compare_intro in page
    assert len(at.get("plotly_chart")) == charts + 1  # both readings on one map
    assert work.reading.summary in page
    assert labels.compare_differences in page
    expected = compare(default_rubric, at.session_state["cg_answers"], work.reading.answers)
    differing = [d.question_id for d in expected.differences]
    assert len(differing) >= 2  # the two changed, and any their show_if brings or hides
    for qid in differing:
        q = default_rubric.question(qid)
        assert q.prompt in page
        if qid in work.reading.notes:
            assert work.reading.notes[qid] in page
    assert site.config.gallery.contact in page
    for word in ("wrong", "correct", "mistake"):
        assert word not in page.lower().replace("incorrectly", "")
    at = ok(at.button(key="compare_hide").click().run())
    assert labels.compare_heading not in texts(at)


def test_answering_like_the_gallery_says_so(gallery, site, default_rubric):
    work = next(iter(site.works.values()))
    at = at_result(default_rubric, work, dict(work.reading.answers))
    at = ok(at.button(key="compare_open").click().run())
    assert default_rubric.labels.compare_all_same in texts(at)


def test_not_sure_everywhere_still_compares_without_a_verdict(gallery, site, default_rubric):
    work = next(iter(site.works.values()))
    answers = {q.id: NOT_SURE for q in default_rubric.questions if not q.show_if}
    at = at_result(default_rubric, work, answers)
    at = ok(at.button(key="compare_open").click().run())
    labels = default_rubric.labels
    # Left open is not a different view: it is listed apart, as what the gallery could tell.
    assert labels.compare_differences not in texts(at)
    assert any(e.label.startswith(labels.compare_left_open) for e in at.expander)


def test_the_card_can_be_downloaded(gallery, site, default_rubric, monkeypatch):
    import io

    import streamlit
    from PIL import Image

    made: dict[str, object] = {}
    original = streamlit.download_button

    def capture(label, data, *args, **kwargs):
        made[kwargs.get("key")] = (label, data, kwargs.get("file_name"))
        return original(label, data, *args, **kwargs)

    monkeypatch.setattr(streamlit, "download_button", capture)
    work = next(iter(site.works.values()))
    ok(at_result(default_rubric, work, visitor_answers(default_rubric, work)))
    label, draw, name = made["dl_card"]
    assert label == default_rubric.labels.download_card and name.endswith("-card.png")
    assert callable(draw)  # drawn only when the visitor taps it
    with Image.open(io.BytesIO(draw())) as card:
        assert card.size == (1080, 1350)


# --- the gallery's switches, and a broken config -----------------------------------------------


def test_uploads_can_be_hidden(monkeypatch, tmp_path, default_rubric):
    (tmp_path / "gallery.toml").write_text('[gallery]\nname = "Quiet Room"\n\n[show]\n'
                                           "uploads = false\n")
    monkeypatch.setenv("COLLECTOR_GUIDE_GALLERY", str(tmp_path / "gallery.toml"))
    at = open_at()
    assert not at.get("file_uploader")
    at = ok(at.button(key="start_new").click().run())
    assert at.session_state["cg_step"] == 1 and not at.get("file_uploader")
    assert "Quiet Room" in html(at)


@pytest.mark.parametrize("text", [
    "[gallery\nname = 'x'", '[gallery]\naccent = "red"\ncatalogue = "nowhere"\n',
    '[gallery]\nlogo = "gallery.toml"\n[rubrics]\ndefault = "nope"\nallowed = ["nope"]\n',
])
def test_a_broken_config_never_takes_the_guide_down(monkeypatch, tmp_path, default_rubric,
                                                     text):
    (tmp_path / "gallery.toml").write_text(text)
    monkeypatch.setenv("COLLECTOR_GUIDE_GALLERY", str(tmp_path / "gallery.toml"))
    at = open_at()
    assert at.title[0].value == default_rubric.labels.start_heading
    at = ok(at.button(key="start_new").click().run())
    assert at.session_state["cg_step"] == 1


def test_a_gallery_limits_the_rubrics(monkeypatch, tmp_path, default_rubric):
    import shutil

    from conftest import MINIMAL

    rubrics = tmp_path / "rubrics"
    rubrics.mkdir()
    shutil.copy(MINIMAL, rubrics / "minimal.toml")
    shutil.copy(ROOT / "rubrics" / f"{default_rubric.id}.toml", rubrics)
    (tmp_path / "gallery.toml").write_text(
        '[rubrics]\ndefault = "minimal"\nallowed = ["minimal"]\n')
    monkeypatch.setenv("COLLECTOR_GUIDE_RUBRICS", str(rubrics))
    monkeypatch.setenv("COLLECTOR_GUIDE_GALLERY", str(tmp_path / "gallery.toml"))
    at = open_at()
    assert at.session_state["cg_rubric"] == "minimal"
    assert not at.get("selectbox") or all(s.key != "pick_rubric" for s in at.selectbox)


# --- in German ---------------------------------------------------------------------------------


def test_a_german_visitor_reads_a_catalogue_work_in_german_and_compares(gallery, site,
                                                                         default_rubric):
    from collector_guide import load_rubric

    german = load_rubric(ROOT / "rubrics" / "assisted-vs-generated.de.toml")
    work = next(iter(site.works.values()))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.context = {"locale": "de-DE"}
    at = ok(at.run())
    assert german.labels.catalogue_heading in texts(at)
    at = ok(at.button(key=f"open_work:{work.id}").click().run())
    assert at.session_state["cg_rubric"] == german.id
    assert at.session_state["cg_catalogue"] == work.id
    params = urlstate.encode(german, state.result_step(german),
                             visitor_answers(german, work),
                             work.work.work.model_dump(exclude={"notes", "image"}), [],
                             reading="rtest0002", extra={"work": work.id})
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.context = {"locale": "de-DE"}
    for key, value in params.items():
        at.query_params[key] = value
    at = ok(at.run())
    assert at.button(key="compare_open").label == german.labels.compare_button
    at = ok(at.button(key="compare_open").click().run())
    page = texts(at)
    assert german.labels.compare_heading in page and german.labels.compare_differences in page
    assert re.search(r"\(Ihre bei [+−]?\d,\d\d, die der Galerie bei [+−]?\d,\d\d\)", page) or \
        re.search(r"die der Galerie bei [+−]?\d,\d\d, Ihre bei [+−]?\d,\d\d", page), page
