"""Provenance: what an image file itself says about how it was made, one module per source.

`base` holds the shared vocabulary (`Finding`, categories, strengths); `containers` walks the
file; `c2pa`, `xmp`, `exif` and `generators` read what it holds; `reader` runs them all.
"""

from collector_guide.photo.provenance.base import (
    AI_ASSISTED,
    AI_GENERATED,
    ALGORITHMIC,
    CAMERA_CAPTURE,
    CATEGORIES,
    CATEGORY_LABELS,
    CAVEATS,
    HINT,
    INFORMATION,
    POSSIBLY_AI,
    SIGNATURE_INVALID,
    SIGNED_TRUSTED,
    SIGNED_UNTRUSTED,
    SOURCES,
    STRENGTH_LABELS,
    STRENGTHS,
    UNSIGNED_CLAIM,
    Finding,
    ProvenanceError,
    ProvenanceReport,
    suggested_categories,
)
from collector_guide.photo.provenance.c2pa import C2PA_SETTINGS
from collector_guide.photo.provenance.reader import read_provenance

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
