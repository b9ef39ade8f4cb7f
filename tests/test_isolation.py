"""No visitor ever sees another's data: many sessions at once on one server process, each with
its own answers, photo and notes; and in Chromium, a page served by `collector-guide serve`
asks nothing of any other origin (and gets its front end gzip-compressed).

The store's own guarantees (tokens of 192 random bits, kept only as hashes, never enumerable)
are tested in tests/test_drafts.py; here the whole app is driven as visitors drive it.
"""

from __future__ import annotations

import asyncio
import io
import os
import random
from urllib.parse import parse_qsl, urlparse

import pytest
from PIL import Image
from services import served
from visitors import Plan, Visitor, run_async

from collector_guide.keep.urlstate import decode_answers
from collector_guide.rubric import NOT_SURE

pytestmark = pytest.mark.timeout(300)
VISITORS = 14


def photo(i: int) -> bytes:
    im = Image.new("RGB", (300 + 10 * i, 200), ((53 * i) % 256, (101 * i) % 256, (17 * i) % 256))
    out = io.BytesIO()
    im.save(out, "JPEG", quality=90)
    return out.getvalue()


def notes(i: int) -> str:
    rng = random.Random(i)
    return f"notes of visitor {i} " + "".join(chr(rng.randrange(0x4E00, 0x9FFF))
                                               for _ in range(3000))


def test_many_sessions_at_once_see_only_their_own(default_rubric):
    r = default_rubric
    with served("--no-access-log") as server:
        visitors = run_async(_crowd(server.url, r), 280)
    problems = [(i, e) for i, v in enumerate(visitors) for e in v.tally.errors]
    assert not problems, problems[:10]
    tokens = [dict(parse_qsl(v.tally.query)).get("d") for v in visitors]
    assert all(tokens) and len(set(tokens)) == VISITORS  # one draft each, none shared
    for i, v in enumerate(visitors):
        assert v.tally.finished and v.tally.checked, i
        params = dict(parse_qsl(v.tally.query))
        answers, dropped = decode_answers(r, params["a"])
        assert not dropped
        got, wanted = same(answers), same(v.desired)
        assert got == wanted, f"visitor {i} has answers that are not theirs"
        seen = v.seen_photo
        assert seen is not None and seen.size == (300 + 10 * i, 200), f"visitor {i}'s photo"
        red, green, blue = seen.resize((1, 1)).getpixel((0, 0))
        expected = ((53 * i) % 256, (101 * i) % 256, (17 * i) % 256)
        assert max(abs(a - b) for a, b in zip((red, green, blue), expected, strict=True)) < 12


def same(answers: dict) -> dict:
    """Answers compared as the URL keeps them: choices as sets, a lone "Not sure" as itself."""
    out = {}
    for qid, value in answers.items():
        if isinstance(value, list):
            value = NOT_SURE if value == [NOT_SURE] else frozenset(value)
        out[qid] = value
    return out


async def _crowd(url: str, r) -> list[Visitor]:
    words = (r.labels.screen_error, r.labels.draft_gone.split("{")[0], r.labels.draft_unreachable)
    visitors = [Visitor(url, r, Plan(seed=i, title=f"Title of visitor {i}", notes=notes(i),
                                     photo=photo(i), think=(0.05, 0.3)), error_words=words)
                for i in range(VISITORS)]

    async def one(v: Visitor, delay: float) -> None:
        await asyncio.sleep(delay)
        await v.walk()
        await v.reload_at_work()

    await asyncio.gather(*(one(v, 0.1 * i) for i, v in enumerate(visitors)))
    return visitors


# --- in Chromium -----------------------------------------------------------------------------


@pytest.mark.browser
def test_the_served_page_asks_nothing_of_other_origins_and_comes_gzipped():
    from browser_support import missing_browser

    missing = missing_browser()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{missing} is missing; .ci/run installs it")
        pytest.skip(f"{missing} not found; CI installs it")
    # In a thread of its own: the browser tests' session-wide Playwright owns this one.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        pool.submit(_look_in_chromium).result(timeout=240)


def _look_in_chromium() -> None:
    from browser_support import PHONE, launch_chromium, open_app
    from playwright.sync_api import sync_playwright

    with served("--no-access-log") as server, sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            context = browser.new_context(**PHONE)
            page = context.new_page()
            requests, responses = [], []
            page.on("request", lambda req: requests.append(req.url))
            page.on("response", lambda res: responses.append(res))
            open_app(page, server.url + "/")
            page.wait_for_selector('[data-testid="stPlotlyChart"]', timeout=60_000)
            origin = urlparse(server.url)
            foreign = [u for u in requests if urlparse(u).scheme in ("http", "https", "ws", "wss")
                       and urlparse(u).netloc != origin.netloc]
            assert not foreign, foreign
            scripts = [res for res in responses if res.url.endswith(".js") and res.status == 200]
            assert scripts
            for res in scripts:
                assert res.header_value("content-encoding") == "gzip", res.url
        finally:
            browser.close()
