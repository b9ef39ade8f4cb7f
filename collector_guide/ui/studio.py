"""The rubric studio (`?studio=1`): an author tries an edit before visitors see it.

Off unless the gallery's config turns it on (`[show] studio = true`) or, for an author on their
own machine, COLLECTOR_GUIDE_STUDIO=1; when off, its address says so and nothing else. On: pick
a rubric file, or paste or upload one; every edit is checked as `collector-guide check` checks
it (errors and lint warnings, each with its lines); the edited rubric's questions run with real
scoring (answers kept apart from the visitor's); the maps of what the rubric reaches, before and
after; where every sample work lands before and after; the edited TOML to download. Nothing is
written anywhere. Pasted text is shown only as code or escaped, never as HTML.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import streamlit as st

from collector_guide.assess.charts import MapPoint, map_figure
from collector_guide.assess.reading import compose
from collector_guide.assess.renderings import to_markdown
from collector_guide.assess.scoring import assess, shown_questions
from collector_guide.authoring import studio as core
from collector_guide.authoring.check import check_rubric_bytes
from collector_guide.rubric import Labels, Rubric
from collector_guide.rubric.loading import MAX_FILE_BYTES, Checked
from collector_guide.ui import state
from collector_guide.ui.common import PLOTLY_CONFIG, literal, map_legend
from collector_guide.ui.library import Library
from collector_guide.ui.questions import question
from collector_guide.ui.studio_parts import moves_table, problems_list
from collector_guide.ui.style import A11Y_JS

PARAM = "studio"  # ?studio=1 opens the studio
ENV = "COLLECTOR_GUIDE_STUDIO"
BASE, TEXT, UPLOAD = "studio_base", "studio_text", "studio_upload"
NAME = "cg_studio_name"  # the name the edited text goes by (the file's, or the upload's)
UPLOAD_PROBLEMS = "cg_studio_upload_problems"
ANSWERS = "cg_studio_answers"  # the preview's answers, never the visitor's
PASTED = "pasted.toml"
# An author's desk, not a phone: the maps side by side, the rubric's lines at full length.
WIDE = "<style>[data-testid='stMainBlockContainer'] { max-width: 84rem; }</style>"


def wanted() -> bool:
    return PARAM in st.query_params


def enabled(lib: Library) -> bool:
    """The gallery's `[show] studio`, or COLLECTOR_GUIDE_STUDIO=1 for a local author."""
    flag = os.environ.get(ENV, "").strip().lower()
    return flag in {"1", "true", "yes", "on"} or bool(lib.site.show.studio)


def _files() -> dict[str, Path]:
    folder = state.rubrics_dir()
    return {p.name: p for p in sorted(folder.glob("*.toml"))} if folder.is_dir() else {}


def _load_base() -> None:
    """Put the chosen file's text in the box (as it is on disk now)."""
    path = _files().get(st.session_state.get(BASE) or "")
    try:
        text = path.read_bytes()[:MAX_FILE_BYTES + 1].decode("utf-8-sig") if path else ""
    except (OSError, UnicodeDecodeError):
        text = ""
    st.session_state[TEXT] = text
    st.session_state[NAME] = path.name if path else PASTED
    st.session_state.pop(UPLOAD_PROBLEMS, None)


def _take_upload() -> None:
    """An uploaded rubric replaces the text; one that is too big or not UTF-8 text cannot go
    into the box, so its problem is shown instead."""
    upload = st.session_state.get(UPLOAD)
    st.session_state.pop(UPLOAD_PROBLEMS, None)
    if upload is None:
        return
    name = core.safe_filename(upload.name)
    raw = upload.getvalue()
    try:
        text = raw.decode("utf-8-sig") if len(raw) <= MAX_FILE_BYTES else None
    except UnicodeDecodeError:
        text = None
    if text is None:
        st.session_state[UPLOAD_PROBLEMS] = check_rubric_bytes(raw, name).problems
        return
    st.session_state[TEXT] = text
    st.session_state[NAME] = name


def _back() -> None:
    del st.query_params[PARAM]


def _reset() -> None:
    st.session_state[ANSWERS] = {}


@st.cache_resource(max_entries=32, show_spinner=False)
def _check(raw: bytes, name: str, _others: dict[str, Rubric], others_key: tuple) -> Checked:
    """The same checks as `collector-guide check` (lint included), once per text."""
    return check_rubric_bytes(raw, name, lint=True, others=_others)


@st.cache_resource(max_entries=64, show_spinner=False)
def _map(_r: Rubric, _samples: dict, _was: dict | None, key: tuple, region: str):
    return core.reach_figure(_r, _samples, was=_was, region_name=region, height=480)


def page(lib: Library) -> None:
    try:
        _page(lib)
    finally:
        with st.container(key="cg_scripts"):  # the page's own script, never a file's text
            st.html(A11Y_JS, unsafe_allow_javascript=True)


def _page(lib: Library) -> None:
    st.html(WIDE)
    rubrics = lib.catalog.rubrics
    words = rubrics[lib.default_id].labels if rubrics else Labels()
    st.title(words.studio_title)
    if not enabled(lib):
        st.info(words.studio_off, icon=":material/lock:")
        st.button(words.studio_back, key="studio_back", on_click=_back,
                  icon=":material/arrow_back:")
        return
    st.caption(words.studio_intro)
    files = _files()
    names = list(files)
    if BASE not in st.session_state and names:
        default = Path(lib.catalog.files.get(lib.default_id, "")).name if rubrics else ""
        st.session_state[BASE] = default if default in names else names[0]
    if TEXT not in st.session_state:
        _load_base()
    if names:
        st.selectbox(words.studio_base, names, key=BASE, on_change=_load_base)
    # The browser refuses what is far too big; what is just too big gets the checker's words.
    st.file_uploader(words.studio_upload, type=["toml"], key=UPLOAD, on_change=_take_upload,
                     max_upload_size=2 * max(1, MAX_FILE_BYTES // 1_000_000))
    st.text_area(words.studio_text, key=TEXT, height=320, max_chars=MAX_FILE_BYTES)
    st.caption(words.studio_text_help)
    text = st.session_state[TEXT]
    name = st.session_state.get(NAME) or PASTED

    base_path = files.get(st.session_state.get(BASE) or "")
    by_file = {Path(f).name: rid for rid, f in lib.catalog.files.items()}
    before = rubrics.get(by_file.get(base_path.name, "")) if base_path else None
    if base_path is not None and str(base_path) in lib.stale:
        st.warning(words.studio_serving_old.format(file=literal(base_path.name)),
                   icon=":material/history:")
        disk = _disk_text(base_path)
        if disk != text:  # the same text is checked just below: say it once
            problems_list(disk, list(lib.stale[str(base_path)]), group="disk")

    st.header(words.studio_checks)
    uploaded = st.session_state.get(UPLOAD_PROBLEMS)
    others_key = tuple(sorted((rid, state.content_key(r)) for rid, r in rubrics.items()))
    checked = _check(text.encode("utf-8"), name, rubrics, others_key)
    problems = list(uploaded) if uploaded else checked.problems
    errors = sum(p.severity == "error" for p in problems)
    if problems:
        st.caption(words.studio_counts.format(errors=errors, warnings=len(problems) - errors))
        problems_list(text, problems)
    else:
        st.success(words.studio_clean, icon=":material/check_circle:")
    after = checked.model if checked.ok and not uploaded else None
    if after is not None:  # before: what visitors read now under the edited rubric's id
        before = rubrics.get(after.id)

    st.download_button(words.studio_download, text.encode("utf-8"),
                       file_name=core.safe_filename(name), mime="application/toml",
                       key="studio_download", on_click="ignore", icon=":material/download:")
    samples = lib.samples.get((before or after).id, []) if (before or after) else []
    works = core.titles([(s.slug, s.work.work.title or s.slug) for s in samples])
    answers = {works[s.slug]: s.work.answers for s in samples}
    was = core.places(before, answers) if before is not None else {}
    now = core.places(after, answers) if after is not None else {}
    _maps(words, before, after, was, now)
    if after is None:
        st.info(words.studio_blocked, icon=":material/edit_note:")
    st.header(words.studio_samples)
    if not answers:
        st.caption(words.studio_samples_none)
    else:
        moves_table(words, core.moves(was, now))
    if after is not None:
        _preview(lib, words, after, samples)


def _disk_text(path: Path) -> str:
    try:
        return path.read_bytes()[:MAX_FILE_BYTES].decode("utf-8-sig", "replace")
    except OSError:
        return ""


def _maps(words: Labels, before: Rubric | None, after: Rubric | None, was: dict,
          now: dict) -> None:
    st.header(words.studio_map)
    st.caption(words.studio_map_intro)
    shown = [(words.studio_before, before, was, None), (words.studio_after, after, now, was)]
    shown = [s for s in shown if s[1] is not None]
    columns = st.columns(len(shown)) if shown else []
    for column, (title, r, places, old) in zip(columns, shown, strict=True):
        with column:
            st.markdown(f"**{title}**")
            key = (state.content_key(r), tuple(sorted(places.items())),
                   tuple(sorted((old or {}).items())))
            st.plotly_chart(_map(r, places, old, key, words.studio_region), config=PLOTLY_CONFIG,
                            width="stretch", key=f"studio_map_{title == words.studio_after}")
            st.caption(map_legend(r, visit=False, placement=False))
            st.markdown(" · ".join(f"{i}\u00a0{literal(a.name)}"
                                   for i, a in enumerate(r.archetypes, 1)))
            st.markdown(f"**{words.studio_bands}**  \n"
                        + "  \n".join(literal(line) for line in core.band_lines(r)))


def _preview(lib: Library, words: Labels, r: Rubric, samples) -> None:
    st.header(words.studio_preview)
    st.caption(words.studio_preview_intro)
    current = st.session_state.get(ANSWERS, {})
    st.session_state[ANSWERS] = state.fitting_answers(r, current)
    # Widgets keyed by the rubric's content: an edit that changes a question's answers gets
    # fresh widgets, while the answers that still fit are kept.
    prefix = "studio-q-" + hashlib.sha256(state.content_key(r).encode()).hexdigest()[:8]
    shown = shown_questions(r, st.session_state[ANSWERS])
    for section in r.sections:
        qs = [q for q in r.questions_in(section.id) if q.id in shown]
        if not qs:
            continue
        st.markdown(f"### {section.title}")
        for q in qs:
            question(r, q, store=ANSWERS, prefix=prefix)
    st.button(words.studio_reset, key="studio_reset", on_click=_reset,
              icon=":material/restart_alt:")
    placement = assess(r, st.session_state[ANSWERS])
    points = [MapPoint(s.work.work.title or s.slug, p.x, p.y) for s, p in zip(
        samples, core.places(r, {s.slug: s.work.answers for s in samples}).values(),
        strict=True)] if samples else []
    st.plotly_chart(map_figure(r, placement, samples=points, this_work=r.labels.this_work,
                               height=400), config=PLOTLY_CONFIG, width="stretch",
                    key="studio_preview_map")
    st.markdown(to_markdown(compose(r, placement), None, r.labels.untitled))
