"""Provenance evidence meets the rubric: which answers a file's evidence suggests.

The rubric's `[[evidence_hints]]` say which finding categories suggest which answers. A
suggestion is only ever offered: the collector confirms or overrides it. Signed Content
Credentials also earn a sentence in the reading.
"""

from __future__ import annotations

from dataclasses import dataclass

from collector_guide.assess.reading import SignedEvidence
from collector_guide.photo.provenance import (
    CATEGORY_LABELS,
    INFORMATION,
    SIGNED_TRUSTED,
    SIGNED_UNTRUSTED,
    ProvenanceReport,
    suggested_categories,
)
from collector_guide.rubric import Rubric

SIGNED = (SIGNED_TRUSTED, SIGNED_UNTRUSTED)


@dataclass(frozen=True)
class Suggestion:
    category: str
    category_label: str
    question_id: str
    option_id: str
    note: str
    signed: bool  # backed by a valid signature, not only by unsigned metadata


def suggestions(rubric: Rubric, report: ProvenanceReport) -> list[Suggestion]:
    """The rubric's hints for the evidence found, strongest evidence first, one per question."""
    out: list[Suggestion] = []
    seen: set[str] = set()
    for category in suggested_categories(report):
        signed = any(f.category == category and f.strength in SIGNED for f in report.findings)
        for hint in rubric.evidence_hints:
            question = rubric.question(hint.suggest.question)
            if hint.category != category or question is None or question.id in seen:
                continue
            seen.add(question.id)
            out.append(Suggestion(category, CATEGORY_LABELS[category], question.id,
                                  hint.suggest.any_of[0], hint.note, signed))
    return out


def signed_evidence(report: ProvenanceReport) -> list[SignedEvidence]:
    """A sentence's worth for each validly signed manifest: who signed, what it says."""
    signer = next((f for f in report.findings
                   if f.source == "c2pa" and f.key == "signer" and f.strength in SIGNED), None)
    if signer is None:
        return []
    claims = [f for f in report.findings
              if f.source == "c2pa" and f.strength in SIGNED and f.category != INFORMATION]
    if claims:
        label = CATEGORY_LABELS[claims[0].category]
        # "Camera capture" reads as "camera capture"; "AI-generated" keeps its capitals.
        label = label[0].lower() + label[1:] if label[1:2].islower() else label
        meaning = "it records the image as " + label
    else:
        meaning = "it makes no statement about AI"
    return [SignedEvidence(signer.value, meaning)]
