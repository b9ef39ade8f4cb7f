"""Find where each key of a TOML document is written, so that errors can name a line.

`tomllib` parses values but forgets positions. This scanner walks text that has already parsed
and records, for every key path (`("questions", 2, "options", 0, "effects", "agency")`), the
line and column where it is written. It trusts the syntax, so it stays small.
"""

from __future__ import annotations

Path = tuple[str | int, ...]
Position = tuple[int, int]  # 1-based line and column

_BARE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")


class _Reader:
    """Characters, strings and dotted keys, and where each offset sits as (line, column)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.positions: dict[Path, Position] = {}
        # Line starts, to turn an offset into a line and column cheaply.
        self.line_starts = [0]
        for n, ch in enumerate(text):
            if ch == "\n":
                self.line_starts.append(n + 1)

    # -- positions --------------------------------------------------------------------------
    def pos(self, offset: int) -> Position:
        lo, hi = 0, len(self.line_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.line_starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo + 1, offset - self.line_starts[lo] + 1

    def record(self, path: Path, offset: int) -> None:
        self.positions.setdefault(path, self.pos(offset))

    # -- characters -------------------------------------------------------------------------
    def peek(self, k: int = 0) -> str:
        j = self.i + k
        return self.text[j] if j < len(self.text) else ""

    def skip_space(self, newlines: bool = False) -> None:
        while self.i < len(self.text):
            ch = self.text[self.i]
            if ch in " \t\r" or (newlines and ch == "\n"):
                self.i += 1
            elif ch == "#":
                while self.i < len(self.text) and self.text[self.i] != "\n":
                    self.i += 1
            else:
                return

    def read_string(self) -> str:
        text, i = self.text, self.i
        quote = text[i]
        if text.startswith(quote * 3, i):
            end = text.find(quote * 3, i + 3)
            while end != -1 and quote == '"' and _escaped(text, end):
                end = text.find(quote * 3, end + 1)
            end = len(text) if end == -1 else end
            # A closing run may be longer than three quotes: the extras belong to the string.
            stop = end + 3
            while stop < len(text) and text[stop] == quote:
                stop += 1
            self.i = stop
            return text[i + 3 : stop - 3]
        j = i + 1
        out = []
        while j < len(text) and text[j] != quote and text[j] != "\n":
            if quote == '"' and text[j] == "\\" and j + 1 < len(text):
                out.append(text[j : j + 2])
                j += 2
                continue
            out.append(text[j])
            j += 1
        self.i = j + 1
        raw = "".join(out)
        if quote == '"' and "\\" in raw:
            try:
                import json

                raw = json.loads('"' + raw + '"')
            except ValueError:
                pass
        return raw

    def read_key(self) -> list[tuple[str, int]]:
        """A dotted key: each part with the offset where it starts."""
        parts: list[tuple[str, int]] = []
        while True:
            self.skip_space()
            start = self.i
            if self.peek() in ('"', "'"):
                parts.append((self.read_string(), start))
            else:
                while self.peek() in _BARE and self.peek():
                    self.i += 1
                parts.append((self.text[start : self.i], start))
            self.skip_space()
            if self.peek() == ".":
                self.i += 1
                continue
            return parts

class _Scanner(_Reader):
    """The document's structure: tables, arrays of tables, inline tables and arrays."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.array_counts: dict[Path, int] = {}

    def resolve(self, prefix: Path, parts: list[tuple[str, int]]) -> Path:
        """Extend `prefix` by header parts, stepping into the latest item of arrays of tables."""
        path = prefix
        for name, offset in parts:
            path = (*path, name)
            if path in self.array_counts:
                path = (*path, self.array_counts[path] - 1)
            self.record(path, offset)
        return path

    def scan(self) -> dict[Path, Position]:
        table: Path = ()
        while True:
            self.skip_space(newlines=True)
            if self.i >= len(self.text):
                return self.positions
            if self.peek() == "[":
                table = self.header()
            else:
                self.key_value(table)
            self.skip_line()

    def header(self) -> Path:
        """A `[table]` or `[[array.of.tables]]` header: the path of the table it opens."""
        start = self.i
        is_array = self.peek(1) == "["
        self.i += 2 if is_array else 1
        parts = self.read_key()
        self.i += 2 if is_array else 1
        if not is_array:
            table = self.resolve((), parts)
            self.positions[table] = self.pos(start)  # the header, not its last name
            return table
        parent = self.resolve((), parts[:-1])
        array_path = (*parent, parts[-1][0])
        self.record(array_path, start)
        index = self.array_counts.get(array_path, 0)
        self.array_counts[array_path] = index + 1
        table = (*array_path, index)
        self.record(table, start)
        return table

    def skip_line(self) -> None:
        self.skip_space()
        while self.i < len(self.text) and self.text[self.i] != "\n":
            self.i += 1

    def key_value(self, table: Path) -> None:
        parts = self.read_key()
        path = table
        for name, offset in parts:
            path = (*path, name)
            self.record(path, offset)
        self.skip_space()
        if self.peek() == "=":
            self.i += 1
        self.skip_space()
        self.value(path)

    def value(self, path: Path) -> None:
        ch = self.peek()
        if ch in ('"', "'"):
            self.read_string()
        elif ch == "{":
            self.inline_table(path)
        elif ch == "[":
            self.array(path)
        else:
            while self.peek() and self.peek() not in ",]}\n#":
                self.i += 1

    def inline_table(self, path: Path) -> None:
        self.i += 1
        while True:
            self.skip_space()
            if self.peek() in ("}", ""):
                self.i += 1
                return
            if self.peek() == ",":
                self.i += 1
                continue
            self.key_value(path)

    def array(self, path: Path) -> None:
        self.i += 1
        index = 0
        while True:
            self.skip_space(newlines=True)
            if self.peek() in ("]", ""):
                self.i += 1
                return
            if self.peek() == ",":
                self.i += 1
                continue
            self.record((*path, index), self.i)
            self.value((*path, index))
            index += 1


def _escaped(text: str, at: int) -> bool:
    backslashes = 0
    while at - 1 - backslashes >= 0 and text[at - 1 - backslashes] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


def key_positions(text: str) -> dict[Path, Position]:
    """Map every key path in a valid TOML document to its (line, column)."""
    try:
        return _Scanner(text).scan()
    except (IndexError, ValueError):  # pragma: no cover - the text parsed, so this is a bug
        return {}


def locate(positions: dict[Path, Position], path: Path) -> Position | None:
    """The position of `path`, or of its nearest written ancestor."""
    path = tuple(path)
    while path:
        if path in positions:
            return positions[path]
        path = path[:-1]
    return None
