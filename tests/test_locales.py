"""Locale files: every locale says every label, with the same placeholders, and nothing else;
numbers are written the locale's way; the browser's languages pick a locale."""

from __future__ import annotations

import string

import pytest
from conftest import MINIMAL

from collector_guide.assess.reading import fmt_value
from collector_guide.authoring.check import load_rubric
from collector_guide.rubric import LABEL_PLACEHOLDERS, Labels
from collector_guide.rubric.locales import (
    available,
    english,
    language_name,
    locale,
    match,
    preferred,
)

LOCALES = available()


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_there_are_english_and_german_locales():
    assert LOCALES[0] == "en" and "de" in LOCALES


@pytest.mark.parametrize("tag", LOCALES)
def test_every_locale_has_every_label_and_nothing_else(tag):
    words = locale(tag).labels
    assert sorted(set(Labels.model_fields) - set(words)) == [], "missing"
    assert sorted(set(words) - set(Labels.model_fields)) == [], "not a Labels field"


@pytest.mark.parametrize("tag", LOCALES)
def test_every_label_has_the_english_placeholders(tag):
    words = locale(tag).labels
    wrong = {name: sorted(placeholders(text)) for name, text in words.items()
             if placeholders(text) != placeholders(english()[name])}
    assert wrong == {}


@pytest.mark.parametrize("tag", LOCALES)
def test_every_locale_label_is_valid_as_written(tag):
    # The same checks a rubric's [labels] gets: a text, and only its declared placeholders.
    Labels.model_validate(locale(tag).labels)
    for name, text in locale(tag).labels.items():
        assert placeholders(text) <= set(LABEL_PLACEHOLDERS.get(name, ())), name
        assert text == text.strip() and text


@pytest.mark.parametrize("tag", LOCALES)
def test_a_locale_names_itself_and_how_it_writes_numbers(tag):
    here = locale(tag)
    assert here.name and here.decimal in ".," and here.minus in "-−"
    assert here.decimal != here.group


def test_the_labels_defaults_are_the_english_locale():
    assert Labels().model_dump() == english()
    assert Labels.model_fields["not_sure"].default == "Not sure"


def _load(folder, text):
    path = folder / "rubric.toml"
    path.write_text(text, encoding="utf-8")
    return load_rubric(path)


def test_a_german_rubric_starts_from_the_german_words_and_its_own_labels_win(tmp_path):
    text = MINIMAL.read_text(encoding="utf-8").replace('language = "en"', 'language = "de"')
    text += '\n[labels]\nnext = "Weiter geht’s"\n'
    r = _load(tmp_path, text)
    assert r.labels.not_sure == "Weiß nicht"
    assert r.labels.next == "Weiter geht’s"
    assert r.locale.decimal == ","


def test_a_rubric_in_a_language_without_a_locale_keeps_the_english_words(tmp_path):
    text = MINIMAL.read_text(encoding="utf-8").replace('language = "en"', 'language = "fr"')
    r = _load(tmp_path, text)
    assert r.labels == Labels() and r.locale.language == "en"


@pytest.mark.parametrize(("value", "decimal", "shown"), [
    (-0.55, ",", "−0,55"),
    (0.55, ",", "+0,55"),
    (-0.55, ".", "−0.55"),
    (1.0, ",", "+1,00"),
    (-1.0, ".", "−1.00"),
    (0.0, ",", "0,00"),
    (-0.004, ",", "0,00"),  # rounds to nothing: no sign
    (-0.126, ",", "−0,13"),
])
def test_numbers_are_written_the_locale_way(value, decimal, shown):
    assert fmt_value(value, decimal) == shown


@pytest.mark.parametrize(("header", "offered", "chosen"), [
    ("de-DE,de;q=0.9,en;q=0.8", ("en", "de"), "de"),
    ("en-GB,en;q=0.9,de;q=0.8", ("en", "de"), "en"),
    ("fr-FR,fr;q=0.9,de;q=0.7,en;q=0.5", ("en", "de"), "de"),
    ("fr-FR,fr;q=0.9", ("en", "de"), None),
    ("de-AT", ("en", "de"), "de"),
    ("DE", ("en", "de"), "de"),
    ("en;q=0.2,de;q=0.9", ("en", "de"), "de"),
    ("de;q=0,en", ("en", "de"), "en"),
    ("*", ("en", "de"), None),
    ("", ("en", "de"), None),
    (None, ("en", "de"), None),
    ("de;q=abc,en", ("en", "de"), "en"),
    ("pt-BR", ("en", "pt-BR", "pt"), "pt-BR"),
    ("pt", ("en", "pt-BR"), "pt-BR"),
    ("\x00;;,,,q=", ("en", "de"), None),
])
def test_the_browsers_languages_pick_an_offered_one(header, offered, chosen):
    assert preferred(header, offered) == chosen


@pytest.mark.parametrize(("tag", "served"), [
    ("de", "de"), ("de-CH", "de"), ("DE-de", "de"), ("en-US", "en"), ("fr", None),
    ("", None), (None, None), ("not a tag", None),
])
def test_a_language_tag_is_served_by_its_own_locale_or_its_base(tag, served):
    assert match(tag) == served


def test_languages_are_named_in_themselves():
    assert language_name("de") == "Deutsch" and language_name("en-GB") == "English"
    assert language_name("fr") == "fr"
