"""Reading TOML files: bytes in, a validated model or located problems out.

Loading never raises anything but `LoadError`, whose problems each name the file, the line, the
key and what is allowed. This module knows the file formats only; checks that need scoring, and
the loaders that run them, are in `collector_guide.authoring.check`.
"""

from __future__ import annotations

import copy
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path as FsPath

from pydantic import BaseModel, ValidationError

from collector_guide.rubric import checks
from collector_guide.rubric.gallery import Gallery
from collector_guide.rubric.locate import key_positions
from collector_guide.rubric.models import Rubric
from collector_guide.rubric.problems import LoadError, Locator, Problem
from collector_guide.rubric.validate import translate
from collector_guide.rubric.work import Work

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

MAX_FILE_BYTES = 1_000_000  # a rubric is a few dozen KB; anything near this is a mistake
MAX_DEPTH = 16  # lists and inline tables inside each other; a rubric needs 3, a work file 1

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


def _text(raw: bytes, file: str) -> str:
    if len(raw) > MAX_FILE_BYTES:
        raise _too_big(file, len(raw))
    if not raw.strip():
        raise LoadError([Problem(file, "the file is empty", 1, 1)])
    try:
        return raw.decode("utf-8-sig")
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


def _loads(text: str, file: str) -> dict:
    """The TOML data, or `LoadError`: never a RecursionError, however deep a file nests."""
    too_deep = _too_deep(text)
    if too_deep is not None:
        raise LoadError([Problem(
            file,
            f"lists or tables are nested more than {MAX_DEPTH} deep here; a rubric or a work "
            "file never needs more than 3. Is a ']' or '}' missing, or one '[' too many?",
            *too_deep,
        )])
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LoadError([_syntax_problem(file, str(exc), text)]) from None
    except RecursionError:  # nesting the scan above did not see (it is only a first look)
        raise LoadError([Problem(file, f"lists or tables are nested more than {MAX_DEPTH} "
                                 "deep; a rubric or a work file never needs more than 3", 1)]
                        ) from None


# Strings and comments, whose brackets do not nest; brackets; line ends. A first look, before
# the parser: malformed text is the parser's to report.
_TOKENS = re.compile(
    r"#[^\n]*"  # a comment
    r'|"""(?:\\.|[^\\])*?"""'  # a multi-line basic string
    r"|'''.*?'''"  # a multi-line literal string
    r'|"(?:\\.|[^"\\\n])*"?'  # a basic string
    r"|'[^'\n]*'?"  # a literal string
    r"|[\[\]{}\n]",
    re.S,
)


def _too_deep(text: str) -> tuple[int, int] | None:
    """Where lists and inline tables first nest deeper than MAX_DEPTH, as (line, column)."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return None
    depth, line, line_start, header = 0, 1, 0, False
    for m in _TOKENS.finditer(text):
        token = m.group()
        if token == "\n":
            line, line_start, header = line + 1, m.end(), False
        elif token[0] in "\"'#":
            line += token.count("\n")
            if "\n" in token:
                line_start = m.start() + token.rindex("\n") + 1
        elif header:
            continue  # the brackets of a [table] or [[array]] header
        elif token == "[" and depth == 0 and not text[line_start : m.start()].strip():
            header = True
        elif token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line, m.start() - line_start + 1
        else:
            depth = max(0, depth - 1)
    return None


def parse_toml(raw: bytes, file: str) -> Document:
    """Bytes → a parsed TOML document that remembers where each key was written."""
    text = _text(raw, file)
    data = _loads(text, file)
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
    "escaped character is not a Unicode scalar value": "this \\u escape names no character "
    "(half of a surrogate pair): write the character itself, or its \\U escape",
}



def validate(model: type[BaseModel], doc: Document) -> BaseModel:
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        problems = [
            doc.locator.problem(*translate(model, err))
            for err in exc.errors(include_url=False)
        ]
        raise LoadError(sorted_problems(problems)) from None


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=lambda p: (p.severity != "error", p.line or 0, p.column or 0))


# --- rubrics and works --------------------------------------------------------------------------


@dataclass
class Checked:
    """The outcome of checking one file: the model if it is usable, and every problem."""

    file: str
    kind: str  # "rubric", "work", "gallery" or "unknown"
    model: Rubric | Work | Gallery | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.model is not None and not any(p.severity == "error" for p in self.problems)



def check_rubric_structure(raw: bytes, file: str) -> tuple[Checked, Locator | None]:
    """Parse, validate and check a rubric without scoring it (see `authoring.check`).

    Returns the outcome and the document's locator, so that later checks can name lines too.
    """
    try:
        doc = parse_toml(raw, file)
        rubric = validate(Rubric, doc)
    except LoadError as exc:
        return Checked(file, "rubric", None, exc.problems), None
    found = checks.rubric(rubric)
    problems = sorted_problems(doc.locator.problem(loc, msg, sev) for loc, msg, sev in found)
    usable = not any(p.severity == "error" for p in problems)
    return Checked(file, "rubric", rubric if usable else None, problems), doc.locator


def validate_leniently(model: type[BaseModel], doc: Document) -> tuple[BaseModel, list[Problem]]:
    """The model with every key that fails left at its default, and a problem for each.

    For files whose mistakes must never stop the app (the gallery config): a typo in one key
    costs that key, not the gallery's name, works and colours.
    """
    data = copy.deepcopy(doc.data)
    problems: list[Problem] = []
    for _ in range(100):
        try:
            return model.model_validate(data), sorted_problems(problems)
        except ValidationError as exc:
            errors = exc.errors(include_url=False)
            problems += [doc.locator.problem(*translate(model, err)) for err in errors]
            if not all(_drop(data, tuple(err["loc"])) for err in errors):
                break
    return model(), sorted_problems(problems)


def _drop(data: dict, loc: tuple) -> bool:
    """Remove the key an error is about (a whole list, for an error in one of its items)."""
    keys = [k for k in loc if isinstance(k, str)]
    keys = keys[: next((i for i, k in enumerate(loc) if isinstance(k, int)), len(loc))]
    node = data
    for k in keys[:-1]:
        node = node.get(k) if isinstance(node, dict) else None
    if not keys or not isinstance(node, dict) or keys[-1] not in node:
        return False
    del node[keys[-1]]
    return True


def check_gallery_structure(raw: bytes, file: str) -> tuple[Checked, Locator | None]:
    """A gallery config: always a usable model (bad keys left at their defaults) and every
    problem found; the files it names are checked in `collector_guide.gallery.setup`."""
    try:
        doc = parse_toml(raw, file)
    except LoadError as exc:
        return Checked(file, "gallery", Gallery(), exc.problems), None
    gallery, problems = validate_leniently(Gallery, doc)
    return Checked(file, "gallery", gallery, problems), doc.locator


def read_work_model(raw: bytes, file: str) -> tuple[Work, Locator]:
    """Parse and validate a work file's shape; raise `LoadError` with every problem found."""
    doc = parse_toml(raw, file)
    return validate(Work, doc), doc.locator  # type: ignore[return-value]

def read_file(path: str | FsPath) -> bytes:
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
    """Whether TOML bytes are a rubric, a work file or a gallery config, from the tables the
    parsed document has at its top ("unknown" when it has none of them). Only the structure
    counts: a line `[rubric]` inside a multi-line string is text. A file that cannot be parsed
    is judged by its table headers, work first, so that a damaged work file is still called
    one."""
    try:
        data = _loads(_text(raw, ""), "")
    except LoadError:
        head = raw[:MAX_FILE_BYTES].decode("utf-8", "replace")
        if re.search(r"^\s*\[(assessment|answers|work)\]", head, re.M):
            return "work"
        if re.search(r"^\s*\[(gallery|rubrics|show)\]", head, re.M):
            return "gallery"
        return "rubric" if re.search(r"^\s*\[rubric\]", head, re.M) else "unknown"
    if "rubric" in data:
        return "rubric"
    if any(key in data for key in ("gallery", "rubrics", "show")):
        return "gallery"
    if any(key in data for key in ("assessment", "answers", "work")):
        return "work"
    return "unknown"
