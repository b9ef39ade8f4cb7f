"""EXIF: the software that saved the file, the camera, and free-text fields generators use.

ComfyUI hides its graph in Make and Model; UserComment names its own character set.
"""

from __future__ import annotations

from typing import Any

from PIL import Image

from collector_guide.photo.provenance.base import CAMERA_CAPTURE, HINT, Collector
from collector_guide.photo.provenance.generators import (
    comfyui_finding,
    interpret_free_text,
    software_finding,
)


def read_exif(raw: bytes, where: str, out: Collector) -> None:
    exif = Image.Exif()
    try:
        exif.load(raw)
        ifd0 = dict(exif)
    except Exception as exc:  # Pillow raises many types on broken TIFF data
        out.file("EXIF block", f"damaged in {where}",
                 f"The EXIF metadata is damaged and could not be read ({type(exc).__name__}).")
        return
    try:
        sub = dict(exif.get_ifd(0x8769))
    except Exception:  # the main directory is still worth reporting
        sub = {}
    software = _exif_text(ifd0.get(0x0131))
    if software:
        software_finding("exif", "Software", software, out)
    camera_parts: list[str] = []
    comfy: dict[str, str] = {}
    for tag in (0x010F, 0x0110):  # Make, Model
        text = _exif_text(ifd0.get(tag))
        if text.lower().startswith(("workflow:", "prompt:")):
            # ComfyUI's WebP saver hides its graph in Make and Model as "workflow:{...}".
            comfy[str(tag)] = text.split(":", 1)[1]
        elif text:
            camera_parts.append(text)
    if comfy:
        comfyui_finding("exif", "Make/Model", comfy, out)
    camera = " ".join(camera_parts)
    if camera:
        out.add("exif", "Make/Model", camera,
                f"The EXIF names a camera or phone ({camera}). That describes the device that "
                "took this photo: for a photo of a physical work, it says nothing about how the "
                "work was made.", CAMERA_CAPTURE, HINT)
    description = _exif_text(ifd0.get(0x010E))
    if description:
        interpret_free_text("exif", "ImageDescription", description, out)
    comment = sub.get(0x9286)
    if comment:
        text = _user_comment(comment, getattr(exif, "endian", None) or ">")
        if text:
            interpret_free_text("exif", "UserComment", text, out)


def _exif_text(value: Any) -> str:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return str(value).strip("\x00 ") if value is not None else ""


def _user_comment(raw: Any, endian: str) -> str:
    """Decode EXIF UserComment, whose first 8 bytes name its character set."""
    if isinstance(raw, str):
        return raw.strip("\x00 ")
    raw = bytes(raw)
    header, body = raw[:8], raw[8:]
    if header == b"UNICODE\x00":
        if body[:2] in (b"\xff\xfe", b"\xfe\xff"):
            text = body.decode("utf-16", "replace")
        else:
            # Writers disagree on byte order: count zero bytes (ASCII in UTF-16) to tell.
            sample = body[:400]
            even, odd = sample[0::2].count(0), sample[1::2].count(0)
            big = even > odd if even != odd else endian in (">", "MM")
            text = body.decode("utf-16-be" if big else "utf-16-le", "replace")
    elif header == b"ASCII\x00\x00\x00":
        text = body.decode("ascii", "replace")
    elif header == b"JIS\x00\x00\x00\x00\x00":
        text = body.decode("cp932", "replace")
    elif header == b"\x00" * 8:
        text = body.decode("utf-8", "replace")
    else:
        text = raw.decode("utf-8", "replace")
    return text.strip("\x00 ")
