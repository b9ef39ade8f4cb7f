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
from hypothesis import given, settings
from hypothesis import strategies as st

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
    assert names == ["samples", "visit", "archetypes", "this work"]
    this = fig.data[-1]
    assert (this.x[0], this.y[0]) == (placement.axes["agency"].value,
                                      placement.axes["durability"].value)
    assert this.marker.color == ORANGE
    boxes = [s for s in fig.layout.shapes if s.type == "rect" and s.line.dash == "dot"]
    assert len(boxes) == 1 and boxes[0].x0 == placement.axes["agency"].low
    # marks differ in shape, not only colour
    assert len({t.marker.symbol for t in fig.data if t.name != "archetypes"}) == 3
    annotations = " ".join(a.text for a in fig.layout.annotations)
    for axis in default_rubric.axes:
        assert axis.low in annotations and axis.high in annotations
    badges = fig.data[2]
    assert list(badges.customdata) == [a.name for a in default_rubric.archetypes]
    assert list(badges.text) == [str(i) for i in range(1, len(default_rubric.archetypes) + 1)]
    assert fig.data[1].text == ("A",)
    # nothing on the map is smaller than 14 px
    sizes = [a.font.size for a in fig.layout.annotations] + [
        t.textfont.size for t in fig.data if t.textfont.size is not None]
    assert min(sizes) >= 14


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


# --- the map's marks never cover each other ------------------------------------------------------


def _rects(fig):
    """Every mark of a map figure as a box in the reference geometry the label pass uses."""
    from collector_guide.assess import charts, marks

    top, bottom = fig.layout.margin.t, fig.layout.margin.b
    frame = marks.Frame(height=fig.layout.height - top - bottom)
    sizes = {"samples": charts.SAMPLE, "visit": charts.VISIT, "archetypes": charts.ARCHETYPE,
             "this work": charts.WORK}
    rects = [(t.name, frame.square(x, y, sizes[t.name]))
             for t in fig.data for x, y in zip(t.x, t.y, strict=True)]
    for a in fig.layout.annotations:
        if a.xref == "paper":
            continue  # the poles sit outside the frame
        w, h = marks.text_size(a.text.replace("<b>", "").replace("</b>", ""), a.font.size)
        cx, cy = frame.px(a.x, a.y)
        cx, cy = cx + a.xshift, cy - a.yshift
        left = {"left": cx, "right": cx - w, "center": cx - w / 2}[a.xanchor]
        top_ = {"top": cy, "bottom": cy - h, "middle": cy - h / 2}[a.yanchor]
        rects.append(("label", marks.Rect(left, top_, left + w, top_ + h)))
    return frame, rects


def _visit_of(rubric, names):
    out = []
    for name in names:
        w = load_work(SAMPLES / f"{name}.toml", rubric)
        p = assess(rubric, w.answers)
        out.append(MapPoint(w.work.title, p.axes["agency"].value, p.axes["durability"].value))
    return out


@pytest.mark.parametrize("sample", sorted(p.stem for p in SAMPLES.glob("*.toml")))
def test_no_label_covers_a_label_or_a_point(default_rubric, sample):
    r = default_rubric
    everyone = sorted(p.stem for p in SAMPLES.glob("*.toml"))
    samples = _visit_of(r, everyone)
    visit = _visit_of(r, [s for s in everyone if s != sample][:3])
    work = load_work(SAMPLES / f"{sample}.toml", r)
    placement = assess(r, work.answers)
    fig = map_figure(r, placement, samples=samples, visit=visit, height=400)
    frame, rects = _rects(fig)
    facts = ("samples", "this work")  # where works really are: the other marks make way
    for i, (name, box) in enumerate(rects):
        if name not in facts:
            assert box.inside(frame.plot), (name, box)
        for other_name, other in rects[i + 1:]:
            if name in facts and other_name in facts:
                continue
            assert not box.overlaps(other, gap=0), (name, box, other_name, other)
    # the work's label never crosses its own box's edges
    px, py = placement.axes["agency"], placement.axes["durability"]
    if px.width or py.width:
        from collector_guide.assess.marks import box_edges

        label = next(b for n, b in rects if n == "label")
        assert not any(label.overlaps(e, gap=0) for e in box_edges(frame, px.low, py.low,
                                                                   px.high, py.high))


@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_no_label_covers_anything_for_any_answers_and_visit(default_rubric, data):
    r = default_rubric
    answers = {}
    for q in r.questions:
        roll = data.draw(st.integers(0, 3))
        if roll == 1:
            answers[q.id] = NOT_SURE
        elif roll >= 2:
            ids = [o.id for o in q.options]
            answers[q.id] = (data.draw(st.lists(st.sampled_from(ids), min_size=1, unique=True))
                             if q.kind == "multiple" else data.draw(st.sampled_from(ids)))
    unit = st.floats(-1, 1, allow_nan=False)
    visit = [MapPoint("v", x, y) for x, y in data.draw(st.lists(st.tuples(unit, unit),
                                                                max_size=5))]
    samples = _visit_of(r, sorted(p.stem for p in SAMPLES.glob("*.toml")))
    fig = map_figure(r, assess(r, answers), samples=samples, visit=visit)
    frame, rects = _rects(fig)
    facts = ("samples", "this work")
    for i, (name, box) in enumerate(rects):
        assert name in facts or box.inside(frame.plot), (name, box)
        for other_name, other in rects[i + 1:]:
            assert (name in facts and other_name in facts) or not box.overlaps(other, gap=0), (
                name, other_name)
