"""The whole check of rubric and work files: structure, then what only scoring can tell.

`load_rubric`, `load_rubrics` and `check_paths` are what the app, the CLI and the public API use:
a rubric is usable only once its bands and archetypes are shown to be reachable. `check_paths`
(the `check` command) and `check_rubric_bytes(..., lint=True)` also run lint, whose warnings say
where a usable rubric scores badly; loading a rubric for the app does not.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path as FsPath

from collector_guide.authoring.lint import lint as lint_rubric
from collector_guide.authoring.reachability import reachability
from collector_guide.gallery.setup import check_gallery_bytes
from collector_guide.keep.workfile import check_work_bytes
from collector_guide.rubric.loading import (
    Checked,
    check_rubric_structure,
    kind_of,
    parse_toml,
    read_file,
    sorted_problems,
)
from collector_guide.rubric.models import Rubric
from collector_guide.rubric.problems import LoadError, Locator, Problem
from collector_guide.rubric.work import Work


def _check_rubric(raw: bytes, file: str) -> tuple[Checked, Locator | None]:
    checked, locator = check_rubric_structure(raw, file)
    if checked.model is None or locator is None:
        return checked, locator
    # Reachability is only meaningful once the rubric hangs together.
    found = [locator.problem(loc, msg, sev) for loc, msg, sev in reachability(checked.model)]
    if not found:
        return checked, locator
    problems = sorted_problems([*checked.problems, *found])
    usable = not any(p.severity == "error" for p in problems)
    return Checked(file, "rubric", checked.model if usable else None, problems), locator


def _add_lint(checked: Checked, locator: Locator | None,
              others: Mapping[str, Rubric]) -> Checked:
    if checked.model is None or locator is None or not checked.ok:
        return checked
    found = [locator.problem(loc, msg, sev)
             for loc, msg, sev in lint_rubric(checked.model, others)]
    checked.problems = sorted_problems([*checked.problems, *found])
    return checked


def check_rubric_bytes(raw: bytes, file: str, *, lint: bool = False,
                       others: Mapping[str, Rubric] | None = None) -> Checked:
    """Every problem of a rubric file; the rubric itself only when it has no error.

    With `lint`, also the warnings of a rubric that is usable but scores badly; `others` are
    rubrics (by id) among which the original of a translation is looked for.
    """
    checked, locator = _check_rubric(raw, file)
    return _add_lint(checked, locator, others or {}) if lint else checked


def load_rubric(path: str | FsPath) -> Rubric:
    """Load and check one rubric file; raise `LoadError` with every problem found."""
    checked = check_rubric_bytes(read_file(path), str(path))
    if not checked.ok:
        raise LoadError(checked.problems)
    return checked.model  # type: ignore[return-value]


@dataclass
class Catalog:
    """Every usable rubric in a folder, and the problems of those that are not."""

    rubrics: dict[str, Rubric]
    problems: list[Problem]
    files: dict[str, str] = field(default_factory=dict)  # rubric id → file
    # file → its problems, for a broken file whose last good version (`keep`) is used instead
    stale: dict[str, list[Problem]] = field(default_factory=dict)


def load_rubrics(folder: str | FsPath, keep: Mapping[str, Rubric] | None = None) -> Catalog:
    """Every rubric file in a folder, checked. `keep` maps a file to the rubric it last held
    when it was good: a file that is broken now is used as it was then (see `Catalog.stale`),
    so one bad edit never takes a rubric away from visitors."""
    rubrics: dict[str, Rubric] = {}
    files: dict[str, str] = {}
    problems: list[Problem] = []
    stale: dict[str, list[Problem]] = {}
    keep = keep or {}
    for path in sorted(FsPath(folder).glob("*.toml")):
        try:
            checked = check_rubric_bytes(read_file(path), str(path))
            found = checked.problems
        except LoadError as exc:
            checked, found = None, exc.problems
        problems += found
        if checked is None or not checked.ok:
            if str(path) not in keep:
                continue
            stale[str(path)] = [p for p in found if p.severity == "error"]
            rubric = keep[str(path)]
        else:
            rubric = checked.model
        if rubric.id in rubrics:
            problems.append(Problem(
                str(path),
                f"rubric id '{rubric.id}' is already used by {files[rubric.id]}; "
                "each rubric needs its own id",
                key="rubric.id",
            ))
            continue
        rubrics[rubric.id] = rubric
        files[rubric.id] = str(path)
    return Catalog(rubrics, problems, files, stale)


def check_paths(paths: Sequence[str | FsPath],
                rubrics_dir: str | FsPath | None = None) -> list[Checked]:
    """Check rubric, work and gallery files (folders are searched for *.toml), reporting
    everything.

    Rubrics are checked first, so that work files can be checked against them; a work whose
    rubric is not among the files is checked against the rubric with its id in `rubrics_dir`
    (the deployment's rubrics/), and is an error when there is none. Gallery configs are
    checked after the rubrics, with their catalogues (each catalogue work is reported once,
    with the checks only a catalogue has); then the remaining work files.
    """
    files: list[FsPath] = []
    missing: list[Checked] = []
    for p in map(FsPath, paths):
        if p.is_dir():
            files += sorted(p.rglob("*.toml"))
        elif p.exists():
            files.append(p)
        else:
            missing.append(Checked(str(p), "unknown", None, [Problem(str(p), "no such file")]))
    raws: dict[FsPath, bytes | Checked] = {}
    for f in dict.fromkeys(files):
        try:
            raws[f] = read_file(f)
        except LoadError as exc:
            raws[f] = Checked(str(f), "unknown", None, exc.problems)
    results: list[Checked] = []
    rubrics: dict[str, Rubric] = {}
    located: list[tuple[Checked, Locator | None]] = []
    for f, raw in raws.items():
        if isinstance(raw, bytes) and kind_of(raw) == "rubric":
            checked, locator = _check_rubric(raw, str(f))
            if checked.ok:
                rubrics.setdefault(checked.model.id, checked.model)
            located.append((checked, locator))
    # Lint once every rubric is known, so that a translation finds its original.
    results += [_add_lint(checked, locator, rubrics) for checked, locator in located]
    folder = _RubricFolder(rubrics_dir)
    covered: set[FsPath] = set()
    for f, raw in raws.items():
        if isinstance(raw, bytes) and kind_of(raw) == "gallery":
            checked, works = check_gallery_bytes(raw, str(f), rubrics)
            results.append(checked)
            for work in works:
                if FsPath(work.file).resolve() not in covered:
                    covered.add(FsPath(work.file).resolve())
                    results.append(work)
    for f, raw in raws.items():
        if FsPath(f).resolve() in covered:
            continue
        if isinstance(raw, Checked):
            results.append(raw)
        elif kind_of(raw) == "work":
            checked = check_work_bytes(raw, str(f), rubrics)
            if _wants_rubric(checked):
                checked = check_work_bytes(raw, str(f), {**folder.rubrics, **rubrics},
                                           searched=folder.searched)
            results.append(checked)
        elif kind_of(raw) == "unknown":
            try:
                parse_toml(raw, str(f))
                problem = Problem(
                    str(f),
                    "neither a rubric (it has no [rubric] table), a work file "
                    "(it has no [assessment] table) nor a gallery config (it has no "
                    "[gallery] table)",
                    1, 1,
                )
                results.append(Checked(str(f), "unknown", None, [problem]))
            except LoadError as exc:
                results.append(Checked(str(f), "unknown", None, exc.problems))
    return missing + sorted(results, key=lambda c: c.file)


def _wants_rubric(checked: Checked) -> bool:
    """Whether a work file failed because its rubric is not known."""
    return any(p.key == "assessment.rubric" and p.severity == "error" for p in checked.problems)


class _RubricFolder:
    """The rubrics of a folder, loaded the first time a work needs one."""

    def __init__(self, folder: str | FsPath | None) -> None:
        self.folder = FsPath(folder) if folder is not None else None
        self._rubrics: dict[str, Rubric] | None = None

    @property
    def searched(self) -> str:
        where = "among the files checked"
        return f"{where} or in {self.folder}/" if self.folder is not None else where

    @property
    def rubrics(self) -> dict[str, Rubric]:
        if self._rubrics is None:
            usable = self.folder is not None and self.folder.is_dir()
            self._rubrics = load_rubrics(self.folder).rubrics if usable else {}
        return self._rubrics


def load_work_and_rubric(path: str | FsPath, rubrics_dir: str | FsPath) -> tuple[Work, Rubric]:
    """A work file and its rubric, found by its id in `rubrics_dir`; `LoadError` with every
    problem otherwise."""
    folder = _RubricFolder(rubrics_dir)
    checked = check_work_bytes(read_file(path), str(path), folder.rubrics,
                               searched=f"in {rubrics_dir}/")
    if not checked.ok:
        raise LoadError(checked.problems)
    work: Work = checked.model  # type: ignore[assignment]
    return work, folder.rubrics[work.assessment.rubric]
