"""`collector-guide inspect FILE... [--format text|json]`: what each image file says about itself.

A thin shell over `collector_guide.photo.provenance`: parse the arguments, read each file, print its
findings, and exit 1 with a one-line `path: error: reason` on stderr for each unreadable file.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from collector_guide.photo.intake import DEFAULT_MAX_BYTES, ImageError, load_image, peek_size
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
        epilog="Exit status: 0 when every file could be read, 1 when any could not or would "
        "be refused as a photo (too large, too many pixels, a format that cannot be shown).",
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

    results: list[_Result] = []
    for path in args.files:
        try:
            data = _read_capped(path)
            report = read_provenance(data, filename=Path(path).name, trust_anchors_pem=trust)
        except (OSError, ProvenanceError) as exc:
            reason = _reason(exc)
            err.write(f"{path}: error: {reason}\n")
            results.append(_Result(path, None, reason))
            continue
        try:  # what the app itself would make of the photo (cheap: draft mode, strips)
            size, refused = load_image(data).original_size, None
        except ImageError as exc:
            size, refused = peek_size(data), str(exc)
            err.write(f"{path}: error: would be refused as a photo: {refused}\n")
        results.append(_Result(path, report, None, size, refused))

    if args.format == "json":
        out.write(json.dumps(_as_json(results), indent=2, ensure_ascii=False) + "\n")
    else:
        out.write(_as_text(results))
    return 1 if any(r.reason is not None or r.refused for r in results) else 0


@dataclass(frozen=True)
class _Result:
    path: str
    report: ProvenanceReport | None
    reason: str | None  # why the file could not be read at all
    size: tuple[int, int] | None = None
    refused: str | None = None  # why it would be refused as a photo


def _read_capped(path: str) -> bytes:
    """The file's bytes, refusing (without reading on) anything past the upload limit: a device
    such as /dev/zero or a pipe that never ends costs at most one limit's worth."""
    with open(path, "rb") as handle:
        data = handle.read(DEFAULT_MAX_BYTES + 1)
    if len(data) > DEFAULT_MAX_BYTES:
        raise OSError(0, f"larger than {DEFAULT_MAX_BYTES // (1024 * 1024)} MB, the limit for "
                      "photos; it was not read")
    return data


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)


def _as_json(results: list[_Result]) -> dict[str, Any]:
    files = []
    for r in results:
        if r.report is None:
            files.append({"path": r.path, "ok": False, "error": r.reason})
        else:
            size = {"width": r.size[0], "height": r.size[1]} if r.size else {}
            files.append({"path": r.path, "ok": r.refused is None, **size,
                          "refused_as_photo": r.refused, **r.report.to_dict()})
    return {"files": files, "caveats": list(CAVEATS)}


def _as_text(results: list[_Result]) -> str:
    lines: list[str] = []
    for r in results:
        report = r.report
        if report is None:
            continue  # already explained on stderr
        size = f", {r.size[0]}×{r.size[1]} pixels" if r.size else ""
        lines.append(f"{r.path} ({report.format}{size})")
        if r.refused:
            lines.append(f"  Would be refused as a photo: {r.refused}")
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
