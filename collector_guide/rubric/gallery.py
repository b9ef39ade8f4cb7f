"""The gallery config (`gallery.toml`): who hosts the guide, how it looks, which works it shows.

A gallery edits this file, never Python. Like a rubric, it rejects unknown keys, so a
misspelling is never silently ignored. The files it names (logo, catalogue, trust anchors) are
read and checked by `collector_guide.gallery.setup`. The accent colour's contrast is worked out
here, so that `collector-guide check` and the app agree on what is legible.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StrictBool, StringConstraints, field_validator

from collector_guide.rubric.fields import Id, Strict, Text

MIN_CONTRAST = 4.5  # WCAG AA for normal text
DEFAULT_BACKGROUND = "#15171A"  # the bundled theme's background (.streamlit/config.toml)
DEFAULT_ACCENT = "#E0B45C"  # the bundled theme's primary colour

Colour = Annotated[
    str,
    StringConstraints(pattern=r"^#(?:[0-9A-Fa-f]{3}|[0-9A-Fa-f]{6})$"),
    Field(description='a colour written "#RRGGBB" (or "#RGB"), e.g. "#2E8B74"'),
]
FilePath = Annotated[
    str,
    StringConstraints(min_length=1, max_length=500),
    Field(description="a file or folder, relative to gallery.toml (or absolute)"),
]
Url = Annotated[
    str,
    StringConstraints(pattern=r"^https?://[^\s?#]+$", max_length=300),
    Field(description='the address visitors open, e.g. "https://guide.example.org/"'),
]
Language = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]


class GalleryInfo(Strict):
    name: Annotated[str, StringConstraints(min_length=1, max_length=80)] | None = Field(
        default=None, description="shown in the browser tab, the header, the card and QR sheet")
    welcome: Text | None = Field(
        default=None, description="a few lines on the start screen (Markdown, like rubric text)")
    contact: Text | None = Field(
        default=None, description='one line on how to "ask the gallery", under the questions')
    logo: FilePath | None = Field(default=None, description="a PNG, JPEG or WebP file")
    accent: Colour | None = Field(
        default=None, description="buttons, the progress bar and highlights; kept legible")
    language: Language = Field(default="en", description="the language the guide opens in")
    base_url: Url | None = Field(
        default=None, description="the guide's public address, for QR codes and the card")
    catalogue: FilePath | None = Field(
        default=None, description="the folder of the gallery's work files and their images")
    trust_anchors: FilePath | None = Field(
        default=None, description="a PEM file of C2PA trust anchors for reading photos")

    @field_validator("accent")
    @classmethod
    def _six_digits(cls, value: str | None) -> str | None:
        if value and len(value) == 4:
            value = "#" + "".join(c * 2 for c in value[1:])
        return value.upper() if value else value


class RubricChoice(Strict):
    default: Id | None = Field(default=None, description="the rubric a new reading starts with")
    allowed: list[Id] = Field(
        default=[], description="the rubrics visitors may choose; empty means every rubric")


class Show(Strict):
    studio: StrictBool = Field(default=False, description="the rubric studio page for authors")
    uploads: StrictBool = Field(
        default=True, description="photo uploads and the camera, and opening saved work files")


class Gallery(Strict):
    gallery: GalleryInfo = GalleryInfo()
    rubrics: RubricChoice = RubricChoice()
    show: Show = Show()


# --- legible colours ---------------------------------------------------------------------------


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    if len(colour) == 3:
        colour = "".join(c * 2 for c in colour)
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02X}" for c in rgb)


def luminance(colour: str) -> float:
    """WCAG relative luminance of a "#RRGGBB" colour, 0 (black) to 1 (white)."""
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_on(colour: str) -> str:
    """Black or white, whichever reads better on `colour` (always at least 4.5:1)."""
    return "#000000" if contrast(colour, "#000000") >= contrast(colour, "#FFFFFF") else "#FFFFFF"


def legible_accent(accent: str, background: str = DEFAULT_BACKGROUND,
                   minimum: float = MIN_CONTRAST) -> str:
    """The accent itself when it stands out from the background by `minimum`; otherwise the
    nearest colour of the same hue that does (mixed towards white on a dark background,
    towards black on a light one)."""
    if contrast(accent, background) >= minimum:
        return accent.upper()
    # Towards whichever extreme stands out more from the background: it always reaches 4.58:1.
    target = (0, 0, 0) if text_on(background) == "#000000" else (255, 255, 255)
    base = _rgb(accent)

    def mixed(t: float) -> str:
        return _hex(tuple(c + (g - c) * t for c, g in zip(base, target, strict=True)))

    lo, hi = 0.0, 1.0
    for _ in range(30):
        mid = (lo + hi) / 2
        lo, hi = (lo, mid) if contrast(mixed(mid), background) >= minimum else (mid, hi)
    t = hi
    while contrast(mixed(t), background) < minimum and t < 1:  # rounding to whole digits
        t = min(1.0, t + 0.01)
    return mixed(t)
