"""The reading as something to keep or show someone: a one- or two-page PDF, and plain text.

The PDF is made with fpdf2 (pure Python, no browser, no system fonts): the work's details and
image, the map drawn as vector lines (poles, archetypes by number, the box, the work), the
written reading, the cautions, the questions for the gallery and the visitor's own notes.
Text is set in a bundled DejaVu Sans subset, so accents, Greek, Cyrillic, dashes and minus
signs print as typed; a character the font lacks prints as "?", never as an error.
Everything here is plain text: nothing the visitor typed can become markup.
"""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

from fpdf import FPDF

from collector_guide.assess.reading import Reading
from collector_guide.assess.scoring import Placement
from collector_guide.rubric import Rubric, WorkInfo

FONTS = Path(__file__).with_name("fonts")
INK = (21, 23, 26)
GREY = (110, 110, 110)
LIGHT = (200, 200, 200)
ORANGE = (200, 130, 0)  # the app's orange, darkened to print legibly on white
_COVERED: dict[str, frozenset[int]] = {}


def file_stem(title: str | None, fallback: str = "reading") -> str:
    """A safe file name from the work's title: ASCII letters, digits and dashes only."""
    text = unicodedata.normalize("NFKD", title or "").encode("ascii", "ignore").decode()
    stem = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")
    return stem or fallback


def _covered(path: Path) -> frozenset[int]:
    if str(path) not in _COVERED:
        from fontTools.ttLib import TTFont

        with TTFont(path) as font:
            _COVERED[str(path)] = frozenset(font.getBestCmap())
    return _COVERED[str(path)]


class _Page(FPDF):
    def __init__(self, footer_text: str) -> None:
        super().__init__(format="A4")
        self.footer_text = footer_text
        self.add_font("Sans", "", FONTS / "DejaVuSans.ttf")
        self.add_font("Sans", "B", FONTS / "DejaVuSans-Bold.ttf")
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=18)
        self.covered = _covered(FONTS / "DejaVuSans.ttf")

    def safe(self, text: str) -> str:
        return "".join(ch if ord(ch) in self.covered or ch in "\n\t" else "?" for ch in text)

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font("Sans", "", 8)
        self.set_text_color(*GREY)
        self.cell(0, 5, self.safe(self.footer_text), align="L")
        self.cell(0, 5, f"{self.page_no()}", align="R")

    def para(self, text: str, size: float = 10.5, bold: bool = False, colour=INK,
             space: float = 2.5) -> None:
        self.set_font("Sans", "B" if bold else "", size)
        self.set_text_color(*colour)
        self.multi_cell(0, size * 0.5, self.safe(text), align="L", new_x="LMARGIN",
                        new_y="NEXT")
        self.ln(space)

    def heading(self, text: str) -> None:
        if self.get_y() > self.h - 40:
            self.add_page()
        self.ln(2)
        self.para(text, size=13, bold=True, space=1.5)


def _image(pdf: _Page, data: bytes, alt: str) -> None:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as im:
            ratio = im.height / max(1, im.width)
    except OSError:
        return  # not an image after all: the reading prints without it
    width = min(pdf.epw, 70 / ratio)  # at most 70 mm tall
    pdf.image(io.BytesIO(data), x=pdf.l_margin, w=width, h=width * ratio, alt_text=alt)
    pdf.ln(4)


def _map(pdf: _Page, rubric: Rubric, placement: Placement) -> None:
    """The two spectra as vector lines: poles, numbered archetypes, the box and the work."""
    x_axis, y_axis = rubric.axes
    side = 52.0
    if pdf.get_y() + side + 30 > pdf.h - 18:
        pdf.add_page()
    left, top = pdf.l_margin + (pdf.epw - side) / 2, pdf.get_y() + 7
    to_x = lambda v: left + (v + 1) / 2 * side  # noqa: E731
    to_y = lambda v: top + (1 - v) / 2 * side  # noqa: E731
    pdf.set_font("Sans", "", 8.5)
    pdf.set_text_color(*INK)
    pdf.set_xy(left, top - 6)
    pdf.cell(side, 5, pdf.safe(f"↑ {y_axis.high}"), align="C")
    pdf.set_xy(left, top + side + 1)
    pdf.cell(side, 5, pdf.safe(f"↓ {y_axis.low}"), align="C")
    wide = min(pdf.epw, side + 60)  # the poles across, just beyond the frame's corners
    pdf.set_xy(pdf.l_margin + (pdf.epw - wide) / 2, top + side + 6)
    pdf.cell(wide / 2, 5, pdf.safe(f"← {x_axis.low}"), align="L")
    pdf.cell(wide / 2, 5, pdf.safe(f"{x_axis.high} →"), align="R")
    pdf.set_draw_color(*LIGHT)
    pdf.set_line_width(0.3)
    pdf.rect(left, top, side, side)
    pdf.line(left, to_y(0), left + side, to_y(0))
    pdf.line(to_x(0), top, to_x(0), top + side)
    px, py = placement.axes[x_axis.id], placement.axes[y_axis.id]
    if px.width or py.width:
        pdf.set_draw_color(*ORANGE)
        pdf.set_dash_pattern(dash=1, gap=1)
        pdf.rect(to_x(px.low), to_y(py.high), to_x(px.high) - to_x(px.low),
                 to_y(py.low) - to_y(py.high))
        pdf.set_dash_pattern()
    pdf.set_font("Sans", "B", 7)
    for i, a in enumerate(rubric.archetypes, 1):
        cx, cy = to_x(a.at[x_axis.id]), to_y(a.at[y_axis.id])
        nearest = a.id == placement.nearest_archetype
        pdf.set_draw_color(*(ORANGE if nearest else GREY))
        pdf.set_fill_color(255, 255, 255)
        pdf.ellipse(cx - 2.4, cy - 2.4, 4.8, 4.8, style="DF")
        pdf.set_xy(cx - 2.4, cy - 2.4)
        pdf.cell(4.8, 4.8, str(i), align="C")
    pdf.set_fill_color(*ORANGE)
    pdf.ellipse(to_x(px.value) - 1.8, to_y(py.value) - 1.8, 3.6, 3.6, style="F")
    pdf.set_y(top + side + 13)
    key = " · ".join(f"{i} {a.name}" for i, a in enumerate(rubric.archetypes, 1))
    pdf.para(key, size=8.5, colour=GREY)


def reading_pdf(rubric: Rubric, placement: Placement, reading: Reading, work: WorkInfo,
                image: bytes | Path | None = None) -> bytes:
    """The reading as a PDF to keep, print or show someone; `image` is the work's picture
    (the bytes of the visitor's photo, or a sample's file)."""
    if isinstance(image, Path):
        try:
            image = image.read_bytes()
        except OSError:
            image = None
    labels = rubric.labels
    pdf = _Page(labels.printed_footer.format(rubric=rubric.rubric.title,
                                             version=rubric.version))
    title = work.title or labels.untitled
    pdf.set_title(pdf.safe(title))
    pdf.set_lang(rubric.rubric.language)
    pdf.add_page()
    pdf.para(title, size=19, bold=True, space=1)
    byline = ", ".join(x for x in (work.artist, work.year) if x)
    if byline:
        pdf.para(byline, size=11.5, space=1)
    details = " · ".join(x for x in (work.medium, work.series, work.edition) if x)
    if details:
        pdf.para(details, size=10, colour=GREY, space=1)
    pdf.ln(3)
    if image:
        _image(pdf, image, labels.image_alt.format(title=title))
    pdf.heading(labels.map_heading)
    _map(pdf, rubric, placement)
    pdf.heading(labels.result_heading)
    for paragraph in reading.paragraphs():  # a paragraph per axis, the archetype, the rest
        pdf.para(paragraph)
    if reading.cautions:
        pdf.heading(reading.cautions_heading)
        for caution_title, body in reading.cautions:
            pdf.para(caution_title, bold=True, space=0.5)
            pdf.para(body)
    pdf.heading(reading.ask_heading)
    asks = reading.ask or (reading.ask_none,)
    for n, question in enumerate(asks, 1):
        pdf.para(f"{n}. {question}" if reading.ask else question, space=1.5)
    if work.wall_label:
        pdf.heading(labels.wall_label)
        pdf.para(work.wall_label)
    if work.notes:
        pdf.heading(labels.notes)
        pdf.para(work.notes)
    if reading.closing:
        pdf.ln(2)
        pdf.para(reading.closing, size=9.5, colour=GREY)
    return bytes(pdf.output())
