"""The editor schemas: committed, up to date, described, and read by the real Taplo CLI exactly
as the loader reads files.

What is compared. The loader's *schema-level* verdict — the file parses as TOML and validates
against the model (`tests/taplo_support.loader_accepts`) — against `taplo check` with the
committed schema. Checks that need the whole rubric (ids that must exist, bands that cover an
axis, reachability, lint) come after validation and are beyond any JSON Schema, so a fixture
with only such a mistake is accepted by both. Two differences are Taplo's and are pinned here
rather than hidden: Taplo reads a TOML date or time as text (the loader refuses one where text
belongs), so a document with dates is compared as the loader would read it with each date
written as text; and Taplo refuses a byte-order mark that the loader forgives.
"""

from __future__ import annotations

import copy
import datetime
import json
import math
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, MINIMAL, ROOT, SAMPLES
from pydantic import ValidationError
from taplo_support import (
    loader_accepts,
    taplo,
    taplo_errors,
    taplo_failures,
    taplo_refuses,
    to_toml,
)

from collector_guide.rubric import Rubric, Work
from collector_guide.rubric.schema import schema_text

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

RUBRIC_SCHEMA = ROOT / "rubrics" / "rubric.schema.json"
WORK_SCHEMA = ROOT / "rubrics" / "work.schema.json"
REGENERATE = "run `collector-guide regenerate` in the repository's root folder"
BUNDLED = sorted((ROOT / "rubrics").rglob("*.toml"))
DATE = datetime.date(1979, 5, 27)


@pytest.mark.parametrize(("path", "model"), [(RUBRIC_SCHEMA, Rubric), (WORK_SCHEMA, Work)],
                         ids=["rubric", "work"])
def test_the_committed_schema_is_what_the_models_say(path, model):
    assert path.read_text() == schema_text(model), f"{path.name} is out of date: {REGENERATE}"


def _undescribed(node: object, where: str = "") -> list[str]:
    found = []
    if isinstance(node, dict):
        for name, prop in node.get("properties", {}).items():
            if not str(prop.get("description", "")).strip():
                found.append(f"{where}.{name}".lstrip("."))
        for key, child in node.items():
            found += _undescribed(child, f"{where}.{key}" if key != "properties" else where)
    return found


@pytest.mark.parametrize("model", [Rubric, Work], ids=["rubric", "work"])
def test_every_key_has_a_description_for_authors(model):
    missing = _undescribed(json.loads(schema_text(model)))
    assert not missing, (
        "write a docstring under each of these fields, in words a gallery educator "
        f"understands (it is what their editor shows): {missing}; then {REGENERATE}")


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: str(p.relative_to(ROOT / "rubrics")))
def test_every_bundled_rubric_names_the_schema_on_its_first_line(path):
    depth = len(path.relative_to(ROOT / "rubrics").parts) - 1
    expected = "#:schema " + ("../" * depth if depth else "./") + "rubric.schema.json"
    assert path.read_text().splitlines()[0] == expected


def test_taplo_accepts_every_bundled_rubric_through_its_schema_line():
    # No --schema: each file's first line leads Taplo to the schema, as it leads an editor.
    result = taplo("check", "--colors", "never", "--no-auto-config", *map(str, BUNDLED))
    assert result.returncode == 0, result.stderr


def test_taplo_accepts_every_sample_work():
    assert taplo_failures(SAMPLES, WORK_SCHEMA) == set()


def _minimal_with(tmp_path: Path, old: str, new: str) -> Path:
    text = MINIMAL.read_text()
    assert old in text
    path = tmp_path / "edited.toml"
    path.write_text(text.replace(old, new, 1))
    return path


def test_taplo_names_a_misspelt_key_on_its_line(tmp_path):
    path = _minimal_with(tmp_path, "weight = 1.5", "wieght = 1.5")
    line = path.read_text().splitlines().index("wieght = 1.5") + 1
    errors = taplo_errors(path, RUBRIC_SCHEMA)
    assert errors and all("'wieght' was unexpected" in m for m, _ in errors), errors
    assert not loader_accepts(path.read_bytes(), Rubric)
    assert line in {n for _, n in errors} or errors[0][1] < line  # the table that holds it


def test_taplo_names_a_misspelt_key_inside_a_condition(tmp_path):
    path = _minimal_with(tmp_path, 'any_of = ["model", "not_sure"] }',
                         'anyof = ["model", "not_sure"] }')
    messages = {m for m, _ in taplo_errors(path, RUBRIC_SCHEMA)}
    assert "Additional properties are not allowed ('anyof' was unexpected)" in messages


def test_taplo_points_at_a_value_of_the_wrong_type(tmp_path):
    path = _minimal_with(tmp_path, "weight = 1.5", 'weight = "heavy"')
    line = path.read_text().splitlines().index('weight = "heavy"') + 1
    assert taplo_errors(path, RUBRIC_SCHEMA) == [('"heavy" is not of type "number"', line)]
    assert not loader_accepts(path.read_bytes(), Rubric)


# --- the same verdict as the loader ----------------------------------------------------------


def _kind(path: Path) -> type:
    return Work if path.name.startswith("work_") or path.parent == SAMPLES else Rubric


def _fixture_files() -> list[Path]:
    return sorted([*FIXTURES.rglob("*.toml"), *BUNDLED, *SAMPLES.glob("*.toml")])


def _as_taplo_reads_it(raw: bytes) -> bytes:
    """The document with each TOML date written as text, which is how Taplo sees dates."""
    try:
        data = tomllib.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return raw

    def texts(node):
        if isinstance(node, dict):
            return {k: texts(v) for k, v in node.items()}
        if isinstance(node, list):
            return [texts(v) for v in node]
        if isinstance(node, (datetime.date, datetime.time)):
            return node.isoformat()
        return node

    plain = texts(data)
    return to_toml(plain).encode() if plain != data else raw


def _compare(folder: Path, files: dict[str, tuple[bytes, bool]], model: type) -> list[str]:
    """The files (bytes, the loader's verdict) on which Taplo disagrees with the loader, each
    disagreement confirmed by running Taplo on that file alone."""
    schema = RUBRIC_SCHEMA if model is Rubric else WORK_SCHEMA
    folder.mkdir()
    for name, (raw, _) in files.items():
        (folder / name).write_bytes(raw)
    refused = taplo_failures(folder, schema)
    return [
        f"{name}: the loader {'accepts' if accepted else 'refuses'} it, "
        f"Taplo {'refuses' if accepted else 'accepts'} it"
        for name, (_, accepted) in files.items()
        if accepted == (name in refused) and accepted == taplo_refuses(folder / name, schema)
    ]


def test_every_fixture_gets_the_same_verdict_from_taplo_and_the_loader(tmp_path):
    files: dict[type, dict[str, tuple[bytes, bool]]] = {Rubric: {}, Work: {}}
    for path in _fixture_files():
        raw, model = path.read_bytes(), _kind(path)
        files[model][f"{path.parent.name}-{path.name}"] = (
            raw, loader_accepts(_as_taplo_reads_it(raw), model))
    differ = _compare(tmp_path / "rubric", files[Rubric], Rubric)
    differ += _compare(tmp_path / "work", files[Work], Work)
    assert not differ, "\n".join(differ)
    assert len(files[Rubric]) > 30 and len(files[Work]) > 10


# What is put in place of each value of a document: each kind of mistake an author makes, chosen
# by the kind of value that belongs there (every kind gets the other kinds too).
TEXT_PROBES = ["", "   ", "\u3000", " padded ", "Has Space", "not_sure", "x" * 4001, " ../up.png",
               "/abs.png", 1, True, ["a"], {"a": "b"}, DATE]
NUMBER_PROBES = [0, 1, -1, 0.5, -1.5, 11, "0.5", True, math.nan, DATE]
LIST_PROBES = [[], ["a"], [{"a": "b"}], "text", 1, {}]
TABLE_PROBES = [{}, {"a": "b"}, "text", 1, []]


def _probes(value: object) -> list:
    if isinstance(value, (int, float)):
        return NUMBER_PROBES
    if isinstance(value, list):
        return LIST_PROBES
    if isinstance(value, dict):
        return TABLE_PROBES
    return TEXT_PROBES


def _paths(node: object, path: tuple = ()):
    """Every place in a document, entering one item of each shape in a list."""
    yield path, node
    if isinstance(node, dict):
        for key, child in node.items():
            yield from _paths(child, (*path, key))
    elif isinstance(node, list):
        shapes = {}
        for index, child in enumerate(node):
            shape = tuple(sorted(child)) if isinstance(child, dict) else type(child).__name__
            shapes.setdefault(shape, index)
        for index in shapes.values():
            yield from _paths(node[index], (*path, index))


def _edit(data: dict, path: tuple, change) -> dict:
    copied = copy.deepcopy(data)
    node = copied
    for step in path[:-1]:
        node = node[step]
    change(node, path[-1])
    return copied


def _mutants(base: dict) -> dict[str, dict]:
    found: dict[str, dict] = {}
    for path, node in _paths(base):
        if not path:
            continue
        name = "-".join(map(str, path))
        for i, probe in enumerate(_probes(node)):
            found[f"{name}-probe{i}"] = _edit(base, path, lambda n, k, p=probe: n.__setitem__(k, p))
        if isinstance(path[-1], str):
            found[f"{name}-deleted"] = _edit(base, path, lambda n, k: n.__delitem__(k))
        if isinstance(node, dict):
            found[f"{name}-unknown"] = _edit(base, path, lambda n, k: n[k].__setitem__("zzz", 1))
            found[f"{name}-spaced-key"] = _edit(
                base, path, lambda n, k: n[k].__setitem__(" padded", 0.5))
        if isinstance(node, list) and node:
            found[f"{name}-one"] = _edit(base, path, lambda n, k: n.__setitem__(k, n[k][0]))
            found[f"{name}-twice"] = _edit(base, path, lambda n, k: n[k].append(n[k][0]))
    return found


def _enriched_minimal() -> dict:
    """The minimal rubric with every optional key it leaves out, so those get mutated too."""
    data = tomllib.loads(MINIMAL.read_text())
    data["rubric"].update(authors=["A. Author"], gallery="The Print Room",
                          translation_of="minimal-en")
    data["questions"][0]["options"][0]["gloss"] = "what the word means"
    data["archetypes"][0]["summary"] = "one line"
    data["labels"] = {"not_sure": "Unsure", "step_of": "Step {step} of {total}"}
    data["cautions"][0]["when"] = data["cautions"][0]["when"][0]
    return data


def _dates_as_text(node: object) -> object:
    if isinstance(node, dict):
        return {k: _dates_as_text(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_dates_as_text(v) for v in node]
    return node.isoformat() if isinstance(node, datetime.date) else node


def _generated(documents: dict[str, dict], model: type) -> dict[str, tuple[bytes, bool]]:
    """Each generated document as TOML, with the loader's verdict on it.

    The verdict is the model's on the document's data (with dates as text, as Taplo reads
    them): what loading the TOML comes to, as every tenth document shows by reading its TOML
    back; parsing each one with the loader as well would only make the test slower.
    """
    files = {}
    for i, (name, data) in enumerate(documents.items()):
        text = to_toml(data)
        if i % 10 == 0:
            assert _same(tomllib.loads(text), data), name
        try:
            model.model_validate(_dates_as_text(data))
            files[f"{name}.toml"] = (text.encode(), True)
        except ValidationError:
            files[f"{name}.toml"] = (text.encode(), False)
    return files


def _same(read: object, written: object) -> bool:
    if isinstance(written, float) and math.isnan(written):
        return isinstance(read, float) and math.isnan(read)
    if isinstance(written, dict):
        return read.keys() == written.keys() and all(_same(read[k], written[k]) for k in read)
    if isinstance(written, list):
        return len(read) == len(written) and all(map(_same, read, written))
    return type(read) is type(written) and read == written


def test_generated_mistakes_get_the_same_verdict_from_taplo_and_the_loader(tmp_path):
    work = tomllib.loads((FIXTURES / "bad" / "work_unknown_key.toml").read_text()
                         .replace("titel", "title"))
    rubrics = _generated(_mutants(_enriched_minimal()), Rubric)
    works = _generated(_mutants(work), Work)
    differ = _compare(tmp_path / "rubric", rubrics, Rubric)
    differ += _compare(tmp_path / "work", works, Work)
    assert not differ, f"{len(differ)} differ:\n" + "\n".join(differ[:40])
    assert len(rubrics) > 1000 and len(works) > 50
    assert 0.1 < sum(ok for _, ok in rubrics.values()) / len(rubrics) < 0.5


def test_taplo_refuses_a_byte_order_mark_the_loader_forgives(tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.read_bytes())
    assert loader_accepts(path.read_bytes(), Rubric)
    assert taplo_failures(tmp_path, RUBRIC_SCHEMA) == {"bom.toml"}


def test_taplo_accepts_the_work_files_the_app_writes(tmp_path, default_rubric):
    from collector_guide.keep.workfile import dump_work, load_work

    for path in sorted(SAMPLES.glob("*.toml")):
        work = load_work(path, default_rubric)
        (tmp_path / path.name).write_text(dump_work(default_rubric, work.work, work.answers))
    assert len(list(tmp_path.glob("*.toml"))) >= 5
    assert taplo_failures(tmp_path, WORK_SCHEMA) == set()
