"""The draft store: what a reading's URL cannot carry, kept on the server under a token.

The URL holds the answers and the short details (see `urlstate`). What does not fit there —
the photo's display copy, what its file says about its making, texts longer than a link can
hold — is kept here under an unguessable token that travels in the URL as one more parameter.
So a reload, a server restart (SQLite, Redis) or a failover to another replica (Redis) brings
it back; "Forget this reading" deletes it; otherwise it expires a fixed time after its last
change. Three backends share one small interface: `MemoryStore` (the default; nothing touches
the disk), `SqliteStore` (one machine, survives restarts), `RedisStore` (several replicas).

The store is keyed by a hash of the token, never the token itself: whoever reads the store's
contents (a Redis dump, an SQLite file) cannot turn them into working links. Nothing here
imports Streamlit or the photo layer: a draft is bytes and JSON, the UI gives it meaning.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

DEFAULT_TTL_HOURS = 12.0
TOKEN_BYTES = 24  # 192 random bits: 32 URL-safe characters
MAX_PHOTO_BYTES = 4 * 1024 * 1024  # a display copy is far smaller; refuse anything larger
MAX_META_BYTES = 512 * 1024  # facts and texts as JSON
MAX_TEXTS = 16
_TOKEN = re.compile("[A-Za-z0-9_-]{" + str(len(secrets.token_urlsafe(TOKEN_BYTES))) + "}")
_VERSION = 1

Clock = Callable[[], float]


class DraftStoreError(RuntimeError):
    """The store could not be reached, or could not keep this draft (the words say which)."""


@dataclass(frozen=True)
class Draft:
    """What one reading keeps on the server.

    `photo` is the display copy (JPEG bytes); `facts` is JSON-ready data about it (the photo
    layer's findings and notes); `texts` are the work's texts the URL had to leave out.
    """

    photo: bytes | None = None
    facts: Mapping[str, Any] = field(default_factory=dict)
    texts: Mapping[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not self.photo and not self.facts and not self.texts

    def meta(self) -> bytes:
        """Facts and texts as compact JSON (the photo travels beside it, as raw bytes)."""
        return json.dumps({"v": _VERSION, "facts": dict(self.facts), "texts": dict(self.texts)},
                          ensure_ascii=False, separators=(",", ":")).encode()

    @classmethod
    def from_parts(cls, meta: bytes, photo: bytes | None) -> Draft:
        """The inverse of `meta()` plus the photo; raises ValueError on anything else."""
        try:
            data = json.loads(meta)
        except (ValueError, UnicodeDecodeError) as exc:
            raise ValueError(f"not a draft: {exc}") from None
        if not isinstance(data, dict) or data.get("v") != _VERSION:
            raise ValueError("not a draft of this version")
        facts, texts = data.get("facts"), data.get("texts")
        if not isinstance(facts, dict) or not isinstance(texts, dict):
            raise ValueError("not a draft: facts and texts must be tables")
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in texts.items()):
            raise ValueError("not a draft: texts must be strings")
        return cls(photo or None, facts, texts)


def new_token() -> str:
    """A fresh token: random, URL-safe, not derived from anything a visitor or a clock gives."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def valid_token(text: object) -> bool:
    """Whether `text` has the form of a token (so nothing else ever reaches a backend)."""
    return isinstance(text, str) and _TOKEN.fullmatch(text) is not None


def _key(token: str) -> str:
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def _check_size(meta: bytes, photo: bytes | None, texts: Mapping[str, str]) -> None:
    if len(meta) > MAX_META_BYTES or len(texts) > MAX_TEXTS:
        raise DraftStoreError("the texts and findings are too large to keep")
    if photo is not None and len(photo) > MAX_PHOTO_BYTES:
        raise DraftStoreError("the photo is too large to keep")


class DraftStore(ABC):
    """Load, save and forget drafts by token; every draft expires `ttl` seconds after saving.

    Backends implement `_load`, `_save` and `_forget` on hashed keys and raise
    `DraftStoreError` when they cannot be reached. A token of the wrong form is never looked
    up: `load` returns None, `save` refuses it, `forget` ignores it.
    """

    name = "draft store"

    def __init__(self, ttl: float = DEFAULT_TTL_HOURS * 3600) -> None:
        if not ttl > 0:
            raise ValueError("a draft's lifetime must be positive")
        self.ttl = float(ttl)

    def load(self, token: str) -> Draft | None:
        if not valid_token(token):
            return None
        found = self._load(_key(token))
        if found is None:
            return None
        try:
            return Draft.from_parts(*found)
        except ValueError:
            return None  # written by something else; treat as gone rather than crash

    def save(self, token: str, draft: Draft) -> None:
        """Keep `draft` under `token` for `ttl` seconds from now (an empty draft is forgotten)."""
        if not valid_token(token):
            raise ValueError("not a draft token")
        if draft.empty:
            self.forget(token)
            return
        meta = draft.meta()
        _check_size(meta, draft.photo, draft.texts)
        self._save(_key(token), meta, draft.photo)

    def forget(self, token: str) -> None:
        if valid_token(token):
            self._forget(_key(token))

    def check(self) -> None:
        """Raise DraftStoreError if the store cannot be used right now (for health checks)."""
        return None

    def close(self) -> None:
        """Release connections; the store must not be used afterwards."""
        return None

    @abstractmethod
    def _load(self, key: str) -> tuple[bytes, bytes | None] | None: ...

    @abstractmethod
    def _save(self, key: str, meta: bytes, photo: bytes | None) -> None: ...

    @abstractmethod
    def _forget(self, key: str) -> None: ...


class MemoryStore(DraftStore):
    """Drafts in this process's memory: the default, and nothing ever touches the disk.

    A restart forgets everything, and replicas do not share it. `max_bytes` bounds the whole
    store; when it is full, the drafts closest to expiring make room first.
    """

    name = "memory"

    def __init__(self, ttl: float = DEFAULT_TTL_HOURS * 3600, *,
                 max_bytes: int = 256 * 1024 * 1024, clock: Clock = time.monotonic) -> None:
        super().__init__(ttl)
        self.max_bytes = max_bytes
        self._clock = clock
        self._lock = threading.Lock()
        self._items: dict[str, tuple[float, bytes, bytes | None]] = {}
        self._bytes = 0

    def _load(self, key: str) -> tuple[bytes, bytes | None] | None:
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            if item[0] <= self._clock():
                self._drop(key)
                return None
            return item[1], item[2]

    def _save(self, key: str, meta: bytes, photo: bytes | None) -> None:
        size = len(meta) + len(photo or b"")
        with self._lock:
            self._drop(key)
            now = self._clock()
            for old in [k for k, v in self._items.items() if v[0] <= now]:
                self._drop(old)
            for old in sorted(self._items, key=lambda k: self._items[k][0]):
                if self._bytes + size <= self.max_bytes:
                    break
                self._drop(old)
            self._items[key] = (now + self.ttl, meta, photo)
            self._bytes += size

    def _forget(self, key: str) -> None:
        with self._lock:
            self._drop(key)

    def _drop(self, key: str) -> None:
        item = self._items.pop(key, None)
        if item is not None:
            self._bytes -= len(item[1]) + len(item[2] or b"")

    def __len__(self) -> int:
        return len(self._items)
