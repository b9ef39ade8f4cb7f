"""The sample gallery in headless Chromium at a phone's size: its branding and works, `?work=`
opening each work, and the visitor's reading set beside the gallery's, end to end by tapping.

Screenshots go to a temporary folder, or, with COLLECTOR_GUIDE_SCREENSHOTS=1, to
docs/screenshots/gallery-*.png (with the QR sheet and a viewing card beside them).
"""

from __future__ import annotations

import os
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest
from browser_support import (
    PHONE,
    ROOT,
    open_app,
    screenshot_folder,
    streamlit_server,
    tap_and_settle,
)
from test_browser import (
    _checked_page,
    _full_length_shot,
    assert_no_exception,
    key_selector,
    query,
    tap_answer,
    tap_nav,
    title_at,
    visible_in,
)

from collector_guide import load_rubric
from collector_guide.gallery.setup import load_site
from collector_guide.ui import screens

try:
    from playwright.sync_api import expect
except ImportError:  # reported by missing_browser()
    expect = None

pytestmark = pytest.mark.browser
EXAMPLE = ROOT / "docs" / "example-gallery" / "gallery.toml"
RUBRIC = ROOT / "rubrics" / "assisted-vs-generated.toml"


@pytest.fixture(scope="module")
def rubric():
    return load_rubric(RUBRIC)


@pytest.fixture(scope="module")
def site(rubric):
    return load_site(EXAMPLE, {rubric.id: rubric})


@contextmanager
def _env(**values):
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@pytest.fixture(scope="module")
def gallery_server(browser_ready):
    with _env(COLLECTOR_GUIDE_GALLERY=str(EXAMPLE)), streamlit_server() as running:
        yield running


@pytest.fixture
def phone(browser, gallery_server):
    with _checked_page(browser, PHONE) as page:
        yield page


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    return screenshot_folder(tmp_path_factory, "gallery-screenshots")


def assert_accessible(page, selectors: list[str]) -> None:
    """axe-core (bundled, offline) finds nothing wrong in these parts of the page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, context={"include": [[s] for s in selectors]})
    found = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
             for v in results.response["violations"]]
    assert not found, found


def _rgb(colour: str) -> str:
    return "rgb({}, {}, {})".format(*(int(colour[i:i + 2], 16) for i in (1, 3, 5)))


def test_the_gallery_start_screen(phone, gallery_server, site, rubric, shots):
    open_app(phone, gallery_server.url, rubric.labels.catalogue_heading)
    assert site.name in phone.title()
    expect(phone.get_by_role("img", name=site.name)).to_be_visible()  # the logo, with its name
    expect(phone.get_by_text("Tide Lines", exact=False).first).to_be_visible()
    for work in site.works.values():
        expect(phone.get_by_text(work.title, exact=True).first).to_be_visible()
    primary = phone.locator(key_selector("start_new") + " button")
    assert primary.evaluate("b => getComputedStyle(b).backgroundColor") == _rgb(site.accent)
    assert primary.evaluate("b => getComputedStyle(b).color") == _rgb(site.accent_text)
    _full_length_shot(phone, shots / "gallery-start.png", 390)
    assert_no_exception(phone)
    assert_accessible(phone, [".cg-brand", *(key_selector(f"cat:{w}") for w in site.works)])


def test_every_work_opens_from_its_wall_label_link(phone, gallery_server, site, rubric):
    for work in site.works.values():
        open_app(phone, f"{gallery_server.url}/?work={work.id}", rubric.labels.work_heading)
        field = phone.locator(key_selector("work:title") + " input")
        expect(field).to_have_value(work.work.work.title)
        expect(phone.locator(key_selector("work:artist") + " input")).to_have_value(
            work.work.work.artist)
        expect(phone.get_by_text(rubric.labels.catalogue_opened)).to_be_visible()
        assert query(phone).get("work") == work.id
        expect(phone.get_by_text(rubric.labels.link_unverified)).to_have_count(0)
        assert_no_exception(phone)


def test_compare_with_the_gallery_reading_end_to_end(phone, gallery_server, site, rubric,
                                                     shots, tmp_path):
    r = rubric
    work = site.works["salt-archive-4"] if "salt-archive-4" in site.works else \
        next(iter(site.works.values()))
    open_app(phone, gallery_server.url, r.labels.catalogue_heading)
    tap_nav(phone, f"open_work:{work.id}", 1, r.labels.work_heading)
    answers: dict = {}
    step = 1
    while step < screens.result_step(r):
        if step == 2:  # the visitor's own answers on the first question screen, by tapping
            while todo := [q for q in visible_in(r, step, answers) if q.id not in answers]:
                tap_answer(phone, r, todo[0], todo[0].options[-1].id, answers)
        following = screens.next_step(r, answers, step)
        tap_nav(phone, f"next_{step}", following, title_at(r, following, work.title))
        # Never before the visitor's own reading: nothing of the gallery's reading on the way.
        expect(phone.get_by_text(work.reading.summary)).to_have_count(0)
        step = following
    button = phone.locator(key_selector("compare_open") + " button")
    expect(button).to_be_visible()
    tap_and_settle(phone, button, r.labels.compare_heading)
    expect(phone.get_by_role("heading", name=r.labels.compare_heading)).to_be_visible()
    expect(phone.locator(key_selector("compare_map") + " .js-plotly-plot .main-svg").first
           ).to_be_visible()
    expect(phone.get_by_text(work.reading.summary, exact=False)).to_be_visible()
    noted = [qid for qid in work.reading.notes if answers.get(qid) not in (None,)
             and answers.get(qid) != work.reading.answers.get(qid)]
    for qid in noted:
        expect(phone.get_by_text(work.reading.notes[qid], exact=False).first).to_be_visible()
    page_text = phone.locator('[data-testid="stMain"]').inner_text().lower()
    assert not any(word in page_text for word in (" wrong", "incorrect", "mistake"))
    phone.locator(key_selector("gallery_reading")).scroll_into_view_if_needed()
    _full_length_shot(phone, tmp_path / "compare-full.png", 390)  # the whole screen draws
    block = phone.locator(key_selector("gallery_reading"))
    block.screenshot(path=str(shots / "gallery-compare.png"), animations="disabled",
                     scale="css")
    assert_no_exception(phone)
    assert_accessible(phone, [key_selector("gallery_reading")])

    # The card, downloaded as a visitor would: drawn on the tap, the work's link on it.
    card_button = phone.locator(key_selector("dl_card") + " button")
    card_button.scroll_into_view_if_needed()
    with phone.expect_download() as download:
        card_button.tap()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    from PIL import Image

    with Image.open(path) as card:
        assert card.size == (1080, 1350)
    from test_gallery_outputs import decode

    from collector_guide.gallery.links import work_url

    assert decode(path) == [work_url(site.config.gallery.base_url, work.id)]


def test_the_qr_sheet_and_the_card_pictures(shots, tmp_path, rubric, site):
    """The printed sheet and a card, as images beside the screenshots (looked at by people)."""
    from collector_guide import assess, compose
    from collector_guide.cli import main
    from collector_guide.gallery.card import CardText, viewing_card
    from collector_guide.gallery.links import work_url

    assert main(["qr", str(EXAMPLE), "--out", str(tmp_path)]) == 0
    subprocess.run(["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1",
                    str(tmp_path / "qr-codes.pdf"), str(tmp_path / "sheet")], check=True)
    (shots / "gallery-qr-sheet.png").write_bytes(next(tmp_path.glob("sheet*.png")).read_bytes())
    work = next(iter(site.works.values()))
    answers = dict(list(work.reading.answers.items())[:8])
    placement = assess(rubric, answers)
    reading = compose(rubric, placement)
    text = CardText(work.title, ", ".join([work.work.work.artist, work.work.work.year]),
                    reading.main_text,
                    site.name, rubric.labels.qr_caption,
                    work_url(site.config.gallery.base_url, work.id))
    (shots / "gallery-card.png").write_bytes(
        viewing_card(rubric, placement, text, work.image, site.accent))
