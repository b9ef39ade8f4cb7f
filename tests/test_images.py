"""Image intake: formats, orientation, odd modes, draft decoding, and every bad input."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from image_fixtures import heic_bytes, jxl_bytes
from PIL import Image, JpegImagePlugin
from provenance_fixtures import (
    cmyk_jpeg,
    exif_bytes,
    gif_1px,
    huge_png_header,
    i16_png,
    jpeg_bytes,
    noisy_jpeg,
    png_bytes,
    png_with_bad_crc,
    text_bomb_png,
    truncated_jpeg,
    webp_bytes,
    zip_bytes,
)

from collector_guide.photo import intake as images
from collector_guide.photo.intake import NEUTRAL_BACKGROUND, ImageError, PreparedImage, load_image


def decode(prepared: PreparedImage) -> Image.Image:
    im = Image.open(io.BytesIO(prepared.display_jpeg))
    assert im.format == "JPEG" and im.mode == "RGB"
    assert im.size == (prepared.width, prepared.height)
    return im


def encode(fmt: str, size: tuple[int, int] = (64, 48), mode: str = "RGB", **kwargs) -> bytes:
    buf = io.BytesIO()
    color = {"L": 90, "P": 90, "1": 1}.get(mode, (10, 120, 200))
    Image.new(mode, size, color).save(buf, fmt, **kwargs)
    return buf.getvalue()


FORMATS = [
    ("jpeg", lambda: jpeg_bytes((64, 48)), "JPEG"),
    ("png", lambda: png_bytes((64, 48)), "PNG"),
    ("webp", lambda: webp_bytes((64, 48)), "WEBP"),
    ("heic", heic_bytes, "HEIF"),
    ("gif", lambda: encode("GIF", mode="P"), "GIF"),
    ("tiff", lambda: encode("TIFF"), "TIFF"),
]


@pytest.mark.parametrize(("make", "fmt"), [f[1:] for f in FORMATS], ids=[f[0] for f in FORMATS])
def test_formats_become_a_display_jpeg(make, fmt):
    data = make()
    prepared = load_image(data)
    decode(prepared)
    assert prepared.original_format == fmt
    assert prepared.original_size == (64, 48) == (prepared.width, prepared.height)
    assert prepared.original_bytes == len(data)


@pytest.mark.parametrize(("size", "max_side", "expected"), [
    ((4000, 3000), 1600, (1600, 1200)),
    ((3000, 4000), 1600, (1200, 1600)),
    ((800, 600), 1600, (800, 600)),
    ((801, 10), 400, (400, 5)),
])
def test_downscaled_to_max_side_keeping_aspect(size, max_side, expected):
    prepared = load_image(png_bytes(size), max_side=max_side)
    assert (prepared.width, prepared.height) == expected


def test_large_jpeg_is_decoded_in_draft_mode(monkeypatch):
    requested = []
    original = JpegImagePlugin.JpegImageFile.draft

    def spy(self, mode, size):
        result = original(self, mode, size)
        requested.append(self.size)  # the size libjpeg will actually decode
        return result

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", spy)
    prepared = load_image(noisy_jpeg((3200, 2400)), max_side=800)
    assert requested and requested[0] == (800, 600)  # 1/4 scale, never 3200×2400
    assert (prepared.width, prepared.height) == (800, 600)
    assert prepared.original_size == (3200, 2400)


def test_draft_may_stop_just_short_of_max_side():
    # 6000 px at 1/4 scale is 1500 px: within the tolerance, so no costly resample from 3000 px.
    prepared = load_image(noisy_jpeg((6000, 400)), max_side=1600)
    assert prepared.width == 1500


@pytest.mark.parametrize(("orientation", "expected"), [(1, (60, 30)), (3, (60, 30)),
                                                        (6, (30, 60)), (8, (30, 60))])
def test_exif_orientation_is_respected(orientation, expected):
    data = jpeg_bytes((60, 30), exif=exif_bytes(orientation=orientation))
    prepared = load_image(data)
    assert (prepared.width, prepared.height) == expected
    assert prepared.original_size == (60, 30)


def test_display_copy_carries_no_exif():
    data = jpeg_bytes(exif=exif_bytes(make="Apple", model="iPhone 15", software="17.1"))
    assert "exif" not in decode(load_image(data)).info


def _rgba_with_hole() -> bytes:
    im = Image.new("RGBA", (40, 40), (255, 0, 0, 255))
    im.paste((0, 0, 0, 0), (0, 0, 20, 20))
    return png_bytes(img=im)


def _palette_with_transparency() -> bytes:
    im = Image.new("P", (40, 40), 1)
    im.putpalette([0, 0, 0, 255, 0, 0] + [0, 0, 0] * 254)
    im.paste(0, (0, 0, 20, 20))
    buf = io.BytesIO()
    im.save(buf, "PNG", transparency=0)
    return buf.getvalue()


def _la_with_hole() -> bytes:
    im = Image.new("LA", (40, 40), (0, 255))
    im.paste((0, 0), (0, 0, 20, 20))
    return png_bytes(img=im)


@pytest.mark.parametrize("make", [_rgba_with_hole, _palette_with_transparency, _la_with_hole],
                         ids=["RGBA", "P-transparency", "LA"])
def test_transparency_is_flattened_on_neutral_grey(make):
    im = decode(load_image(make()))
    corner = im.getpixel((2, 2))
    assert all(abs(c - n) <= 6 for c, n in zip(corner, NEUTRAL_BACKGROUND, strict=True))
    opaque = im.getpixel((35, 35))
    assert opaque != corner


@pytest.mark.parametrize(("make", "mode", "note"), [
    (cmyk_jpeg, "CMYK", "CMYK"),
    (lambda: i16_png(30000), "I;16", "bit depth"),
    (lambda: encode("PNG", mode="1"), "1", ""),
    (lambda: encode("PNG", mode="L"), "L", ""),
    (gif_1px, "P", "tiny"),
])
def test_odd_modes_are_converted(make, mode, note):
    prepared = load_image(make())
    decode(prepared)
    assert prepared.original_mode == mode
    assert note in " ".join(prepared.notes)


def test_16_bit_tones_are_scaled_not_clipped():
    # Pillow alone would clip 30000/65535 to white; scaled, it is a mid grey.
    grey = decode(load_image(i16_png(30000))).getpixel((5, 5))
    assert all(110 <= c <= 125 for c in grey)


@pytest.mark.parametrize("before_idat", [True, False])
def test_text_chunk_bomb_still_shows_the_picture(before_idat):
    # Pillow raises ValueError on such a chunk; display needs no text, so it is dropped first.
    prepared = load_image(text_bomb_png(before_idat=before_idat))
    decode(prepared)
    assert prepared.notes == ()


def _truncated_png() -> bytes:
    from image_fixtures import raw_png

    data = raw_png(300, 200, 8, 6, lambda y: bytes((x + y) & 0xFF for x in range(1200)), level=0)
    return data[: len(data) // 2]


def _corrupt_png() -> bytes:
    from image_fixtures import raw_png

    data = bytearray(raw_png(300, 200, 8, 2, lambda y: bytes(900), level=0))
    start = data.index(b"IDAT") + 4
    data[start + 2 : start + 40] = b"\xff" * 38  # a stored block whose lengths no longer agree
    return bytes(data)


DAMAGED = "This looks like a {} file, but it is damaged and cannot be read. Try exporting it again."
INCOMPLETE = ("The image file is incomplete (it ends early), perhaps from an interrupted download "
              "or copy. Try uploading it again.")
HEIC_DAMAGED = ("This HEIC photo is damaged or incomplete (perhaps cut off during a download or "
                "copy), so it cannot be shown. Try exporting or sending it again.")
NOT_AN_IMAGE = "This is not an image we can read: it looks like {}. Upload a JPEG, PNG, WebP or " \
               "HEIC file."

# The image table: every hostile or unlucky file, and the exact sentence the collector reads.
BAD_INPUTS = [
    ("empty", lambda: b"", "The file is empty: there is no image in it."),
    ("zip-renamed-jpg", zip_bytes, NOT_AN_IMAGE.format("a ZIP archive (or an Office document)")),
    ("text", lambda: b"hello, world", NOT_AN_IMAGE.format("plain text")),
    ("truncated-jpeg", truncated_jpeg, INCOMPLETE),
    ("truncated-png-stream", _truncated_png, INCOMPLETE),
    ("png-bad-crc", lambda: png_with_bad_crc(b"IHDR"), DAMAGED.format("PNG")),
    ("png-corrupt-stream", _corrupt_png,
     "This image is damaged and cannot be read (the compressed picture data is damaged)."),
    ("30000x30000-png", huge_png_header,
     "This image is too large: 30000×30000 pixels (900,000,000); the limit is 60,000,000 pixels. "
     "Upload a smaller version."),
    ("jpeg-header-only", lambda: b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", INCOMPLETE),
    ("truncated-heic-half", lambda: heic_bytes()[: len(heic_bytes()) // 2], HEIC_DAMAGED),
    ("truncated-heic-header", lambda: heic_bytes()[:200], HEIC_DAMAGED),
    ("jpeg-xl", jxl_bytes,
     "This is a JPEG XL file. Collector Guide can read what it says about how it was made, but "
     "cannot show it as a picture here. Export it as JPEG, PNG or HEIC to see it."),
    ("over-30-mb", lambda: b"\xff\xd8\xff" + bytes(31 * 1024 * 1024),
     "This file is 31.0 MB; the limit is 30.0 MB. Try a smaller export of the image."),
]


@pytest.mark.timeout(10)
@pytest.mark.parametrize(("make", "message"), [c[1:] for c in BAD_INPUTS],
                         ids=[c[0] for c in BAD_INPUTS])
def test_bad_input_gives_a_clear_message(make, message):
    with pytest.raises(ImageError) as caught:
        load_image(make())
    assert str(caught.value) == message
    assert "libheif" not in message and "iloc" not in message


@pytest.mark.timeout(10)
def test_pixel_limit_is_configurable_and_checked_before_decoding():
    with pytest.raises(ImageError, match=r"100×100 pixels \(10,000\); the limit is 5,000"):
        load_image(png_bytes((100, 100)), max_pixels=5_000)
    with pytest.raises(ImageError, match=r"the limit is 5,000 pixels"):
        load_image(heic_bytes((100, 100)), max_pixels=5_000)  # checked after a lazy open


def test_pillow_bomb_error_becomes_image_error(monkeypatch):
    # A format whose size is not peeked (TIFF) meets Pillow's own bomb check.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    with pytest.raises(ImageError, match="too large"):
        load_image(encode("TIFF", (100, 100)), max_pixels=10**9)


def test_byte_limit():
    with pytest.raises(ImageError, match=r"the limit is 0\.0 MB|the limit is"):
        load_image(png_bytes((64, 64)), max_bytes=100)


def test_heic_without_pillow_heif_says_why(monkeypatch):
    monkeypatch.setattr(images, "HEIF_AVAILABLE", False)
    with pytest.raises(ImageError, match="pillow-heif"):
        load_image(heic_bytes())


def test_arguments_must_be_positive():
    with pytest.raises(ValueError):
        load_image(png_bytes(), max_side=0)


@pytest.mark.timeout(120)
@settings(max_examples=150, deadline=None)
@given(prefix=st.sampled_from([b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF89a",
                               b"RIFF\x00\x01\x00\x00WEBPVP8 ", b"II*\x00", b""]),
       tail=st.binary(max_size=400))
def test_random_bytes_only_ever_raise_image_error(prefix, tail):
    try:
        decode(load_image(prefix + tail))
    except ImageError as exc:
        assert str(exc)


@pytest.mark.timeout(180)
def test_benchmark_quick_smoke():
    # The benchmark proper is run by hand; this only proves it still runs end to end.
    script = Path(__file__).resolve().parent.parent / "benchmarks" / "bench_images.py"
    done = subprocess.run([sys.executable, str(script), "--quick"], capture_output=True,
                          text=True, timeout=170, check=False)
    assert done.returncode == 0, done.stderr
    assert "load_image" in done.stdout and "read_provenance" in done.stdout
