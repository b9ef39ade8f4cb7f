"""The walk-through's state as a compact, checked, signed URL query string.

A reload, a phone's discarded tab or a shared link must bring a collector back to where they
were. So the rubric (id, version and question layout), the step, the answers, the work's
details and the visit live in the query string, signed (`linksign`). Nothing in a URL is
trusted: `decode` keeps what still fits the rubric, in its one canonical form, and says in
plain words what it had to drop; it never raises on anything a link can hold.

Answers are written one token per question, in the rubric's order, joined by `.`:
`-` unanswered, `~` not sure, a base-36 option index for single and scale questions, and
`m` plus a non-zero base-36 bit mask for multiple-choice ones; only the canonical spelling of
each number is accepted. Because answers are positional, they are carried over only onto the
same question layout (`l`, a fingerprint of the questions' ids, kinds and options).
Text travels as base64url of zlib'd JSON.

What a link cannot carry (the photo, texts too long for it) is kept in the draft store; the
link carries only its token, `d` (see `collector_guide.keep.drafts`).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import secrets
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from pydantic import ValidationError

from collector_guide.keep import linksign
from collector_guide.keep.drafts import valid_token
from collector_guide.rubric import NOT_SURE, Rubric, WorkInfo

MAX_PARAM = 4000  # characters; longer values are refused, not parsed
MAX_VISIT = 30  # works in one visit
VISIT_TEXT = 120  # characters of a visit's title, artist or year kept in the link
MAX_STEP_DIGITS = 3
WORK_PARAM = "work"  # a gallery's catalogue work: `?work=ID`, printed on its wall label
# What anyone may choose without a MAC: the rubric on the start screen, and the catalogue work
# a wall label opens (public, checked against the catalogue, and it must outlive any key).
OPEN_PARAMS = frozenset({"r", WORK_PARAM})
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
_INDEX = re.compile(r"0|[1-9a-z][0-9a-z]*")  # canonical: ASCII, no sign, no leading zero
_MASK = re.compile(r"m[1-9a-z][0-9a-z]*")  # and never zero: an empty choice is no answer
_STEP = re.compile(rf"0|[1-9][0-9]{{0,{MAX_STEP_DIGITS - 1}}}")
_PACKED = re.compile(r"[A-Za-z0-9_-]+")
_SURROGATE = re.compile("[\ud800-\udfff]")
_READING_ID = re.compile(r"[0-9a-z]{4,12}")
_WORK_KEYS = tuple(k for k in WorkInfo.model_fields if k != "image")
_LONG_TEXTS = ("wall_label", "notes")
_VISIT_KEYS = ("title", "artist", "year")
_VISIT_PLACES = ("d", "c")  # where the rest of a visit's work is kept (see `visit_entry`)
_CATALOGUE_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")


@dataclass
class UrlState:
    rubric_id: str | None = None
    step: int = 0
    answers: dict[str, object] = field(default_factory=dict)
    work: dict[str, str] = field(default_factory=dict)
    visit: list[dict] = field(default_factory=list)
    draft: str | None = None  # the token of what the draft store keeps for this reading
    notices: list[str] = field(default_factory=list)
    reading: str | None = None  # which reading this is (see `new_reading_id`)
    verified: bool = True  # False when the link carried state without a valid MAC


# --- answers -----------------------------------------------------------------------------------


def _b36(n: int) -> str:
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = _DIGITS[r] + out
        if not n:
            return out


def layout(rubric: Rubric) -> str:
    """A short fingerprint of what positional answers depend on: each question's id and kind,
    and its options' ids, in order. Equal fingerprints: a link's answers mean the same here."""
    def build() -> str:
        shape = [[q.id, q.kind, [o.id for o in q.options]] for q in rubric.questions]
        digest = hashlib.sha256(json.dumps(shape, separators=(",", ":")).encode()).digest()
        return base64.urlsafe_b64encode(digest[:6]).decode()

    return rubric.cached("url-layout", build)


def _token(q, raw: object) -> str:
    ids = [o.id for o in q.options]
    if raw is None:
        return "-"
    if q.kind == "multiple":
        picked = raw if isinstance(raw, (list, tuple)) else [raw]
        mask = 0
        for o in picked:  # a set of bits: an option chosen twice is still one option
            if isinstance(o, str) and o in ids:
                mask |= 1 << ids.index(o)
        if mask:
            return "m" + _b36(mask)
        return "~" if NOT_SURE in picked else "-"
    if raw == NOT_SURE:
        return "~"
    return _b36(ids.index(raw)) if isinstance(raw, str) and raw in ids else "-"


def encode_answers(rubric: Rubric, answers: Mapping[str, object]) -> str:
    tokens = [_token(q, answers.get(q.id)) for q in rubric.questions]
    while tokens and tokens[-1] == "-":
        tokens.pop()
    return ".".join(tokens)


def decode_answers(rubric: Rubric, text: str) -> tuple[dict[str, object], int]:
    """Answers from their compact form, and how many tokens had to be dropped."""
    answers: dict[str, object] = {}
    tokens = text.split(".") if text else []
    dropped = max(0, len(tokens) - len(rubric.questions))
    for q, token in zip(rubric.questions, tokens, strict=False):
        ids = [o.id for o in q.options]
        longest = len(_b36((1 << len(ids)) - 1)) + 1 if q.kind == "multiple" else len(
            _b36(len(ids) - 1))
        if token == "-":
            continue
        if token == "~":
            answers[q.id] = NOT_SURE
        elif len(token) > longest:
            dropped += 1
        elif q.kind == "multiple" and _MASK.fullmatch(token):
            mask = int(token[1:], 36)
            if mask < 1 << len(ids):
                answers[q.id] = [o for i, o in enumerate(ids) if mask >> i & 1]
            else:
                dropped += 1
        elif q.kind != "multiple" and _INDEX.fullmatch(token) and int(token, 36) < len(ids):
            answers[q.id] = ids[int(token, 36)]
        else:
            dropped += 1
    return answers, dropped


def _fits(rubric: Rubric, version: object, fingerprint: object) -> bool:
    """Whether answers given for (version, layout) can be carried over onto this rubric."""
    if fingerprint is not None:
        return fingerprint == layout(rubric)
    return version == rubric.version  # a link from before layouts were written


# --- text ----------------------------------------------------------------------------------------


def _scrub(text: str) -> str:
    """Lone surrogates are not text (no browser sends them): make them visibly replaced."""
    return _SURROGATE.sub("\ufffd", text)


def pack(value: object) -> str:
    raw = _scrub(json.dumps(value, ensure_ascii=False, separators=(",", ":"))).encode()
    return base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode().rstrip("=")


def unpack(text: str) -> object:
    """The inverse of `pack`; raises ValueError on anything that is not a packed value."""
    if not isinstance(text, str) or not _PACKED.fullmatch(text):
        raise ValueError("not base64url")
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        if base64.urlsafe_b64encode(data).decode().rstrip("=") != text:
            raise ValueError("not the canonical base64url of its bytes")
        # Bound the inflated size: a small URL must not expand into a large object.
        inflater = zlib.decompressobj()
        raw = inflater.decompress(data, 64 * MAX_PARAM)
        if inflater.unconsumed_tail:
            raise ValueError("too large")
        if not inflater.eof or inflater.unused_data:
            raise ValueError("truncated, or followed by other data")
        return json.loads(raw.decode())
    except (ValueError, zlib.error, UnicodeDecodeError, RecursionError) as exc:
        # RecursionError: deeply nested JSON ("[[[[…") is refused like any other garbage.
        raise ValueError(type(exc).__name__) from None


def _detail(key: str, value: object, limit: int | None = None) -> str | None:
    """A work detail in its canonical form ("" when empty), or None when it is unusable:
    not text, not Unicode, or longer than the work model allows (the one source of limits)."""
    if not isinstance(value, str) or _SURROGATE.search(value):
        return None
    if limit is not None and len(value) > limit:
        return None
    try:
        return getattr(WorkInfo.model_validate({key: value}), key)
    except ValidationError:
        return None


def _clean_details(value: object, keys: tuple[str, ...],
                   limit: int | None = None) -> tuple[dict[str, str], bool]:
    """The usable details of a packed table, and whether everything in it was usable."""
    if not isinstance(value, dict):
        return {}, False
    details: dict[str, str] = {}
    clean = True
    for k, v in value.items():
        text = _detail(k, v, limit) if k in keys else None
        if text is None:
            clean = False
        elif text:
            details[k] = text
    return details, clean


# --- the visit ------------------------------------------------------------------------------------


def visit_entry(rubric: Rubric, answers: Mapping[str, object], work: Mapping[str, str], *,
                draft: str | None = None, catalogue: str | None = None) -> dict:
    """A work of the visit, as kept in the URL: compact answers and a few details, and where
    the rest is: `d`, the token of its reading's draft (every detail, the notes, the photo),
    and `c`, the gallery's catalogue work it is a reading of."""
    keep = {}
    for k in _VISIT_KEYS:
        text = _detail(k, str(work.get(k) or "")[:VISIT_TEXT])
        if text:
            keep[k] = text
    entry = {"rubric": rubric.id, "v": rubric.version, "l": layout(rubric),
             "a": encode_answers(rubric, answers), "work": keep}
    if draft and valid_token(draft):
        entry["d"] = draft
    if isinstance(catalogue, str) and _CATALOGUE_ID.fullmatch(catalogue):
        entry["c"] = catalogue
    return entry


def same_work(entry: Mapping, other: Mapping) -> bool:
    """Whether two visit entries hold the same reading: the same answers and details, wherever
    the rest of each is kept."""
    return ({k: v for k, v in entry.items() if k not in _VISIT_PLACES}
            == {k: v for k, v in other.items() if k not in _VISIT_PLACES})


def work_details(work: Mapping[str, str]) -> dict[str, str]:
    """Every detail of the work that a reading keeps (the image's file name is the sample's)."""
    return {k: v for k, v in work.items() if k in _WORK_KEYS and isinstance(v, str) and v}


def visit_answers(rubric: Rubric, entry: Mapping) -> dict[str, object]:
    a = entry.get("a", "")
    return decode_answers(rubric, a)[0] if isinstance(a, str) else {}


def _clean_entry(entry: object, rubrics: Mapping[str, Rubric]) -> tuple[dict | None, bool]:
    """A visit entry rebuilt from what in it can be trusted, and whether all of it could."""
    if not isinstance(entry, dict) or not isinstance(entry.get("rubric"), str):
        return None, False
    r = rubrics.get(entry["rubric"])
    a = entry.get("a", "")
    if r is None or not isinstance(a, str) or not _fits(r, entry.get("v"), entry.get("l")):
        return None, False
    answers, dropped = decode_answers(r, a)
    details, clean = _clean_details(entry.get("work", {}), _VISIT_KEYS, VISIT_TEXT)
    places = {k: entry.get(k) for k in _VISIT_PLACES if k in entry}
    kept = visit_entry(r, answers, details, draft=places.get("d"), catalogue=places.get("c"))
    clean = clean and all(k in kept for k in places)  # a place that is not one: dropped
    return kept, clean and not dropped


# --- the whole state ------------------------------------------------------------------------------


def new_reading_id() -> str:
    """A short random name for one reading (one work, from its start or its reopening).

    It travels as `k` so that Back and Forward can tell a screen of this reading from a screen
    of the reading before it; it names nothing and is never looked up anywhere.
    """
    return "".join(secrets.choice(_DIGITS) for _ in range(6))


def _url_work(work: Mapping[str, str]) -> tuple[str | None, dict[str, str]]:
    """The work's details packed for the link, and the long texts that do not fit in it."""
    details = work_details(work)
    if not details:
        return None, {}
    packed = pack(details)
    if len(packed) <= MAX_PARAM:
        return packed, {}
    # Keep the link usable: the long texts go to the draft store instead.
    left = {k: v for k, v in details.items() if k in _LONG_TEXTS}
    return pack({k: v for k, v in details.items() if k not in _LONG_TEXTS}), left


def left_out(work: Mapping[str, str]) -> dict[str, str]:
    """The work's texts that `encode` leaves out of the link, for the draft store to keep."""
    return _url_work(work)[1]


def encode(rubric: Rubric, step: int, answers: Mapping[str, object],
           work: Mapping[str, str], visit: list[dict], draft: str | None = None,
           reading: str | None = None, *, extra: Mapping[str, str] | None = None,
           key: bytes | None = None) -> dict[str, str]:
    """The query parameters for this state, signed. `extra` parameters (another part of the
    app's) are signed with the rest."""
    params = {"r": rubric.id, "v": rubric.version, "s": str(step)}
    if reading:
        params["k"] = reading
    compact = encode_answers(rubric, answers)
    if compact:
        params["l"] = layout(rubric)
        params["a"] = compact
    packed, _ = _url_work(work)
    if packed:
        params["w"] = packed
    if visit:
        packed = _pack_visit(visit[-MAX_VISIT:])
        if packed is not None:
            params["x"] = packed
    if draft and valid_token(draft):
        params["d"] = draft
    params.update(extra or {})
    return linksign.sign(params, key)


def _pack_visit(visit: list[dict]) -> str | None:
    """The visit for the link. Should it not fit (30 works with long titles), the oldest works
    lose their drafts' tokens first, so that every work stays in the list."""
    visit = list(visit)
    for i in range(len(visit) + 1):
        packed = pack(visit)
        if len(packed) <= MAX_PARAM:
            return packed
        if i < len(visit):
            visit[i] = {k: v for k, v in visit[i].items() if k not in _VISIT_PLACES}
    return None


def decode(params: Mapping[str, str], rubrics: Mapping[str, Rubric], default_id: str,
           steps: Mapping[str, int], *, key: bytes | None = None) -> UrlState:
    """Read the state from query parameters, keeping what can be kept.

    `steps` gives the number of steps of each rubric's walk-through, to bound the step.
    """
    state = UrlState()
    notices = state.notices
    words = rubrics[default_id].labels  # until the link's rubric is known
    params = {_scrub(str(k)): _scrub(str(v)) for k, v in params.items()
              if not linksign.is_tracking(str(k))}
    if not params:
        return state
    state.verified = (linksign.verify(params, key)
                      or set(linksign.signed_part(params)) <= OPEN_PARAMS)
    too_long = sorted(k for k, v in params.items() if len(v) > MAX_PARAM)
    params = {k: v for k, v in params.items() if len(v) <= MAX_PARAM}

    rubric_id = params.get("r")
    if rubric_id is not None and rubric_id not in rubrics:
        notices.append(words.link_unknown_rubric.format(rubric=rubric_id[:40]))
        rubric_id = None
    state.rubric_id = rubric_id or default_id
    rubric = rubrics[state.rubric_id]
    words = rubric.labels
    if not state.verified:
        notices.insert(0, words.link_unverified)
    if too_long:
        notices.append(words.link_too_long)

    if "a" in params:
        _answers(params, rubric, rubrics, state)

    step = params.get("s", "0")
    if not _STEP.fullmatch(step):
        step = "0"
        notices.append(words.link_bad_step)
    state.step = max(0, min(int(step), steps.get(state.rubric_id, 1) - 1))
    if _READING_ID.fullmatch(params.get("k", "")):
        state.reading = params["k"]

    if "w" in params:
        try:
            details = unpack(params["w"])
            if not isinstance(details, dict):
                raise ValueError
            state.work, clean = _clean_details(details, _WORK_KEYS)
            if not clean:
                notices.append(words.link_partial_work)
        except ValueError:
            notices.append(words.link_bad_work)
    if "x" in params:
        try:
            visit = unpack(params["x"])
            if not isinstance(visit, list):
                raise ValueError
            kept = [_clean_entry(v, rubrics) for v in visit[:MAX_VISIT]]
            state.visit = [entry for entry, _ in kept if entry is not None]
            if len(visit) > MAX_VISIT or not all(clean for _, clean in kept):
                notices.append(words.link_partial_visit)
        except ValueError:
            notices.append(words.link_bad_visit)
    if "d" in params:
        if valid_token(params["d"]):
            state.draft = params["d"]
        else:
            notices.append(words.link_bad_draft)
    return state


def _answers(params: Mapping[str, str], rubric: Rubric, rubrics: Mapping[str, Rubric],
             state: UrlState) -> None:
    """Carry the link's answers over when they were given for this rubric's questions."""
    words = rubric.labels
    if params.get("r") not in rubrics:
        state.notices.append(words.link_other_rubric)
        return
    version = params.get("v")
    if not _fits(rubric, version, params.get("l")):
        if version is not None and version != rubric.version:
            state.notices.append(words.link_old_version.format(version=version[:12],
                                                               current=rubric.version))
        else:
            state.notices.append(words.link_answers_not_matched)
        return
    if version is not None and version != rubric.version:
        state.notices.append(words.link_same_questions.format(version=version[:12],
                                                              current=rubric.version))
    state.answers, dropped = decode_answers(rubric, params["a"])
    if dropped:
        state.notices.append(words.link_dropped.format(count=dropped))
