"""The rubric studio in headless Chromium at a desktop's size: paste a broken rubric and see the
located error with its line marked; fix it, preview it and see the sample works move; an edit on
disk shows without a restart, and a broken one leaves the last good version serving. axe-core
checks the studio's page.

Screenshots go to a temporary folder, or, with COLLECTOR_GUIDE_SCREENSHOTS=1, to
docs/screenshots/studio-*.png.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from browser_support import (
    DESKTOP,
    PHONE,
    ROOT,
    open_app,
    screenshot_folder,
    streamlit_server,
    wait_settled,
)
from test_browser import _checked_page, assert_no_exception
from test_browser_gallery import _env, assert_accessible
from test_studio import _misspell, _weigh_first_question

from collector_guide.rubric import Labels
from collector_guide.ui import studio

try:
    from playwright.sync_api import expect
except ImportError:  # reported by missing_browser()
    expect = None

pytestmark = pytest.mark.browser
WORDS = Labels()
RUBRIC = ROOT / "rubrics" / "assisted-vs-generated.toml"
MAIN = '[data-testid="stMain"]'


@pytest.fixture(scope="module")
def rubrics(tmp_path_factory) -> Path:
    """A copy of rubrics/ that the test edits on disk while the server runs."""
    folder = tmp_path_factory.mktemp("rubrics")
    for f in (ROOT / "rubrics").glob("*.toml"):
        shutil.copy(f, folder / f.name)
    return folder


@pytest.fixture(scope="module")
def studio_server(browser_ready, rubrics):
    with _env(**{studio.ENV: "1", "COLLECTOR_GUIDE_RUBRICS": str(rubrics)}), \
            streamlit_server() as running:
        yield running


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    return screenshot_folder(tmp_path_factory, "studio-screenshots")


def shot(page, start, path: Path, height: int) -> None:
    """A screenshot of the page from a heading (or another element) down, `height` px tall
    (not the whole studio: the preview's questions run long)."""
    size = page.viewport_size
    page.set_viewport_size({"width": size["width"], "height": height})
    if isinstance(start, str):
        start = page.get_by_role("heading", name=start, exact=True)
    start.evaluate(
        "el => el.scrollIntoView({block: 'start'})")
    wait_settled(page)
    page.screenshot(path=str(path), animations="disabled")
    page.set_viewport_size(size)


def submit(page, text: str, expected: str) -> None:
    """Put the text in the studio's box and check it, as an author does (Ctrl+Enter)."""
    box = page.locator(f".st-key-{studio.TEXT} textarea")
    box.fill(text)
    box.press("Control+Enter")
    wait_settled(page, expected)


def test_paste_broken_see_the_error_fix_it_see_the_samples_move(browser, studio_server, shots):
    good = RUBRIC.read_text(encoding="utf-8")
    broken, line = _misspell(good)
    with _checked_page(browser, DESKTOP) as page:
        open_app(page, f"{studio_server.url}/?{studio.PARAM}=1", WORDS.studio_clean)
        submit(page, broken, "unknown key 'promtp'")
        errors = [t.replace("\u2060", "") for t in
                  page.locator('[data-testid="stAlertContentError"]').all_inner_texts()]
        assert any(f"assisted-vs-generated.toml:{line}:1: error: " in t
                   and "Did you mean 'prompt'?" in t for t in errors), errors
        expect(page.locator('[data-testid="stCode"]').filter(
            has_text=f"▶ {line} │ promtp = ")).to_be_visible()
        expect(page.get_by_text(WORDS.studio_blocked)).to_be_visible()
        assert_no_exception(page)
        assert_accessible(page, [MAIN])
        shot(page, WORDS.studio_checks, shots / "studio-error.png", 1000)

        submit(page, _weigh_first_question(good, 9.0), WORDS.studio_moved_mark)
        expect(page.locator('[data-testid="stAlertContentError"]')).to_have_count(0)
        table = page.locator("table").filter(has_text=WORDS.studio_moved_mark)
        expect(table).to_be_visible()
        assert table.locator("tr").filter(has_text=WORDS.studio_moved_mark).count() > 0
        expect(page.get_by_text(WORDS.studio_preview, exact=True)).to_be_visible()
        charts = page.locator('[data-testid="stPlotlyChart"]')
        expect(charts).to_have_count(3)  # before, after, the preview
        radios = page.locator('[class*="st-key-studio-q-"] [role="radiogroup"]')
        assert radios.count() > 0
        radios.first.locator("label").first.click()
        wait_settled(page)
        assert_no_exception(page)
        assert_accessible(page, [MAIN])
        shot(page, WORDS.studio_map, shots / "studio-moved.png", 1400)


def test_edits_on_disk_show_without_a_restart(browser, studio_server, rubrics, shots):
    path = rubrics / RUBRIC.name
    text = path.read_text(encoding="utf-8")
    with _checked_page(browser, PHONE) as page:
        open_app(page, f"{studio_server.url}/?{studio.PARAM}=1", WORDS.studio_clean)
        old = 'label = "Where agency sits"'
        assert old in text
        path.write_text(text.replace(old, 'label = "Where the agency sits now"'), encoding="utf-8")
        page.reload()
        wait_settled(page, "Where the agency sits now")  # the server read the edit: no restart
        path.write_text(text.replace("[[archetypes]]", "[[archetypes]", 1), encoding="utf-8")
        page.reload()
        wait_settled(page, WORDS.studio_serving_old.format(file=path.name))
        expect(page.get_by_text("Where the agency sits now").first).to_be_visible()
        expect(page.get_by_text(WORDS.screen_error)).to_have_count(0)
        assert str(rubrics) not in page.locator(MAIN).inner_text()
        assert_no_exception(page)
        assert_accessible(page, [MAIN])
        shot(page, page.get_by_text(WORDS.studio_serving_old.format(file=path.name)),
             shots / "studio-phone-last-good.png", 844)
    path.write_text(text, encoding="utf-8")


def test_off_says_so(browser, browser_ready):
    with _env(**{studio.ENV: "0"}), streamlit_server() as running, \
            _checked_page(browser, PHONE) as page:
        open_app(page, f"{running.url}/?{studio.PARAM}=1", WORDS.studio_off)
        expect(page.locator("textarea")).to_have_count(0)
        assert_no_exception(page)
        assert_accessible(page, [MAIN])


def test_an_uploaded_rubric_is_checked_under_a_safe_name(browser, studio_server, tmp_path):
    broken, line = _misspell(RUBRIC.read_text(encoding="utf-8"))
    upload = {"name": "<img src=x onerror=alert(1)> rubric.toml", "mimeType": "application/toml",
              "buffer": broken.encode()}
    big = {"name": "big.toml", "mimeType": "application/toml",
           "buffer": b"# " + b"x" * 1_040_000 + b"\n"}
    with _checked_page(browser, DESKTOP) as page:
        open_app(page, f"{studio_server.url}/?{studio.PARAM}=1", WORDS.studio_clean)
        field = page.locator(f".st-key-{studio.UPLOAD} input[type=file]")
        field.set_input_files(upload)
        wait_settled(page, "unknown key 'promtp'")
        errors = [t.replace("\u2060", "") for t in
                  page.locator('[data-testid="stAlertContentError"]').all_inner_texts()]
        name = "img-src-x-onerror-alert-1-rubric.toml"
        assert any(f"{name}:{line}:1: error: " in t for t in errors), errors
        field.set_input_files(big)
        wait_settled(page, "a rubric or work file is at most 1 MB")
        assert_no_exception(page)
