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
from collector_guide.rubric import Labels, Rubric

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


KIND_LABELS = {  # a finding's category → the label that names it
    "ai-generated": "evidence_kind_ai_generated",
    "ai-assisted-or-composite": "evidence_kind_ai_assisted",
    "possibly-ai": "evidence_kind_possibly_ai",
    "algorithmic-not-ai": "evidence_kind_algorithmic",
    "camera-capture": "evidence_kind_camera",
    INFORMATION: "evidence_kind_information",
}
STRENGTH_LABELS = {  # a finding's strength → the label that names it
    SIGNED_TRUSTED: "evidence_signed_trusted",
    SIGNED_UNTRUSTED: "evidence_signed_untrusted",
    "unsigned-claim": "evidence_unsigned",
    "signature-invalid": "evidence_signature_invalid",
    "hint": "evidence_hint",
}


def kind_label(labels: Labels, category: str) -> str:
    """A finding's kind in the rubric's words (its English name if the labels have none)."""
    name = KIND_LABELS.get(category)
    return getattr(labels, name) if name else CATEGORY_LABELS.get(category, category)


def strength_label(labels: Labels, strength: str) -> str:
    name = STRENGTH_LABELS.get(strength)
    return getattr(labels, name) if name else strength


def signed_evidence(report: ProvenanceReport, labels: Labels | None = None,
                    language: str = "en") -> list[SignedEvidence]:
    """A sentence's worth for each validly signed manifest: who signed, what it says, in the
    rubric's words (`labels`, in its `language`)."""
    labels = labels or Labels()
    signer = next((f for f in report.findings
                   if f.source == "c2pa" and f.key == "signer" and f.strength in SIGNED), None)
    if signer is None:
        return []
    claims = [f for f in report.findings
              if f.source == "c2pa" and f.strength in SIGNED and f.category != INFORMATION]
    if claims:
        label = kind_label(labels, claims[0].category)
        if language.split("-")[0].lower() == "en" and label[1:2].islower():
            # "Camera capture" reads as "camera capture"; "AI-generated" keeps its capitals.
            label = label[0].lower() + label[1:]
        meaning = labels.signed_records.format(kind=label)
    else:
        meaning = labels.signed_no_claim
    return [SignedEvidence(signer.value, meaning)]
