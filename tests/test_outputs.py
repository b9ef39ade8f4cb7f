"""Work files written, charts built and visits tabled: the app's outputs, without the app."""

from __future__ import annotations

import sys

import plotly.graph_objects as go

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10
    import tomli as tomllib

import pytest
from conftest import SAMPLES

from collector_guide import NOT_SURE, assess, load_work
from collector_guide.assess.charts import (
    ORANGE,
    MapPoint,
    contributions_figure,
    map_alt_text,
    map_figure,
)
from collector_guide.keep.urlstate import visit_entry
from collector_guide.keep.visit import visit_csv, visit_table
from collector_guide.keep.workfile import check_work_bytes, dump_work
from collector_guide.rubric import WorkInfo


@pytest.mark.parametrize("text", ['quote " and backslash \\', "tab\tand\nnewline", "ünïcödé ✓",
                                  "'''", '"""', "# not a comment", "[not.a.table]"])
def test_work_file_writer_keeps_any_text(minimal, text):
    work = WorkInfo(title=text, notes=text)
    raw = dump_work(minimal, work, {"source": "photo", "methods": ["paint"], "series": NOT_SURE})
    data = tomllib.loads(raw)
    assert data["work"]["title"] == text
    checked = check_work_bytes(raw.encode(), "w.toml", {"minimal": minimal})
    assert checked.ok, checked.problems
    assert checked.model.answers == {"source": "photo", "methods": ["paint"], "series": NOT_SURE}


def test_map_figure_has_the_work_its_box_and_faint_samples(default_rubric):
    work = load_work(SAMPLES / "tidewater-ledger-7.toml", default_rubric)
    placement = assess(default_rubric, work.answers)
    fig = map_figure(default_rubric, placement, samples=[MapPoint("S", 0.1, 0.2)],
                     visit=[MapPoint("V", -0.3, 0.3)])
    assert isinstance(fig, go.Figure)
    names = [t.name for t in fig.data]
    assert names == ["samples", "visit", "this work"]
    this = fig.data[-1]
    assert (this.x[0], this.y[0]) == (placement.axes["agency"].value,
                                      placement.axes["durability"].value)
    assert this.marker.color == ORANGE
    boxes = [s for s in fig.layout.shapes if s.type == "rect" and s.line.dash == "dot"]
    assert len(boxes) == 1 and boxes[0].x0 == placement.axes["agency"].low
    # marks differ in shape, not only colour
    assert len({t.marker.symbol for t in fig.data}) == 3
    annotations = " ".join(a.text for a in fig.layout.annotations)
    for axis in default_rubric.axes:
        assert axis.low in annotations and axis.high in annotations
    for archetype in default_rubric.archetypes:
        assert archetype.name in annotations


def test_fully_answered_work_has_no_box(minimal):
    placement = assess(minimal, {"source": "photo", "methods": ["none"], "series": "named"})
    fig = map_figure(minimal, placement)
    assert not [s for s in fig.layout.shapes if s.type == "rect" and s.line.dash == "dot"]


def test_map_alt_text_says_where_and_how_sure(minimal):
    placement = assess(minimal, {"source": "photo"})
    text = map_alt_text(minimal, placement, samples=3)
    assert "toward AI-assisted" in text and "The authored chain" in text
    assert "could still move" in text and "3 sample works" in text


def test_contributions_figure_rows(default_rubric):
    work = load_work(SAMPLES / "weather-for-no-one.toml", default_rubric)
    placement = assess(default_rubric, work.answers)
    labels = {c.question_id: c.question_id for c in placement.contributions}
    fig = contributions_figure(default_rubric, placement, labels, limit=4)
    assert len(fig.data) == 2 and len(fig.data[0].x) == 4
    assert [a.text for a in fig.layout.annotations] == [
        c.question_id for c in placement.contributions[:4]]


def test_visit_table_and_csv(default_rubric):
    a = visit_entry(default_rubric, {"primary_source": default_rubric.questions[0].options[0].id},
                    {"title": "One", "artist": "@artist"})
    b = visit_entry(default_rubric, {}, {})
    table = visit_table([a, b, {"rubric": "gone"}], {default_rubric.id: default_rubric})
    assert list(table["title"]) == ["One", "Untitled work"]
    assert table.loc[1, "agency"] == 0.0 and table.loc[1, "open_questions"] > 0
    csv = visit_csv([a], {default_rubric.id: default_rubric})
    assert "'@artist" in csv
