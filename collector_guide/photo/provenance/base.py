"""The provenance vocabulary every reader shares: categories, strengths, sources, `Finding`.

Readers (one module per source) import this and nothing above it. A `Collector` gathers one
file's findings; `guard` keeps one unreadable part from hiding the others.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# --- The vocabulary: categories, strengths, sources -------------------------------------------

AI_GENERATED = "ai-generated"
AI_ASSISTED = "ai-assisted-or-composite"
POSSIBLY_AI = "possibly-ai"
ALGORITHMIC = "algorithmic-not-ai"
CAMERA_CAPTURE = "camera-capture"
INFORMATION = "information"

CATEGORY_LABELS: dict[str, str] = {
    AI_GENERATED: "AI-generated",
    AI_ASSISTED: "AI-assisted or composite",
    POSSIBLY_AI: "Possibly AI",
    ALGORITHMIC: "Algorithmic, but not AI",
    CAMERA_CAPTURE: "Camera capture",
    INFORMATION: "Information",
}
CATEGORIES: tuple[str, ...] = tuple(CATEGORY_LABELS)

SIGNED_TRUSTED = "signed-trusted"
SIGNED_UNTRUSTED = "signed-untrusted"
UNSIGNED_CLAIM = "unsigned-claim"
SIGNATURE_INVALID = "signature-invalid"
HINT = "hint"

# Ordered strongest first; `suggested_categories` ranks by this order. A broken signature still
# names where the file came from (re-saving in a non-C2PA editor breaks it), so it ranks above a
# mere hint but below a claim whose container is intact.
STRENGTH_LABELS: dict[str, str] = {
    SIGNED_TRUSTED: "Signature valid and signer trusted",
    SIGNED_UNTRUSTED: "Signature valid; signer not checked against a trust list",
    UNSIGNED_CLAIM: "Unsigned claim",
    SIGNATURE_INVALID: "Signature invalid",
    HINT: "Hint",
}
STRENGTHS: tuple[str, ...] = tuple(STRENGTH_LABELS)

# "png-stealth": text hidden in the pixels' lowest bits (AUTOMATIC1111's stealth mode).
SOURCES: tuple[str, ...] = ("c2pa", "xmp", "exif", "png-text", "png-stealth", "jpeg-comment",
                            "file")

CAVEATS: list[str] = [
    "A photo of a physical work shows the camera that took the photo, not how the work was made.",
    "Metadata can be stripped or forged: only a valid signature from a trusted signer is hard "
    "to fake, and even that says who signed, not that the claim is true.",
    "Absence proves nothing: most files lose their metadata when shared, screenshotted or "
    "re-saved, so finding no evidence does not mean no AI was used.",
]

MAX_VALUE_CHARS = 200


class ProvenanceError(ValueError):
    """The input is not an image at all (empty, or another kind of file): nothing to read."""


@dataclass(frozen=True)
class Finding:
    """One piece of evidence from the file, worded for a collector."""

    source: str
    key: str
    value: str
    meaning: str
    category: str
    strength: str

    def __post_init__(self) -> None:
        if self.source not in SOURCES:
            raise ValueError(f"unknown finding source {self.source!r}; expected one of {SOURCES}")
        if self.category not in CATEGORIES:
            raise ValueError(f"unknown category {self.category!r}; expected one of {CATEGORIES}")
        if self.strength not in STRENGTHS:
            raise ValueError(f"unknown strength {self.strength!r}; expected one of {STRENGTHS}")
        object.__setattr__(self, "key", clean(self.key, 80))
        object.__setattr__(self, "value", clean(self.value, MAX_VALUE_CHARS))

    @property
    def category_label(self) -> str:
        return CATEGORY_LABELS[self.category]

    @property
    def strength_label(self) -> str:
        return STRENGTH_LABELS[self.strength]

    def to_dict(self) -> dict[str, str]:
        return {
            "source": self.source,
            "key": self.key,
            "value": self.value,
            "meaning": self.meaning,
            "category": self.category,
            "category_label": self.category_label,
            "strength": self.strength,
            "strength_label": self.strength_label,
        }


@dataclass(frozen=True)
class ProvenanceReport:
    """Everything read from one file. `errors` are parts that could not be read at all."""

    filename: str | None
    format: str
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def has_evidence(self) -> bool:
        """True when some finding speaks about the image, not just about the file's condition."""
        return any(f.source != "file" or f.category != INFORMATION for f in self.findings)

    def to_dict(self) -> dict[str, Any]:
        return {
            "filename": self.filename,
            "format": self.format,
            "has_evidence": self.has_evidence,
            "findings": [f.to_dict() for f in self.findings],
            "suggested_categories": suggested_categories(self),
            "errors": list(self.errors),
            "notes": list(self.notes),
        }

    @classmethod
    def from_dict(cls, data: Any) -> ProvenanceReport:
        """The inverse of `to_dict` (for a report kept in the draft store); raises ValueError
        on anything that is not such a report."""
        try:
            findings = [Finding(*(str(f[k]) for k in ("source", "key", "value", "meaning",
                                                       "category", "strength")))
                        for f in data["findings"]]
            filename = data.get("filename")
            return cls(None if filename is None else str(filename), str(data["format"]),
                       findings, [str(e) for e in data.get("errors", [])],
                       [str(n) for n in data.get("notes", [])])
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"not a provenance report: {exc}") from None


def suggested_categories(report: ProvenanceReport) -> list[str]:
    """Categories the evidence points to, strongest evidence first; "information" is left out."""
    rank = {s: i for i, s in enumerate(STRENGTHS)}
    order = {c: i for i, c in enumerate(CATEGORIES)}
    best: dict[str, int] = {}
    for f in report.findings:
        if f.category != INFORMATION:
            best[f.category] = min(best.get(f.category, len(rank)), rank[f.strength])
    return sorted(best, key=lambda c: (best[c], order[c]))


class Collector:
    def __init__(self) -> None:
        self.findings: list[Finding] = []
        self.errors: list[str] = []
        self.notes: list[str] = []
        self._seen: set[tuple[str, str, str]] = set()

    def add(self, source: str, key: str, value: str, meaning: str, category: str,
            strength: str) -> None:
        finding = Finding(source, key, value, meaning, category, strength)
        ident = (finding.source, finding.key, finding.value)
        if ident not in self._seen:  # the same packet can arrive twice (e.g. XMP and fallback)
            self._seen.add(ident)
            self.findings.append(finding)

    def file(self, key: str, value: str, meaning: str) -> None:
        """A fact about the file's condition rather than about the image."""
        self.add("file", key, value, meaning, INFORMATION, HINT)

    def has(self, predicate: Callable[[Finding], bool]) -> bool:
        return any(predicate(f) for f in self.findings)


def guard(out: Collector, label: str, fn: Callable[..., Any], *args: Any) -> None:
    # One unreadable part must not hide the others: record it and go on.
    try:
        fn(*args)
    except Exception as exc:  # the boundary that keeps bad files from crashing
        out.errors.append(f"{label} could not be read: {type(exc).__name__}: {exc}")


@dataclass
class Metadata:
    xmp: list[tuple[str, bytes]] = field(default_factory=list)
    exif: list[tuple[str, bytes]] = field(default_factory=list)
    comments: list[bytes] = field(default_factory=list)
    png_text: list[tuple[str, str]] = field(default_factory=list)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def clean(text: str, limit: int) -> str:
    """One line, no control characters (a value must not drive the terminal), at most `limit`."""
    text = " ".join(_CONTROL.sub(" ", str(text)).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
