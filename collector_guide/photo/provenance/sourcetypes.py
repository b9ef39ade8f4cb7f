"""IPTC digital source types: the terms C2PA manifests and XMP use to say how a picture was made.

Matched by the last path segment (files use http and https, and older tools a different case).
"""

from __future__ import annotations

from collector_guide.photo.provenance.base import (
    AI_ASSISTED,
    AI_GENERATED,
    ALGORITHMIC,
    CAMERA_CAPTURE,
    INFORMATION,
    POSSIBLY_AI,
)

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


def source_type(term: str) -> tuple[str, str, str]:
    """(short name, category, meaning) for an IPTC digital source type URI or bare term."""
    short = term.strip().rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    category, meaning = _SOURCE_TYPES.get(
        short.lower(), (INFORMATION, f"an unrecognised digital source type ({short})"))
    return short, category, meaning
