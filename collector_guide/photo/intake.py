"""Image intake: turn uploaded bytes into a small display JPEG, never decoding more than needed.

Pure: bytes in, a `PreparedImage` out; nothing is written to disk and no full-size copy is kept.
Every way a file can fail (empty, not an image, damaged, too many pixels) ends as an `ImageError`
whose message a collector can act on; odd colour modes are converted rather than refused.
"""

from __future__ import annotations

import io
import math
import re
import struct
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from collector_guide.photo.filetypes import FORMAT_NAMES, NON_IMAGE_NAMES, sniff
from collector_guide.photo.shrink import NEUTRAL_BACKGROUND, shrink

try:  # iPhone photos are HEIC; pillow-heif teaches Pillow to open them.
    from pillow_heif import register_heif_opener

    register_heif_opener()
    HEIF_AVAILABLE = True
except ImportError:  # pragma: no cover - exercised by monkeypatching HEIF_AVAILABLE
    HEIF_AVAILABLE = False

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_PIXELS",
    "DEFAULT_MAX_SIDE",
    "HEIF_AVAILABLE",
    "NEUTRAL_BACKGROUND",
    "ImageError",
    "PreparedImage",
    "load_image",
    "peek_size",
]

DEFAULT_MAX_SIDE = 1600
# 60 megapixels admits a 48-MP iPhone or a 50-MP phone photo and stays below Pillow's own bomb
# threshold (about 89 MP), so every image Pillow would merely warn about is refused here first.
DEFAULT_MAX_PIXELS = 60_000_000
DEFAULT_MAX_BYTES = 30 * 1024 * 1024
DISPLAY_QUALITY = 85
# A display copy may come out this much smaller than max_side when that lets JPEG draft mode
# skip a costly resample (see `_draft_box`); on a phone the difference is invisible.
DRAFT_TOLERANCE = 0.9

# Only formats a collector plausibly uploads; the rest of Pillow's many parsers stay out of reach.
# (Multi-picture MPO files from cameras open through the JPEG plugin.)
_OPEN_FORMATS = ("JPEG", "PNG", "WEBP", "HEIF", "AVIF", "GIF", "TIFF", "BMP", "JXL")
_SUPPORTED_TEXT = "JPEG, PNG, WebP or HEIC"


class ImageError(ValueError):
    """The upload cannot be shown; `str(error)` is a plain sentence for the collector."""


@dataclass(frozen=True)
class PreparedImage:
    """A display copy (RGB JPEG, longest side at most `max_side`) and facts about the original.

    The display copy carries no EXIF, so a phone photo's location never travels further.
    """

    display_jpeg: bytes
    width: int
    height: int
    original_format: str
    original_width: int
    original_height: int
    original_mode: str
    original_bytes: int
    notes: tuple[str, ...] = ()

    @property
    def original_size(self) -> tuple[int, int]:
        return (self.original_width, self.original_height)


def load_image(
    data: bytes,
    *,
    max_side: int = DEFAULT_MAX_SIDE,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> PreparedImage:
    """Decode `data` just enough to make a display JPEG; raise `ImageError` with a clear reason.

    `max_pixels` is checked against the header before any pixel is decoded; it is also capped at
    Pillow's own limit, so Pillow's DecompressionBombWarning/Error never fire on their own.
    """
    if max_side < 1 or max_pixels < 1 or max_bytes < 1:
        raise ValueError("max_side, max_pixels and max_bytes must be positive")
    kind, limit, _size = _screen(data, max_pixels, max_bytes)
    original_bytes = len(data)
    if kind == "png":
        # Display needs no text, and a text chunk that inflates past Pillow's limit makes Pillow
        # raise ValueError on open or on reading EXIF; the provenance reader reports such chunks.
        data = _strip_png_text(data)
    try:
        return _prepare(data, max_side, limit, original_bytes)
    except Exception as exc:  # every failure must reach the collector as words
        raise _explain(exc, kind, limit) from exc


def peek_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from the header alone (JPEG, PNG, GIF, WebP), or None."""
    return _peek_size(data, sniff(data))


def _screen(data: bytes, max_pixels: int,
            max_bytes: int) -> tuple[str | None, int, tuple[int, int] | None]:
    if not data:
        raise ImageError("The file is empty: there is no image in it.")
    if len(data) > max_bytes:
        raise ImageError(
            f"This file is {_megabytes(len(data))}; the limit is {_megabytes(max_bytes)}. "
            "Try a smaller export of the image."
        )
    limit = max_pixels
    if Image.MAX_IMAGE_PIXELS:
        limit = min(limit, Image.MAX_IMAGE_PIXELS)
    kind = sniff(data)
    if kind == "heif" and not HEIF_AVAILABLE:
        raise ImageError(
            "This looks like a HEIC photo (the iPhone's format), but HEIC support (the "
            "pillow-heif package) is not installed here. Export the photo as JPEG and try again."
        )
    if kind == "jxl" and "JXL" not in _open_formats():
        raise ImageError(
            "This is a JPEG XL file. Collector Guide can read what it says about how it was "
            "made, but cannot show it as a picture here. Export it as JPEG, PNG or HEIC to "
            "see it."
        )
    peeked = _peek_size(data, kind)
    if peeked and peeked[0] * peeked[1] > limit:
        raise _too_large(peeked[0], peeked[1], limit)
    return kind, limit, peeked


def _prepare(data: bytes, max_side: int, limit: int, original_bytes: int) -> PreparedImage:
    im = Image.open(io.BytesIO(data), formats=_open_formats())
    fmt = im.format or "unknown"
    orig_w, orig_h = im.size
    orig_mode = im.mode
    if orig_w * orig_h > limit:
        raise _too_large(orig_w, orig_h, limit)
    notes: list[str] = []
    if getattr(im, "n_frames", 1) > 1:
        notes.append("The file holds several frames or pages; the first one is shown.")
    if orig_w * orig_h < 64:
        notes.append(f"This image is tiny ({orig_w}×{orig_h} pixels).")
    icc = im.info.get("icc_profile")
    orientation = _orientation(im, notes)
    im.draft("RGB", _draft_box(orig_w, orig_h, max_side))
    im, keep_icc = shrink(im, data, max_side, notes)
    if orientation in _TRANSPOSE:
        im = im.transpose(_TRANSPOSE[orientation])
    out = io.BytesIO()
    save_kwargs: dict = {"quality": DISPLAY_QUALITY}
    if keep_icc and isinstance(icc, bytes):
        save_kwargs["icc_profile"] = icc  # keeps Display-P3 phone photos from looking dull
    im.save(out, "JPEG", **save_kwargs)
    return PreparedImage(
        display_jpeg=out.getvalue(),
        width=im.width,
        height=im.height,
        original_format=fmt,
        original_width=orig_w,
        original_height=orig_h,
        original_mode=orig_mode,
        original_bytes=original_bytes,
        notes=tuple(notes),
    )


_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM, 5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE, 8: Image.Transpose.ROTATE_90,
}


def _orientation(im: Image.Image, notes: list[str]) -> int:
    """The EXIF orientation (1 = as stored), read before decoding; the display copy is turned
    to match once it is small."""
    try:
        if im.format == "PNG":
            # Pillow's PNG getexif() decodes the whole picture to look for a late eXIf chunk;
            # one before the picture data (where writers put it) is already in info.
            exif = Image.Exif()
            if im.info.get("exif"):
                exif.load(im.info["exif"])
            return int(exif.get(0x0112, 1))
        return int(im.getexif().get(0x0112, 1))
    except Exception:  # a damaged EXIF block should cost the orientation, not the image
        notes.append("The photo's orientation tag could not be read; it is shown as stored.")
        return 1


def _draft_box(width: int, height: int, max_side: int) -> tuple[int, int]:
    """The size to ask JPEG draft mode for: libjpeg then decodes at 1/2, 1/4 or 1/8 scale, so a
    24-MP photo is never held at full size (for other formats draft is a no-op).

    The box keeps the aspect ratio (a square box lets the short side pick a timid scale) and
    accepts a result down to DRAFT_TOLERANCE of `max_side`: a 6000-px photo then decodes at 1/4
    (1500 px) instead of at 1/2 followed by a resample that costs as much as the decode itself.
    """
    long_side = max(width, height, 1)
    target = max_side * DRAFT_TOLERANCE
    return (max(1, math.ceil(target * width / long_side)),
            max(1, math.ceil(target * height / long_side)))


def _open_formats() -> list[str]:
    # Pillow refuses to open at all if asked for a format it has no plugin for (AVIF needs a
    # recent build), so ask only for those it has.
    Image.init()
    return [f for f in _OPEN_FORMATS if f in Image.OPEN]


def _explain(exc: BaseException, kind: str | None, limit: int) -> ImageError:
    """Turn whatever Pillow raised into one sentence a collector can act on."""
    if isinstance(exc, ImageError):
        return exc
    if isinstance(exc, Image.DecompressionBombError):
        pixels = re.search(r"\((\d+) pixels\)", str(exc))
        count = f"{int(pixels.group(1)):,} pixels" if pixels else "too many pixels"
        return ImageError(
            f"This image is too large: {count}; the limit is {limit:,} pixels. "
            "Upload a smaller version."
        )
    if isinstance(exc, MemoryError):
        return ImageError("This image is too large to open here. Upload a smaller version.")
    if kind in ("heif", "avif"):
        # libheif's messages name its internal boxes ("iloc", "meta"): say what they mean.
        return ImageError(
            f"This {_FORMAT_NAMES[kind]} photo is damaged or incomplete (perhaps cut off during "
            "a download or copy), so it cannot be shown. Try exporting or sending it again."
        )
    if isinstance(exc, UnidentifiedImageError):
        if kind in _FORMAT_NAMES:
            return ImageError(
                f"This looks like a {_FORMAT_NAMES[kind]} file, but it is damaged and cannot be "
                "read. Try exporting it again."
            )
        what = _NON_IMAGE_NAMES.get(kind or "", "a file Collector Guide cannot read as an image")
        return ImageError(f"This is not an image we can read: it looks like {what}. "
                          f"Upload a {_SUPPORTED_TEXT} file.")
    message = str(exc)
    if "truncated" in message.lower() or isinstance(exc, EOFError):
        return ImageError(
            "The image file is incomplete (it ends early), perhaps from an interrupted "
            "download or copy. Try uploading it again."
        )
    if isinstance(exc, (OSError, SyntaxError, ValueError, struct.error, IndexError, TypeError)):
        return ImageError(f"This image is damaged and cannot be read ({message}).")
    return ImageError(f"This image could not be read ({type(exc).__name__}: {message}).")


def _too_large(width: int, height: int, limit: int) -> ImageError:
    return ImageError(
        f"This image is too large: {width}×{height} pixels ({width * height:,}); "
        f"the limit is {limit:,} pixels. Upload a smaller version."
    )


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


_FORMAT_NAMES = FORMAT_NAMES
_NON_IMAGE_NAMES = NON_IMAGE_NAMES


def _peek_size(data: bytes, kind: str | None) -> tuple[int, int] | None:
    """Read width and height from the header without Pillow, so a bomb is refused before
    Pillow allocates anything or emits its warning. None when the header is not understood."""
    try:
        if kind == "png" and data[12:16] == b"IHDR":
            return struct.unpack(">II", data[16:24])
        if kind == "gif":
            return struct.unpack("<HH", data[6:10])
        if kind == "webp":
            return _webp_size(data)
        if kind == "jpeg":
            return _jpeg_size(data)
    except struct.error:
        return None
    return None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8X":
        w = int.from_bytes(data[24:27], "little") + 1
        h = int.from_bytes(data[27:30], "little") + 1
        return (w, h)
    if chunk == b"VP8L":
        bits = int.from_bytes(data[21:25], "little")
        return ((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8 ":
        w, h = struct.unpack("<HH", data[26:30])
        return (w & 0x3FFF, h & 0x3FFF)
    return None


_SOF_MARKERS = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        if marker in (0xD9, 0xDA):
            return None
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if marker in _SOF_MARKERS:
            h, w = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return (w, h)
        pos += 2 + length
    return None


_PNG_TEXT_CHUNKS = {b"tEXt", b"zTXt", b"iTXt"}


def _strip_png_text(data: bytes) -> bytes:
    """The PNG without its text chunks (moved whole, so every CRC stays valid); the same bytes,
    uncopied, when there are none."""
    parts = [data[:8]]
    pos = 8
    stripped = False
    while pos + 8 <= len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        end = pos + 12 + length
        if data[pos + 4 : pos + 8] in _PNG_TEXT_CHUNKS:
            stripped = True
        else:
            parts.append(data[pos:end])
        pos = end
    if pos < len(data):
        parts.append(data[pos:])  # a truncated tail stays, so Pillow reports it as such
    return b"".join(parts) if stripped else data

