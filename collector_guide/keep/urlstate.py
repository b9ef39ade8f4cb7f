"""The walk-through's state as a compact, checked URL query string.

A reload, a phone's discarded tab or a shared link must bring a collector back to where they
were. So the rubric (id and version), the step, the answers, the work's details and the visit
live in the query string. Nothing in a URL is trusted: `decode` keeps what still fits the
rubric and says, in plain words, what it had to drop.

What a link cannot carry (the photo, texts too long for it) is kept in the draft store; the
link carries only its token, `d` (see `collector_guide.keep.drafts`).

Answers are written one token per question, in the rubric's order, joined by `.`:
`-` unanswered, `~` not sure, a base-36 option index for single and scale questions, and
`m` plus a base-36 bit mask for multiple-choice ones. Text travels as base64url of zlib'd JSON.
"""

from __future__ import annotations

import base64
import json
import re
import secrets
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from collector_guide.keep.drafts import valid_token
from collector_guide.rubric import NOT_SURE, Rubric, WorkInfo

MAX_PARAM = 4000  # characters; longer values are refused, not parsed
MAX_VISIT = 30  # works in one visit
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
_READING_ID = re.compile(r"^[0-9a-z]{4,12}$")


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


# --- answers -----------------------------------------------------------------------------------


def _b36(n: int) -> str:
    out = ""
    while True:
        n, r = divmod(n, 36)
        out = _DIGITS[r] + out
        if not n:
            return out


def encode_answers(rubric: Rubric, answers: Mapping[str, object]) -> str:
    tokens = []
    for q in rubric.questions:
        raw = answers.get(q.id)
        ids = [o.id for o in q.options]
        if raw is None:
            tokens.append("-")
        elif raw == NOT_SURE or raw == [NOT_SURE]:
            tokens.append("~")
        elif q.kind == "multiple":
            picked = raw if isinstance(raw, (list, tuple)) else [raw]
            mask = sum(1 << ids.index(o) for o in picked if o in ids)
            tokens.append("m" + _b36(mask))
        elif isinstance(raw, str) and raw in ids:
            tokens.append(_b36(ids.index(raw)))
        else:
            tokens.append("-")
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
        if token == "-":
            continue
        if token == "~":
            answers[q.id] = NOT_SURE
            continue
        try:
            if q.kind == "multiple":
                if not token.startswith("m"):
                    raise ValueError
                mask = int(token[1:], 36)
                if mask >= 1 << len(ids):
                    raise ValueError
                answers[q.id] = [o for i, o in enumerate(ids) if mask >> i & 1]
            else:
                index = int(token, 36)
                if not 0 <= index < len(ids):
                    raise ValueError
                answers[q.id] = ids[index]
        except ValueError:
            dropped += 1
    return answers, dropped


# --- text ----------------------------------------------------------------------------------------


def pack(value: object) -> str:
    raw = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode().rstrip("=")


def unpack(text: str) -> object:
    """The inverse of `pack`; raises ValueError on anything that is not a packed value."""
    try:
        data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        # Bound the inflated size: a small URL must not expand into a large object.
        inflater = zlib.decompressobj()
        raw = inflater.decompress(data, 64 * MAX_PARAM)
        if inflater.unconsumed_tail:
            raise ValueError("too large")
        if not inflater.eof:
            raise ValueError("truncated")
        return json.loads(raw.decode())
    except (ValueError, zlib.error, UnicodeDecodeError) as exc:
        raise ValueError(str(exc)) from None


_WORK_KEYS = tuple(k for k in WorkInfo.model_fields if k != "image")
_LONG_TEXTS = ("wall_label", "notes")


def _clean_work(value: object) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ValueError("not a table")
    return {
        k: v[: 4000 if k in _LONG_TEXTS else 300]
        for k, v in value.items()
        if k in _WORK_KEYS and isinstance(v, str) and v
    }


# --- the whole state ------------------------------------------------------------------------------


def new_reading_id() -> str:
    """A short random name for one reading (one work, from its start or its reopening).

    It travels as `k` so that Back and Forward can tell a screen of this reading from a screen
    of the reading before it; it names nothing and is never looked up anywhere.
    """
    return "".join(secrets.choice(_DIGITS) for _ in range(6))


def _url_work(work: Mapping[str, str]) -> tuple[str | None, dict[str, str]]:
    """The work's details packed for the link, and the long texts that do not fit in it."""
    details = {k: v for k, v in work.items() if k in _WORK_KEYS and isinstance(v, str) and v}
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
           reading: str | None = None) -> dict[str, str]:
    params = {"r": rubric.id, "v": rubric.version, "s": str(step)}
    if reading:
        params["k"] = reading
    compact = encode_answers(rubric, answers)
    if compact:
        params["a"] = compact
    packed, _ = _url_work(work)
    if packed:
        params["w"] = packed
    if visit:
        packed = pack(visit[-MAX_VISIT:])
        if len(packed) <= MAX_PARAM:
            params["x"] = packed
    if draft and valid_token(draft):
        params["d"] = draft
    return params


def decode(params: Mapping[str, str], rubrics: Mapping[str, Rubric], default_id: str,
           steps: Mapping[str, int]) -> UrlState:
    """Read the state from query parameters, keeping what can be kept.

    `steps` gives the number of steps of each rubric's walk-through, to bound the step.
    """
    state = UrlState()
    notices = state.notices
    words = rubrics[default_id].labels  # until the link's rubric is known
    too_long = sorted(k for k, v in params.items() if len(v) > MAX_PARAM)
    if too_long:
        notices.append(words.link_too_long)
    params = {k: v for k, v in params.items() if len(v) <= MAX_PARAM}
    if not params:
        return state

    rubric_id = params.get("r")
    if rubric_id is not None and rubric_id not in rubrics:
        notices.append(words.link_unknown_rubric.format(rubric=rubric_id[:40]))
        rubric_id = None
    state.rubric_id = rubric_id or default_id
    rubric = rubrics[state.rubric_id]
    words = rubric.labels

    if "a" in params:
        if params.get("r") not in rubrics:
            notices.append(words.link_other_rubric)
        else:
            version = params.get("v")
            answers, dropped = decode_answers(rubric, params["a"])
            if version != rubric.version:
                notices.append(words.link_old_version.format(version=str(version)[:12],
                                                             current=rubric.version))
            if dropped:
                notices.append(words.link_dropped.format(count=dropped))
            state.answers = answers

    try:
        step = int(params.get("s", "0"))
    except ValueError:
        step = 0
        notices.append(words.link_bad_step)
    last = steps.get(state.rubric_id, 1) - 1
    state.step = max(0, min(step, last))
    if _READING_ID.match(params.get("k", "")):
        state.reading = params["k"]

    if "w" in params:
        try:
            state.work = _clean_work(unpack(params["w"]))
        except ValueError:
            notices.append(words.link_bad_work)
    if "x" in params:
        try:
            visit = unpack(params["x"])
            if not isinstance(visit, list):
                raise ValueError
            state.visit = [v for v in visit[:MAX_VISIT] if _valid_visit_entry(v, rubrics)]
            if len(state.visit) != len(visit):
                notices.append(words.link_partial_visit)
        except ValueError:
            notices.append(words.link_bad_visit)
    if "d" in params:
        if valid_token(params["d"]):
            state.draft = params["d"]
        else:
            notices.append(words.link_bad_draft)
    return state


def _valid_visit_entry(entry: object, rubrics: Mapping[str, Rubric]) -> bool:
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("rubric"), str)
        and entry["rubric"] in rubrics
        and isinstance(entry.get("a"), str)
        and isinstance(entry.get("work", {}), dict)
    )


def visit_entry(rubric: Rubric, answers: Mapping[str, object], work: Mapping[str, str]) -> dict:
    """A work of the visit, as kept in the URL: compact answers and a few details."""
    keep = {k: work[k][:120] for k in ("title", "artist", "year") if work.get(k)}
    return {"rubric": rubric.id, "v": rubric.version, "a": encode_answers(rubric, answers),
            "work": keep}


def visit_answers(rubric: Rubric, entry: Mapping) -> dict[str, object]:
    return decode_answers(rubric, entry.get("a", ""))[0]
