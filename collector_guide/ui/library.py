"""The library every visitor shares: the rubrics, the sample works and the gallery, read
again whenever one of their files changes on disk.

The cache is keyed on the files' names, modification times and sizes (`files_stamp`), so an
edit shows at each visitor's next interaction, without a restart. A file that an edit broke
keeps serving its last good version (kept per file, for the life of the process) while its
problem is logged, once for each change, and shown in the studio; a removed file is gone.
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
from collector_guide.gallery.setup import Site, load_site
from collector_guide.keep.workfile import load_work
from collector_guide.rubric import LoadError, Problem, Rubric, Work
from collector_guide.rubric.gallery import DEFAULT_BACKGROUND

log = logging.getLogger("collector_guide")

DEFAULT_RUBRIC_ID = "assisted-vs-generated"
MAX_WATCHED = 2000  # files whose times key the library; a folder with more is a mistake


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
    # Broken files whose last good version is serving instead, and their problems; and the
    # problems of sample work files (shown in the studio).
    stale: dict[str, tuple[Problem, ...]] = field(default_factory=dict)
    sample_problems: tuple[Problem, ...] = ()

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


def library(rubrics_folder: str, samples_folder: str, gallery: str = "") -> Library:
    """What every visitor shares, read again when one of its files changes: the cache is keyed
    on the files' modification times and sizes, so an edit on disk shows at each visitor's next
    interaction, without a restart (a stat of a few dozen files a run)."""
    # The stamp's hash keys the cache: hashing a few dozen tuples is cheaper than Streamlit's
    # hashing of them, and a 64-bit hash within one process does not collide in practice.
    return _library_at(rubrics_folder, samples_folder, gallery,
                       hash(files_stamp(rubrics_folder, samples_folder, gallery)))


def files_stamp(rubrics_folder: str, samples_folder: str, gallery: str = "") -> tuple:
    """The name, modification time and size of every file the library is read from: the
    rubrics, the sample works and their images, the gallery config and the files beside it
    (its logo, its catalogue folder)."""
    entries: list[tuple] = []

    def scan(folder: str, depth: int) -> None:
        try:
            with os.scandir(folder) as found:
                for entry in found:
                    if len(entries) > MAX_WATCHED:
                        return
                    if entry.is_file():
                        info = entry.stat()
                        entries.append((entry.path, info.st_mtime_ns, info.st_size))
                    elif depth and entry.is_dir() and not entry.name.startswith("."):
                        scan(entry.path, depth - 1)
        except OSError:
            entries.append((folder, None, None))

    scan(rubrics_folder, 0)
    scan(samples_folder, 0)
    if gallery:
        scan(str(Path(gallery).parent), 1)
    return tuple(sorted(entries, key=lambda e: e[0]))


@st.cache_resource(show_spinner=False)
def _last_good() -> dict[str, dict]:
    """Per file, the last version that was good (rubrics as models, works as loaded), shared
    by every session of this process."""
    return {"rubrics": {}, "works": {}}


@st.cache_resource(show_spinner=False, max_entries=4)
def _library_at(rubrics_folder: str, samples_folder: str, gallery: str, stamp: int) -> Library:
    """Read once for each state of the files. Problems are logged here, so once per change."""
    lib = _library(rubrics_folder, samples_folder, _last_good())
    for problems in lib.stale.values():
        for problem in problems:
            log.error("%s (visitors still get its last good version)", problem)
    for problem in lib.catalog.problems:
        if problem.file not in lib.stale:
            (log.error if problem.severity == "error" else log.warning)("%s", problem)
    for problem in lib.sample_problems:
        if problem.file not in lib.stale:
            log.warning("%s", problem)
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
    return replace(lib, catalog=catalog,
                   samples={k: v for k, v in lib.samples.items() if k in allowed},
                   points={k: v for k, v in lib.points.items() if k in allowed}, site=site)


def _library(rubrics_folder: str, samples_folder: str, last: dict | None = None) -> Library:
    """The library; with `last` (file → last good version, updated here), a file that is broken
    now is used as it was when it was last good, and one that is gone is forgotten."""
    last = last if last is not None else {"rubrics": {}, "works": {}}
    kept_rubrics = last["rubrics"].setdefault(rubrics_folder, {})
    catalog = load_rubrics(rubrics_folder, kept_rubrics)
    kept_rubrics.clear()
    kept_rubrics.update({file: catalog.rubrics[rid] for rid, file in catalog.files.items()})
    stale: dict[str, tuple[Problem, ...]] = {f: tuple(p) for f, p in catalog.stale.items()}
    kept_works = last["works"].setdefault(samples_folder, {})
    good_works: dict[str, Work] = {}
    problems: list[Problem] = []
    samples: dict[str, list[Sample]] = {rid: [] for rid in catalog.rubrics}
    for path in sorted(Path(samples_folder).glob("*.toml")):
        try:
            work = load_work(path, catalog.rubrics)
        except LoadError as exc:
            problems += exc.problems  # `collector-guide check` reports these too
            work = kept_works.get(str(path))
            if work is None or work.assessment.rubric not in catalog.rubrics:
                continue  # visitors just don't see it
            stale[str(path)] = tuple(p for p in exc.problems if p.severity == "error")
        good_works[str(path)] = work
        image = path.with_name(work.work.image) if work.work.image else None
        image = image if image is not None and image.is_file() else None
        samples[work.assessment.rubric].append(Sample(path.stem, work, image))
    kept_works.clear()
    kept_works.update(good_works)
    for rid, r in catalog.rubrics.items():  # a translation shows its original's samples
        if not samples[rid] and samples.get(r.rubric.translation_of or ""):
            samples[rid] = samples[r.rubric.translation_of]
    points = {rid: [_point(catalog.rubrics[rid], s) for s in found]
              for rid, found in samples.items()}
    return Library(catalog, samples, points, stale=stale, sample_problems=tuple(problems))


def _point(r: Rubric, sample: Sample) -> MapPoint:
    x_id, y_id = (a.id for a in r.axes)
    p = assess(r, sample.work.answers)
    return MapPoint(sample.work.work.title or sample.slug, p.axes[x_id].value, p.axes[y_id].value)
