"""The guide in German through AppTest: the browser's language picks the German rubric and
interface, the switch changes language with the answers kept, and the URL keeps the choice."""

from __future__ import annotations

import re

import pytest
from conftest import ROOT
from streamlit.testing.v1 import AppTest

from collector_guide import load_rubric
from collector_guide.keep.urlstate import encode
from collector_guide.rubric.locales import locale
from collector_guide.ui import language

EN = load_rubric(ROOT / "rubrics" / "assisted-vs-generated.toml")
DE = load_rubric(ROOT / "rubrics" / "assisted-vs-generated.de.toml")
pytestmark = pytest.mark.timeout(120)


def app(context: dict | None = None, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if context:
        at.context = context
    for key, value in params.items():
        at.query_params[key] = value
    return ok(at.run())


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [t.value for t in at.title]
    parts += [h.value for h in at.header] + [c.value for c in at.caption]
    parts += [i.value for i in at.info] + [e.value for e in at.error]
    return re.sub(r"\\(.)", r"\1", "\n".join(str(p) for p in parts))


def answers_of(r, n=6) -> dict:
    """The first few questions answered with their first option (ids from the rubric)."""
    return {q.id: [q.options[0].id] if q.kind == "multiple" else q.options[0].id
            for q in r.questions[:n]}


def test_a_german_browser_locale_gets_the_german_start_screen():
    at = app({"locale": "de-DE"})
    assert at.title[0].value == DE.labels.start_heading == "Das Werk vor Ihnen lesen"
    assert at.button(key="start_new").label == "Neue Lesart beginnen"
    switch = at.button_group(key=language.WIDGET)
    assert switch.value == "de" and switch.label == "Sprache"


def test_an_english_or_unknown_browser_gets_english():
    for tag in ("en-GB", "fr-FR", None):
        at = app({"locale": tag} if tag else None)
        assert at.title[0].value == EN.labels.start_heading


def test_the_accept_language_header_comes_first(monkeypatch):
    monkeypatch.setattr(language, "_header", lambda: "fr-CH, fr;q=0.9, de;q=0.8, en;q=0.5")
    at = app({"locale": "en-US"})
    assert at.title[0].value == DE.labels.start_heading
    monkeypatch.setattr(language, "_header", lambda: "en-US,en;q=0.9,de;q=0.8")
    at = app({"locale": "de-DE"})
    assert at.title[0].value == EN.labels.start_heading


def test_an_english_link_opens_in_german_with_its_answers_and_the_reading_in_german():
    given = answers_of(EN, 8)
    params = encode(EN, 99, given, {"title": "Tidewater Ledger"}, [])
    at = app({"locale": "de-DE"}, **params)
    assert at.session_state["cg_rubric"] == DE.id
    assert at.session_state["cg_answers"] == given
    shown = texts(at)
    assert DE.labels.result_heading in shown and "„Tidewater Ledger“" in shown
    numbers = re.findall(r"[+−]\d[.,]\d\d", shown)
    assert numbers and all("," in n for n in numbers), numbers
    assert "-0," not in shown and not re.search(r"[+−]\d\.\d\d", shown)
    assert at.query_params["r"] == [DE.id] or at.query_params["r"] == DE.id


def test_the_switch_changes_language_keeps_the_answers_and_goes_into_the_link():
    given = answers_of(EN, 4)
    at = app({"locale": "de-DE"}, **encode(EN, 2, given, {}, []))
    assert at.session_state["cg_rubric"] == DE.id
    at.button_group(key=language.WIDGET).set_value("en").run()
    ok(at)
    assert at.session_state["cg_rubric"] == EN.id
    assert at.session_state["cg_answers"] == given
    assert "".join(at.query_params["lang"]) == "en"
    assert DE.labels.next not in [b.label for b in at.button]
    # A reload of that link, in the same German browser, stays English.
    params = {k: "".join(v) if isinstance(v, list) else v for k, v in at.query_params.items()}
    again = app({"locale": "de-DE"}, **params)
    assert again.session_state["cg_rubric"] == EN.id
    assert again.button_group(key=language.WIDGET).value == "en"


def test_switching_to_german_on_the_start_screen():
    at = app({"locale": "en-US"})
    at.button_group(key=language.WIDGET).set_value("de").run()
    ok(at)
    assert at.title[0].value == DE.labels.start_heading
    at.button(key="start_new").click().run()
    ok(at)
    assert DE.labels.work_heading in texts(at)
    assert at.session_state["cg_rubric"] == DE.id


def test_a_link_asking_for_an_unknown_language_is_ignored():
    at = app({"locale": "de-DE"}, lang="xx-<script>")
    assert at.title[0].value == DE.labels.start_heading
    assert "cg_lang" not in at.session_state or not at.session_state["cg_lang"]


def test_the_rubric_choice_lists_a_translated_rubric_once(tmp_path, monkeypatch):
    folder = ROOT / "rubrics"
    for path in [*folder.glob("*.toml"), *(folder / "examples").glob("*.toml")]:
        (tmp_path / path.name).write_bytes(path.read_bytes())
    monkeypatch.setenv("COLLECTOR_GUIDE_RUBRICS", str(tmp_path))
    at = app({"locale": "de-DE"})
    picks = [s for s in at.selectbox if s.key == "pick_rubric"]
    assert picks, "two families of rubrics: the choice is shown"
    assert DE.rubric.title in picks[0].options and EN.rubric.title not in picks[0].options
    assert picks[0].value == EN.id  # the family, by its original's id


def test_no_rubric_message_follows_the_browser(tmp_path, monkeypatch):
    monkeypatch.setenv("COLLECTOR_GUIDE_RUBRICS", str(tmp_path))
    at = app({"locale": "de-DE"})
    assert at.error[0].value == locale("de").labels["no_rubric"]
