"""Keep and share in people's words: the printable reading (read back with poppler's pdftotext,
the real client), plain text without Markdown escapes, safe file names, the reading screen's
buttons, and the visit as a comparison (reopen, side by side, clear with a question and undo)."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from conftest import SAMPLES
from test_app import at_step, ok, texts

from collector_guide import assess, compose, load_work
from collector_guide.assess.renderings import to_text
from collector_guide.keep.printed import file_stem, reading_pdf
from collector_guide.rubric import WorkInfo
from collector_guide.ui.screens import result_step

TYPED = "Harbour *No. 3* <b>at dusk</b> in-painting — Ørsted’s “−0.5”"


def pdf_text(data: bytes, tmp_path) -> str:
    if shutil.which("pdftotext") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("pdftotext (Debian's poppler-utils) is missing; .ci/run installs it")
        pytest.skip("pdftotext (poppler-utils) not found; CI installs it")
    path = tmp_path / "reading.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


@pytest.mark.parametrize(("title", "stem"), [
    ("Tidewater Ledger, No. 7", "tidewater-ledger-no-7"),
    ("Sørvik: Ørsted’s Ædda", "srvik-rsteds-dda"),
    ("Éclat — 2025 (AP)", "eclat-2025-ap"),
    ("../../etc/passwd", "etc-passwd"),
    ("<script>alert(1)</script>", "script-alert-1-script"),
    ("夜の海", "reading"),
    ("", "reading"),
    ("x" * 200, "x" * 60),
])
def test_file_names_come_from_the_title_and_are_safe(title, stem):
    assert file_stem(title) == stem


def test_the_printed_reading_says_what_the_screen_says(default_rubric, tmp_path):
    r = default_rubric
    sample = load_work(SAMPLES / "tidewater-ledger-7.toml", r)
    placement = assess(r, sample.answers)
    reading = compose(r, placement)
    work = sample.work.model_copy(update={"title": TYPED, "notes": "Ask about the edges."})
    data = reading_pdf(r, placement, reading, work, SAMPLES / "tidewater-ledger-7.png")
    assert data.startswith(b"%PDF-")
    text = " ".join(pdf_text(data, tmp_path).split())
    assert TYPED in text  # exactly as typed: no markup, no escapes, every character
    assert reading.archetype_name in text and r.reading.ask_heading in text
    assert reading.ask[0].split()[0] in text
    assert "Ask about the edges." in text and r.labels.notes in text
    for i, archetype in enumerate(r.archetypes, 1):
        assert f"{i} {archetype.name}" in text  # the map's key
    assert r.rubric.title in text  # the footer says which rubric read it


def test_the_printed_reading_never_fails_on_a_character(default_rubric, tmp_path):
    r = default_rubric
    placement = assess(r, {})
    work = WorkInfo(title="夜の海 🌊 \u202e", artist="\x00\x07")
    data = reading_pdf(r, placement, compose(r, placement), work, b"not an image")
    assert r.labels.untitled not in pdf_text(data, tmp_path)  # the title is there, as ?s


def test_plain_text_has_no_markdown_escapes(default_rubric):
    r = default_rubric
    placement = assess(r, {})
    text = to_text(compose(r, placement), WorkInfo(title=TYPED))
    assert TYPED in text and "\\" not in text


def test_the_reading_screen_keeps_and_shares_in_words(default_rubric):
    r = default_rubric
    at = ok(at_step(default_rubric, result_step(r), work={"title": "Harbour"}))
    labels = {b.key: b.label for b in at.get("download_button")}
    assert labels["dl_pdf"] == r.labels.save_reading
    assert labels["dl_txt"] == r.labels.save_reading_text
    assert labels["dl_toml"] == r.labels.save_to_reopen
    for key in ("dl_pdf", "dl_txt", "dl_toml"):  # people's words, not file formats
        assert not any(fmt in labels[key] for fmt in ("TOML", "JSON", "Markdown", "CSV"))
    assert {"dl_md", "dl_json"} <= set(labels)  # still there, under "More formats"
    assert r.labels.more_formats in [e.label for e in at.expander]
    assert any(r.labels.share_link in h.proto.body for h in at.get("html"))


def test_no_title_means_one_heading_not_two(default_rubric):
    r = default_rubric
    at = ok(at_step(default_rubric, result_step(r)))
    assert at.title[0].value == r.labels.untitled
    assert [h.value for h in at.header].count(r.labels.result_heading) == 1


def _visit_of_three(r):
    from collector_guide.keep.urlstate import visit_entry

    out = []
    for name in ("tidewater-ledger-7", "weather-for-no-one", "forty-ways-17"):
        w = load_work(SAMPLES / f"{name}.toml", r)
        out.append(visit_entry(r, w.answers, w.work.model_dump()))
    return out


def test_tap_a_work_of_the_visit_to_open_it_again(default_rubric):
    r = default_rubric
    visit = _visit_of_three(r)
    at = ok(at_step(default_rubric, result_step(r), visit=visit))
    second = load_work(SAMPLES / "weather-for-no-one.toml", r)
    assert at.button(key="visit_open_1").label.startswith("**B**")
    at = ok(at.button(key="visit_open_1").click().run())
    assert at.session_state["cg_answers"] == second.answers
    assert at.session_state["cg_work"]["title"] == second.work.title
    assert at.button(key="visit_open_1").disabled  # this is the one on screen now
    assert len(at.session_state["cg_visit"]) == 3  # the visit is kept


def test_the_visit_side_by_side(default_rubric):
    r = default_rubric
    at = ok(at_step(default_rubric, result_step(r), visit=_visit_of_three(r)))
    assert r.labels.visit_compare in texts(at)
    table = next(m.value for m in at.markdown if m.value.startswith("| "))
    for axis in r.axes:
        assert axis.label in table
    assert table.count("\n") == 4  # a header, a rule and three works
    assert any(c.key == "visit_chart" for c in at.get("plotly_chart")) or len(
        at.get("plotly_chart")) >= 3


def test_clear_asks_first_and_can_be_undone(default_rubric):
    r = default_rubric
    at = ok(at_step(default_rubric, result_step(r), visit=_visit_of_three(r)))
    at = ok(at.button(key="clear_visit").click().run())
    assert len(at.session_state["cg_visit"]) == 3  # nothing cleared yet: it asks
    assert r.labels.visit_clear_confirm.format(count=3) in texts(at)
    at = ok(at.button(key="visit_clear_no").click().run())
    assert len(at.session_state["cg_visit"]) == 3
    at = ok(at.button(key="clear_visit").click().run())
    at = ok(at.button(key="visit_clear_yes").click().run())
    assert at.session_state["cg_visit"] == []
    assert r.labels.visit_cleared in texts(at)
    at = ok(at.button(key="visit_undo").click().run())
    assert len(at.session_state["cg_visit"]) == 3


def test_the_side_by_side_table_says_a_point_once_and_glosses_its_numbers(default_rubric):
    from collector_guide.ui.visit import _range

    assert _range(0.93, 0.93, 0.93) == "+0.93"  # a box that is a point is not said twice
    assert _range(0.5, 0.333, 1.0) == "+0.50 (+0.33 … +1.00)"
    at = ok(at_step(default_rubric, result_step(default_rubric),
                    visit=_visit_of_three(default_rubric)))
    assert default_rubric.labels.visit_table_note in [c.value for c in at.caption]
    assert at.get("download_button")[-1].label == default_rubric.labels.download_visit
    assert "CSV" not in default_rubric.labels.download_visit  # people's words, not formats
