"""The one typeface of the card and the QR sheet, found on this machine: never downloaded.

Source Sans 3 ships inside Streamlit (a dependency) as a variable WOFF2 font; it covers Latin,
Greek and Cyrillic. It is found without importing Streamlit (nothing below the UI may). When a
Streamlit release stops shipping it, Pillow's bundled Aileron takes over (ASCII only).
"""

from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

from PIL import ImageFont

WEIGHTS = {"regular": b"Regular", "semibold": b"Semibold", "bold": b"Bold"}


@lru_cache(maxsize=1)
def font_file() -> Path | None:
    spec = importlib.util.find_spec("streamlit")
    for root in (spec.submodule_search_locations or []) if spec else []:
        found = sorted(Path(root, "static", "static", "media").glob("SourceSansVF-Upright*.woff2"))
        if found:
            return found[0]
    return None


@lru_cache(maxsize=32)
def font(size: int, weight: str = "regular") -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = font_file()
    if path is not None:
        try:
            face = ImageFont.truetype(str(path), size)
            face.set_variation_by_name(WEIGHTS[weight])
            return face
        except (OSError, ValueError):  # a FreeType built without WOFF2 (brotli) support
            pass
    return ImageFont.load_default(size)
