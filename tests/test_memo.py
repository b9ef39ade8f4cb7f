"""The UI's caches (ui/memo.py): content keys, bounded, and nothing of one visitor's in another's.

The shared cache holds only what the rubric's text and the shown answers determine; whatever
holds a visitor's words (the reading, a map with the visit's titles) is kept in that visitor's
session. These tests hold both, and that a cached figure draws exactly what a fresh one does.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio
import pytest
from conftest import FIXTURES, ROOT

from collector_guide import assess
from collector_guide.assess.charts import MapPoint, map_figure
from collector_guide.keep.urlstate import encode, visit_entry
from collector_guide.ui import memo


def test_a_drawn_figure_is_the_figure_and_survives_what_streamlit_does_to_it(minimal):
    placement = assess(minimal, {"source": "photo"})
    fig = map_figure(minimal, placement, samples=[MapPoint("S", 0.1, 0.2)], this_work="here")
    drawn = memo.Drawn(fig)
    assert drawn.to_dict() == fig.to_dict()
    assert pio.to_json(drawn.to_dict()) == pio.to_json(fig.to_dict())
    plain = drawn.to_dict()
    for trace in plain["data"]:  # what plotly.io.to_json does to the dict it is given
        trace.pop("uid", None)
        trace["name"] = "changed"
    assert drawn.to_dict() == fig.to_dict()  # the next run draws the original again
    assert isinstance(drawn, go.Figure)


def test_the_shared_cache_builds_once_per_key_and_is_bounded(monkeypatch):
    memo.clear_shared()
    monkeypatch.setattr(memo, "SHARED_ENTRIES", 3)
    built: list[int] = []

    def build(n):
        built.append(n)
        return object()

    first = memo.shared("t", ("k", 1), lambda: build(1))
    assert memo.shared("t", ("k", 1), lambda: build(1)) is first
    assert memo.shared("other", ("k", 1), lambda: build(2)) is not first  # kinds apart
    for n in range(3, 7):
        memo.shared("t", ("k", n), lambda n=n: build(n))
    assert memo.shared("t", ("k", 1), lambda: build(1)) is not first  # evicted, built again
    assert built == [1, 2, 3, 4, 5, 6, 1]
    unhashable = [memo.shared("t", ["a list"], lambda: build(0)) for _ in range(2)]
    assert unhashable[0] is not unhashable[1]  # never kept, always built
    memo.clear_shared()


def _at(monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("COLLECTOR_GUIDE_RUBRICS", str(FIXTURES / "good"))
    monkeypatch.setenv("COLLECTOR_GUIDE_SAMPLES", str(tmp_path))
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)


def _reading_of(minimal, monkeypatch, tmp_path, answers, work, visit):
    from collector_guide.ui.state import result_step

    at = _at(monkeypatch, tmp_path)
    for k, v in encode(minimal, result_step(minimal), answers, work, visit).items():
        at.query_params[k] = v
    at = at.run()
    assert not at.exception
    return at


@pytest.mark.timeout(180)
def test_two_visitors_with_the_same_answers_see_only_their_own_words(minimal, monkeypatch,
                                                                      tmp_path):
    """Same answers (so the same shared placement and figures), different titles and visits:
    each page names only its own work and its own visit."""
    answers = {"source": "photo"}
    pages = []
    for who in ("Alpha", "Beta"):
        visit = [visit_entry(minimal, {"source": "model"}, {"title": f"{who} earlier"})]
        at = _reading_of(minimal, monkeypatch, tmp_path, answers, {"title": f"{who} work"},
                         visit)
        at = at.run()  # a rerun is answered from the caches
        assert not at.exception
        text = " ".join(m.value for m in at.markdown) + " ".join(t.value for t in at.title)
        charts = " ".join(c.proto.spec for c in at.get("plotly_chart"))
        pages.append((who, text, charts))
    for who, text, charts in pages:
        other = "Beta" if who == "Alpha" else "Alpha"
        assert f"{who} work" in text and other not in text
        assert f"{who} earlier" in charts and other not in charts


@pytest.mark.timeout(180)
def test_forgetting_a_reading_forgets_what_was_kept_of_it(minimal, monkeypatch, tmp_path):
    at = _reading_of(minimal, monkeypatch, tmp_path, {"source": "photo"},
                     {"title": "Kept title"}, [])
    assert at.session_state["cg_memo"]  # the reading was kept for the next run
    at.button(key="forget_reading").click().run()
    assert not at.exception
    if "cg_memo" in at.session_state:  # AppTest's session state has no .get
        assert "Kept title" not in repr(at.session_state["cg_memo"])
