"""What a gallery prints and a visitor keeps: QR codes that a real decoder (zbarimg) reads back
as each work's link, an A4 PDF sheet of them, and the viewing card, checked by structure."""

from __future__ import annotations

import io
import os
import shutil
import subprocess

import pytest
from conftest import ROOT
from PIL import Image, ImageDraw

from collector_guide import assess, compose
from collector_guide.cli import main
from collector_guide.gallery import card, fonts, qr
from collector_guide.gallery.links import work_url
from collector_guide.gallery.qr import QrLabel, label_png, sheet_pdf
from collector_guide.gallery.setup import load_site

EXAMPLE = ROOT / "docs" / "example-gallery"
ZBAR = shutil.which("zbarimg")
PDFTOPPM = shutil.which("pdftoppm")


def need(tool: str | None, package: str):
    if tool is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{package} is not installed; .ci/run installs it")
        pytest.skip(f"{package} is not installed (apt-get install -y {package})")


def decode(*paths) -> list[str]:
    need(ZBAR, "zbar-tools")
    result = subprocess.run([ZBAR, "--quiet", "--raw", *map(str, paths)], capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return sorted(result.stdout.splitlines())


@pytest.mark.parametrize(("base", "url"), [
    ("https://guide.example.org/", "https://guide.example.org/?work=w-1"),
    ("https://guide.example.org", "https://guide.example.org/?work=w-1"),
    ("https://example.org/guide", "https://example.org/guide?work=w-1"),
    ("http://192.168.1.20:8501/", "http://192.168.1.20:8501/?work=w-1"),
])
def test_work_urls(base, url):
    assert work_url(base, "w-1") == url


def test_qr_command_writes_codes_that_decode_to_each_work(tmp_path, default_rubric):
    out, err = io.StringIO(), io.StringIO()
    code = main(["qr", str(EXAMPLE / "gallery.toml"), "--rubrics", str(ROOT / "rubrics"),
                 "--out", str(tmp_path)], out=out, err=err)
    assert code == 0, err.getvalue()
    assert err.getvalue() == ""
    site = load_site(EXAMPLE / "gallery.toml", {default_rubric.id: default_rubric})
    base = site.config.gallery.base_url
    expected = sorted(work_url(base, wid) for wid in site.works)
    pngs = sorted(tmp_path.glob("*.png"))
    assert [p.stem for p in pngs] == sorted(site.works)
    assert decode(*pngs) == expected
    for png in pngs:  # each label on its own decodes to its own work
        assert decode(png) == [work_url(base, png.stem)]
    # The printed sheet: rendered as a printer would, then read back.
    need(PDFTOPPM, "poppler-utils")
    subprocess.run([PDFTOPPM, "-r", "200", "-png", str(tmp_path / "qr-codes.pdf"),
                    str(tmp_path / "page")], check=True, timeout=120)
    pages = sorted(tmp_path.glob("page*.png"))
    assert len(pages) == -(-len(expected) // 6)
    labels = [cut for page in pages for cut in cut_labels(page, tmp_path)]
    assert len(labels) == len(expected)
    assert sorted(url for cut in labels for url in decode(cut)) == expected
    assert out.getvalue().splitlines()[-1].endswith(f"{len(expected)} codes")


def cut_labels(page, folder):
    """Each label of a printed page on its own, as a phone sees one label on the wall."""
    with Image.open(page) as img:  # A4 at 200 dpi
        assert abs(img.width - 1654) <= 2 and abs(img.height - 2339) <= 2
        per_mm = img.width / 210
        cell_w = (210 - 2 * qr.MARGIN) / qr.COLUMNS
        cell_h = (297 - 2 * qr.MARGIN - 8) / qr.ROWS
        cuts = []
        for row in range(qr.ROWS):
            for col in range(qr.COLUMNS):
                x0, y0 = qr.MARGIN + col * cell_w, qr.MARGIN + 4 + row * cell_h
                box = tuple(round(v * per_mm) for v in (x0, y0, x0 + cell_w, y0 + cell_h))
                cell = img.crop(box)
                if len(cell.convert("L").getcolors(1 << 16) or []) > 4:  # not an empty cell
                    path = folder / f"{page.stem}-{row}-{col}.png"
                    cell.save(path)
                    cuts.append(path)
    return cuts


def test_qr_command_base_url_and_one_work(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    code = main(["qr", str(EXAMPLE / "gallery.toml"), "--base-url", "https://x.example/g",
                 "--work", "salt-archive-4", "--out", str(tmp_path)], out=out, err=err)
    assert code == 0, err.getvalue()
    assert decode(tmp_path / "salt-archive-4.png") == ["https://x.example/g?work=salt-archive-4"]


@pytest.mark.parametrize(("args", "message"), [
    (["--work", "nope"], "Error: no work with the id nope in the catalogue; the works are: "),
    (["--base-url", "guide.example.org"], "Error: no base URL: pass --base-url https://"),
])
def test_qr_command_errors(tmp_path, args, message):
    err = io.StringIO()
    code = main(["qr", str(EXAMPLE / "gallery.toml"), "--out", str(tmp_path), *args],
                out=io.StringIO(), err=err)
    assert code == 1 and err.getvalue().startswith(message), err.getvalue()


def test_qr_command_without_a_gallery(monkeypatch):
    monkeypatch.delenv("COLLECTOR_GUIDE_GALLERY", raising=False)
    err = io.StringIO()
    assert main(["qr"], out=io.StringIO(), err=err) == 1
    assert err.getvalue() == "Error: name a gallery.toml (or set COLLECTOR_GUIDE_GALLERY)\n"


def test_long_and_unusual_titles_still_make_a_readable_label(tmp_path):
    label = QrLabel("Ωμέγα — Жизнь " * 12, "Ærø Ødegård", "https://g.example/?work=a", "Scan")
    png = tmp_path / "a.png"
    png.write_bytes(label_png(label))
    assert decode(png) == ["https://g.example/?work=a"]
    assert sheet_pdf([label]).startswith(b"%PDF") and sheet_pdf([]).startswith(b"%PDF")


def test_the_bundled_font_is_found_without_the_network():
    assert fonts.font_file() is not None and fonts.font_file().suffix == ".woff2"
    assert fonts.font(20, "semibold").getname()[0].startswith("SourceSans")


# --- the viewing card ----------------------------------------------------------------------------


def _ink(img: Image.Image, box) -> int:
    """How many distinct colours a region holds: 1 means nothing was drawn there."""
    return len(img.crop(box).getcolors(1 << 20) or [])


@pytest.fixture(scope="module")
def example_work(default_rubric):
    site = load_site(EXAMPLE / "gallery.toml", {default_rubric.id: default_rubric})
    return site, next(iter(site.works.values()))


@pytest.mark.parametrize("answered", ["none", "some", "all"])
def test_the_card_has_every_part(tmp_path, default_rubric, example_work, answered):
    site, work = example_work
    answers = dict(work.reading.answers)
    answers = {} if answered == "none" else (
        dict(list(answers.items())[: len(answers) // 2]) if answered == "some" else answers)
    placement = assess(default_rubric, answers)
    reading = compose(default_rubric, placement)
    url = work_url(site.config.gallery.base_url, work.id)
    text = card.CardText(work.title, "Ines Varga, 2025", reading.main_text, site.name,
                         default_rubric.labels.qr_caption, url)
    png = card.viewing_card(default_rubric, placement, text, work.image, site.accent)
    path = tmp_path / "card.png"
    path.write_bytes(png)
    with Image.open(path) as img:
        assert img.size == (1080, 1350) and img.format == "PNG"
        rgb = img.convert("RGB")
        for name in ("HEADER", "IMAGE", "TITLE", "MAP", "READING", "FOOTER"):
            assert _ink(rgb, getattr(card, name)) > 8, name
        # The work's point is drawn on the map in the work's colour.
        assert any(c == (230, 159, 0) for _, c in rgb.crop(card.MAP).getcolors(1 << 20))
    assert decode(path) == [url]


def test_the_card_without_image_or_link(default_rubric):
    placement = assess(default_rubric, {})
    png = card.viewing_card(default_rubric, placement, card.CardText("Untitled work"))
    with Image.open(io.BytesIO(png)) as img:
        assert img.size == (1080, 1350)
        assert _ink(img.convert("RGB"), card.FOOTER) <= 3  # no code, no caption


def test_the_card_survives_a_broken_image(default_rubric):
    placement = assess(default_rubric, {})
    png = card.viewing_card(default_rubric, placement, card.CardText("x"), b"not an image")
    assert png.startswith(b"\x89PNG")


def test_the_card_reading_stops_at_a_sentence_end():
    """The card quotes whole sentences, so it never stops mid-clause; only a first sentence too
    long for the card is cut, and then it says so with an ellipsis."""
    draw = ImageDraw.Draw(Image.new("RGB", (10, 10)))
    face = fonts.font(29)
    width = card.READING[2] - card.READING[0]
    text = " ".join(f"Sentence {i} says a few words about the work in front of you." for i in
                    range(30))
    lines = card._sentences(draw, text, face, width, 10)
    assert 1 < len(lines) <= 10 and lines[-1].endswith(".")
    long_one = "word " * 400 + "end."
    assert card._sentences(draw, long_one, face, width, 10)[-1].endswith(" …")
    short = "One sentence."
    assert card._sentences(draw, short, face, width, 10) == [short]
