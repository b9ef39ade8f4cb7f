"""The German rubric: a faithful translation of rubric 2.0 (the same ids and effects, lint-clean
with parity, `check --strict` clean), and readings composed wholly in German, with German
numbers, for every sample work."""

from __future__ import annotations

import re

import pytest
from conftest import DEFAULT_RUBRIC, ROOT, SAMPLES

from collector_guide import assess, compose, load_rubric, load_work
from collector_guide.assess.renderings import to_markdown, to_text
from collector_guide.cli import main

GERMAN = ROOT / "rubrics" / "assisted-vs-generated.de.toml"
EN = load_rubric(DEFAULT_RUBRIC)
DE = load_rubric(GERMAN)
WORKS = sorted(SAMPLES.glob("*.toml"))
# Words that would give away an English sentence left in a German reading.
ENGLISH = re.compile(r"\b(the|because|and|which|is|it|this work|could|still|with)\b")


def test_it_says_what_it_translates():
    assert DE.rubric.language == "de" and DE.rubric.translation_of == EN.id
    assert DE.version == EN.version and DE.id != EN.id


def test_the_same_questions_answers_and_effects():
    assert [q.id for q in DE.questions] == [q.id for q in EN.questions]
    for de, en in zip(DE.questions, EN.questions, strict=True):
        assert (de.kind, de.section, de.weight) == (en.kind, en.section, en.weight)
        assert [(o.id, o.effects, o.fact, o.exclusive) for o in de.options] == \
            [(o.id, o.effects, o.fact, o.exclusive) for o in en.options]
        assert de.conditions == en.conditions
    assert [(a.id, a.at) for a in DE.archetypes] == [(a.id, a.at) for a in EN.archetypes]
    limits = [[(b.axis, b.from_, b.to) for b in r.bands] for r in (DE, EN)]
    assert limits[0] == limits[1]


def test_every_word_is_translated():
    def words(r):
        yield from (r.rubric.title, r.rubric.summary)
        for q in r.questions:
            yield from (q.prompt, q.help or "", q.topic or "", *(o.label for o in q.options))
            yield from (o.evidence or "" for o in q.options)
        for a in r.archetypes:
            yield from (a.name, a.description)
    same = [d for d, e in zip(words(DE), words(EN), strict=True) if d == e and d]
    assert same == []


def test_lint_clean_with_parity_and_strict(capsys):
    assert main(["check", "--strict", str(GERMAN), str(DEFAULT_RUBRIC)]) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().out
    assert main(["check", "--strict", str(ROOT / "rubrics")]) == 0


def test_parity_is_checked_against_the_original(tmp_path, capsys):
    # A translation that changes an effect is caught, naming the line.
    text = GERMAN.read_text(encoding="utf-8").replace("effects = { agency = -0.8 }",
                                                      "effects = { agency = -0.7 }", 1)
    broken = tmp_path / "assisted-vs-generated.de.toml"
    broken.write_text(text, encoding="utf-8")
    assert main(["check", "--strict", str(broken), str(DEFAULT_RUBRIC)]) == 1
    said = capsys.readouterr()
    assert "assisted-vs-generated.de.toml:" in said.err and "-0.70 here" in said.err


@pytest.mark.parametrize("path", WORKS, ids=lambda p: p.stem)
def test_every_sample_reads_in_german(path):
    work = load_work(path, DE)  # an English work file, read with its translation
    placement = assess(DE, work.answers)
    english = assess(EN, work.answers)  # placed exactly as in English, the bands aside
    for axis in EN.axes:
        de_at, en_at = placement.axes[axis.id], english.axes[axis.id]
        assert (de_at.value, de_at.low, de_at.high) == (en_at.value, en_at.low, en_at.high)
    assert placement.nearest_archetype == english.nearest_archetype
    reading = compose(DE, placement, work=work.work)
    text = " ".join(reading.paragraphs())
    titled = text.replace(work.work.title or "\0", "")
    assert not ENGLISH.search(titled), ENGLISH.search(titled)
    numbers = re.findall(r"[+−]?\d[.,]\d\d", titled)
    assert numbers and all("," in n and "." not in n for n in numbers), numbers
    for rendered in (to_text(reading, work.work), to_markdown(reading, work.work)):
        assert DE.reading.ask_heading in rendered or DE.reading.ask_none in rendered


def test_the_cli_reads_an_english_work_file_with_the_german_rubric(capsys):
    assert main(["read", str(WORKS[0]), "--rubric", str(GERMAN)]) == 0
    assert " denn " in capsys.readouterr().out
