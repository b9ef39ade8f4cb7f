"""Lint: one planted problem per rule in tests/fixtures/lint/, each reported with its location
and its pinned message; the bundled rubrics, the minimal rubric and the examples lint clean."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import FIXTURES, MINIMAL, ROOT

from collector_guide.authoring import check as check_module
from collector_guide.authoring.check import check_rubric_bytes, load_rubrics
from collector_guide.authoring.lint import RULES
from collector_guide.cli import main

LINT = FIXTURES / "lint"

# Every problem each lint fixture gets (after its folder), exactly as `collector-guide check`
# prints it, with the rule it plants. Wording is what authors read: change it here on purpose.
PINNED = [
    ('axis never moves', 'axis_never_moves.toml', [
        'axis_never_moves.toml:16:1: warning: axes[id=durability]: no answers move the work on this spectrum: the questions that would (series) are never asked; check their show_if',
        "axis_never_moves.toml:120:1: warning: questions[id=series].show_if: this question is never asked: no answers meet its show_if (the answers to 'source', 'model_kind' it needs are never given together); change the condition, or remove the question",
        'axis_never_moves.toml:121:26: warning: questions[id=series].show_if[#1].any_of: this question is hidden when \'source\' is answered "Not sure" or not at all; add \'not_sure\' to any_of so that a collector who cannot tell is still asked',
        'axis_never_moves.toml:122:30: warning: questions[id=series].show_if[#2].any_of: this question is hidden when \'model_kind\' is answered "Not sure" or not at all; add \'not_sure\' to any_of so that a collector who cannot tell is still asked',
    ]),
    ('axis moves one way', 'axis_one_way.toml', [
        "axis_one_way.toml:16:1: warning: axes[id=durability]: answers can move the work only toward 'Durability' on this spectrum (as far as +1.00), never toward 'Novelty': give some answers a negative effect on 'durability'",
    ]),
    ('pole out of reach', 'pole_out_of_reach.toml', [
        "pole_out_of_reach.toml:14:1: warning: axes[id=agency].high: the furthest any answers place a work toward 'AI-generated' is +0.30, not even halfway to that pole: strengthen the effects toward it, or give the questions that have them more weight",
    ]),
    ('unbalanced', 'unbalanced.toml', [
        'unbalanced.toml:16:1: warning: axes[id=durability]: unbalanced: a visitor who picks every answer at random lands on average at +0.28 on this spectrum, far from where "Not sure" to everything sits (+0.00): the answers pull harder toward \'Durability\'; strengthen the effects toward \'Novelty\' or soften the others',
    ]),
    ('same effects', 'same_effects.toml', [
        'same_effects.toml:66:3: warning: questions[id=model_kind].options: every answer moves the work the same way (agency +0.80, durability +0.20), so which one a visitor picks makes no difference: give each answer the effect it deserves',
    ]),
    ('near-duplicate answers', 'near_duplicate.toml', [
        "near_duplicate.toml:136:3: warning: questions[id=series].options[id=named].label: reads almost the same as the answer 'loose' (“The named series”): a visitor cannot tell them apart; say what sets them apart, or merge the two",
    ]),
    ('thin help', 'help_repeats_prompt.toml', [
        'help_repeats_prompt.toml:61:1: warning: questions[id=model_kind].help: the help text only repeats the question: say why the answer matters and what to look for, in a sentence or two',
    ]),
    ('thin help', 'help_placeholder.toml', [
        'help_placeholder.toml:90:1: warning: questions[id=methods].help: the help text (“TODO”) says nothing yet: in a sentence or two, say why the answer matters and what to look for',
    ]),
    ('thin help', 'archetype_without_summary.toml', [
        'archetype_without_summary.toml:201:1: warning: archetypes[id=sketch]: has no summary, though 3 of the 4 archetypes have one: the map explains each archetype in one line; add summary = "…"',
    ]),
    ('caution never shown', 'caution_never.toml', [
        "caution_never.toml:207:1: warning: cautions[id=unsituated].when: no answers can bring this caution up: 'source' takes one answer, so it cannot be both one of model and one of photo; change its when conditions so that some answers meet them all",
    ]),
    ('question never asked', 'show_if_never.toml', [
        "show_if_never.toml:64:1: warning: questions[id=model_kind].show_if: this question is never asked: no answers meet its show_if ('source' takes one answer, so it cannot be both one of model, not_sure and one of photo); change the condition, or remove the question",
        'show_if_never.toml:66:26: warning: questions[id=model_kind].show_if[#2].any_of: this question is hidden when \'source\' is answered "Not sure" or not at all; add \'not_sure\' to any_of so that a collector who cannot tell is still asked',
    ]),
    ('answer never matters', 'answer_never_matters.toml', [
        "answer_never_matters.toml:112:1: warning: questions[id=series]: no answer to this question can change which archetype is nearest: it moves the work only on 'durability', and the archetypes a work can be near differ only on 'agency'; set them apart on 'durability' as well, or let the answers move 'agency'",
    ]),
    ('translation differs', 'translation_lacks_id.toml', [
        "translation_lacks_id.toml:123:3: warning: questions[id=series].options: lacks the answer 'loose' of the original 'minimal': translate it too",
    ]),
    ('translation differs', 'translation_adds_id.toml', [
        "translation_adds_id.toml:108:3: warning: questions[id=methods].options[id=printed].id: the original 'minimal' has no answer 'printed': remove it here, or add it to the original first",
    ]),
    ('translation differs', 'translation_scores_differently.toml', [
        "translation_scores_differently.toml:39:1: warning: questions[id=source].weight: its weight differs from the original 'minimal' (2 there, 1 here): a translation changes words, not how it scores",
        "translation_scores_differently.toml:76:3: warning: questions[id=model_kind].options[id=public].effects: where this answer moves the work differs from the original 'minimal' (agency +1.00, durability -0.50 there, agency +0.80, durability -0.50 here): a translation changes words, not how it scores",
    ]),
    ('translation differs', 'translation_without_original.toml', [
        "translation_without_original.toml:7:1: warning: rubric.translation_of: translates 'minimall', but no rubric with that id was checked with it (the others checked: minimal); check both together, for example `collector-guide check rubrics/`",
    ]),
    # Bands and archetypes out of reach were errors before lint, and stay errors: a rubric that
    # promises a place no visitor can reach is not offered to visitors.
    ('band out of reach (an error)', 'band_out_of_reach.toml', [
        'band_out_of_reach.toml:152:1: error: bands[#3]: no answers reach this band (the nearest the questions get to +0.90 is +0.75); widen it or strengthen the effects',
    ]),
    ('archetype out of reach (an error)', 'archetype_out_of_reach.toml', [
        "archetype_out_of_reach.toml:202:1: error: archetypes[id=sketch].at: no answers can place a work nearest to this archetype (the closest the questions reach lands nearer 'surface'); move it or give the questions effects that reach it",
    ]),
]


def run_check(*args: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", *map(str, args)], out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_every_rule_has_a_planted_fixture_and_every_fixture_a_row():
    assert {rule.name for rule in RULES} <= {rule for rule, _, _ in PINNED}
    assert {name for _, name, _ in PINNED} == {p.name for p in LINT.glob("*.toml")}


@pytest.mark.parametrize(("rule", "name", "expected"), PINNED,
                         ids=[name.removesuffix(".toml") for _, name, _ in PINNED])
def test_a_planted_problem_gets_its_pinned_message(rule, name, expected):
    # With the minimal rubric alongside, as translations of it need their original.
    code, out, err = run_check(MINIMAL, LINT / name)
    lines = [line.removeprefix(str(LINT) + "/") for line in err.splitlines()]
    assert lines == expected
    errors = sum(": error: " in line for line in expected)
    assert code == (1 if errors else 0)
    assert f"{errors} error{'s' if errors != 1 else ''}" in out
    if not errors:
        assert run_check("--strict", MINIMAL, LINT / name)[0] == 1


@pytest.mark.parametrize("path", [*sorted((ROOT / "rubrics").rglob("*.toml")), MINIMAL],
                         ids=lambda p: p.name)
def test_the_bundled_rubrics_lint_clean(path):
    code, _, err = run_check("--strict", ROOT / "rubrics", path)
    assert (code, err) == (0, "")


def test_a_faithful_translation_lints_clean(tmp_path):
    text = MINIMAL.read_text().replace('id = "minimal"', 'id = "minimal-de"', 1).replace(
        'language = "en"', 'language = "de"\ntranslation_of = "minimal"', 1).replace(
        "Where does the primary image come from?", "Woher stammt das Ausgangsbild?")
    (tmp_path / "minimal-de.toml").write_text(text)
    assert run_check("--strict", MINIMAL, tmp_path / "minimal-de.toml")[:2] == (
        0, "2 files checked: 0 errors, 0 warnings\n")


def test_lint_is_asked_for_and_not_run_when_the_app_loads_its_rubrics(monkeypatch):
    def refuse(*_args, **_kwargs):
        raise AssertionError("lint ran while loading rubrics for the app")

    monkeypatch.setattr(check_module, "lint_rubric", refuse)
    assert load_rubrics(LINT).rubrics  # loading works without lint
    assert not check_rubric_bytes((LINT / "unbalanced.toml").read_bytes(), "u.toml").problems
    with pytest.raises(AssertionError, match="lint ran"):
        check_rubric_bytes((LINT / "unbalanced.toml").read_bytes(), "u.toml", lint=True)


def test_lint_on_request_finds_the_original_among_the_others():
    raw = (LINT / "translation_lacks_id.toml").read_bytes()
    alone = check_rubric_bytes(raw, "de.toml", lint=True)
    assert [p.key for p in alone.problems] == ["rubric.translation_of"]
    minimal = check_rubric_bytes(MINIMAL.read_bytes(), "m.toml").model
    paired = check_rubric_bytes(raw, "de.toml", lint=True, others={"minimal": minimal})
    assert [p.key for p in paired.problems] == ["questions[id=series].options"]


def test_a_rubric_cannot_translate_itself(tmp_path):
    path = tmp_path / "self.toml"
    path.write_text(MINIMAL.read_text().replace(
        'language = "en"', 'language = "en"\ntranslation_of = "minimal"', 1))
    code, _, err = run_check(path)
    assert code == 1
    assert "rubric.translation_of: a rubric cannot be a translation of itself" in err
