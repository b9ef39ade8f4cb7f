"""Loading: every bad fixture is refused with one located, pinned message and exit code 1."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import FIXTURES, MINIMAL, ROOT

from collector_guide import LoadError, load_rubric, load_rubrics, load_work
from collector_guide.authoring.check import check_rubric_bytes
from collector_guide.cli import main
from collector_guide.keep.workfile import check_work_bytes

BAD = FIXTURES / "bad"

# The first error each bad file gets, exactly as `collector-guide check` prints it (after the
# folder). A change of wording is a change authors will see: update it here on purpose.
PINNED = [
    ("archetype_unreachable.toml", "archetype_unreachable.toml:183:1: error: archetypes[id=sketch].at: no answers can place a work nearest to this archetype (the closest the questions reach lands nearer 'system'); move it or give the questions effects that reach it"),
    ("axis_not_moved.toml", "axis_not_moved.toml:16:1: error: axes[id=durability]: no question moves the axis 'durability': give some options an effect on it"),
    ("bad_id.toml", "bad_id.toml:100:1: error: questions[id=Series One].id: 'Series One' is not allowed here: an id uses lowercase letters, digits, '_' and '-', starts with a letter or digit, and is at most 64 characters"),
    ("band_gap.toml", "band_gap.toml:152:1: error: bands[#5].from: gap on 'durability' between -0.33 and -0.2: no band covers it"),
    ("band_overlap.toml", "band_overlap.toml:140:1: error: bands[#3].from: overlaps the band 'between the two' on 'agency', which runs to 0.33"),
    ("band_short.toml", "band_short.toml:159:1: error: bands[#6].to: the bands of 'durability' must end at 1; the last ends at 0.9"),
    ("comments_only.toml", 'comments_only.toml:1:1: error: neither a rubric (it has no [rubric] table), a work file (it has no [assessment] table) nor a gallery config (it has no [gallery] table)'),
    ("dangling_caution.toml", "dangling_caution.toml:190:5: error: cautions[id=unsituated].when[#2].question: no question has the id 'seriess'. Did you mean 'series'?"),
    ("dangling_section.toml", 'dangling_section.toml:27:1: error: sections[id=context]: no question belongs to this section'),
    ("dangling_show_if_option.toml", "dangling_show_if_option.toml:60:44: error: questions[id=model_kind].show_if.any_of[#1]: 'modle' is not an answer to question 'source'; its answers are: photo, model, not_sure. Did you mean 'model'?"),
    ("dangling_show_if_question.toml", "dangling_show_if_question.toml:60:13: error: questions[id=model_kind].show_if.question: no question has the id 'sourse'. Did you mean 'source'?"),
    ("duplicate_option_id.toml", "duplicate_option_id.toml:89:3: error: questions[id=methods].options[id=paint].id: duplicate id 'paint': item #1 of options uses it too; ids must be unique"),
    ("duplicate_question_id.toml", "duplicate_question_id.toml:75:1: error: questions[id=source].id: duplicate id 'source': item #1 of questions uses it too; ids must be unique"),
    ("effect_out_of_range.toml", 'effect_out_of_range.toml:44:15: error: questions[id=source].options[id=photo].effects.agency: must be ≥ -1.0; found the number -1.5'),
    ("empty.toml", 'empty.toml:1:1: error: the file is empty'),
    ("huge_5mb.toml", 'huge_5mb.toml: error: the file is 5.0 MB; a rubric or work file is at most 1 MB. Is this the right file?'),
    ("kind_typo.toml", "kind_typo.toml:102:1: error: questions[id=series].kind: must be one of 'single', 'multiple' or 'scale'; found 'scael'. Did you mean 'scale'?"),
    ("missing_prompt.toml", 'missing_prompt.toml:74:1: error: questions[id=methods].prompt: this required key is missing'),
    ("not_utf8.toml", 'not_utf8.toml:11:28: error: this is not UTF-8 text (byte 0xe9 cannot be read); save the file as UTF-8'),
    ("one_option.toml", 'one_option.toml:62:3: error: questions[id=model_kind].options: needs at least 2 items; found 1'),
    ("reserved_not_sure.toml", 'reserved_not_sure.toml:115:3: error: questions[id=series].options[id=not_sure].id: \'not_sure\' is reserved: every question offers "Not sure" automatically, so do not write it as an option'),
    ("show_if_later_question.toml", "show_if_later_question.toml:60:13: error: questions[id=model_kind].show_if.question: 'series' is not asked before this question; show_if can only depend on a question written earlier in the file"),
    ("syntax_duplicate_key.toml", 'syntax_duplicate_key.toml:6:16: error: TOML syntax: this key is already set above; a key may appear only once in a table'),
    ("syntax_missing_equals.toml", "syntax_missing_equals.toml:5:9: error: TOML syntax: expected '=' after a key in a key/value pair"),
    ("syntax_unclosed_string.toml", 'syntax_unclosed_string.toml:4:29: error: TOML syntax: the line ends inside a string: is a closing quote missing?'),
    ("three_axes.toml", 'three_axes.toml:9:1: error: axes: allows at most 2 items; found 3'),
    ("unknown_axis_in_effects.toml", "unknown_axis_in_effects.toml:50:15: error: questions[id=source].options[id=model].effects.agencyy: unknown axis 'agencyy'; the axes are: agency, durability. Did you mean 'agency'?"),
    ("unknown_key_typo.toml", "unknown_key_typo.toml:105:1: error: questions[id=series].wieght: unknown key 'wieght'; allowed here: id, section, kind, prompt, help, weight, ask_gallery, topic, show_if, options. Did you mean 'weight'?"),
    ("unknown_placeholder.toml", "unknown_placeholder.toml:201:1: error: reading.placement: unknown placeholder '{vaule}'; allowed here: {axis}, {band}, {low}, {high}, {value}, {work}, {Work}, {reasons}, {against}. Did you mean 'value'?"),
    ("unknown_top_level_table.toml", "unknown_top_level_table.toml:23:1: error: meta: unknown key 'meta'; allowed here: rubric, axes, sections, questions, bands, archetypes, cautions, evidence_hints, reading, labels."),
    ("work_missing_assessment.toml", 'work_missing_assessment.toml:1: error: assessment: this required key is missing'),
    ("work_multiple_not_list.toml", 'work_multiple_not_list.toml:10:1: error: answers.methods: \'methods\' takes several answers: write a list, ["paint"]'),
    ("work_single_list.toml", "work_single_list.toml:10:1: error: answers.source: 'source' takes one answer, written in quotes; found a list. Its answers are: photo, model, not_sure"),
    ("work_unknown_key.toml", "work_unknown_key.toml:3:1: error: work.titel: unknown key 'titel'; allowed here: title, artist, year, medium, series, edition, wall_label, notes, image. Did you mean 'title'?"),
    ("work_unknown_option.toml", "work_unknown_option.toml:11:1: error: answers.series: 'nameed' is not an answer to 'series'; its answers are: alone, loose, named, not_sure. Did you mean 'named'?"),
    ("work_unknown_question.toml", "work_unknown_question.toml:11:1: error: answers.seris: the rubric 'minimal' has no question 'seris'. Did you mean 'series'?"),
    ("work_unknown_rubric.toml", "work_unknown_rubric.toml:6:1: error: assessment.rubric: no rubric has the id 'minimall'; the rubrics are: minimal. Did you mean 'minimal'?"),
    ("wrong_type_version.toml", 'wrong_type_version.toml:5:1: error: rubric.version: expected text (in quotes), found the number 1.0'),
    ("wrong_type_weight.toml", "wrong_type_weight.toml:38:1: error: questions[id=source].weight: expected a number, found 'heavy'"),
]


def run_check(*paths: Path | str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    # The rubrics folder is named, so that what the repository's rubrics/ holds never matters.
    code = main(["check", "--rubrics", str(FIXTURES / "good"), *map(str, paths)], out=out,
                err=err)
    return code, out.getvalue(), err.getvalue()


def test_there_are_enough_bad_fixtures():
    assert len(list(BAD.glob("*.toml"))) >= 25
    assert {name for name, _ in PINNED} == {p.name for p in BAD.glob("*.toml")}


@pytest.mark.parametrize(("name", "expected"), PINNED, ids=[n for n, _ in PINNED])
def test_bad_fixture_gets_its_pinned_message(name, expected):
    code, _, err = run_check(MINIMAL, BAD / name)
    assert code == 1
    first_error = next(line for line in err.splitlines() if ": error: " in line)
    assert first_error == str(BAD / expected.split(":", 1)[0]) + ":" + expected.split(":", 1)[1]
    assert "Traceback" not in err


@pytest.mark.parametrize("path", sorted(BAD.glob("*.toml")), ids=lambda p: p.name)
def test_every_error_names_file_and_line(path):
    _, _, err = run_check(MINIMAL, path)
    for line in err.splitlines():
        if ": error: " in line and not line.startswith(str(MINIMAL)):
            file, rest = line.split(":", 1)
            assert file == str(path)
            if "MB" not in rest:  # a too-large file is refused before it is read
                assert rest.split(":", 1)[0].isdigit(), line


def test_the_repository_checks_clean():
    code, out, err = run_check(ROOT / "rubrics", ROOT / "sample_works")
    assert (code, err) == (0, "")
    assert "0 errors" in out


def test_strict_makes_warnings_errors(tmp_path):
    text = MINIMAL.read_text().replace('id = "minimal"', 'id = "minimal"', 1)
    text = text.replace(
        "[[bands]]",
        '[[questions]]\nid = "inert"\nsection = "context"\nkind = "single"\nprompt = "p"\n'
        'help = "h"\nask_gallery = "a"\noptions = [{ id = "a", label = "A", evidence = "e" },'
        ' { id = "b", label = "B", evidence = "f" }]\n\n[[bands]]',
        1,
    )
    path = tmp_path / "inert.toml"
    path.write_text(text)
    code, out, err = run_check(path)
    assert code == 0 and "warning: questions[id=inert]: no answer to this question moves" in err
    assert main(["check", "--strict", str(path)], out=io.StringIO(), err=io.StringIO()) == 1


def test_all_problems_in_all_files_are_reported():
    code, out, err = run_check(MINIMAL, BAD / "kind_typo.toml", BAD / "band_gap.toml")
    assert code == 1
    assert "kind_typo.toml" in err and "band_gap.toml" in err
    assert "3 files checked: 2 errors" in out


def test_several_problems_in_one_file_are_all_reported(tmp_path):
    text = MINIMAL.read_text().replace('kind = "scale"', 'kind = "scael"')
    text = text.replace("weight = 2.0", 'weight = "x"').replace("({value})", "({vaule})")
    path = tmp_path / "many.toml"
    path.write_text(text)
    code, _, err = run_check(path)
    assert code == 1
    assert err.count(": error: ") == 2  # schema errors stop before the reading is checked
    assert "kind" in err and "weight" in err


def test_load_rubric_raises_load_error_with_problems():
    with pytest.raises(LoadError) as caught:
        load_rubric(BAD / "unknown_axis_in_effects.toml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (50, 15)
    assert problem.key == "questions[id=source].options[id=model].effects.agencyy"
    assert "Did you mean 'agency'?" in str(caught.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(LoadError, match="no such file"):
        load_rubric(tmp_path / "nope.toml")
    with pytest.raises(LoadError, match="folder"):
        load_rubric(tmp_path)
    code, _, err = run_check(tmp_path / "nope.toml")
    assert code == 1 and "nope.toml: error: no such file" in err


def test_one_broken_rubric_never_takes_the_others_down(tmp_path):
    (tmp_path / "good.toml").write_bytes(MINIMAL.read_bytes())
    (tmp_path / "broken.toml").write_bytes((BAD / "kind_typo.toml").read_bytes())
    (tmp_path / "binary.toml").write_bytes(b"\x00\xff" * 50)
    catalog = load_rubrics(tmp_path)
    assert list(catalog.rubrics) == ["minimal"]
    assert {Path(p.file).name for p in catalog.problems} == {"broken.toml", "binary.toml"}


def test_duplicate_rubric_ids_in_a_folder(tmp_path):
    (tmp_path / "a.toml").write_bytes(MINIMAL.read_bytes())
    (tmp_path / "b.toml").write_bytes(MINIMAL.read_bytes())
    catalog = load_rubrics(tmp_path)
    assert list(catalog.rubrics) == ["minimal"]
    assert "already used by" in catalog.problems[0].message


def test_single_condition_and_list_of_conditions_mean_the_same(minimal):
    text = MINIMAL.read_text().replace(
        'show_if = { question = "source", any_of = ["model"] }',
        'show_if = [{ question = "source", any_of = ["model"] }]',
    )
    checked = check_rubric_bytes(text.encode(), "list.toml")
    assert checked.ok
    assert checked.model.question("model_kind").show_if == minimal.question("model_kind").show_if


def test_work_file_round_trip_against_rubric(minimal, tmp_path):
    path = tmp_path / "w.toml"
    path.write_text(
        '[work]\ntitle = "T"\nyear = 2024\n[assessment]\nrubric = "minimal"\n'
        'rubric_version = "1.0"\n[answers]\nsource = "model"\nmethods = ["paint", "collage"]\n'
        'series = "not_sure"\n'
    )
    work = load_work(path, minimal)
    assert work.work.year == "2024"
    assert work.answers["methods"] == ["paint", "collage"]


def test_work_for_an_older_rubric_version_is_a_warning(minimal):
    raw = b'[assessment]\nrubric = "minimal"\nrubric_version = "0.9"\n[answers]\nsource = "photo"\n'
    checked = check_work_bytes(raw, "old.toml", {"minimal": minimal})
    assert checked.ok
    (problem,) = checked.problems
    assert problem.severity == "warning" and "version 0.9" in problem.message


def test_answer_to_a_hidden_question_is_a_warning(minimal):
    raw = (b'[assessment]\nrubric = "minimal"\nrubric_version = "1.0"\n[answers]\n'
           b'source = "photo"\nmodel_kind = "own"\n')
    checked = check_work_bytes(raw, "hidden.toml", {"minimal": minimal})
    assert checked.ok
    assert "show_if is not met" in checked.problems[0].message


def test_image_name_cannot_escape_the_folder(minimal):
    raw = (b'[work]\nimage = "../../etc/passwd"\n[assessment]\nrubric = "minimal"\n'
           b'rubric_version = "1.0"\n')
    checked = check_work_bytes(raw, "escape.toml", {"minimal": minimal})
    assert not checked.ok
    assert "work.image" in str(checked.problems[0])


def test_schema_command_prints_json_schema():
    out = io.StringIO()
    assert main(["schema"], out=out, err=io.StringIO()) == 0
    import json

    schema = json.loads(out.getvalue())
    assert "questions" in schema["properties"]
    assert schema["additionalProperties"] is False


def test_usage_errors_exit_2():
    err = io.StringIO()
    assert main(["frobnicate"], out=io.StringIO(), err=err) == 2


def test_labels_can_be_rewritten_and_their_placeholders_are_checked():
    text = MINIMAL.read_text() + '\n[labels]\nnot_sure = "Weiß nicht"\nvisit_added = "{cuont}"\n'
    checked = check_rubric_bytes(text.encode(), "de.toml")
    (problem,) = checked.problems
    assert problem.key == "labels.visit_added"
    assert problem.message == ("unknown placeholder '{cuont}'; allowed here: {count}. "
                               "Did you mean 'count'?")
    fixed = check_rubric_bytes(text.replace("{cuont}", "{count} Werke").encode(), "de.toml")
    assert fixed.ok and fixed.model.labels.not_sure == "Weiß nicht"
