"""`collector-guide inspect FILE... [--format text|json]`: what each image file says about itself.

A thin shell over `collector_guide.photo.provenance`: parse the arguments, read each file, print its
findings, and exit 1 with a one-line `path: error: reason` on stderr for each unreadable file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from collector_guide.photo.provenance import (
    CATEGORY_LABELS,
    CAVEATS,
    ProvenanceError,
    ProvenanceReport,
    read_provenance,
    suggested_categories,
)

__all__ = ["inspect_main"]

NO_EVIDENCE = "no provenance evidence found"


class _Exit(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class _Parser(argparse.ArgumentParser):
    """argparse that writes to the given streams and returns a status instead of exiting, so
    `inspect_main` can be called (and tested) without a subprocess."""

    def __init__(self, *, out: TextIO, err: TextIO, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._out, self._err = out, err

    def print_help(self, file: TextIO | None = None) -> None:
        super().print_help(file or self._out)

    def print_usage(self, file: TextIO | None = None) -> None:
        super().print_usage(file or self._out)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(self._err)
        self._err.write(f"{self.prog}: error: {message}\n")
        raise _Exit(2)

    def exit(self, status: int = 0, message: str | None = None) -> None:  # type: ignore[override]
        if message:
            self._err.write(message)
        raise _Exit(status)


def _parser(out: TextIO, err: TextIO) -> _Parser:
    parser = _Parser(
        out=out,
        err=err,
        prog="collector-guide inspect",
        description="Show what image files say about how they were made: C2PA Content "
        "Credentials, IPTC digital source type (XMP), EXIF, JPEG comments and the text that AI "
        "generators write. Files are read offline and never modified.",
        epilog="Exit status: 0 when every file could be read, 1 when any could not.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="image files to inspect")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="output format (default: text)")
    parser.add_argument("--trust-anchors", metavar="PEM",
                        help="PEM file of trusted C2PA signing roots; without it, signers are "
                        "reported as not checked against a trust list")
    return parser


def inspect_main(argv: list[str] | None = None, *, out: TextIO | None = None,
                 err: TextIO | None = None) -> int:
    """Run `inspect` with `argv` (the arguments after `inspect`); return the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = _parser(out, err).parse_args(argv)
    except _Exit as stop:
        return stop.status

    trust: str | None = None
    if args.trust_anchors:
        try:
            trust = Path(args.trust_anchors).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            err.write(f"{args.trust_anchors}: error: cannot read the trust anchors: "
                      f"{_reason(exc)}\n")
            return 1

    results: list[tuple[str, ProvenanceReport | None, str | None]] = []
    for path in args.files:
        try:
            data = Path(path).read_bytes()
            report = read_provenance(data, filename=Path(path).name, trust_anchors_pem=trust)
        except (OSError, ProvenanceError) as exc:
            reason = _reason(exc)
            err.write(f"{path}: error: {reason}\n")
            results.append((path, None, reason))
        else:
            results.append((path, report, None))

    if args.format == "json":
        out.write(json.dumps(_as_json(results), indent=2, ensure_ascii=False) + "\n")
    else:
        out.write(_as_text(results))
    return 1 if any(reason is not None for _, _, reason in results) else 0


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)


def _as_json(results: list[tuple[str, ProvenanceReport | None, str | None]]) -> dict[str, Any]:
    files = []
    for path, report, reason in results:
        if report is None:
            files.append({"path": path, "ok": False, "error": reason})
        else:
            files.append({"path": path, "ok": True, **report.to_dict()})
    return {"files": files, "caveats": list(CAVEATS)}


def _as_text(results: list[tuple[str, ProvenanceReport | None, str | None]]) -> str:
    lines: list[str] = []
    for path, report, _reason_text in results:
        if report is None:
            continue  # already explained on stderr
        lines.append(f"{path} ({report.format})")
        if not report.has_evidence:
            lines.append(f"  {NO_EVIDENCE}")
        for f in report.findings:
            label = "Note" if f.source == "file" and f.category == "information" else (
                f"{f.category_label} | {f.strength_label}")
            shown = f"{f.key}: {f.value}" if f.value else f.key
            lines.append(f"  - [{f.source}] {shown}")
            lines.append(f"    {label}. {f.meaning}")
        suggested = suggested_categories(report)
        if suggested:
            lines.append("  Suggests: " + ", ".join(CATEGORY_LABELS[c] for c in suggested))
        lines.extend(f"  Could not read: {e}" for e in report.errors)
        lines.extend(f"  Note: {n}" for n in report.notes)
        lines.append("")
    if lines:
        lines.append("Keep in mind:")
        lines.extend(f"  - {caveat}" for caveat in CAVEATS)
        lines.append("")
    return "\n".join(lines)
