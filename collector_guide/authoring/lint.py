"""Lint: warnings about a rubric that is valid yet scores badly, each saying how to fix it.

Every rule reasons over all combinations of answers (`collector_guide.authoring.region`), so
it sees what `show_if` hides and never guesses from a sample: a rule that claims "never" has
shown it, and says nothing when the answers are too many to be sure. `lint` yields `(key path,
message, "warning")` like the structural checks; `collector-guide check` prints them, and
`--strict` makes them errors. Lint is not run when the app loads its rubrics: only by `check`
(and the studio). `RULES` documents each rule; docs/rubric-format.md lists them.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from collector_guide.assess.scoring import assess
from collector_guide.authoring.geometry import cell, in_cell
from collector_guide.authoring.parity import parity
from collector_guide.authoring.region import Region, answers_of, enumerate_scenarios, region_of
from collector_guide.rubric.checks import EPSILON, Found
from collector_guide.rubric.models import Condition, Rubric, moves

POLE_REACH = 0.5  # a pole is "in reach" when some answers get at least halfway to it
OFF_CENTRE = 0.25  # how far from the all-"Not sure" point the reachable places' centre may sit


@dataclass(frozen=True)
class Rule:
    name: str
    catches: str
    fix: str


RULES = (
    Rule("axis never moves", "no answers that can be shown move the work on a spectrum "
         "(the questions that would are never asked)", "check the `show_if` of those questions"),
    Rule("axis moves one way", "answers can push the work toward one pole of a spectrum but "
         "never toward the other", "give some answers an effect toward the other pole"),
    Rule("pole out of reach", "no answers get a work even halfway to one pole",
         "strengthen the effects toward that pole, or weigh those questions more"),
    Rule("unbalanced", "the centre of the places the answers reach (where a visitor who picks "
         "every answer at random lands on average) sits a quarter of the way or more toward "
         "one pole from where \"Not sure\" to everything sits",
         "strengthen the effects toward the other pole, or soften those toward this one"),
    Rule("same effects", "every answer to a question moves the work the same way, so which "
         "one a visitor picks makes no difference", "give each answer the effect it deserves"),
    Rule("near-duplicate answers", "two answers to a question (or their evidence phrases) "
         "read almost the same", "say what sets them apart, or merge them"),
    Rule("thin help", "a help text that only repeats the question or is a placeholder; an "
         "archetype without the one-line summary most others have",
         "say why the answer matters and what to look for"),
    Rule("caution never shown", "no combination of answers meets all of a caution's "
         "conditions", "change its `when` conditions"),
    Rule("question never asked", "no combination of answers meets a question's `show_if`",
         "change the `show_if`, or remove the question"),
    Rule("answer never matters", "no answer to a question can change which archetype is "
         "nearest", "place the archetypes so that the question's answers separate them"),
    Rule("translation differs", "a translation (`translation_of`) lacks ids of its original, "
         "adds new ones, or scores differently", "make it match the original, id for id"),
)


def lint(r: Rubric, others: Mapping[str, Rubric] | None = None) -> list[Found]:
    """Every lint warning of a rubric that passed its checks; `others` are the rubrics checked
    with it (by id), among which a translation's original is looked for."""
    region = region_of(r)
    found: list[Found] = []
    for rule in (_axes, _same_effects, _near_duplicates, _thin_help, _never_asked,
                 _cautions, _answer_never_matters):
        found += rule(region)
    if r.rubric.translation_of:
        found += _translation(r, others or {})
    return found


def _axes(region: Region) -> Iterator[Found]:
    r = region.rubric
    neutral = assess(r, {})
    for x, axis in enumerate(r.axes):
        movers = [q.id for q in r.questions if moves(q, axis.id)]
        if not movers:
            continue  # an error already (checks._effects)
        low, high = region.axis_range(x)
        loc = ("axes", x)
        if high - low <= EPSILON:
            yield (loc, f"no answers move the work on this spectrum: the questions that "
                   f"would ({', '.join(movers)}) are never asked; check their show_if",
                   "warning")
        elif low >= -EPSILON or high <= EPSILON:
            toward, away, reach = ((axis.high, axis.low, high) if low >= -EPSILON
                                   else (axis.low, axis.high, low))
            sign = "negative" if low >= -EPSILON else "positive"
            yield (loc, f"answers can move the work only toward '{toward}' on this spectrum "
                   f"(as far as {reach:+.2f}), never toward '{away}': give some answers a "
                   f"{sign} effect on '{axis.id}'", "warning")
        else:
            short = [(pole, reach, key) for pole, reach, key in
                     ((axis.low, low, "low"), (axis.high, high, "high"))
                     if abs(reach) < POLE_REACH - EPSILON]
            for pole, reach, key in short:
                yield ((*loc, key), f"the furthest any answers place a work toward '{pole}' is "
                       f"{reach:+.2f}, not even halfway to that pole: strengthen the effects "
                       "toward it, or give the questions that have them more weight",
                       "warning")
            point, centre = neutral.axes[axis.id].value, region.centre(x)
            if not short and abs(centre - point) > OFF_CENTRE + EPSILON:
                strong, weak = (axis.high, axis.low) if centre > point else (axis.low, axis.high)
                yield (loc, f"unbalanced: a visitor who picks every answer at random lands on "
                       f"average at {centre:+.2f} on this spectrum, far from where \"Not sure\" "
                       f"to everything sits ({point:+.2f}): the answers pull harder toward "
                       f"'{strong}'; strengthen the effects toward '{weak}' or soften the "
                       "others", "warning")


def _effects_words(effects: dict[str, float]) -> str:
    return ", ".join(f"{a} {v:+.2f}" for a, v in effects.items()) or "none"


def _same_effects(region: Region) -> Iterator[Found]:
    for qi, q in enumerate(region.rubric.questions):
        # Answers that leave the question open ("contested") are meant to move nothing.
        kept = [{a: v for a, v in o.effects.items() if v} for o in q.options if not o.leaves_open]
        if len(kept) > 1 and kept[0] and all(k == kept[0] for k in kept[1:]):
            yield (("questions", qi, "options"), f"every answer moves the work the same way "
                   f"({_effects_words(kept[0])}), so which one a visitor picks makes no "
                   "difference: give each answer the effect it deserves", "warning")


def _plain(text: str) -> str:
    words = re.sub(r"[^\w]+", " ", text.lower()).split()
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words
                    if w not in ("a", "an", "the"))


def _alike(a: str, b: str) -> bool:
    pa, pb = _plain(a), _plain(b)
    if pa == pb:
        return True
    shorter, total = min(len(pa), len(pb)), len(pa) + len(pb)
    if shorter < 12 or 2 * shorter / total < 0.92:  # the most any two such texts can share
        return False
    matcher = difflib.SequenceMatcher(None, pa, pb, autojunk=False)
    return matcher.quick_ratio() >= 0.92 and matcher.ratio() >= 0.92


def _near_duplicates(region: Region) -> Iterator[Found]:
    for qi, q in enumerate(region.rubric.questions):
        for oi, option in enumerate(q.options):
            for earlier in q.options[:oi]:
                if _alike(option.label, earlier.label):
                    yield (("questions", qi, "options", oi, "label"), f"reads almost the same "
                           f"as the answer '{earlier.id}' (\u201c{earlier.label}\u201d): a "
                           "visitor cannot tell them apart; say what sets them apart, or "
                           "merge the two", "warning")
                    break
                if _alike(option.evidence, earlier.evidence):
                    yield (("questions", qi, "options", oi, "evidence"), f"says almost the same "
                           f"as the evidence of '{earlier.id}' (\u201c{earlier.evidence}\u201d): "
                           "the reading would cite the two answers alike; say what each one "
                           "shows", "warning")
                    break


_PLACEHOLDER = re.compile(r"^\W*(todo|tbd|fixme|xxx+|lorem\b.*|help|\?+|\.\.\.|…)\W*$", re.I)


def _thin_help(region: Region) -> Iterator[Found]:
    r = region.rubric
    for qi, q in enumerate(r.questions):
        loc = ("questions", qi, "help")
        if _PLACEHOLDER.match(q.help) or len(_plain(q.help).split()) < 3:
            yield (loc, f"the help text (\u201c{q.help}\u201d) says nothing yet: in a sentence or "
                   "two, say why the answer matters and what to look for", "warning")
        elif _alike(q.help, q.prompt) or _plain(q.help) in _plain(q.prompt):
            yield (loc, "the help text only repeats the question: say why the answer matters "
                   "and what to look for, in a sentence or two", "warning")
    with_summary = [a for a in r.archetypes if a.summary]
    if 2 * len(with_summary) >= len(r.archetypes):  # most have one: the others were forgotten
        for ai, arch in enumerate(r.archetypes):
            if not arch.summary:
                yield (("archetypes", ai), f"has no summary, though {len(with_summary)} of the "
                       f"{len(r.archetypes)} archetypes have one: the map explains each "
                       'archetype in one line; add summary = "…"', "warning")


def _why_never(region: Region, conditions: list[Condition]) -> str:
    """Why a set of conditions can never all hold, in a clause."""
    r = region.rubric
    asked = {i for s in region.scenarios for i in s.shown}
    index = {q.id: i for i, q in reversed(list(enumerate(r.questions)))}
    for c in conditions:
        if index.get(c.question) not in asked:
            return f"'{c.question}' is itself never asked"
    for k, c in enumerate(conditions):
        q = r.questions[index[c.question]]
        for d in conditions[k + 1:]:
            if d.question == c.question and q.kind != "multiple" and not (
                    set(c.any_of) & set(d.any_of)):
                return (f"'{q.id}' takes one answer, so it cannot be both one of "
                        f"{', '.join(c.any_of)} and one of {', '.join(d.any_of)}")
    for c in conditions:
        if not _can_hold(region, [c]):
            return f"when '{c.question}' is asked, it never gets one of {', '.join(c.any_of)}"
    names = ", ".join(dict.fromkeys(f"'{c.question}'" for c in conditions))
    return f"the answers to {names} it needs are never given together"


def _can_hold(region: Region, conditions: list[Condition]) -> bool | None:
    """Whether some answers meet every condition (None when there are too many to tell)."""
    r = region.rubric
    looking = [*conditions, *(c for q in r.questions for c in q.conditions)]
    watched = {c.question for c in conditions}
    answers = [answers_of(q, region.axes, [c for c in looking if c.question == q.id])
               if q.id in watched else a for q, a in zip(r.questions, region.answers, strict=True)]
    scenarios, complete = enumerate_scenarios(r, answers, conditions)
    if any(all(s.holds[id(c)] for c in conditions) for s in scenarios):
        return True
    return False if complete else None


def _never_asked(region: Region) -> Iterator[Found]:
    if not region.complete:
        return
    asked = {i for s in region.scenarios for i in s.shown}
    for qi, q in enumerate(region.rubric.questions):
        if q.show_if and qi not in asked:
            yield (("questions", qi, "show_if"), "this question is never asked: no answers "
                   f"meet its show_if ({_why_never(region, q.conditions)}); change the "
                   "condition, or remove the question", "warning")


def _cautions(region: Region) -> Iterator[Found]:
    for ci, caution in enumerate(region.rubric.cautions):
        if _can_hold(region, caution.conditions) is False:
            yield (("cautions", ci, "when"), "no answers can bring this caution up: "
                   f"{_why_never(region, caution.conditions)}; change its when conditions "
                   "so that some answers meet them all", "warning")


def _answer_never_matters(region: Region) -> Iterator[Found]:
    r = region.rubric
    if len(r.archetypes) < 2 or not region.complete:
        return
    looked_at = {c.question for q in r.questions for c in q.conditions}
    hits = [[k for k in range(len(region.at)) if in_cell(reach.hull, cell(region.at, k))]
            for reach in region.reaches]
    if len({k for h in hits for k in h}) < 2:
        return  # only one archetype in reach: an error already
    for qi, q in enumerate(r.questions):
        shown_in = [n for n, reach in enumerate(region.reaches) if qi in reach.terms]
        if not shown_in or q.id in looked_at or not any(moves(q, a) for a in region.axes):
            continue
        if all(_parallel(region, region.reaches[n].terms[qi], hits[n]) for n in shown_in):
            moved = [a for a in r.axes if moves(q, a.id)]
            if len(moved) == 1:
                other = next(a for a in r.axes if a.id != moved[0].id)
                how = (f"it moves the work only on '{moved[0].id}', and the archetypes a work "
                       f"can be near differ only on '{other.id}'; set them apart on "
                       f"'{moved[0].id}' as well, or let the answers move '{other.id}'")
            else:
                how = ("its answers move the work only along a line that the borders between "
                       "the archetypes run parallel to; place the archetypes so that its "
                       "answers separate them")
            yield (("questions", qi), "no answer to this question can change which archetype "
                   f"is nearest: {how}", "warning")


def _parallel(region: Region, terms, reached: list[int]) -> bool:
    """Whether every shift this question's answers make runs along every border between the
    archetypes in reach (so no answer can carry the work across one)."""
    for j in reached:
        for k in reached:
            if j < k:
                n = (region.at[k][0] - region.at[j][0], region.at[k][1] - region.at[j][1])
                along = [n[0] * v[0] + n[1] * v[1] for _, v in terms]
                if max(along) - min(along) > 1e-12:
                    return False
    return True


def _translation(r: Rubric, others: Mapping[str, Rubric]) -> list[Found]:
    source = others.get(r.rubric.translation_of or "")
    if source is None or source is r:
        known = ", ".join(sorted(i for i in others if i != r.id)) or "none"
        return [(("rubric", "translation_of"), f"translates '{r.rubric.translation_of}', but no "
                 "rubric with that id was checked with it (the others checked: "
                 f"{known}); check both together, for example `collector-guide check rubrics/`",
                 "warning")]
    return parity(r, source)
