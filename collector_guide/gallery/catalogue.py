"""The gallery's catalogue: its works, read from work files in one folder, each with its image.

A catalogue work's id is its file name without `.toml` (`tidewater-ledger-7`), so it can stand
in a link, `?work=tidewater-ledger-7`. A work opens with its details filled in and its answers
blank; its `[gallery_reading]`, if any, is what the visitor may compare with afterwards.
Every problem is reported against the file it is in; a broken work is left out, never fatal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from collector_guide.keep.workfile import check_work_bytes
from collector_guide.photo.intake import ImageError, load_image
from collector_guide.rubric.checks import Found
from collector_guide.rubric.loading import Checked, parse_toml, read_file
from collector_guide.rubric.models import Rubric
from collector_guide.rubric.problems import LoadError, Problem
from collector_guide.rubric.work import GalleryReading, Work

ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
MAX_WORKS = 500
IMAGE_SIDE = 1600  # the display copy: sharp on a phone, small enough to send at an opening
THUMB_SIDE = 192  # the start screen's list: a few kB a work


@dataclass(frozen=True)
class CatalogueWork:
    id: str
    work: Work
    file: str
    image: bytes | None = None  # a display JPEG made from the work's image file
    thumb: bytes | None = None  # a small one, for the list of works

    @property
    def rubric_id(self) -> str:
        return self.work.assessment.rubric

    @property
    def title(self) -> str:
        return self.work.work.title or self.id

    @property
    def reading(self) -> GalleryReading | None:
        """The gallery's own reading, when it has answers to compare with."""
        reading = self.work.gallery_reading
        return reading if reading is not None and reading.answers else None


@dataclass(frozen=True)
class Catalogue:
    works: dict[str, CatalogueWork] = field(default_factory=dict)
    checked: list[Checked] = field(default_factory=list)  # one per file, with its problems

    @property
    def problems(self) -> list[Problem]:
        return [p for c in self.checked for p in c.problems]


def slug_for(stem: str) -> str:
    return re.sub(r"[^a-z0-9_-]+", "-", stem.lower()).strip("-_")[:64] or "work"


def load_catalogue(folder: Path, rubrics: dict[str, Rubric],
                   allowed: tuple[str, ...] = ()) -> Catalogue:
    """Every work file in `folder` (not its subfolders), checked against `rubrics`.

    `allowed`, when given, is the rubrics visitors can use here: a work read with another
    one could never be opened, so that is an error too.
    """
    works: dict[str, CatalogueWork] = {}
    results: list[Checked] = []
    for path in sorted(folder.glob("*.toml"))[:MAX_WORKS]:
        try:
            raw = read_file(path)
        except LoadError as exc:
            results.append(Checked(str(path), "work", None, exc.problems))
            continue
        checked = check_work_bytes(raw, str(path), rubrics)
        extra, image, thumb = _catalogue_problems(path, raw, checked.model, rubrics, allowed)
        problems = [*checked.problems, *extra]
        usable = checked.model is not None and not any(p.severity == "error" for p in extra)
        results.append(Checked(str(path), "work", checked.model if usable else None, problems))
        if usable:
            works[path.stem] = CatalogueWork(path.stem, checked.model, str(path), image, thumb)
    return Catalogue(works, results)


def _catalogue_problems(path: Path, raw: bytes, work: Work | None, rubrics: dict[str, Rubric],
                        allowed: tuple[str, ...]) -> tuple[list[Problem], bytes | None,
                                                           bytes | None]:
    file = str(path)
    problems: list[Problem] = []
    if not ID.match(path.stem):
        problems.append(Problem(
            file, f"the file name '{path.name}' becomes the work's link (?work=…), so it may "
            "only use lowercase letters, digits, '-' and '_'; rename it to "
            f"'{slug_for(path.stem)}.toml'", 1, 1))
    if work is None:
        return problems, None, None
    found, image, thumb = _work_problems(path, work, rubrics, allowed)
    locator = parse_toml(raw, file).locator  # it parsed once already, so this cannot fail
    problems += [locator.problem(loc, msg, sev) for loc, msg, sev in found]
    return problems, image, thumb


def _work_problems(path: Path, work: Work, rubrics: dict[str, Rubric],
                   allowed: tuple[str, ...]) -> tuple[list[Found], bytes | None, bytes | None]:
    problems: list[Found] = []
    rid = work.assessment.rubric
    if allowed and rid in rubrics and rid not in allowed:
        problems.append((
            ("assessment", "rubric"),
            f"this work is read with the rubric '{rid}', which this gallery does not offer "
            f"(rubrics.allowed: {', '.join(allowed)}); visitors could not open it", "error"))
    if work.answers:
        problems.append((
            ("answers",), "a catalogue work opens with blank answers, so these are not used; "
            "the gallery's own answers, shown after the visitor's, go in "
            "[gallery_reading.answers]", "warning"))
    if not work.work.title:
        problems.append((("work",), "the work has no title: visitors and QR labels would "
                         "only see its file name", "warning"))
    image = thumb = None
    if work.work.image:
        try:
            data = read_file(path.parent / work.work.image)
            image = load_image(data, max_side=IMAGE_SIDE).display_jpeg
            thumb = load_image(image, max_side=THUMB_SIDE).display_jpeg
        except LoadError as exc:
            problems.append((("work", "image"), f"the image '{work.work.image}': "
                             f"{exc.problems[0].message}", "warning"))
        except ImageError as exc:
            problems.append((("work", "image"), f"the image '{work.work.image}' cannot be "
                             f"shown: {exc}", "warning"))
    return problems, image, thumb
