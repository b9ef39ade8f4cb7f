"""Problems found in a file, told the way an author can act on them.

A `Problem` names the file, the line and column, the key path (list items named by their id:
`questions[id=series].options[id=named]`), what is wrong and what is allowed.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from collector_guide.rubric.locate import Path, Position, locate

Severity = Literal["error", "warning"]

# Control characters, and the invisible ones that reorder or hide text (a file can hold any).
_NOT_PRINTABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")


def printable(text: str) -> str:
    """Text safe to print on a terminal or quote in a message: control characters, escape
    sequences and direction overrides become visible codes (`\\x1b`); tabs and newlines stay."""
    return _NOT_PRINTABLE.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"),
                              text)


@dataclass(frozen=True)
class Problem:
    file: str
    message: str
    line: int | None = None
    column: int | None = None
    key: str = ""
    severity: Severity = "error"

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        key = f"{self.key}: " if self.key else ""
        # One line, whatever the file held: keys and values are quoted from it.
        return printable(f"{where}: {self.severity}: {key}{self.message}").replace(
            "\n", "\\n").replace("\t", "\\t")


class LoadError(Exception):
    """A file could not be used. `problems` lists everything found, errors first."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        errors = [p for p in self.problems if p.severity == "error"] or self.problems
        super().__init__("\n".join(str(p) for p in errors))


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    match = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f" Did you mean '{match[0]}'?" if match else ""


def listing(choices: Iterable[str]) -> str:
    return ", ".join(str(c) for c in choices) or "(none)"


def describe(value: object) -> str:
    """How a found value is named in a message."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "…"
        return f"'{shown}'"
    if isinstance(value, (datetime.date, datetime.time)):
        return f"the date {value.isoformat()}" if isinstance(value, datetime.date) else (
            f"the time {value.isoformat()}")
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, (datetime.date, datetime.time)):  # TOML has dates and times
        return f"the date or time {value.isoformat()}"
    return type(value).__name__


class Locator:
    """Turns a raw key path into a display path and a position, for one parsed document."""

    def __init__(self, file: str, data: dict, positions: dict[Path, Position]) -> None:
        self.file = file
        self.data = data
        self.positions = positions

    def walk(self, loc: Sequence[str | int]) -> tuple[Path, str]:
        """(the path as written in the file, the path as shown to the author)."""
        node: object = self.data
        raw: list[str | int] = []
        shown: list[str] = []
        for element in loc:
            if element == "[key]":
                continue
            if isinstance(element, int):
                if isinstance(node, list):
                    item = node[element] if 0 <= element < len(node) else None
                    ident = item.get("id") if isinstance(item, dict) else None
                    label = f"[id={ident}]" if isinstance(ident, str) else f"[#{element + 1}]"
                    if shown:
                        shown[-1] += label
                    else:
                        shown.append(label)
                    raw.append(element)
                    node = item
                # An int into a table: a single condition that was read as a list of one.
                continue
            raw.append(element)
            shown.append(str(element))
            node = node.get(element) if isinstance(node, dict) else None
        return tuple(raw), ".".join(shown)

    def problem(
        self, loc: Sequence[str | int], message: str, severity: Severity = "error"
    ) -> Problem:
        raw, shown = self.walk(loc)
        # A key missing from the top of the file has nowhere better to point than line 1.
        line, column = locate(self.positions, raw) or (1, None)
        return Problem(self.file, message, line, column, shown, severity)
