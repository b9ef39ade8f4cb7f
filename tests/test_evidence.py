"""Evidence meets the rubric: suggestions follow the rubric's hints, strongest first."""

from __future__ import annotations

from provenance_fixtures import png_bytes, signed_jpeg, tampered, xmp_packet

from collector_guide.photo.evidence import signed_evidence, suggestions
from collector_guide.photo.provenance import read_provenance

BASE = "http://cv.iptc.org/newscodes/digitalsourcetype/"


def test_unsigned_xmp_suggests_via_the_rubric(minimal):
    report = read_provenance(png_bytes(xmp=xmp_packet(
        digital_source_type=BASE + "trainedAlgorithmicMedia")))
    (s,) = suggestions(minimal, report)
    assert (s.question_id, s.option_id, s.signed) == ("source", "model", False)
    assert signed_evidence(report) == []


def test_categories_without_a_hint_suggest_nothing(minimal):
    report = read_provenance(png_bytes(xmp=xmp_packet(digital_source_type=BASE + "digitalCapture")))
    assert suggestions(minimal, report) == []


def test_signed_credentials_give_a_signed_suggestion_and_a_sentence(default_rubric):
    report = read_provenance(signed_jpeg())
    s = suggestions(default_rubric, report)[0]
    assert (s.question_id, s.option_id, s.signed) == ("primary_source", "model_output", True)
    (evidence,) = signed_evidence(report)
    assert evidence.meaning == "it records the image as AI-generated"
    assert evidence.signer


def test_a_broken_signature_earns_no_sentence(default_rubric):
    assert signed_evidence(read_provenance(tampered(signed_jpeg()))) == []


def test_the_rubric_knows_every_category_the_reader_can_report():
    from collector_guide.photo.provenance import CATEGORIES, INFORMATION
    from collector_guide.rubric import EVIDENCE_CATEGORIES

    assert set(EVIDENCE_CATEGORIES) == set(CATEGORIES) - {INFORMATION}


def test_signed_credentials_in_the_rubrics_language():
    from collector_guide.photo.evidence import KIND_LABELS, STRENGTH_LABELS, kind_label
    from collector_guide.photo.provenance import CATEGORIES, STRENGTHS
    from collector_guide.rubric import Labels
    from collector_guide.rubric.locales import locale

    german = Labels.model_validate(locale("de").labels)
    (evidence,) = signed_evidence(read_provenance(signed_jpeg()), german, "de")
    assert evidence.meaning == "sie verzeichnet das Bild als „KI-generiert“"
    # Every kind and strength a finding can have is named in the labels.
    assert set(KIND_LABELS) == set(CATEGORIES) and set(STRENGTH_LABELS) == set(STRENGTHS)
    assert kind_label(german, "camera-capture") == "Kameraaufnahme"
