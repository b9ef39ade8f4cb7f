"""Drive the real app in headless Chromium: start the server, start the browser, wait for a rerun.

Shared by tests/test_browser.py and benchmarks/bench_app.py. Synchronisation never rests on a
fixed sleep: a page counts as settled when Streamlit reports `notRunning`, the content we expect
is on screen and the URL carries the state that the tap should have produced. The last part
matters because right after a tap the page still shows the previous run's "notRunning" for a
moment, before the rerun even starts.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM_ENV = "COLLECTOR_GUIDE_CHROMIUM"  # points the suite at another browser (or a missing one)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "device_scale_factor": 2,
}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}

SETTLED = '[data-testid="stApp"][data-test-script-state="notRunning"]'
TIMEOUT_MS = 30_000  # any single wait; a cold first page (plotly's 4.6 MB chunk) takes ~8 s here


# --- finding things ------------------------------------------------------------------------------


def find_chromium() -> str | None:
    """The browser to drive: $COLLECTOR_GUIDE_CHROMIUM if set (even if it is missing), else
    Debian's /usr/bin/chromium, else whatever `chromium` is on PATH."""
    override = os.environ.get(CHROMIUM_ENV)
    if override is not None:
        return override if os.access(override, os.X_OK) else None
    if os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium"
    return shutil.which("chromium") or shutil.which("chromium-browser")


def missing_browser() -> str | None:
    """What is missing to run the browser tests, in words, or None when all is there."""
    missing = []
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("the playwright Python package (pip install -e '.[test]')")
    if find_chromium() is None:
        where = os.environ.get(CHROMIUM_ENV) or "/usr/bin/chromium or `chromium` on PATH"
        missing.append(f"a Chromium browser ({where}; Debian package `chromium`)")
    return " and ".join(missing) or None


def key_class(key: str) -> str:
    """The CSS class Streamlit gives a keyed widget's container (`q:a:b` → `st-key-q-a-b`)."""
    return "st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", key.strip())


def key_selector(key: str) -> str:
    return "." + key_class(key)


# --- the server ----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    log_path: Path

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def _healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.read().strip() == b"ok"
    except (urllib.error.URLError, OSError):
        return False


def stop_process(process: subprocess.Popen, grace: float = 10.0) -> None:
    """Terminate, then kill; always reaps the process."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=grace)


@contextmanager
def streamlit_server(app: str = "app.py", *, cwd: Path = ROOT, timeout: float = 60.0,
                     attempts: int = 3) -> Iterator[Server]:
    """Run `streamlit run app` on a free port until the block ends; yields a Server.

    A free port can be taken between choosing it and binding it, so a server that dies while
    starting is retried on another port (up to `attempts` times).
    """
    fd, name = tempfile.mkstemp(prefix="collector-guide-streamlit-", suffix=".log")
    os.close(fd)
    log_path = Path(name)
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    server = None
    try:
        for attempt in range(1, attempts + 1):
            port = free_port()
            cmd = [
                sys.executable, "-m", "streamlit", "run", app,
                "--server.port", str(port),
                "--server.address", "127.0.0.1",
                "--server.headless", "true",
                "--server.fileWatcherType", "none",
                "--browser.gatherUsageStats", "false",
            ]
            with log_path.open("ab") as log:
                process = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                           stdout=log, stderr=subprocess.STDOUT)
            server = Server(f"http://127.0.0.1:{port}", process, log_path)
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline and process.poll() is None:
                if _healthy(server.url):
                    break
                time.sleep(0.2)  # polling interval of a bounded wait, not synchronisation
            if process.poll() is None and _healthy(server.url):
                break
            stop_process(process)
            if attempt == attempts or time.monotonic() >= deadline:
                raise RuntimeError(
                    f"Streamlit did not answer {server.url}/_stcore/health within {timeout:.0f} s "
                    f"(exit code {process.returncode}). Its log:\n{server.log_tail()}"
                )
        yield server
    finally:
        if server is not None:
            stop_process(server.process)
        log_path.unlink(missing_ok=True)


# --- the browser ---------------------------------------------------------------------------------


def launch_chromium(playwright, executable: str | None = None):
    """Debian's Chromium, offline-safe flags. Never `playwright install`: we use the system one."""
    path = executable or find_chromium()
    if path is None:
        raise RuntimeError(f"no Chromium found: {missing_browser()}")
    return playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)


# Records when the last tap or click began, in the page's own clock (performance.now()), so a
# benchmark can time tap→settled without Playwright's round trips. Survives reloads.
TAP_CLOCK = """
(() => {
  window.__cgTapAt = 0;
  document.addEventListener("pointerdown", () => { window.__cgTapAt = performance.now(); },
                            {capture: true});
})();
"""

# Settled: the script is not running, the expected text is on screen, and the URL carries the
# expected state. The app writes its state into the query string at the end of every run, so
# after a tap that changes an answer the new `a` parameter is the surest sign that the rerun
# this tap caused has finished. (Counting "running" → "notRunning" transitions does not work:
# a fast rerun's messages arrive together and React renders only the final state.)
_SETTLED_JS = """
([text, query]) => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute("data-test-script-state") !== "notRunning") return false;
  const params = new URLSearchParams(window.location.search);
  for (const [key, value] of Object.entries(query || {})) {
    if (params.get(key) !== value) return false;
  }
  if (text !== null && !document.body.innerText.includes(text)) return false;
  window.__cgSettledAt = performance.now();
  return true;
}
"""


def install_tap_clock(context) -> None:
    context.add_init_script(TAP_CLOCK)


def wait_settled(page, text: str | None = None, *, query: dict[str, str] | None = None,
                 timeout: float = TIMEOUT_MS) -> None:
    """Wait until the script is not running, `text` is on screen and the URL's query string
    has every key/value of `query` (all three at the same moment)."""
    page.wait_for_selector(SETTLED, timeout=timeout)
    page.wait_for_function(_SETTLED_JS, arg=[text, query], timeout=timeout, polling="raf")


def tap_and_settle(page, locator, text: str | None = None, *,
                   query: dict[str, str] | None = None, timeout: float = TIMEOUT_MS) -> None:
    """Tap something that makes Streamlit rerun, then wait for what that rerun must show.

    Give `text` or `query` that only the rerun can produce (a new heading, the new answers in
    the URL): "notRunning" alone is also true in the moment before the rerun starts.
    """
    if text is None and not query:
        raise ValueError("say what the rerun will show: text=… or query=…")
    locator.tap(timeout=timeout)
    wait_settled(page, text, query=query, timeout=timeout)


def open_app(page, url: str, text: str | None = None, *, timeout: float = TIMEOUT_MS) -> None:
    page.goto(url, timeout=timeout)
    wait_settled(page, text, timeout=timeout)


def content_height(page) -> int:
    """The full height of the app's content; Streamlit scrolls inside stMain, not the page."""
    return page.evaluate(
        """() => {
          const main = document.querySelector('[data-testid="stMain"]');
          const block = document.querySelector('[data-testid="stMainBlockContainer"]');
          return Math.ceil(Math.max(main ? main.scrollHeight : 0,
                                    block ? block.getBoundingClientRect().height : 0));
        }"""
    )


def screenshot_folder(tmp_path_factory, name: str = "screenshots") -> Path:
    """Where a browser test saves its screenshots: docs/screenshots/ when
    COLLECTOR_GUIDE_SCREENSHOTS=1 (to retake the docs' pictures), else a temporary folder, so
    CI and everyday runs keep the checkout clean."""
    if os.environ.get("COLLECTOR_GUIDE_SCREENSHOTS") == "1":
        folder = ROOT / "docs" / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path_factory.mktemp(name)
