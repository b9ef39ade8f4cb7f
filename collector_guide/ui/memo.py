"""Work done once per content, not once per run: the UI's two small caches.

Streamlit reruns the whole page on every tap, so whatever follows from what has not changed
(the placement, the reading, the figures) is looked up, not redone. Keys are plain hashable
tuples of content, cheap to hash, never a session's id (Streamlit's own cache decorators hash
their arguments with a general hasher: ~1 ms a figure, on every run).

- `shared`: one bounded cache per process, for what follows from rubric text and the shown
  answers alone (placements, figures of the rubric's words): two visitors share an entry only
  when they would have drawn the same thing.
- `session`: this session's own results, for anything that also holds what the visitor typed
  or uploaded (the reading names the work): kept in their session state, so it is never seen
  by another visitor and goes when their session goes.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

import plotly.graph_objects as go
import streamlit as st

T = TypeVar("T")

SHARED_ENTRIES = 1024  # a map and its bars are ~100 kB: tens of MB at most, per process
SESSION_ENTRIES = 8  # per kind: a visitor goes back and forth between a few states
_SESSION_KEY = "cg_memo"

_lock = threading.Lock()
_shared: OrderedDict[tuple, object] = OrderedDict()


def _hashable(key: Hashable) -> bool:
    try:
        hash(key)
        return True
    except TypeError:
        return False


def shared(kind: str, key: Hashable, build: Callable[[], T]) -> T:
    """`build()`, once per process for this content key (least recently used go first).
    Only for results that hold nothing but rubric text and what answers place."""
    full = (kind, key)
    if not _hashable(full):
        return build()
    with _lock:
        if full in _shared:
            _shared.move_to_end(full)
            return _shared[full]  # type: ignore[return-value]
    value = build()  # outside the lock: two sessions may build the same value; both are right
    with _lock:
        _shared[full] = value
        while len(_shared) > SHARED_ENTRIES:
            _shared.popitem(last=False)
    return value


def session(kind: str, key: Hashable, build: Callable[[], T], keep: int = SESSION_ENTRIES) -> T:
    """`build()`, once per content key within this visitor's session (`keep` kept per kind)."""
    if not _hashable(key):
        return build()
    memo = st.session_state.get(_SESSION_KEY)
    if not isinstance(memo, dict):
        memo = st.session_state[_SESSION_KEY] = {}
    kept: OrderedDict = memo.setdefault(kind, OrderedDict())
    if key in kept:
        kept.move_to_end(key)
        return kept[key]
    value = build()
    kept[key] = value
    while len(kept) > keep:
        kept.popitem(last=False)
    return value


def last(kind: str, inputs: tuple, build: Callable[[], T]) -> T:
    """`build()` again only when `inputs` differ (==) from this session's previous call: for
    work redone after every run from state that mostly stays put (the link, the draft's
    texts). `inputs` hold the objects themselves, so nothing they name can be swapped unseen."""
    memo = st.session_state.get(_SESSION_KEY)
    if not isinstance(memo, dict):
        memo = st.session_state[_SESSION_KEY] = {}
    kept = memo.get(("last", kind))
    if kept is not None and kept[0] == inputs:
        return kept[1]
    value = build()
    memo[("last", kind)] = (inputs, value)
    return value


def forget_session() -> None:
    """Drop this session's results (say, when the visitor asks to forget their reading)."""
    st.session_state.pop(_SESSION_KEY, None)


def clear_shared() -> None:
    with _lock:
        _shared.clear()


class Drawn(go.Figure):
    """A finished figure whose plain form is made once. `st.plotly_chart` asks a figure for
    `to_dict()` on every run (a deep copy and a walk over every value, ~1 ms for the map);
    this one hands out a fresh shell around the one copy (Streamlit's JSON step only drops
    each trace's `uid`, so the traces are copied one level deep)."""

    def __init__(self, figure: go.Figure):
        super().__init__(figure)
        self._cg_plain = super().to_dict()

    def to_dict(self) -> dict:
        plain = self._cg_plain
        return {**plain, "data": [dict(trace) for trace in plain.get("data", ())]}


class Html(str):
    """Page HTML written here, not typed by anyone, handed to `st.html` as it is: a plain string
    is dedented first on every run (the style sheet: ~0.1 ms a run)."""

    def _repr_html_(self) -> str:
        return str(self)
