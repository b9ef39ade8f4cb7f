"""AUTOMATIC1111's "stealth" parameters: generation text hidden in the pixels themselves.

The sd-webui-stealth-pnginfo extension writes its text into the least significant bit of each
pixel's alpha (or R, G and B) value, column by column: a signature, a 32-bit length in bits, then
the text (gzip-compressed for the "comp" signatures). It survives tools that strip text chunks.
Only the first rows are decoded (strip by strip) unless they start with a stealth signature.
"""

from __future__ import annotations

import zlib
from typing import Any

from PIL import Image

from collector_guide.photo.pngstrips import png_layout, png_strips
from collector_guide.photo.provenance.base import Collector
from collector_guide.photo.provenance.generators import interpret_free_text

_STEALTH = {b"stealth_pnginfo": ("alpha", False), b"stealth_pngcomp": ("alpha", True),
            b"stealth_rgbinfo": ("rgb", False), b"stealth_rgbcomp": ("rgb", True)}
_STEALTH_HEADER_BITS = (15 + 4) * 8
MAX_STEALTH_BYTES = 1 << 20  # Pillow's limit for one text chunk; real parameters are a few KB
STRIP_ROWS_PIXELS = 1 << 19
_LSB = bytes.maketrans(bytes(range(256)), bytes(b"01"[i & 1] for i in range(256)))


def read_stealth(data: bytes, out: Collector) -> None:
    """Look for stealth parameters in an 8-bit RGB or RGBA PNG; decoding stops after the first
    rows unless they start with a stealth signature."""
    layout = png_layout(data)
    if layout is None or layout.depth != 8 or layout.color_type not in (2, 6):
        return
    planes = ("alpha", "rgb") if layout.color_type == 6 else ("rgb",)
    for plane in planes:
        per_pixel = 1 if plane == "alpha" else 3
        try:
            head = _lsb_bits(data, layout, plane, _STEALTH_HEADER_BITS // per_pixel + 1)
        except (OSError, ValueError):
            return  # damaged picture data: the container walk already says so, in words
        found = _STEALTH.get(head[:15])
        if found is None or found[0] != plane:
            continue
        length = int.from_bytes(head[15:19], "big") // 8
        if length > MAX_STEALTH_BYTES:
            out.file("stealth parameters", f"{length:,} bytes",
                     "The picture claims to hide far more generation text than any generator "
                     "writes; it was not read.")
            return
        try:
            body = _lsb_bits(data, layout, plane, -(-(19 + length) * 8 // per_pixel))
        except (OSError, ValueError):
            body = b""
        body = body[19 : 19 + length]
        text = _stealth_text(body, found[1])
        if text is None:
            out.file("stealth parameters", "damaged",
                     "The picture carries the signature of hidden ('stealth') generation text, "
                     "but the text itself is damaged and could not be read.")
        else:
            found_here = Collector()
            interpret_free_text("png-stealth", "stealth parameters", text, found_here)
            for f in found_here.findings:
                out.add(f.source, f.key, f.value,
                        "Hidden in the lowest bits of the picture's pixels (the 'stealth' mode "
                        "of AUTOMATIC1111's web UI, which survives tools that strip metadata). "
                        + f.meaning, f.category, f.strength)
        return


def _lsb_bits(data: bytes, layout: Any, plane: str, pixels: int) -> bytes:
    """The least significant bits of the first `pixels` pixels in column order, packed."""
    height = layout.height
    columns = min(layout.width, max(1, -(-pixels // height)))
    rows_needed = min(height, pixels) if columns == 1 else height
    narrow = Image.new("RGBA" if plane == "alpha" else "RGB", (columns, rows_needed))
    y = 0
    rows = min(rows_needed, max(64, STRIP_ROWS_PIXELS // max(layout.width, 1)))
    for strip in png_strips(data, layout, rows):
        part = strip.crop((0, 0, columns, strip.height)).convert(narrow.mode)
        narrow.paste(part, (0, y))
        y += strip.height
        if y >= rows_needed:
            break
    source = narrow.getchannel("A") if plane == "alpha" else narrow
    raw = source.transpose(Image.Transpose.TRANSPOSE).tobytes()[: pixels * (
        1 if plane == "alpha" else 3)]
    bits = raw.translate(_LSB)
    usable = len(bits) - len(bits) % 8
    if not usable:
        return b""
    return int(bits[:usable], 2).to_bytes(usable // 8, "big")



def _stealth_text(body: bytes, compressed: bool) -> str | None:
    if compressed:
        try:
            inflater = zlib.decompressobj(wbits=31)  # gzip
            body = inflater.decompress(body, MAX_STEALTH_BYTES + 1)
        except zlib.error:
            return None
        if len(body) > MAX_STEALTH_BYTES:
            return None
    text = body.decode("utf-8", "replace").strip("\x00 ")
    return text or None
