"""PNG files written byte by byte, so tests control every sample layout and every row filter.

Pillow's encoder picks filters itself and cannot write 16-bit colour; these can. `raw_png` takes
unfiltered rows and applies the PNG filter asked for on each row (None, Sub, Up, Average, Paeth).
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable, Iterable

CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


def chunk(ctype: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + ctype + body + struct.pack(">I", zlib.crc32(ctype + body))


def _paeth(a: int, b: int, c: int) -> int:
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    return a if pa <= pb and pa <= pc else b if pb <= pc else c


def filter_row(kind: int, row: bytes, above: bytes, bpp: int) -> bytes:
    out = bytearray(len(row))
    for i, x in enumerate(row):
        a = row[i - bpp] if i >= bpp else 0
        b = above[i]
        c = above[i - bpp] if i >= bpp else 0
        predicted = (0, a, b, (a + b) // 2, _paeth(a, b, c))[kind]
        out[i] = (x - predicted) & 0xFF
    return bytes([kind]) + bytes(out)


def raw_png(width: int, height: int, depth: int, color_type: int,
            rows: Iterable[bytes] | Callable[[int], bytes], *,
            filters: Callable[[int], int] = lambda y: y % 5, palette: bytes | None = None,
            transparency: bytes | None = None, level: int = 6) -> bytes:
    """A PNG from unfiltered `rows` (or a function of the row index), row y filtered with
    `filters(y)`."""
    bpp = max(1, depth * CHANNELS[color_type] // 8)
    row_bytes = (width * depth * CHANNELS[color_type] + 7) // 8
    make = rows if callable(rows) else list(rows).__getitem__
    above = bytes(row_bytes)
    packer = zlib.compressobj(level)
    parts = []
    for y in range(height):
        row = make(y)
        assert len(row) == row_bytes, (len(row), row_bytes)
        parts.append(packer.compress(filter_row(filters(y), row, above, bpp)))
        above = row
    parts.append(packer.flush())
    out = [b"\x89PNG\r\n\x1a\n",
           chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, color_type, 0, 0, 0))]
    if palette is not None:
        out.append(chunk(b"PLTE", palette))
    if transparency is not None:
        out.append(chunk(b"tRNS", transparency))
    idat = b"".join(parts)
    for start in range(0, len(idat), 4096):  # several IDAT chunks, as real writers make
        out.append(chunk(b"IDAT", idat[start : start + 4096]))
    out.append(chunk(b"IEND", b""))
    return b"".join(out)


def sub_filtered_png(width: int, height: int, depth: int, color_type: int,
                     row: Callable[[int], bytes]) -> bytes:
    """A large PNG quickly: every row Sub-filtered with numpy (smooth gradients shrink to a few
    kilobytes, as real flat artwork does)."""
    import numpy as np

    bpp = max(1, depth * CHANNELS[color_type] // 8)
    packer = zlib.compressobj(9)
    parts = []
    for y in range(height):
        raw = np.frombuffer(row(y), dtype=np.uint8)
        filtered = raw.copy()
        filtered[bpp:] = raw[bpp:] - raw[:-bpp]  # wraps mod 256, as PNG wants
        parts.append(packer.compress(b"\x01" + filtered.tobytes()))
    parts.append(packer.flush())
    return b"".join([b"\x89PNG\r\n\x1a\n",
                     chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, depth, color_type,
                                                0, 0, 0)),
                     chunk(b"IDAT", b"".join(parts)), chunk(b"IEND", b"")])


def heic_bytes(size: tuple[int, int] = (64, 48)) -> bytes:
    import io

    from PIL import Image

    import collector_guide.photo.intake  # noqa: F401 - registers pillow-heif's encoder

    buf = io.BytesIO()
    Image.new("RGB", size, (10, 120, 200)).save(buf, "HEIF")
    return buf.getvalue()


FIXTURES = __import__("pathlib").Path(__file__).resolve().parent / "fixtures"


def jxl_bytes() -> bytes:
    """c2pa-rs's JPEG XL sample (see fixtures/c2pa/README.md)."""
    return (FIXTURES / "c2pa" / "sample1.jxl").read_bytes()
