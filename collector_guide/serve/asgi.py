"""The app as an ASGI application: Streamlit's `st.App`, with gzip for its front end and an
access log that carries no personal data.

Streamlit serves its front-end bundle (~2.6 MB on a first visit, plotly's chunk ~4.6 MB more)
uncompressed, because compressing it again on every request costs CPU. `StaticGzip` compresses
each static file once per process, the first time it is asked for, and then serves those bytes
to every visitor whose browser accepts gzip. `AccessLog` writes one line per request with the
method, the path without its query string (the query string holds a visitor's answers), the
status, the bytes sent and the time taken; never an address, a cookie, a referrer or an agent.
"""

from __future__ import annotations

import asyncio
import gzip
import logging
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger("collector_guide.access")

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml",
                "application/manifest+json", "font/ttf", "application/wasm")
GZIP_LEVEL = 9  # once per file and process, so the smallest output is worth the CPU
MAX_CACHED_FILE = 16 * 1024 * 1024
MAX_CACHE_BYTES = 64 * 1024 * 1024
_ROOT_PATHS = ("/", "/index.html")
_IDS = [
    (re.compile(r"^/_stcore/upload_file/[^/]+/[^/]+"), "/_stcore/upload_file/..."),
    (re.compile(r"^/media/[^/]+"), "/media/..."),
]


def loggable_path(scope: Scope) -> str:
    """The request's path for a log line: no query string, and no session or file ids."""
    path = scope.get("path", "") or "/"
    for pattern, replacement in _IDS:
        path = pattern.sub(replacement, path)
    return "".join(c if c.isprintable() else "?" for c in path)[:200]


class AccessLog:
    """One line per HTTP request or WebSocket session, without anything that names a visitor."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        status, sent = (0 if scope["type"] == "websocket" else 500), 0

        async def logging_send(message: Message) -> None:
            nonlocal status, sent
            kind = message["type"]
            if kind == "http.response.start":
                status = message["status"]
            elif kind == "http.response.body":
                sent += len(message.get("body", b""))
            elif kind == "websocket.accept":
                status = 101
            elif kind == "websocket.close":
                status = message.get("code", 1000)
            elif kind == "websocket.send":
                sent += len(message.get("bytes") or b"") + len(message.get("text") or "")
            await send(message)

        try:
            await self.app(scope, receive, logging_send)
        finally:
            method = "WS" if scope["type"] == "websocket" else scope.get("method", "?")
            log.info("%s %s %s %d %.1fms", method, loggable_path(scope), status, sent,
                     (time.perf_counter() - start) * 1000)


@dataclass(frozen=True)
class _Compressed:
    headers: list[tuple[bytes, bytes]]
    body: bytes
    etag: bytes | None


class StaticGzip:
    """Serve Streamlit's static files gzip-compressed, compressing each one once per process.

    Only GET requests for `/static/…` and the page itself (`/`, whatever its query
    string) that accept gzip and carry no Range header are touched. The first such request for
    a path goes to Streamlit as usual; its 200 response is compressed (in a worker thread) and
    kept, with Streamlit's own cache headers and never with a cookie. Later requests get the
    kept bytes, or a 304 when the browser already has them.
    """

    def __init__(self, app: ASGIApp, *, level: int = GZIP_LEVEL,
                 max_bytes: int = MAX_CACHE_BYTES) -> None:
        self.app = app
        self.level = level
        self.max_bytes = max_bytes
        self._cache: dict[str, _Compressed] = {}
        self._pending: dict[str, asyncio.Future] = {}
        self._bytes = 0

    @staticmethod
    def _wanted(scope: Scope) -> bool:
        if scope["type"] != "http" or scope.get("method") != "GET":
            return False
        path = scope.get("path", "")
        if not (path in _ROOT_PATHS or path.startswith("/static/")):
            return False
        headers = dict(scope.get("headers") or [])
        return b"gzip" in headers.get(b"accept-encoding", b"") and b"range" not in headers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._wanted(scope):
            await self.app(scope, receive, send)
            return
        path = scope["path"]
        kept = self._cache.get(path)
        if kept is None and path in self._pending:
            await asyncio.shield(self._pending[path])  # one compression per file, not per visitor
            kept = self._cache.get(path)
        if kept is not None:
            await self._send_kept(scope, send, kept)
            return
        await self._fetch_and_compress(scope, receive, send)

    async def _send_kept(self, scope: Scope, send: Send, kept: _Compressed) -> None:
        match = dict(scope.get("headers") or []).get(b"if-none-match")
        if kept.etag and match and kept.etag in [m.strip() for m in match.split(b",")]:
            await send({"type": "http.response.start", "status": 304,
                        "headers": [h for h in kept.headers if h[0] != b"content-length"]
                        + [(b"content-length", b"0")]})
            await send({"type": "http.response.body", "body": b""})
            return
        await send({"type": "http.response.start", "status": 200, "headers": kept.headers})
        await send({"type": "http.response.body", "body": kept.body})

    async def _fetch_and_compress(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope["path"]
        future = asyncio.get_running_loop().create_future()
        self._pending[path] = future
        start: Message | None = None
        chunks: list[bytes] = []
        passthrough = False

        async def collecting_send(message: Message) -> None:
            nonlocal start, passthrough
            if passthrough:
                await send(message)
                return
            if message["type"] == "http.response.start":
                start = message
                if not self._compressible(message):
                    passthrough = True
                    await send(message)
                return
            if message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if sum(map(len, chunks)) > MAX_CACHED_FILE:
                    passthrough = True
                    await send(start)
                    await send({"type": "http.response.body", "body": b"".join(chunks),
                                "more_body": message.get("more_body", False)})
                    return
                if not message.get("more_body", False):
                    await self._compress_and_send(scope, send, start, b"".join(chunks))

        try:
            # Ask for the whole file (not a 304), and as plain bytes (not a file path to send).
            headers = [(k, v) for k, v in scope.get("headers") or []
                       if k not in (b"if-none-match", b"if-modified-since")]
            extensions = {k: v for k, v in (scope.get("extensions") or {}).items()
                          if k not in ("http.response.pathsend", "http.response.zerocopysend")}
            await self.app({**scope, "headers": headers, "extensions": extensions}, receive,
                           collecting_send)
        finally:
            self._pending.pop(path, None)
            future.set_result(None)

    @staticmethod
    def _compressible(start: Message) -> bool:
        if start["status"] != 200:
            return False
        headers = dict(start.get("headers") or [])
        kind = headers.get(b"content-type", b"").decode("latin-1")
        return b"content-encoding" not in headers and kind.startswith(COMPRESSIBLE)

    async def _compress_and_send(self, scope: Scope, send: Send, start: Message,
                                 body: bytes) -> None:
        from anyio import to_thread

        packed = await to_thread.run_sync(lambda: gzip.compress(body, self.level, mtime=0))
        etag = dict(start.get("headers") or []).get(b"etag")
        gz_etag = etag[:-1] + b'-gz"' if etag and etag.endswith(b'"') else None
        headers = [(k, v) for k, v in start.get("headers") or []
                   if k not in (b"content-length", b"set-cookie", b"etag", b"vary",
                                b"accept-ranges")]
        headers += [(b"content-encoding", b"gzip"), (b"vary", b"Accept-Encoding"),
                    (b"content-length", str(len(packed)).encode())]
        if gz_etag:
            headers.append((b"etag", gz_etag))
        kept = _Compressed(headers, packed, gz_etag)
        if self._bytes + len(packed) <= self.max_bytes and scope["path"] not in self._cache:
            self._cache[scope["path"]] = kept
            self._bytes += len(packed)
        await self._send_kept(scope, send, kept)


def script_path() -> Path:
    """The Streamlit entry point, `app.py` beside the package (where the rubrics live too)."""
    return Path(__file__).resolve().parents[2] / "app.py"


def build_app(script: Path | None = None) -> Any:
    """The ASGI application: `st.App` on the app's script, with gzip and the access log."""
    import streamlit as st
    from starlette.middleware import Middleware

    return st.App(str(script or script_path()),
                  middleware=[Middleware(AccessLog), Middleware(StaticGzip)])
