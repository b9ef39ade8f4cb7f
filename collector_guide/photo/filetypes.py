"""What kind of file some bytes are, from their first few bytes (never from the file name).

Shared by image intake and the provenance reader, so both name a file the same way.
"""

from __future__ import annotations

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
HEIF_BRANDS = {b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"}
AVIF_BRANDS = {b"avif", b"avis"}

IMAGE_KINDS = {"jpeg", "png", "gif", "webp", "heif", "avif", "tiff", "bmp", "jxl"}
FORMAT_NAMES = {
    "jpeg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WebP", "heif": "HEIC",
    "avif": "AVIF", "tiff": "TIFF", "bmp": "BMP", "jxl": "JPEG XL",
}
JXL_CONTAINER = b"\x00\x00\x00\x0cJXL \r\n\x87\n"
NON_IMAGE_NAMES = {
    "zip": "a ZIP archive (or an Office document)",
    "pdf": "a PDF document",
    "xml": "an SVG drawing or other XML text",
    "gzip": "a gzip archive",
    "text": "plain text",
}


def sniff(data: bytes) -> str | None:
    """jpeg, png, gif, webp, avif, heif, tiff, bmp, jxl; or zip, pdf, gzip, xml, text; else
    None."""
    head = data[:32]
    if head.startswith(JXL_CONTAINER) or head.startswith(b"\xff\x0a"):
        return "jxl"  # JPEG XL: the ISO box container, or a bare codestream
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(PNG_SIGNATURE):
        return "png"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in AVIF_BRANDS:
            return "avif"
        if brand in HEIF_BRANDS:
            return "heif"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if head[:2] == b"BM":
        return "bmp"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    if head.startswith(b"%PDF"):
        return "pdf"
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.lstrip().startswith((b"<?xml", b"<svg")):
        return "xml"
    if head and all(32 <= b < 127 or b in (9, 10, 13) for b in head):
        return "text"
    return None
