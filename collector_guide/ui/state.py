"""The walk-through's state: one visitor's session, mirrored into the URL after every run.

Streamlit forgets the value of a widget that is not drawn, so answers never live only in
widgets: they live in `session_state[ANSWERS]`, and every widget writes through to it the
moment it changes. The URL carries the same state (see `collector_guide.keep.urlstate`), so a
reload, a discarded tab or a shared link comes back to the same place.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field, replace
from pathlib import Path

import streamlit as st

from collector_guide.assess.charts import MapPoint
from collector_guide.assess.scoring import assess
from collector_guide.authoring.check import Catalog, load_rubrics
from collector_guide.gallery.catalogue import CatalogueWork
from collector_guide.gallery.setup import ENV as GALLERY_ENV
from collector_guide.gallery.setup import Site, load_site
from collector_guide.keep import linksign, urlstate
from collector_guide.keep.workfile import load_work
from collector_guide.rubric import LoadError, Rubric, Work
from collector_guide.rubric.gallery import DEFAULT_BACKGROUND
from collector_guide.ui import memo, screens

log = logging.getLogger("collector_guide")

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_RUBRIC_ID = "assisted-vs-generated"

# Session keys
RUBRIC = "cg_rubric"
STEP = "cg_step"
ANSWERS = "cg_answers"
WORK = "cg_work"
VISIT = "cg_visit"
NOTICES = "cg_notices"
PHOTO = "cg_photo"
SCROLL = "cg_scroll_top"
DRAFT = "cg_draft"  # the token of this reading's draft on the server (ui/drafts.py), or None
READING = "cg_reading"  # this reading's id (`k` in the URL): new for each new or opened work
WRITTEN = "cg_written"  # the query parameters this session last wrote into the URL
LINK_VERIFIED = "cg_link_verified"  # whether the link this session opened with was signed
CATALOGUE = "cg_catalogue"  # the gallery's catalogue work this reading is of (`work`), or None
COMPARE = "cg_compare"  # whether the visitor asked to see the gallery's reading beside theirs


def rubrics_dir() -> Path:
    return Path(os.environ.get("COLLECTOR_GUIDE_RUBRICS", ROOT / "rubrics"))


def samples_dir() -> Path:
    return Path(os.environ.get("COLLECTOR_GUIDE_SAMPLES", ROOT / "sample_works"))


def gallery_file() -> str:
    """The gallery config COLLECTOR_GUIDE_GALLERY names; "" runs the guide as bundled."""
    return os.environ.get(GALLERY_ENV, "")


@dataclass(frozen=True)
class Sample:
    slug: str
    work: Work
    image: Path | None = None  # the sample's picture, when its work file names one that exists


@dataclass(frozen=True)
class Library:
    """What every visitor shares, read-only: the rubrics and the sample works."""

    catalog: Catalog
    samples: dict[str, list[Sample]] = field(default_factory=dict)  # rubric id → samples
    points: dict[str, list[MapPoint]] = field(default_factory=dict)  # rubric id → on the map
    site: Site = field(default_factory=Site)  # the hosting gallery (bundled defaults: none)

    @property
    def default_id(self) -> str:
        ids = list(self.catalog.rubrics)
        if self.site.default_rubric in ids:
            return self.site.default_rubric
        return DEFAULT_RUBRIC_ID if DEFAULT_RUBRIC_ID in ids else ids[0]

    def work(self, work_id: str | None) -> CatalogueWork | None:
        """A catalogue work visitors can open here (its rubric is on offer), or None."""
        found = self.site.works.get(work_id or "")
        return found if found is not None and found.rubric_id in self.catalog.rubrics else None


@st.cache_resource(show_spinner=False)
def library(rubrics_folder: str, samples_folder: str, gallery: str = "") -> Library:
    """Read once a process: what every visitor shares. A gallery's problems go to the log."""
    lib = _library(rubrics_folder, samples_folder)
    if not gallery or not lib.catalog.rubrics:
        return lib
    background = st.get_option("theme.backgroundColor") or DEFAULT_BACKGROUND
    site = load_site(gallery, lib.catalog.rubrics, background)
    for problem in site.problems:
        (log.error if problem.severity == "error" else log.warning)("gallery: %s", problem)
    allowed = {rid: lib.catalog.rubrics[rid] for rid in site.rubric_ids
               if rid in lib.catalog.rubrics} or lib.catalog.rubrics
    # A rubric the gallery offers comes with its translations, for visitors in other languages.
    allowed |= {rid: r for rid, r in lib.catalog.rubrics.items()
                if r.rubric.translation_of in allowed and rid not in allowed}
    catalog = replace(lib.catalog, rubrics=allowed)
    return Library(catalog, {k: v for k, v in lib.samples.items() if k in allowed},
                   {k: v for k, v in lib.points.items() if k in allowed}, site)


def _library(rubrics_folder: str, samples_folder: str) -> Library:
    catalog = load_rubrics(rubrics_folder)
    samples: dict[str, list[Sample]] = {rid: [] for rid in catalog.rubrics}
    for path in sorted(Path(samples_folder).glob("*.toml")):
        try:
            work = load_work(path, catalog.rubrics)
        except LoadError:
            continue  # `collector-guide check` reports these; visitors just don't see them
        image = path.with_name(work.work.image) if work.work.image else None
        image = image if image is not None and image.is_file() else None
        samples[work.assessment.rubric].append(Sample(path.stem, work, image))
    for rid, r in catalog.rubrics.items():  # a translation shows its original's samples
        if not samples[rid] and samples.get(r.rubric.translation_of or ""):
            samples[rid] = samples[r.rubric.translation_of]
    points = {rid: [_point(catalog.rubrics[rid], s) for s in found]
              for rid, found in samples.items()}
    return Library(catalog, samples, points)


def _point(r: Rubric, sample: Sample) -> MapPoint:
    x_id, y_id = (a.id for a in r.axes)
    p = assess(r, sample.work.answers)
    return MapPoint(sample.work.work.title or sample.slug, p.axes[x_id].value, p.axes[y_id].value)


def trust_anchors(lib: Library | None = None) -> str | None:
    """The gallery's C2PA trust anchors: its config's `trust_anchors`, else the PEM file named
    by COLLECTOR_GUIDE_TRUST_ANCHORS."""
    lib = lib or library(str(rubrics_dir()), str(samples_dir()), gallery_file())
    if lib.site.trust_anchors:
        return lib.site.trust_anchors
    path = os.environ.get("COLLECTOR_GUIDE_TRUST_ANCHORS")
    if not path:
        return None
    try:
        return Path(path).read_text()
    except (OSError, UnicodeDecodeError):
        return None


def steps(rubric: Rubric) -> int:
    """Start, the work, the question screens (a long section takes several), the result."""
    return screens.steps(rubric)


def result_step(rubric: Rubric) -> int:
    return screens.result_step(rubric)


def init(lib: Library) -> None:
    """On a session's first run, take the state from the URL (checked, never trusted)."""
    if RUBRIC in st.session_state:
        return
    params = st.query_params.to_dict()
    state = urlstate.decode(
        params,
        lib.catalog.rubrics,
        lib.default_id,
        {rid: steps(r) for rid, r in lib.catalog.rubrics.items()},
    )
    _set(lib, state)
    wanted = params.get(urlstate.WORK_PARAM)
    if wanted is None:
        return
    work = lib.work(wanted)
    if work is None:
        words = lib.catalog.rubrics[lib.default_id].labels
        st.session_state[NOTICES] = [*state.notices,
                                     words.catalogue_unknown.format(work=wanted[:60])]
        st.session_state[STEP] = 0
    elif set(linksign.signed_part(params)) <= urlstate.OPEN_PARAMS:
        open_catalogue(lib, work.id)  # a wall label: the work, its details, blank answers
        st.session_state[NOTICES] = []
    elif work.rubric_id in _family_of(lib, st.session_state[RUBRIC]):
        st.session_state[CATALOGUE] = work.id  # a reading of it, come back by its own link


def _family_of(lib: Library, rubric_id: str) -> tuple[str, ...]:
    """A rubric's id and, for a translation, its original's (their answers are alike)."""
    r = lib.catalog.rubrics.get(rubric_id)
    return (rubric_id, r.rubric.translation_of or rubric_id) if r is not None else (rubric_id,)


def open_catalogue(lib: Library, work_id: str) -> None:
    """Start a reading of a catalogue work: its details filled in, the answers blank."""
    work = lib.work(work_id)
    if work is None:
        return
    details = work.work.work.model_dump(exclude={"notes", "image"})
    open_work(work.rubric_id, {}, details)
    st.session_state[CATALOGUE] = work.id
    go(1)


def init_fresh(lib: Library) -> None:
    """A fresh start, saying so: for a link that could not be read at all."""
    words = lib.catalog.rubrics[lib.default_id].labels
    _set(lib, urlstate.UrlState(notices=[words.link_unreadable], verified=False))


def _set(lib: Library, state: urlstate.UrlState) -> None:
    st.session_state[STEP] = state.step
    st.session_state[ANSWERS] = state.answers
    st.session_state[WORK] = state.work
    st.session_state[VISIT] = state.visit
    st.session_state[NOTICES] = state.notices
    st.session_state[PHOTO] = None
    st.session_state[DRAFT] = state.draft
    st.session_state[READING] = state.reading
    st.session_state[LINK_VERIFIED] = state.verified
    st.session_state[CATALOGUE] = None
    st.session_state[COMPARE] = False
    st.session_state[RUBRIC] = state.rubric_id or lib.default_id  # last: marks the session set


def rubric(lib: Library) -> Rubric:
    rid = st.session_state.get(RUBRIC)
    if rid not in lib.catalog.rubrics:
        rid = lib.default_id
        st.session_state[RUBRIC] = rid
    return lib.catalog.rubrics[rid]


def go(step: int) -> None:
    """Move to a step (used as a button callback, so it takes effect in the same rerun)."""
    st.session_state[STEP] = step
    st.session_state[SCROLL] = True


def start_fresh(rubric_id: str) -> None:
    st.session_state[RUBRIC] = rubric_id
    st.session_state[ANSWERS] = {}
    st.session_state[WORK] = {}
    st.session_state[PHOTO] = None
    st.session_state[DRAFT] = None  # a new reading gets its own draft; the old one expires
    st.session_state[READING] = urlstate.new_reading_id()
    st.session_state[CATALOGUE] = None
    st.session_state[COMPARE] = False
    forget_widgets()
    go(1)


def open_work(rubric_id: str, answers: dict, work: dict) -> None:
    st.session_state[RUBRIC] = rubric_id
    st.session_state[ANSWERS] = dict(answers)
    st.session_state[WORK] = {k: v for k, v in work.items() if isinstance(v, str) and v}
    st.session_state[PHOTO] = None
    st.session_state[DRAFT] = None
    st.session_state[READING] = urlstate.new_reading_id()
    st.session_state[CATALOGUE] = None
    st.session_state[COMPARE] = False
    forget_widgets()


def forget_widgets() -> None:
    # Widgets of the previous work must not leak their values into the next one.
    for key in list(st.session_state):
        if isinstance(key, str) and key.startswith(("q:", "work:")):
            del st.session_state[key]


def sync_url(r: Rubric, default_id: str, extra: dict[str, str] | None = None) -> None:
    """Write the state into the URL, if it changed. The browser makes a history entry only
    when the screen changes (see `ui.history`); a pristine start screen keeps a bare address,
    so Back from it leaves the app at once."""
    ss = st.session_state
    # Packed and signed again only when the state changed (~0.3 ms: zlib, HMAC); copies, so
    # that a value changed in place still counts as a change.
    more = {**({urlstate.WORK_PARAM: ss[CATALOGUE]} if ss.get(CATALOGUE) else {}),
            **(extra or {})}
    inputs = (r, ss[STEP], dict(ss[ANSWERS]), dict(ss[WORK]), list(ss[VISIT]), ss.get(DRAFT),
              ss.get(READING), tuple(sorted(more.items())))
    params = dict(memo.last("link", inputs, lambda: urlstate.encode(
        r, ss[STEP], ss[ANSWERS], ss[WORK], ss[VISIT], ss.get(DRAFT), reading=ss.get(READING),
        extra=more or None)))
    current = st.query_params.to_dict()
    pristine = {"r": default_id, "v": r.version, "s": "0"}
    if not current and linksign.signed_part(params) == pristine:
        params = current
    if current != params:
        st.query_params.from_dict(params)
    st.session_state[WRITTEN] = params
