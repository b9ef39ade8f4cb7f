"""Injection: everything a visitor or a file supplies stays text wherever it is shown.

One table of hostile strings runs through every destination: the app's Markdown (`literal`),
the Markdown download, plotly's figures, the visit CSV, the work file (TOML) and the terminal.
For each, the test checks what that renderer would act on, and that the text still reads
exactly as it was written once the renderer's escapes are taken away.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10
    import tomli as tomllib

from collector_guide import NOT_SURE, assess, compose
from collector_guide.assess import escape
from collector_guide.assess.charts import MapPoint, contributions_figure, map_figure
from collector_guide.assess.renderings import to_markdown, to_text
from collector_guide.keep.urlstate import visit_entry
from collector_guide.keep.visit import visit_csv
from collector_guide.keep.workfile import check_work_bytes, dump_work
from collector_guide.rubric import WORK_TEXT_LIMITS, WorkInfo
from collector_guide.ui.common import literal

HOSTILE = [
    '<a href="https://evil.example/">click</a>',
    '<span style="font-size:90px;color:red">big</span>',
    "<script>alert(1)</script><img src=x onerror=alert(1)>",
    ":material/home: :streamlit: :smile: :red[red] :blue-background[bg] :rainbow[x]",
    "www.evil.example mailto:me@evil.example https://evil.example me@evil.example",
    "http:evil.example HTTPS://EVIL.EXAMPLE WWW.EVIL.EXAMPLE ftp://x.example",
    "**bold** _em_ `code` [link](http://x) ![img](http://x/y.png) <http://x>",
    "# heading\n> quote\n- item\n1. item\n    code\nTitle\n===\n---",
    "$x^2$ $$y$$ \\(z\\) &lt;b&gt; &amp; &#60;b&#62;",
    "a -> b <- c <-> d -- e >= f <= g ~= h",
    "| a | b |\n|---|---|\n[^1] ~~strike~~ ==mark==",
    "%{x} %{y:.2f} <br> <b>bold</b> <i>i</i> <sup>2</sup>",
    "=1+2", "+1", "-1", "@SUM(A1)", "\t=1", " =1", "\u00a0=1", "\ufeff=1", "\uff1d1+1",
    "\uff0b1", "\uff0d1", "\uff20x", "\ufe66x",
    "line\rbreak", "line\nbreak", "line\r\nbreak", "sep\u2028ara\u2029tors\x85next",
    "ctrl\x00\x07\x1b[31mred\x1b[0m\x7f\u202eevil\u200b",
    "quote \" and backslash \\ and '''", "ünïcödé ✓ 👨\u200d👩\u200d👧 ﷽",
]
IDS = [f"hostile-{i}" for i in range(len(HOSTILE))]

# What Streamlit's Markdown acts on beyond CommonMark (from its front end: StreamlitMarkdown)
STREAMLIT_DIRECTIVE = re.compile(r":[a-z][a-z0-9-]*\[")
STREAMLIT_ICON = re.compile(r":material/")
STREAMLIT_LOGO = re.compile(r":streamlit:")
STREAMLIT_EMOJI = re.compile(r":(?!material/|streamlit:)[\w+-][\w_+-]*:")
STREAMLIT_ARROWS = re.compile(r"(^|\s)(<->|->|<-|--|>=|<=|~=)(\s|$)")
# GitHub's autolinks: www., a scheme, an e-mail address
AUTOLINK = re.compile(r"(?i)www\.|[a-z][a-z0-9+.-]*:/|[\w.+-]@[\w-]")
COMMONMARK = MarkdownIt("commonmark")


def unescape_markdown(text: str) -> str:
    """What a reader sees: backslash escapes and word joiners gone."""
    return re.sub(r"\\(.)", r"\1", text).replace(escape.WORD_JOINER, "")


def rendered_tags(markdown: str) -> set[str]:
    return set(re.findall(r"<([a-z0-9]+)", COMMONMARK.render(markdown)))


# --- the app's Markdown ------------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE, ids=IDS)
def test_literal_never_renders_anything(text):
    shown = literal(text)
    parsed = html.unescape(re.sub(r"\\(.)", r"\1", shown))  # what the plugins see: joiners stay
    for pattern in (STREAMLIT_DIRECTIVE, STREAMLIT_ICON, STREAMLIT_LOGO, STREAMLIT_EMOJI,
                    STREAMLIT_ARROWS, AUTOLINK):
        assert not pattern.search(parsed), (pattern.pattern, shown)
        assert not pattern.search(shown.replace("\\", "")), (pattern.pattern, shown)
    assert rendered_tags(shown) <= {"p", "br"}, COMMONMARK.render(shown)
    # Read as shown, it is exactly what was typed (line breaks as line breaks; indentation
    # as no-break spaces, so that it cannot start a code block).
    reads = html.unescape(unescape_markdown(shown)).replace("  \n", "\n")
    assert reads == re.sub(r"(?m)^[ \t]+", lambda m: "\u00a0" * len(m.group(0)),
                           escape._LINE_BREAKS.sub("\n", text))


# --- the Markdown download ---------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE, ids=IDS)
def test_markdown_download_keeps_typed_text_literal(minimal, text):
    work = WorkInfo(title=text[:300].strip() or "t", artist=text[:300].strip(),
                    wall_label=text.strip())
    md = to_markdown(compose(minimal, assess(minimal, {})), work)
    head = md.split("\n## ", 1)[0]
    assert not AUTOLINK.search(head.replace("\\", "")), head
    tags = rendered_tags(head)
    assert tags <= {"h1", "p", "em", "br", "blockquote"}, COMMONMARK.render(head)
    assert COMMONMARK.render(head).count("<h1>") == 1
    title = head.split("\n", 1)[0][2:]
    expected = escape.terminal(escape.one_line(work.title))
    assert unescape_markdown(title).replace("\u00a0", " ") == expected


# --- plotly --------------------------------------------------------------------------------


def _no_markup(figure: dict) -> None:
    text = json.dumps(figure)
    assert "<a " not in text and "<span" not in text
    assert "<script" not in text and "<img" not in text
    templates = [t.get("hovertemplate", "") for t in figure["data"]]
    # every value a hover fills in is one the chart asked for, never one a visitor typed
    assert set(re.findall(r"%\{[^}]*\}", "".join(templates))) <= {
        "%{text}", "%{customdata}", "%{x:+.2f}"}


def _strings(figure: dict) -> list[str]:
    out = []
    for trace in figure["data"]:
        for key in ("text", "customdata"):
            value = trace.get(key)
            out += [value] if isinstance(value, str) else list(value or [])
    out += [a["text"] for a in figure["layout"].get("annotations", [])]
    return [str(x) for x in out]


@pytest.mark.parametrize("text", HOSTILE, ids=IDS)
def test_plotly_shows_typed_text_as_text(minimal, text):
    placement = assess(minimal, {"source": "photo"})
    fig = map_figure(minimal, placement, samples=[MapPoint(text, 0.1, 0.1)],
                     visit=[MapPoint(text, 0.2, 0.2)], this_work=text)
    data = fig.to_plotly_json()
    shown = _strings(data)
    assert shown.count(escape.plotly(text)) >= 2  # the sample's and the visit's name
    assert f"<b>{escape.plotly(text)}</b>" in shown  # this work's label
    # plotly turns &lt; &gt; &amp; back into characters: the visitor reads exactly the text
    assert html.unescape(escape.plotly(text)) == escape.one_line(text)
    _no_markup(data)

    labels = {c.question_id: text for c in placement.contributions}
    moved = contributions_figure(minimal, placement, labels).to_plotly_json()
    assert [a["text"] for a in moved["layout"]["annotations"]] == [
        escape.plotly(text)] * len(labels)
    _no_markup(moved)


def test_rubric_text_in_figures_is_escaped_too(minimal):
    evil = '<a href="https://evil.example/">%{x}</a>'
    axes = [a.model_copy(update={"label": evil, "low": evil, "high": evil}) for a in minimal.axes]
    archetypes = [a.model_copy(update={"name": evil}) for a in minimal.archetypes]
    rubric = minimal.model_copy(update={"axes": axes, "archetypes": archetypes})
    placement = assess(rubric, {"source": "photo", "methods": ["paint"]})
    for fig in (map_figure(rubric, placement, this_work=evil),
                contributions_figure(rubric, placement, {})):
        text = json.dumps(fig.to_plotly_json())
        assert "<a " not in text and "&lt;a href" in text
        assert "%{x}</" not in text and "%{x}<" not in text.replace("%{x:+.2f}<", "")


# --- the visit CSV -----------------------------------------------------------------------------


FORMULA_START = re.compile(r"^[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b]")


@pytest.mark.parametrize("text", HOSTILE, ids=IDS)
def test_visit_csv_never_splits_a_row_or_runs_a_formula(minimal, text):
    entries = [visit_entry(minimal, {}, {"title": text, "artist": text, "year": text[:40]}),
               visit_entry(minimal, {"source": "photo"}, {"title": "After"})]
    rows = list(csv.reader(io.StringIO(visit_csv(entries, {minimal.id: minimal}), newline="")))
    assert len(rows) == 3, rows  # a header and one row per work, whatever a title holds
    for cell in rows[1][:3]:
        significant = cell.lstrip("".join(ch for ch in cell if ch.isspace() or ch in
                                          "\ufeff\u200b\u2060"))
        assert cell.startswith("'") or not FORMULA_START.match(significant), cell
        assert "\r" not in cell and "\n" not in cell
    assert rows[2][0] == "After"


# --- the work file -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE, ids=IDS)
def test_work_file_always_reopens(minimal, text):
    work = WorkInfo(title=text[:300], notes=text)
    raw = dump_work(minimal, work, {"source": "photo"})
    assert tomllib.loads(raw)["work"]["notes"] == work.notes
    checked = check_work_bytes(raw.encode(), "w.toml", {minimal.id: minimal})
    assert checked.ok, [str(p) for p in checked.problems]
    assert checked.model.work == work


_TEXT = st.text(st.characters(codec="utf-8"), max_size=60)


def _limited(field: str):
    return _TEXT.map(lambda s: s.strip()[: WORK_TEXT_LIMITS[field]].strip())


@settings(max_examples=300, deadline=None)
@given(st.fixed_dictionaries({f: _limited(f) for f in WorkInfo.model_fields if f != "image"}),
       st.sampled_from([None, NOT_SURE, ["paint"], ["paint", "none"]]))
def test_any_work_text_round_trips_through_a_work_file(minimal, details, methods):
    work = WorkInfo(**details)
    answers = {"source": "photo"} | ({"methods": methods} if methods else {})
    raw = dump_work(minimal, work, answers)
    checked = check_work_bytes(raw.encode(), "w.toml", {minimal.id: minimal})
    assert checked.ok, [str(p) for p in checked.problems]
    assert checked.model.work == work
    assert checked.model.answers == answers


def test_the_writer_escapes_what_toml_forbids():
    from collector_guide.keep.workfile import toml_string

    for ch in [chr(c) for c in range(0x20)] + ["\x7f", "\x85", "\u2028", "\u2029"]:
        written = toml_string(f"a{ch}b")
        assert ch not in written or ch == "\t"
        assert tomllib.loads(f"k = {written}")["k"] == f"a{ch}b"
    lone = toml_string("a\ud800b")
    assert tomllib.loads(f"k = {lone}")["k"] == "a\ufffdb"


# --- the terminal ------------------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE, ids=IDS)
def test_text_reading_never_sends_control_characters(minimal, text):
    work = WorkInfo(title=text[:300], artist=text[:300])
    out = to_text(compose(minimal, assess(minimal, {})), work)
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", out)
    assert out.split("\n", 1)[0] == escape.terminal(escape.one_line(work.title))
