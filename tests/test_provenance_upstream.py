"""Provenance against real files from upstream test suites: the C2PA fixtures of c2pa-rs and
c2pa-python (claim, CAWG identity and ingredients kept apart), and sd-parsers' generator images.

The selection kept in tests/fixtures/ runs always. The whole upstream set runs when
COLLECTOR_GUIDE_C2PA_FIXTURES names a folder holding `c2pa-rs/` and `c2pa-python/` checkouts
(only their fixture files are read); tests/c2pa_expectations.py says what each must yield.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from c2pa_expectations import EXPECTED, KEPT, verdict_of
from PIL import Image
from provenance_fixtures import IPTC_BASE, action_manifest, comfyui_workflow, sign, xmp_packet

from collector_guide.photo.provenance import (
    AI_ASSISTED,
    AI_GENERATED,
    ALGORITHMIC,
    HINT,
    SIGNATURE_INVALID,
    SIGNED_UNTRUSTED,
    UNSIGNED_CLAIM,
    ProvenanceReport,
    read_provenance,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures"
C2PA = FIXTURES / "c2pa"
SD = FIXTURES / "sd_parsers"
UPSTREAM = os.environ.get("COLLECTOR_GUIDE_C2PA_FIXTURES")
FORGED_WORDS = "changed after signing"


def read(path: Path) -> ProvenanceReport:
    return read_provenance(path.read_bytes(), filename=path.name)


def c2pa_finding(report: ProvenanceReport, key: str):
    found = [f for f in report.findings if f.source == "c2pa" and f.key == key]
    assert len(found) == 1, report.to_dict()
    return found[0]


def _check(report: ProvenanceReport, expected: tuple) -> None:
    assert verdict_of(report) == expected, json.dumps(report.to_dict(), indent=1)[:3000]
    # Upstream reads every one of these without complaint: nothing is called damaged here.
    assert report.errors == []
    assert [f.key for f in report.findings if f.source == "file"] == []
    if expected[0] == "valid":  # a valid claim is never described as a forgery
        assert not any(FORGED_WORDS in f.meaning for f in report.findings), report.to_dict()


@pytest.mark.timeout(30)
@pytest.mark.parametrize("name", sorted(KEPT))
def test_kept_fixture_reads_as_upstream_says(name):
    _check(read(C2PA / name), EXPECTED[KEPT[name]])


@pytest.mark.timeout(30)
@pytest.mark.skipif(not UPSTREAM, reason="set COLLECTOR_GUIDE_C2PA_FIXTURES to a folder with "
                    "c2pa-rs/ and c2pa-python/ checkouts to run the whole upstream table")
@pytest.mark.parametrize("path", sorted(EXPECTED))
def test_every_upstream_fixture_reads_as_upstream_says(path):
    _check(read(Path(UPSTREAM or ".") / path), EXPECTED[path])


# --- The claim and the CAWG identity are kept apart ---------------------------------------------

@pytest.mark.parametrize(("name", "words"), [
    ("ica_invalid_vc.jpg", "the identity credential is malformed "
     "(cawg.ica.invalid_verifiable_credential)"),
    ("ica_unresolvable_did.jpg", "its issuer could not be looked up: that needs the internet, "
     "and Collector Guide reads files offline (cawg.ica.did_unavailable)"),
    ("C_with_CAWG_data.jpg", "the identity's certificate is not on a trust list "
     "(cawg.x509.credential.untrusted)"),
])
def test_failing_identity_leaves_the_signature_valid(name, words):
    report = read(C2PA / name)
    signer = c2pa_finding(report, "signer")
    assert signer.strength == SIGNED_UNTRUSTED
    assert "The signature is valid" in signer.meaning
    state = c2pa_finding(report, "validation state")
    assert state.value == "Valid" and state.strength == SIGNED_UNTRUSTED
    identity = c2pa_finding(report, "identity")
    assert identity.strength == HINT
    assert f"that identity could not be confirmed: {words}." in identity.meaning
    assert "This does not affect the signature above" in identity.meaning


def test_confirmed_identity_names_who():
    identity = c2pa_finding(read(C2PA / "ica_success.jpg"), "identity")
    assert identity.strength == SIGNED_UNTRUSTED
    assert "First-Name Last-Name (Example ID Verifier)" in identity.value
    assert "nothing in it failed the offline checks" in identity.meaning


def test_manifest_that_cannot_be_loaded_is_reported_with_its_code():
    report = read(C2PA / "identity_malformed_cbor.jpg")
    finding = c2pa_finding(report, "manifest")
    assert finding.value == "assertion.required.missing: Failed to load manifest"
    assert "no active manifest" not in finding.value
    assert "the signature checks out" in finding.meaning
    assert finding.strength == SIGNED_UNTRUSTED


# --- Ingredients ---------------------------------------------------------------------------------

def test_failing_ingredient_is_reported_on_the_ingredient_only():
    report = read(C2PA / "CIE-sig-CA.jpg")
    assert c2pa_finding(report, "signer").strength == SIGNED_UNTRUSTED
    assert c2pa_finding(report, "validation state").value == "Valid"
    ingredient = c2pa_finding(report, "ingredient 'E-sig-CA.jpg' (componentOf): validation")
    assert ingredient.value == "claimSignature.mismatch"
    assert ingredient.strength == SIGNATURE_INVALID
    assert ingredient.meaning == (
        "The Content Credentials of 'E-sig-CA.jpg', an image this one was made from, do not "
        "check out: the signature does not match the credentials (claimSignature.mismatch). "
        "This file's own signature is not affected; only what it says about that ingredient is "
        "in doubt.")
    # The file's own signed claim still counts at full strength.
    created = c2pa_finding(report, "c2pa.created digitalSourceType")
    assert (created.category, created.strength) == (ALGORITHMIC, SIGNED_UNTRUSTED)


@pytest.mark.parametrize(("name", "code", "words"), [
    ("XCA.jpg", "assertion.dataHash.mismatch", "the picture was changed after it was signed"),
    ("E-sig-CA.jpg", "claimSignature.mismatch", "the signature does not match the credentials"),
])
def test_a_broken_claim_is_still_invalid(name, code, words):
    report = read(C2PA / name)
    assert c2pa_finding(report, "validation state").value == f"Invalid ({code})"
    assert f"{words} ({code})" in c2pa_finding(report, "signer").meaning


def test_unknown_algorithm_is_said_in_words():
    finding = c2pa_finding(read(C2PA / "no_alg.jpg"), "manifest")
    assert finding.strength == SIGNATURE_INVALID
    assert "signed with an algorithm this verifier does not know" in finding.meaning


# --- Containers: HEIC XMP with its label, JPEG XL -----------------------------------------------

def test_heic_xmp_with_the_jpeg_label_in_front_is_read():
    import collector_guide.photo.intake  # noqa: F401 - registers pillow-heif's encoder

    packet = b"http://ns.adobe.com/xap/1.0/\x00" + xmp_packet(
        digital_source_type=IPTC_BASE + "trainedAlgorithmicMedia")
    buf = io.BytesIO()
    Image.new("RGB", (16, 16)).save(buf, "HEIF", xmp=packet)
    report = read_provenance(buf.getvalue())
    assert [f.key for f in report.findings if f.source == "file"] == []
    xmp = [f for f in report.findings if f.source == "xmp"]
    assert [(f.key, f.category) for f in xmp] == [("Iptc4xmpExt:DigitalSourceType",
                                                   AI_GENERATED)]


@pytest.mark.timeout(30)
def test_jpeg_xl_is_recognised_and_its_credentials_read():
    data = (C2PA / "sample1.jxl").read_bytes()
    assert read_provenance(data).format == "JPEG XL"
    signed = read_provenance(sign(data, "image/jxl", action_manifest()))
    assert signed.format == "JPEG XL"
    assert c2pa_finding(signed, "validation state").value == "Valid"
    assert c2pa_finding(signed, "c2pa.created digitalSourceType").category == AI_GENERATED


# --- Generators: stealth parameters, ComfyUI and InvokeAI prompts --------------------------------

def test_automatic1111_stealth_parameters_are_read():
    report = read(SD / "automatic1111_stealth.png")
    (finding,) = [f for f in report.findings if f.source == "png-stealth"]
    assert (finding.key, finding.value) == ("stealth parameters", "a circle")
    assert (finding.category, finding.strength) == (AI_GENERATED, UNSIGNED_CLAIM)
    assert finding.meaning.startswith("Hidden in the lowest bits of the picture's pixels")
    assert "model 'realisticVisionV51_v51VAE'" in finding.meaning


def _stealth_png(text: bytes, signature: bytes, *, rgb: bool, size=(40, 30)) -> bytes:
    """Write `text` the way the stealth extension does: LSBs, column by column."""
    import gzip

    body = gzip.compress(text) if signature.endswith(b"comp") else text
    payload = signature + (len(body) * 8).to_bytes(4, "big") + body
    bits = "".join(f"{byte:08b}" for byte in payload)
    width, height = size
    im = Image.new("RGBA", size, (120, 130, 140, 254))
    pixels = im.load()
    per_pixel = 3 if rgb else 1
    for i in range(0, len(bits), per_pixel):
        x, y = divmod(i // per_pixel, height)
        r, g, b, a = pixels[x, y]
        chunk = bits[i : i + per_pixel].ljust(per_pixel, "0")
        if rgb:
            r, g, b = ((v & ~1) | int(c) for v, c in zip((r, g, b), chunk, strict=True))
        else:
            a = (a & ~1) | int(chunk)
        pixels[x, y] = (r, g, b, a)
    buf = io.BytesIO()
    (im.convert("RGB") if rgb else im).save(buf, "PNG")
    return buf.getvalue()


STEALTH_TEXT = b"a fox in snow\nSteps: 20, Sampler: Euler, CFG scale: 7, Model: sdxl"


@pytest.mark.parametrize(("signature", "rgb"), [
    (b"stealth_pnginfo", False), (b"stealth_pngcomp", False),
    (b"stealth_rgbinfo", True), (b"stealth_rgbcomp", True),
])
def test_every_stealth_form_is_read(signature, rgb):
    report = read_provenance(_stealth_png(STEALTH_TEXT, signature, rgb=rgb))
    (finding,) = [f for f in report.findings if f.source == "png-stealth"]
    assert finding.value == "a fox in snow" and finding.category == AI_GENERATED


def test_pictures_without_stealth_text_cost_only_their_first_rows(monkeypatch):
    from collector_guide.photo import pngstrips

    rows_read = []
    original = pngstrips._unfilter

    def counting(layout, previous, filtered, count):
        rows_read.append(count)
        return original(layout, previous, filtered, count)

    monkeypatch.setattr(pngstrips, "_unfilter", counting)
    buf = io.BytesIO()
    Image.new("RGBA", (50, 4000), (1, 2, 3, 255)).save(buf, "PNG")
    report = read_provenance(buf.getvalue())
    assert [f for f in report.findings if f.source == "png-stealth"] == []
    assert sum(rows_read) < 2000  # two looks (alpha, then RGB) at the first strip, no more


def test_comfyui_finding_shows_the_prompt():
    report = read(SD / "img2img_cropped.png")
    (finding,) = [f for f in report.findings if f.source == "png-text"]
    assert finding.value == "photograph of victorian woman with wings, sky clouds, meadow grass"
    assert finding.category == AI_ASSISTED
    assert "Nodes in the graph: KSampler" in finding.meaning


def test_comfyui_editor_workflow_shows_the_prompt():
    from provenance_fixtures import png_bytes

    graph = json.loads(comfyui_workflow(with_input_image=False))
    graph["nodes"].append({"type": "CLIPTextEncode", "widgets_values": ["a quiet harbour"]})
    report = read_provenance(png_bytes(texts={"workflow": json.dumps(graph)}))
    (finding,) = [f for f in report.findings if f.source == "png-text"]
    assert finding.value == "a quiet harbour"


@pytest.mark.parametrize(("texts", "prompt"), [
    ({"sd-metadata": json.dumps({"image": {"type": "txt2img", "prompt": [
        {"prompt": "a red kite", "weight": 1}]}})}, "a red kite"),
    ({"Dream": '"a red kite [blurry]" -s 50 -S 42 -W 512 -H 512'}, "a red kite [blurry]"),
    ({"sd-metadata": json.dumps({"image": {"type": "txt2img", "prompt": "a red kite"}}),
      "Dream": '"a red kite" -s 50'}, "a red kite"),
])
def test_invokeai_finding_shows_the_prompt_once(texts, prompt):
    from provenance_fixtures import png_bytes

    report = read_provenance(png_bytes(texts=texts))
    (finding,) = [f for f in report.findings if f.source == "png-text"]
    assert finding.value == prompt and "InvokeAI" in finding.meaning


def test_invokeai_metadata_fixture_shows_the_prompt():
    report = read(SD / "invokeai_imeta1.png")
    (finding,) = [f for f in report.findings if f.source == "png-text"]
    assert finding.value == "digital artwork, oil painting. painterly brushstrokes, holidays,"
    assert finding.category == AI_GENERATED


def test_damaged_picture_data_costs_no_stealth_error_line():
    from image_fixtures import raw_png

    data = raw_png(60, 400, 8, 6, lambda y: bytes(240), level=0)
    report = read_provenance(data[: len(data) // 2])
    assert report.errors == []
    assert [f.key for f in report.findings] == ["PNG structure"]  # "truncated", in words
