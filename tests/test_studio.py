"""The rubric studio through AppTest: off unless turned on, located errors and lint warnings with
their lines, the preview with real scoring kept apart from the visitor's answers, and the sample
works that an edit moves. The pure parts (excerpts, places, moves, file names) are tested first."""

from __future__ import annotations

import re
import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10
    import tomli as tomllib

import pytest
from conftest import DEFAULT_RUBRIC, FIXTURES, MINIMAL, ROOT
from streamlit.testing.v1 import AppTest

from collector_guide.authoring import studio as core
from collector_guide.authoring.check import check_paths
from collector_guide.rubric import Labels
from collector_guide.ui import studio

pytestmark = pytest.mark.timeout(180)
WORDS = Labels()


# --- the pure parts ---------------------------------------------------------------------------


@pytest.mark.parametrize(("line", "column", "expected"), [
    (3, None, ["  1 │ a", "  2 │ b", "▶ 3 │ c", "  4 │ d", "  5 │ e"]),
    (1, 2, ["▶ 1 │ a", "    │  ^", "  2 │ b", "  3 │ c"]),
    (99, None, ["  4 │ d", "  5 │ e", "▶ 6 │ f"]),
])
def test_the_lines_around_a_problem(line, column, expected):
    assert core.excerpt_block("a\nb\nc\nd\ne\nf", line, column).split("\n") == expected


def test_no_lines_without_a_line():
    assert core.excerpt_block("a\nb", None) == ""


@pytest.mark.parametrize(("name", "expected"), [
    ("my-rubric.toml", "my-rubric.toml"),
    ("../../etc/passwd", "passwd.toml"),
    ('<img src=x onerror="alert(1)">.TOML', "img-src-x-onerror-alert-1.toml"),
    ("Ümlaut rubric\r\n.toml", "mlaut-rubric.toml"),
    ("...", "rubric.toml"),
])
def test_download_names_are_safe(name, expected):
    assert core.safe_filename(name) == expected


def test_moves_mark_what_changed(minimal):
    works = {"a": {"source": "photo"}, "b": {"series": "named"}}
    before = core.places(minimal, works)
    edited = minimal.model_copy(deep=True)
    after = dict(before, a=core.Place(0.5, before["a"].y, "The built system", before["a"].bands))
    found = {m.work: m.moved for m in core.moves(before, after)}
    assert found == {"a": True, "b": False}
    assert core.places(edited, works) == before
    assert [m.moved for m in core.moves(before, {})] == [True, True]


def test_the_reach_figure_draws_the_region_and_the_moves(minimal):
    works = {"a": {"source": "photo"}}
    now = core.places(minimal, works)
    was = {"a": core.Place(0.9, 0.9, "x", ("", ""))}
    fig = core.reach_figure(minimal, now, was=was, region_name="<b>reach</b>")
    region = fig.data[0]
    assert region.fill == "toself" and region.name == "&lt;b&gt;reach&lt;/b&gt;"
    assert fig.data[-1].name == "moved" and list(fig.data[-1].x)[:2] == [0.9, now["a"].x]
    assert any(s.line.dash == "dot" for s in fig.layout.shapes)


# --- the page ----------------------------------------------------------------------------------


def studio_app(monkeypatch, on: bool = True, **env) -> AppTest:
    monkeypatch.delenv(studio.ENV, raising=False)
    if on:
        monkeypatch.setenv(studio.ENV, "1")
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    at.query_params[studio.PARAM] = "1"
    return ok(at.run())


def plain(text: str) -> str:
    """Text as the page shows it: without the Markdown escapes and word joiners of `literal`."""
    return re.sub(r"\\(.)", r"\1", str(text)).replace("\u2060", "")


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    assert WORDS.screen_error not in [e.value for e in at.error]  # caught, logged, but a fault
    return at


def shown(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [e.value for e in at.error] + [w.value for w in at.warning]
    parts += [i.value for i in at.info] + [s.value for s in at.success]
    return plain("\n".join(str(p) for p in parts))


def codes(at: AppTest) -> list[str]:
    return [c.value for c in at.code]


def preview_radios(at: AppTest):
    return [r for r in at.radio if r.key.startswith("studio-q-")]


def test_off_by_default_says_so_and_nothing_else(monkeypatch):
    at = studio_app(monkeypatch, on=False)
    assert [t.value for t in at.title] == [WORDS.studio_title]
    assert [i.value for i in at.info] == [WORDS.studio_off]
    assert not at.text_area and not at.radio and not at.code and not at.get("plotly_chart")
    assert at.button(key="studio_back")


def test_back_to_the_guide(monkeypatch):
    at = studio_app(monkeypatch, on=False)
    ok(at.button(key="studio_back").click().run())
    assert studio.PARAM not in at.query_params and not at.text_area
    assert at.button(key="start_new") or at.radio or at.markdown  # the visitor's start screen


def test_on_for_a_local_author(monkeypatch):
    at = studio_app(monkeypatch)
    assert at.text_area(key=studio.TEXT).value == DEFAULT_RUBRIC.read_text(encoding="utf-8")
    assert WORDS.studio_clean in shown(at)
    assert len(at.get("plotly_chart")) >= 3  # before, after, the preview
    assert preview_radios(at)


def test_on_by_the_gallery_config(monkeypatch, tmp_path):
    config = tmp_path / "gallery.toml"
    config.write_text('[gallery]\nname = "Test gallery"\n\n[show]\nstudio = true\n')
    at = studio_app(monkeypatch, on=False, COLLECTOR_GUIDE_GALLERY=str(config))
    assert at.text_area(key=studio.TEXT)


def test_a_misspelt_gallery_key_is_located_and_leaves_the_studio_off(monkeypatch, tmp_path):
    config = tmp_path / "gallery.toml"
    config.write_text('[gallery]\nname = "Test gallery"\n\n[show]\nstduio = true\n')
    (problem,) = [p for c in check_paths([config]) for p in c.problems]
    assert str(problem).startswith(f"{config}:5:1: error: show.stduio: unknown key 'stduio'")
    assert "Did you mean 'studio'?" in problem.message
    at = studio_app(monkeypatch, on=False, COLLECTOR_GUIDE_GALLERY=str(config))
    assert not at.text_area and WORDS.studio_off in shown(at)


def _misspell(text: str) -> tuple[str, int]:
    lines = text.split("\n")
    n = next(i for i, line in enumerate(lines) if line.startswith("prompt = "))
    lines[n] = lines[n].replace("prompt", "promtp", 1)
    return "\n".join(lines), n + 1


def test_a_broken_paste_gets_a_located_error_then_the_fix_a_preview(monkeypatch):
    at = studio_app(monkeypatch)
    good = DEFAULT_RUBRIC.read_text(encoding="utf-8")
    broken, line = _misspell(good)
    ok(at.text_area(key=studio.TEXT).set_value(broken).run())
    errors = [plain(e.value) for e in at.error]
    assert any(f"assisted-vs-generated.toml:{line}:1: error: " in e
               and "unknown key 'promtp'" in e and "Did you mean 'prompt'?" in e
               for e in errors), errors
    assert any(f"▶ {line} │ promtp = " in c for c in codes(at)), codes(at)
    assert WORDS.studio_blocked in shown(at) and not preview_radios(at)
    ok(at.text_area(key=studio.TEXT).set_value(good).run())
    assert not at.error and preview_radios(at) and WORDS.studio_clean in shown(at)


def test_lint_warnings_are_shown_with_their_lines(monkeypatch):
    at = studio_app(monkeypatch)
    text = (FIXTURES / "lint" / "same_effects.toml").read_text(encoding="utf-8")
    ok(at.text_area(key=studio.TEXT).set_value(text).run())
    warnings = [plain(w.value) for w in at.warning]
    assert warnings and all(re.search(r"\.toml:\d+:\d+: warning: ", w) for w in warnings), warnings
    assert any("▶" in c for c in codes(at))
    assert preview_radios(at)  # a warning does not stop the preview


def test_the_preview_scores_apart_from_the_visitors_answers(monkeypatch):
    at = studio_app(monkeypatch)
    ok(at.text_area(key=studio.TEXT).set_value(MINIMAL.read_text(encoding="utf-8")).run())
    radio = next(r for r in preview_radios(at) if r.key.endswith(":source"))
    ok(radio.set_value("model").run())
    assert at.session_state[studio.ANSWERS] == {"source": "model"}
    assert "cg_answers" not in at.session_state
    assert "Only 1 of " in shown(at)  # the minimal rubric's own reading, composed for real
    assert WORDS.studio_before not in shown(at)  # a rubric visitors do not have: no "before"
    assert next(r for r in preview_radios(at) if r.key.endswith(":model_kind"))  # show_if
    ok(at.button(key="studio_reset").click().run())
    assert at.session_state[studio.ANSWERS] == {}


def _weigh_first_question(text: str, weight: float) -> str:
    """The rubric with its first question weighed `weight` (an edit that moves samples)."""
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.strip() == "[[questions]]")
    end = next(i for i in range(first + 1, len(lines)) if lines[i].lstrip().startswith("[["))
    block = [i for i in range(first, end) if lines[i].startswith("weight = ")]
    if block:
        lines[block[0]] = f"weight = {weight}"
    else:
        lines.insert(first + 2, f"weight = {weight}")
    return "\n".join(lines)


def test_the_diff_marks_the_sample_works_an_edit_moves(monkeypatch, default_rubric):
    at = studio_app(monkeypatch)
    text = DEFAULT_RUBRIC.read_text(encoding="utf-8")
    assert WORDS.studio_moved_count.format(moved=0, total=10) in shown(at)
    edited = _weigh_first_question(text, 9.0)
    tomllib.loads(edited)
    ok(at.text_area(key=studio.TEXT).set_value(edited).run())
    table = next(m.value for m in at.markdown if m.value.startswith("| "))
    moved = table.count(WORDS.studio_moved_mark)
    assert moved > 0
    assert WORDS.studio_moved_count.format(moved=moved, total=10) in shown(at)
    rows = table.split("\n")[2:]
    assert all(WORDS.studio_moved_mark in r for r in rows[:moved])  # moved ones first
    assert len(at.get("plotly_chart")) >= 3


def test_pasted_text_is_never_markup(monkeypatch):
    at = studio_app(monkeypatch)
    ok(at.text_area(key=studio.TEXT).set_value(
        '[rubric]\nid = "x"\ntitle = "<script>alert(1)</script> **bold**"\n').run())
    assert at.error
    for e in at.error:
        assert "<script>" not in e.value and "**bold**" not in e.value
