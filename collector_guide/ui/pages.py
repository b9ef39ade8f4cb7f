"""The screens of the walk-through: start, the work, one screen per section, the reading.

Only rubric text (trusted, written by the gallery) is rendered as Markdown. Anything the
visitor typed or uploaded is shown through `literal()` or `st.text`, so it can never become
markup, a link or a script.
"""

from __future__ import annotations

import contextlib
import html
import re

import streamlit as st

from collector_guide import images, provenance, urlstate
from collector_guide.charts import MapPoint, contributions_figure, map_alt_text, map_figure
from collector_guide.evidence import Suggestion, signed_evidence, suggestions
from collector_guide.loading import check_work_bytes, kind_of
from collector_guide.reading import compose, fmt_value, to_json, to_markdown
from collector_guide.rubric import NOT_SURE, Question, Rubric, WorkInfo
from collector_guide.scoring import Placement, assess, shown_questions
from collector_guide.ui import state
from collector_guide.ui.state import ANSWERS, PHOTO, VISIT, WORK, Library
from collector_guide.visit import visit_csv
from collector_guide.workfile import dump_work

_AUTOLINK = re.compile(r"(?i)(:/|www\.|@)")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")
PLOTLY_CONFIG = {"displayModeBar": False, "scrollZoom": False, "responsive": True}


def literal(text: str) -> str:
    """Text the visitor typed (or a file said), made safe to place inside Markdown: shown
    exactly as written, never as markup, and never as a live link (a word joiner after the
    scheme or "www" stops the renderer from linking bare addresses)."""
    text = _AUTOLINK.sub(lambda m: m.group(0)[:-1] + "\u2060" + m.group(0)[-1], text)
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False)).replace("\n", "  \n")


def work_info() -> WorkInfo:
    details = {k: v for k, v in st.session_state[WORK].items() if k in WorkInfo.model_fields}
    try:
        return WorkInfo(**details)
    except ValueError:
        return WorkInfo()


def progress(r: Rubric, step: int) -> None:
    total = state.steps(r) - 1
    st.progress(step / total, text=r.labels.step_of.format(step=step, total=total))


def nav(r: Rubric, step: int, *, next_label: str | None = None, next_step: int | None = None,
        back: bool = True) -> None:
    row = st.container(horizontal=True, gap="small")
    with row:
        if back:
            st.button(r.labels.back, key=f"back_{step}", on_click=state.go, args=(step - 1,),
                      width="stretch", icon=":material/arrow_back:")
        st.button(next_label or r.labels.next, key=f"next_{step}", type="primary",
                  on_click=state.go, args=(step + 1 if next_step is None else next_step,),
                  width="stretch", icon=":material/arrow_forward:", icon_position="right")


# --- start ---------------------------------------------------------------------------------------


def sample_points(lib: Library, r: Rubric) -> list[MapPoint]:
    return lib.points.get(r.id, [])


# Figures are cached by what determines them (rubric, answers, visit), never by who asked:
# plotly validates every part of a figure as it is built, ~50 ms a map, on every tap.
@st.cache_resource(max_entries=512, show_spinner=False)
def _map(_r: Rubric, _placement: Placement | None, _samples: tuple, _visit: tuple,
         key: tuple, this_work: str, height: int):
    return map_figure(_r, _placement, samples=_samples, visit=_visit, this_work=this_work,
                      height=height)


@st.cache_resource(max_entries=512, show_spinner=False)
def _moved(_r: Rubric, _placement: Placement, _labels: dict, key: tuple):
    return contributions_figure(_r, _placement, _labels)


def _answers_key(r: Rubric) -> tuple:
    return (r.id, r.version, urlstate.encode_answers(r, st.session_state[ANSWERS]))


def map_legend(r: Rubric, visit: bool) -> str:
    parts = [f"● {r.labels.this_work}", f"⬚ {r.labels.uncertainty_box}",
             f"○ {r.labels.sample_works}"]
    if visit:
        parts.append(f"◆ {r.labels.visit_heading}")
    return " · ".join(parts)


def start(lib: Library, r: Rubric) -> None:
    labels = r.labels
    if r.rubric.gallery:
        st.caption(r.rubric.gallery)
    st.title(labels.start_heading)
    st.markdown(r.rubric.summary)
    st.button(labels.start_new, key="start_new", type="primary", width="stretch",
              on_click=state.start_fresh, args=(r.id,), icon=":material/visibility:")
    samples = sample_points(lib, r)
    # Drawing the map here also loads plotly's front-end code while the visitor reads.
    fig = _map(r, None, tuple(samples), (), (r.id, r.version, "start"), "", 380)
    st.plotly_chart(fig, key="start_map", config=PLOTLY_CONFIG, width="stretch")
    st.caption(f"○ {labels.sample_works} · " + map_alt_text(r, None, samples=len(samples)))
    for axis in r.axes:
        st.markdown(f"**{axis.label}** — {axis.explanation}")

    rubrics = lib.catalog.rubrics
    if len(rubrics) > 1:
        st.selectbox(labels.choose_rubric, list(rubrics), key="pick_rubric",
                     index=list(rubrics).index(r.id),
                     format_func=lambda rid: rubrics[rid].rubric.title,
                     on_change=lambda: st.session_state.update(
                         {state.RUBRIC: st.session_state["pick_rubric"]}))

    samples_here = lib.samples.get(r.id, [])
    if samples_here:
        with st.expander(labels.open_sample, icon=":material/collections:"):
            names = {s.slug: s.work.work.title or s.slug for s in samples_here}
            st.selectbox(labels.open_sample, list(names), format_func=names.get,
                         key="sample_pick", label_visibility="collapsed")
            st.button(labels.open_sample, key="open_sample", width="stretch",
                      on_click=_open_sample, args=(lib, r))
    with st.expander(labels.open_file, icon=":material/upload_file:"):
        st.file_uploader(labels.open_file, type=["toml"], key="work_upload",
                         label_visibility="collapsed", on_change=_open_upload, args=(lib,))
        for line in st.session_state.get("upload_problems", []):
            st.error(literal(line))


def _open_sample(lib: Library, r: Rubric) -> None:
    # Read the choice when the button fires, not when it was drawn.
    slug = st.session_state.get("sample_pick")
    sample = next((s for s in lib.samples[r.id] if s.slug == slug), lib.samples[r.id][0])
    state.open_work(r.id, sample.work.answers, sample.work.work.model_dump())
    state.go(state.result_step(r))


def _open_upload(lib: Library) -> None:
    upload = st.session_state.get("work_upload")
    st.session_state["upload_problems"] = []
    if upload is None:
        return
    name = upload.name[:80]
    raw = upload.getvalue()
    if kind_of(raw) == "rubric":
        st.session_state["upload_problems"] = [
            f"{name}: this is a rubric, not a work file. Rubrics are installed by the gallery "
            "in the rubrics/ folder; here you can open a work file saved from this guide."
        ]
        return
    checked = check_work_bytes(raw, name, lib.catalog.rubrics)
    errors = [str(p) for p in checked.problems if p.severity == "error"]
    if checked.kind != "work" or not checked.ok:
        st.session_state["upload_problems"] = errors[:8] or [f"{name}: this is not a work file"]
        return
    work = checked.model
    r = lib.catalog.rubrics[work.assessment.rubric]
    state.open_work(r.id, work.answers, work.work.model_dump())
    notes = [str(p) for p in checked.problems if p.severity == "warning"]
    st.session_state[state.NOTICES] = notes
    state.go(state.result_step(r))


# --- the work ------------------------------------------------------------------------------------

_WORK_FIELDS = (("title", 300), ("artist", 300), ("year", 40), ("medium", 300), ("series", 300),
                ("edition", 300))


def _store_text(field: str) -> None:
    value = st.session_state.get(f"work:{field}", "")
    work = dict(st.session_state[WORK])
    if value:
        work[field] = value
    else:
        work.pop(field, None)
    st.session_state[WORK] = work


def the_work(lib: Library, r: Rubric, step: int) -> None:
    labels = r.labels
    progress(r, step)
    st.header(labels.work_heading)
    st.caption(labels.work_intro)
    work = st.session_state[WORK]
    for field, limit in _WORK_FIELDS:
        st.text_input(getattr(labels, field), value=work.get(field, ""), max_chars=limit,
                      key=f"work:{field}", on_change=_store_text, args=(field,))
    st.text_area(labels.wall_label, value=work.get("wall_label", ""), max_chars=4000,
                 key="work:wall_label", on_change=_store_text, args=("wall_label",), height=110)
    photo(r)
    st.text_area(labels.notes, value=work.get("notes", ""), max_chars=4000, key="work:notes",
                 on_change=_store_text, args=("notes",), height=90)
    nav(r, step)


def photo(r: Rubric) -> None:
    labels = r.labels
    st.subheader(labels.photo)
    upload = st.file_uploader(labels.photo, type=["jpg", "jpeg", "png", "webp", "heic", "heif"],
                              key="photo_upload", label_visibility="collapsed")
    if st.toggle(labels.use_camera, key="use_camera"):
        shot = st.camera_input(labels.take_photo, key="photo_camera")
        upload = shot or upload
    if upload is None:
        return
    token = (upload.file_id, upload.size)
    kept = st.session_state.get(PHOTO)
    if not kept or kept["token"] != token:
        kept = _take_photo(upload, token)
        st.session_state[PHOTO] = kept
    if kept["error"]:
        st.error(literal(kept["error"]))
    else:
        st.image(kept["jpeg"], width="stretch")
        for note in kept["notes"]:
            st.caption(literal(note))
    evidence_panel(r, kept["report"])


def _take_photo(upload, token) -> dict:
    """Read provenance from the original bytes, keep a small display copy, drop the rest."""
    data = upload.getvalue()
    kept = {"token": token, "jpeg": None, "notes": (), "error": None, "report": None}
    # A file that is no image at all has no provenance; load_image below says what is wrong.
    with contextlib.suppress(provenance.ProvenanceError):
        kept["report"] = provenance.read_provenance(
            data, filename=upload.name, trust_anchors_pem=state.trust_anchors())
    try:
        prepared = images.load_image(data)
        kept["jpeg"], kept["notes"] = prepared.display_jpeg, prepared.notes
    except images.ImageError as exc:
        kept["error"] = str(exc)
    return kept


def _use_suggestion(r: Rubric, s: Suggestion) -> None:
    q = r.question(s.question_id)
    answers = dict(st.session_state[ANSWERS])
    if s.option_id == NOT_SURE:
        answers[q.id] = NOT_SURE
    elif q.kind == "multiple":
        current = answers.get(q.id)
        current = current if isinstance(current, list) else []
        answers[q.id] = current + [s.option_id] if s.option_id not in current else current
    else:
        answers[q.id] = s.option_id
    st.session_state[ANSWERS] = answers
    st.session_state.pop(_key(r, q), None)  # the widget shows the new answer when drawn


def evidence_panel(r: Rubric, report: provenance.ProvenanceReport | None) -> None:
    if report is None:
        return
    labels = r.labels
    st.subheader(labels.evidence_heading)
    caveats = [labels.caveat_camera, labels.caveat_forged, labels.caveat_absence]
    if not report.has_evidence:
        st.info(f"{labels.evidence_none} {labels.caveat_absence}", icon=":material/info:")
        return
    st.caption(labels.evidence_intro)
    for f in report.findings:
        if f.source == "file" and f.category == provenance.INFORMATION:
            continue
        with st.container(border=True):
            st.markdown(f"**{literal(f.category_label)}** · {literal(f.strength_label)}")
            st.markdown(literal(f.meaning))
            st.caption(literal(f"{f.source} · {f.key}: {f.value}"))
    answers = st.session_state[ANSWERS]
    for s in suggestions(r, report):
        q = r.question(s.question_id)
        option = q.option(s.option_id)
        label = option.label if option else r.labels.not_sure
        current = answers.get(q.id)
        agrees = current == s.option_id or (isinstance(current, list) and s.option_id in current)
        with st.container(border=True):
            st.markdown(f"{labels.evidence_suggests} *{q.prompt}*  \n**{label}**")
            st.caption(s.note)
            if agrees:
                st.caption(labels.evidence_agrees)
            else:
                st.button(labels.evidence_use, key=f"use_{q.id}", on_click=_use_suggestion,
                          args=(r, s), icon=":material/check:")
    with st.expander(labels.evidence_caveats, icon=":material/warning:"):
        st.markdown("\n".join(f"- {c}" for c in caveats))


# --- the questionnaire ---------------------------------------------------------------------------


def _key(r: Rubric, q: Question) -> str:
    return f"q:{r.id}:{q.id}"


def _store_single(r: Rubric, q: Question) -> None:
    value = st.session_state.get(_key(r, q))
    answers = dict(st.session_state[ANSWERS])
    if value is None:
        answers.pop(q.id, None)
    else:
        answers[q.id] = value
    st.session_state[ANSWERS] = answers


def _store_multiple(r: Rubric, q: Question) -> None:
    key = _key(r, q)
    value = list(st.session_state.get(key) or [])
    previous = st.session_state[ANSWERS].get(q.id)
    previous = previous if isinstance(previous, list) else [previous] if previous else []
    # "Not sure" excludes the other answers, and any other answer replaces "Not sure".
    if NOT_SURE in value and NOT_SURE not in previous:
        value = [NOT_SURE]
    elif NOT_SURE in value and len(value) > 1:
        value = [v for v in value if v != NOT_SURE]
    st.session_state[key] = value
    answers = dict(st.session_state[ANSWERS])
    if not value:
        answers.pop(q.id, None)
    elif value == [NOT_SURE]:
        answers[q.id] = NOT_SURE
    else:
        answers[q.id] = value
    st.session_state[ANSWERS] = answers


def question(r: Rubric, q: Question) -> None:
    answers = st.session_state[ANSWERS]
    ids = [o.id for o in q.options] + [NOT_SURE]
    names = {o.id: o.label for o in q.options} | {NOT_SURE: r.labels.not_sure}
    current = answers.get(q.id)
    key = _key(r, q)
    with st.container(border=True, key=f"box:{q.id}"):
        if q.kind == "multiple":
            if current == NOT_SURE:
                default = [NOT_SURE]
            else:
                default = [c for c in current if c in ids] if isinstance(current, list) else []
            st.pills(q.prompt, ids, selection_mode="multi", default=default,
                     format_func=names.get, key=key, on_change=_store_multiple, args=(r, q))
            st.caption(r.labels.choose_all)
        else:
            st.radio(q.prompt, ids, index=ids.index(current) if current in ids else None,
                     format_func=names.get, key=key, on_change=_store_single, args=(r, q))
        with st.expander(r.labels.why_this_matters, icon=":material/help:"):
            st.markdown(q.help)
        if current == NOT_SURE:
            st.caption(f"{r.labels.not_sure_help} {r.labels.ask_gallery}: *{q.ask_gallery}*")


def section(lib: Library, r: Rubric, step: int) -> None:
    sec = r.sections[step - 2]
    progress(r, step)
    st.header(sec.title)
    if sec.intro:
        st.markdown(sec.intro)
    shown = shown_questions(r, st.session_state[ANSWERS])
    for q in r.questions_in(sec.id):
        if q.id in shown:  # a show_if question appears as soon as it applies
            question(r, q)
    last = step == state.result_step(r) - 1
    nav(r, step, next_label=r.labels.see_reading if last else None)


# --- the reading ---------------------------------------------------------------------------------


def _visit_points(lib: Library, r: Rubric) -> list[MapPoint]:
    x_id, y_id = (a.id for a in r.axes)
    points = []
    for entry in st.session_state[VISIT]:
        if entry.get("rubric") != r.id:
            continue
        p = assess(r, urlstate.visit_answers(r, entry))
        title = entry.get("work", {}).get("title") or r.labels.untitled
        points.append(MapPoint(title[:40], p.axes[x_id].value, p.axes[y_id].value))
    return points


def _add_to_visit(r: Rubric) -> None:
    entry = urlstate.visit_entry(r, st.session_state[ANSWERS], st.session_state[WORK])
    visit = [v for v in st.session_state[VISIT] if v != entry] + [entry]
    st.session_state[VISIT] = visit[-urlstate.MAX_VISIT:]
    st.session_state["visit_added"] = True


def _clear_visit() -> None:
    st.session_state[VISIT] = []


def result(lib: Library, r: Rubric, step: int) -> None:
    labels = r.labels
    answers = st.session_state[ANSWERS]
    placement = assess(r, answers)
    reading = compose(r, placement, _signed())
    info = work_info()
    progress(r, step)
    st.title(literal(info.title) if info.title else labels.result_heading)
    byline = ", ".join(x for x in (info.artist, info.year) if x)
    if byline:
        st.markdown(literal(byline))

    st.header(labels.map_heading)
    samples = sample_points(lib, r)
    visit = _visit_points(lib, r)
    fig = _map(r, placement, tuple(samples), tuple(visit),
               (*_answers_key(r), tuple(visit)), labels.this_work, 400)
    st.plotly_chart(fig, key="result_map", config=PLOTLY_CONFIG, width="stretch")
    st.caption(map_legend(r, bool(visit)))
    with st.expander(labels.map_in_words, icon=":material/notes:"):
        st.markdown(literal(map_alt_text(r, placement, samples=len(samples),
                                         visit=len(visit))))

    st.header(labels.result_heading)
    st.markdown(" ".join(reading.placement_sentences))
    st.markdown(reading.archetype_sentence)
    if reading.moved_by:
        st.markdown(reading.moved_by)
    for sentence in reading.signed:
        st.markdown(literal(sentence))  # it quotes a signer's name from the file
    st.markdown(reading.provisional)

    if reading.cautions:
        st.header(reading.cautions_heading)
        for title, body in reading.cautions:
            with st.container(border=True):
                st.markdown(f"**{title}**  \n{body}")

    st.header(reading.ask_heading)
    if reading.ask:
        st.markdown("\n".join(f"{i}. {q}" for i, q in enumerate(reading.ask, 1)))
    else:
        st.markdown(reading.ask_none)

    what_moved_it(r, placement)
    keep_and_share(lib, r, placement, reading, info)
    if reading.closing:
        st.caption(reading.closing)
    row = st.container(horizontal=True, gap="small")
    with row:
        st.button(labels.edit_answers, key="edit_answers", on_click=state.go, args=(2,),
                  width="stretch", icon=":material/edit:")
        st.button(labels.start_over, key="start_over", on_click=state.go, args=(0,),
                  width="stretch", icon=":material/restart_alt:")


def _signed():
    kept = st.session_state.get(PHOTO)
    return signed_evidence(kept["report"]) if kept and kept.get("report") else []


def what_moved_it(r: Rubric, placement: Placement) -> None:
    moved = [c for c in placement.contributions if c.magnitude > 0]
    if not moved:
        return
    st.header(r.labels.what_moved_it)
    short = {c.question_id: _short(c.evidence[0], 52) for c in moved}
    st.plotly_chart(_moved(r, placement, short, _answers_key(r)), key="moved_chart",
                    config=PLOTLY_CONFIG, width="stretch")
    lines = []
    for c in moved[:6]:
        shifts = ", ".join(f"{a.label} {fmt_value(c.shifts.get(a.id, 0.0))}" for a in r.axes
                           if c.shifts.get(a.id))
        lines.append(f"- {c.evidence[0]} — {shifts}")
    with st.expander(r.labels.what_moved_it_words, icon=":material/notes:"):
        st.markdown("\n".join(lines))


def _short(text: str, limit: int = 34) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:48]
    return slug or "work"


def _payloads(r: Rubric, placement: Placement, reading, info: WorkInfo) -> tuple[str, ...]:
    """The three downloads, remade only when the answers, the work or the evidence change.

    Kept in this visitor's session only: it holds what they typed.
    """
    key = (_answers_key(r), info, reading.signed)
    memo = st.session_state.get("cg_downloads")
    if not memo or memo[0] != key:
        memo = (key, (to_markdown(reading, info, r.labels.untitled),
                      dump_work(r, info, st.session_state[ANSWERS]),
                      to_json(r, placement, reading, info)))
        st.session_state["cg_downloads"] = memo
    return memo[1]


def keep_and_share(lib: Library, r: Rubric, placement: Placement, reading,
                   info: WorkInfo) -> None:
    labels = r.labels
    st.header(labels.keep_and_share)
    st.caption(labels.keep_hint)
    markdown, work_file, json_text = _payloads(r, placement, reading, info)
    name = _slug(info.title or labels.untitled)
    row = st.container(horizontal=True, gap="small")
    with row:
        st.download_button(labels.download_markdown, markdown,
                           file_name=f"{name}.md", mime="text/markdown", key="dl_md",
                           on_click="ignore", width="stretch", icon=":material/description:")
        st.download_button(labels.download_work, work_file,
                           file_name=f"{name}.toml", mime="application/toml", key="dl_toml",
                           on_click="ignore", width="stretch", icon=":material/save:")
        st.download_button(labels.download_json, json_text,
                           file_name=f"{name}.json", mime="application/json", key="dl_json",
                           on_click="ignore", width="stretch", icon=":material/data_object:")

    st.subheader(labels.visit_heading)
    st.button(labels.add_to_visit, key="add_to_visit", on_click=_add_to_visit, args=(r,),
              width="stretch", icon=":material/playlist_add:")
    visit = st.session_state[VISIT]
    if st.session_state.pop("visit_added", False):
        st.success(labels.visit_added.format(count=len(visit)))
    if visit:
        titles = [literal(v.get("work", {}).get("title") or labels.untitled) for v in visit]
        st.markdown("\n".join(f"- {t}" for t in titles))
        row = st.container(horizontal=True, gap="small")
        with row:
            st.download_button(labels.download_visit, visit_csv(visit, lib.catalog.rubrics,
                                                                labels.untitled),
                               file_name="visit.csv", mime="text/csv", key="dl_visit",
                               on_click="ignore", width="stretch", icon=":material/table:")
            st.button(labels.clear_visit, key="clear_visit", on_click=_clear_visit,
                      width="stretch", icon=":material/delete:")
