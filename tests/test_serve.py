"""`collector-guide serve`: healthy, the front end gzip-compressed (once, and exactly the same
bytes), access logs without query strings or addresses, replicas that come back, and a CLI
whose other commands never load Streamlit."""

from __future__ import annotations

import gzip
import io
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT
from services import healthy, served

from collector_guide.cli import main
from collector_guide.serve.asgi import AccessLog, StaticGzip, loggable_path

pytestmark = pytest.mark.timeout(240)


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, \
                response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read()


@pytest.fixture(scope="module")
def server():
    with served() as s:
        yield s


def bundle(server) -> list[str]:
    """The scripts and styles the page itself names (what every first visit loads)."""
    _, _, page = get(server.url + "/")
    return sorted(set(re.findall(r'(?:src|href)="\.?/?(static/[^"]+\.(?:js|css))"', page.decode())))


def test_it_comes_up_healthy(server):
    assert healthy(server.url)


def test_the_front_end_is_gzipped_and_decompresses_to_the_same_bytes(server):
    paths = ["", *bundle(server)]
    assert any(p.endswith(".js") for p in paths)
    plain_total = packed_total = 0
    for path in paths:
        url = f"{server.url}/{path}"
        status, plain_headers, plain = get(url)
        status_gz, headers, packed = get(url, {"Accept-Encoding": "gzip, deflate, br"})
        assert status == status_gz == 200, path
        assert "content-encoding" not in plain_headers, path
        assert headers["content-encoding"] == "gzip" and "Accept-Encoding" in headers["vary"]
        assert gzip.decompress(packed) == plain, path
        assert int(headers["content-length"]) == len(packed)
        assert "set-cookie" not in headers
        plain_total += len(plain)
        packed_total += len(packed)
    assert packed_total <= 0.4 * plain_total, (packed_total, plain_total)


def test_kept_bytes_revalidate_and_keep_streamlit_cache_headers(server):
    path = next(p for p in bundle(server) if p.endswith(".js"))
    url = f"{server.url}/{path}"
    _, first, body1 = get(url, {"Accept-Encoding": "gzip"})
    _, second, body2 = get(url, {"Accept-Encoding": "gzip"})
    assert body1 == body2 and first["etag"] == second["etag"]
    assert "immutable" in second["cache-control"]
    status, _, body = get(url, {"Accept-Encoding": "gzip", "If-None-Match": second["etag"]})
    assert (status, body) == (304, b"")
    _, page, _ = get(server.url + "/?r=x&a=0.1", {"Accept-Encoding": "gzip"})
    assert page["cache-control"] == "no-cache"  # the page itself is always revalidated


def test_ranges_and_other_paths_pass_through_untouched(server):
    path = next(p for p in bundle(server) if p.endswith(".js"))
    status, headers, body = get(f"{server.url}/{path}",
                                {"Accept-Encoding": "gzip", "Range": "bytes=0-99"})
    assert status == 206 and len(body) == 100 and "content-encoding" not in headers
    status, headers, body = get(server.url + "/_stcore/health", {"Accept-Encoding": "gzip"})
    assert (status, body) == (200, b"ok")


def test_access_log_has_no_query_strings_addresses_or_ids(server):
    secret = "SECRET-ANSWER-7d1f"
    get(f"{server.url}/?r=x&a={secret}&w={secret}", {"Accept-Encoding": "gzip",
                                                     "User-Agent": f"agent-{secret}",
                                                     "Referer": f"http://x/?{secret}"})
    get(f"{server.url}/_stcore/upload_file/session-{secret}/file-{secret}")
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not any("upload_file" in x
                                                   for x in server.access_lines()):
        time.sleep(0.1)  # the log line is written after the response
    lines = server.access_lines()
    assert any(re.search(r" GET / 200 \d+ ", line) for line in lines), lines[-5:]
    assert any("/_stcore/upload_file/..." in line for line in lines)
    text = "\n".join(lines)
    assert secret not in text and "127.0.0.1" not in text and "?" not in text


@pytest.mark.parametrize(("path", "shown"), [
    ("/", "/"), ("", "/"), ("/static/js/a.js", "/static/js/a.js"),
    ("/_stcore/upload_file/abc/def", "/_stcore/upload_file/..."),
    ("/media/5f3a.jpg", "/media/..."), ("/x\n\x1b[31m", "/x??[31m"),
])
def test_loggable_path(path, shown):
    assert loggable_path({"path": path, "query_string": b"a=1"}) == shown


def test_gzip_is_made_once_per_file_however_many_ask_at_once():
    import asyncio

    calls = 0
    body = b"console.log('x');" * 2000

    async def app(scope, receive, send):
        nonlocal calls
        calls += 1
        await asyncio.sleep(0.01)
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"application/javascript"),
                                (b"etag", b'"abc"'), (b"set-cookie", b"x=1")]})
        await send({"type": "http.response.body", "body": body})

    middleware = AccessLog(StaticGzip(app))

    async def one() -> tuple[int, bytes, dict]:
        sent = []

        async def send(message):
            sent.append(message)

        scope = {"type": "http", "method": "GET", "path": "/static/js/a.js",
                 "headers": [(b"accept-encoding", b"gzip")]}
        await middleware(scope, None, send)
        return sent[0]["status"], sent[1]["body"], dict(sent[0]["headers"])

    async def crowd():
        return await asyncio.gather(*(one() for _ in range(30)))

    # In a thread of its own: another test's event loop may still run in this one.
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        results = pool.submit(asyncio.run, crowd()).result(timeout=60)
    assert calls == 1
    for status, packed, headers in results:
        assert status == 200 and gzip.decompress(packed) == body
        assert b"set-cookie" not in headers and headers[b"etag"] == b'"abc-gz"'


# --- the command line ------------------------------------------------------------------------


def test_check_and_read_never_load_streamlit():
    code = ("import sys, io; from collector_guide.cli import main; "
            f"main(['check', {str(ROOT / 'rubrics')!r}], out=io.StringIO(), err=io.StringIO()); "
            "assert 'streamlit' not in sys.modules, 'check loaded streamlit'; "
            "assert 'collector_guide.serve.asgi' not in sys.modules")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(("argv", "env", "message"), [
    (["--replicas", "0"], {}, "--replicas must be a number from 1 to 64"),
    (["--replicas", "many"], {}, "--replicas must be a number"),
    (["--port", "65535", "--replicas", "4"], {}, "leaves no room"),
    ([], {"COLLECTOR_GUIDE_DRAFTS": "postgres://db"}, "unknown draft store"),
    ([], {"COLLECTOR_GUIDE_DRAFT_HOURS": "soon"}, "must be a number of hours"),
])
def test_serve_refuses_bad_settings_in_one_line(monkeypatch, argv, env, message):
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    err = io.StringIO()
    assert main(["serve", *argv], out=io.StringIO(), err=err) == 1
    assert err.getvalue().startswith("Error: ") and message in err.getvalue()


def test_serve_has_help():
    out = io.StringIO()
    with pytest.raises(SystemExit):
        from collector_guide.serve.main import parser

        parser().parse_args(["--help"])
    assert main(["serve", "--help"], out=out, err=io.StringIO()) == 0


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def test_replicas_run_one_process_per_port_and_come_back_when_one_dies():
    with served("--replicas", "2", "--no-access-log") as first:
        second = f"http://127.0.0.1:{first.port + 1}"
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and not healthy(second):
            time.sleep(0.2)
        assert healthy(first.url) and healthy(second)
        children = _children(first.process.pid)
        assert len(children) == 2
        os.kill(children[0], signal.SIGKILL)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            now = _children(first.process.pid)
            if len(now) == 2 and children[0] not in now and healthy(first.url) \
                    and healthy(second):
                break
            time.sleep(0.2)
        else:
            pytest.fail("the killed replica did not come back:\n" + first.log.read_text()[-2000:])
        assert "starting it again" in first.log.read_text()
