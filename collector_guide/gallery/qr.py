"""QR codes for wall labels: one PNG per work, and a printable A4 sheet of them all (PDF).

Pure: labels in, bytes out. Codes are drawn from segno's module matrix, so the PDF's codes are
vectors (sharp at any print size) and the PNGs' modules are whole pixels. Every code keeps the
four-module quiet zone scanners need, and uses error correction level M (15%), which survives
a scuffed or slightly curved label.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import segno
from fpdf import FPDF
from PIL import Image, ImageDraw

from collector_guide.gallery import fonts

QUIET = 4  # modules of white around a code


@dataclass(frozen=True)
class QrLabel:
    title: str
    artist: str
    url: str
    caption: str = ""  # e.g. "Scan to read this work with the guide"


def matrix(url: str) -> list[list[bool]]:
    """The code's dark modules, row by row, without the quiet zone."""
    code = segno.make(url, error="m", micro=False, boost_error=False)
    return [[bool(m) for m in row] for row in code.matrix]


def code_image(url: str, size: int) -> Image.Image:
    """The code as a black-on-white image about `size` pixels wide, quiet zone included."""
    rows = matrix(url)
    n = len(rows) + 2 * QUIET
    scale = max(1, size // n)
    img = Image.new("L", (n, n), 255)
    img.putdata([0 if (QUIET <= y < n - QUIET and QUIET <= x < n - QUIET
                       and rows[y - QUIET][x - QUIET]) else 255
                 for y in range(n) for x in range(n)])
    return img.resize((n * scale, n * scale), Image.Resampling.NEAREST)


def _wrap(draw: ImageDraw.ImageDraw, text: str, face, width: int, lines: int) -> list[str]:
    words, out, line = text.split(), [], ""
    for word in words:
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=face) <= width or not line:
            line = trial
        else:
            out.append(line)
            line = word
    if line:
        out.append(line)
    if len(out) > lines:
        out = out[:lines]
        while out[-1] and draw.textlength(out[-1] + "…", font=face) > width:
            out[-1] = out[-1][:-1]
        out[-1] = out[-1].rstrip() + "…"
    return out


def text_block(label: QrLabel, width: int, px_per_pt: float) -> Image.Image:
    """The label's words, centred, as a grey-on-white image `width` pixels wide: the title
    (two lines at most), the artist, the caption and the address, in that order."""
    probe = ImageDraw.Draw(Image.new("L", (1, 1)))
    rows: list[tuple[str, object, int, int]] = []  # (line, face, line height, grey)
    for text, weight, points, lines, grey in (
        (label.title, "semibold", 12, 2, 0), (label.artist, "regular", 10, 1, 40),
        (label.caption, "regular", 9, 2, 40), (label.url, "regular", 7, 2, 80),
    ):
        if not text:
            continue
        face = fonts.font(max(6, round(points * px_per_pt)), weight)
        step = round(points * px_per_pt * 1.3)
        rows += [(line, face, step, grey) for line in _wrap(probe, text, face, width, lines)]
    gap = round(3 * px_per_pt)
    img = Image.new("L", (width, sum(r[2] for r in rows) + gap * 2 or 1), 255)
    draw = ImageDraw.Draw(img)
    y = gap
    for line, face, step, grey in rows:
        draw.text((width / 2, y), line, font=face, fill=grey, anchor="ma")
        y += step
    return img


def label_png(label: QrLabel, width: int = 1200) -> bytes:
    """One wall label at 300 dpi (10 cm wide): the code, then the words under it."""
    code = code_image(label.url, width - 160)
    words = text_block(label, width - 120, 300 / 72 * 1.28)
    img = Image.new("L", (width, 20 + code.height + words.height + 30), 255)
    img.paste(code, ((width - code.width) // 2, 20))
    img.paste(words, (60, 20 + code.height))
    out = io.BytesIO()
    img.save(out, "PNG", optimize=True, dpi=(300, 300))
    return out.getvalue()


# --- the A4 sheet ------------------------------------------------------------------------------

COLUMNS, ROWS = 2, 3
MARGIN = 12  # mm
CODE_MM = 52
DPI = 600  # the words are drawn by Pillow (any script its font knows) at print resolution


def _png(img: Image.Image) -> io.BytesIO:
    out = io.BytesIO()
    img.save(out, "PNG", optimize=True)
    out.seek(0)
    return out


def sheet_pdf(labels: list[QrLabel], heading: str = "") -> bytes:
    """Labels on A4 pages, six to a page, each in a dotted frame to cut along. The codes are
    vectors; the words are images at 600 dpi, so any title prints as written."""
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.set_title(heading or "QR codes")
    pdf.set_creator("Collector Guide")
    cell_w = (210 - 2 * MARGIN) / COLUMNS
    cell_h = (297 - 2 * MARGIN - 8) / ROWS
    per_page = COLUMNS * ROWS
    px_per_mm = DPI / 25.4
    for i, label in enumerate(labels):
        if i % per_page == 0:
            pdf.add_page()
            if heading:
                head = text_block(QrLabel("", "", heading), round((210 - 2 * MARGIN) * px_per_mm),
                                  DPI / 72 * 1.2)
                pdf.image(_png(head), x=MARGIN, y=MARGIN - 7, w=210 - 2 * MARGIN)
        col, row = i % COLUMNS, (i % per_page) // COLUMNS
        x0, y0 = MARGIN + col * cell_w, MARGIN + 4 + row * cell_h
        pdf.set_draw_color(170)
        pdf.set_line_width(0.2)
        with pdf.local_context(dash_pattern=dict(dash=1, gap=1.5)):
            pdf.rect(x0, y0, cell_w, cell_h)
        _draw_code(pdf, label.url, x0 + (cell_w - CODE_MM) / 2, y0 + 5, CODE_MM)
        words = text_block(label, round((cell_w - 10) * px_per_mm), DPI / 72)
        pdf.image(_png(words), x=x0 + 5, y=y0 + 6 + CODE_MM, w=cell_w - 10)
    if not labels:
        pdf.add_page()
    return bytes(pdf.output())
def _draw_code(pdf: FPDF, url: str, x: float, y: float, size: float) -> None:
    rows = matrix(url)
    n = len(rows) + 2 * QUIET
    module = size / n
    pdf.set_fill_color(0)
    for r, row in enumerate(rows):
        c = 0
        while c < len(row):  # one rectangle per run of dark modules: a smaller, cleaner file
            if not row[c]:
                c += 1
                continue
            start = c
            while c < len(row) and row[c]:
                c += 1
            pdf.rect(x + (QUIET + start) * module, y + (QUIET + r) * module,
                     (c - start) * module, module * 1.02, style="F")  # no seams
