"""Provenance reader: what an image file itself says about how it was made.

Pure: the ORIGINAL bytes in, plain-language `Finding`s out. Nothing is decoded, re-encoded, written
to disk or fetched: C2PA Content Credentials are checked offline, and XMP, EXIF, JPEG comments and
PNG text chunks are read by walking the container, so a bomb or a damaged file costs a note.

Theory of operation. `read_provenance` sniffs the container, asks c2pa-python for a manifest
store, then walks the container itself (JPEG segments, PNG chunks, WebP chunks, HEIF items) to
collect XMP packets, EXIF blocks, comments and text chunks. Each reader turns what it finds into
findings with a category (what the evidence suggests) and a strength (how far to trust it). Every
step is guarded: one damaged part becomes a finding or an error line, never an exception.
"""

from __future__ import annotations

from collector_guide.photo.filetypes import IMAGE_KINDS, NON_IMAGE_NAMES, sniff
from collector_guide.photo.provenance.base import (
    Collector,
    Metadata,
    ProvenanceError,
    ProvenanceReport,
    guard,
)
from collector_guide.photo.provenance.c2pa import read_c2pa
from collector_guide.photo.provenance.containers import (
    KIND_NAMES,
    WALKERS,
    check_name,
    scan_for_xmp,
)
from collector_guide.photo.provenance.exif import read_exif
from collector_guide.photo.provenance.generators import (
    interpret_png_text,
    read_comment,
    scan_for_google_credit,
)
from collector_guide.photo.provenance.stealth import read_stealth
from collector_guide.photo.provenance.xmp import read_xmp


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
    if kind not in IMAGE_KINDS:
        what = NON_IMAGE_NAMES.get(kind or "", "an unknown kind of file")
        raise ProvenanceError(f"not an image: it looks like {what}")
    out = Collector()
    check_name(filename, kind, out)
    guard(out, "Content Credentials (C2PA)", read_c2pa, data, kind, trust_anchors_pem, out)
    meta = Metadata()
    walker = WALKERS.get(kind)
    if walker is not None:
        guard(out, f"The {KIND_NAMES[kind]} structure", walker, data, out, meta)
    if not meta.xmp and kind not in ("jpeg", "png", "webp"):
        guard(out, "XMP", scan_for_xmp, data, meta)
    for where, packet in meta.xmp:
        guard(out, "XMP", read_xmp, packet, where, out)
    for where, raw in meta.exif:
        guard(out, "EXIF", read_exif, raw, where, out)
    for raw in meta.comments:
        guard(out, "A JPEG comment", read_comment, raw, out)
    if meta.png_text:
        guard(out, "PNG text", interpret_png_text, meta.png_text, out)
    if kind == "png":
        guard(out, "Hidden (stealth) parameters", read_stealth, data, out)
    guard(out, "Credit line", scan_for_google_credit, data, out)
    return ProvenanceReport(
        filename=filename,
        format=KIND_NAMES[kind],
        findings=out.findings,
        errors=out.errors,
        notes=out.notes,
    )
