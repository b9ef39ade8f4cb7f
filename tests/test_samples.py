"""The sample works: a golden table of where each lands, and the CLI reading them."""

from __future__ import annotations

import io
import json

import pytest
from conftest import DEFAULT_RUBRIC, SAMPLES

from collector_guide import assess, compose, load_work
from collector_guide.cli import main
from collector_guide.keep.workfile import dump_work

# (sample, quadrant, nearest archetype). "middle" means within ±0.15 on both axes.
GOLDEN = [
    ("forty-ways-17", "generated/durable", "machine_as_method"),
    ("grandmother-as-the-infanta", "assisted/novelty", "borrowed_effect"),
    ("index-of-absent-sitters-31", "generated/durable", "machine_as_method"),
    ("lost-summer-1974-still-88", "generated/novelty", "trending_surface"),
    ("moss-knight-pocket-creatures-52", "assisted/novelty", "borrowed_effect"),
    ("quiet-girl-rain-window-0412", "generated/novelty", "trending_surface"),
    ("quiet-room-overpainted-4", "assisted/durable", "shared_hand"),
    ("second-nature-composite-3", "middle", "open_hybrid"),
    ("tidewater-ledger-7", "assisted/durable", "authored_chain"),
    ("weather-for-no-one", "generated/durable", "machine_as_method"),
]


def quadrant(placement) -> str:
    x, y = placement.axes["agency"].value, placement.axes["durability"].value
    if abs(x) < 0.15 and abs(y) < 0.15:
        return "middle"
    return ("generated" if x > 0 else "assisted") + "/" + ("durable" if y > 0 else "novelty")


def test_the_table_covers_every_sample_and_every_quadrant():
    assert {name for name, *_ in GOLDEN} == {p.stem for p in SAMPLES.glob("*.toml")}
    quadrants = [q for _, q, _ in GOLDEN]
    for q in ("assisted/durable", "assisted/novelty", "generated/durable", "generated/novelty"):
        assert quadrants.count(q) >= 2
    assert "middle" in quadrants


@pytest.mark.parametrize(("name", "expected_quadrant", "archetype"), GOLDEN,
                         ids=[g[0] for g in GOLDEN])
def test_sample_lands_where_expected(default_rubric, name, expected_quadrant, archetype):
    work = load_work(SAMPLES / f"{name}.toml", default_rubric)
    placement = assess(default_rubric, work.answers)
    assert quadrant(placement) == expected_quadrant
    assert placement.nearest_archetype == archetype
    reading = compose(default_rubric, placement, work=work.work)
    assert 80 <= len(reading.main_text.split()) <= 220
    assert work.work.title in reading.paragraphs()[0]  # named in the body, not only the header
    assert work.assessment.rubric_version == default_rubric.version
    assert "fictional" in (work.work.notes + work.work.artist).lower()
    assert (SAMPLES / work.work.image).is_file()
    # some honest uncertainty in every sample, and questions to ask about it
    assert placement.unsure and reading.ask


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
@pytest.mark.parametrize("name", [g[0] for g in GOLDEN])
def test_cli_reads_every_sample_in_every_format(name, fmt):
    out, err = io.StringIO(), io.StringIO()
    code = main(["read", "--rubric", str(DEFAULT_RUBRIC), str(SAMPLES / f"{name}.toml"),
                 "--format", fmt], out=out, err=err)
    assert (code, err.getvalue()) == (0, "")
    text = out.getvalue()
    if fmt == "json":
        data = json.loads(text)
        assert data["archetypes"][0]["id"] == dict((g[0], g[2]) for g in GOLDEN)[name]
        assert data["axes"]["agency"]["interval"][0] <= data["axes"]["agency"]["value"]
        assert data["contributions"] and data["ask_gallery"]
    elif fmt == "markdown":
        assert text.startswith("# ") and "## Questions to put to the gallery" in text
    else:
        assert "Questions to put to the gallery" in text


def test_cli_read_reports_a_bad_work_file(default_rubric, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[assessment]\nrubric = "assisted-vs-generated"\n'
                   f'rubric_version = "{default_rubric.version}"\n'
                   '[answers]\nprimary_sourse = "x"\n')
    err = io.StringIO()
    assert main(["read", "--rubric", str(DEFAULT_RUBRIC), str(bad)], out=io.StringIO(),
                err=err) == 1
    assert err.getvalue().startswith(f"{bad}:5:1: error: answers.primary_sourse: ")
    assert "Did you mean 'primary_source'?" in err.getvalue()


def test_a_work_file_of_an_older_version_keeps_what_still_fits(default_rubric, tmp_path):
    old = tmp_path / "old.toml"
    old.write_text('[work]\ntitle = "Kept"\n[assessment]\nrubric = "assisted-vs-generated"\n'
                   'rubric_version = "1.0"\n[answers]\nprimary_source = "artist_photo"\n'
                   'ai_role = "one_stage"\nprimary_sourse = "x"\neditioning = "open_or_drop"\n')
    work = load_work(old, default_rubric)
    assert work.answers == {"primary_source": "artist_photo", "editioning": "open_or_drop"}
    out, err = io.StringIO(), io.StringIO()
    assert main(["check", str(DEFAULT_RUBRIC), str(old)], out=out, err=err) == 0
    assert "version 1.0" in err.getvalue() and "warning: answers.ai_role" in err.getvalue()
    assert main(["read", "--rubric", str(DEFAULT_RUBRIC), str(old)], out=out,
                err=io.StringIO()) == 0


@pytest.mark.parametrize("name", [g[0] for g in GOLDEN])
def test_saved_work_file_round_trips(default_rubric, name, tmp_path):
    work = load_work(SAMPLES / f"{name}.toml", default_rubric)
    path = tmp_path / "again.toml"
    path.write_text(dump_work(default_rubric, work.work, work.answers))
    again = load_work(path, default_rubric)
    assert again.work == work.work
    assert assess(default_rubric, again.answers) == assess(default_rubric, work.answers)
