"""Translation parity: a translation must ask and score exactly what its original does.

A rubric with `translation_of = "<id>"` is a translation of the rubric with that id: every
word may differ, but not its ids, kinds, weights, effects, conditions, band limits or
archetype positions, so that a work placed in one language is placed the same in the other.
`parity` lists every difference as a warning on the translation's line that should change.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from collector_guide.rubric.checks import Found
from collector_guide.rubric.models import Condition, Rubric


def _conditions(conditions: Sequence[Condition]) -> list[tuple[str, tuple[str, ...]]]:
    return sorted((c.question, tuple(sorted(c.any_of))) for c in conditions)


def _shown(conditions: Sequence[Condition]) -> str:
    return "; ".join(f"{q} is {' or '.join(any_of)}" for q, any_of in _conditions(conditions))


def _number(value: float) -> str:
    return f"{value:+.2f}"


def _ids(where: tuple, mine: list[str], theirs: list[str], what: str,
         source: str) -> Iterator[Found]:
    for i, ident in enumerate(mine):
        if ident not in theirs:
            yield ((*where, i, "id"), f"the original '{source}' has no {what} '{ident}': remove "
                   "it here, or add it to the original first", "warning")
    missing = [ident for ident in theirs if ident not in mine]
    if missing:
        listed = ", ".join(f"'{m}'" for m in missing)
        yield (where, f"lacks the {what}{'s' if len(missing) > 1 else ''} {listed} of the "
               f"original '{source}': translate {'them' if len(missing) > 1 else 'it'} too",
               "warning")


def _differs(loc: tuple, what: str, theirs: str, mine: str, source: str) -> Found:
    return (loc, f"{what} differs from the original '{source}' ({theirs} there, {mine} here): "
            "a translation changes words, not how it scores", "warning")


def parity(r: Rubric, source: Rubric) -> list[Found]:
    """Every way in which translation `r` asks or scores differently from `source`."""
    s = source.id
    found: list[Found] = []
    if r.rubric.version != source.rubric.version:
        found.append((("rubric", "version"), f"the original '{s}' is at version "
                      f"{source.rubric.version} and this translation at {r.rubric.version}: "
                      "bring the translation up to date and give it the same version",
                      "warning"))
    for where, what in (("axes", "axis"), ("sections", "section"), ("questions", "question"),
                        ("archetypes", "archetype"), ("cautions", "caution")):
        found += _ids((where,), [x.id for x in getattr(r, where)],
                      [x.id for x in getattr(source, where)], what, s)
    found += _questions(r, source)
    theirs_at = {a.id: a for a in source.archetypes}
    for ai, arch in enumerate(r.archetypes):
        other = theirs_at.get(arch.id)
        if other and dict(other.at) != dict(arch.at):
            found.append(_differs(("archetypes", ai, "at"), "its place on the map",
                                  _at(other.at), _at(arch.at), s))
    theirs_when = {c.id: c for c in source.cautions}
    for ci, caution in enumerate(r.cautions):
        other = theirs_when.get(caution.id)
        if other and _conditions(other.conditions) != _conditions(caution.conditions):
            found.append(_differs(("cautions", ci, "when"), "when it is shown",
                                  _shown(other.conditions), _shown(caution.conditions), s))
    found += _bands(r, source)
    hints = sorted((h.category, h.suggest.question, tuple(h.suggest.any_of))
                   for h in source.evidence_hints)
    mine = sorted((h.category, h.suggest.question, tuple(h.suggest.any_of))
                  for h in r.evidence_hints)
    if hints != mine:
        found.append((("evidence_hints",), f"the evidence hints differ from the original "
                      f"'{s}' ({len(hints)} there, {len(mine)} here, or suggesting other "
                      "answers): copy them from the original, translating only the notes",
                      "warning"))
    return found


def _at(at: dict[str, float]) -> str:
    return ", ".join(f"{a} {_number(v)}" for a, v in at.items())


def _questions(r: Rubric, source: Rubric) -> Iterator[Found]:
    s = source.id
    for qi, q in enumerate(r.questions):
        other = source.question(q.id)
        if other is None:
            continue
        loc = ("questions", qi)
        for key, theirs, mine in (("section", other.section, q.section),
                                  ("kind", other.kind, q.kind),
                                  ("weight", other.weight, q.weight)):
            if theirs != mine:
                shown = (f"{theirs:g}", f"{mine:g}") if key == "weight" else (
                    f"'{theirs}'", f"'{mine}'")
                yield _differs((*loc, key), f"its {key}", *shown, s)
        if _conditions(other.conditions) != _conditions(q.conditions):
            yield _differs((*loc, "show_if") if q.show_if else loc, "when it is asked",
                           _shown(other.conditions) or "always",
                           _shown(q.conditions) or "always", s)
        yield from (((*loc, *sub), message, severity) for sub, message, severity in
                    _ids(("options",), [o.id for o in q.options],
                         [o.id for o in other.options], "answer", s))
        for oi, option in enumerate(q.options):
            twin = other.option(option.id)
            mine = {a: v for a, v in option.effects.items() if v}
            theirs = {a: v for a, v in twin.effects.items() if v} if twin else mine
            if theirs != mine:
                yield _differs((*loc, "options", oi, "effects"), "where this answer moves the "
                               "work", _at(theirs) or "nowhere", _at(mine) or "nowhere", s)


def _bands(r: Rubric, source: Rubric) -> Iterator[Found]:
    theirs = {(b.axis, b.from_, b.to) for b in source.bands}
    mine = {(b.axis, b.from_, b.to) for b in r.bands}
    for bi, band in enumerate(r.bands):
        if (band.axis, band.from_, band.to) not in theirs:
            yield (("bands", bi), f"the original '{source.id}' has no band on '{band.axis}' "
                   f"from {_number(band.from_)} to {_number(band.to)}: copy the limits of its "
                   "bands, translating only the labels", "warning")
    for axis, low, high in sorted(theirs - mine):
        yield (("bands",), f"lacks the band of the original '{source.id}' on '{axis}' from "
               f"{_number(low)} to {_number(high)}: translate it too", "warning")
