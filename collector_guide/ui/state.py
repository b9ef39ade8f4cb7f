"""The walk-through's state: one visitor's session, mirrored into the URL after every run.

Streamlit forgets the value of a widget that is not drawn, so answers never live only in
widgets: they live in `session_state[ANSWERS]`, and every widget writes through to it the
moment it changes. The URL carries the same state (see `collector_guide.keep.urlstate`), so a
reload, a discarded tab or a shared link comes back to the same place.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from collector_guide.assess.charts import MapPoint
from collector_guide.assess.scoring import assess
from collector_guide.authoring.check import Catalog, load_rubrics
from collector_guide.keep import linksign, urlstate
from collector_guide.keep.workfile import load_work
from collector_guide.rubric import LoadError, Rubric, Work
from collector_guide.ui import screens

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


def rubrics_dir() -> Path:
    return Path(os.environ.get("COLLECTOR_GUIDE_RUBRICS", ROOT / "rubrics"))


def samples_dir() -> Path:
    return Path(os.environ.get("COLLECTOR_GUIDE_SAMPLES", ROOT / "sample_works"))


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

    @property
    def default_id(self) -> str:
        ids = list(self.catalog.rubrics)
        return DEFAULT_RUBRIC_ID if DEFAULT_RUBRIC_ID in ids else ids[0]


@st.cache_resource(show_spinner=False)
def library(rubrics_folder: str, samples_folder: str) -> Library:
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
    points = {rid: [_point(catalog.rubrics[rid], s) for s in found]
              for rid, found in samples.items()}
    return Library(catalog, samples, points)


def _point(r: Rubric, sample: Sample) -> MapPoint:
    x_id, y_id = (a.id for a in r.axes)
    p = assess(r, sample.work.answers)
    return MapPoint(sample.work.work.title or sample.slug, p.axes[x_id].value, p.axes[y_id].value)


def trust_anchors() -> str | None:
    """The gallery's C2PA trust anchors (a PEM file named by COLLECTOR_GUIDE_TRUST_ANCHORS)."""
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
    params = {k: st.query_params[k] for k in st.query_params}
    state = urlstate.decode(
        params,
        lib.catalog.rubrics,
        lib.default_id,
        {rid: steps(r) for rid, r in lib.catalog.rubrics.items()},
    )
    _set(lib, state)


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
    forget_widgets()
    go(1)


def open_work(rubric_id: str, answers: dict, work: dict) -> None:
    st.session_state[RUBRIC] = rubric_id
    st.session_state[ANSWERS] = dict(answers)
    st.session_state[WORK] = {k: v for k, v in work.items() if isinstance(v, str) and v}
    st.session_state[PHOTO] = None
    st.session_state[DRAFT] = None
    st.session_state[READING] = urlstate.new_reading_id()
    forget_widgets()


def forget_widgets() -> None:
    # Widgets of the previous work must not leak their values into the next one.
    for key in list(st.session_state):
        if isinstance(key, str) and key.startswith(("q:", "work:")):
            del st.session_state[key]


def sync_url(r: Rubric, default_id: str) -> None:
    """Write the state into the URL, if it changed. The browser makes a history entry only
    when the screen changes (see `ui.history`); a pristine start screen keeps a bare address,
    so Back from it leaves the app at once."""
    params = urlstate.encode(
        r,
        st.session_state[STEP],
        st.session_state[ANSWERS],
        st.session_state[WORK],
        st.session_state[VISIT],
        st.session_state.get(DRAFT),
        reading=st.session_state.get(READING),
    )
    current = {k: st.query_params[k] for k in st.query_params}
    pristine = {"r": default_id, "v": r.version, "s": "0"}
    if not current and linksign.signed_part(params) == pristine:
        params = current
    if current != params:
        st.query_params.from_dict(params)
    st.session_state[WRITTEN] = params
