"""The tutorial works: following docs/tutorial.md step by step builds the example rubric, every
`collector-guide check` it shows prints what it says, and the result runs in the app.

The tutorial is read as a reader would follow it: a TOML block is added to the file, unless the
text before it says "Replace the line `…` with:"; a "change `A` to `B`" before a command is
done for that command only (the tutorial then says to change it back). Commands other than
`collector-guide check` (installing, starting the app) are covered by the other tests.
"""

from __future__ import annotations

import io
import re
import shlex
from pathlib import Path

import pytest
from conftest import ROOT
from streamlit.testing.v1 import AppTest
from test_app import texts

from collector_guide.authoring.check import load_rubrics
from collector_guide.cli import main

TUTORIAL = (ROOT / "docs" / "tutorial.md").read_text()
EXAMPLE = ROOT / "rubrics" / "examples" / "photograph-or-prompt.toml"
BLOCK = re.compile(r"```(toml|console)\n(.*?)```", re.S)


def _steps(text: str):
    """(kind, the text before the block, the block), in the order a reader meets them."""
    last = 0
    for match in BLOCK.finditer(text):
        yield match.group(1), " ".join(text[last:match.start()].split()), match.group(2)
        last = match.end()


def _commands(block: str) -> list[tuple[list[str], list[str]]]:
    """Each `$ collector-guide check …` in a console block, with the lines it prints."""
    found: list[tuple[list[str], list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            found.append((shlex.split(line[2:]), []))
        elif found:
            found[-1][1].append(line)
    return [(argv[1:], shown) for argv, shown in found if argv[:2] == ["collector-guide", "check"]]


def follow(text: str, root: Path) -> tuple[str, list[tuple[str, list[str], list[str]]]]:
    """Follow the tutorial in `root`: the file it builds, and each command's shown and actual
    output."""
    rubric = ""
    ran = []
    target: Path | None = None
    for kind, before, block in _steps(text):
        if kind == "toml":
            replace = re.search(r"Replace the line `([^`]+)` with:$", before)
            if replace:
                assert replace.group(1) in rubric, replace.group(1)
                rubric = rubric.replace(replace.group(1), block.strip(), 1)
            else:
                rubric += ("\n" if rubric else "") + block
            if target is None:
                target = root / re.findall(r"`(rubrics/[^`]+\.toml)`", before)[-1]
                target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(rubric)
            continue
        for argv, shown in _commands(block):
            change = re.search(r"change `([^`]+)` to `([^`]+)`", before)
            assert target is not None
            if change:
                assert change.group(1) in rubric
                target.write_text(rubric.replace(change.group(1), change.group(2), 1))
            out, err = io.StringIO(), io.StringIO()
            main(argv, out=out, err=err)
            target.write_text(rubric)
            ran.append((" ".join(argv), shown, (err.getvalue() + out.getvalue()).splitlines()))
    return rubric, ran


@pytest.fixture(scope="module")
def followed(tmp_path_factory):
    root = tmp_path_factory.mktemp("reader")
    import os

    before = Path.cwd()
    os.chdir(root)
    try:
        rubric, ran = follow(TUTORIAL, root)
    finally:
        os.chdir(before)
    return root, rubric, ran


def test_every_check_in_the_tutorial_prints_what_it_shows(followed):
    _, _, ran = followed
    assert len(ran) >= 4
    for command, shown, actual in ran:
        assert shown == actual, command


def test_the_tutorial_ends_in_the_example_rubric_and_it_passes_strict(followed):
    _, rubric, ran = followed
    assert rubric.splitlines()[0] == "#:schema ./rubric.schema.json"
    assert rubric.split("\n", 1)[1] == EXAMPLE.read_text().split("\n", 1)[1]
    strict = [actual for command, _, actual in ran if "--strict" in command]
    assert strict and strict[-1][-1] == "1 file checked: 0 errors, 0 warnings"


def test_the_examples_are_not_offered_to_visitors():
    offered = load_rubrics(ROOT / "rubrics").rubrics
    examples = load_rubrics(EXAMPLE.parent).rubrics
    assert examples and not set(examples) & set(offered)


def test_the_tutorial_rubric_runs_in_the_app(followed, monkeypatch):
    root, _, _ = followed
    monkeypatch.setenv("COLLECTOR_GUIDE_RUBRICS", str(root / "rubrics"))
    rubric = load_rubrics(root / "rubrics").rubrics["photograph-or-prompt"]
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not at.exception
    assert rubric.rubric.summary.split(":")[0] in texts(at)
    at = at.button(key="start_new").click().run()
    at = at.button(key="next_1").click().run()
    for _ in range(20):  # every screen of questions, however the app splits the sections
        step = at.session_state["cg_step"]
        if not any(b.key == f"next_{step}" for b in at.button):
            break
        for q in rubric.questions:
            widget = f"q:{rubric.id}:{q.id}"
            if q.kind == "multiple" and any(b.key == widget for b in at.button_group):
                at.button_group(key=widget).set_value([q.options[0].id]).run()
            elif any(r.key == widget for r in at.radio):
                at.radio(key=widget).set_value(q.options[-1].id).run()
        assert not at.exception, [e.value for e in at.exception]
        at = at.button(key=f"next_{step}").click().run()
        assert at.session_state["cg_step"] > step
    assert not at.exception, [e.value for e in at.exception]
    page = texts(at)
    assert "Nearest on the map:" in page and rubric.reading.closing in page
