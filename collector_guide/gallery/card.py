"""The viewing card: one PNG (1080×1350, a phone's share-sheet size) to keep or show a friend.

Pure: a placement and some words in, PNG bytes out. From top to bottom: the gallery's name, the
work's image, its title and byline, the map with the work's point and box beside the first
lines of the reading, and the work's link as a small QR code. Drawn with Pillow in the app's
dark, calm palette; the type is the one `collector_guide.gallery.fonts` finds on this machine.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageOps

from collector_guide.assess.scoring import Placement
from collector_guide.gallery import fonts
from collector_guide.gallery.qr import code_image
from collector_guide.rubric import Rubric
from collector_guide.rubric.gallery import DEFAULT_ACCENT

SIZE = (1080, 1350)
M = 48  # margin
BG, PANEL, TEXT, MUTED, GRID = "#15171A", "#22252A", "#ECE8E1", "#B9B4AC", "#4A4D52"
ORANGE = "#E69F00"  # the work, as on the app's map

# The regions, as (left, top, right, bottom): tests check each one has something drawn in it.
HEADER = (M, 28, SIZE[0] - M, 88)
IMAGE = (M, 100, SIZE[0] - M, 590)
TITLE = (M, 608, SIZE[0] - M, 740)
MAP = (M, 756, M + 400, 1156)
READING = (M + 432, 756, SIZE[0] - M, 1156)
FOOTER = (M, 1180, SIZE[0] - M, SIZE[1] - 24)


@dataclass(frozen=True)
class CardText:
    title: str
    byline: str = ""  # artist, year
    reading: str = ""  # the reading's first sentences; as many whole ones as fit
    gallery: str = ""
    caption: str = ""  # under the QR code
    url: str | None = None  # the work's link; no code without one


def _lines(draw: ImageDraw.ImageDraw, text: str, face, width: int,
           lines: int) -> tuple[list[str], bool]:
    """The text broken into at most `lines` lines of `width`, and whether some was left out."""
    out: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=face) <= width or not line:
            line = trial
        else:
            out.append(line)
            line = word
        if len(out) == lines:
            break
    if line and len(out) < lines:
        out.append(line)
    return out, len(" ".join(out).split()) < len(text.split())


def _wrap(draw: ImageDraw.ImageDraw, text: str, face, width: int, lines: int) -> list[str]:
    """The text in at most `lines` lines, ending in " …" where it had to be cut."""
    out, cut = _lines(draw, text, face, width, lines)
    if cut and out:  # cut: say so
        last = out[-1]
        while last and draw.textlength(last + " …", font=face) > width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        out[-1] = last + " …"
    return out


def _sentences(draw: ImageDraw.ImageDraw, text: str, face, width: int,
               lines: int) -> list[str]:
    """As many whole sentences as fit; a sentence is cut (with " …") only when not even the
    first one fits, so the card never stops mid-clause when it need not."""
    kept = ""
    for sentence in re.split(r"(?<=[.!?])\s+", text.strip()):
        trial = f"{kept} {sentence}".strip()
        if _lines(draw, trial, face, width, lines)[1]:
            break
        kept = trial
    return _wrap(draw, kept or text, face, width, lines)


def _image(canvas: Image.Image, data: bytes | None, box: tuple[int, int, int, int]) -> None:
    draw = ImageDraw.Draw(canvas)
    draw.rounded_rectangle(box, radius=18, fill=PANEL)
    if not data:
        return
    try:
        with Image.open(io.BytesIO(data)) as src:
            src.draft("RGB", (box[2] - box[0], box[3] - box[1]))
            picture = ImageOps.contain(src.convert("RGB"), (box[2] - box[0], box[3] - box[1]),
                                       Image.Resampling.LANCZOS)
    except Exception:  # noqa: BLE001 - a card without its picture is still a card
        return
    x = box[0] + (box[2] - box[0] - picture.width) // 2
    y = box[1] + (box[3] - box[1] - picture.height) // 2
    canvas.paste(picture, (x, y))


def _map(canvas: Image.Image, rubric: Rubric, placement: Placement) -> None:
    left, top, right, bottom = MAP
    draw = ImageDraw.Draw(canvas, "RGBA")
    draw.rounded_rectangle(MAP, radius=18, fill=PANEL)
    x_axis, y_axis = rubric.axes
    small = fonts.font(21)
    row = 30  # one line of pole names
    # The pole names sit outside the grid, as on the app's map, so the point never hides them:
    # durability above, novelty below, then the agency poles under their ends.
    x0, x1 = left + 22, right - 22
    y0, y1 = top + 16 + row, bottom - 16 - 2 * row
    draw.rectangle((x0, y0, x1, y1), outline=GRID, width=2)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    draw.line((x0, cy, x1, cy), fill=GRID, width=2)
    draw.line((cx, y0, cx, y1), fill=GRID, width=2)

    def at(x: float, y: float) -> tuple[float, float]:
        return cx + x * (x1 - x0) / 2, cy - y * (y1 - y0) / 2

    half = (x1 - x0) / 2 - 6
    for xy, words, anchor, room in (((cx, y0 - 8), f"↑ {y_axis.high}", "md", 2 * half),
                                    ((cx, y1 + 8), f"↓ {y_axis.low}", "ma", 2 * half),
                                    ((x0, y1 + 8 + row), f"← {x_axis.low}", "la", half),
                                    ((x1, y1 + 8 + row), f"{x_axis.high} →", "ra", half)):
        words = _wrap(draw, words, small, int(room), 1)[0] if words.strip() else ""
        draw.text(xy, words, font=small, fill=TEXT, anchor=anchor)
    px, py = placement.axes[x_axis.id], placement.axes[y_axis.id]
    if px.width > 0 or py.width > 0:
        (bx0, by1), (bx1, by0) = at(px.low, py.low), at(px.high, py.high)
        draw.rectangle((bx0, by0, bx1, by1), fill=(230, 159, 0, 48), outline=ORANGE, width=3)
    x, y = at(px.value, py.value)
    draw.ellipse((x - 15, y - 15, x + 15, y + 15), fill=ORANGE, outline=BG, width=4)


def viewing_card(rubric: Rubric, placement: Placement, text: CardText,
                 image: bytes | None = None, accent: str | None = None) -> bytes:
    """The card as PNG bytes."""
    accent = accent or DEFAULT_ACCENT
    canvas = Image.new("RGB", SIZE, BG)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, 0, SIZE[0], 10), fill=accent)

    header = fonts.font(30, "semibold")
    draw.text((HEADER[0], HEADER[1] + 20), text.gallery or "Collector Guide", font=header,
              fill=accent, anchor="lm")

    _image(canvas, image, IMAGE)

    y = TITLE[1]
    for line in _wrap(draw, text.title, fonts.font(50, "semibold"), TITLE[2] - TITLE[0], 2):
        draw.text((TITLE[0], y), line, font=fonts.font(50, "semibold"), fill=TEXT)
        y += 60
    if text.byline:
        for line in _wrap(draw, text.byline, fonts.font(30), TITLE[2] - TITLE[0], 1):
            draw.text((TITLE[0], y + 4), line, font=fonts.font(30), fill=MUTED)

    _map(canvas, rubric, placement)

    body = fonts.font(29)
    y = READING[1] + 4
    for line in _sentences(draw, text.reading, body, READING[2] - READING[0], 10):
        draw.text((READING[0], y), line, font=body, fill=TEXT)
        y += 39

    draw.line((FOOTER[0], FOOTER[1] - 8, FOOTER[2], FOOTER[1] - 8), fill=GRID, width=2)
    qr_side = FOOTER[3] - FOOTER[1] - 12
    words_right = FOOTER[2]
    if text.url:
        code = code_image(text.url, qr_side).convert("RGB")  # whole pixels a module
        square = Image.new("RGB", (qr_side, qr_side), "#FFFFFF")
        square.paste(code, ((qr_side - code.width) // 2, (qr_side - code.height) // 2))
        canvas.paste(square, (FOOTER[2] - qr_side, FOOTER[1] + 6))
        words_right = FOOTER[2] - qr_side - 24
    small, tiny = fonts.font(27), fonts.font(22)
    y = FOOTER[1] + 14
    for line in _wrap(draw, text.caption, small, words_right - FOOTER[0], 2) if text.url else []:
        draw.text((FOOTER[0], y), line, font=small, fill=TEXT)
        y += 36
    if text.url:
        for line in _wrap(draw, text.url.replace("/", "/ "), tiny, words_right - FOOTER[0], 2):
            draw.text((FOOTER[0], y), line.replace("/ ", "/"), font=tiny, fill=MUTED)
            y += 30
    out = io.BytesIO()
    canvas.save(out, "PNG", optimize=True)
    return out.getvalue()
