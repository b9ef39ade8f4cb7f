"""The app in a real browser: headless Chromium at a phone's size, driven by taps.

AppTest (tests/test_app.py) checks the script; these tests check what only a browser shows:
that taps land, that a reload or a shared link restores the walk-through, and what the pages
look like. Every label comes from the rubric, so a reworded option does not break them.

Screenshots go to a temporary folder, or to docs/screenshots/ with COLLECTOR_GUIDE_SCREENSHOTS=1
(the README's pictures are made that way). Without Chromium or playwright these tests skip,
except under CI=true, where they fail: CI installs both.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from browser_support import (
    DESKTOP,
    PHONE,
    ROOT,
    TIMEOUT_MS,
    content_height,
    install_tap_clock,
    key_selector,
    open_app,
    screenshot_folder,
    streamlit_server,
    tap_and_settle,
    wait_settled,
)

from collector_guide import NOT_SURE, assess, compose, load_rubric, load_work
from collector_guide.assess.scoring import shown_questions
from collector_guide.keep.urlstate import encode, encode_answers, visit_entry
from collector_guide.rubric import Question, Rubric
from collector_guide.ui import screens

try:
    from playwright.sync_api import expect

    # A shared, busy machine can take seconds to draw plotly's first chart: wait as long as
    # for a rerun, not Playwright's default 5 s.
    expect.set_options(timeout=TIMEOUT_MS)
except ImportError:  # reported by missing_browser()
    expect = None

pytestmark = pytest.mark.browser

RUBRIC_PATH = ROOT / "rubrics" / "assisted-vs-generated.toml"
SAMPLE = ROOT / "sample_works" / "tidewater-ledger-7.toml"
# Markdown and HTML in a typed title must come back exactly as typed.
TITLE = "Harbour study *No. 3* <b>at dusk</b>"
EXCEPTION = '[data-testid="stException"]'


# --- fixtures ------------------------------------------------------------------------------------


# `browser_ready` and `browser` (one Chromium for every browser test module) are in
# tests/browser_fixtures.py.


@pytest.fixture(scope="session")
def rubric() -> Rubric:
    return load_rubric(RUBRIC_PATH)


@pytest.fixture(scope="session")
def server(browser_ready):
    with streamlit_server() as running:
        yield running


LOCAL = ("localhost", "127.0.0.1", "::1")
WEB = ("http", "https", "ws", "wss")


def _new_page(browser, options: dict):
    context = browser.new_context(**options)
    install_tap_clock(context)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # The app must never need the network: any request off this machine is a failure.
    page.on("request", lambda req: errors.append(f"request off this machine: {req.url}")
            if urlparse(req.url).hostname not in LOCAL and urlparse(req.url).scheme in WEB
            else None)
    return context, page, errors


@contextmanager
def _checked_page(browser, options: dict):
    """A fresh page that fails its test on a JavaScript error or a request off this machine."""
    context, page, errors = _new_page(browser, options)
    try:
        yield page
        assert not errors, f"JavaScript errors or requests off this machine: {errors}"
    finally:
        context.close()


@pytest.fixture
def phone(browser, server):
    with _checked_page(browser, PHONE) as page:
        yield page


@pytest.fixture
def desktop(browser, server):
    with _checked_page(browser, DESKTOP) as page:
        yield page


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory) -> Path:
    return screenshot_folder(tmp_path_factory)


# --- driving the questionnaire -------------------------------------------------------------------


def box(page, r: Rubric, q: Question):
    return page.locator(key_selector(f"q:{r.id}:{q.id}"))


def choices(page, r: Rubric, q: Question):
    """The tappable answers of a question, in the rubric's order, "Not sure" last."""
    if q.kind == "multiple":
        return box(page, r, q).locator('button[data-variant="pills"]')
    return box(page, r, q).locator('[data-testid="stRadioOption"]')


def option_ids(q: Question) -> list[str]:
    return [o.id for o in q.options] + [NOT_SURE]


def option_label(r: Rubric, q: Question, option_id: str) -> str:
    return r.labels.not_sure if option_id == NOT_SURE else q.option(option_id).label


def tap_answer(page, r: Rubric, q: Question, option_id: str, answers: dict) -> None:
    """Tap one answer, record it in the test's mirror of the answers, and wait until the app
    holds it too (its compact form in the URL)."""
    index = option_ids(q).index(option_id)
    target = choices(page, r, q).nth(index)
    expect(target).to_have_text(option_label(r, q, option_id))
    if q.kind != "multiple" or option_id == NOT_SURE:
        answers[q.id] = option_id
    else:
        previous = answers.get(q.id)
        answers[q.id] = [*(previous if isinstance(previous, list) else []), option_id]
    tap_and_settle(page, target, query={"a": encode_answers(r, answers)})
    if q.kind == "multiple":
        expect(target).to_have_attribute("aria-pressed", "true")
    else:
        expect(box(page, r, q).locator('input[type="radio"]').nth(index)).to_be_checked()


def visible_in(r: Rubric, step: int, answers: dict) -> list[Question]:
    """The questions of a step's screen that apply now."""
    shown = shown_questions(r, answers)
    return [r.question(q) for q in screens.screen_at(r, step).questions if q in shown]


def assert_shown(page, r: Rubric, step: int, answers: dict) -> None:
    """Exactly the questions that apply are on screen, each showing exactly its answer."""
    visible = {q.id for q in visible_in(r, step, answers)}
    for q in (r.question(q) for q in screens.screen_at(r, step).questions):
        if q.id not in visible:
            expect(box(page, r, q)).to_have_count(0)
            continue
        expect(box(page, r, q)).to_be_visible()
        raw = answers.get(q.id)
        picked = set(raw) if isinstance(raw, list) else {raw} if raw else set()
        for i, option_id in enumerate(option_ids(q)):
            if q.kind == "multiple":
                pill = choices(page, r, q).nth(i)
                expect(pill).to_have_attribute("aria-pressed", str(option_id in picked).lower())
            else:
                radio = box(page, r, q).locator('input[type="radio"]').nth(i)
                expect(radio).to_be_checked(checked=option_id in picked)


def tap_nav(page, key: str, step: int, expect_text: str) -> None:
    """Tap Back, Next or Start, and wait for the step it leads to."""
    tap_and_settle(page, page.locator(key_selector(key) + " button"), expect_text,
                   query={"s": str(step)})


def start_and_title(page, server, r: Rubric, title: str) -> None:
    open_app(page, server.url, r.labels.start_new)
    tap_nav(page, "start_new", 1, r.labels.work_heading)
    field = page.locator(key_selector("work:title") + " input")
    field.tap()
    field.fill(title)
    field.press("Enter")  # commits the text input: one rerun stores it, and the URL carries it
    wait_settled(page, query={"w": encode(r, 1, {}, {"title": title}, [])["w"]})
    tap_nav(page, "next_1", 2, screens.screen_at(r, 2).section.title)


def not_sure_question(r: Rubric) -> Question:
    """A question whose "Not sure" reveals another one, so the walk-through also crosses a
    show_if; any question will do if the rubric has none."""
    for q in r.questions:
        for c in q.conditions:
            if NOT_SURE in c.any_of:
                return r.question(c.question)
    return r.questions[0]


def query(page) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(page.url).query).items()}


def assert_no_exception(page) -> None:
    expect(page.locator(EXCEPTION)).to_have_count(0)
    expect(page.get_by_text("Something went wrong")).to_have_count(0)


def archetype_name(r: Rubric, answers: dict) -> str:
    return compose(r, assess(r, answers)).archetype_name


def title_at(r: Rubric, step: int, result_title: str) -> str:
    """What a step's screen is headed by."""
    screen = screens.screen_at(r, step)
    return screen.section.title if screen else result_title


def result_url(server, r: Rubric, answers: dict, work: dict, visit=()) -> str:
    params = encode(r, screens.result_step(r), answers, work, list(visit))
    return f"{server.url}/?{urlencode(params)}"


# --- the tests -----------------------------------------------------------------------------------


def test_walk_through_by_tapping(phone, server, rubric):
    r = rubric
    unsure = not_sure_question(r)
    start_and_title(phone, server, r, TITLE)
    answers: dict = {}
    step = 2
    while step < screens.result_step(r):
        expect(phone.get_by_role("heading", name=title_at(r, step, TITLE))).to_be_visible()
        # Answer every question that is shown, re-reading show_if after each answer.
        while todo := [q for q in visible_in(r, step, answers) if q.id not in answers]:
            q = todo[0]
            option_id = NOT_SURE if q.id == unsure.id else q.options[0].id
            tap_answer(phone, r, q, option_id, answers)
            if option_id == NOT_SURE:
                # The bordered card around the question explains what "Not sure" does.
                card = phone.locator(key_selector(f"box:{q.id}"))
                expect(card).to_contain_text(r.labels.not_sure_help)
        assert_shown(phone, r, step, answers)
        assert query(phone).get("a") == encode_answers(r, answers), "the URL keeps the answers"
        following = screens.next_step(r, answers, step)
        tap_nav(phone, f"next_{step}", following, title_at(r, following, TITLE))
        step = following

    assert unsure.id in answers and answers[unsure.id] == NOT_SURE
    expect(phone.get_by_role("heading", name=TITLE, exact=True)).to_be_visible()
    expect(phone.get_by_role("heading", name=r.labels.map_heading)).to_be_visible()
    expect(phone.locator(key_selector("result_map") + " .js-plotly-plot")).to_be_visible()
    expect(phone.get_by_text(archetype_name(r, answers)).first).to_be_visible()
    expect(phone.get_by_role("heading", name=r.reading.ask_heading)).to_be_visible()
    assert_no_exception(phone)


def test_reload_half_way_keeps_every_answer(phone, server, rubric):
    r = rubric
    start_and_title(phone, server, r, TITLE)
    # The last real option of each radio and two pills: these open show_if questions later on.
    answers: dict = {}
    for q in visible_in(r, 2, answers):
        for option in q.options[-2:] if q.kind == "multiple" else q.options[-1:]:
            tap_answer(phone, r, q, option.id, answers)
    third = screens.next_step(r, answers, 2)
    tap_nav(phone, "next_2", third, title_at(r, third, TITLE))
    q = visible_in(r, third, answers)[0]
    tap_answer(phone, r, q, q.options[0].id, answers)

    phone.reload()
    wait_settled(phone, title_at(r, third, TITLE),
                 query={"s": str(third), "a": encode_answers(r, answers)})
    assert_shown(phone, r, third, answers)

    tap_nav(phone, f"back_{third}", 2, title_at(r, 2, TITLE))
    assert_shown(phone, r, 2, answers)
    tap_nav(phone, "back_2", 1, r.labels.work_heading)
    expect(phone.locator(key_selector("work:title") + " input")).to_have_value(TITLE)
    assert_no_exception(phone)


def go_history(page, direction: str, step: int, text: str) -> None:
    """Press the browser's Back or Forward and wait for the screen of that entry."""
    (page.go_back if direction == "back" else page.go_forward)(timeout=TIMEOUT_MS)
    # A pristine start screen has a bare address (see ui.state.sync_url).
    wait_settled(page, text, query={"s": str(step)} if step else None)


def test_back_and_forward_move_between_screens(phone, server, rubric):
    r = rubric
    start_and_title(phone, server, r, TITLE)
    answers: dict = {}
    q = visible_in(r, 2, answers)[0]
    tap_answer(phone, r, q, q.options[-1].id, answers)
    third = screens.next_step(r, answers, 2)
    tap_nav(phone, "next_2", third, title_at(r, third, TITLE))
    q2 = visible_in(r, third, answers)[0]
    tap_answer(phone, r, q2, q2.options[0].id, answers)

    # One press of Back: the previous screen, with every answer, the later ones too.
    go_history(phone, "back", 2, title_at(r, 2, TITLE))
    assert_shown(phone, r, 2, answers)
    assert query(phone)["a"] == encode_answers(r, answers)
    go_history(phone, "forward", third, title_at(r, third, TITLE))
    assert_shown(phone, r, third, answers)
    go_history(phone, "back", 2, title_at(r, 2, TITLE))
    go_history(phone, "back", 1, r.labels.work_heading)
    expect(phone.locator(key_selector("work:title") + " input")).to_have_value(TITLE)
    go_history(phone, "back", 0, r.labels.start_new)
    assert query(phone) == {}
    assert_no_exception(phone)
    # The first screen kept a bare address, so one more Back leaves the app.
    phone.go_back(timeout=TIMEOUT_MS)
    assert not phone.url.startswith(server.url)


def _full_length_shot(page, path: Path, width: int) -> None:
    """Streamlit scrolls inside stMain, so grow the viewport to the content, then shoot."""
    for _ in range(3):  # the layout can grow once more after the viewport does
        height = content_height(page) + 40
        if height <= page.viewport_size["height"]:
            break
        page.set_viewport_size({"width": width, "height": height})
        wait_settled(page)
    page.screenshot(path=str(path), scale="css", animations="disabled")
    page.set_viewport_size({"width": width, "height": 844 if width < 600 else 900})


def _png_width(path: Path) -> int:
    from PIL import Image

    with Image.open(path) as image:
        return image.width


VISIT_OF_THREE = ("weather-for-no-one", "forty-ways-17", "quiet-girl-rain-window-0412")

# Every mark of a plotly chart, as page boxes: labels (annotations), texts drawn on markers,
# and the markers themselves.
_MAP_BOXES = """(chart) => {
  const box = (n) => { const b = n.getBoundingClientRect();
                       return [b.left, b.top, b.right, b.bottom]; };
  return {
    labels: [...chart.querySelectorAll(".annotation-text")].map(n => [n.textContent, box(n)]),
    marks: [...chart.querySelectorAll(".scatterlayer .textpoint text")]
             .map(n => [n.textContent, box(n)]),
    points: [...chart.querySelectorAll(".scatterlayer path.point")].map(box),
  };
}"""


def _overlap(a, b, gap: float = 0.5) -> bool:
    return not (a[2] <= b[0] + gap or b[2] <= a[0] + gap or a[3] <= b[1] + gap
                or b[3] <= a[1] + gap)


def assert_map_legible(page, key: str) -> None:
    """On the real page: no label covers another label, a mark or a point, and no text on
    the map is smaller than 14 px."""
    chart = page.locator(key_selector(key) + " .js-plotly-plot")
    expect(chart.locator(".main-svg").first).to_be_visible()
    found = chart.evaluate(_MAP_BOXES)
    labels, marks, points = found["labels"], found["marks"], found["points"]
    for i, (text, rect) in enumerate(labels):
        for other, orect in labels[i + 1:]:
            assert not _overlap(rect, orect), f"{text!r} covers {other!r}"
        for other, orect in marks:
            assert not _overlap(rect, orect), f"{text!r} covers the mark {other!r}"
        for prect in points:
            assert not _overlap(rect, prect), f"{text!r} covers a point at {prect}"
    for i, (text, rect) in enumerate(marks):
        for other, orect in marks[i + 1:]:
            assert not _overlap(rect, orect), f"mark {text!r} covers mark {other!r}"
    sizes = chart.locator("text").evaluate_all(
        "nodes => nodes.map(n => parseFloat(getComputedStyle(n).fontSize))")
    assert min(sizes) >= 14, f"text smaller than 14 px on the map: {min(sizes)}"


def test_screenshots(phone, desktop, server, rubric, screenshot_dir):
    """Start, a section, the reading and a visit of three works, at 390 and 1280 px wide."""
    r = rubric
    work = load_work(SAMPLE, r)
    visit = []
    for name in VISIT_OF_THREE:
        w = load_work(ROOT / "sample_works" / f"{name}.toml", r)
        visit.append(visit_entry(r, w.answers, w.work.model_dump()))
    first = screens.screen_at(r, 2)
    q = visible_in(r, 2, {})[0]
    section_params = encode(r, 2, {q.id: q.options[0].id}, {"title": work.work.title}, [])
    pages = {"phone": (phone, 390), "desktop": (desktop, 1280)}
    for device, (page, width) in pages.items():
        open_app(page, server.url, r.labels.start_new)
        assert_map_legible(page, "start_map")
        _full_length_shot(page, screenshot_dir / f"{device}-start.png", width)

        open_app(page, f"{server.url}/?{urlencode(section_params)}", first.section.title)
        _full_length_shot(page, screenshot_dir / f"{device}-section.png", width)

        open_app(page, result_url(server, r, work.answers, work.work.model_dump()),
                 work.work.title)
        expect(page.locator(key_selector("moved_chart") + " .js-plotly-plot .main-svg").first
               ).to_be_visible()
        assert_map_legible(page, "result_map")
        expect(page.get_by_role("img", name=r.labels.image_alt.format(title=work.work.title))
               ).to_be_visible()  # the sample's own picture, with its alt text
        _full_length_shot(page, screenshot_dir / f"{device}-result.png", width)

        open_app(page, result_url(server, r, work.answers, work.work.model_dump(), visit),
                 work.work.title)
        expect(page.locator(key_selector("visit_chart") + " .js-plotly-plot .main-svg").first
               ).to_be_visible()
        assert_map_legible(page, "result_map")
        _full_length_shot(page, screenshot_dir / f"{device}-visit.png", width)
        assert_no_exception(page)
        for shot in ("start", "section", "result", "visit"):
            assert _png_width(screenshot_dir / f"{device}-{shot}.png") == width


def assert_axe_clean(page, where: str) -> None:
    """axe-core (bundled with axe-playwright-python, run in the page) finds nothing."""
    from axe_playwright_python.sync_playwright import Axe

    # The app's style sheet arrives with the page's first elements; judge the page with it.
    page.wait_for_function("() => getComputedStyle(document.documentElement)"
                           ".getPropertyValue('--cg-styled').trim() === '1'")
    results = Axe().run(page)
    assert results.violations_count == 0, f"{where}: {results.generate_report()}"


def tap_without_shift(page, r: Rubric, q: Question, option_id: str, answers: dict) -> None:
    """The first tap on a screen: the option tapped stays exactly where the thumb is."""
    index = option_ids(q).index(option_id)
    target = choices(page, r, q).nth(index)
    target.scroll_into_view_if_needed()
    before = target.bounding_box()["y"]
    tap_answer(page, r, q, option_id, answers)
    after = target.bounding_box()["y"]
    assert abs(after - before) < 1, f"the page moved {after - before:+.0f} px on the first tap"


def test_journey_back_forward_and_axe_on_every_screen(phone, server, rubric):
    """Start to reading on a phone: axe finds nothing on any screen, the first tap moves
    nothing, Back on a section lands on the previous one with every answer, then Forward."""
    r = rubric
    open_app(phone, server.url, r.labels.start_new)
    assert_axe_clean(phone, "the start screen")
    start_and_title(phone, server, r, TITLE)  # on the work screen, then on to step 2
    answers: dict = {}
    step, went_back = 2, False
    while step < screens.result_step(r):
        assert_axe_clean(phone, f"step {step}")
        first = True
        while todo := [q for q in visible_in(r, step, answers) if q.id not in answers]:
            q = todo[0]
            if first:
                tap_without_shift(phone, r, q, q.options[0].id, answers)
                first = False
            else:
                tap_answer(phone, r, q, q.options[0].id, answers)
        if step > 2 and not went_back:
            earlier = screens.previous_step(r, answers, step)
            go_history(phone, "back", earlier, title_at(r, earlier, TITLE))
            assert_shown(phone, r, earlier, answers)
            assert query(phone)["a"] == encode_answers(r, answers)
            go_history(phone, "forward", step, title_at(r, step, TITLE))
            assert_shown(phone, r, step, answers)
            went_back = True
        following = screens.next_step(r, answers, step)
        tap_nav(phone, f"next_{step}", following, title_at(r, following, TITLE))
        step = following
    expect(phone.locator(key_selector("result_map") + " .js-plotly-plot .main-svg").first
           ).to_be_visible()
    assert_axe_clean(phone, "the reading")
    visit_before = query(phone).get("x")
    tap_and_settle(phone, phone.locator(key_selector("add_to_visit") + " button"),
                   r.labels.visit_heading)
    phone.wait_for_function("(x) => new URLSearchParams(location.search).get('x') !== x",
                            arg=visit_before)
    wait_settled(phone)
    assert_axe_clean(phone, "the reading with its visit")
    # Share link: the link is copied (headless Chromium has no share sheet).
    phone.context.grant_permissions(["clipboard-read", "clipboard-write"])
    phone.locator("[data-cg-share]").click()
    expect(phone.locator(".cg-share-status")).to_have_text(r.labels.share_link_copied)
    assert phone.evaluate("navigator.clipboard.readText()") == phone.url
    assert_no_exception(phone)


def test_shared_link_opens_the_reading(phone, server, rubric):
    r = rubric
    work = load_work(SAMPLE, r)
    open_app(phone, result_url(server, r, work.answers, work.work.model_dump()), work.work.title)
    expect(phone.get_by_role("heading", name=work.work.title)).to_be_visible()
    expect(phone.get_by_text(archetype_name(r, work.answers)).first).to_be_visible()
    expect(phone.locator(key_selector("result_map") + " .js-plotly-plot")).to_be_visible()
    assert_no_exception(phone)


def test_tampered_link_explains_and_goes_on(phone, server, rubric):
    r = rubric
    open_app(phone, f"{server.url}/?r=nope&a=zzz&s=99")
    notice = phone.locator('[data-testid="stAlertContentInfo"]')
    expect(notice.first).to_be_visible()
    expect(notice.filter(has_text="nope")).to_have_count(1)
    # The default rubric is used; the step is clamped to a real one.
    expect(phone.get_by_role("heading").first).to_be_visible()
    assert 0 <= int(query(phone)["s"]) <= screens.result_step(r)
    assert query(phone)["r"] == r.id
    assert_no_exception(phone)


def test_hostile_text_is_shown_as_text(phone, server, rubric):
    """What a visitor typed stays text in the real renderers: Streamlit's Markdown (no icon,
    logo, colour or link) and plotly's SVG (no live link, no restyled label)."""
    r = rubric
    title = "Harbour :material/home: :streamlit: :red[red] www.evil.example -> x"
    visit = [visit_entry(r, {}, {"title": '<a href="https://e.example/">Visit</a>'}),
             visit_entry(r, {}, {"title": '<span style="font-size:60px">big</span>'})]
    params = encode(r, screens.result_step(r), {}, {"title": title}, visit)
    open_app(phone, f"{server.url}/?{urlencode(params)}", "Harbour")
    heading = phone.get_by_role("heading", level=1)
    expect(heading).to_be_visible()
    shown = heading.inner_text().replace("\u2060", "")
    assert shown.splitlines()[0].strip() == title
    # nothing but the text and Streamlit's own "link to this heading" anchor
    html_inside = heading.inner_html()
    assert heading.locator("img, [data-testid='stIconMaterial'], a:not([href^='#']), "
                           "span[class*='color'], span[style]").count() == 0, html_inside
    chart = phone.locator(key_selector("result_map") + " .js-plotly-plot")
    expect(chart.locator(".main-svg").first).to_be_visible()
    # the visit's first work, by its letter on the map: its hover label names it, as text
    letter = chart.locator("text", has_text="A").first
    expect(letter).to_be_visible()
    box = letter.bounding_box()
    phone.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(chart.locator(".hoverlayer").get_by_text("<a href", exact=False).first
           ).to_be_attached()
    assert chart.locator("a").count() == 0, "a visit title became a live link in the map"
    sizes = chart.locator("text").evaluate_all(
        "nodes => nodes.map(n => parseFloat(getComputedStyle(n).fontSize))")
    assert max(sizes) < 30, "a visit title restyled the map"
    assert_no_exception(phone)
