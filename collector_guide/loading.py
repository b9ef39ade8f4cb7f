"""Reading rubric and work files: bytes in, a validated model or located problems out.

Loading never raises anything but `LoadError`, whose problems each name the file, the line, the
key and what is allowed. One broken rubric in a folder never takes the others down.
"""

from __future__ import annotations

import re
import sys
import types
import typing
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from pydantic import BaseModel, ValidationError

from collector_guide import checks
from collector_guide.locate import key_positions
from collector_guide.problems import LoadError, Locator, Problem, describe, did_you_mean, listing
from collector_guide.rubric import Rubric, Work

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

MAX_FILE_BYTES = 1_000_000  # a rubric is a few dozen KB; anything near this is a mistake

_TYPE_NAMES = {
    "string_type": "text (in quotes)",
    "float_type": "a number",
    "float_parsing": "a number",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "bool_type": "true or false",
    "list_type": "a list [ … ]",
    "dict_type": "a table",
    "model_type": "a table",
    "model_attributes_type": "a table",
}

_PATTERN_HINTS = {
    "^[a-z0-9][a-z0-9_-]{0,63}$": (
        "an id uses lowercase letters, digits, '_' and '-', starts with a letter or digit, "
        "and is at most 64 characters"
    ),
    "^[0-9A-Za-z][0-9A-Za-z.+-]{0,31}$": 'a version is written like "1.0" or "2.1-beta"',
    "^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$": 'a language is a tag like "en", "de" or "pt-BR"',
}


# --- reading the file ------------------------------------------------------------------------


@dataclass
class Document:
    file: str
    data: dict
    locator: Locator


def _too_big(file: str, size: int) -> LoadError:
    return LoadError([Problem(
        file,
        f"the file is {size / 1_000_000:.1f} MB; a rubric or work file is at most "
        f"{MAX_FILE_BYTES / 1_000_000:.0f} MB. Is this the right file?",
    )])


def parse_toml(raw: bytes, file: str) -> Document:
    """Bytes → a parsed TOML document that remembers where each key was written."""
    if len(raw) > MAX_FILE_BYTES:
        raise _too_big(file, len(raw))
    if not raw.strip():
        raise LoadError([Problem(file, "the file is empty", 1, 1)])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise LoadError([Problem(
            file,
            f"this is not UTF-8 text (byte 0x{raw[exc.start]:02x} cannot be read); "
            "save the file as UTF-8",
            line,
            column,
        )]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LoadError([_syntax_problem(file, str(exc), text)]) from None
    return Document(file, data, Locator(file, data, key_positions(text)))


def _syntax_problem(file: str, message: str, text: str) -> Problem:
    found = re.search(r"\s*\(at line (\d+), column (\d+)\)", message)
    line = column = None
    if found:
        line, column = int(found[1]), int(found[2])
        message = message[: found.start()] + message[found.end():]
    elif "(at end of document)" in message:
        message = message.replace(" (at end of document)", "")
        line = text.count("\n") + 1
    message = message[:1].lower() + message[1:]
    for known, better in _SYNTAX_HINTS.items():
        if message.startswith(known):
            message = better
    return Problem(file, f"TOML syntax: {message}", line, column)


_SYNTAX_HINTS = {
    "illegal character '\\n'": "the line ends inside a string: is a closing quote missing?",
    "cannot overwrite a value": "this key is already set above; a key may appear only once "
    "in a table",
    "cannot declare": "this table is already declared above; a table may appear only once",
    "invalid value": "this value cannot be read: text needs quotes, lists need [ ], "
    "tables need { }",
    "unclosed array": "a list is not closed: is a ']' missing?",
}


# --- validating against a model ----------------------------------------------------------------


def _unwrap(annotation: Any, step: str | int) -> Any:
    """The type found one step inside `annotation` (a field's type, a list's item, …)."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            containers = [a for a in args if typing.get_origin(a) in (list, dict)]
            models = [a for a in args if isinstance(a, type) and issubclass(a, BaseModel)]
            pick = (containers if isinstance(step, int) else models) or args
            annotation = pick[0]
        else:
            break
    origin = typing.get_origin(annotation)
    if origin is list and isinstance(step, int):
        return typing.get_args(annotation)[0]
    if origin is dict:
        return typing.get_args(annotation)[1]
    if origin is list:  # a single condition written without brackets
        return _unwrap(typing.get_args(annotation)[0], step)
    return annotation


def _model_at(model: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel] | None:
    current: Any = model
    for step in loc:
        if isinstance(current, type) and issubclass(current, BaseModel) and isinstance(step, str):
            field_info = next(
                (f for n, f in current.model_fields.items() if (f.alias or n) == step), None
            )
            if field_info is None:
                return None
            current = field_info.annotation
        else:
            current = _unwrap(current, step)
    while not (isinstance(current, type) and issubclass(current, BaseModel)):
        unwrapped = _unwrap(current, 0)
        if unwrapped is current:
            return None
        current = unwrapped
    return current


def _keys_of(model: type[BaseModel]) -> list[str]:
    return [f.alias or n for n, f in model.model_fields.items()]


def _translate(model: type[BaseModel], error: dict) -> tuple[tuple, str]:
    """One pydantic error → (where, a message an author can act on)."""
    loc = tuple(error["loc"])
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        allowed = _keys_of(parent) if parent else []
        return loc, (
            f"unknown key '{loc[-1]}'; allowed here: {listing(allowed)}."
            + did_you_mean(str(loc[-1]), allowed)
        )
    if kind == "missing":
        return loc, "this required key is missing"
    if kind == "literal_error":
        expected = ctx.get("expected", "")
        choices = re.findall(r"'([^']*)'", expected)
        return loc, (
            f"must be one of {expected}; found {describe(value)}."
            + did_you_mean(str(value), choices)
        )
    if kind == "string_pattern_mismatch":
        hint = _PATTERN_HINTS.get(ctx.get("pattern", ""), f"it must match {ctx.get('pattern')}")
        return loc, f"{describe(value)} is not allowed here: {hint}"
    if kind in _TYPE_NAMES:
        return loc, f"expected {_TYPE_NAMES[kind]}, found {describe(value)}"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        sign = {"greater_than_equal": "≥", "greater_than": ">", "less_than_equal": "≤",
                "less_than": "<"}[kind]
        bound = next(iter(ctx.values()))
        return loc, f"must be {sign} {bound}; found {describe(value)}"
    if kind == "too_short":
        n = ctx.get("min_length")
        return loc, f"needs at least {n} item{'s' if n != 1 else ''}; found {describe_len(value)}"
    if kind == "too_long":
        n = ctx.get("max_length")
        return loc, f"allows at most {n} items; found {describe_len(value)}"
    if kind == "string_too_short":
        return loc, "must not be empty"
    if kind == "string_too_long":
        return loc, f"is too long: at most {ctx.get('max_length')} characters"
    if kind == "value_error":
        return loc, str(ctx.get("error", error["msg"]))
    return loc, error["msg"][:1].lower() + error["msg"][1:]


def describe_len(value: object) -> str:
    return f"{len(value)}" if isinstance(value, (list, dict, str)) else describe(value)


def validate(model: type[BaseModel], doc: Document) -> BaseModel:
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        problems = [
            doc.locator.problem(*_translate(model, err))
            for err in exc.errors(include_url=False)
        ]
        raise LoadError(_sorted(problems)) from None


def _sorted(problems: Iterable[Problem]) -> list[Problem]:
    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=lambda p: (p.severity != "error", p.line or 0, p.column or 0))


# --- rubrics and works --------------------------------------------------------------------------


@dataclass
class Checked:
    """The outcome of checking one file: the model if it is usable, and every problem."""

    file: str
    kind: str  # "rubric", "work" or "unknown"
    model: Rubric | Work | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.model is not None and not any(p.severity == "error" for p in self.problems)


def check_rubric_bytes(raw: bytes, file: str) -> Checked:
    try:
        doc = parse_toml(raw, file)
        rubric = validate(Rubric, doc)
    except LoadError as exc:
        return Checked(file, "rubric", None, exc.problems)
    found = checks.rubric(rubric)
    problems = _sorted(doc.locator.problem(loc, msg, sev) for loc, msg, sev in found)
    usable = not any(p.severity == "error" for p in problems)
    return Checked(file, "rubric", rubric if usable else None, problems)


def load_rubric(path: str | FsPath) -> Rubric:
    """Load and check one rubric file; raise `LoadError` with every problem found."""
    checked = check_rubric_bytes(_read(path), str(path))
    if not checked.ok:
        raise LoadError(checked.problems)
    return checked.model  # type: ignore[return-value]


def check_work_bytes(raw: bytes, file: str, rubrics: dict[str, Rubric]) -> Checked:
    """Check a work file; against its rubric when that rubric is among `rubrics`."""
    try:
        doc = parse_toml(raw, file)
        work = validate(Work, doc)
    except LoadError as exc:
        return Checked(file, "work", None, exc.problems)
    found = checks.work(work, rubrics)
    problems = _sorted(doc.locator.problem(loc, msg, sev) for loc, msg, sev in found)
    usable = not any(p.severity == "error" for p in problems)
    return Checked(file, "work", work if usable else None, problems)


def load_work(path: str | FsPath, rubrics: dict[str, Rubric] | Rubric) -> Work:
    if isinstance(rubrics, Rubric):
        rubrics = {rubrics.id: rubrics}
    checked = check_work_bytes(_read(path), str(path), rubrics)
    if not checked.ok:
        raise LoadError(checked.problems)
    return checked.model  # type: ignore[return-value]


def _read(path: str | FsPath) -> bytes:
    path = FsPath(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise _too_big(str(path), size)  # without reading it
        return path.read_bytes()
    except FileNotFoundError:
        raise LoadError([Problem(str(path), "no such file")]) from None
    except IsADirectoryError:
        raise LoadError([Problem(str(path), "this is a folder, not a file")]) from None
    except OSError as exc:
        raise LoadError([Problem(str(path), f"cannot be read: {exc.strerror}")]) from None


def kind_of(raw: bytes) -> str:
    """Guess whether TOML bytes are a rubric or a work file, from their top-level tables."""
    head = raw[:MAX_FILE_BYTES].decode("utf-8", "replace")
    if re.search(r"^\s*\[rubric\]", head, re.M):
        return "rubric"
    if re.search(r"^\s*\[(assessment|answers|work)\]", head, re.M):
        return "work"
    return "unknown"


@dataclass
class Catalog:
    """Every usable rubric in a folder, and the problems of those that are not."""

    rubrics: dict[str, Rubric]
    problems: list[Problem]
    files: dict[str, str] = field(default_factory=dict)  # rubric id → file


def load_rubrics(folder: str | FsPath) -> Catalog:
    rubrics: dict[str, Rubric] = {}
    files: dict[str, str] = {}
    problems: list[Problem] = []
    for path in sorted(FsPath(folder).glob("*.toml")):
        try:
            checked = check_rubric_bytes(_read(path), str(path))
        except LoadError as exc:
            problems += exc.problems
            continue
        problems += checked.problems
        if not checked.ok:
            continue
        rubric = checked.model
        if rubric.id in rubrics:
            problems.append(Problem(
                str(path),
                f"rubric id '{rubric.id}' is already used by {files[rubric.id]}; "
                "each rubric needs its own id",
                key="rubric.id",
            ))
            continue
        rubrics[rubric.id] = rubric
        files[rubric.id] = str(path)
    return Catalog(rubrics, problems, files)


def check_paths(paths: Sequence[str | FsPath]) -> list[Checked]:
    """Check rubric and work files (folders are searched for *.toml), reporting everything.

    Rubrics are checked first, so that work files can be checked against them.
    """
    files: list[FsPath] = []
    missing: list[Checked] = []
    for p in map(FsPath, paths):
        if p.is_dir():
            files += sorted(p.rglob("*.toml"))
        elif p.exists():
            files.append(p)
        else:
            missing.append(Checked(str(p), "unknown", None, [Problem(str(p), "no such file")]))
    raws: dict[FsPath, bytes | Checked] = {}
    for f in dict.fromkeys(files):
        try:
            raws[f] = _read(f)
        except LoadError as exc:
            raws[f] = Checked(str(f), "unknown", None, exc.problems)
    results: list[Checked] = []
    rubrics: dict[str, Rubric] = {}
    for f, raw in raws.items():
        if isinstance(raw, bytes) and kind_of(raw) == "rubric":
            checked = check_rubric_bytes(raw, str(f))
            if checked.ok:
                rubrics.setdefault(checked.model.id, checked.model)
            results.append(checked)
    for f, raw in raws.items():
        if isinstance(raw, Checked):
            results.append(raw)
        elif kind_of(raw) == "work":
            results.append(check_work_bytes(raw, str(f), rubrics))
        elif kind_of(raw) == "unknown":
            try:
                parse_toml(raw, str(f))
                problem = Problem(
                    str(f),
                    "neither a rubric (it has no [rubric] table) nor a work file "
                    "(it has no [assessment] table)",
                    1, 1,
                )
                results.append(Checked(str(f), "unknown", None, [problem]))
            except LoadError as exc:
                results.append(Checked(str(f), "unknown", None, exc.problems))
    return missing + sorted(results, key=lambda c: c.file)
