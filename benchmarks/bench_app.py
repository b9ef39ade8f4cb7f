"""How much the app costs per tap, measured against a bare Streamlit page.

    python benchmarks/bench_app.py [--quick]

Two parts, in one run:

1. Server side (streamlit.testing.v1.AppTest): the median time of one script run for a question
   step where one radio changes, and for the result page, each divided by the same measurement
   on a bare script (AppTest.from_string) that has the same widgets (same kinds, labels and
   options) and nothing else: no charts, no text, no CSS. App and baseline runs alternate, so
   drift on a busy machine hits both alike. Each is timed by the wall clock and by this
   process's CPU time, which other programs on a shared machine disturb far less.
2. In Chromium (headless, phone viewport): tap → settled over 20 taps on a radio, median and
   p95, timed in the page (pointerdown → the first animation frame where the script is not
   running and the URL holds the new answer) and around the Playwright calls.

Machines here are noisy: only ratios from the same run mean anything. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import logging
import math
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # browser_support: the tests' server and browser helpers

from browser_support import (  # noqa: E402
    PHONE,
    install_tap_clock,
    key_selector,
    launch_chromium,
    missing_browser,
    open_app,
    streamlit_server,
    wait_settled,
)
from streamlit.testing.v1 import AppTest  # noqa: E402

from collector_guide import load_rubric, load_work  # noqa: E402
from collector_guide.keep.urlstate import encode, encode_answers  # noqa: E402
from collector_guide.rubric import Rubric  # noqa: E402
from collector_guide.ui import screens  # noqa: E402

RUBRIC = ROOT / "rubrics" / "assisted-vs-generated.toml"
SAMPLE = ROOT / "sample_works" / "tidewater-ledger-7.toml"
STEP = 2  # the first section: its questions (radios) and what the census finds
WIDGETS = ("radio", "button_group", "button", "download_button", "text_input", "text_area",
           "toggle", "selectbox", "checkbox")
TIMEOUT = 60  # seconds for one AppTest run; generous, since a noisy machine can stall


# --- server side ---------------------------------------------------------------------------------


def app_at(params: dict[str, str]) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    for key, value in params.items():
        at.query_params[key] = value
    at.run()
    if at.exception:
        raise SystemExit(f"the app raised while setting up the benchmark: {at.exception}")
    return at


def census(at: AppTest) -> list[tuple[str, str, list[str]]]:
    """The page's widgets in order: (kind, label, options)."""
    found = []

    def walk(node) -> None:
        kind = getattr(node, "type", None)
        if kind in WIDGETS:
            options = list(getattr(node, "options", None) or [])
            if kind == "button_group":
                options = [o.content for o in node.proto.options]
            label = getattr(node, "label", None) or getattr(node.proto, "label", "") or kind
            found.append((kind, str(label), [str(o) for o in options]))
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            for child in children.values():
                walk(child)

    walk(at._tree)  # AppTest has no public "all widgets" view; the tree is stable across 1.x
    return found


def bare_script(widgets: list[tuple[str, str, list[str]]]) -> str:
    """A Streamlit script with the same widgets and nothing else."""
    lines = ["import streamlit as st"]
    for i, (kind, label, options) in enumerate(widgets):
        key = f"w{i}"
        call = {
            "radio": f"st.radio({label!r}, {options!r}, index=None, key={key!r})",
            "button_group": f"st.pills({label!r}, {options!r}, selection_mode='multi', "
                            f"key={key!r})",
            "button": f"st.button({label!r}, key={key!r})",
            "download_button": f"st.download_button({label!r}, 'data', file_name='{key}.txt', "
                               f"on_click='ignore', key={key!r})",
            "text_input": f"st.text_input({label!r}, key={key!r})",
            "text_area": f"st.text_area({label!r}, key={key!r})",
            "toggle": f"st.toggle({label!r}, key={key!r})",
            "checkbox": f"st.checkbox({label!r}, key={key!r})",
            "selectbox": f"st.selectbox({label!r}, {options!r}, key={key!r})",
        }[kind]
        lines.append(call)
    return "\n".join(lines) + "\n"


def bare_at(widgets) -> AppTest:
    at = AppTest.from_string(bare_script(widgets), default_timeout=TIMEOUT)
    at.run()
    return at


def describe(widgets) -> str:
    counts: dict[str, int] = {}
    for kind, _, _ in widgets:
        name = {"button_group": "pills"}.get(kind, kind)
        counts[name] = counts.get(name, 0) + 1
    return ", ".join(f"{n} {k}" for k, n in counts.items())


def alternate(reps: int, warmup: int, *actions: Callable[[int], None]) -> list[list[tuple]]:
    """Time each action once per round, in turn, for warm-up + reps rounds; keep the reps, each
    as (wall seconds, CPU seconds of this process: the script's thread and AppTest's own)."""
    times: list[list[tuple]] = [[] for _ in actions]
    for i in range(warmup + reps):
        for action, bucket in zip(actions, times, strict=True):
            start, cpu = time.perf_counter(), time.process_time()
            action(i)
            elapsed = (time.perf_counter() - start, time.process_time() - cpu)
            if i >= warmup:
                bucket.append(elapsed)
    return times


def row(name: str, widgets, t_app: list[tuple], t_bare: list[tuple], aim: str) -> tuple:
    """A case: its medians, wall clock then CPU, for the app and the baseline."""
    def med(ts, k):
        return statistics.median(t[k] for t in ts)
    return (name, describe(widgets), med(t_app, 0), med(t_bare, 0), aim,
            med(t_app, 1), med(t_bare, 1))


def server_side(r: Rubric, reps: int, warmup: int) -> list[tuple]:
    rows = []

    # (i)/(ii) a question step: one radio changes between its first two options.
    question = r.questions_in(r.sections[STEP - 2].id)[0]
    first, second = (o.id for o in question.options[:2])
    app = app_at(encode(r, STEP, {question.id: first}, {"title": "Bench"}, []))
    widgets = census(app)
    bare = bare_at(widgets)
    app_key = f"q:{r.id}:{question.id}"
    bare_index = next(i for i, w in enumerate(widgets) if w[0] == "radio")
    bare_options = widgets[bare_index][2]

    def app_tap(i: int) -> None:
        app.radio(key=app_key).set_value(second if i % 2 == 0 else first).run()

    def bare_tap(i: int) -> None:
        bare.radio(key=f"w{bare_index}").set_value(bare_options[1 - i % 2]).run()

    t_app, t_bare = alternate(reps, warmup, app_tap, bare_tap)
    rows.append(row(f"step {STEP}, one radio changed", widgets, t_app, t_bare, "≤ 1.5×"))

    # (iii)/(iv) the result page of a sample work: a plain rerun, then "Add to this visit".
    work = load_work(SAMPLE, r)
    result_step = screens.result_step(r)
    params = encode(r, result_step, work.answers, work.work.model_dump(), [])
    app = app_at(params)
    widgets = census(app)
    bare = bare_at(widgets)
    t_app, t_bare = alternate(reps, warmup, lambda i: app.run(), lambda i: bare.run())
    rows.append(row("result page, rerun", widgets, t_app, t_bare, "≤ 3×"))

    app = app_at(params)
    app.button(key="add_to_visit").click().run()  # the page now shows the visit's widgets too
    widgets = census(app)
    bare = bare_at(widgets)
    bare_button = next(f"w{i}" for i, w in enumerate(widgets) if w[0] == "button")
    t_app, t_bare = alternate(reps, warmup,
                              lambda i: app.button(key="add_to_visit").click().run(),
                              lambda i: bare.button(key=bare_button).click().run())
    rows.append(row("result page, tap “Add to this visit”", widgets, t_app, t_bare, "≤ 3×"))
    return rows


# --- in the browser ------------------------------------------------------------------------------


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]  # nearest rank


def browser_taps(r: Rubric, taps: int, warmup: int) -> tuple[list[float], list[float]] | str:
    missing = missing_browser()
    if missing:
        return f"skipped: {missing} not found"
    from playwright.sync_api import expect, sync_playwright

    question = r.questions_in(r.sections[STEP - 2].id)[0]
    ids = [o.id for o in question.options[:2]]
    answers = {question.id: ids[0]}
    in_page, driver = [], []
    with streamlit_server() as server, sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            context = browser.new_context(**PHONE)
            install_tap_clock(context)
            page = context.new_page()
            url = f"{server.url}/?{urlencode(encode(r, STEP, answers, {'title': 'Bench'}, []))}"
            open_app(page, url, r.sections[STEP - 2].title)
            box = page.locator(key_selector(f"q:{r.id}:{question.id}"))
            options = box.locator('[data-testid="stRadioOption"]')
            radios = box.locator('input[type="radio"]')
            expect(radios.nth(0)).to_be_checked()
            for i in range(warmup + taps):
                index = 1 - i % 2  # alternate between the first two options
                answers[question.id] = ids[index]
                expected = {"a": encode_answers(r, answers)}
                options.nth(index).scroll_into_view_if_needed()
                start = time.perf_counter()
                options.nth(index).tap()
                wait_settled(page, query=expected)
                elapsed = time.perf_counter() - start
                expect(radios.nth(index)).to_be_checked()
                page_ms = page.evaluate("window.__cgSettledAt - window.__cgTapAt")
                if i >= warmup:
                    driver.append(elapsed)
                    in_page.append(page_ms / 1000)
        finally:
            browser.close()
    return in_page, driver


# --- the report ----------------------------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args(argv)
    reps, warmup = (15, 3) if args.quick else (80, 8)
    taps, tap_warmup = 20, 3

    # AppTest's main thread has no script context; Streamlit says so once per test. Harmless.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").addFilter(
        lambda record: "missing ScriptRunContext" not in record.getMessage())
    os.chdir(ROOT)  # the app's .streamlit/config.toml applies to the app and the baseline alike
    r = load_rubric(RUBRIC)
    print(f"Collector Guide benchmark ({'quick' if args.quick else 'full'} run: {reps} timed "
          f"runs per case after {warmup} warm-up, alternating app and baseline)")
    print("Machines here are noisy: only ratios measured in the same run mean anything.\n")

    rows = server_side(r, reps, warmup)
    width = max(len(row[0]) for row in rows)
    print("Server side: one script run, median (AppTest; wall clock from time.perf_counter, and")
    print("this process's CPU from time.process_time, which a busy machine disturbs far less)")
    print(f"  {'case':<{width}}  {'app ms':>7}  {'bare ms':>7}  {'ratio':>6}  "
          f"{'app CPU':>7}  {'bare CPU':>8}  {'ratio':>6}  aim")
    for name, _, app_t, bare_t, aim, app_c, bare_c in rows:
        print(f"  {name:<{width}}  {ms(app_t)}  {ms(bare_t)}  {app_t / bare_t:5.2f}×  "
              f"{ms(app_c)}  {ms(bare_c):>8}  {app_c / bare_c:5.2f}×  {aim}")
    print("  Baseline: a bare script with the same widgets (kinds, labels, options) and nothing")
    print("  else — no charts, text, markdown or CSS. Widgets per case:")
    for name, widgets, *_ in rows:
        print(f"    {name}: {widgets}")

    print(f"\nIn Chromium: tap → settled, {taps} taps on a radio at step {STEP}, phone 390×844")
    measured = browser_taps(r, taps, tap_warmup)
    if isinstance(measured, str):
        print(f"  {measured}")
        return 0
    in_page, driver = measured
    print(f"  {'clock':<58}  {'median':>7}  {'p95':>7}")
    print(f"  {'in page: pointerdown → settled (performance.now())':<58}  "
          f"{ms(statistics.median(in_page))}  {ms(p95(in_page))}  ms")
    print(f"  {'driver: around tap() + wait (time.perf_counter)':<58}  "
          f"{ms(statistics.median(driver))}  {ms(p95(driver))}  ms")
    print("  Settled = script not running and the URL holds the new answer, checked each")
    print("  animation frame; the tapped option is then confirmed checked.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
