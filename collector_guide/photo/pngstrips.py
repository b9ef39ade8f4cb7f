"""Decode a PNG a few rows at a time, so a large PNG is never held at full size.

Pillow decodes a PNG in one piece: a 24-MP RGBA file costs 96 MB before it can be shrunk. Here
the compressed stream is inflated strip by strip; each strip, with the row above it (unfiltered)
in front, is handed to Pillow's own PNG row decoder, which undoes the filters in C. The row above
is kept losslessly (as raw bytes) because PNG's filters predict each row from the previous one.

Interlaced PNGs (rare for photos) are not split: `png_strips` returns None and the caller decodes
the usual way.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from PIL import Image, PngImagePlugin

from collector_guide.photo.filetypes import PNG_SIGNATURE

__all__ = ["PngLayout", "png_layout", "png_strips"]

# How each PNG sample layout is decoded losslessly, as raw bytes, with the bytes-per-pixel the
# filters use: (mode, rawmode) pairs whose unpacker has exactly that many bits per pixel. Six and
# eight bytes per pixel (16-bit RGB, RGBA) have no lossless 8-bit mode: they are decoded twice,
# for the high and the low byte of each sample.
_RAW = {1: ("L", "L"), 2: ("I;16", "I;16B"), 3: ("RGB", "RGB"), 4: ("RGBA", "RGBA")}
_WIDE = {6: ("RGB", "RGB;16B", "RGB;16L"), 8: ("RGBA", "RGBA;16B", "RGBA;16L")}
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


class TruncatedPNG(OSError):
    """The compressed picture data ends before the last row."""


@dataclass(frozen=True)
class PngLayout:
    width: int
    height: int
    depth: int
    color_type: int
    mode: str  # the mode Pillow gives this PNG
    rawmode: str
    palette: bytes | None
    transparency: bytes | None
    idat: tuple[tuple[int, int], ...]  # (offset, length) of each IDAT chunk's data

    @property
    def row_bytes(self) -> int:
        return (self.width * self.depth * _CHANNELS[self.color_type] + 7) // 8

    @property
    def filter_bpp(self) -> int:
        """Bytes per complete pixel, at least one: the distance PNG's filters look back."""
        return max(1, self.depth * _CHANNELS[self.color_type] // 8)


def png_layout(data: bytes) -> PngLayout | None:
    """The facts strip decoding needs, or None when this PNG is better decoded whole."""
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        return None
    try:
        width, height, depth, ctype, _comp, _filt, interlace = struct.unpack(
            ">IIBBBBB", data[16:29])
    except struct.error:
        return None
    pillow_mode = PngImagePlugin._MODES.get((depth, ctype))
    if interlace or pillow_mode is None or width == 0 or height == 0:
        return None
    palette = transparency = None
    idat: list[tuple[int, int]] = []
    pos = 8
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        ctype_name = data[pos + 4 : pos + 8]
        body = pos + 8
        if ctype_name == b"IDAT":
            idat.append((body, min(length, max(0, len(data) - body))))
        elif idat:
            break  # the picture data is one run of IDAT chunks; what follows is not needed
        elif ctype_name == b"PLTE":
            palette = data[body : body + length]
        elif ctype_name == b"tRNS":
            transparency = data[body : body + length]
        pos = body + length + 4
    if not idat:
        return None
    mode, rawmode = pillow_mode
    layout = PngLayout(width, height, depth, ctype, mode, rawmode, palette, transparency,
                       tuple(idat))
    if layout.filter_bpp not in _RAW and layout.filter_bpp not in _WIDE:
        return None
    return layout


def png_strips(data: bytes, layout: PngLayout, rows: int) -> Iterator[Image.Image]:
    """Yield the picture as images of `rows` rows each (the last may be shorter), in Pillow's
    usual mode for this PNG, with its palette and transparency set as Pillow would set them."""
    if rows < 1:
        raise ValueError("rows must be positive")
    inflater = _Inflater(data, layout.idat)
    stride = layout.row_bytes + 1  # each row starts with its filter type
    previous = bytes(layout.row_bytes)  # the row "above" the first row is all zeros
    done = 0
    while done < layout.height:
        count = min(rows, layout.height - done)
        filtered = inflater.read(count * stride)
        if len(filtered) < count * stride:
            raise TruncatedPNG("image file is truncated")
        raw = _unfilter(layout, previous, filtered, count)
        previous = raw[-layout.row_bytes :]
        yield _strip_image(layout, raw, count)
        done += count


def _unfilter(layout: PngLayout, previous: bytes, filtered: bytes, count: int) -> bytes:
    """The raw bytes of `count` rows, filters undone by Pillow's decoder."""
    # The previous row goes first, unfiltered (filter type 0), so the first real row can refer
    # to it; the stream is stored, not compressed, since it is only passed to the decoder.
    stream = zlib.compress(b"\x00" + previous + filtered, 0)
    bpp = layout.filter_bpp
    width = layout.row_bytes // bpp
    if bpp in _RAW:
        mode, rawmode = _RAW[bpp]
        raw = _decode_rows(stream, mode, rawmode, width, count + 1).tobytes("raw", rawmode)
    else:
        mode, high_mode, low_mode = _WIDE[bpp]
        high = _decode_rows(stream, mode, high_mode, width, count + 1).tobytes("raw", mode)
        low = _decode_rows(stream, mode, low_mode, width, count + 1).tobytes("raw", mode)
        joined = bytearray(len(high) * 2)
        joined[0::2] = high
        joined[1::2] = low
        raw = bytes(joined)
    return raw[layout.row_bytes :]


def _decode_rows(stream: bytes, mode: str, rawmode: str, width: int, rows: int) -> Image.Image:
    target = Image.new(mode, (width, rows))
    decoder = Image._getdecoder(mode, "zip", (rawmode, 0))
    try:
        decoder.setimage(target.im, (0, 0, width, rows))
        status, error = decoder.decode(stream)
    finally:
        decoder.cleanup()
    if error < 0:
        raise ValueError("the compressed picture data is damaged")
    return target


def _strip_image(layout: PngLayout, raw: bytes, count: int) -> Image.Image:
    strip = Image.frombytes(layout.mode, (layout.width, count), raw, "raw", layout.rawmode)
    if layout.mode == "P" and layout.palette:
        strip.putpalette(layout.palette)
        if layout.transparency:
            alphas = layout.transparency
            opaque_or_clear = all(a in (0, 255) for a in alphas)
            # Pillow's own reading: one fully clear entry is an index, anything else a table.
            if opaque_or_clear and alphas.count(0) == 1:
                strip.info["transparency"] = alphas.index(0)
            else:
                strip.info["transparency"] = alphas
    elif layout.transparency and layout.color_type in (0, 2):
        values = struct.unpack(f">{len(layout.transparency) // 2}H", layout.transparency)
        strip.info["transparency"] = values[0] if layout.color_type == 0 else values[:3]
    return strip


class _Inflater:
    """Inflate the concatenated IDAT data, handing out exactly as many bytes as asked for."""

    def __init__(self, data: bytes, idat: tuple[tuple[int, int], ...]) -> None:
        self._view = memoryview(data)
        self._chunks = iter(idat)
        self._z = zlib.decompressobj()
        self._pending = b""

    def read(self, size: int) -> bytes:
        out = bytearray()
        while len(out) < size:
            if self._z.eof:
                break
            if not self._pending:
                self._pending = self._z.unconsumed_tail or self._next_chunk()
                if not self._pending:
                    break
            try:
                piece = self._z.decompress(self._pending, size - len(out))
            except zlib.error as exc:
                raise ValueError("the compressed picture data is damaged") from exc
            self._pending = self._z.unconsumed_tail
            out += piece
        return bytes(out)

    def _next_chunk(self) -> bytes:
        for offset, length in self._chunks:
            if length:
                return self._view[offset : offset + length].tobytes()
        return b""
