"""The written reading: a placement told in the rubric's own sentences, about this work.

Every word comes from the rubric (`[reading]`, bands, archetypes and their notes, options'
evidence, questions' topics, cautions, `ask_gallery`); this module only chooses which sentences
apply and fills their blanks. It is deterministic and pure, and it never grades the work.

Theory of operation. The main part has one paragraph per axis: where the work sits and the
answers that placed it there (strongest first), the answers that pull the other way, whether
that place is contested, and what is still open on that axis. Each *fact* is cited once, on
the axis it moved most (options that say the same thing share a `fact`, or the same evidence).
Then the nearest archetype, in words that hold for any work near it, with the first of its
notes whose answers hold. With too few answers the main part is one honest sentence instead.
The work is named by a marker that each rendering replaces with the name, escaped for it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from collector_guide.assess.scoring import Placement, holds
from collector_guide.rubric import Rubric, WorkInfo, moves

REASONS = 3  # answers cited for a place on an axis
MORE_REASONS = 3  # and, when there are more, in a second sentence
AGAINST = 2  # answers cited as pulling the other way
AGAINST_MIN = 0.04  # a pull smaller than this is not worth a sentence
BOTH_WAYS = 0.2  # strong answers both ways, this much each, make an axis contested
ACROSS = 0.1  # a box reaching this far on both sides of the middle makes it contested
TOO_FEW = 0.25  # below this share of the shown questions answered, say only that
MIN_ANSWERS = 2  # and one answer is never enough to read two axes by
OPEN_TOPICS = 3  # topics named in an "open" sentence
ASK_LIMIT = 6  # a collector at a viewing can ask a handful of questions, not twenty
EPSILON = 1e-9

MARK = "\ue000"  # the work's name, as typed; replaced by each rendering
MARK_CAP = "\ue001"  # the same with a capital first letter


@dataclass(frozen=True)
class SignedEvidence:
    signer: str
    meaning: str


@dataclass(frozen=True)
class Reason:
    """One answer cited on one axis."""

    question_id: str
    option_id: str
    evidence: str
    shift: float  # its part of the work's movement on the axis
    strength: float = 0.0  # how strongly it speaks: its share of the axis times its effect,
    # before a multiple-choice sum is capped (so a rich answer is not ranked below a thin one)


@dataclass(frozen=True)
class AxisReading:
    axis_id: str
    sentences: tuple[str, ...]  # may hold the work's marker: render through Reading
    reasons: tuple[Reason, ...]
    against: tuple[Reason, ...]
    contested: bool
    open: tuple[str, ...]  # question ids still open on this axis


@dataclass(frozen=True)
class Reading:
    work_name: str  # what the marker stands for: text the collector typed
    axes: tuple[AxisReading, ...]
    archetype_name: str
    archetype_sentence: str | None  # with its note; None when too few answers
    provisional: str | None  # when nothing is open
    brief: str | None  # instead of the axes and the archetype, when too few answers
    signed: tuple[str, ...]
    cautions: tuple[tuple[str, str], ...]  # (title, text)
    cautions_heading: str
    ask: tuple[str, ...]
    ask_heading: str
    ask_none: str
    closing: str | None

    def fill(self, text: str, escape: Callable[[str], str] = str) -> str:
        """A sentence with the work's name put in, escaped for where it is shown."""
        if MARK not in text and MARK_CAP not in text:
            return text
        name = self.work_name
        return text.replace(MARK, escape(name)).replace(MARK_CAP, escape(name[:1].upper()
                                                                          + name[1:]))

    def paragraphs(self, escape: Callable[[str], str] = str) -> tuple[str, ...]:
        """The main part: a paragraph per axis, the archetype, signed evidence, how firm it is.
        `escape` is applied to what came from outside the rubric (the name, the signer)."""
        signed = tuple(escape(s) for s in self.signed)  # they quote a file's signer
        if self.brief is not None:
            return (self.fill(self.brief, escape), *signed)
        parts = [self.fill(" ".join(a.sentences), escape) for a in self.axes]
        if self.archetype_sentence:
            parts.append(self.archetype_sentence)
        parts += signed
        if self.provisional:
            parts.append(self.provisional)
        return tuple(parts)

    @property
    def main_text(self) -> str:
        return " ".join(self.paragraphs())

    @property
    def placement_sentences(self) -> tuple[str, ...]:
        return tuple(self.fill(a.sentences[0]) for a in self.axes if a.sentences)


def fmt_value(value: float, decimal: str = ".") -> str:
    """A position as a collector reads it: signed, two decimals, a true minus sign, with the
    decimal mark of the rubric's language (`rubric.locale.decimal`: "−0,55" in German)."""
    text = f"{abs(value):.2f}".replace(".", decimal)
    if round(value, 2) == 0:
        return text
    return ("−" if value < 0 else "+") + text


def join_list(items: Sequence[str], and_word: str) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {and_word} {items[-1]}"


# --- naming the work ---------------------------------------------------------------------------


def _lower_first(text: str) -> str:
    # "Pigment print" reads "pigment print" mid-sentence; "AI film" keeps its capitals.
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _name(rubric: Rubric, work: WorkInfo | None) -> tuple[str, str]:
    """The work's name as a template holding the marker, and what the marker stands for."""
    text = rubric.reading
    title, series = (work.title.strip(), work.series.strip()) if work else ("", "")
    medium = work.medium.strip() if work else ""
    medium = medium.split(":")[0].split(";")[0].strip()
    if title:
        return text.work_title.format(title=MARK), title
    if series and text.work_series:
        return text.work_series.format(series=MARK), series
    if medium and text.work_medium:
        return text.work_medium.format(medium=MARK, medium_lower=MARK), _lower_first(medium)
    return text.work_unnamed, ""


def _capital(name: str) -> str:
    if name.startswith(MARK):
        return MARK_CAP + name[len(MARK):]
    return name[:1].upper() + name[1:]


# --- reasons -----------------------------------------------------------------------------------


def _candidates(rubric: Rubric, placement: Placement) -> dict[str, list[tuple[str, Reason]]]:
    """Axis → (fact, reason) for every answer counted on it, strongest first.

    An answer with no effect on an axis its question moves still counts there: it is part of
    why the work sits in the middle ("a composite of both").
    """
    out: dict[str, list[tuple[str, Reason]]] = {a.id: [] for a in rubric.axes}
    weights = {a.id: sum(rubric.question(q).weight for q in placement.shown
                         if moves(rubric.question(q), a.id)) for a in rubric.axes}
    for c in placement.contributions:
        q = rubric.question(c.question_id)
        for axis in rubric.axes:
            if axis.id not in c.shifts or not moves(q, axis.id):
                continue
            for oid in c.option_ids:
                option = q.option(oid)
                shift = c.option_shifts.get(oid, {}).get(axis.id, 0.0)
                if shift == 0.0 and option.effects.get(axis.id, 0.0) != 0.0:
                    continue  # capped away entirely
                fact = "fact:" + (option.fact or option.evidence)
                strength = round(q.weight / weights[axis.id] * option.effects.get(axis.id, 0.0), 9)
                out[axis.id].append((fact, Reason(q.id, oid, option.evidence, shift, strength)))
    for reasons in out.values():
        reasons.sort(key=lambda pair: -abs(pair[1].strength))  # stable: ties keep their order
    return out


def _owners(candidates: dict[str, list[tuple[str, Reason]]]) -> dict[str, str]:
    """Each fact belongs to the axis it moved most (the first axis on a tie)."""
    best: dict[str, tuple[float, str]] = {}
    for axis_id, reasons in candidates.items():
        for fact, r in reasons:
            if fact not in best or abs(r.strength) > best[fact][0] + EPSILON:
                best[fact] = (abs(r.strength), axis_id)
    return {fact: axis_id for fact, (_, axis_id) in best.items()}


def _pick(pairs: list[tuple[str, Reason]], limit: int, cited: set[str],
          section_of: dict[str, str] | None = None) -> list[Reason]:
    """The strongest reasons not cited yet, one fact each. With `section_of`, the strongest
    answer of each section comes first, so that the reasons speak of different things (the
    wall label, the series, the edition) before a second reason from the same section."""
    fresh: list[tuple[str, Reason]] = []
    for fact, r in pairs:
        if fact not in cited and all(fact != f for f, _ in fresh):
            fresh.append((fact, r))
    if section_of:
        seen: set[str] = set()
        first, rest = [], []
        for pair in fresh:
            section = section_of[pair[1].question_id]
            (rest if section in seen else first).append(pair)
            seen.add(section)
        fresh = first + rest
    chosen = fresh[:limit]
    cited.update(f for f, _ in chosen)
    return [r for _, r in chosen]


# --- composing ---------------------------------------------------------------------------------


def _axis(rubric: Rubric, placement: Placement, axis, pairs, owners, cited: set[str],
          work: str, capital: str) -> AxisReading:
    text = rubric.reading
    p = placement.axes[axis.id]
    fill = dict(axis=axis.label, band=p.band, low=axis.low, high=axis.high,
                value=fmt_value(p.value, rubric.locale.decimal), work=work, Work=capital,
                low_value=fmt_value(p.low, rubric.locale.decimal),
                high_value=fmt_value(p.high, rubric.locale.decimal))
    sign = 1 if p.value > EPSILON else -1 if p.value < -EPSILON else 0
    mine = [(f, r) for f, r in pairs if owners.get(f) == axis.id]
    if sign:
        support = [(f, r) for f, r in mine if r.shift * sign > 0]
        against = [(f, r) for f, r in mine if r.shift * sign < 0 and abs(r.shift) >= AGAINST_MIN]
    else:
        support, against = mine, []
    section_of = {q.id: q.section for q in rubric.questions}
    picked = _pick(support, REASONS + MORE_REASONS, cited, section_of)
    reasons, more = picked[:REASONS], picked[REASONS:]
    pulls = _pick(against, AGAINST, cited)
    against_clause = (text.against.format(
        axis=axis.label, reasons=join_list([r.evidence for r in pulls], text.and_))
        if pulls else "")
    sentences = []
    if reasons:
        sentences.append(text.placement.format(
            reasons=join_list([r.evidence for r in reasons], text.and_), against=against_clause,
            **fill))
    else:
        sentences.append(text.placement_bare.format(**fill))
    if more:
        sentences.append(text.also.format(
            axis=axis.label, reasons=join_list([r.evidence for r in more], text.and_)))

    left_open = [qid for qid in placement.contested if qid in placement.open_on[axis.id]]
    strong_both = (sum(abs(r.shift) for _, r in pairs if r.shift * (sign or 1) > 0) >= BOTH_WAYS
                   and sum(abs(r.shift) for _, r in pairs if r.shift * (sign or 1) < 0)
                   >= BOTH_WAYS)
    across = p.low <= -ACROSS and p.high >= ACROSS
    contested = bool(left_open) or strong_both or (across and bool(reasons))
    if contested:
        sentences.append(_contested(rubric, placement, axis, left_open, strong_both, cited))
    still_open = placement.open_on[axis.id]
    if p.width > EPSILON and reasons:
        sentences.append(_open(rubric, axis, still_open, cited, fill))
    return AxisReading(axis.id, tuple(sentences), tuple(picked), tuple(pulls), contested,
                       tuple(still_open))


def _contested(rubric: Rubric, placement: Placement, axis, left_open: list[str],
               strong_both: bool, said: set[str]) -> str:
    """Why an axis is contested: the answers that left it open (said once in a reading), or
    answers pulling both ways, or a box reaching across the middle."""
    text = rubric.reading
    fresh = [q for q in left_open if "open:" + q not in said]
    if left_open and not fresh and text.contested_again:
        return text.contested_again.format(axis=axis.label)
    if left_open:
        said.update("open:" + q for q in fresh)
        why = join_list([rubric.question(q).option(o).evidence for q in (fresh or left_open)
                         for o in placement.answers[q]
                         if axis.id in rubric.question(q).option(o).leaves_open], text.and_)
    else:
        key = "why:both" if strong_both else "why:across"
        if key in said and text.contested_again:
            return text.contested_again.format(axis=axis.label)
        said.add(key)
        why = text.both_ways if strong_both else text.either_side
    return text.contested.format(axis=axis.label, reasons=why)


def _open(rubric: Rubric, axis, still_open: tuple[str, ...], said: set[str], fill) -> str:
    """What is still open on an axis, each question named once in a reading."""
    text = rubric.reading
    fresh = [q for q in still_open if "topic:" + q not in said]
    if not fresh and text.open_again:
        return text.open_again.format(axis=axis.label, low_value=fill["low_value"],
                                      high_value=fill["high_value"])
    named = (fresh or list(still_open))[:OPEN_TOPICS]
    said.update("topic:" + q for q in named)
    topics = [rubric.question(q).topic or rubric.question(q).prompt for q in named]
    return text.open.format(axis=axis.label, topics=join_list(topics, text.and_),
                            count=len(still_open), low_value=fill["low_value"],
                            high_value=fill["high_value"])


def _archetype(rubric: Rubric, placement: Placement) -> tuple[str, str]:
    nearest = next(a for a in rubric.archetypes if a.id == placement.nearest_archetype)
    # The first note that holds says something about this work; only without one does the
    # reading fall back on what works near here often are.
    note = next((n.text for n in nearest.notes
                 if all(holds(c, placement) for c in n.when)), nearest.description)
    return nearest.name, rubric.reading.archetype.format(name=nearest.name, description=note)


def compose(
    rubric: Rubric,
    placement: Placement,
    signed: Sequence[SignedEvidence] = (),
    *,
    work: WorkInfo | None = None,
) -> Reading:
    """The reading of a placement; `work` (its details) lets the reading name the work."""
    text = rubric.reading
    name, value = _name(rubric, work)
    answered, total = len(placement.answers), len(placement.shown)

    brief = None
    if total and answered < max(MIN_ANSWERS, TOO_FEW * total):
        if answered == 0 and text.no_answers:
            brief = text.no_answers.format(total=total, work=name, Work=_capital(name))
        else:
            brief = text.too_few.format(answered=answered, total=total, work=name,
                                        Work=_capital(name))

    candidates = _candidates(rubric, placement)
    owners = _owners(candidates)
    cited: set[str] = set()
    again = text.work_again
    axes = tuple(
        _axis(rubric, placement, axis, candidates[axis.id], owners, cited,
              *((name, _capital(name)) if i == 0 else (again, _capital(again))))
        for i, axis in enumerate(rubric.axes)
    )
    archetype_name, archetype_sentence = _archetype(rubric, placement)
    nothing_open = not any(placement.open_on.get(a.id) for a in rubric.axes)
    provisional = (text.provisional_none.format(work=again, Work=_capital(again))
                   if nothing_open else None)

    signed_sentences = tuple(
        text.signed_evidence.format(signer=s.signer, meaning=s.meaning)
        for s in signed
        if text.signed_evidence
    )
    cautions = {c.id: c for c in rubric.cautions}
    asking = list(placement.unsure) + [q for q in placement.contested
                                       if q not in placement.unsure]
    asks = [rubric.question(qid).ask_gallery for qid in asking[:ASK_LIMIT]]
    return Reading(
        work_name=value,
        axes=axes,
        archetype_name=archetype_name,
        archetype_sentence=None if brief else archetype_sentence,
        provisional=None if brief else provisional,
        brief=brief,
        signed=signed_sentences,
        cautions=tuple((cautions[c].title, cautions[c].text) for c in placement.cautions),
        cautions_heading=text.cautions_heading,
        ask=tuple(asks),
        ask_heading=text.ask_heading,
        ask_none=text.ask_none,
        closing=text.closing,
    )


# The renderings (text, Markdown, JSON) live next door, in `renderings`, which builds on this
# module; nothing here imports them back.
__all__ = ["AxisReading", "Reading", "Reason", "SignedEvidence", "compose", "fmt_value",
           "join_list"]
