"""Container walkers: JPEG segments, PNG chunks, WebP chunks, HEIF, AVIF and TIFF items.

Each walker collects the raw XMP packets, EXIF blocks, comments and text chunks into `Metadata`
without decoding a pixel; damage becomes a finding about the file, never an exception.
"""

from __future__ import annotations

import binascii
import io
import struct
import zlib
from collections.abc import Callable

from PIL import Image, PngImagePlugin

from collector_guide.photo.filetypes import FORMAT_NAMES
from collector_guide.photo.provenance.base import Collector, Metadata

# The same ceiling Pillow uses for one decompressed PNG text chunk, and for all of them together.
MAX_TEXT_CHUNK = PngImagePlugin.MAX_TEXT_CHUNK
MAX_TEXT_MEMORY = PngImagePlugin.MAX_TEXT_MEMORY
MAX_XMP_BYTES = 4 * 1024 * 1024
# Real files have dozens of segments or chunks; a file made of millions of tiny ones is an attack
# on the reader's time, so walking stops here.
MAX_PARTS = 100_000

KIND_NAMES = {**FORMAT_NAMES, "heif": "HEIF"}  # provenance names the container, not the codec
_EXTENSIONS = {
    "jpeg": {"jpg", "jpeg", "jpe", "jfif"}, "png": {"png"}, "gif": {"gif"}, "webp": {"webp"},
    "heif": {"heic", "heif", "hif"}, "avif": {"avif"}, "tiff": {"tif", "tiff", "dng"},
    "bmp": {"bmp", "dib"}, "jxl": {"jxl"},
}

def check_name(filename: str | None, kind: str, out: Collector) -> None:
    if not filename or "." not in filename:
        return
    ext = filename.rsplit(".", 1)[1].lower()
    known = set().union(*_EXTENSIONS.values())
    if ext in known and ext not in _EXTENSIONS[kind]:
        out.file("file name", filename,
                 f"The name ends in .{ext}, but the file is really a {KIND_NAMES[kind]}. "
                 "Harmless on its own, but it shows the file was renamed or converted.")



_XMP_HEADER = b"http://ns.adobe.com/xap/1.0/\x00"
_XMP_EXT_HEADER = b"http://ns.adobe.com/xmp/extension/\x00"
_STANDALONE_MARKERS = {0x01, *range(0xD0, 0xD8)}


def _walk_jpeg(data: bytes, out: Collector, meta: Metadata) -> None:
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


def _too_many_parts(out: Collector, what: str) -> None:
    out.file(f"{what} structure", f"over {MAX_PARTS:,} parts",
             f"The {what} file is split into an absurd number of parts; reading stopped there.")


def _truncated(out: Collector, what: str) -> None:
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


def _walk_png(data: bytes, out: Collector, meta: Metadata) -> None:
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


def _walk_webp(data: bytes, out: Collector, meta: Metadata) -> None:
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


def _walk_heif(data: bytes, out: Collector, meta: Metadata) -> None:
    try:
        import pillow_heif
    except ImportError:  # pragma: no cover - the raw XMP scan still runs
        out.notes.append("HEIF EXIF was not read: pillow-heif is not installed.")
        return
    # open_heif parses the item boxes only; pixels are decoded on first access, which never comes.
    try:
        heif = pillow_heif.open_heif(io.BytesIO(data))
    except (ValueError, RuntimeError, OSError):
        # libheif's message names its internal boxes; say what it means instead.
        out.file("HEIF structure", "damaged or incomplete",
                 "The HEIF file is damaged or incomplete (perhaps cut off during a download or "
                 "copy), so its EXIF and XMP metadata could not be read.")
        return
    exif = heif.info.get("exif")
    if exif:
        meta.exif.append(("HEIF EXIF", bytes(exif)))
    xmp = heif.info.get("xmp")
    if xmp:
        meta.xmp.append(("HEIF XMP", bytes(xmp)))


def _walk_avif(data: bytes, out: Collector, meta: Metadata) -> None:
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


def _walk_tiff(data: bytes, out: Collector, meta: Metadata) -> None:
    meta.exif.append(("TIFF", data))  # a TIFF's first directory is where EXIF's tags live


def _walk_jxl(data: bytes, out: Collector, meta: Metadata) -> None:
    """JPEG XL's ISO boxes: 'Exif' (a 4-byte offset, then TIFF) and 'xml ' (XMP); a bare
    codestream has no metadata boxes at all."""
    if data.startswith(b"\xff\x0a"):
        return
    pos = 0
    compressed = False
    for _ in range(MAX_PARTS):
        if pos + 8 > len(data):
            return
        size, kind = struct.unpack(">I4s", data[pos : pos + 8])
        header = 8
        if size == 1 and pos + 16 <= len(data):
            (size,) = struct.unpack(">Q", data[pos + 8 : pos + 16])
            header = 16
        elif size == 0:
            size = len(data) - pos
        if size < header or pos + size > len(data):
            _truncated(out, "JPEG XL")
            return
        body = data[pos + header : pos + size]
        if kind == b"Exif" and len(body) > 4:
            (offset,) = struct.unpack(">I", body[:4])
            meta.exif.append(("JPEG XL Exif", body[4 + offset :]))
        elif kind == b"xml ":
            meta.xmp.append(("JPEG XL XMP", body))
        elif kind == b"brob" and body[:4] in (b"Exif", b"xml ") and not compressed:
            compressed = True
            out.notes.append("Some JPEG XL metadata is Brotli-compressed and was not read.")
        pos += size
    _too_many_parts(out, "JPEG XL")


WALKERS: dict[str, Callable[[bytes, Collector, Metadata], None]] = {
    "jpeg": _walk_jpeg, "png": _walk_png, "webp": _walk_webp, "heif": _walk_heif,
    "avif": _walk_avif, "tiff": _walk_tiff, "jxl": _walk_jxl,
}


def scan_for_xmp(data: bytes, meta: Metadata) -> None:
    start = data.find(b"<x:xmpmeta")
    if start < 0:
        return
    end = data.find(b"</x:xmpmeta>", start)
    if end > start:
        meta.xmp.append(("embedded XMP packet", data[start : end + len(b"</x:xmpmeta>")]))
