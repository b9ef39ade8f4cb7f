"""The written reading: a placement told in the rubric's own sentences.

Every word comes from the rubric (`[reading]`, bands, archetypes, options' evidence, cautions,
`ask_gallery`); this module only chooses which sentences apply and fills their blanks. It is
deterministic and pure. It never grades the work: it says where it sits, why, and what is open.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from collector_guide.assess import escape
from collector_guide.assess.scoring import Placement
from collector_guide.rubric import Rubric, WorkInfo

MOVED_BY_COUNT = 3  # the answers that moved the work most, cited by name
ASK_LIMIT = 6  # a collector at a viewing can ask a handful of questions, not twenty


@dataclass(frozen=True)
class SignedEvidence:
    signer: str
    meaning: str


@dataclass(frozen=True)
class Reading:
    placement_sentences: tuple[str, ...]
    archetype_name: str
    archetype_sentence: str
    moved_by: str | None
    provisional: str
    signed: tuple[str, ...]
    cautions: tuple[tuple[str, str], ...]  # (title, text)
    cautions_heading: str
    ask: tuple[str, ...]
    ask_heading: str
    ask_none: str
    closing: str | None

    @property
    def main_text(self) -> str:
        """The main part: placement, archetype, what moved it, how provisional it is."""
        parts = [" ".join(self.placement_sentences), self.archetype_sentence]
        if self.moved_by:
            parts.append(self.moved_by)
        parts.extend(self.signed)
        parts.append(self.provisional)
        return " ".join(parts)


def fmt_value(value: float) -> str:
    """A position as a collector reads it: signed, two decimals, a true minus sign."""
    text = f"{abs(value):.2f}"
    if round(value, 2) == 0:
        return text
    return ("−" if value < 0 else "+") + text


def join_list(items: Sequence[str], and_word: str) -> str:
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {and_word} {items[-1]}"


def compose(
    rubric: Rubric,
    placement: Placement,
    signed: Sequence[SignedEvidence] = (),
) -> Reading:
    text = rubric.reading
    placements = []
    for axis in rubric.axes:
        p = placement.axes[axis.id]
        placements.append(
            text.placement.format(
                axis=axis.label, band=p.band, low=axis.low, high=axis.high, value=fmt_value(p.value)
            )
        )

    archetypes = {a.id: a for a in rubric.archetypes}
    nearest = archetypes[placement.nearest_archetype]
    archetype_sentence = text.archetype.format(name=nearest.name, description=nearest.description)

    cited = [c for c in placement.contributions if c.magnitude > 0][:MOVED_BY_COUNT]
    evidence = [c.evidence[0] for c in cited]  # one phrase an answer keeps the sentence a list
    moved_by = text.moved_by.format(evidence=join_list(evidence, text.and_)) if cited else None

    if placement.unsure:
        widest = max(rubric.axes, key=lambda a: placement.axes[a.id].width)
        w = placement.axes[widest.id]
        provisional = text.provisional_some.format(
            unsure=len(placement.unsure),
            total=len(placement.shown),
            axis=widest.label,
            low_value=fmt_value(w.low),
            high_value=fmt_value(w.high),
        )
    else:
        provisional = text.provisional_none

    signed_sentences = tuple(
        text.signed_evidence.format(signer=s.signer, meaning=s.meaning)
        for s in signed
        if text.signed_evidence
    )
    cautions = {c.id: c for c in rubric.cautions}
    asks = [rubric.question(qid).ask_gallery for qid in placement.unsure[:ASK_LIMIT]]
    return Reading(
        placement_sentences=tuple(placements),
        archetype_name=nearest.name,
        archetype_sentence=archetype_sentence,
        moved_by=moved_by,
        provisional=provisional,
        signed=signed_sentences,
        cautions=tuple((cautions[c].title, cautions[c].text) for c in placement.cautions),
        cautions_heading=text.cautions_heading,
        ask=tuple(asks),
        ask_heading=text.ask_heading,
        ask_none=text.ask_none,
        closing=text.closing,
    )


# --- renderings --------------------------------------------------------------------------------


def _work_lines(work: WorkInfo | None) -> list[str]:
    if work is None:
        return []
    byline = ", ".join(x for x in (work.artist, work.year) if x)
    details = " · ".join(x for x in (work.medium, work.series, work.edition) if x)
    return [x for x in (work.title, byline, details) if x]


def to_text(reading: Reading, work: WorkInfo | None = None) -> str:
    lines = [escape.one_line(line) for line in _work_lines(work)]
    if lines:
        lines.append("")
    lines.append(reading.main_text)
    if reading.cautions:
        lines += ["", reading.cautions_heading]
        lines += [f"- {title}: {body}" for title, body in reading.cautions]
    lines += ["", reading.ask_heading]
    lines += [f"- {q}" for q in reading.ask] if reading.ask else [reading.ask_none]
    if reading.closing:
        lines += ["", reading.closing]
    # Text goes to terminals, which act on escape sequences in a typed title: show them as codes.
    return escape.terminal("\n".join(lines)) + "\n"


def to_markdown(reading: Reading, work: WorkInfo | None = None, untitled: str = "") -> str:
    title = (work.title if work and work.title else untitled) or reading.archetype_name
    # Work details are typed by the collector: literal in Markdown, and no live autolinks.
    out = [f"# {escape.markdown(title)}", ""]
    for line in _work_lines(work)[1:]:
        out.append(f"*{escape.markdown(line)}*  ")
    if work and work.wall_label:
        out += ["", "> " + escape.markdown(work.wall_label, inline=False).replace("\n", "\n> ")]
    out += ["", " ".join(reading.placement_sentences), "", reading.archetype_sentence, ""]
    if reading.moved_by:
        out += [reading.moved_by, ""]
    for sentence in reading.signed:
        out += [escape.markdown(sentence), ""]  # it quotes a signer's name from the file
    out += [reading.provisional, ""]
    if reading.cautions:
        out += [f"## {reading.cautions_heading}", ""]
        out += [f"- **{title}** {body}" for title, body in reading.cautions]
        out.append("")
    out += [f"## {reading.ask_heading}", ""]
    out += [f"- {q}" for q in reading.ask] if reading.ask else [reading.ask_none]
    if reading.closing:
        out += ["", f"*{reading.closing}*"]
    return "\n".join(out) + "\n"


def to_dict(
    rubric: Rubric, placement: Placement, reading: Reading, work: WorkInfo | None = None
) -> dict:
    """Everything a program needs: positions, intervals, contributions, archetypes, questions."""
    archetypes = {a.id: a for a in rubric.archetypes}
    return {
        "rubric": {"id": rubric.id, "version": rubric.version},
        "work": work.model_dump() if work else None,
        "axes": {
            a.id: {
                "label": a.label,
                "low": a.low,
                "high": a.high,
                "value": placement.axes[a.id].value,
                "interval": [placement.axes[a.id].low, placement.axes[a.id].high],
                "band": placement.axes[a.id].band,
            }
            for a in rubric.axes
        },
        "archetypes": [
            {"id": aid, "name": archetypes[aid].name, "distance": d}
            for aid, d in placement.archetypes
        ],
        "contributions": [
            {
                "question": c.question_id,
                "answer": list(c.option_ids),
                "shifts": c.shifts,
                "evidence": list(c.evidence),
            }
            for c in placement.contributions
        ],
        "cautions": [
            {"id": cid, "title": t, "text": body}
            for cid, (t, body) in zip(placement.cautions, reading.cautions, strict=True)
        ],
        "unsure": list(placement.unsure),
        "ask_gallery": list(reading.ask),
        "reading": {
            "main": reading.main_text,
            "placement": list(reading.placement_sentences),
            "archetype": reading.archetype_sentence,
            "moved_by": reading.moved_by,
            "provisional": reading.provisional,
            "signed_evidence": list(reading.signed),
            "closing": reading.closing,
        },
    }


def to_json(rubric: Rubric, placement: Placement, reading: Reading, work=None) -> str:
    return json.dumps(to_dict(rubric, placement, reading, work), indent=2, ensure_ascii=False)
