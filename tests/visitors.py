"""Simulated visitors that speak Streamlit's own protocol, as a phone's browser does.

A visitor GETs the page (and so the proxy's and Streamlit's cookies), opens the WebSocket
`/_stcore/stream` (subprotocol `streamlit`, then the XSRF token, then — on a reconnect — the
last session id), sends `BackMsg.rerun_script` with the query string and every widget's state,
and reads `ForwardMsg`s until `script_finished`. It walks start → the work → every section →
the reading, answering at random what the rubric shows, thinking between taps. When its
connection drops (a replica died) it reconnects like the browser does, and checks that the
server gave back the same answers (the URL) and, on a reload at the work step, its photo and
notes. Everything it could see as a visitor that is wrong is counted as an error.

Shared by benchmarks/load.py and the serving tests; question ids come from the loaded rubric.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import http.cookiejar
import io
import random
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlencode, urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ContextInfo
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus

from collector_guide.assess.scoring import shown_questions
from collector_guide.rubric import NOT_SURE, Rubric
from collector_guide.ui.screens import result_step, screen_at  # which questions share a screen

DONE = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR)
WIDGETS = ("radio", "button_group", "button", "text_input", "text_area", "file_uploader",
           "toggle", "checkbox", "selectbox", "download_button", "camera_input")


def run_async(coro, timeout: float):
    """Run a coroutine to its end in a thread of its own (this thread may already run a loop:
    Playwright's sync API leaves one behind)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result(timeout=timeout)


class Lost(Exception):
    """The connection is gone: reconnect and carry on."""


def user_key(widget_id: str) -> str | None:
    key = widget_id.split("-", 2)[-1]  # `$$ID-<hash>-<user key>`
    return None if key == "None" else key


@dataclass
class Page:
    """What one script run drew: its elements by delta path, and the address it wrote."""

    elements: list = field(default_factory=list)
    query: str = ""

    def widgets(self) -> dict[str, tuple[str, object]]:
        found = {}
        for el in self.elements:
            kind = el.WhichOneof("type")
            if kind in WIDGETS:
                proto = getattr(el, kind)
                key = user_key(proto.id)
                if key:
                    found[key] = (kind, proto)
        return found

    def param(self, name: str) -> str | None:
        return dict(parse_qsl(self.query)).get(name)

    def images(self) -> list[str]:
        return [img.url for el in self.elements if el.WhichOneof("type") == "imgs"
                for img in el.imgs.imgs]

    def problems(self, error_words: tuple[str, ...]) -> list[str]:
        out = []
        for el in self.elements:
            kind = el.WhichOneof("type")
            if kind == "exception":
                out.append(f"exception shown: {el.exception.type}: {el.exception.message[:80]}")
            elif kind == "alert" and el.alert.format == el.alert.ERROR and any(
                    w in el.alert.body for w in error_words):
                out.append(f"error shown: {el.alert.body[:80]}")
        return out


def value_of(kind: str, proto) -> object:
    """A text widget's value as drawn (a default unless the server set a new value)."""
    if kind in ("text_input", "text_area"):
        return proto.value if proto.set_value else proto.default
    return None


class Connection:
    """One WebSocket to `/_stcore/stream` and the HTTP calls that go with it (with cookies)."""

    def __init__(self, base: str, jar: http.cookiejar.CookieJar, timeout: float) -> None:
        self.base = base.rstrip("/")
        self.jar = jar
        self.timeout = timeout
        self.http = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        self.ws = None
        self.session_id: str | None = None
        self.page_hash = ""

    def _cookie(self, name: str) -> str | None:
        return next((c.value for c in self.jar if c.name == name), None)

    def get(self, path: str, *, data: bytes | None = None, method: str = "GET",
            headers: dict | None = None) -> tuple[int, bytes]:
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Accept-Encoding": "gzip", **(headers or {})})
        try:
            with self.http.open(request, timeout=self.timeout) as response:
                body = response.read()
                if response.headers.get("Content-Encoding") == "gzip":
                    body = gzip.decompress(body)
                return response.status, body
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read()

    async def aget(self, path: str, **kw) -> tuple[int, bytes]:
        return await asyncio.to_thread(self.get, path, **kw)

    async def open(self, reconnect: bool = False) -> None:
        protocols = ["streamlit", self._cookie("_streamlit_xsrf") or "x"]
        if reconnect and self.session_id:
            protocols.append(self.session_id)
        cookies = "; ".join(f"{c.name}={c.value}" for c in self.jar)
        ws_url = "ws" + self.base[4:] + "/_stcore/stream"
        self.ws = await connect(ws_url, subprotocols=protocols, max_size=None,
                                additional_headers={"Cookie": cookies} if cookies else None,
                                origin=self.base, open_timeout=self.timeout, ping_interval=None)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
            self.ws = None

    async def _send(self, msg: BackMsg) -> None:
        try:
            await self.ws.send(msg.SerializeToString())
        except (ConnectionClosed, OSError, AttributeError) as exc:
            raise Lost(str(exc)) from None

    async def _receive(self, deadline: float) -> ForwardMsg:
        try:
            data = await asyncio.wait_for(self.ws.recv(), max(0.01, deadline - time.monotonic()))
        except (ConnectionClosed, OSError) as exc:
            raise Lost(str(exc)) from None
        msg = ForwardMsg()
        msg.ParseFromString(data)
        return msg

    async def run(self, query: str, states: list[WidgetState]) -> Page:
        """One rerun: send the client state, read until the script has finished."""
        back = BackMsg()
        cs = back.rerun_script
        cs.query_string = query
        cs.page_script_hash = self.page_hash
        cs.widget_states.widgets.extend(states)
        cs.context_info.CopyFrom(ContextInfo(timezone="UTC", locale="en-GB"))
        await self._send(back)
        page = Page(query=query)
        by_path: dict[tuple, object] = {}
        deadline = time.monotonic() + self.timeout
        while True:
            msg = await self._receive(deadline)
            kind = msg.WhichOneof("type")
            if kind == "new_session":
                by_path = {}
                self.session_id = msg.new_session.initialize.session_id or self.session_id
                self.page_hash = msg.new_session.page_script_hash or self.page_hash
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                by_path[tuple(msg.metadata.delta_path)] = msg.delta.new_element
            elif kind == "page_info_changed":
                page.query = msg.page_info_changed.query_string
            elif kind == "script_finished" and msg.script_finished in DONE:
                page.elements = [by_path[k] for k in sorted(by_path)]
                if msg.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    page.elements.append(_compile_error())
                return page
            elif kind == "session_event" and msg.session_event.HasField(
                    "script_compilation_exception"):
                pass  # reported with the compile error above

    async def upload_urls(self, name: str) -> tuple[str, str]:
        """Ask the server where to PUT a file (as the browser does before an upload)."""
        back = BackMsg()
        request_id = uuid.uuid4().hex
        back.file_urls_request.request_id = request_id
        back.file_urls_request.file_names.append(name)
        back.file_urls_request.session_id = self.session_id or ""
        await self._send(back)
        deadline = time.monotonic() + self.timeout
        while True:
            msg = await self._receive(deadline)
            if msg.WhichOneof("type") == "file_urls_response" and \
                    msg.file_urls_response.response_id == request_id:
                if msg.file_urls_response.error_msg:
                    raise RuntimeError(msg.file_urls_response.error_msg)
                urls = msg.file_urls_response.file_urls[0]
                return urls.file_id, urls.upload_url

    async def put_file(self, upload_url: str, name: str, data: bytes, kind: str) -> int:
        boundary = uuid.uuid4().hex
        body = io.BytesIO()
        body.write(f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
                   f"filename=\"{name}\"\r\nContent-Type: {kind}\r\n\r\n".encode())
        body.write(data)
        body.write(f"\r\n--{boundary}--\r\n".encode())
        path = urlsplit(upload_url).path if upload_url.startswith("http") else upload_url
        status, _ = await self.aget(path, data=body.getvalue(), method="PUT", headers={
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "X-Xsrftoken": self._cookie("_streamlit_xsrf") or ""})
        return status


def _compile_error():
    from streamlit.proto.Element_pb2 import Element

    el = Element()
    el.exception.type = "CompileError"
    return el


# --- a visitor's walk --------------------------------------------------------------------------


@dataclass
class Plan:
    """What one visitor will do: their answers are drawn as the questions appear."""

    seed: int
    title: str
    notes: str = ""
    photo: bytes | None = None
    think: tuple[float, float] = (1.0, 3.0)


@dataclass
class Tally:
    first_screen: float | None = None
    interactions: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    reconnects: int = 0
    finished: bool = False
    checked: bool = False  # a reload at the work step showed the photo and the notes
    query: str = ""
    ports: set = field(default_factory=set)


class Visitor:
    def __init__(self, base: str, rubric: Rubric, plan: Plan, *, error_words: tuple[str, ...],
                 timeout: float = 60.0, reconnect_for: float = 60.0) -> None:
        self.rubric = rubric
        self.plan = plan
        self.rng = random.Random(plan.seed)
        self.conn = Connection(base, http.cookiejar.CookieJar(), timeout)
        self.error_words = error_words
        self.reconnect_for = reconnect_for
        self.tally = Tally()
        self.states: dict[str, WidgetState] = {}  # by widget id, as the browser keeps them
        self.page = Page()
        self.desired: dict[str, object] = {}  # question id → option id(s)
        self.uploaded = False
        self.seen_photo = None  # the photo as the server showed it after a reload

    # -- the protocol, as the browser uses it --------------------------------------------------

    async def arrive(self) -> None:
        start = time.perf_counter()
        for path in ("/", "/_stcore/health", "/_stcore/host-config"):
            status, _ = await self.conn.aget(path)
            if status != 200:
                raise RuntimeError(f"GET {path}: HTTP {status}")
        await self.conn.open()
        self.page = await self.conn.run("", [])
        self.tally.first_screen = time.perf_counter() - start
        self._after(self.page)

    def _after(self, page: Page) -> None:
        self.tally.errors += page.problems(self.error_words)
        self.tally.query = page.query
        present = {proto.id for _, proto in page.widgets().values()}
        self.states = {i: s for i, s in self.states.items() if i in present}

    async def _reconnect(self) -> None:
        """Like the browser: reconnect (with backoff), then rerun with the URL and widgets."""
        before = self.page.query
        deadline = time.monotonic() + self.reconnect_for
        delay = 0.2
        while True:
            with contextlib.suppress(Exception):  # a dead socket may fail to close: it is gone
                await self.conn.close()
            try:
                await self.conn.open(reconnect=True)
                page = await self.conn.run(before, list(self.states.values()))
                break
            except (Lost, OSError, InvalidHandshake, InvalidStatus, asyncio.TimeoutError):
                if time.monotonic() > deadline:
                    raise RuntimeError("could not reconnect") from None
                await asyncio.sleep(delay)
                delay = min(2.0, delay * 2)
        self.tally.reconnects += 1
        for name in ("a", "w", "d", "s"):
            if dict(parse_qsl(before)).get(name) != page.param(name):
                self.tally.errors.append(f"after reconnecting, '{name}' changed: "
                                         f"{dict(parse_qsl(before)).get(name)!r} → "
                                         f"{page.param(name)!r}")
        self.page = page
        self._after(page)

    async def act(self, *changes: WidgetState) -> Page:
        """Change widgets (a tap, a typed field) and wait for the rerun to finish."""
        states = dict(self.states)
        for change in changes:
            if not change.HasField("trigger_value"):
                self.states[change.id] = change
            states[change.id] = change
        start = time.perf_counter()
        try:
            page = await self.conn.run(self.page.query, list(states.values()))
        except Lost:
            await self._reconnect()
            return self.page  # the walk looks again at what the page now shows
        self.tally.interactions.append(time.perf_counter() - start)
        self.page = page
        self._after(page)
        return page

    async def think(self) -> None:
        await asyncio.sleep(self.rng.uniform(*self.plan.think))

    # -- the walk ------------------------------------------------------------------------------

    def step(self) -> int:
        try:
            return int(self.page.param("s") or 0)
        except ValueError:
            return -1

    def _tap(self, key: str) -> WidgetState | None:
        found = self.page.widgets().get(key)
        if not found:
            return None
        return WidgetState(id=found[1].id, trigger_value=True)

    def _next(self, step: int) -> WidgetState | None:
        tap = self._tap(f"next_{step}")
        if tap is None:  # another screen layout: the one primary button moves on
            for kind, proto in self.page.widgets().values():
                if kind == "button" and proto.type == "primary":
                    return WidgetState(id=proto.id, trigger_value=True)
        return tap

    async def walk(self) -> Tally:
        try:
            await self.arrive()
            result = result_step(self.rubric)
            for _ in range(4 * len(self.rubric.questions) + 40):  # bounded, whatever happens
                step = self.step()
                if step >= result:
                    self.tally.finished = True
                    break
                await self.think()
                if step <= 0:
                    tap = self._tap("start_new")
                    if tap is None:
                        raise RuntimeError("no start button on the first screen")
                    await self.act(tap)
                elif step == 1:
                    await self._work_step()
                else:
                    await self._section_step(step)
            else:
                self.tally.errors.append(f"did not reach the reading (stuck at step {step})")
        except Exception as exc:  # everything a visitor would notice is an error of the run
            self.tally.errors.append(f"{type(exc).__name__}: {exc}"[:200])
        return self.tally

    async def _work_step(self) -> None:
        widgets = self.page.widgets()
        wanted = {"work:title": self.plan.title, "work:notes": self.plan.notes}
        for key, text in wanted.items():
            if not text or key not in widgets:
                continue
            typed = WidgetState(id=widgets[key][1].id, string_value=text)
            # Typed already (the browser remembers what it sent), or drawn with it (restored).
            if typed not in self.states.values() and value_of(*widgets[key]) != text:
                await self.act(typed)
                return
        if self.plan.photo and not self.uploaded and "photo_upload" in widgets \
                and not self.page.images():
            await self._upload(widgets["photo_upload"][1].id)
            return
        tap = self._next(1)
        if tap is None:
            raise RuntimeError("no way on from the work screen")
        await self.act(tap)

    async def _upload(self, widget_id: str) -> None:
        name = f"photo-{self.plan.seed}.jpg"
        try:
            file_id, url = await self.conn.upload_urls(name)
            status = await self.conn.put_file(url, name, self.plan.photo, "image/jpeg")
        except Lost:
            await self._reconnect()
            return
        if status != 204:
            raise RuntimeError(f"the photo upload failed: HTTP {status}")
        state = WidgetState(id=widget_id)
        info = state.file_uploader_state_value.uploaded_file_info.add()
        info.name, info.size, info.file_id = name, len(self.plan.photo), file_id
        info.file_urls.file_id, info.file_urls.upload_url = file_id, url
        page = await self.act(state)
        if page.images():
            self.uploaded = True

    async def _section_step(self, step: int) -> None:
        r = self.rubric
        screen = screen_at(r, step)
        on_screen = screen.questions if screen else [q.id for q in r.questions]
        widgets = self.page.widgets()
        shown = shown_questions(r, self.desired)
        for q in (r.question(qid) for qid in on_screen):
            key = f"q:{r.id}:{q.id}"
            if q.id not in shown or key not in widgets:
                continue
            if q.id not in self.desired:
                self.desired[q.id] = self._choose(q)
            kind, proto = widgets[key]
            labels = {o.id: o.label for o in q.options} | {NOT_SURE: r.labels.not_sure}
            want = self.desired[q.id]
            if kind == "radio":
                state = WidgetState(id=proto.id, string_value=labels[want])
                if state not in self.states.values():
                    await self.act(state)
                    return
            else:
                state = WidgetState(id=proto.id)
                state.string_array_value.data.extend(labels[w] for w in want)
                if state not in self.states.values():
                    await self.act(state)
                    return
        tap = self._next(step)
        if tap is None:
            raise RuntimeError(f"no way on from step {step}")
        await self.act(tap)

    def _choose(self, q) -> object:
        ids = [o.id for o in q.options]
        if q.kind == "multiple":
            if self.rng.random() < 0.1:
                return [NOT_SURE]
            picked = self.rng.sample(ids, self.rng.randint(1, min(3, len(ids))))
            # An exclusive option ("none of these") stands alone, as the guide keeps it.
            alone = [o.id for o in q.options if getattr(o, "exclusive", False) and o.id in picked]
            return alone[:1] if alone else picked
        return self.rng.choice([*ids, NOT_SURE])

    # -- the check after a reload ----------------------------------------------------------

    async def reload_at_work(self) -> None:
        """Open this visitor's link at the work step in a new session (a reload): the photo
        and the notes must be there, and the photo must load from the same address."""
        params = dict(parse_qsl(self.tally.query))
        params["s"] = "1"
        try:
            await self.conn.close()
            await self.conn.open()
            page = await self.conn.run(urlencode(params), [])
        except (Lost, OSError, InvalidHandshake, asyncio.TimeoutError) as exc:
            self.tally.errors.append(f"reload failed: {exc}"[:200])
            return
        self.tally.errors += page.problems(self.error_words)
        widgets = page.widgets()
        if self.plan.notes and value_of(*widgets.get("work:notes", ("", None))) != \
                self.plan.notes:
            self.tally.errors.append("after a reload, the notes were gone")
        if self.plan.photo:
            images = page.images()
            if not images:
                self.tally.errors.append("after a reload, the photo was gone")
            else:
                status, body = await self.conn.aget("/" + images[0].lstrip("/"))
                if status != 200 or not body.startswith(b"\xff\xd8"):
                    self.tally.errors.append(f"after a reload, the photo did not load ({status})")
                else:
                    from PIL import Image

                    self.seen_photo = Image.open(io.BytesIO(body)).convert("RGB")
        self.tally.checked = True
        await self.conn.close()
