"""Edits on disk while the app runs: the next run reads the edited rubric, without a restart; a
broken edit keeps the last good version serving (logged once, shown in the studio); a removed
file is gone; a visitor mid-reading keeps the answers that still fit; sample works alike."""

from __future__ import annotations

import logging
import os
import shutil

import pytest
from conftest import MINIMAL, ROOT
from streamlit.testing.v1 import AppTest

from collector_guide import load_rubric
from collector_guide.keep.urlstate import encode
from collector_guide.rubric import Labels
from collector_guide.ui import library, screens, studio

pytestmark = pytest.mark.timeout(180)
WORDS = Labels()
WORK = """[work]
title = "A test work"

[assessment]
rubric = "minimal"
rubric_version = "1.0"

[answers]
source = "{source}"
"""


@pytest.fixture
def folders(tmp_path, monkeypatch):
    rubrics, samples = tmp_path / "rubrics", tmp_path / "samples"
    rubrics.mkdir()
    samples.mkdir()
    shutil.copy(MINIMAL, rubrics / "minimal.toml")
    monkeypatch.setenv("COLLECTOR_GUIDE_RUBRICS", str(rubrics))
    monkeypatch.setenv("COLLECTOR_GUIDE_SAMPLES", str(samples))
    monkeypatch.delenv("COLLECTOR_GUIDE_GALLERY", raising=False)
    monkeypatch.delenv(studio.ENV, raising=False)
    return rubrics, samples


def edit(path, old: str, new: str) -> None:
    """Rewrite a file, its modification time moved on (a coarse clock could miss a quick edit)."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    before = path.stat().st_mtime_ns
    path.write_text(text.replace(old, new), encoding="utf-8")
    os.utime(path, ns=(before + 2_000_000_000, before + 2_000_000_000))


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def page_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [i.value for i in at.info]
    parts += [h.value for h in at.header] + [s.value for s in at.subheader]
    parts += [w.value for w in at.warning] + [e.value for e in at.error]
    return "\n".join(str(p) for p in parts).replace("\\", "").replace("\u2060", "")


def reading_app(answers: dict) -> AppTest:
    r = load_rubric(MINIMAL)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    for k, v in encode(r, screens.result_step(r), answers, {}, []).items():
        at.query_params[k] = v
    return ok(at.run())


ANSWERS = {"source": "model", "model_kind": "own", "methods": ["paint"], "series": "named"}


def test_an_edit_on_disk_changes_the_next_reading(folders, caplog):
    rubrics, _ = folders
    at = reading_app(ANSWERS)
    assert "The built system" in page_text(at)
    edit(rubrics / "minimal.toml", 'name = "The built system"', 'name = "The engineered system"')
    ok(at.run())  # the visitor's next interaction: no restart
    assert "The engineered system" in page_text(at) and "The built system" not in page_text(at)

    caplog.set_level(logging.WARNING, logger="collector_guide")
    edit(rubrics / "minimal.toml", "[[archetypes]]", "[[archetypes]")  # a broken edit
    ok(at.run())
    ok(at.run())
    assert "The engineered system" in page_text(at)  # the last good version still serves
    logged = [r for r in caplog.records if "minimal.toml" in r.getMessage()]
    assert len(logged) == 1 and "last good version" in logged[0].getMessage(), logged

    author = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    author.query_params[studio.PARAM] = "1"
    os.environ[studio.ENV] = "1"
    try:
        ok(author.run())
    finally:
        del os.environ[studio.ENV]
    shown = page_text(author)
    assert WORDS.screen_error not in shown
    assert WORDS.studio_serving_old.format(file="minimal.toml") in shown
    assert str(rubrics) not in shown  # the server's folders are not shown
    assert "minimal.toml:" in shown and ": error: " in shown


def test_a_visitor_mid_reading_keeps_the_answers_that_still_fit(folders):
    rubrics, _ = folders
    at = reading_app(ANSWERS)
    edit(rubrics / "minimal.toml", 'id = "own"', 'id = "trained"')  # one answer no longer fits
    ok(at.run())
    assert at.session_state["cg_answers"] == {k: v for k, v in ANSWERS.items()
                                             if k != "model_kind"}
    assert WORDS.rubric_updated_dropped.format(count=1) in page_text(at)
    ok(at.run())
    assert WORDS.rubric_updated_dropped.format(count=1) not in page_text(at)  # said once


def test_a_removed_rubric_disappears_and_a_new_one_appears(folders):
    rubrics, samples = folders
    args = (str(rubrics), str(samples))
    assert list(library.library(*args).catalog.rubrics) == ["minimal"]
    second = rubrics / "second.toml"
    second.write_text(MINIMAL.read_text().replace('id = "minimal"', 'id = "second"', 1))
    assert sorted(library.library(*args).catalog.rubrics) == ["minimal", "second"]
    (rubrics / "minimal.toml").unlink()
    assert list(library.library(*args).catalog.rubrics) == ["second"]
    # A file that comes back broken has no last good version any more: it is not served.
    (rubrics / "minimal.toml").write_text("[rubric\n")
    lib = library.library(*args)
    assert list(lib.catalog.rubrics) == ["second"] and not lib.stale
    assert any(p.file.endswith("minimal.toml") for p in lib.catalog.problems)


def test_sample_works_follow_their_files(folders):
    rubrics, samples = folders
    args = (str(rubrics), str(samples))
    work = samples / "one.toml"
    work.write_text(WORK.format(source="photo"))
    (x0,) = [p.x for p in library.library(*args).points["minimal"]]
    edit(work, '"photo"', '"model"')
    (x1,) = [p.x for p in library.library(*args).points["minimal"]]
    assert x1 > x0
    edit(work, 'source = "model"', 'source = "nonsense"')  # broken: the last good one serves
    lib = library.library(*args)
    assert [p.x for p in lib.points["minimal"]] == [x1] and str(work) in lib.stale
    work.unlink()
    assert library.library(*args).points["minimal"] == []


def test_the_stamp_sees_a_same_size_edit(folders):
    rubrics, samples = folders
    stamp = library.files_stamp(str(rubrics), str(samples))
    edit(rubrics / "minimal.toml", "Minimal test rubric", "Minimal TEST rubric")
    assert library.files_stamp(str(rubrics), str(samples)) != stamp


def test_a_visitor_whose_rubric_was_removed_goes_on_with_the_default(folders):
    rubrics, _ = folders
    second = rubrics / "second.toml"
    second.write_text(MINIMAL.read_text().replace('id = "minimal"', 'id = "second"', 1))
    r = load_rubric(second)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    for k, v in encode(r, screens.result_step(r), ANSWERS, {}, []).items():
        at.query_params[k] = v
    ok(at.run())
    assert at.session_state["cg_rubric"] == "second"
    second.unlink()
    ok(at.run())
    assert at.session_state["cg_rubric"] == "minimal"
    assert at.session_state["cg_answers"] == ANSWERS  # every answer fits the same questions
    assert WORDS.rubric_updated in page_text(at)
