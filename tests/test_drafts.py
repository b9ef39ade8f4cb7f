"""The draft store: one suite, run against memory, SQLite and a real Redis.

Time is never waited for: `advance` moves each backend's clock (a fake clock for memory and
SQLite; for Redis, every key's remaining lifetime is shortened by the same amount).
"""

from __future__ import annotations

import hashlib
import stat
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from services import redis_server

from collector_guide.keep import drafts
from collector_guide.keep.draftbackends import RedisStore, SqliteStore, open_store, store_from_env
from collector_guide.keep.drafts import Draft, DraftStoreError, MemoryStore, new_token, valid_token

TTL = 12 * 3600.0
PHOTO = bytes(range(256)) * 40  # binary, with every byte value
FACTS = {"report": {"format": "jpeg", "findings": [{"key": "signer", "value": "Ä ✓"}]},
         "notes": ["Converted for display."]}
TEXTS = {"wall_label": "Ω" * 6000, "notes": "line one\nline two\u2060 <b>not markup</b>"}


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def redis_url():
    with redis_server() as server:
        yield server.url


@pytest.fixture(params=["memory", "sqlite", "redis"])
def backend(request, tmp_path):
    """(store, advance(seconds), reopen()) for each backend."""
    kind = request.param
    if kind == "memory":
        clock = Clock()
        store = MemoryStore(TTL, clock=clock)

        def advance(seconds: float) -> None:
            clock.now += seconds

        yield store, advance, lambda: MemoryStore(TTL, clock=clock)
    elif kind == "sqlite":
        clock = Clock()
        path = tmp_path / "drafts.db"
        store = SqliteStore(path, TTL, clock=clock)

        def advance(seconds: float) -> None:
            clock.now += seconds

        yield store, advance, lambda: SqliteStore(path, TTL, clock=clock)
        store.close()
    else:
        url = request.getfixturevalue("redis_url")
        store = RedisStore(url, TTL)
        client = store._redis
        client.flushdb()

        def advance(seconds: float) -> None:
            for name in client.scan_iter(match=RedisStore.PREFIX + "*"):
                left = client.pttl(name)
                if left - seconds * 1000 <= 0:
                    client.delete(name)
                else:
                    client.pexpire(name, int(left - seconds * 1000))

        yield store, advance, lambda: RedisStore(url, TTL)
        store.close()


def full() -> Draft:
    return Draft(PHOTO, FACTS, TEXTS)


# --- the suite every backend passes --------------------------------------------------------------


def test_a_draft_comes_back_exactly(backend):
    store, _, _ = backend
    token = new_token()
    store.save(token, full())
    back = store.load(token)
    assert back == full()
    assert back.photo == PHOTO and dict(back.texts) == TEXTS and dict(back.facts) == FACTS


def test_texts_only_and_photo_only_drafts(backend):
    store, _, _ = backend
    a, b = new_token(), new_token()
    store.save(a, Draft(texts={"notes": "n"}))
    store.save(b, Draft(photo=b"\xff\xd8jpeg"))
    assert store.load(a) == Draft(None, {}, {"notes": "n"})
    assert store.load(b) == Draft(b"\xff\xd8jpeg", {}, {})


def test_an_unknown_token_finds_nothing(backend):
    store, _, _ = backend
    store.save(new_token(), full())
    assert store.load(new_token()) is None


def test_saving_again_replaces_the_whole_draft(backend):
    store, _, _ = backend
    token = new_token()
    store.save(token, full())
    store.save(token, Draft(texts={"notes": "only this"}))
    assert store.load(token) == Draft(None, {}, {"notes": "only this"})


def test_forget_deletes_and_an_empty_draft_is_forgotten(backend):
    store, _, _ = backend
    a, b = new_token(), new_token()
    store.save(a, full())
    store.save(b, full())
    store.forget(a)
    store.save(b, Draft())
    assert store.load(a) is None and store.load(b) is None
    store.forget(a)  # forgetting twice is harmless


def test_a_draft_expires_its_lifetime_after_the_last_save(backend):
    store, advance, _ = backend
    token = new_token()
    store.save(token, full())
    advance(TTL - 60)
    assert store.load(token) == full()  # reading does not extend it …
    store.save(token, full())  # … saving does
    advance(TTL - 60)
    assert store.load(token) == full()
    advance(120)
    assert store.load(token) is None


def test_a_reopened_store_keeps_what_persists(backend):
    store, _, reopen = backend
    token = new_token()
    store.save(token, full())
    again = reopen()
    try:
        expected = None if isinstance(store, MemoryStore) else full()
        assert again.load(token) == expected  # memory: a restart forgets, by design
    finally:
        again.close()


def test_the_store_never_holds_the_token_itself(backend):
    store, _, _ = backend
    token = new_token()
    store.save(token, full())
    if isinstance(store, MemoryStore):
        keys = list(store._items)
    elif isinstance(store, SqliteStore):
        keys = [row[0] for row in store._run("SELECT key FROM drafts")]
    else:
        keys = [k.decode().removeprefix(RedisStore.PREFIX) for k in store._redis.keys("*")]
    assert keys == [hashlib.sha256(token.encode()).hexdigest()]
    assert all(token not in k for k in keys)


def test_many_sessions_at_once_see_only_their_own(backend):
    store, _, _ = backend
    tokens = [new_token() for _ in range(40)]
    errors: list[BaseException] = []

    def visitor(i: int, token: str) -> None:
        try:
            for round_ in range(5):
                mine = Draft(bytes([i]) * (100 + round_), {"i": i},
                             {"notes": f"visitor {i} round {round_}"})
                store.save(token, mine)
                assert store.load(token) == mine
        except BaseException as exc:  # collected and re-raised in the main thread
            errors.append(exc)

    threads = [threading.Thread(target=visitor, args=(i, t)) for i, t in enumerate(tokens)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors[:3]
    for i, token in enumerate(tokens):
        assert store.load(token).texts == {"notes": f"visitor {i} round 4"}


def test_a_token_of_the_wrong_form_never_reaches_the_backend(backend):
    store, _, _ = backend
    token = new_token()
    store.save(token, full())
    for bad in ("", token[:-1], token + "A", token.upper() + "!", "../../etc/passwd",
                "*", "cg:draft:*", hashlib.sha256(token.encode()).hexdigest()):
        assert store.load(bad) is None
        store.forget(bad)  # ignored
        with pytest.raises(ValueError):
            store.save(bad, full())
    assert store.load(token) == full()


def test_oversized_drafts_are_refused_in_words(backend):
    store, _, _ = backend
    with pytest.raises(DraftStoreError, match="photo is too large"):
        store.save(new_token(), Draft(photo=b"x" * (drafts.MAX_PHOTO_BYTES + 1)))
    with pytest.raises(DraftStoreError, match="too large"):
        store.save(new_token(), Draft(texts={"notes": "x" * drafts.MAX_META_BYTES}))


def test_what_was_not_written_by_the_store_reads_as_gone(backend):
    store, _, _ = backend
    token = new_token()
    key = hashlib.sha256(token.encode()).hexdigest()
    garbage = b'{"v": 99, "facts": [], "texts": 3}'
    if isinstance(store, MemoryStore):
        store._items[key] = (float("inf"), garbage, None)
    elif isinstance(store, SqliteStore):
        store._run("INSERT INTO drafts VALUES (?, ?, ?, NULL)", (key, float("inf"), garbage))
    else:
        store._redis.hset(RedisStore.PREFIX + key, mapping={"meta": garbage, "photo": b""})
    assert store.load(token) is None


# --- tokens ------------------------------------------------------------------------------------


def test_tokens_are_random_url_safe_and_long():
    tokens = {new_token() for _ in range(2000)}
    assert len(tokens) == 2000
    assert all(valid_token(t) and len(t) == 32 for t in tokens)
    # 192 random bits: every character position takes many values across tokens.
    assert all(len({t[i] for t in tokens}) > 40 for i in range(31))


@settings(max_examples=200)
@given(st.text(max_size=64))
def test_only_token_shaped_strings_are_valid(text):
    assert valid_token(text) == (len(text) == 32 and all(
        c.isascii() and (c.isalnum() or c in "-_") for c in text))


# --- memory and SQLite specifics ------------------------------------------------------------


def test_memory_store_bounds_its_size_and_evicts_the_oldest_first():
    clock = Clock()
    store = MemoryStore(TTL, max_bytes=10_000, clock=clock)
    tokens = []
    for i in range(5):
        tokens.append(new_token())
        store.save(tokens[-1], Draft(photo=bytes(3000), texts={"notes": str(i)}))
        clock.now += 1
    assert store._bytes <= 10_000
    assert store.load(tokens[0]) is None and store.load(tokens[-1]) is not None


def test_sqlite_file_is_private_to_its_owner(tmp_path):
    store = SqliteStore(tmp_path / "sub" / "drafts.db")
    store.save(new_token(), full())
    store.close()
    mode = stat.S_IMODE((tmp_path / "sub" / "drafts.db").stat().st_mode)
    assert mode & 0o077 == 0, oct(mode)


def test_sqlite_two_processes_worth_of_connections_share_one_file(tmp_path):
    one, two = SqliteStore(tmp_path / "d.db"), SqliteStore(tmp_path / "d.db")
    token = new_token()
    one.save(token, full())
    assert two.load(token) == full()
    two.forget(token)
    assert one.load(token) is None


def test_an_unreachable_redis_says_so_quickly():
    from browser_support import free_port

    store = RedisStore(f"redis://127.0.0.1:{free_port()}/0")
    for call in (store.check, lambda: store.load(new_token()),
                 lambda: store.save(new_token(), full())):
        with pytest.raises(DraftStoreError, match="cannot be reached"):
            call()


def test_an_unopenable_sqlite_file_says_so(tmp_path):
    (tmp_path / "dir.db").mkdir()
    with pytest.raises(DraftStoreError, match="cannot be opened"):
        SqliteStore(tmp_path / "dir.db")


# --- choosing a store ------------------------------------------------------------------------


@pytest.mark.parametrize(("spec", "kind"), [
    (None, MemoryStore), ("", MemoryStore), ("memory", MemoryStore), (" memory ", MemoryStore),
    ("sqlite:///{tmp}/a.db", SqliteStore), ("sqlite:{tmp}/b.db", SqliteStore),
    ("redis://127.0.0.1:1/0", RedisStore), ("unix:///tmp/none.sock", RedisStore),
])
def test_open_store_understands_each_spec(tmp_path, spec, kind):
    store = open_store(spec.format(tmp=tmp_path) if spec else spec, 1)
    assert isinstance(store, kind) and store.ttl == 3600
    store.close()


@pytest.mark.parametrize(("spec", "message"), [
    ("postgres://x", "unknown draft store"), ("sqlite:", "needs a file"),
    ("memcached", "unknown draft store"),
])
def test_open_store_refuses_other_specs_in_words(spec, message):
    with pytest.raises(ValueError, match=message):
        open_store(spec)


def test_store_from_env_reads_kind_and_lifetime(tmp_path):
    store = store_from_env({"COLLECTOR_GUIDE_DRAFTS": f"sqlite:///{tmp_path}/e.db",
                            "COLLECTOR_GUIDE_DRAFT_HOURS": "0.5"})
    assert isinstance(store, SqliteStore) and store.ttl == 1800
    store.close()
    assert store_from_env({}).ttl == 12 * 3600
    for hours in ("soon", "0", "-1"):
        with pytest.raises(ValueError, match="hours"):
            store_from_env({"COLLECTOR_GUIDE_DRAFT_HOURS": hours})
