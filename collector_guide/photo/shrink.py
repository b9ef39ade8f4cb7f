"""Shrink an opened image to display size one strip of rows at a time.

Every colour-mode conversion (palette to RGB, 16-bit to 8-bit, transparency onto grey, CMYK to
RGB) happens per strip, after the strip is read and before it is reduced, so no full-size copy in
another mode ever exists. PNGs are also *decoded* strip by strip (`pngstrips`); other formats are
decoded once in their own mode (JPEG already at a reduced scale, by draft mode) and cut into
strips from there.

Theory: the picture is box-reduced by an integer factor (exact area averaging, cheap) to between
one and two times the display size, then resampled with Lanczos to the final size.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PIL import Image

from collector_guide.photo.pngstrips import png_layout, png_strips

try:  # imported up front: it brings numpy, which should not count against one upload
    import webp
except ImportError:  # pragma: no cover - webp is a declared dependency
    webp = None

__all__ = ["NEUTRAL_BACKGROUND", "STRIP_PIXELS", "shrink"]

# Transparent areas are shown on a light, neutral grey: white hides white artwork edges and
# black hides dark ones.
NEUTRAL_BACKGROUND = (236, 236, 236)
# Half a megapixel per strip: small next to any budget, large enough that the per-strip
# overhead stays negligible.
STRIP_PIXELS = 1 << 19

_ALPHA_MODES = {"RGBA", "LA", "La", "RGBa", "PA"}
_GREY_MODES = {"1", "L"}
_WIDE_MODES = {"I", "F"}


@dataclass(frozen=True)
class _Plan:
    """How each strip becomes an 8-bit RGB or L strip."""

    kind: str  # "alpha", "wide", "grey", "rgb"
    scale: float = 1.0


def shrink(im: Image.Image, data: bytes, max_side: int,
           notes: list[str]) -> tuple[Image.Image, bool]:
    """An RGB copy of `im` whose longest side is at most `max_side`, and whether the file's ICC
    profile still describes its colours. `data` is the file itself (for decoding by strips)."""
    width, height = im.size
    factor = max(1, max(width, height) // max_side)
    rows = max(1, STRIP_PIXELS // max(width, 1))
    rows = max(factor, rows - rows % factor)
    layout = png_layout(data) if im.format == "PNG" else None
    scaled = _webp_scaled(data, factor) if im.format == "WEBP" and factor > 1 else None
    strips: Iterator[Image.Image]
    if layout is not None and (layout.width, layout.height) == (width, height):
        strips = png_strips(data, layout, rows)
        mode, info = layout.mode, {"transparency": True} if layout.transparency else {}
        plan = _plan(mode, info, None, notes)
    elif scaled is not None:  # libwebp scaled it while decoding: one small strip
        mode, strips, factor = scaled.mode, iter([scaled]), 1
        width, height = scaled.size
        plan = _plan(mode, {}, None, notes)
    elif im.format == "HEIF":
        mode, strips = _heif_strips(data, (width, height), rows)
        plan = _plan(mode, {}, None, notes)
    else:
        im.load()
        mode = im.mode
        plan = _plan(mode, im.info, im, notes)
        if factor == 1 and plan.kind == "rgb" and mode == "RGB":
            return im, True  # already small and in the right mode (JPEG after draft)
        strips = (im.crop((0, y, width, min(height, y + rows))) for y in range(0, height, rows))

    canvas: Image.Image | None = None
    y = 0
    for strip in strips:
        small = _convert(strip, plan)
        if factor > 1:
            small = small.reduce(factor)
        if canvas is None:
            canvas = Image.new(small.mode, (-(-width // factor), -(-height // factor)))
        canvas.paste(small, (0, y))
        y += small.height
    assert canvas is not None  # an image has at least one row
    canvas.thumbnail((max_side, max_side), Image.Resampling.LANCZOS)
    keep_icc = plan.kind in ("rgb", "alpha") and mode not in ("CMYK", "LA", "La")
    if canvas.mode != "RGB":
        canvas = canvas.convert("RGB")
    return canvas, keep_icc


def _webp_scaled(data: bytes, factor: int) -> Image.Image | None:
    """A still WebP decoded straight to 1/`factor` size by libwebp's own scaler (through the
    `webp` package), or None to decode the usual way (animations, or the package missing).

    Pillow exposes only libwebp's animation decoder, which holds the full picture three times
    over (a 24-MP WebP cost 369 MB); scaled decoding holds only the small result.
    """
    if webp is None:  # pragma: no cover - webp is a declared dependency
        return None
    WebPData, WebPDecoderConfig, ffi, lib = (webp.WebPData, webp.WebPDecoderConfig, webp.ffi,
                                             webp.lib)
    # The package declares only `use_threads` of libwebp's WebPDecoderOptions; the scaling
    # fields sit before it in libwebp's fixed layout (14 ints, then 5 padding). Check the layout
    # before writing into it, and decode the usual way if it ever differs.
    if ffi.offsetof("WebPDecoderOptions", "use_threads") != 40 or ffi.sizeof(
            "WebPDecoderOptions") != 76:
        return None
    webp_data = WebPData.from_buffer(data)
    config = WebPDecoderConfig.new()
    config.read_features(webp_data)
    features = config.input
    if features.has_animation:
        return None
    size = (max(1, features.width // factor), max(1, features.height // factor))
    mode = "RGBA" if features.has_alpha else "RGB"
    options = ffi.cast("int *", ffi.addressof(config.ptr, "options"))
    options[7], options[8], options[9] = 1, size[0], size[1]  # use_scaling, width, height
    pixels = bytearray(size[0] * size[1] * len(mode))
    config.output.colorspace = lib.MODE_RGBA if features.has_alpha else lib.MODE_RGB
    config.output.u.RGBA.rgba = ffi.cast("uint8_t *", ffi.from_buffer(pixels))
    config.output.u.RGBA.size = len(pixels)
    config.output.u.RGBA.stride = size[0] * len(mode)
    config.output.is_external_memory = 1
    if lib.WebPDecode(webp_data.ptr.bytes, webp_data.size, config.ptr) != lib.VP8_STATUS_OK:
        raise ValueError("the WebP picture data is damaged")
    return Image.frombuffer(mode, size, pixels, "raw", mode, 0, 1)


def _heif_strips(data: bytes, size: tuple[int, int],
                 rows: int) -> tuple[str, Iterator[Image.Image]]:
    """HEIC through pillow-heif directly: libheif's decoded buffer is cut into strips in place,
    where Pillow's plugin would copy the whole picture into an image of its own first."""
    import io

    import pillow_heif

    heif = pillow_heif.open_heif(io.BytesIO(data), convert_hdr_to_8bit=True)
    if heif.size != size or heif.mode not in ("RGB", "RGBA"):
        raise ValueError(f"unexpected HEIF layout {heif.mode} {heif.size}")
    buffer, stride = heif.data, heif.stride  # decodes here, once

    def strips() -> Iterator[Image.Image]:
        width, height = size
        for y in range(0, height, rows):
            count = min(rows, height - y)
            part = buffer[y * stride : (y + count) * stride]
            yield Image.frombuffer(heif.mode, (width, count), part, "raw", heif.mode, stride, 1)

    return heif.mode, strips()


def _plan(mode: str, info: dict, im: Image.Image | None, notes: list[str]) -> _Plan:
    if mode in _ALPHA_MODES or (mode in ("P", "RGB", "L") and "transparency" in info):
        notes.append("Transparent areas are shown on a light grey background.")
        return _Plan("alpha")
    if mode.startswith("I;16") or mode in _WIDE_MODES:
        notes.append(f"Converted from high bit depth ({mode}) to 8-bit for display.")
        return _Plan("wide", _tone_scale(mode, im))
    if mode in _GREY_MODES:
        return _Plan("grey")
    if mode == "CMYK":
        notes.append("Converted from CMYK (print colours) to RGB; colours may shift a little.")
    return _Plan("rgb")


def _tone_scale(mode: str, im: Image.Image | None) -> float:
    """The factor that brings the picture's tones into 0..255.

    16-bit samples span 0..65535 (a PNG's always do); Pillow alone would clip them to 255, which
    turns most of the picture white. 32-bit images scale by their own brightest value.
    """
    high = 65535.0
    if im is not None:
        high = float(im.getextrema()[1])  # one pass over the decoded image, no copy
    if mode.startswith("I;16"):
        return 255.0 / 65535.0 if max(high, 255.0) > 255 else 1.0
    return 255.0 / high if high > 255 else 1.0


def _convert(strip: Image.Image, plan: _Plan) -> Image.Image:
    if plan.kind == "alpha":
        rgba = strip.convert("RGBA")
        background = Image.new("RGB", rgba.size, NEUTRAL_BACKGROUND)
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    if plan.kind == "wide":
        scale = plan.scale
        return strip.convert("F").point(lambda v: v * scale).convert("L")
    if plan.kind == "grey":
        return strip if strip.mode == "L" else strip.convert("L")
    return strip if strip.mode == "RGB" else strip.convert("RGB")
