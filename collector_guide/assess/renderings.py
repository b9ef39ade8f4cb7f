"""The reading rendered: plain text, Markdown and JSON (imported through `assess.reading`).

Only what came from outside the rubric (the work's details, the name inside the reading, a
file's signer) is escaped, for each destination by `assess.escape`; the rubric's sentences are
the gallery's and are written out as they are.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from collector_guide.assess import escape
from collector_guide.assess.scoring import Placement
from collector_guide.rubric import Rubric, WorkInfo

if TYPE_CHECKING:  # no import at run time: `reading` imports this module
    from collector_guide.assess.reading import Reading


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
    lines.append("\n\n".join(reading.paragraphs(escape.one_line)))
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
    out.append("")
    for paragraph in reading.paragraphs(escape.markdown):  # the name, a file's signer
        out += [paragraph, ""]
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
        "contested": list(placement.contested),
        "ask_gallery": list(reading.ask),
        "reading": {
            "main": reading.main_text,
            "paragraphs": list(reading.paragraphs()),
            "axes": {
                a.axis_id: {
                    "sentences": [reading.fill(s) for s in a.sentences],
                    "reasons": [_reason(r) for r in a.reasons],
                    "against": [_reason(r) for r in a.against],
                    "contested": a.contested,
                    "open": list(a.open),
                }
                for a in reading.axes
            },
            "archetype": reading.archetype_sentence,
            "brief": reading.brief,
            "provisional": reading.provisional,
            "signed_evidence": list(reading.signed),
            "closing": reading.closing,
        },
    }


def _reason(r) -> dict:
    return {"question": r.question_id, "answer": r.option_id, "evidence": r.evidence,
            "shift": r.shift}


def to_json(rubric: Rubric, placement: Placement, reading: Reading, work=None) -> str:
    return json.dumps(to_dict(rubric, placement, reading, work), indent=2, ensure_ascii=False)
