"""Draft stores that outlive the process: SQLite for one machine, Redis for several replicas;
and `open_store` / `store_from_env`, which pick a store (these two or memory) from a setting.

Both keep a draft as two parts under the hashed token — its JSON (facts and texts) and the
photo's bytes — and let it expire `ttl` seconds after its last save. Both turn every failure
to reach them into `DraftStoreError`, so the app can say so and keep the visitor's work in
their session. Neither ever unpickles or evaluates what it reads back.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Mapping
from pathlib import Path

from collector_guide.keep.drafts import (
    DEFAULT_TTL_HOURS,
    Clock,
    DraftStore,
    DraftStoreError,
    MemoryStore,
)

_PURGE_EVERY = 60.0  # seconds between sweeps for expired rows


class SqliteStore(DraftStore):
    """One SQLite file (WAL mode), shared safely by the processes of one machine.

    The file holds visitors' photos and notes: it is created readable by its owner only.
    """

    name = "sqlite"

    def __init__(self, path: str | os.PathLike, ttl: float = DEFAULT_TTL_HOURS * 3600, *,
                 clock: Clock = time.time) -> None:
        super().__init__(ttl)
        self.path = Path(path)
        self._clock = clock
        self._lock = threading.Lock()
        self._last_purge = float("-inf")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            os.close(os.open(self.path, os.O_CREAT | os.O_RDWR, 0o600))
            self._db = sqlite3.connect(self.path, timeout=10, check_same_thread=False,
                                       isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA busy_timeout=10000")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS drafts (key TEXT PRIMARY KEY, expires REAL NOT NULL,"
                " meta BLOB NOT NULL, photo BLOB)")
            self._db.execute("CREATE INDEX IF NOT EXISTS drafts_expires ON drafts (expires)")
        except (OSError, sqlite3.Error) as exc:
            raise DraftStoreError(f"the draft store {self.path} cannot be opened: {exc}") from exc

    def _run(self, sql: str, args: tuple = ()) -> list[tuple]:
        try:
            with self._lock:
                return self._db.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise DraftStoreError(f"the draft store {self.path} failed: {exc}") from exc

    def _load(self, key: str) -> tuple[bytes, bytes | None] | None:
        rows = self._run("SELECT meta, photo FROM drafts WHERE key = ? AND expires > ?",
                         (key, self._clock()))
        return (bytes(rows[0][0]), None if rows[0][1] is None else bytes(rows[0][1])) \
            if rows else None

    def _save(self, key: str, meta: bytes, photo: bytes | None) -> None:
        now = self._clock()
        if now - self._last_purge > _PURGE_EVERY:
            self._last_purge = now
            self._run("DELETE FROM drafts WHERE expires <= ?", (now,))
        self._run("INSERT OR REPLACE INTO drafts (key, expires, meta, photo) VALUES (?, ?, ?, ?)",
                  (key, now + self.ttl, meta, photo))

    def _forget(self, key: str) -> None:
        self._run("DELETE FROM drafts WHERE key = ?", (key,))

    def check(self) -> None:
        self._run("SELECT 1")

    def close(self) -> None:
        with self._lock:
            self._db.close()


class RedisStore(DraftStore):
    """A Redis server shared by every replica; Redis itself expires the drafts.

    Each draft is one hash (`meta`, `photo`) under `cg:draft:<sha256 of the token>`, written
    with its expiry in one transaction. Timeouts are short: a visitor never waits long for a
    store that is down, they are told their photo is kept on this page only.
    """

    name = "redis"
    PREFIX = "cg:draft:"

    def __init__(self, url: str, ttl: float = DEFAULT_TTL_HOURS * 3600) -> None:
        super().__init__(ttl)
        try:
            import redis
        except ImportError as exc:  # pragma: no cover - redis is a dependency
            raise DraftStoreError("the redis package is not installed") from exc
        self._errors = (redis.RedisError, OSError)
        self._redis = redis.Redis.from_url(url, socket_timeout=3, socket_connect_timeout=3,
                                           health_check_interval=30, retry_on_timeout=True)

    def _call(self, fn, *args):
        try:
            return fn(*args)
        except self._errors as exc:
            raise DraftStoreError(f"the Redis draft store cannot be reached: {exc}") from exc

    def _load(self, key: str) -> tuple[bytes, bytes | None] | None:
        meta, photo = self._call(self._redis.hmget, self.PREFIX + key, ["meta", "photo"])
        if meta is None:
            return None
        return meta, photo or None

    def _save(self, key: str, meta: bytes, photo: bytes | None) -> None:
        name = self.PREFIX + key

        def write() -> None:
            pipe = self._redis.pipeline(transaction=True)
            pipe.delete(name)
            pipe.hset(name, mapping={"meta": meta, "photo": photo or b""})
            pipe.pexpire(name, max(1, int(self.ttl * 1000)))
            pipe.execute()

        self._call(write)

    def _forget(self, key: str) -> None:
        self._call(self._redis.delete, self.PREFIX + key)

    def check(self) -> None:
        self._call(self._redis.ping)

    def close(self) -> None:
        self._redis.close()


def open_store(spec: str | None, ttl_hours: float = DEFAULT_TTL_HOURS) -> DraftStore:
    """The store a setting names: `memory` (or empty), `sqlite:///path/to/drafts.db` (or
    `sqlite:relative/path.db`), or a Redis URL (`redis://host:6379/0`, `rediss://…`,
    `unix:///path/to/redis.sock`). Raises ValueError, in words, for anything else."""
    spec = (spec or "memory").strip()
    if not ttl_hours > 0:
        raise ValueError(f"a draft's lifetime must be a positive number of hours, not {ttl_hours}")
    ttl = ttl_hours * 3600
    if spec == "memory":
        return MemoryStore(ttl)
    if spec.startswith("sqlite:"):
        path = spec.removeprefix("sqlite:")
        path = path.removeprefix("//") if path.startswith("///") else path
        if not path:
            raise ValueError("a SQLite draft store needs a file: sqlite:///var/lib/cg/drafts.db")
        return SqliteStore(path, ttl)
    if spec.startswith(("redis://", "rediss://", "unix://")):
        return RedisStore(spec, ttl)
    raise ValueError(f"unknown draft store {spec[:60]!r}: use memory, sqlite:///path/to/file.db "
                     "or redis://host:6379/0")


def store_from_env(environ: Mapping[str, str]) -> DraftStore:
    """The store named by COLLECTOR_GUIDE_DRAFTS, with COLLECTOR_GUIDE_DRAFT_HOURS' lifetime."""
    hours = environ.get("COLLECTOR_GUIDE_DRAFT_HOURS", "").strip()
    try:
        ttl_hours = float(hours) if hours else DEFAULT_TTL_HOURS
    except ValueError:
        raise ValueError(
            f"COLLECTOR_GUIDE_DRAFT_HOURS must be a number of hours, not {hours!r}") from None
    return open_store(environ.get("COLLECTOR_GUIDE_DRAFTS"), ttl_hours)
