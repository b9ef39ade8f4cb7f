"""The documentation cannot go stale: commands, examples and references are checked here."""

from __future__ import annotations

import io
import json
import re

import pytest
from conftest import FIXTURES, MINIMAL, ROOT

from collector_guide.authoring.check import check_rubric_bytes
from collector_guide.authoring.reference import (
    GENERATED_FILES,
    KEY_TABLES,
    generated_tables,
    labels_table,
    render,
)
from collector_guide.cli import main
from collector_guide.rubric import READING_PLACEHOLDERS, Labels, ReadingText, Rubric, Work
from collector_guide.rubric.schema import schema_text

README = (ROOT / "README.md").read_text()
FORMAT = (ROOT / "docs" / "rubric-format.md").read_text()
LABELS = (ROOT / "docs" / "labels.md").read_text()
REGENERATE = "run `collector-guide regenerate` in the repository's root folder"


def console_blocks(text: str) -> list[str]:
    return re.findall(r"```console\n(.*?)```", text, re.S)


def test_ci_runs_exactly_the_readme_test_command():
    test_command = console_blocks(README)[1].strip()
    assert "pytest" in test_command
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert test_command in ci


def test_readme_run_command_starts_the_app():
    assert console_blocks(README)[0].strip().endswith("streamlit run app.py")


def test_readme_sample_errors_are_what_check_prints():
    shown = [line.split(": error: ", 1)[1] for line in console_blocks(README)[2].splitlines()
             if ": error: " in line]
    actual = []
    for name in ("unknown_axis_in_effects.toml", "unknown_key_typo.toml"):
        err = io.StringIO()
        main(["check", str(FIXTURES / "bad" / name)], out=io.StringIO(), err=err)
        actual.append(err.getvalue().splitlines()[0].split(": error: ", 1)[1])
    assert shown == actual


def test_readme_screenshots_exist():
    for path in re.findall(r'src="(docs/screenshots/[^"]+)"', README):
        assert (ROOT / path).is_file(), path


@pytest.mark.parametrize("name", ["rubric-format.md", "labels.md"])
def test_generated_tables_are_current(name):
    text = (ROOT / "docs" / name).read_text()
    assert render(text) == text, f"docs/{name} is out of date: {REGENERATE}"


def test_the_format_doc_has_a_table_for_every_part_of_the_format():
    marked = set(re.findall(r"<!-- generated: ([a-z_]+) -->", FORMAT))
    assert marked == set(generated_tables()) - {"labels"}
    documented = set(re.findall(r"^\| `([a-z_]+)`", FORMAT, re.M))
    for model in (*KEY_TABLES.values(), ReadingText):
        keys = {f.alias or n for n, f in model.model_fields.items()}
        assert keys <= documented, (model.__name__, keys - documented)
    for key, placeholders in READING_PLACEHOLDERS.items():
        row = next(line for line in FORMAT.splitlines() if line.startswith(f"| `{key}` |"))
        for name in placeholders:
            assert "{" + name + "}" in row, (key, name)


def test_a_stale_table_is_caught_and_a_fresh_one_left_alone(tmp_path):
    stale = FORMAT.replace("| `weight` |", "| `wieght` |")
    assert render(stale) == FORMAT
    with pytest.raises(ValueError, match="no generated table is called 'nope'"):
        render("<!-- generated: nope -->\n<!-- end generated -->\n")


def test_regenerate_rewrites_only_what_is_stale(tmp_path, monkeypatch):
    for name in GENERATED_FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text((ROOT / name).read_text())
    (tmp_path / "docs" / "labels.md").write_text(
        (ROOT / "docs" / "labels.md").read_text().replace("| `back` |", "| `bakc` |"))
    (tmp_path / "rubrics" / "work.schema.json").unlink()
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    assert main(["regenerate"], out=out, err=io.StringIO()) == 0
    assert out.getvalue() == "rewrote rubrics/work.schema.json\nrewrote docs/labels.md\n"
    for name in GENERATED_FILES:
        assert (tmp_path / name).read_text() == (ROOT / name).read_text()
    out = io.StringIO()
    assert main(["regenerate"], out=out, err=io.StringIO()) == 0
    assert out.getvalue() == "everything is up to date\n"


def test_regenerate_outside_a_checkout_says_where_to_run_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    err = io.StringIO()
    assert main(["regenerate"], out=io.StringIO(), err=err) == 1
    assert err.getvalue().startswith("Error: ") and "repository's root folder" in err.getvalue()


def test_format_doc_complete_example_is_a_valid_rubric():
    example = re.search(r"## A complete example\n.*?```toml\n(.*?)```", FORMAT, re.S)
    assert example, "docs/rubric-format.md needs a '## A complete example' TOML block"
    checked = check_rubric_bytes(example.group(1).encode(), "example.toml")
    assert checked.ok, [str(p) for p in checked.problems]
    assert example.group(1).strip() == MINIMAL.read_text().split("\n", 1)[1].strip()


def test_the_labels_command_prints_the_reference_table():
    out = io.StringIO()
    main(["labels"], out=out, err=io.StringIO())
    assert out.getvalue() == labels_table() and labels_table() in LABELS
    assert len(Labels.model_fields) == labels_table().count("\n") - 2


@pytest.mark.parametrize(("args", "model"), [([], Rubric), (["--work"], Work)])
def test_the_schema_command_prints_the_committed_schema(args, model):
    out = io.StringIO()
    main(["schema", *args], out=out, err=io.StringIO())
    assert out.getvalue() == schema_text(model)
    assert set(json.loads(out.getvalue())["properties"]) == {
        f.alias or n for n, f in model.model_fields.items()}


def test_the_sample_readings_page_is_what_read_prints():
    from sample_readings import DOC, render

    assert DOC.read_text() == render(), "regenerate it with `python tests/sample_readings.py`"
