"""The documentation cannot go stale: commands, examples and references are checked here."""

from __future__ import annotations

import io
import re

from conftest import FIXTURES, MINIMAL, ROOT

from collector_guide.authoring.check import check_rubric_bytes
from collector_guide.cli import main
from collector_guide.rubric import READING_PLACEHOLDERS, Labels, Rubric

README = (ROOT / "README.md").read_text()
FORMAT = (ROOT / "docs" / "rubric-format.md").read_text()


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


def test_format_doc_names_every_key_of_the_model():
    def keys(model) -> set[str]:
        return {f.alias or n for n, f in model.model_fields.items()}

    documented = set(re.findall(r"^\| `([a-z_]+)`", FORMAT, re.M))
    from collector_guide.rubric import (
        Archetype,
        Axis,
        Band,
        Caution,
        EvidenceHint,
        Option,
        Question,
        RubricInfo,
        Section,
    )

    for model in (RubricInfo, Axis, Section, Question, Option, Band, Archetype, Caution,
                  EvidenceHint):
        missing = {k for k in keys(model) if k not in documented and k not in ("from", "to")}
        assert not missing, (model.__name__, missing)
    assert "`from`, `to`" in FORMAT
    for key, placeholders in READING_PLACEHOLDERS.items():
        row = next(line for line in FORMAT.splitlines() if line.startswith(f"| `{key}` |"))
        for name in placeholders:
            assert "{" + name + "}" in row, (key, name)


def test_format_doc_complete_example_is_a_valid_rubric():
    example = re.search(r"## A complete example\n.*?```toml\n(.*?)```", FORMAT, re.S)
    assert example, "docs/rubric-format.md needs a '## A complete example' TOML block"
    checked = check_rubric_bytes(example.group(1).encode(), "example.toml")
    assert checked.ok, [str(p) for p in checked.problems]
    assert example.group(1).strip() == MINIMAL.read_text().split("\n", 1)[1].strip()


def test_the_labels_reference_is_exactly_what_the_command_prints():
    from collector_guide.cli import labels_table

    doc = (ROOT / "docs" / "labels.md").read_text()
    assert doc.endswith(labels_table()), "regenerate the table with `collector-guide labels`"
    assert len(Labels.model_fields) == labels_table().count("\n") - 2


def test_schema_is_generated_from_the_models():
    out = io.StringIO()
    main(["schema"], out=out, err=io.StringIO())
    import json

    schema = json.loads(out.getvalue())
    assert set(schema["properties"]) == {f.alias or n for n, f in Rubric.model_fields.items()}


def test_the_sample_readings_page_is_what_read_prints():
    from sample_readings import DOC, render

    assert DOC.read_text() == render(), "regenerate it with `python tests/sample_readings.py`"
