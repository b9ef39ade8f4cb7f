"""The gallery config and catalogue: strict keys with located errors, a broken config that falls
back key by key (never a dead app), legible accent colours, and `check` on gallery files."""

from __future__ import annotations

import io
import re
import shutil

import pytest
from conftest import MINIMAL, ROOT
from hypothesis import given
from hypothesis import strategies as st

from collector_guide.cli import main
from collector_guide.gallery.setup import load_site
from collector_guide.rubric.gallery import (
    DEFAULT_BACKGROUND,
    MIN_CONTRAST,
    Gallery,
    contrast,
    legible_accent,
    text_on,
)
from collector_guide.rubric.loading import kind_of

EXAMPLE = ROOT / "docs" / "example-gallery"


def write(tmp_path, text: str, name: str = "gallery.toml"):
    path = tmp_path / name
    path.write_text(text)
    return path


def messages(site) -> list[str]:
    return [str(p).replace(str(p.file), "FILE", 1) for p in site.problems]


# --- the bundled default and the example ---------------------------------------------------------


def test_no_config_is_the_bundled_default(minimal):
    site = load_site(None, {minimal.id: minimal})
    assert site.config == Gallery() and site.problems == () and site.works == {}
    assert site.name is None and site.accent is None and site.rubric_ids == (minimal.id,)
    assert site.show.uploads is True and site.show.studio is False


def test_the_example_gallery_loads_clean(default_rubric):
    site = load_site(EXAMPLE / "gallery.toml", {default_rubric.id: default_rubric})
    assert site.problems == (), messages(site)
    assert site.name and site.logo and site.accent and site.config.gallery.base_url
    assert len(site.works) >= 4
    for work in site.works.values():
        assert work.image, work.id  # a display copy of every work's image
        assert work.reading and work.reading.answers and work.reading.notes, work.id
        assert not work.work.answers  # visitors start blank
    assert site.default_rubric == default_rubric.id


# --- located errors, did-you-mean, and falling back key by key ---------------------------------

BROKEN = """\
[gallery]
name = "Harbour"
acent = "#123456"
accent = "red"
base_url = "guide.example.org"
catalogue = "nowhere"
logo = "missing.png"

[rubrics]
default = "minimall"

[show]
studio = "yes"
"""


def test_a_broken_config_keeps_what_is_good_and_says_what_is_not(tmp_path, minimal):
    site = load_site(write(tmp_path, BROKEN), {minimal.id: minimal})
    assert site.name == "Harbour"  # the good keys survive
    assert site.accent is None and site.show.studio is False and site.works == {}
    assert site.default_rubric == minimal.id
    assert messages(site) == [
        "FILE:3:1: error: gallery.acent: unknown key 'acent'; allowed here: name, welcome, "
        "contact, logo, accent, language, base_url, catalogue, trust_anchors. "
        "Did you mean 'accent'?",
        "FILE:4:1: error: gallery.accent: 'red' is not allowed here: a colour is written like "
        "\"#2E8B74\" or \"#28B\"",
        "FILE:5:1: error: gallery.base_url: 'guide.example.org' is not allowed here: an address "
        "starts with https:// (or http://) and has no spaces, \"?\" or \"#\", like "
        "\"https://guide.example.org/\"",
        "FILE:6:1: error: gallery.catalogue: there is no folder 'nowhere' (looked in "
        f"{tmp_path / 'nowhere'})",
        "FILE:7:1: error: gallery.logo: 'missing.png': no such file",
        "FILE:10:1: error: rubrics.default: 'minimall' is not among the rubrics (minimal). "
        "Did you mean 'minimal'?",
        "FILE:13:1: error: show.studio: expected true or false, found 'yes'",
    ]


@pytest.mark.parametrize("text", [
    "", "[gallery\nname = 1", "\xff\xfe", "[gallery]\nname = 'x'\nname = 'y'\n",
    "gallery = 3\n", "[[gallery]]\nname = 'x'\n", "[gallery]\nname = ''\n",
    "[rubrics]\nallowed = 'x'\n", "[show]\nuploads = 1\n",
])
def test_any_broken_config_falls_back_to_defaults_never_raises(tmp_path, minimal, text):
    path = tmp_path / "gallery.toml"
    path.write_bytes(text.encode("utf-8", "surrogateescape") if text != "\xff\xfe"
                     else b"\xff\xfe[gallery]")
    site = load_site(path, {minimal.id: minimal})
    assert site.problems and all(p.file == str(path) for p in site.problems)
    assert site.rubric_ids == (minimal.id,)


def test_a_missing_config_file_is_a_problem_not_a_crash(tmp_path, minimal):
    site = load_site(tmp_path / "nope.toml", {minimal.id: minimal})
    assert [p.message for p in site.problems] == ["no such file"]
    assert site.config == Gallery()


def test_rubric_choice(tmp_path, minimal, default_rubric):
    rubrics = {minimal.id: minimal, default_rubric.id: default_rubric}
    site = load_site(write(tmp_path, f'[rubrics]\nallowed = ["{minimal.id}", "nope"]\n'),
                     rubrics)
    assert site.rubric_ids == (minimal.id,) and site.default_rubric == minimal.id
    assert "rubrics.allowed[#2]: no rubric has the id 'nope'" in str(site.problems[0])
    site = load_site(write(tmp_path, f'[rubrics]\nallowed = ["{minimal.id}"]\n'
                           f'default = "{default_rubric.id}"\n'), rubrics)
    assert site.default_rubric == minimal.id
    assert "is not among rubrics.allowed" in site.problems[0].message


def test_trust_anchors_must_be_pem(tmp_path, minimal):
    (tmp_path / "a.pem").write_text("-----BEGIN CERTIFICATE-----\nMII\n-----END CERTIFICATE-----\n")
    (tmp_path / "b.pem").write_text("hello")
    site = load_site(write(tmp_path, '[gallery]\ntrust_anchors = "a.pem"\n'), {})
    assert site.trust_anchors.startswith("-----BEGIN") and not site.problems
    site = load_site(write(tmp_path, '[gallery]\ntrust_anchors = "b.pem"\n'), {})
    assert site.trust_anchors is None and "not a PEM file" in site.problems[0].message


def test_a_logo_must_be_a_raster_image(tmp_path):
    (tmp_path / "logo.svg").write_text("<svg onload='alert(1)'></svg>")
    site = load_site(write(tmp_path, '[gallery]\nlogo = "logo.svg"\n'), {})
    assert site.logo is None and "an SVG can carry scripts" in site.problems[0].message


# --- the accent colour stays legible -----------------------------------------------------------


@pytest.mark.parametrize(("accent", "kept"), [
    ("#E0B45C", True), ("#5FC9A8", True), ("#FFFFFF", True),
    ("#1B3A6B", False), ("#000000", False), ("#8B0000", False), ("#2E8B74", False),
])
def test_accent_is_kept_or_adjusted(accent, kept):
    usable = legible_accent(accent)
    assert (usable == accent) is kept
    assert contrast(usable, DEFAULT_BACKGROUND) >= MIN_CONTRAST
    assert contrast(text_on(usable), usable) >= MIN_CONTRAST


@given(st.from_regex(r"#[0-9A-F]{6}", fullmatch=True), st.from_regex(r"#[0-9A-F]{6}",
                                                                      fullmatch=True))
def test_any_accent_on_any_background_ends_legible(accent, background):
    usable = legible_accent(accent, background)
    assert contrast(usable, background) >= MIN_CONTRAST
    assert contrast(text_on(usable), usable) >= MIN_CONTRAST


def test_an_adjusted_accent_is_a_located_warning(tmp_path):
    site = load_site(write(tmp_path, '[gallery]\nname = "G"\naccent = "#1b3a6b"\n'), {})
    assert site.accent != "#1B3A6B" and contrast(site.accent, DEFAULT_BACKGROUND) >= 4.5
    (problem,) = site.problems
    assert (problem.line, problem.severity, problem.key) == (3, "warning", "gallery.accent")
    assert f"'{site.accent}'" in problem.message and "1.6:1" in problem.message


def test_short_colours_are_read_as_six_digits():
    assert Gallery.model_validate({"gallery": {"accent": "#5cA"}}).gallery.accent == "#55CCAA"


# --- the catalogue --------------------------------------------------------------------------


def catalogue_gallery(tmp_path, minimal, works: dict[str, str]):
    (tmp_path / "works").mkdir()
    for name, text in works.items():
        (tmp_path / "works" / name).write_text(text)
    return load_site(write(tmp_path, '[gallery]\ncatalogue = "works"\n'), {minimal.id: minimal})


def work_text(minimal, body: str = "", title: str = "A work") -> str:
    q = minimal.questions[0]
    return (f'[work]\ntitle = "{title}"\n\n[assessment]\nrubric = "{minimal.id}"\n'
            f'rubric_version = "{minimal.version}"\n\n[gallery_reading.answers]\n'
            f'{q.id} = "{q.options[0].id}"\n{body}')


def test_catalogue_works_and_their_problems(tmp_path, minimal):
    q = minimal.questions[0]
    site = catalogue_gallery(tmp_path, minimal, {
        "good.toml": work_text(minimal, f'\n[gallery_reading.notes]\n{q.id} = "Because."\n'),
        "Bad Name.toml": work_text(minimal),
        "typo.toml": work_text(minimal, f'\n[gallery_reading.notes]\n{q.id}x = "Hm."\n'),
        "wrong.toml": work_text(minimal).replace(f'"{q.options[0].id}"', '"nope"'),
    })
    assert list(site.works) == ["good"]
    assert site.works["good"].reading.notes == {q.id: "Because."}
    shown = [f"{p.file.rsplit('/', 1)[-1]}:{p.line}: {p.key}: {p.message}" for p in site.problems]
    assert any(s.startswith("Bad Name.toml:1: : the file name 'Bad Name.toml' becomes")
               and "'bad-name.toml'" in s for s in shown), shown
    assert any(s.startswith(f"typo.toml:12: gallery_reading.notes.{q.id}x: the rubric")
               and f"Did you mean '{q.id}'?" in s for s in shown), shown
    assert any(s.startswith(f"wrong.toml:9: gallery_reading.answers.{q.id}: 'nope' is not")
               for s in shown), shown


def test_old_work_files_stay_valid_and_a_catalogue_warns_about_answers(tmp_path, minimal):
    q = minimal.questions[0]
    old = (f'[work]\ntitle = "Old"\n\n[assessment]\nrubric = "{minimal.id}"\n'
           f'rubric_version = "{minimal.version}"\n\n[answers]\n{q.id} = "{q.options[0].id}"\n')
    site = catalogue_gallery(tmp_path, minimal, {"old.toml": old})
    assert list(site.works) == ["old"] and site.works["old"].reading is None
    (problem,) = site.problems
    assert problem.severity == "warning" and "[gallery_reading.answers]" in problem.message


# --- check ---------------------------------------------------------------------------------------


def test_check_recognises_gallery_files():
    assert kind_of(b'[gallery]\nname = "x"\n') == "gallery"
    assert kind_of(b'[show]\nuploads = false\n') == "gallery"
    assert kind_of(b'[work]\ntitle = "x"\n[gallery_reading]\n') == "work"


def test_check_reports_a_gallery_and_each_catalogue_work_once(tmp_path):
    shutil.copytree(EXAMPLE, tmp_path / "g")
    (tmp_path / "g" / "gallery.toml").write_text(
        (tmp_path / "g" / "gallery.toml").read_text().replace('accent = "#5FC9A8"',
                                                               'acccent = "#5FC9A8"'))
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", str(ROOT / "rubrics"), str(tmp_path / "g")], out=out, err=err)
    lines = err.getvalue().splitlines()
    assert code == 1 and len(lines) == 1, lines
    assert ": error: gallery.acccent: unknown key 'acccent'" in lines[0]
    assert "Did you mean 'accent'?" in lines[0]
    works = len(list((EXAMPLE / "works").glob("*.toml")))
    rubrics = len(list((ROOT / "rubrics").rglob("*.toml")))
    assert out.getvalue() == f"{works + rubrics + 1} files checked: 1 error, 0 warnings\n"


def test_check_of_the_example_gallery_is_clean():
    out, err = io.StringIO(), io.StringIO()
    assert main(["check", str(ROOT / "rubrics"), str(EXAMPLE)], out=out, err=err) == 0, \
        err.getvalue()
    assert err.getvalue() == ""


def test_minimal_fixture_is_usable_in_a_gallery(tmp_path):
    shutil.copy(MINIMAL, tmp_path / "minimal.toml")
    out, err = io.StringIO(), io.StringIO()
    write(tmp_path, '[rubrics]\ndefault = "minimal"\n')
    assert main(["check", str(tmp_path)], out=out, err=err) == 0, err.getvalue()


# --- the documentation cannot go stale ---------------------------------------------------------

GUIDE = (ROOT / "docs" / "gallery.md").read_text()


def test_the_gallery_doc_names_every_key():
    from collector_guide.rubric.gallery import GalleryInfo, RubricChoice, Show

    documented = set(re.findall(r"^\| `([a-z_]+)` \|", GUIDE, re.M))
    for model in (GalleryInfo, RubricChoice, Show):
        assert set(model.model_fields) <= documented, model.__name__
    assert {f"[{name}]" for name in Gallery.model_fields} <= set(re.findall(r"`(\[[a-z]+\])`",
                                                                            GUIDE))


def test_the_gallery_doc_sample_errors_are_what_check_prints(tmp_path):
    sample = re.search(r"\$ collector-guide check rubrics/ gallery.toml\n(.*?)```", GUIDE, re.S)
    shown = [line.split(": ", 2)[2] for line in sample.group(1).splitlines()]
    write(tmp_path, '[gallery]\nacent = "#5FC9A8"\naccent = "#1b3a6b"\n')
    err = io.StringIO()
    main(["check", str(tmp_path / "gallery.toml")], out=io.StringIO(), err=err)
    printed = [line.split(": ", 2)[2] for line in err.getvalue().splitlines()]
    assert printed == shown
