"""The visitor's language: which translation of a rubric they read, and the switch.

A rubric and its translations (`translation_of`) share question and option ids, so answers,
links and work files carry over between them. The visitor reads the translation in the
language they chose on screen (kept in the URL as `lang`, so a reload or a shared link keeps
it), else the one their browser prefers (Accept-Language, then `st.context.locale`), else the
rubric the link or the guide names. Every word then follows the rubric's language.
"""

from __future__ import annotations

import json

import streamlit as st

from collector_guide.rubric import Rubric
from collector_guide.rubric.locales import language_name, match, preferred
from collector_guide.ui import state
from collector_guide.ui.state import Library

LANG = "cg_lang"  # the language the visitor chose on screen, or None
PARAM = "lang"
WIDGET = "language"
_READ = "cg_lang_read"  # whether this session has read `lang` from its first address


def _header() -> str | None:
    try:
        return st.context.headers.get("Accept-Language")
    except Exception:  # no request (a bare script run): nothing to go on
        return None


def browser() -> str | None:
    """The browser's languages: its Accept-Language header, else its `navigator.language`."""
    header = _header()
    if header:
        return header[:1000]
    try:
        return st.context.locale
    except Exception:
        return None


def family(lib: Library, rubric_id: str) -> dict[str, str]:
    """The rubric and its translations on offer here: language tag → rubric id, the original
    first."""
    rubrics = lib.catalog.rubrics
    own = rubrics.get(rubric_id)
    if own is None:
        return {}
    root = own.rubric.translation_of if own.rubric.translation_of in rubrics else rubric_id
    members = [root] + [rid for rid, r in rubrics.items()
                        if r.rubric.translation_of == root and rid != root]
    found: dict[str, str] = {}
    for rid in members:
        found.setdefault(rubrics[rid].rubric.language, rid)
    return found


def members(lib: Library) -> set[str]:
    """The ids of rubrics that are translations of another rubric on offer (the rubric choice
    lists each family once)."""
    rubrics = lib.catalog.rubrics
    return {rid for rid, r in rubrics.items()
            if r.rubric.translation_of in rubrics and r.rubric.translation_of != rid}


def _wanted(lib: Library, languages: list[str]) -> str | None:
    chosen = st.session_state.get(LANG)
    if chosen:
        return next((t for t in languages if _same(t, chosen)), None)
    return preferred(browser(), languages)


def _same(a: str, b: str) -> bool:
    return a.lower() == b.lower() or a.lower().split("-")[0] == b.lower().split("-")[0]


def apply(lib: Library) -> None:
    """Put the session on its rubric's translation in the visitor's language (every run: the
    rubric may have changed by a link, a work file or the rubric choice)."""
    if not st.session_state.get(_READ):
        st.session_state[_READ] = True
        asked = st.query_params.get(PARAM)
        if asked and len(asked) <= 35 and (match(asked) or asked in _all_languages(lib)):
            st.session_state[LANG] = asked
    rid = st.session_state.get(state.RUBRIC)
    languages = family(lib, rid) if rid else {}
    if len(languages) < 2:
        return
    wanted = _wanted(lib, list(languages))
    if wanted is not None and languages[wanted] != rid:
        st.session_state[state.RUBRIC] = languages[wanted]


def _all_languages(lib: Library) -> set[str]:
    return {r.rubric.language for r in lib.catalog.rubrics.values()}


_LANG_JS = """<script>
  (function () {
    const page = %s, names = %s;
    document.documentElement.lang = page;
    // Each choice of the language switch is a word in its own language.
    const mark = (tries) => {
      const found = document.querySelectorAll('.st-key-%s [role="radio"]');
      found.forEach((n) => { const tag = names[n.textContent.trim()]; if (tag) n.lang = tag; });
      if (!found.length && tries > 0) setTimeout(() => mark(tries - 1), 150);
    };
    mark(20);
  })();
</script>"""


def page_language_js(lib: Library, r: Rubric) -> str:
    """A script that sets `<html lang>` to the rubric's language (Streamlit writes "en"), so
    screen readers pronounce the page in its language, and marks each language of the switch
    with its own. The tags are the rubrics', checked by the loader; JSON-quoted all the same."""
    names = {language_name(t): t for t in family(lib, r.id)}
    return _LANG_JS % (json.dumps(r.rubric.language), json.dumps(names), WIDGET)


def home_id(lib: Library) -> str:
    """The guide's default rubric in the visitor's language: its start screen, untouched,
    keeps a bare address (see `state.sync_url`)."""
    languages = family(lib, lib.default_id)
    wanted = _wanted(lib, list(languages)) if len(languages) > 1 else None
    return languages.get(wanted, lib.default_id) if wanted else lib.default_id


def url_extra() -> dict[str, str]:
    """The `lang` parameter for the URL, when the visitor chose a language on screen."""
    chosen = st.session_state.get(LANG)
    return {PARAM: chosen} if chosen else {}


def _switch(lib: Library) -> None:
    tag = st.session_state.get(WIDGET)
    if not tag:
        return
    st.session_state[LANG] = tag
    languages = family(lib, st.session_state.get(state.RUBRIC) or lib.default_id)
    if tag in languages:
        st.session_state[state.RUBRIC] = languages[tag]


def switch(lib: Library, r: Rubric) -> None:
    """The choice of language, when this rubric is translated: each language by its own name."""
    languages = family(lib, r.id)
    if len(languages) < 2:
        return
    tags = list(languages)
    names = {t: language_name(t) for t in tags}
    st.session_state[WIDGET] = r.rubric.language
    st.segmented_control(r.labels.language_switch, tags, format_func=names.get, key=WIDGET,
                         on_change=_switch, args=(lib,), selection_mode="single")
