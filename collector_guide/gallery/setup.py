"""The gallery as the app uses it: its config checked, its files read, its catalogue loaded.

`load_site` never raises and never stops the app: with no config it returns the bundled
defaults; with a broken one, every key that fails is left at its default and each problem is
kept in `Site.problems` (the app logs them; `collector-guide check` prints them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from collector_guide.gallery.catalogue import Catalogue, CatalogueWork, load_catalogue
from collector_guide.photo.filetypes import sniff
from collector_guide.rubric.checks import Found
from collector_guide.rubric.gallery import (
    DEFAULT_BACKGROUND,
    MIN_CONTRAST,
    Gallery,
    contrast,
    legible_accent,
    text_on,
)
from collector_guide.rubric.loading import (
    Checked,
    check_gallery_structure,
    read_file,
    sorted_problems,
)
from collector_guide.rubric.models import Rubric
from collector_guide.rubric.problems import LoadError, Locator, Problem, did_you_mean, listing

ENV = "COLLECTOR_GUIDE_GALLERY"
MAX_LOGO_BYTES = 2_000_000
LOGO_KINDS = {"png": "image/png", "jpeg": "image/jpeg", "webp": "image/webp"}


@dataclass(frozen=True)
class Site:
    """One gallery's guide: who hosts it, how it looks, what it offers, and what was wrong."""

    config: Gallery = field(default_factory=Gallery)
    file: str | None = None
    accent: str | None = None  # legible on the background; None: the theme's own
    accent_text: str | None = None  # black or white, for text on the accent
    logo: bytes | None = None
    trust_anchors: str | None = None
    rubric_ids: tuple[str, ...] = ()  # the rubrics visitors may use, in the gallery's order
    default_rubric: str | None = None
    catalogue: Catalogue = field(default_factory=Catalogue)
    problems: tuple[Problem, ...] = ()

    @property
    def name(self) -> str | None:
        return self.config.gallery.name

    @property
    def works(self) -> dict[str, CatalogueWork]:
        return self.catalogue.works

    @property
    def show(self):
        return self.config.show


def load_site(path: str | Path | None, rubrics: dict[str, Rubric],
              background: str = DEFAULT_BACKGROUND) -> Site:
    """The gallery at `path` (a gallery.toml), or the bundled defaults when there is none."""
    if not path:
        return Site(rubric_ids=tuple(rubrics), default_rubric=None)
    try:
        raw = read_file(path)
    except LoadError as exc:
        return Site(file=str(path), rubric_ids=tuple(rubrics), problems=tuple(exc.problems))
    return site_from_bytes(raw, str(path), rubrics, background)


def check_gallery_bytes(raw: bytes, file: str, rubrics: dict[str, Rubric],
                        background: str = DEFAULT_BACKGROUND) -> tuple[Checked, list[Checked]]:
    """For `collector-guide check`: the config's own problems, and one result per catalogue
    work (whose problems name the work's file)."""
    site = site_from_bytes(raw, file, rubrics, background, checking=True)
    own = [p for p in site.problems if p.file == file]
    return Checked(file, "gallery", site.config, own), site.catalogue.checked


def site_from_bytes(raw: bytes, file: str, rubrics: dict[str, Rubric],
                    background: str = DEFAULT_BACKGROUND, checking: bool = False) -> Site:
    checked, locator = check_gallery_structure(raw, file)
    config: Gallery = checked.model  # always usable: bad keys are left at their defaults
    found: list[Found] = []
    folder = Path(file).parent
    info = config.gallery

    accent = accent_text = None
    if info.accent:
        accent = legible_accent(info.accent, background)
        accent_text = text_on(accent)
        if accent != info.accent:
            found.append((("gallery", "accent"),
                          f"'{info.accent}' stands out from the background ({background}) by "
                          f"only {contrast(info.accent, background):.1f}:1, too little to read "
                          f"(at least {MIN_CONTRAST}:1); the guide uses the nearest legible "
                          f"shade, '{accent}' ({contrast(accent, background):.1f}:1), instead",
                          "warning"))

    logo = _file(folder, info.logo, ("gallery", "logo"), found, _read_logo)
    anchors = _file(folder, info.trust_anchors, ("gallery", "trust_anchors"), found,
                    _read_anchors)
    rubric_ids, default = _rubric_choice(config, rubrics, found, checking)

    catalogue = Catalogue()
    if info.catalogue:
        where = _resolve(folder, info.catalogue)
        if where.is_dir():
            catalogue = load_catalogue(where, rubrics, rubric_ids if rubrics else ())
            if not catalogue.checked:
                found.append((("gallery", "catalogue"), f"the folder '{info.catalogue}' has no "
                              "work files (*.toml) yet", "warning"))
        else:
            found.append((("gallery", "catalogue"), f"there is no folder '{info.catalogue}' "
                          f"(looked in {where})", "error"))

    own = sorted_problems([*checked.problems,
                           *(_locate(locator, file, loc, msg, sev) for loc, msg, sev in found)])
    return Site(config, file, accent, accent_text, logo, anchors, rubric_ids, default, catalogue,
                tuple(own + catalogue.problems))


def _locate(locator: Locator | None, file: str, loc: tuple, message: str, severity) -> Problem:
    if locator is None:
        return Problem(file, message, key=".".join(map(str, loc)), severity=severity)
    return locator.problem(loc, message, severity)


def _resolve(folder: Path, name: str) -> Path:
    path = Path(name).expanduser()
    return path if path.is_absolute() else folder / path


def _file(folder: Path, name: str | None, loc: tuple, found: list[Found], read):
    if not name:
        return None
    try:
        return read(read_file(_resolve(folder, name)), name)
    except LoadError as exc:
        found.append((loc, f"'{name}': {exc.problems[0].message}", "error"))
    except ValueError as exc:
        found.append((loc, f"'{name}': {exc}", "error"))
    return None


def _read_logo(data: bytes, name: str) -> bytes:
    kind = sniff(data)
    if kind not in LOGO_KINDS:
        raise ValueError("a logo must be a PNG, JPEG or WebP image (an SVG can carry scripts, "
                         "so it is not accepted); export it as PNG")
    if len(data) > MAX_LOGO_BYTES:
        raise ValueError(f"the logo is {len(data) / 1e6:.1f} MB; keep it under "
                         f"{MAX_LOGO_BYTES / 1e6:.0f} MB, since every visitor's phone loads it")
    return data


def _read_anchors(data: bytes, name: str) -> str:
    text = data.decode("utf-8", "replace")
    if "-----BEGIN CERTIFICATE-----" not in text:
        raise ValueError("this is not a PEM file of certificates (no '-----BEGIN "
                         "CERTIFICATE-----' line)")
    return text


def _rubric_choice(config: Gallery, rubrics: dict[str, Rubric], found: list[Found],
                   checking: bool) -> tuple[tuple[str, ...], str | None]:
    """The rubrics visitors may use, and the one a new reading starts with."""
    choice = config.rubrics
    if not rubrics:
        if checking and (choice.allowed or choice.default):
            found.append((("rubrics",), "no rubrics were checked together with this gallery, so "
                          "its rubric choice could not be: name the rubrics folder too, as in "
                          "`collector-guide check rubrics/ gallery.toml`", "warning"))
        return tuple(choice.allowed), choice.default
    allowed = []
    for i, rid in enumerate(choice.allowed):
        if rid in rubrics:
            allowed.append(rid)
        else:
            found.append((("rubrics", "allowed", i), f"no rubric has the id '{rid}'; the "
                          f"rubrics are: {listing(rubrics)}." + did_you_mean(rid, rubrics),
                          "error"))
    ids = tuple(dict.fromkeys(allowed)) or tuple(rubrics)
    default = choice.default
    if default is not None and default not in ids:
        where = "among rubrics.allowed" if allowed else "among the rubrics"
        found.append((("rubrics", "default"), f"'{default}' is not {where} ({listing(ids)})."
                      + did_you_mean(default, ids), "error"))
        default = None
    if default is None:
        language = config.gallery.language.split("-")[0].lower()
        default = next((rid for rid in ids
                        if rubrics[rid].rubric.language.split("-")[0].lower() == language), None)
    return ids, default
