"""Scoring: a rubric plus a collector's answers become a place on two spectra.

Everything that affects a placement lives in the rubric; this module only interprets it.

Theory of operation. On each axis, every question *shown* to the collector that can move that
axis at all gets a share of the axis proportional to its weight. An answered question moves
the work by its share times the chosen option's effect (for a multiple-choice question, the
chosen effects add up, capped at ±1). An unanswered or "Not sure" question does not move the
work; instead it widens the **interval**: the stretch the point could still move to once that
question is answered (or left open). So "Not sure" never fakes precision: all-unsure is the
neutral centre with the widest box, and a fully answered questionnaire has no box at all.
An answer that `leaves_open` an axis ("contested, can't tell yet") is an answer, but on that
axis it counts exactly like "Not sure": no movement, full width.
A question hidden by an unmet `show_if` counts for nothing: no share, no movement, no width.
Sums run in the rubric's question order, so the order answers were given in never matters.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from collector_guide.rubric import NOT_SURE, Condition, Question, Rubric, effect_range, moves


@dataclass(frozen=True)
class Contribution:
    """How one answer moved the work: a signed shift per axis."""

    question_id: str
    option_ids: tuple[str, ...]
    shifts: dict[str, float]
    evidence: tuple[str, ...]
    # option id → axis → its part of the shift (the parts add up to `shifts`)
    option_shifts: dict[str, dict[str, float]] = field(default_factory=dict)

    @property
    def magnitude(self) -> float:
        return sum(abs(v) for v in self.shifts.values())


@dataclass(frozen=True)
class AxisPlacement:
    axis_id: str
    value: float
    low: float  # the interval the value could still move to
    high: float
    band: str

    @property
    def width(self) -> float:
        return self.high - self.low


@dataclass(frozen=True)
class Placement:
    """Where a work sits, how sure that is, and why."""

    axes: dict[str, AxisPlacement]
    contributions: tuple[Contribution, ...]  # strongest first; answered questions only
    archetypes: tuple[tuple[str, float], ...]  # (archetype id, distance), nearest first
    cautions: tuple[str, ...]  # triggered caution ids, in rubric order
    shown: tuple[str, ...]  # question ids shown to the collector, in rubric order
    unsure: tuple[str, ...]  # shown but "Not sure" or unanswered, most consequential first
    answers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    contested: tuple[str, ...] = ()  # answered with an answer that leaves some axis open
    # axis → the shown questions still open on it (unsure, unanswered or left open),
    # most consequential first
    open_on: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def nearest_archetype(self) -> str:
        return self.archetypes[0][0]

    @property
    def point(self) -> tuple[float, ...]:
        return tuple(p.value for p in self.axes.values())


@dataclass(frozen=True)
class _Prepared:
    """What scoring needs to know about one question, worked out once per rubric."""

    question: Question
    valid: frozenset[str]
    order: tuple[str, ...]
    exclusive: frozenset[str]  # "none of these": dropped when given with other answers
    effects: dict[str, dict[str, float]]  # axis → option → effect (only axes it moves)
    ranges: dict[str, tuple[float, float]]  # axis → (lowest, highest) effect of any answer
    opens: dict[str, frozenset[str]]  # axis → the options that leave it open


def _prepare(rubric: Rubric) -> tuple[_Prepared, ...]:
    def one(q: Question) -> _Prepared:
        effects = {
            a.id: {o.id: o.effects.get(a.id, 0.0) for o in q.options}
            for a in rubric.axes
            if moves(q, a.id)
        }
        return _Prepared(
            question=q,
            valid=frozenset(o.id for o in q.options),
            order=tuple(o.id for o in q.options),
            exclusive=frozenset(o.id for o in q.options if o.exclusive),
            effects=effects,
            ranges={a: effect_range(q, a) for a in effects},
            opens={a: frozenset(o.id for o in q.options if a in o.leaves_open) for a in effects},
        )

    return rubric.cached("scoring", lambda: tuple(one(q) for q in rubric.questions))


def _chosen(answers: Mapping[str, object], question: Question, valid: frozenset[str],
            order: tuple[str, ...], exclusive: frozenset[str] = frozenset()
            ) -> tuple[str, ...] | None:
    """The valid option ids chosen for a question, or None when it is unsure or unanswered.

    Anything that is not an option of the question is ignored: scoring never fails on a stale
    or tampered answer (the loader reports those; the app keeps what it can). A "none of these"
    given together with other answers contradicts them: the specific answers count.
    """
    raw = answers.get(question.id)
    if raw is None or raw == NOT_SURE:
        return None
    ids = [raw] if isinstance(raw, str) else list(raw) if isinstance(raw, (list, tuple)) else []
    picked = [o for o in ids if isinstance(o, str) and o in valid]
    if not picked:  # an empty choice is no answer: it stays open, like "Not sure"
        return None
    if question.kind != "multiple":
        return (picked[0],)
    if exclusive and any(o not in exclusive for o in picked):
        picked = [o for o in picked if o not in exclusive]
    return tuple(o for o in order if o in picked)  # rubric order, no repeats


def _holds(condition: Condition, picks: Mapping[str, tuple[str, ...] | None]) -> bool:
    if condition.question not in picks:  # not shown: a hidden question satisfies nothing
        return False
    answer = picks[condition.question]
    if answer is None:
        return NOT_SURE in condition.any_of
    return any(a in condition.any_of for a in answer)


def holds(condition: Condition, placement: Placement) -> bool:
    """Whether a condition holds for a placement's answers (as for `show_if` and cautions)."""
    if condition.question not in placement.shown:
        return False
    answer = placement.answers.get(condition.question)
    if answer is None:
        return NOT_SURE in condition.any_of
    return any(a in condition.any_of for a in answer)


def shown_questions(
    rubric: Rubric, answers: Mapping[str, object]
) -> dict[str, tuple[str, ...] | None]:
    """Question id → chosen options (None if unsure), for every question currently shown."""
    picks: dict[str, tuple[str, ...] | None] = {}
    for prep in _prepare(rubric):  # conditions refer only to earlier questions
        q = prep.question
        if not q.show_if or all(_holds(c, picks) for c in q.show_if):
            picks[q.id] = _chosen(answers, q, prep.valid, prep.order, prep.exclusive)
    return picks


def answer_key(rubric: Rubric, answers: Mapping[str, object]) -> tuple:
    """The answers as far as a placement can tell them apart, as a hashable key: each shown
    question, in rubric order, with the options chosen (rubric order, each once) or None when
    it is open. `assess` reads answers only through `shown_questions`, so equal keys mean equal
    placements; and the key *is* those shown answers, so different ones never share a key
    (tests/test_cache_keys.py holds both). Caches of anything drawn from a placement use it."""
    return tuple(shown_questions(rubric, answers).items())


def band_label(rubric: Rubric, axis_id: str, value: float) -> str:
    bands = rubric.bands_of(axis_id)
    for band in bands:
        if band.from_ <= value < band.to:
            return band.label
    return bands[-1].label if bands and value >= bands[-1].to else (bands[0].label if bands else "")


def _clamp(value: float) -> float:
    # Rounding keeps results identical however the floating-point sums were grouped.
    return max(-1.0, min(1.0, round(value, 9)))


def assess(rubric: Rubric, answers: Mapping[str, object]) -> Placement:
    """Place a work on the rubric's two spectra. Pure: same answers, same placement."""
    picks = shown_questions(rubric, answers)
    shown = [p for p in _prepare(rubric) if p.question.id in picks]
    axes: dict[str, AxisPlacement] = {}
    shifts: dict[str, dict[str, float]] = {p.question.id: {} for p in shown}
    parts: dict[str, dict[str, dict[str, float]]] = {p.question.id: {} for p in shown}
    open_on: dict[str, list[tuple[float, str]]] = {}
    for axis in rubric.axes:
        movers = [p for p in shown if axis.id in p.effects]
        total_weight = sum(p.question.weight for p in movers)
        value = low = high = 0.0
        open_here: list[tuple[float, str]] = []
        for p in movers:
            share = p.question.weight / total_weight
            picked = picks[p.question.id]
            if picked is None or any(o in p.opens[axis.id] for o in picked):
                lo_e, hi_e = p.ranges[axis.id]
                low += share * min(0.0, lo_e)
                high += share * max(0.0, hi_e)
                open_here.append((share * (max(0.0, hi_e) - min(0.0, lo_e)), p.question.id))
            else:
                per_option = p.effects[axis.id]
                raw = sum(per_option[o] for o in picked)
                e = max(-1.0, min(1.0, raw))
                shift = share * e
                shifts[p.question.id][axis.id] = shift
                scale = e / raw if raw else 0.0  # a capped sum scales every part alike
                for o in picked:
                    if per_option[o]:
                        parts[p.question.id].setdefault(o, {})[axis.id] = round(
                            share * per_option[o] * scale, 9)
                value += shift
        value = _clamp(value)
        open_here.sort(key=lambda pair: -pair[0])  # stable: ties keep rubric order
        open_on[axis.id] = [qid for _, qid in open_here]
        axes[axis.id] = AxisPlacement(
            axis_id=axis.id,
            value=value,
            low=_clamp(value + low),
            high=_clamp(value + high),
            band=band_label(rubric, axis.id, value),
        )

    contributions = [
        Contribution(
            question_id=p.question.id,
            option_ids=picks[p.question.id] or (),
            shifts={a: round(v, 9) for a, v in shifts[p.question.id].items()},
            evidence=_evidence(p.question, picks[p.question.id] or ()),
            option_shifts=parts[p.question.id],
        )
        for p in shown
        if picks[p.question.id] is not None
    ]
    contributions.sort(key=lambda c: -c.magnitude)  # stable: ties keep rubric order

    point = [axes[a.id].value for a in rubric.axes]
    distances = sorted(
        (
            (arch.id, round(math.dist(point, [arch.at.get(a.id, 0.0) for a in rubric.axes]), 9))
            for arch in rubric.archetypes
        ),
        key=lambda pair: pair[1],
    )
    cautions = tuple(
        c.id for c in rubric.cautions if all(_holds(cond, picks) for cond in c.conditions)
    )
    unsure = [p.question for p in shown if picks[p.question.id] is None]
    if unsure:
        potential = _potentials(rubric, shown)
        unsure.sort(key=lambda q: -potential[q.id])  # stable: ties keep rubric order
    return Placement(
        axes=axes,
        contributions=tuple(contributions),
        archetypes=tuple(distances),
        cautions=cautions,
        shown=tuple(picks),
        unsure=tuple(q.id for q in unsure),
        answers={qid: picked for qid, picked in picks.items() if picked is not None},
        contested=tuple(
            p.question.id for p in shown
            if picks[p.question.id] and any(o in opened for opened in p.opens.values()
                                            for o in picks[p.question.id])
        ),
        open_on={a: tuple(ids) for a, ids in open_on.items()},
    )


def _evidence(question: Question, picked: Sequence[str]) -> tuple[str, ...]:
    """What to cite for an answer: the chosen options that moved the work most, strongest first
    (all chosen options when none moved it)."""
    options = [o for o in question.options if o.id in picked]
    strength = {o.id: sum(abs(v) for v in o.effects.values()) for o in options}
    moving = sorted((o for o in options if strength[o.id]), key=lambda o: -strength[o.id])
    return tuple(o.evidence for o in (moving or options))


def _potentials(rubric: Rubric, shown: Sequence[_Prepared]) -> dict[str, float]:
    """How far answering each shown question could move the work, summed over the axes."""
    weights = {
        a.id: sum(p.question.weight for p in shown if a.id in p.effects) for a in rubric.axes
    }
    return {
        p.question.id: sum(
            p.question.weight / weights[a] * (max(0.0, hi) - min(0.0, lo))
            for a, (lo, hi) in p.ranges.items()
        )
        for p in shown
    }
