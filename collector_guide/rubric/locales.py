"""The interface's words in each language: `collector_guide/locales/<language>.toml`.

Each locale file holds a `[labels]` table with every `Labels` field (the English one,
`en.toml`, is where the labels' defaults come from), the language's own name for the switch,
and how it writes numbers. A rubric in a language with a locale file starts from that file's
labels; its own `[labels]` still override them. Adding a Labels field means adding its English
to `en.toml` (and, ideally, its words to every other locale: a test lists what is missing).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

DEFAULT_LANGUAGE = "en"
_TAG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


@dataclass(frozen=True)
class Locale:
    """One locale file, read: its language tag, name, labels and number conventions."""

    language: str
    name: str
    labels: dict[str, str]
    decimal: str = "."
    minus: str = "-"
    group: str = ","


def _folder():
    return files("collector_guide") / "locales"


@cache
def available() -> tuple[str, ...]:
    """The language tags that have a locale file, English first."""
    tags = sorted(p.name[:-5] for p in _folder().iterdir() if p.name.endswith(".toml"))
    return tuple(sorted(tags, key=lambda t: t != DEFAULT_LANGUAGE))


@cache
def locale(language: str) -> Locale:
    """The locale for a language tag: its own file, else its base language's ("de-AT" →
    "de"), else English."""
    tag = match(language) or DEFAULT_LANGUAGE
    data = tomllib.loads((_folder() / f"{tag}.toml").read_text(encoding="utf-8"))
    number = data.get("number", {})
    return Locale(
        language=tag,
        name=data["language"]["name"],
        labels=dict(data["labels"]),
        decimal=number.get("decimal", "."),
        minus=number.get("minus", "-"),
        group=number.get("group", ","),
    )


def match(language: str | None) -> str | None:
    """The locale tag that serves a language tag (case-insensitive, falling back to its base
    language), or None when no locale file serves it."""
    if not language or not _TAG.match(language):
        return None
    tags = {t.lower(): t for t in available()}
    parts = language.lower().split("-")
    for n in range(len(parts), 0, -1):
        if "-".join(parts[:n]) in tags:
            return tags["-".join(parts[:n])]
    return None


def language_name(language: str) -> str:
    """A language's name in itself ("Deutsch"), from its locale file; else its tag."""
    tag = match(language)
    return locale(tag).name if tag is not None else language


def english() -> dict[str, str]:
    """The English labels: the defaults of every `Labels` field."""
    return locale(DEFAULT_LANGUAGE).labels


def preferred(accept_language: str | None, offered: list[str] | tuple[str, ...]) -> str | None:
    """The first language of an Accept-Language header (by its q weights) that one of the
    offered tags serves, as that offered tag; None when none does."""
    if not accept_language:
        return None
    weighted = []
    for index, part in enumerate(accept_language[:1000].split(",")[:32]):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if tag and q > 0:
            weighted.append((-q, index, tag.strip()))
    for _, _, tag in sorted(weighted):
        if tag == "*":
            continue
        parts = tag.lower().split("-")
        for n in range(len(parts), 0, -1):
            want = "-".join(parts[:n])
            for offer in offered:
                if offer.lower() == want or offer.lower().split("-")[0] == want:
                    return offer
    return None
