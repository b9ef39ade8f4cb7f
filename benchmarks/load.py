"""Load benchmark: simulated visitors walk the whole guide, against a bare page in the same run.

    python benchmarks/load.py                      # both scenarios below, project and bare
    python benchmarks/load.py --quick              # a small validation run (~2 minutes)
    python benchmarks/load.py --scenario one --visitors 150 --ramp 30
    python benchmarks/load.py --help

Each visitor speaks Streamlit's WebSocket protocol (tests/visitors.py): it GETs the page and
its cookies, opens /_stcore/stream, and walks start → the work → every section → the reading,
choosing random answers among what the rubric shows, thinking 1–3 s per screen. Arrivals are
spread over a ramp. Two scenarios:

- one:      one process (`collector-guide serve`), 150 visitors over 30 s;
- replicas: two processes behind Debian's nginx (deploy/nginx.conf) and Redis for drafts,
            600 visitors over 60 s.

Each is run for the project and for a *bare* Streamlit page with the same screens, the same
widgets (kinds, keys, labels, options) and nothing else — no chart, no text, no CSS — served the
same way. Reported per run: p50/p95 of an interaction (a tap or a typed field until the
script has finished), first-screen p50/p95 (from the first GET to the first script_finished),
errors (anything a visitor would have seen go wrong), server CPU per interaction and per first
screen (from /proc, the server processes only; a first screen's CPU is measured by 20
arrivals one at a time, beside one idle visitor, before the crowd comes), and memory per
session (RSS with every visitor still connected, less RSS before they came, per visitor).
The load average is printed with each run. The visitors run on the same machine as the
servers: their own CPU is printed too. Nothing is asserted; on a shared or noisy machine
only ratios from the same run mean much.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the visitors and the services the tests use

from services import nginx, redis_server, served  # noqa: E402
from visitors import Plan, Visitor, run_async  # noqa: E402

from collector_guide.authoring.check import load_rubric  # noqa: E402
from collector_guide.rubric import Rubric  # noqa: E402
from collector_guide.ui.screens import screens  # noqa: E402

RUBRIC = ROOT / "rubrics" / "assisted-vs-generated.toml"
SCENARIOS = {"one": (1, 150, 30.0), "replicas": (2, 600, 60.0)}
CALIBRATION = 20  # first screens, one at a time, to price a first screen's CPU
MAX_VISITORS = 1000


# --- the bare page ---------------------------------------------------------------------------


def bare_script(r: Rubric) -> str:
    """A Streamlit page with the guide's screens and widgets (same keys, labels, options) and
    nothing else. It writes only the step into the URL, so visitors can follow it."""
    lab = r.labels
    lines = [
        "import streamlit as st",
        "ss = st.session_state",
        "ss.setdefault('step', 0)",
        "def go(n):",
        "    ss.step = n",
        "step = ss.step",
    ]

    def nav(step: int) -> list[str]:
        return [f"    st.button({lab.back!r}, key='back_{step}', on_click=go, args=({step - 1},))",
                f"    st.button({lab.next!r}, key='next_{step}', type='primary', on_click=go, "
                f"args=({step + 1},))"]

    lines += ["if step == 0:",
              f"    st.button({lab.start_new!r}, key='start_new', type='primary', on_click=go, "
              "args=(1,))",
              f"    st.selectbox({lab.open_sample!r}, ['a', 'b'], key='sample_pick')",
              f"    st.button({lab.open_sample!r}, key='open_sample')",
              f"    st.file_uploader({lab.open_file!r}, type=['toml'], key='work_upload')",
              "elif step == 1:"]
    for field in ("title", "artist", "year", "medium", "series", "edition"):
        lines.append(f"    st.text_input({getattr(lab, field)!r}, key='work:{field}')")
    lines += [f"    st.text_area({lab.wall_label!r}, key='work:wall_label')",
              f"    st.file_uploader({lab.photo!r}, key='photo_upload')",
              f"    st.toggle({lab.use_camera!r}, key='use_camera')",
              f"    st.text_area({lab.notes!r}, key='work:notes')", *nav(1)]
    for i, screen in enumerate(screens(r)):
        step = i + 2
        lines.append(f"elif step == {step}:")
        for q in (r.question(qid) for qid in screen.questions):
            options = [o.label for o in q.options] + [lab.not_sure]
            key = f"q:{r.id}:{q.id}"
            if q.kind == "multiple":
                lines.append(f"    st.pills({q.prompt!r}, {options!r}, selection_mode='multi', "
                             f"key={key!r})")
            else:
                lines.append(f"    st.radio({q.prompt!r}, {options!r}, index=None, key={key!r})")
        lines += nav(step)
    lines += ["else:"]
    for key in ("dl_md", "dl_toml", "dl_json", "dl_pdf", "dl_txt"):  # the reading's downloads
        lines.append(f"    st.download_button({key!r}, 'x', key={key!r}, on_click='ignore')")
    for name in ("add_to_visit", "forget_reading", "edit_answers", "start_over"):
        lines.append(f"    st.button({getattr(lab, name)!r}, key='{name}')")
    lines.append("st.query_params['s'] = str(ss.step)")
    return "\n".join(lines) + "\n"


# --- servers and their processes ----------------------------------------------------------


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return out


def cpu_seconds(pids: list[int]) -> float:
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, ValueError, IndexError):
            continue
    return total / tick


def rss_bytes(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except (OSError, ValueError):
            continue
    return total


@dataclass
class Target:
    url: str
    pids: list[int]


@contextmanager
def start(kind: str, replicas: int, r: Rubric):
    """The project or the bare page, one process or `replicas` behind nginx."""
    with ExitStack() as stack:
        # The same server for both (`collector-guide serve`), so only the page differs.
        args = ["--no-access-log", "--replicas", str(replicas)]
        env = {"COLLECTOR_GUIDE_LINK_KEY": "benchmark-shared-key-0123456789abcdef"}
        if kind == "bare":
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="cg-bare-")))
            (folder / "bare.py").write_text(bare_script(r))
            shutil.copytree(ROOT / ".streamlit", folder / ".streamlit")
            args += ["--script", str(folder / "bare.py")]
        elif replicas > 1:
            env["COLLECTOR_GUIDE_DRAFTS"] = stack.enter_context(redis_server()).url
        server = stack.enter_context(served(*args, env=env))
        ports = [server.port + i for i in range(replicas)]
        pids = [server.process.pid]
        if replicas > 1:
            _wait_healthy_ports(ports)
            pids += _children(server.process.pid)
        url = f"http://127.0.0.1:{ports[0]}"
        if replicas > 1:
            url = stack.enter_context(nginx(ports)).url
        yield Target(url, pids)


def _wait_healthy_ports(ports: list[int], timeout: float = 90) -> None:
    from services import healthy

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if all(healthy(f"http://127.0.0.1:{p}") for p in ports):
            return
        time.sleep(0.2)
    raise RuntimeError(f"replicas on {ports} did not become healthy")


# --- one measured run ------------------------------------------------------------------------


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, -(-95 * len(ordered) // 100) - 1)] if ordered else float("nan")


@dataclass
class Result:
    label: str
    visitors: int
    interactions: list[float]
    first: list[float]
    errors: int
    error_samples: list[str]
    unfinished: int
    cpu_interaction: float
    cpu_first: float
    mem_session: float
    load: tuple[float, float]
    client_cpu: float
    seconds: float


def photo_bytes(seed: int) -> bytes:
    import io

    from PIL import Image

    im = Image.new("RGB", (1200, 900), (seed % 256, (seed * 7) % 256, 120))
    out = io.BytesIO()
    im.save(out, "JPEG", quality=85)
    return out.getvalue()


async def _crowd(url: str, r: Rubric, n: int, ramp: float, think: tuple[float, float],
                 photos: float, seed: int, target: Target, words) -> tuple[list, int]:
    rng = random.Random(seed)
    visitors = [Visitor(url, r, Plan(seed=seed + i, title=f"Work {i}", notes=f"Seen at {i}",
                                     photo=photo_bytes(i) if rng.random() < photos else None,
                                     think=think), error_words=words, timeout=120)
                for i in range(n)]
    starts = sorted(rng.uniform(0, ramp) for _ in range(n))

    async def one(v: Visitor, at: float):
        await asyncio.sleep(at)
        return await v.walk()

    tallies = await asyncio.gather(*(one(v, t) for v, t in zip(visitors, starts, strict=True)))
    peak = rss_bytes(target.pids)  # every visitor still connected
    for v in visitors:
        await v.conn.close()
    return list(tallies), peak


async def _first_screens(url: str, r: Rubric, count: int, words) -> None:
    # One visitor stays connected throughout, as in any crowd: when a server's last session
    # closes, Streamlit drops its compiled script, and each arrival would pay to compile it.
    anchor = Visitor(url, r, Plan(seed=899_999, title="x"), error_words=words)
    await anchor.arrive()
    for i in range(count):
        v = Visitor(url, r, Plan(seed=900_000 + i, title="x"), error_words=words)
        await v.arrive()
        await v.conn.close()
    await anchor.conn.close()


def measure(label: str, target: Target, r: Rubric, n: int, ramp: float,
            think: tuple[float, float], photos: float, seed: int) -> Result:
    words = (r.labels.screen_error,)
    warm = Visitor(target.url, r, Plan(seed=1, title="warm-up", think=(0.0, 0.01)),
                   error_words=words)

    async def warm_up() -> None:  # imports, caches and the first compression, before timing
        await warm.walk()
        await warm.conn.close()

    run_async(warm_up(), 300)
    before = cpu_seconds(target.pids)
    run_async(_first_screens(target.url, r, CALIBRATION, words), 600)
    cpu_first = (cpu_seconds(target.pids) - before) / CALIBRATION
    time.sleep(2)  # let the calibration sessions' disconnects settle before the baseline
    rss_before = rss_bytes(target.pids)
    cpu_before, client_before = cpu_seconds(target.pids), _self_cpu()
    load_start, started = os.getloadavg()[0], time.monotonic()
    budget = ramp + 60 * think[1] + 600
    tallies, peak = run_async(_crowd(target.url, r, n, ramp, think, photos, seed, target, words),
                              budget)
    seconds = time.monotonic() - started
    cpu = cpu_seconds(target.pids) - cpu_before
    interactions = [t for tally in tallies for t in tally.interactions]
    firsts = [tally.first_screen for tally in tallies if tally.first_screen is not None]
    samples = [e for tally in tallies for e in tally.errors]
    return Result(
        label, n, interactions, firsts, errors=sum(1 for tally in tallies if tally.errors),
        error_samples=samples[:5], unfinished=sum(1 for tally in tallies if not tally.finished),
        cpu_interaction=max(0.0, cpu - n * cpu_first) / max(1, len(interactions)),
        cpu_first=cpu_first, mem_session=max(0, peak - rss_before) / n,
        load=(load_start, os.getloadavg()[0]), client_cpu=_self_cpu() - client_before,
        seconds=seconds)


def _self_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


# --- the bytes of a first visit ---------------------------------------------------------------


def first_visit_bytes() -> list[tuple[str, int, int, int]] | str:
    """Bytes on the wire (bodies as sent, plus headers) for a first visit in Chromium, until
    the start screen's map is drawn, and the same bodies decoded: `streamlit run app.py`, then
    `collector-guide serve` as a browser meets it (gzip) and as one that asks for no
    compression (plain: `Accept-Encoding: identity`)."""
    from browser_support import (
        PHONE,
        launch_chromium,
        missing_browser,
        open_app,
        streamlit_server,
    )

    missing = missing_browser()
    if missing:
        return f"skipped: {missing} not found"
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = launch_chromium(p)
        try:
            for name, server, headers in (
                    ("streamlit run app.py", streamlit_server(), {}),
                    ("collector-guide serve, gzip", served("--no-access-log"), {}),
                    ("collector-guide serve, plain", served("--no-access-log"),
                     {"Accept-Encoding": "identity"})):
                with server as running:
                    context = browser.new_context(**PHONE, extra_http_headers=headers)
                    page = context.new_page()
                    done = []
                    page.on("requestfinished", lambda req, done=done: done.append(req))
                    open_app(page, running.url + "/")
                    page.wait_for_selector('[data-testid="stPlotlyChart"]', timeout=60_000)
                    page.wait_for_load_state("networkidle")
                    wire = decoded = 0
                    for req in done:
                        sizes = req.sizes()
                        body = max(0, sizes["responseBodySize"])
                        wire += body + max(0, sizes["responseHeadersSize"])
                        try:
                            response = req.response()
                            decoded += len(response.body()) if response is not None else body
                        except Exception:  # a body the browser did not keep: count it as sent
                            decoded += body
                    rows.append((name, len(done), wire, decoded))
                    context.close()
        finally:
            browser.close()
    return rows


# --- the report ----------------------------------------------------------------------------


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def table(results: list[Result]) -> str:
    head = ("| run | visitors | interactions | p50 ms | p95 ms | first screen p50 / p95 ms | "
            "errors | CPU ms / interaction | CPU ms / first screen | MB / session | "
            "load avg (start → end) |")
    rows = [head, "|" + "---|" * 11]
    for x in results:
        rows.append(
            f"| {x.label} | {x.visitors} | {len(x.interactions)} | "
            f"{ms(statistics.median(x.interactions)) if x.interactions else '-'} | "
            f"{ms(p95(x.interactions))} | {ms(statistics.median(x.first)) if x.first else '-'} / "
            f"{ms(p95(x.first))} | {x.errors} | {ms(x.cpu_interaction)} | {ms(x.cpu_first)} | "
            f"{x.mem_session / 1e6:.2f} | {x.load[0]:.2f} → {x.load[1]:.2f} |")
    return "\n".join(rows)


def ratios(results: list[Result]) -> list[str]:
    out = []
    by = {x.label: x for x in results}
    for name in {x.label.rsplit(" ", 1)[0] for x in results}:
        project, bare = by.get(f"{name} project"), by.get(f"{name} bare")
        if project and bare and project.interactions and bare.interactions:
            per_tap = project.cpu_interaction / max(1e-9, bare.cpu_interaction)
            out.append(
                f"{name}: p95 {p95(project.interactions) / p95(bare.interactions):.2f}× bare, "
                f"first-screen p95 {p95(project.first) / p95(bare.first):.2f}× bare, "
                f"first-screen CPU {project.cpu_first / max(1e-9, bare.cpu_first):.2f}× bare, "
                f"CPU per interaction {per_tap:.2f}× bare")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter,
                                     epilog=__doc__.split("\n\n", 1)[1])
    parser.add_argument("--scenario", choices=("one", "replicas", "all"), default="all")
    parser.add_argument("--only", choices=("project", "bare", "both"), default="both")
    parser.add_argument("--visitors", type=int, help="visitors per run (default: the scenario's)")
    parser.add_argument("--ramp", type=float, help="seconds over which they arrive")
    parser.add_argument("--think", type=float, nargs=2, default=(1.0, 3.0), metavar=("MIN", "MAX"),
                        help="seconds a visitor thinks before each tap (1 3)")
    parser.add_argument("--photos", type=float, default=0.0,
                        help="share of visitors who upload a photo (0)")
    parser.add_argument("--quick", action="store_true",
                        help="a tenth of the visitors over a third of the ramp: to check it runs")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--no-bytes", action="store_true",
                        help="skip measuring a first visit's bytes in Chromium")
    args = parser.parse_args(argv)
    r = load_rubric(RUBRIC)
    scenarios = list(SCENARIOS) if args.scenario == "all" else [args.scenario]
    kinds = ["project", "bare"] if args.only == "both" else [args.only]
    print(f"Load benchmark on {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} "
          f"at start; think {args.think[0]:g}–{args.think[1]:g} s; photos {args.photos:.0%}")
    results = []
    for name in scenarios:
        replicas, n, ramp = SCENARIOS[name]
        n = args.visitors or (max(5, n // 10) if args.quick else n)
        ramp = args.ramp or (ramp / 3 if args.quick else ramp)
        n = min(n, MAX_VISITORS)
        for kind in kinds:
            label = f"{name} ({replicas} process{'es' if replicas > 1 else ''}) {kind}"
            print(f"… {label}: {n} visitors over {ramp:g} s", flush=True)
            with start(kind, replicas, r) as target:
                result = measure(label, target, r, n, ramp, tuple(args.think), args.photos,
                                 args.seed)
            results.append(result)
            print(f"  done in {result.seconds:.0f} s; visitors' own CPU {result.client_cpu:.0f} s; "
                  f"unfinished {result.unfinished}", flush=True)
            for sample in result.error_samples:
                print(f"  error: {sample}")
    print()
    print(table(results))
    print()
    for line in ratios(results):
        print(line)
    if not args.no_bytes:
        measured = first_visit_bytes()
        print("\nA first visit in Chromium (phone), until the start screen's map is drawn:")
        if isinstance(measured, str):
            print(f"  {measured}")
        else:
            plain = measured[0][2]
            print(f"  {'':<30} requests  on the wire  bodies decoded  wire vs streamlit run")
            for name, count, total, decoded in measured:
                print(f"  {name:<30} {count:8d}  {total / 1e6:8.2f} MB  {decoded / 1e6:11.2f} MB"
                      f"  {total / plain:10.0%}")
    print("\nServer CPU from /proc (server processes only; nginx and Redis not counted). "
          "A first screen's CPU: 20 arrivals one at a time before the crowd. CPU per "
          "interaction: the crowd's server CPU less its first screens, per interaction.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
