"""Provenance reader: what an image file itself says about how it was made.

Pure: the ORIGINAL bytes in, plain-language `Finding`s out. Nothing is decoded, re-encoded, written
to disk or fetched: C2PA Content Credentials are checked offline, and XMP, EXIF, JPEG comments and
PNG text chunks are read by walking the container, so a bomb or a damaged file costs a note.

Theory of operation. `read_provenance` sniffs the container, asks c2pa-python for a manifest
store, then walks the container itself (JPEG segments, PNG chunks, WebP chunks, HEIF items) to
collect XMP packets, EXIF blocks, comments and text chunks. Each collector turns what it finds into
findings with a category (what the evidence suggests) and a strength (how far to trust it). Every
step is guarded: one damaged part becomes a finding or an error line, never an exception.
"""

from __future__ import annotations

import binascii
import io
import json
import re
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import ParseError

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from PIL import Image, PngImagePlugin

from collector_guide.filetypes import FORMAT_NAMES, IMAGE_KINDS, NON_IMAGE_NAMES, sniff

try:
    import c2pa
except ImportError:  # pragma: no cover - c2pa-python is a declared dependency
    c2pa = None

__all__ = [
    "AI_ASSISTED",
    "AI_GENERATED",
    "ALGORITHMIC",
    "C2PA_SETTINGS",
    "CAMERA_CAPTURE",
    "CATEGORIES",
    "CATEGORY_LABELS",
    "CAVEATS",
    "HINT",
    "INFORMATION",
    "POSSIBLY_AI",
    "SIGNATURE_INVALID",
    "SIGNED_TRUSTED",
    "SIGNED_UNTRUSTED",
    "SOURCES",
    "STRENGTHS",
    "STRENGTH_LABELS",
    "UNSIGNED_CLAIM",
    "Finding",
    "ProvenanceError",
    "ProvenanceReport",
    "read_provenance",
    "suggested_categories",
]

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

SOURCES: tuple[str, ...] = ("c2pa", "xmp", "exif", "png-text", "jpeg-comment", "file")

CAVEATS: list[str] = [
    "A photo of a physical work shows the camera that took the photo, not how the work was made.",
    "Metadata can be stripped or forged: only a valid signature from a trusted signer is hard "
    "to fake, and even that says who signed, not that the claim is true.",
    "Absence proves nothing: most files lose their metadata when shared, screenshotted or "
    "re-saved, so finding no evidence does not mean no AI was used.",
]

MAX_VALUE_CHARS = 200
# The same ceiling Pillow uses for one decompressed PNG text chunk, and for all of them together.
MAX_TEXT_CHUNK = PngImagePlugin.MAX_TEXT_CHUNK
MAX_TEXT_MEMORY = PngImagePlugin.MAX_TEXT_MEMORY
MAX_XMP_BYTES = 4 * 1024 * 1024
# Real files have dozens of segments or chunks; a file made of millions of tiny ones is an attack
# on the reader's time, so walking stops here.
MAX_PARTS = 100_000

# c2pa-python fetches remote manifests by default; a reader that goes online whenever a file says
# so would leak what the collector looks at. OCSP is off by default today; pin it off anyway.
C2PA_SETTINGS: dict[str, Any] = {
    "verify": {"remote_manifest_fetch": False, "ocsp_fetch": False},
    "core": {"allowed_network_hosts": []},
}


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
        object.__setattr__(self, "key", _clean(self.key, 80))
        object.__setattr__(self, "value", _clean(self.value, MAX_VALUE_CHARS))

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


def suggested_categories(report: ProvenanceReport) -> list[str]:
    """Categories the evidence points to, strongest evidence first; "information" is left out."""
    rank = {s: i for i, s in enumerate(STRENGTHS)}
    order = {c: i for i, c in enumerate(CATEGORIES)}
    best: dict[str, int] = {}
    for f in report.findings:
        if f.category != INFORMATION:
            best[f.category] = min(best.get(f.category, len(rank)), rank[f.strength])
    return sorted(best, key=lambda c: (best[c], order[c]))


def read_provenance(
    data: bytes, *, filename: str | None = None, trust_anchors_pem: str | None = None
) -> ProvenanceReport:
    """Read every provenance signal in `data` (the file's original bytes).

    Raises `ProvenanceError` only when `data` is empty or is not an image container at all
    (a ZIP renamed .jpg, a PDF, text); every other problem becomes a finding, error or note.
    `trust_anchors_pem` is a PEM bundle of C2PA trust anchors; without it, signers are reported
    as not checked against a trust list.
    """
    data = bytes(data)
    if not data:
        raise ProvenanceError("the file is empty")
    kind = sniff(data)
    if kind not in _IMAGE_KINDS:
        what = _NON_IMAGE_NAMES.get(kind or "", "an unknown kind of file")
        raise ProvenanceError(f"not an image: it looks like {what}")
    out = _Collector()
    _check_name(filename, kind, out)
    _guard(out, "Content Credentials (C2PA)", _read_c2pa, data, kind, trust_anchors_pem, out)
    meta = _Metadata()
    walker = _WALKERS.get(kind)
    if walker is not None:
        _guard(out, f"The {_KIND_NAMES[kind]} structure", walker, data, out, meta)
    if not meta.xmp and kind not in ("jpeg", "png", "webp"):
        _guard(out, "XMP", _scan_for_xmp, data, meta)
    for where, packet in meta.xmp:
        _guard(out, "XMP", _read_xmp, packet, where, out)
    for where, raw in meta.exif:
        _guard(out, "EXIF", _read_exif, raw, where, out)
    for raw in meta.comments:
        _guard(out, "A JPEG comment", _read_comment, raw, out)
    if meta.png_text:
        _guard(out, "PNG text", _interpret_png_text, meta.png_text, out)
    _guard(out, "Credit line", _scan_for_google_credit, data, out)
    return ProvenanceReport(
        filename=filename,
        format=_KIND_NAMES[kind],
        findings=out.findings,
        errors=out.errors,
        notes=out.notes,
    )


# --- Collecting ---------------------------------------------------------------------------------


class _Collector:
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


def _guard(out: _Collector, label: str, fn: Callable[..., Any], *args: Any) -> None:
    # One unreadable part must not hide the others: record it and go on.
    try:
        fn(*args)
    except Exception as exc:  # the boundary that keeps bad files from crashing
        out.errors.append(f"{label} could not be read: {type(exc).__name__}: {exc}")


@dataclass
class _Metadata:
    xmp: list[tuple[str, bytes]] = field(default_factory=list)
    exif: list[tuple[str, bytes]] = field(default_factory=list)
    comments: list[bytes] = field(default_factory=list)
    png_text: list[tuple[str, str]] = field(default_factory=list)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def _clean(text: str, limit: int) -> str:
    """One line, no control characters (a value must not drive the terminal), at most `limit`."""
    text = " ".join(_CONTROL.sub(" ", str(text)).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- Sniffing -----------------------------------------------------------------------------------

_IMAGE_KINDS = IMAGE_KINDS
_KIND_NAMES = {**FORMAT_NAMES, "heif": "HEIF"}  # provenance names the container, not the codec
_NON_IMAGE_NAMES = NON_IMAGE_NAMES
_EXTENSIONS = {
    "jpeg": {"jpg", "jpeg", "jpe", "jfif"}, "png": {"png"}, "gif": {"gif"}, "webp": {"webp"},
    "heif": {"heic", "heif", "hif"}, "avif": {"avif"}, "tiff": {"tif", "tiff", "dng"},
    "bmp": {"bmp", "dib"},
}
_C2PA_MIME = {
    "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif", "webp": "image/webp",
    "heif": "image/heic", "avif": "image/avif", "tiff": "image/tiff",
}


def _check_name(filename: str | None, kind: str, out: _Collector) -> None:
    if not filename or "." not in filename:
        return
    ext = filename.rsplit(".", 1)[1].lower()
    known = set().union(*_EXTENSIONS.values())
    if ext in known and ext not in _EXTENSIONS[kind]:
        out.file("file name", filename,
                 f"The name ends in .{ext}, but the file is really a {_KIND_NAMES[kind]}. "
                 "Harmless on its own, but it shows the file was renamed or converted.")


# --- C2PA Content Credentials -------------------------------------------------------------------

# IPTC digital source types, matched by the last path segment (files use http and https, and
# older tools a different case). Each maps to a category and a plain-language meaning.
_SOURCE_TYPES: dict[str, tuple[str, str]] = {
    "trainedalgorithmicmedia": (
        AI_GENERATED, "made by generative AI (a model trained on other images)"),
    "compositewithtrainedalgorithmicmedia": (
        AI_ASSISTED, "a composite that includes parts made by generative AI, such as an edit "
        "with generative fill"),
    "algorithmicmedia": (
        ALGORITHMIC, "made by an algorithm that was NOT trained on data, such as code art or "
        "fractals. This is not AI, although the names are easily confused"),
    "digitalcapture": (CAMERA_CAPTURE, "captured by a digital camera or phone"),
    "computationalcapture": (
        CAMERA_CAPTURE, "captured by a camera with computational processing, such as a phone's "
        "multi-frame HDR"),
    "negativefilm": (CAMERA_CAPTURE, "digitised from a film negative"),
    "positivefilm": (CAMERA_CAPTURE, "digitised from a slide (positive film)"),
    "print": (CAMERA_CAPTURE, "digitised from a print on paper"),
    "compositecapture": (
        CAMERA_CAPTURE, "a composite of several camera captures, such as a panorama"),
    "minorhumanedits": (INFORMATION, "an original with minor human edits"),
    "humanedits": (INFORMATION, "an original edited by a person"),
    "algorithmicallyenhanced": (
        POSSIBLY_AI, "enhanced by an algorithm (sharpening, denoising, upscaling), which may "
        "or may not be AI"),
    "digitalcreation": (
        INFORMATION, "made by a person with digital tools, such as drawing or painting software"),
    "digitalart": (
        INFORMATION, "made by a person with digital tools, such as drawing or painting software"),
    "datadrivenmedia": (ALGORITHMIC, "a picture of data, such as a chart, made by programming"),
    "screencapture": (INFORMATION, "a screenshot"),
    "virtualrecording": (INFORMATION, "a recording of a virtual scene, such as a game"),
    "composite": (POSSIBLY_AI, "a composite of several elements, any of which may or may not "
                  "be AI-generated"),
    "compositesynthetic": (POSSIBLY_AI, "a composite of synthetic elements, any of which may or "
                           "may not be AI-generated"),
}


def _source_type(term: str) -> tuple[str, str, str]:
    """(short name, category, meaning) for an IPTC digital source type URI or bare term."""
    short = term.strip().rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    category, meaning = _SOURCE_TYPES.get(
        short.lower(), (INFORMATION, f"an unrecognised digital source type ({short})"))
    return short, category, meaning


def _c2pa_settings(trust_anchors_pem: str | None) -> dict[str, Any]:
    settings = json.loads(json.dumps(C2PA_SETTINGS))
    if trust_anchors_pem:
        # trust_anchors (not user_anchors) so the verdict depends only on the gallery's list.
        settings["trust"] = {"trust_anchors": trust_anchors_pem}
        settings["verify"]["verify_trust"] = True
    else:
        settings["verify"]["verify_trust"] = False
    return settings


def _read_c2pa(data: bytes, kind: str, trust_pem: str | None, out: _Collector) -> None:
    mime = _C2PA_MIME.get(kind)
    if mime is None:
        return
    if c2pa is None:  # pragma: no cover
        out.notes.append("Content Credentials were not checked: c2pa-python is not installed.")
        return
    try:
        ctx = c2pa.Context.from_dict(_c2pa_settings(trust_pem))
    except Exception as exc:  # a bad trust file must not stop the reading
        out.errors.append(f"The trust-anchor PEM could not be used ({exc}); signers are reported "
                          "as not checked against a trust list.")
        trust_pem = None
        ctx = c2pa.Context.from_dict(_c2pa_settings(None))
    with ctx:
        try:
            reader = c2pa.Reader.try_create(mime, io.BytesIO(data), None, ctx)
        except Exception as exc:  # c2pa raises one class for every failure
            _c2pa_failure(str(exc), data, out)
            return
        if reader is None:
            return
        with reader:
            store = json.loads(reader.json())
    _interpret_store(store, trust_pem is not None, out)


_REMOTE_URL = re.compile(r"(https?://\S+)")


def _c2pa_failure(message: str, data: bytes, out: _Collector) -> None:
    if message.startswith("Remote"):
        url = _REMOTE_URL.search(message)
        out.add("c2pa", "remote manifest", url.group(1) if url else "",
                "This file says its Content Credentials are stored online. Collector Guide "
                "never goes online to read a file, so they were not fetched; open the link in a "
                "C2PA verifier to check them.", INFORMATION, HINT)
        return
    if b"jumb" in data and b"c2pa" in data:
        out.add("c2pa", "manifest", message,
                "The file seems to carry Content Credentials, but they could not be read: they "
                "are damaged, or use a form this reader does not support.",
                INFORMATION, SIGNATURE_INVALID)
    # Otherwise the file has no credentials and the library merely disliked its structure;
    # the container walk reports structural problems in plainer words.


def _interpret_store(store: dict[str, Any], trust_list: bool, out: _Collector) -> None:
    manifests: dict[str, Any] = store.get("manifests") or {}
    active = manifests.get(store.get("active_manifest") or "")
    if not isinstance(active, dict):
        out.add("c2pa", "manifest", "no active manifest",
                "The file has a Content Credentials store, but no current manifest in it.",
                INFORMATION, SIGNATURE_INVALID)
        return
    state = store.get("validation_state") or ""
    results = (store.get("validation_results") or {}).get("activeManifest") or {}
    failures = [f.get("code", "") for f in results.get("failure") or [] if isinstance(f, dict)]
    real_failures = [c for c in failures if c != "signingCredential.untrusted"]
    if state == "Trusted":
        strength = SIGNED_TRUSTED
    elif state == "Invalid" or (not state and real_failures):
        strength = SIGNATURE_INVALID
    else:
        strength = SIGNED_UNTRUSTED

    sig = active.get("signature_info") or {}
    signer = sig.get("common_name") or sig.get("issuer") or "an unnamed signer"
    if sig.get("issuer") and sig.get("issuer") != signer:
        signer = f"{signer} (issued by {sig['issuer']})"
    if strength == SIGNED_TRUSTED:
        meaning = f"Signed by {signer}, a signer on your trust list; the signature is valid."
    elif strength == SIGNED_UNTRUSTED and trust_list:
        meaning = (f"Signed by {signer}; the signature is valid, but the signer is NOT on your "
                   "trust list, so anyone could have made that certificate.")
    elif strength == SIGNED_UNTRUSTED:
        meaning = (f"Signed by {signer}; signer not checked against a trust list. The signature "
                   "is valid, so the file has not changed since it was signed.")
    else:
        meaning = (f"Signed by {signer}, but the Content Credentials do not check out: "
                   f"{_explain_failures(real_failures)}. Treat what they say with suspicion.")
    value = signer + (f", signed {sig['time']}" if sig.get("time") else "")
    out.add("c2pa", "signer", value, meaning, INFORMATION, strength)
    shown_state = state or ("Invalid" if strength == SIGNATURE_INVALID else "Valid")
    out.add("c2pa", "validation state",
            shown_state + (f" ({', '.join(real_failures)})" if real_failures else ""),
            _STATE_MEANINGS.get(shown_state, "The verifier's overall verdict."),
            INFORMATION, strength)

    generator = _claim_generator(active)
    if generator:
        out.add("c2pa", "claim generator", generator,
                "The program that wrote these Content Credentials.", INFORMATION, strength)
    _read_manifest_actions(active, "", out, strength)
    _read_ingredients(active, manifests, out, strength, depth=0, seen=set())


_STATE_MEANINGS = {
    "Trusted": "The signature is valid and the signer chains to a trusted certificate.",
    "Valid": "The signature is valid and the file has not changed since it was signed.",
    "Invalid": "The Content Credentials failed verification: the file was changed after "
    "signing, or the credentials are damaged or forged.",
}

_FAILURE_WORDS = {
    "assertion.dataHash.mismatch": "the picture was changed after it was signed",
    "assertion.boxesHash.mismatch": "the picture was changed after it was signed",
    "assertion.bmffHash.mismatch": "the picture was changed after it was signed",
    "assertion.hashedURI.mismatch": "a statement inside the credentials was altered",
    "claimSignature.mismatch": "the signature does not match the credentials",
    "algorithm.unsupported": "the signature uses an unknown or unsupported algorithm",
    "signingCredential.invalid": "the signing certificate is not valid for this signature",
    "signingCredential.expired": "the signing certificate had expired",
    "signingCredential.revoked": "the signing certificate was revoked",
}


def _explain_failures(codes: list[str]) -> str:
    words = [_FAILURE_WORDS.get(c, c) for c in codes] or ["the verifier rejected them"]
    return "; ".join(dict.fromkeys(words))


def _claim_generator(manifest: dict[str, Any]) -> str:
    info = manifest.get("claim_generator_info")
    if isinstance(info, list) and info and isinstance(info[0], dict):
        return " ".join(str(info[0].get(k, "")) for k in ("name", "version")).strip()
    return str(manifest.get("claim_generator") or "")


def _actions(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for assertion in manifest.get("assertions") or []:
        label = str(assertion.get("label", ""))
        if label.startswith("c2pa.actions"):
            data = assertion.get("data") or {}
            found.extend(a for a in data.get("actions") or [] if isinstance(a, dict))
    return found


def _read_manifest_actions(manifest: dict[str, Any], prefix: str, out: _Collector,
                           strength: str, ingredient: str | None = None) -> None:
    for action in _actions(manifest):
        term = action.get("digitalSourceType")
        if not term:
            continue
        name = str(action.get("action", "an action"))
        short, category, meaning = _source_type(str(term))
        if category == AI_GENERATED and (ingredient or name != "c2pa.created"):
            # Generative AI applied to an existing picture (an edit, a placed element, or an
            # ingredient that went into this one) makes this picture assisted, not generated.
            category = AI_ASSISTED
        agent = action.get("softwareAgent")
        agent_name = agent.get("name") if isinstance(agent, dict) else agent
        who = f" with {agent_name}" if agent_name else ""
        step = _ACTION_WORDS.get(name, f"the step '{name}'")
        said = f"The Content Credentials record {step}{who} as {meaning}."
        if ingredient is not None:
            said = (f"For {ingredient}, an image this one was made from, the Content Credentials "
                    f"record {step}{who} as {meaning}.")
        out.add("c2pa", f"{prefix}{name} digitalSourceType", str(term), said, category, strength)


_ACTION_WORDS = {
    "c2pa.created": "the creation of the picture",
    "c2pa.edited": "an edit",
    "c2pa.placed": "placing an element into the picture",
    "c2pa.opened": "opening an earlier picture",
    "c2pa.converted": "a format conversion",
}


def _read_ingredients(manifest: dict[str, Any], manifests: dict[str, Any], out: _Collector,
                      strength: str, depth: int, seen: set[str]) -> None:
    if depth > 8:  # a malicious store could chain ingredients without end
        return
    for ing in manifest.get("ingredients") or []:
        if not isinstance(ing, dict):
            continue
        title = str(ing.get("title") or "an ingredient")
        rel = str(ing.get("relationship") or "")
        prefix = f"ingredient '{title}'{f' ({rel})' if rel else ''}: "
        direct = ing.get("digitalSourceType") or ing.get("digital_source_type")
        if direct:
            short, category, meaning = _source_type(str(direct))
            if category == AI_GENERATED:
                category = AI_ASSISTED
            out.add("c2pa", f"{prefix}digitalSourceType", str(direct),
                    f"An image this one was made from is recorded as {meaning}.", category,
                    strength)
        label = ing.get("active_manifest")
        sub = manifests.get(label) if isinstance(label, str) else None
        if isinstance(sub, dict) and label not in seen:
            seen.add(label)
            _read_manifest_actions(sub, prefix, out, strength, ingredient=f"'{title}'")
            _read_ingredients(sub, manifests, out, strength, depth + 1, seen)


# --- Container walkers --------------------------------------------------------------------------

_XMP_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"
_XMP_EXT_HEADER = b"http://ns.adobe.com/xmp/extension/\x00"
_STANDALONE_MARKERS = {0x01, *range(0xD0, 0xD8)}


def _walk_jpeg(data: bytes, out: _Collector, meta: _Metadata) -> None:
    pos = 2
    extended: dict[bytes, dict[int, bytes]] = {}
    for _ in range(MAX_PARTS):
        if pos + 4 > len(data):
            _truncated(out, "JPEG")
            break
        if data[pos] != 0xFF:
            out.file("JPEG structure", f"unexpected byte at offset {pos}",
                     "The JPEG's structure is damaged; metadata after this point was not read.")
            break
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        if marker in _STANDALONE_MARKERS or marker == 0xD8:
            pos += 2
            continue
        if marker == 0xD9:
            break
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        end = pos + 2 + length
        if length < 2 or end > len(data):
            _truncated(out, "JPEG")
            break
        payload = data[pos + 4 : end]
        if marker == 0xDA:  # start of scan: image data follows, metadata is over
            if data.find(b"\xff\xd9", end) < 0:
                _truncated(out, "JPEG")
            break
        if marker == 0xE1 and payload.startswith(b"Exif\x00\x00"):
            meta.exif.append(("JPEG APP1", payload))
        elif marker == 0xE1 and payload.startswith(_XMP_HEADER):
            meta.xmp.append(("JPEG APP1", payload[len(_XMP_HEADER) :]))
        elif marker == 0xE1 and payload.startswith(_XMP_EXT_HEADER):
            body = payload[len(_XMP_EXT_HEADER) :]
            if len(body) > 40:  # GUID (32) + full length (4) + offset (4)
                (offset,) = struct.unpack(">I", body[36:40])
                extended.setdefault(body[:32], {})[offset] = body[40:]
        elif marker == 0xFE:
            meta.comments.append(payload)
        pos = end
    else:
        _too_many_parts(out, "JPEG")
    for parts in extended.values():
        meta.xmp.append(("JPEG extended XMP", b"".join(parts[k] for k in sorted(parts))))


def _too_many_parts(out: _Collector, what: str) -> None:
    out.file(f"{what} structure", f"over {MAX_PARTS:,} parts",
             f"The {what} file is split into an absurd number of parts; reading stopped there.")


def _truncated(out: _Collector, what: str) -> None:
    out.file(f"{what} structure", "truncated",
             f"The {what} file ends early (it is truncated), perhaps from an interrupted download "
             "or copy; part of the picture is missing. Metadata before the cut was still read.")


class _TooLarge(Exception):
    pass


def _inflate(compressed: bytes, limit: int) -> bytes:
    inflater = zlib.decompressobj()
    text = inflater.decompress(compressed, limit + 1)
    if len(text) > limit:
        raise _TooLarge
    return text


def _walk_png(data: bytes, out: _Collector, meta: _Metadata) -> None:
    pos = 8
    bad_crc: list[str] = []
    budget = MAX_TEXT_MEMORY
    ended = False
    for _ in range(MAX_PARTS):
        if pos + 12 > len(data):
            break
        length, ctype = struct.unpack(">I4s", data[pos : pos + 8])
        end = pos + 12 + length
        if end > len(data):
            break
        body = data[pos + 8 : pos + 8 + length]
        name = ctype.decode("latin-1")
        if zlib.crc32(ctype + body) != int.from_bytes(data[end - 4 : end], "big"):
            bad_crc.append(name)
        if ctype in (b"tEXt", b"zTXt", b"iTXt"):
            key = body.split(b"\x00", 1)[0].decode("latin-1")
            try:
                text = _png_text(ctype, body, min(MAX_TEXT_CHUNK, budget))
            except _TooLarge:
                out.file(f"PNG text chunk '{key}'", f"over {MAX_TEXT_CHUNK // 1024} KB",
                         f"The PNG text chunk '{key}' is too large to read: it expands past "
                         f"{MAX_TEXT_CHUNK // 1024} KB, the limit Pillow also enforces. Real "
                         "generators do not write this much; it may be an attempt to overwhelm "
                         "readers. It was skipped.")
            except (zlib.error, ValueError, IndexError):
                out.file(f"PNG text chunk '{key}'", "damaged",
                         f"The PNG text chunk '{key}' is damaged and could not be read.")
            else:
                budget -= len(text)
                if key == "XML:com.adobe.xmp":
                    meta.xmp.append(("PNG iTXt", text.encode("utf-8")))
                elif key.startswith("Raw profile type") and key.endswith(("exif", "APP1")):
                    exif = _imagemagick_profile(text)
                    if exif:
                        meta.exif.append(("PNG ImageMagick profile", exif))
                else:
                    meta.png_text.append((key, text))
        elif ctype == b"eXIf":
            meta.exif.append(("PNG eXIf", body))
        elif ctype == b"IEND":
            ended = True
            break
        pos = end
    else:
        _too_many_parts(out, "PNG")
        ended = True
    if not ended:
        _truncated(out, "PNG")
    if bad_crc:
        out.file("PNG checksums", ", ".join(dict.fromkeys(bad_crc)),
                 "Some PNG chunks fail their checksum: the file was damaged or edited by hand "
                 "after it was written. What they say was still read; treat it with care.")


def _png_text(ctype: bytes, body: bytes, limit: int) -> str:
    key, _, rest = body.partition(b"\x00")
    if ctype == b"tEXt":
        return rest.decode("latin-1")
    if ctype == b"zTXt":
        return _inflate(rest[1:], limit).decode("latin-1")
    compressed, rest = rest[0], rest[2:]
    _lang, _, rest = rest.partition(b"\x00")
    _translated, _, text = rest.partition(b"\x00")
    if compressed:
        text = _inflate(text, limit)
    return text.decode("utf-8", "replace")


def _imagemagick_profile(text: str) -> bytes | None:
    # ImageMagick stores EXIF as hex text: a blank line, the name, the length, then hex lines.
    lines = text.strip().splitlines()
    try:
        raw = binascii.unhexlify("".join(line.strip() for line in lines[2:]))
    except (binascii.Error, ValueError):
        return None
    start = raw.find(b"Exif\x00\x00")
    return raw[start:] if start >= 0 else raw


def _walk_webp(data: bytes, out: _Collector, meta: _Metadata) -> None:
    pos = 12
    for _ in range(MAX_PARTS):
        if pos + 8 > len(data):
            return
        fourcc = data[pos : pos + 4]
        (size,) = struct.unpack("<I", data[pos + 4 : pos + 8])
        body = data[pos + 8 : pos + 8 + size]
        if len(body) < size:
            _truncated(out, "WebP")
            return
        if fourcc == b"EXIF":
            meta.exif.append(("WebP EXIF", body))
        elif fourcc == b"XMP ":
            meta.xmp.append(("WebP XMP", body))
        pos += 8 + size + (size & 1)


def _walk_heif(data: bytes, out: _Collector, meta: _Metadata) -> None:
    try:
        import pillow_heif
    except ImportError:  # pragma: no cover - the raw XMP scan still runs
        out.notes.append("HEIF EXIF was not read: pillow-heif is not installed.")
        return
    # open_heif parses the item boxes only; pixels are decoded on first access, which never comes.
    heif = pillow_heif.open_heif(io.BytesIO(data))
    exif = heif.info.get("exif")
    if exif:
        meta.exif.append(("HEIF EXIF", bytes(exif)))
    xmp = heif.info.get("xmp")
    if xmp:
        meta.xmp.append(("HEIF XMP", bytes(xmp)))


def _walk_avif(data: bytes, out: _Collector, meta: _Metadata) -> None:
    Image.init()
    if "AVIF" not in Image.OPEN:  # pragma: no cover - Pillow built without libavif
        out.notes.append("AVIF EXIF was not read: this Pillow has no AVIF support.")
        return
    # Opening parses the boxes; pixels are decoded only by load(), which is never called.
    with Image.open(io.BytesIO(data), formats=["AVIF"]) as im:
        if im.info.get("exif"):
            meta.exif.append(("AVIF EXIF", bytes(im.info["exif"])))
        if im.info.get("xmp"):
            meta.xmp.append(("AVIF XMP", bytes(im.info["xmp"])))


def _walk_tiff(data: bytes, out: _Collector, meta: _Metadata) -> None:
    meta.exif.append(("TIFF", data))  # a TIFF's first directory is where EXIF's tags live


_WALKERS: dict[str, Callable[[bytes, _Collector, _Metadata], None]] = {
    "jpeg": _walk_jpeg, "png": _walk_png, "webp": _walk_webp, "heif": _walk_heif,
    "avif": _walk_avif, "tiff": _walk_tiff,
}


def _scan_for_xmp(data: bytes, meta: _Metadata) -> None:
    start = data.find(b"<x:xmpmeta")
    if start < 0:
        return
    end = data.find(b"</x:xmpmeta>", start)
    if end > start:
        meta.xmp.append(("embedded XMP packet", data[start : end + len(b"</x:xmpmeta>")]))


# --- XMP ----------------------------------------------------------------------------------------

_RDF_STRUCTURE = {"RDF", "Description", "Alt", "Seq", "Bag", "li", "xmpmeta", "value"}
_RDF_ATTRIBUTES = {"about", "parseType", "lang", "ID", "nodeID", "datatype", "xmptk"}


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _xmp_properties(root: Any) -> list[tuple[str, str]]:
    """Flatten XMP to (property local name, value) pairs, whatever RDF form the writer chose."""
    props: list[tuple[str, str]] = []
    stack = [(root, "")]
    while stack:  # iterative: a deeply nested packet must not exhaust the Python stack
        elem, prop = stack.pop()
        local = _local(elem.tag) if isinstance(elem.tag, str) else ""
        name = prop if local in _RDF_STRUCTURE else local
        for attr, value in elem.attrib.items():
            attr_local = _local(attr)
            if attr_local == "resource" and name:
                props.append((name, value))
            elif attr_local not in _RDF_ATTRIBUTES:
                props.append((attr_local, value))
        text = (elem.text or "").strip()
        if text and len(elem) == 0 and name:
            props.append((name, text))
        stack.extend((child, name) for child in reversed(list(elem)))
    return props


def _read_xmp(packet: bytes, where: str, out: _Collector) -> None:
    packet = packet.strip(b"\x00 \t\r\n")
    if len(packet) > MAX_XMP_BYTES:
        out.file("XMP packet", f"{len(packet)} bytes in {where}",
                 "The XMP metadata is far larger than any real packet; it was skipped.")
        return
    try:
        root = SafeET.fromstring(packet, forbid_dtd=True)
    except DefusedXmlException:
        out.file("XMP packet", f"DTD or entity declarations in {where}",
                 "The XMP metadata declares XML entities, which real XMP never does; it is the "
                 "shape of an 'entity bomb' meant to exhaust a reader's memory. It was not read.")
        return
    except ParseError as exc:
        out.file("XMP packet", f"not well-formed XML in {where} ({exc})",
                 "The XMP metadata is damaged (not well-formed XML), so it could not be read.")
        return
    for name, value in _xmp_properties(root):
        _interpret_xmp_property(name, value, out)


def _interpret_xmp_property(name: str, value: str, out: _Collector) -> None:
    lowered = name.lower()
    if lowered == "digitalsourcetype":
        short, category, meaning = _source_type(value)
        out.add("xmp", "Iptc4xmpExt:DigitalSourceType", value,
                f"The file's IPTC metadata (unsigned) says it was {meaning}.", category,
                UNSIGNED_CLAIM)
    elif lowered == "aisystemused":
        out.add("xmp", "Iptc4xmpExt:AISystemUsed", value,
                f"The IPTC metadata (unsigned) names an AI system used in making it: {value}. It "
                "does not say whether that system generated the picture or helped edit it.",
                POSSIBLY_AI, UNSIGNED_CLAIM)
    elif lowered == "aipromptinformation":
        out.add("xmp", "Iptc4xmpExt:AIPromptInformation", value,
                "The IPTC metadata (unsigned) records a prompt given to an AI system.",
                AI_GENERATED, UNSIGNED_CLAIM)
    elif lowered == "creatortool":
        _software_finding("xmp", "xmp:CreatorTool", value, out)
    elif lowered == "provenance" and value.startswith(("http://", "https://")):
        if out.has(lambda f: f.key == "remote manifest"):
            return  # the C2PA reader already said so
        out.add("xmp", "dcterms:provenance", value,
                "The file points to Content Credentials stored online. They were not fetched: "
                "Collector Guide never goes online to read a file.", INFORMATION, HINT)
    elif lowered in ("description", "usercomment", "imagedescription", "credit"):
        _interpret_free_text("xmp", f"xmp:{name}", value, out)


# --- EXIF ---------------------------------------------------------------------------------------


def _read_exif(raw: bytes, where: str, out: _Collector) -> None:
    exif = Image.Exif()
    try:
        exif.load(raw)
        ifd0 = dict(exif)
    except Exception as exc:  # Pillow raises many types on broken TIFF data
        out.file("EXIF block", f"damaged in {where}",
                 f"The EXIF metadata is damaged and could not be read ({type(exc).__name__}).")
        return
    try:
        sub = dict(exif.get_ifd(0x8769))
    except Exception:  # the main directory is still worth reporting
        sub = {}
    software = _exif_text(ifd0.get(0x0131))
    if software:
        _software_finding("exif", "Software", software, out)
    camera_parts: list[str] = []
    comfy: dict[str, str] = {}
    for tag in (0x010F, 0x0110):  # Make, Model
        text = _exif_text(ifd0.get(tag))
        if text.lower().startswith(("workflow:", "prompt:")):
            # ComfyUI's WebP saver hides its graph in Make and Model as "workflow:{...}".
            comfy[str(tag)] = text.split(":", 1)[1]
        elif text:
            camera_parts.append(text)
    if comfy:
        _comfyui_finding("exif", "Make/Model", comfy, out)
    camera = " ".join(camera_parts)
    if camera:
        out.add("exif", "Make/Model", camera,
                f"The EXIF names a camera or phone ({camera}). That describes the device that "
                "took this photo: for a photo of a physical work, it says nothing about how the "
                "work was made.", CAMERA_CAPTURE, HINT)
    description = _exif_text(ifd0.get(0x010E))
    if description:
        _interpret_free_text("exif", "ImageDescription", description, out)
    comment = sub.get(0x9286)
    if comment:
        text = _user_comment(comment, getattr(exif, "endian", None) or ">")
        if text:
            _interpret_free_text("exif", "UserComment", text, out)


def _exif_text(value: Any) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return str(value).strip("\x00 ") if value is not None else ""


def _user_comment(raw: Any, endian: str) -> str:
    """Decode EXIF UserComment, whose first 8 bytes name its character set."""
    if isinstance(raw, str):
        return raw.strip("\x00 ")
    raw = bytes(raw)
    header, body = raw[:8], raw[8:]
    if header == b"UNICODE\x00":
        if body[:2] in (b"\xff\xfe", b"\xfe\xff"):
            text = body.decode("utf-16", "replace")
        else:
            # Writers disagree on byte order: count zero bytes (ASCII in UTF-16) to tell.
            sample = body[:400]
            even, odd = sample[0::2].count(0), sample[1::2].count(0)
            big = even > odd if even != odd else endian in (">", "MM")
            text = body.decode("utf-16-be" if big else "utf-16-le", "replace")
    elif header == b"ASCII\x00\x00\x00":
        text = body.decode("ascii", "replace")
    elif header == b"JIS\x00\x00\x00\x00\x00":
        text = body.decode("cp932", "replace")
    elif header == b"\x00" * 8:
        text = body.decode("utf-8", "replace")
    else:
        text = raw.decode("utf-8", "replace")
    return text.strip("\x00 ")


# --- Software names -----------------------------------------------------------------------------

_AI_GENERATORS = re.compile(
    r"midjourney|dall[-·.\s]?e|stable[\s_-]?diffusion|novelai|comfyui|automatic1111|invokeai|"
    r"fooocus|\bimagen\b|\bgemini\b|leonardo\.?ai|ideogram|\bflux\b|firefly|image creator|"
    r"craiyon|nightcafe|dreamstudio|playground ?ai|\bkrea\b|chatgpt|gpt-?4o|openai|stability ai",
    re.IGNORECASE,
)
_AI_ENHANCERS = re.compile(
    r"topaz|gigapixel|remini|lensa|upscayl|esrgan|waifu2x|let'?s enhance", re.IGNORECASE)
_ALGORITHMIC_TOOLS = re.compile(
    r"^processing\b|p5\.?js|touchdesigner|openframeworks|\bvvvv\b|nannou|context ?free|"
    r"structure ?synth|apophysis|chaotica|mandelbulb|ultra ?fractal|fragmentarium|\bhydra\b",
    re.IGNORECASE,
)


def _software_finding(source: str, key: str, text: str, out: _Collector) -> None:
    if _AI_GENERATORS.search(text):
        out.add(source, key, text,
                f"The file was last saved by {text}, an AI image generator. The field is "
                "unsigned and only names the last program, but such files usually come straight "
                "from the generator.", AI_GENERATED, HINT)
    elif _AI_ENHANCERS.search(text):
        out.add(source, key, text,
                f"The file was last saved by {text}, an AI enhancement or upscaling tool.",
                POSSIBLY_AI, HINT)
    elif _ALGORITHMIC_TOOLS.search(text):
        out.add(source, key, text,
                f"The file was last saved by {text}, a tool for code-based or algorithmic art "
                "(not AI).", ALGORITHMIC, HINT)
    else:
        out.add(source, key, text,
                f"The program that last saved the file: {text}. Many editors now include AI "
                "tools; this field does not say whether any were used.", INFORMATION, HINT)


# --- Generator parameters -----------------------------------------------------------------------

_A1111_LINE = re.compile(r"(?:^|\n)\s*Steps: \d+, Sampler: ")
_A1111_FIELD = re.compile(r'\s*([\w ./()-]+?):\s*("(?:\\.|[^"])*"|[^,]*)(?:,|$)')
_JOB_ID = re.compile(r"Job ID:\s*[0-9a-f]{8}-[0-9a-f-]{27}", re.IGNORECASE)
_GOOGLE_CREDITS = {
    "made with google ai": (AI_GENERATED, "made with Google's generative AI"),
    "edited with google ai": (AI_ASSISTED, "edited with Google's generative AI"),
}


def _interpret_free_text(source: str, key: str, text: str, out: _Collector) -> bool:
    """Recognise the text formats generators write anywhere; report others as information."""
    if _A1111_LINE.search(text):
        _a1111_finding(source, key, text, out)
        return True
    stripped = text.lstrip()
    if stripped.startswith("{"):
        parsed = _json(stripped)
        if isinstance(parsed, dict) and _looks_like_comfyui(parsed):
            _comfyui_finding(source, key, {key: stripped}, out)
            return True
    if _JOB_ID.search(text):
        out.add(source, key, text,
                "A description with a Job ID, the way Midjourney records its prompts: the "
                "picture was very likely generated by Midjourney.", AI_GENERATED, UNSIGNED_CLAIM)
        return True
    lowered = text.lower()
    for phrase, (category, words) in _GOOGLE_CREDITS.items():
        if phrase in lowered:
            out.add(source, key, text, f"The credit line says the picture was {words}.",
                    category, UNSIGNED_CLAIM)
            return True
    out.add(source, key, text, f"A text field stored in the file ({key}). It is informational: "
            "anyone can write such fields.", INFORMATION, HINT)
    return False


def _a1111_fields(text: str) -> tuple[str, dict[str, str]]:
    head, _, settings = text.rpartition("\n") if "\nSteps: " in text else ("", "", text)
    fields = {m.group(1).strip(): m.group(2).strip().strip('"')
              for m in _A1111_FIELD.finditer(settings)}
    prompt = head.split("\nNegative prompt:", 1)[0].strip()
    return prompt, fields


def _a1111_finding(source: str, key: str, text: str, out: _Collector) -> None:
    prompt, fields = _a1111_fields(text)
    version = fields.get("Version", "")
    tool = "Fooocus" if "fooocus" in version.lower() else "AUTOMATIC1111's Stable Diffusion web UI"
    model = fields.get("Model")
    writer = f"Generation settings written by {tool}" + (f" (model '{model}')" if model else "")
    hires = any(k.startswith("Hires") for k in fields)
    if "Mask blur" in fields:
        category = AI_ASSISTED
        how = ("'Mask blur' means inpainting: part of an input image was repainted by the model")
    elif "Denoising strength" in fields and not hires:
        category = AI_ASSISTED
        how = (f"'Denoising strength {fields['Denoising strength']}' without a hires-fix pass "
               "means image-to-image: an input image (a photo, drawing or earlier generation) "
               "was transformed by the model")
    elif hires:
        category = AI_GENERATED
        how = ("a text-to-image generation with a 'hires fix' pass that upscales its own "
               "output; no outside image is involved")
    else:
        category = AI_GENERATED
        how = "the picture was generated from a text prompt (text-to-image)"
    out.add(source, key, prompt or text, f"{writer}: {how}.", category, UNSIGNED_CLAIM)


def _json(text: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


_INPUT_NODE = re.compile(r"loadimage|vaeencode|imageinput|loadimagefromurl", re.IGNORECASE)


def _looks_like_comfyui(graph: dict[str, Any]) -> bool:
    if isinstance(graph.get("nodes"), list):
        return True
    return any(isinstance(v, dict) and "class_type" in v for v in graph.values())


def _comfyui_node_types(graph: Any) -> list[str]:
    if not isinstance(graph, dict):
        return []
    if isinstance(graph.get("nodes"), list):  # the editor's "workflow" form
        return [str(n.get("type", "")) for n in graph["nodes"] if isinstance(n, dict)]
    return [str(v.get("class_type", "")) for v in graph.values() if isinstance(v, dict)]


def _comfyui_finding(source: str, key: str, texts: dict[str, str], out: _Collector) -> None:
    types: list[str] = []
    readable = False
    for text in texts.values():
        graph = _json(text)
        readable = readable or isinstance(graph, dict)
        types.extend(_comfyui_node_types(graph))
    types = [t for t in dict.fromkeys(types) if t]
    inputs = [t for t in types if _INPUT_NODE.search(t)]
    if not readable:
        out.add(source, key, next(iter(texts.values()), ""),
                "A ComfyUI-style generation record that could not be parsed; such records are "
                "written by AI image tools.", POSSIBLY_AI, HINT)
    elif inputs:
        out.add(source, key, ", ".join(types),
                f"A ComfyUI generation graph with {', '.join(inputs)}: an input image was fed "
                "into the AI model (image-to-image, inpainting or similar).", AI_ASSISTED,
                UNSIGNED_CLAIM)
    else:
        out.add(source, key, ", ".join(types),
                "A ComfyUI generation graph with no input-image node: the picture was generated "
                "by an AI model from a prompt.", AI_GENERATED, UNSIGNED_CLAIM)


def _interpret_png_text(texts: list[tuple[str, str]], out: _Collector) -> None:
    first: dict[str, str] = {}
    for key, text in texts:
        first.setdefault(key, text)
    used: set[str] = set()

    if "parameters" in first:
        used.add("parameters")
        _parameters_finding(first["parameters"], "fooocus_scheme" in first, out)
        used.add("fooocus_scheme")
    comfy = {k: first[k] for k in ("prompt", "workflow") if k in first}
    if comfy:
        used.update(comfy)
        _comfyui_finding("png-text", "prompt" if "prompt" in comfy else "workflow", comfy, out)
    for key in ("invokeai_metadata", "sd-metadata", "Dream"):
        if key in first:
            used.update({key, "invokeai_graph", "invokeai_workflow"})
            _invokeai_finding(key, first[key], out)
            break
    software = first.get("Software", "")
    if "novelai" in software.lower() or "novelai" in first.get("Source", "").lower():
        used.update({"Software", "Source", "Comment", "Title", "Description"})
        _novelai_finding(first, out)

    for key, text in texts:
        if key in used:
            continue
        used.add(key)
        if key == "Software":
            _software_finding("png-text", key, text, out)
        else:
            _interpret_free_text("png-text", key, text, out)


def _parameters_finding(text: str, fooocus_scheme: bool, out: _Collector) -> None:
    parsed = _json(text) if text.lstrip().startswith("{") else None
    if isinstance(parsed, dict):
        version = str(parsed.get("Version") or parsed.get("version") or "")
        tool = "Fooocus" if fooocus_scheme or "fooocus" in version.lower() else "an AI tool"
        prompt = str(parsed.get("Prompt") or parsed.get("prompt") or text)
        out.add("png-text", "parameters", prompt,
                f"Generation settings written by {tool}: the picture was generated by a "
                "Stable Diffusion model. (Fooocus can also vary or inpaint an input image; "
                "these settings do not say whether it did.)", AI_GENERATED, UNSIGNED_CLAIM)
    elif _A1111_LINE.search(text) or "\nSteps: " in text or text.startswith("Steps: "):
        _a1111_finding("png-text", "parameters", text, out)
    else:
        out.add("png-text", "parameters", text,
                "A 'parameters' text chunk, the field Stable Diffusion tools write their "
                "settings to, in a form this reader does not recognise.", POSSIBLY_AI, HINT)


def _invokeai_finding(key: str, text: str, out: _Collector) -> None:
    parsed = _json(text)
    mode = ""
    if isinstance(parsed, dict):
        image = parsed.get("image")  # the older "sd-metadata" form nests the mode here
        mode = str(parsed.get("generation_mode")
                   or (image.get("type") if isinstance(image, dict) else "") or "")
    elif key == "Dream":
        mode = "img2img" if re.search(r"\s(-I|--init_img)\b", text) else "txt2img"
    lowered = mode.lower()
    if any(word in lowered for word in ("img2img", "inpaint", "outpaint", "canvas")):
        out.add("png-text", key, mode,
                f"Generation settings written by InvokeAI in '{mode}' mode: an input image was "
                "transformed or extended by the AI model.", AI_ASSISTED, UNSIGNED_CLAIM)
    else:
        out.add("png-text", key, mode or text,
                "Generation settings written by InvokeAI: the picture was generated by an AI "
                "model" + (f" ('{mode}' mode)." if mode else "."), AI_GENERATED, UNSIGNED_CLAIM)


def _novelai_finding(first: dict[str, str], out: _Collector) -> None:
    comment = _json(first.get("Comment", ""))
    request = str(comment.get("request_type", "")) if isinstance(comment, dict) else ""
    source = first.get("Source") or first.get("Software") or "NovelAI"
    prompt = first.get("Description") or source
    if re.search(r"img2img|infill|inpaint", request, re.IGNORECASE):
        out.add("png-text", "Software", prompt,
                f"Written by NovelAI ({source}) from an input image ({request}): the AI model "
                "transformed an existing picture.", AI_ASSISTED, UNSIGNED_CLAIM)
    else:
        out.add("png-text", "Software", prompt,
                f"Written by NovelAI ({source}), an AI image generator: the picture was "
                "generated from a prompt.", AI_GENERATED, UNSIGNED_CLAIM)


def _read_comment(raw: bytes, out: _Collector) -> None:
    text = raw.decode("utf-8", "replace").strip("\x00 ")
    if text:
        _interpret_free_text("jpeg-comment", "comment", text, out)


def _scan_for_google_credit(data: bytes, out: _Collector) -> None:
    # Google writes its credit into IPTC fields this reader does not parse; a byte search finds
    # it wherever it sits, unless a structured reader already reported it.
    if out.has(lambda f: "Google" in f.meaning):
        return
    for phrase, (category, words) in _GOOGLE_CREDITS.items():
        written = phrase.capitalize().replace("google ai", "Google AI")  # as Google writes it
        if written.encode() in data:  # a plain search: a regex over 20 MB of pixels is slow
            out.add("file", "credit", written,
                    f"The file carries the credit line '{written}': the picture was {words}.",
                    category, UNSIGNED_CLAIM)
            return
