"""Hostile work files, as a table: each file and the exact located problems it gets.

Every row is checked by the library (`check_work_bytes`), by `collector-guide check` and by
`collector-guide read` (never a traceback; exit code 1 exactly when there is an error); the
rows marked for the app are also uploaded on the start screen. Then a fuzz test: arbitrary
values in every field, and arbitrary text as the whole file, never raise, every error names a
line, and what is accepted is written back and read again unchanged.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

import pytest
from conftest import FIXTURES, MINIMAL, ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from collector_guide import load_rubric
from collector_guide.cli import main
from collector_guide.keep.workfile import check_work_bytes, dump_work, toml_string
from collector_guide.rubric import NOT_SURE, WorkInfo
from collector_guide.rubric.loading import MAX_DEPTH, kind_of

RUBRIC = load_rubric(MINIMAL)
RUBRICS = {RUBRIC.id: RUBRIC}
HEAD = b'[assessment]\nrubric = "minimal"\nrubric_version = "1.0"\n[answers]\n'
TOO_DEEP = (f"lists or tables are nested more than {MAX_DEPTH} deep here; a rubric or a work "
            "file never needs more than 3. Is a ']' or '}' missing, or one '[' too many?")
METHODS = "paint, collage, none, not_sure"


@dataclass
class WorkFile:
    id: str
    raw: bytes
    problems: list[str]  # every problem, exactly as `check` prints it (file "w.toml")
    kind: str = "work"
    app: bool = False


def e(where: str, message: str) -> str:
    return f"w.toml:{where}: error: {message}"


FILES = [
    # --- nesting: a located error, never a RecursionError ---------------------------------
    WorkFile("deep-list", HEAD + b"source = " + b"[" * 5000 + b"]" * 5000 + b"\n",
             [e("5:26", TOO_DEEP)], app=True),
    WorkFile("deep-inline-table", HEAD + b"source = " + b"{a=" * 3000 + b"1" + b"}" * 3000,
             [e("5:58", TOO_DEEP)], app=True),
    WorkFile("deep-mixed", HEAD + b"source = " + b"[{a=" * 2000 + b"1" + b"}]" * 2000,
             [e("5:42", TOO_DEEP)]),
    WorkFile("deep-over-lines", HEAD + b"source = " + b"[\n" * 40 + b"]\n" * 40,
             [e("21:1", TOO_DEEP)]),
    WorkFile("deep-in-the-work-table", b"[work]\ntitle = " + b"[" * 300 + b"]" * 300 + b"\n"
             + HEAD, [e("2:25", TOO_DEEP)]),
    WorkFile("deep-but-unclosed", HEAD + b"source = " + b"[" * 5000,
             [e("5:26", TOO_DEEP)]),
    WorkFile("brackets-in-a-string", b'[work]\ntitle = "' + b"[" * 300 + b'"\n' + HEAD
             + b'source = "photo"\n', []),
    WorkFile("brackets-in-a-comment", b"# " + b"[" * 300 + b"\n" + HEAD + b'source = "photo"\n',
             []),
    WorkFile("dotted-key-5000-deep", HEAD + b"source" + b".a" * 5000 + b" = 1\n",
             [e("5:1", "answers.source: 'source' takes one answer, written in quotes; found a "
                "table. Its answers are: photo, model, not_sure")]),
    # --- multiple-choice answers: each option once, "not_sure" alone, never empty ----------
    WorkFile("duplicate-option", HEAD + b'methods = ["paint", "paint"]\n',
             [e("5:21", "answers.methods[#2]: 'paint' is chosen twice; write each answer once")],
             app=True),
    WorkFile("empty-list", HEAD + b"methods = []\n",
             [e("5:1", "answers.methods: an empty list is no answer: leave 'methods' out to "
                'leave it open, or write "not_sure"')], app=True),
    WorkFile("not-sure-and-an-answer", HEAD + b'methods = ["not_sure", "paint"]\n',
             [e("5:12", 'answers.methods[#1]: "not_sure" cannot be combined with other '
                'answers: write either "not_sure" or the answers you are sure of')], app=True),
    WorkFile("an-answer-and-not-sure", HEAD + b'methods = ["paint", "not_sure"]\n',
             [e("5:21", 'answers.methods[#2]: "not_sure" cannot be combined with other '
                'answers: write either "not_sure" or the answers you are sure of')]),
    WorkFile("not-sure-alone-in-a-list", HEAD + b'methods = ["not_sure"]\n', []),
    WorkFile("not-sure-as-text", HEAD + b'methods = "not_sure"\n', []),
    WorkFile("a-number-in-the-list", HEAD + b'methods = [1, "paint"]\n',
             [e("5:12", "answers.methods[#1]: the number 1 is not an answer to 'methods'; its "
                f"answers are: {METHODS}.")]),
    WorkFile("a-table-in-the-list", HEAD + b'methods = [{a = 1}]\n',
             [e("5:12", "answers.methods[#1]: a table is not an answer to 'methods'; its "
                f"answers are: {METHODS}.")]),
    WorkFile("one-answer-for-several", HEAD + b'methods = "paint"\n',
             [e("5:1", "answers.methods: 'methods' takes several answers: write a list, "
                '["paint"]')]),
    # --- wrong types, in every kind of field ---------------------------------------------
    WorkFile("single-answer-a-number", HEAD + b"source = 7\n",
             [e("5:1", "answers.source: 'source' takes one answer, written in quotes; found "
                "the number 7. Its answers are: photo, model, not_sure")]),
    WorkFile("single-answer-a-date", HEAD + b"source = 1979-05-27\n",
             [e("5:1", "answers.source: 'source' takes one answer, written in quotes; found "
                "the date 1979-05-27. Its answers are: photo, model, not_sure")]),
    WorkFile("single-answer-empty", HEAD + b'source = ""\n',
             [e("5:1", "answers.source: '' is not an answer to 'source'; its answers are: "
                "photo, model, not_sure.")]),
    WorkFile("title-a-number", b"[work]\ntitle = 3\n" + HEAD,
             [e("2:1", "work.title: expected text (in quotes), found the number 3")]),
    WorkFile("year-41-characters", b'[work]\nyear = "' + b"1" * 41 + b'"\n' + HEAD,
             [e("2:1", "work.year: is too long: at most 40 characters")]),
    WorkFile("answers-an-array-of-tables", HEAD.replace(b"[answers]", b"[[answers]]")
             + b'source = "photo"\n', [e("4:1", "answers: expected a table, found a list")]),
    WorkFile("rubric-version-a-number", HEAD.replace(b'"1.0"', b"1.0"),
             [e("3:1", "assessment.rubric_version: expected text (in quotes), found the "
                "number 1.0")]),
    # --- what a file is decided by its tables, not by its text -------------------------
    WorkFile("notes-holding-a-rubric-line", b'[work]\nnotes = """\n[rubric]\nid = "x"\n"""\n'
             + HEAD + b'source = "photo"\n', [], app=True),
    WorkFile("notes-holding-table-lines", b"[work]\nnotes = '''\n[[questions]]\n[answers]\n'''\n"
             + HEAD + b'source = "photo"\n', []),
    # --- characters: every control character escaped in messages --------------------------
    WorkFile("raw-delete-character", HEAD + b'source = "photo\x7f"\n',
             [e("5:16", "TOML syntax: illegal character '\\x7f'")]),
    WorkFile("raw-nul", HEAD + b'source = "ph\x00oto"\n',
             [e("5:13", "TOML syntax: illegal character '\\x00'")]),
    WorkFile("escape-sequence-in-a-key", b'[work]\n"ti\\u001b[31mtle" = "x"\n' + HEAD,
             [e("2:1", "work.ti\\x1b[31mtle: unknown key 'ti\\x1b[31mtle'; allowed here: title, "
                "artist, year, medium, series, edition, wall_label, notes, image. Did you mean "
                "'title'?")]),
    WorkFile("escape-sequence-in-a-title", b'[work]\ntitle = "\\u001b[2Jgone"\n' + HEAD, []),
    WorkFile("lone-surrogate-escape", b'[work]\ntitle = "\\ud800"\n' + HEAD,
             [e("2:16", "TOML syntax: this \\u escape names no character (half of a "
                "surrogate pair): write the character itself, or its \\U escape")]),
    WorkFile("byte-order-mark", b"\xef\xbb\xbf" + HEAD + b'source = "photo"\n', []),
    WorkFile("crlf-line-ends", HEAD.replace(b"\n", b"\r\n") + b'source = "photo"\r\n', []),
    # --- the rubric: answers that cannot be checked are never passed -----------------------
    WorkFile("unknown-rubric", HEAD.replace(b'"minimal"', b'"minimall"'),
             [e("2:1", "assessment.rubric: no rubric has the id 'minimall'; the rubrics are: "
                "minimal. Did you mean 'minimal'?")]),
]
IDS = [f.id for f in FILES]
assert len(IDS) == len(set(IDS))


def _write(tmp_path, raw: bytes):
    path = tmp_path / "w.toml"
    path.write_bytes(raw)
    return path


@pytest.mark.parametrize("wf", FILES, ids=IDS)
def test_hostile_work_file(wf):
    checked = check_work_bytes(wf.raw, "w.toml", RUBRICS)
    assert [str(p) for p in checked.problems] == wf.problems
    assert checked.ok == (not wf.problems)
    assert kind_of(wf.raw) == wf.kind
    if checked.ok:  # what is accepted is written back exactly
        again = dump_work(RUBRIC, checked.model.work, checked.model.answers)
        back = check_work_bytes(again.encode(), "w.toml", RUBRICS)
        assert back.ok and back.model == checked.model


@pytest.mark.parametrize("wf", FILES, ids=IDS)
def test_hostile_work_file_on_the_command_line(wf, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no rubrics/ here: the rubric is named
    path = _write(tmp_path, wf.raw)
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", str(MINIMAL), "w.toml"], out=out, err=err)
    assert "Traceback" not in err.getvalue()
    assert err.getvalue().splitlines() == wf.problems
    assert code == (1 if wf.problems else 0)
    out, err = io.StringIO(), io.StringIO()
    code = main(["read", "--rubric", str(MINIMAL), str(path)], out=out, err=err)
    assert code == (1 if wf.problems else 0)
    assert "Traceback" not in err.getvalue()
    assert not any(ch in out.getvalue() for ch in "\x1b\x00\x7f")


@pytest.mark.timeout(120)
def test_hostile_work_files_uploaded_in_the_app(monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    from collector_guide.ui.state import result_step

    monkeypatch.setenv("COLLECTOR_GUIDE_RUBRICS", str(FIXTURES / "good"))
    monkeypatch.setenv("COLLECTOR_GUIDE_SAMPLES", str(tmp_path))
    for wf in (wf for wf in FILES if wf.app):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
        at.file_uploader(key="work_upload").upload("w.toml", wf.raw, "application/toml")
        at = at.run()
        assert not at.exception, (wf.id, [x.value for x in at.exception])
        if wf.problems:  # said in the visitor's words, the located problems one tap away
            words = RUBRIC.labels.upload_damaged.format(name="w.toml")
            assert [x.value.replace("\\", "").replace("\u2060", "") for x in at.error] == [
                words], wf.id
            assert [c.value for c in at.code] == ["\n".join(wf.problems)], wf.id
        assert at.session_state["cg_step"] == (0 if wf.problems else result_step(RUBRIC))


# --- check finds a work's rubric by its id -------------------------------------------------


def test_check_finds_the_rubric_by_id(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rubrics").mkdir()
    (tmp_path / "rubrics" / "minimal.toml").write_bytes(MINIMAL.read_bytes())
    answers = b"".join(b"unknown_%d = \"x\"\n" % i for i in range(30_000))
    _write(tmp_path, HEAD + answers)
    out, err = io.StringIO(), io.StringIO()
    assert main(["check", "w.toml"], out=out, err=err) == 1
    assert out.getvalue() == "1 file checked: 30000 errors, 0 warnings\n"
    assert err.getvalue().splitlines()[0] == e(
        "5:1", "answers.unknown_0: the rubric 'minimal' has no question 'unknown_0'.")


def test_check_without_any_rubric_says_so(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COLLECTOR_GUIDE_RUBRICS", raising=False)
    _write(tmp_path, HEAD + b'source = "photo"\n')
    out, err = io.StringIO(), io.StringIO()
    assert main(["check", "w.toml"], out=out, err=err) == 1
    assert err.getvalue() == e(
        "2:1", "assessment.rubric: no rubric with the id 'minimal' was found among the files "
        "checked or in rubrics/, so the answers cannot be checked: name its rubric file too, "
        "or its folder with --rubrics DIR") + "\n"
    assert out.getvalue() == "1 file checked: 1 error, 0 warnings\n"


def test_check_and_read_take_a_rubrics_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = _write(tmp_path, HEAD + b'source = "photo"\n')
    folder = str(FIXTURES / "good")
    assert main(["check", "--rubrics", folder, str(path)], out=io.StringIO(),
                err=io.StringIO()) == 0
    monkeypatch.setenv("COLLECTOR_GUIDE_RUBRICS", folder)
    assert main(["check", str(path)], out=io.StringIO(), err=io.StringIO()) == 0
    out = io.StringIO()
    assert main(["read", str(path)], out=out, err=io.StringIO()) == 0
    expected = io.StringIO()
    assert main(["read", "--rubric", str(MINIMAL), str(path)], out=expected,
                err=io.StringIO()) == 0
    assert out.getvalue() == expected.getvalue() != ""


# --- fuzz: arbitrary values in every field, arbitrary text as the file ----------------------


def _toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value) if value == value and abs(value) != float("inf") else "nan"
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return "{" + ", ".join(f"{toml_string(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"


_TEXT = st.text(st.characters(codec="utf-8"), max_size=30)
_OPTION_IDS = st.sampled_from([o.id for q in RUBRIC.questions for o in q.options] + [NOT_SURE])
_VALUES = st.recursive(
    st.booleans() | st.integers(-10**20, 10**20)
    | st.floats(allow_nan=False) | _TEXT | _OPTION_IDS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=3),
    max_leaves=8,
)
def _valid(field: tuple[str, str]):
    """A value this field accepts."""
    table, key = field
    if table == "work":
        if key == "image":
            return st.sampled_from(["photo.jpg", "a photo.png", "x/y.heic"])
        return _TEXT.map(lambda s: s.strip()[:40])
    if table == "assessment":
        return st.just("minimal") if key == "rubric" else st.sampled_from(["1.0", "0.9"])
    q = RUBRIC.question(key)
    ids = [o.id for o in q.options]
    if q.kind == "multiple":
        return st.just(NOT_SURE) | st.lists(st.sampled_from(ids), min_size=1, unique=True)
    return st.sampled_from([*ids, NOT_SURE])


FIELDS = ([("work", k) for k in WorkInfo.model_fields] + [("assessment", "rubric"),
          ("assessment", "rubric_version")] + [("answers", q.id) for q in RUBRIC.questions])
EXTRA = [("work", "extra"), ("assessment", "extra"), ("answers", "unknown")]


@st.composite
def work_files(draw) -> bytes:
    """Mostly files a collector could have saved; in half of them one or two fields (or an
    extra key) hold an arbitrary value instead."""
    hostile = set(draw(st.lists(st.sampled_from(FIELDS + EXTRA), max_size=2))
                  if draw(st.booleans()) else [])
    tables: dict[str, list[str]] = {"work": [], "assessment": [], "answers": []}
    for field in FIELDS + EXTRA:
        required = field[0] == "assessment" and field not in EXTRA
        if field in hostile:
            value = draw(_VALUES)
        elif field in EXTRA or not (required or draw(st.booleans())):
            continue
        else:
            value = draw(_valid(field))
        tables[field[0]].append(f"{toml_string(field[1])} = {_toml_value(value)}")
    lines = [line for table, rows in tables.items() for line in (f"[{table}]", *rows)]
    return ("\n".join(lines) + "\n").encode()


def _accepted_round_trips(raw: bytes) -> None:
    checked = check_work_bytes(raw, "w.toml", RUBRICS)  # never raises
    for problem in checked.problems:
        assert problem.line is not None, str(problem)
        assert "\n" not in str(problem) and "\x1b" not in str(problem)
    if checked.ok:
        again = dump_work(RUBRIC, checked.model.work, checked.model.answers)
        back = check_work_bytes(again.encode(), "w.toml", RUBRICS)
        assert back.ok, [str(p) for p in back.problems]
        # the same work and answers (saved again, it is saved for the rubric's version now)
        assert (back.model.work, back.model.answers) == (checked.model.work,
                                                         checked.model.answers)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(work_files())
def test_any_value_in_any_field_is_handled(raw):
    _accepted_round_trips(raw)


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec="utf-8"), max_size=200)
       | st.binary(max_size=200).map(lambda b: HEAD + b))
def test_any_text_as_a_work_file_is_handled(text):
    raw = text.encode() if isinstance(text, str) else text
    _accepted_round_trips(raw)
    kind_of(raw)
