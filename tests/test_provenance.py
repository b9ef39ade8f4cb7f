"""Provenance reader: each signal a generator or camera leaves, and each bad input, table-driven."""

from __future__ import annotations

import http.server
import io
import json
import threading

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, TiffImagePlugin
from provenance_fixtures import (
    A1111_HIRES,
    A1111_IMG2IMG,
    A1111_INPAINT,
    A1111_TXT2IMG,
    ENTITY_BOMB_XMP,
    IPTC_BASE,
    MALFORMED_XMP,
    MIDJOURNEY_DESCRIPTION,
    cmyk_jpeg,
    comfyui_prompt,
    comfyui_workflow,
    exif_bytes,
    gif_1px,
    huge_png_header,
    i16_png,
    jpeg_bytes,
    png_bytes,
    png_with_bad_crc,
    remote_manifest_png,
    signed_edit_of_ai_image,
    signed_jpeg,
    signed_png,
    signing_credentials,
    tampered,
    text_bomb_png,
    truncated_jpeg,
    user_comment,
    webp_bytes,
    with_unknown_algorithm,
    xmp_packet,
    zip_bytes,
)

from collector_guide.photo.provenance import (
    AI_ASSISTED,
    AI_GENERATED,
    ALGORITHMIC,
    C2PA_SETTINGS,
    CAMERA_CAPTURE,
    CATEGORIES,
    CATEGORY_LABELS,
    CAVEATS,
    HINT,
    INFORMATION,
    POSSIBLY_AI,
    SIGNATURE_INVALID,
    SIGNED_TRUSTED,
    SIGNED_UNTRUSTED,
    STRENGTH_LABELS,
    STRENGTHS,
    UNSIGNED_CLAIM,
    Finding,
    ProvenanceError,
    ProvenanceReport,
    read_provenance,
    suggested_categories,
)


def only(report: ProvenanceReport, source: str, key: str | None = None) -> Finding:
    """The single finding from `source` (and `key`), failing with the whole report otherwise."""
    found = [f for f in report.findings if f.source == source and (key is None or f.key == key)]
    assert len(found) == 1, report.to_dict()
    return found[0]


def file_notes(report: ProvenanceReport) -> str:
    return " ".join(f"{f.key} {f.value} {f.meaning}" for f in report.findings
                    if f.source == "file")


# --- PNG text chunks from generators ------------------------------------------------------------

NOVELAI = {"Software": "NovelAI", "Source": "NovelAI Diffusion V3 4BDE2A90",
           "Description": "a lighthouse", "Comment": json.dumps({"prompt": "a lighthouse"})}

PNG_TEXT_CASES = [
    # id, text chunks, finding key, category, words the meaning must contain
    ("a1111-txt2img", {"parameters": A1111_TXT2IMG}, "parameters", AI_GENERATED, "text-to-image"),
    ("a1111-img2img", {"parameters": A1111_IMG2IMG}, "parameters", AI_ASSISTED, "image-to-image"),
    ("a1111-hires-fix", {"parameters": A1111_HIRES}, "parameters", AI_GENERATED, "hires fix"),
    ("a1111-inpaint", {"parameters": A1111_INPAINT}, "parameters", AI_ASSISTED, "inpainting"),
    ("comfyui-prompt", {"prompt": comfyui_prompt(with_input_image=False)}, "prompt",
     AI_GENERATED, "no input-image node"),
    ("comfyui-loadimage", {"prompt": comfyui_prompt(with_input_image=True)}, "prompt",
     AI_ASSISTED, "LoadImage"),
    ("comfyui-workflow", {"workflow": comfyui_workflow(with_input_image=True)}, "workflow",
     AI_ASSISTED, "input image"),
    ("comfyui-both", {"prompt": comfyui_prompt(with_input_image=False),
                      "workflow": comfyui_workflow(with_input_image=True)}, "prompt",
     AI_ASSISTED, "LoadImage"),
    ("invokeai-txt2img", {"invokeai_metadata": json.dumps({"generation_mode": "txt2img"})},
     "invokeai_metadata", AI_GENERATED, "InvokeAI"),
    ("invokeai-img2img", {"invokeai_metadata": json.dumps({"generation_mode": "img2img"})},
     "invokeai_metadata", AI_ASSISTED, "input image"),
    ("invokeai-legacy", {"sd-metadata": json.dumps({"image": {"type": "img2img"}})},
     "sd-metadata", AI_ASSISTED, "InvokeAI"),
    ("novelai", NOVELAI, "Software", AI_GENERATED, "NovelAI"),
    ("novelai-img2img", {**NOVELAI, "Comment": json.dumps({"request_type": "Img2ImgRequest"})},
     "Software", AI_ASSISTED, "input image"),
    ("fooocus-json", {"parameters": json.dumps({"Prompt": "a fox", "Version": "Fooocus v2.5.0"}),
                      "fooocus_scheme": "fooocus"}, "parameters", AI_GENERATED, "Fooocus"),
    ("fooocus-a1111", {"parameters": A1111_TXT2IMG.replace("v1.7.0", "Fooocus v2.5.0")},
     "parameters", AI_GENERATED, "Fooocus"),
    ("midjourney", {"Description": MIDJOURNEY_DESCRIPTION, "Author": "u123"}, "Description",
     AI_GENERATED, "Midjourney"),
    ("google-credit", {"Credit": "Made with Google AI"}, "Credit", AI_GENERATED, "Google"),
    ("processing", {"Software": "Processing 4.3"}, "Software", ALGORITHMIC, "not AI"),
    ("plain-comment", {"Comment": "for Ada, with love"}, "Comment", INFORMATION, "anyone"),
]


@pytest.mark.parametrize(("texts", "key", "category", "words"),
                         [case[1:] for case in PNG_TEXT_CASES],
                         ids=[case[0] for case in PNG_TEXT_CASES])
@pytest.mark.parametrize("compressed", [False, True], ids=["tEXt", "zTXt"])
def test_png_text_from_generators(texts, key, category, words, compressed):
    data = png_bytes(texts=texts, compressed=set(texts) if compressed else set())
    finding = only(read_provenance(data), "png-text", key)
    assert finding.category == category
    assert words in finding.meaning
    assert finding.strength in (UNSIGNED_CLAIM, HINT)


def test_a1111_value_is_the_prompt_not_the_settings():
    finding = only(read_provenance(png_bytes(texts={"parameters": A1111_TXT2IMG})), "png-text")
    assert finding.value == "a lighthouse at dusk, oil painting"
    assert "dreamshaper_8" in finding.meaning


@pytest.mark.timeout(10)
@pytest.mark.parametrize("before_idat", [True, False])
def test_png_text_chunk_too_large_is_a_finding(before_idat):
    report = read_provenance(text_bomb_png(before_idat=before_idat))
    finding = only(report, "file")
    assert "too large" in finding.meaning and "parameters" in finding.key
    assert not report.has_evidence


# --- XMP ----------------------------------------------------------------------------------------

SOURCE_TYPE_CASES = [
    ("trainedAlgorithmicMedia", AI_GENERATED, "generative AI"),
    ("compositeWithTrainedAlgorithmicMedia", AI_ASSISTED, "composite"),
    ("algorithmicMedia", ALGORITHMIC, "not AI"),
    ("digitalCapture", CAMERA_CAPTURE, "camera"),
    ("computationalCapture", CAMERA_CAPTURE, "camera"),
    ("algorithmicallyEnhanced", POSSIBLY_AI, "may or may not be AI"),
    ("digitalCreation", INFORMATION, "digital tools"),
    ("somethingNew", INFORMATION, "unrecognised"),
]


@pytest.mark.parametrize(("term", "category", "words"), SOURCE_TYPE_CASES,
                         ids=[c[0] for c in SOURCE_TYPE_CASES])
@pytest.mark.parametrize("scheme", ["http://", "https://"])
@pytest.mark.parametrize("form", ["element", "attribute", "resource"])
def test_xmp_digital_source_type(term, category, words, scheme, form):
    uri = IPTC_BASE.replace("http://", scheme) + term
    data = jpeg_bytes(xmp=xmp_packet(digital_source_type=uri, form=form))
    finding = only(read_provenance(data), "xmp")
    assert (finding.key, finding.value) == ("Iptc4xmpExt:DigitalSourceType", uri)
    assert finding.category == category
    assert finding.strength == UNSIGNED_CLAIM
    assert words in finding.meaning


@pytest.mark.parametrize("container", ["jpeg", "png", "webp"])
def test_xmp_is_read_from_every_container(container):
    packet = xmp_packet(digital_source_type=IPTC_BASE + "trainedAlgorithmicMedia")
    data = {"jpeg": lambda: jpeg_bytes(xmp=packet), "png": lambda: png_bytes(xmp=packet),
            "webp": lambda: webp_bytes(xmp=packet)}[container]()
    report = read_provenance(data)
    assert suggested_categories(report) == [AI_GENERATED]


def _encode(fmt: str, **kwargs) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (16, 16), (90, 60, 30)).save(buf, fmt, **kwargs)
    return buf.getvalue()


def _tiff_with_xmp(packet: bytes, exif: bytes) -> bytes:
    tags = Image.Exif()
    tags.load(exif)
    info = TiffImagePlugin.ImageFileDirectory_v2()
    for tag, value in tags.items():
        info[tag] = value
    info[700] = packet  # XMP's TIFF tag
    return _encode("TIFF", tiffinfo=info)


@pytest.mark.parametrize("fmt", ["HEIF", "AVIF", "TIFF"])
def test_xmp_and_exif_from_other_containers(fmt):
    import collector_guide.photo.intake  # noqa: F401 - registers pillow-heif's HEIF encoder too

    packet = xmp_packet(digital_source_type=IPTC_BASE + "algorithmicMedia")
    exif = exif_bytes(make="Apple", model="iPhone 15")
    data = _tiff_with_xmp(packet, exif) if fmt == "TIFF" else _encode(fmt, xmp=packet, exif=exif)
    report = read_provenance(data)
    assert report.errors == []
    assert only(report, "xmp").category == ALGORITHMIC
    assert only(report, "exif").category == CAMERA_CAPTURE


XMP_OTHER_CASES = [
    ("google-made", {"credit": "Made with Google AI"}, AI_GENERATED),
    ("google-edited", {"credit": "Edited with Google AI"}, AI_ASSISTED),
    ("creator-tool-ai", {"creator_tool": "Midjourney"}, AI_GENERATED),
    ("creator-tool-editor", {"creator_tool": "Adobe Photoshop 25.0"}, INFORMATION),
    ("midjourney-description", {"description": MIDJOURNEY_DESCRIPTION}, AI_GENERATED),
]


@pytest.mark.parametrize(("fields", "category"), [c[1:] for c in XMP_OTHER_CASES],
                         ids=[c[0] for c in XMP_OTHER_CASES])
def test_xmp_credit_tool_and_description(fields, category):
    finding = only(read_provenance(jpeg_bytes(xmp=xmp_packet(**fields))), "xmp")
    assert finding.category == category


@pytest.mark.timeout(10)
@pytest.mark.parametrize(("packet", "words"), [(MALFORMED_XMP, "not well-formed"),
                                               (ENTITY_BOMB_XMP, "entity bomb")],
                         ids=["malformed", "entity-bomb"])
@pytest.mark.parametrize("container", ["jpeg", "png"])
def test_bad_xmp_is_a_finding_not_a_crash(packet, words, container):
    data = jpeg_bytes(xmp=packet) if container == "jpeg" else png_bytes(xmp=packet)
    report = read_provenance(data)
    assert words in file_notes(report)
    assert report.errors == []
    assert not report.has_evidence


# --- EXIF and JPEG comments ---------------------------------------------------------------------

@pytest.mark.parametrize(("charset", "byteorder", "big_endian_exif"), [
    ("unicode", "big", True), ("unicode", "little", False), ("unicode", "big", False),
    ("unicode", "little", True), ("ascii", "big", False), ("undefined", "big", False),
])
def test_exif_user_comment_charsets(charset, byteorder, big_endian_exif):
    # AUTOMATIC1111 writes its settings into UserComment when it saves JPEG or WebP.
    comment = user_comment(A1111_IMG2IMG, charset, byteorder)
    data = jpeg_bytes(exif=exif_bytes(comment=comment, big_endian=big_endian_exif))
    finding = only(read_provenance(data), "exif", "UserComment")
    assert finding.value == "a lighthouse at dusk"
    assert finding.category == AI_ASSISTED


EXIF_CASES = [
    ("ai-software", {"software": "Adobe Firefly"}, "Software", AI_GENERATED, HINT),
    ("ai-upscaler", {"software": "Topaz Gigapixel AI 7"}, "Software", POSSIBLY_AI, HINT),
    ("code-art", {"software": "TouchDesigner 2023"}, "Software", ALGORITHMIC, HINT),
    ("editor", {"software": "GIMP 2.10"}, "Software", INFORMATION, HINT),
    ("camera", {"make": "Apple", "model": "iPhone 15 Pro"}, "Make/Model", CAMERA_CAPTURE, HINT),
    ("comfyui-webp", {"make": "workflow:" + comfyui_workflow(with_input_image=False)},
     "Make/Model", AI_GENERATED, UNSIGNED_CLAIM),
    ("midjourney-description", {"description": MIDJOURNEY_DESCRIPTION}, "ImageDescription",
     AI_GENERATED, UNSIGNED_CLAIM),
]


@pytest.mark.parametrize(("fields", "key", "category", "strength"), [c[1:] for c in EXIF_CASES],
                         ids=[c[0] for c in EXIF_CASES])
@pytest.mark.parametrize("container", ["jpeg", "png", "webp"])
def test_exif_fields(fields, key, category, strength, container):
    exif = exif_bytes(**fields)
    data = {"jpeg": jpeg_bytes, "png": png_bytes, "webp": webp_bytes}[container](exif=exif)
    finding = only(read_provenance(data), "exif", key)
    assert (finding.category, finding.strength) == (category, strength)


def test_camera_finding_warns_about_photos_of_physical_works():
    finding = only(read_provenance(jpeg_bytes(exif=exif_bytes(make="Canon", model="EOS R5"))),
                   "exif")
    assert finding.value == "Canon EOS R5"
    assert "physical work" in finding.meaning


@pytest.mark.parametrize(("comment", "category"), [
    (A1111_TXT2IMG.encode(), AI_GENERATED),
    (b"CREATOR: gd-jpeg v1.0 (using IJG JPEG v62), quality = 90", INFORMATION),
])
def test_jpeg_comment(comment, category):
    finding = only(read_provenance(jpeg_bytes(comment=comment)), "jpeg-comment")
    assert finding.category == category


# --- C2PA ---------------------------------------------------------------------------------------

def test_c2pa_settings_never_go_online():
    assert C2PA_SETTINGS["verify"]["remote_manifest_fetch"] is False
    assert C2PA_SETTINGS["verify"]["ocsp_fetch"] is False


@pytest.mark.timeout(30)
@pytest.mark.parametrize(("make", "category"), [(signed_jpeg, AI_GENERATED),
                                                (signed_png, AI_GENERATED)],
                         ids=["jpeg", "png"])
def test_c2pa_signed_without_trust_list(make, category):
    report = read_provenance(make())
    action = only(report, "c2pa", "c2pa.created digitalSourceType")
    assert (action.category, action.strength) == (category, SIGNED_UNTRUSTED)
    signer = only(report, "c2pa", "signer")
    assert "Test Signer" in signer.value
    assert "signer not checked against a trust list" in signer.meaning
    assert only(report, "c2pa", "claim generator").value == "Test Generator 1.0"
    assert only(report, "c2pa", "validation state").value == "Valid"
    assert suggested_categories(report) == [AI_GENERATED]


@pytest.mark.timeout(30)
def test_c2pa_camera_capture_source_type():
    report = read_provenance(signed_png("digitalCapture"))
    assert suggested_categories(report) == [CAMERA_CAPTURE]


@pytest.mark.timeout(30)
def test_c2pa_trusted_when_the_ca_is_on_the_trust_list():
    report = read_provenance(signed_jpeg(), trust_anchors_pem=signing_credentials().ca_pem)
    assert {f.strength for f in report.findings if f.source == "c2pa"} == {SIGNED_TRUSTED}
    assert "on your trust list" in only(report, "c2pa", "signer").meaning


@pytest.mark.timeout(30)
def test_c2pa_untrusted_when_the_ca_is_not_on_the_trust_list():
    other_ca = signing_credentials("Some Other CA").ca_pem
    report = read_provenance(signed_jpeg(), trust_anchors_pem=other_ca)
    signer = only(report, "c2pa", "signer")
    assert signer.strength == SIGNED_UNTRUSTED
    assert "NOT on your trust list" in signer.meaning


@pytest.mark.timeout(30)
def test_c2pa_unusable_trust_file_is_an_error_line_not_a_crash():
    report = read_provenance(signed_jpeg(), trust_anchors_pem="not a certificate")
    assert any("trust-anchor PEM" in e for e in report.errors)
    assert only(report, "c2pa", "signer").strength == SIGNED_UNTRUSTED


@pytest.mark.timeout(30)
def test_c2pa_tampered_copy_reads_as_invalid():
    report = read_provenance(tampered(signed_jpeg()))
    assert {f.strength for f in report.findings if f.source == "c2pa"} == {SIGNATURE_INVALID}
    assert "changed after it was signed" in only(report, "c2pa", "signer").meaning
    assert "assertion.dataHash.mismatch" in only(report, "c2pa", "validation state").value
    # The claim still counts, ranked below an intact one.
    assert suggested_categories(report) == [AI_GENERATED]


@pytest.mark.timeout(30)
def test_c2pa_unknown_algorithm_reads_as_invalid():
    report = read_provenance(with_unknown_algorithm(signed_jpeg()))
    state = only(report, "c2pa", "validation state")
    assert state.strength == SIGNATURE_INVALID
    assert "algorithm.unsupported" in state.value
    assert "unknown or unsupported algorithm" in only(report, "c2pa", "signer").meaning


@pytest.mark.timeout(30)
def test_c2pa_ingredient_made_by_ai_makes_the_edit_assisted():
    report = read_provenance(signed_edit_of_ai_image())
    ingredient = only(report, "c2pa", "ingredient 'parent.jpg' (parentOf): "
                      "c2pa.created digitalSourceType")
    assert ingredient.category == AI_ASSISTED
    assert "made from" in ingredient.meaning
    assert suggested_categories(report) == [AI_ASSISTED]


class _CountingHandler(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 - the name http.server calls
        self.hits.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.mark.timeout(30)
def test_c2pa_remote_manifest_is_not_fetched():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _CountingHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/manifest.c2pa"
        report = read_provenance(remote_manifest_png(url))
    finally:
        server.shutdown()
        server.server_close()
    assert _CountingHandler.hits == []
    finding = only(report, "c2pa", "remote manifest")
    assert finding.value == url
    assert "not fetched" in finding.meaning


# --- Bad input ----------------------------------------------------------------------------------

BAD_INPUTS = [
    # id, bytes, words expected in the file findings ("" = none expected)
    ("truncated-jpeg", truncated_jpeg, "truncated"),
    ("png-bad-crc-ihdr", lambda: png_with_bad_crc(b"IHDR"), "checksum"),
    ("png-bad-crc-idat", lambda: png_with_bad_crc(b"IDAT"), "checksum"),
    ("30000x30000-png", huge_png_header, ""),
    ("1px-gif", gif_1px, ""),
    ("cmyk-jpeg", cmyk_jpeg, ""),
    ("16-bit-png", i16_png, ""),
    ("text-chunk-bomb", text_bomb_png, "too large"),
    ("malformed-xmp", lambda: jpeg_bytes(xmp=MALFORMED_XMP), "not well-formed"),
    ("xmp-entity-bomb", lambda: jpeg_bytes(xmp=ENTITY_BOMB_XMP), "entity"),
    ("c2pa-unknown-algorithm", lambda: with_unknown_algorithm(signed_jpeg()), ""),
]


@pytest.mark.timeout(10)
@pytest.mark.parametrize(("make", "words"), [c[1:] for c in BAD_INPUTS],
                         ids=[c[0] for c in BAD_INPUTS])
def test_bad_input_gives_a_report(make, words):
    report = read_provenance(make(), filename="upload")
    assert words in file_notes(report)
    json.dumps(report.to_dict())


@pytest.mark.timeout(10)
@pytest.mark.parametrize(("data", "message"), [
    (b"", "the file is empty"),
    (zip_bytes(), "not an image: it looks like a ZIP archive (or an Office document)"),
    (b"%PDF-1.7\n...", "not an image: it looks like a PDF document"),
    (b"just some words", "not an image: it looks like plain text"),
])
def test_non_images_raise_provenance_error(data, message):
    with pytest.raises(ProvenanceError) as caught:
        read_provenance(data, filename="photo.jpg")
    assert str(caught.value) == message


def test_renamed_file_is_noted():
    report = read_provenance(png_bytes(), filename="holiday.jpg")
    assert "really a PNG" in only(report, "file").meaning


def test_plain_photo_has_no_evidence():
    report = read_provenance(jpeg_bytes())
    assert report.findings == [] and report.errors == []
    assert not report.has_evidence
    assert suggested_categories(report) == []


PREFIXES = [b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff\xe1", b"RIFF\x00\x00\x00\x00WEBP",
            b"GIF89a", b"II*\x00", b"\x00\x00\x00\x18ftypheic"]


@pytest.mark.timeout(120)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.sampled_from(PREFIXES), tail=st.binary(max_size=600))
def test_random_bytes_after_a_real_signature_never_crash(prefix, tail):
    report = read_provenance(prefix + tail)
    json.dumps(report.to_dict())


@pytest.mark.timeout(120)
@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_damaged_real_files_never_crash(data):
    original = data.draw(st.sampled_from([
        png_bytes(texts={"parameters": A1111_IMG2IMG}, compressed={"parameters"},
                  xmp=xmp_packet(digital_source_type=IPTC_BASE + "trainedAlgorithmicMedia")),
        jpeg_bytes(exif=exif_bytes(software="x", comment=user_comment("hi")), comment=b"c",
                   xmp=xmp_packet(credit="Made with Google AI")),
        signed_jpeg(),
    ]))
    damaged = bytearray(original)
    for _ in range(data.draw(st.integers(1, 8))):  # the signature stays: it is still an image
        damaged[data.draw(st.integers(12, len(damaged) - 1))] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(12, len(damaged)))
    report = read_provenance(bytes(damaged[:cut]))
    json.dumps(report.to_dict())


# --- The vocabulary -----------------------------------------------------------------------------

def test_finding_is_json_ready_and_tidy():
    finding = Finding("png-text", "parameters", "x\x1b[31m" + "y" * 500, "m", AI_GENERATED,
                      UNSIGNED_CLAIM)
    assert len(finding.value) == 200 and finding.value.endswith("…")
    assert "\x1b" not in finding.value
    as_dict = json.loads(json.dumps(finding.to_dict()))
    assert as_dict["category_label"] == "AI-generated"
    assert as_dict["strength_label"] == "Unsigned claim"


@pytest.mark.parametrize("field", ["source", "category", "strength"])
def test_finding_refuses_unknown_words(field):
    values = {"source": "xmp", "key": "k", "value": "v", "meaning": "m",
              "category": INFORMATION, "strength": HINT, field: "nonsense"}
    with pytest.raises(ValueError, match=field):
        Finding(**values)


def test_every_category_and_strength_has_a_label():
    assert set(CATEGORY_LABELS) == set(CATEGORIES)
    assert set(STRENGTH_LABELS) == set(STRENGTHS)
    assert STRENGTHS[0] == SIGNED_TRUSTED and STRENGTHS[-1] == HINT


def test_caveats_cover_the_three_warnings():
    text = " ".join(CAVEATS)
    for words in ("photo of a physical work", "stripped or forged", "Absence proves nothing"):
        assert words in text


def _f(category: str, strength: str) -> Finding:
    return Finding("xmp", f"{category}/{strength}", "v", "m", category, strength)


@pytest.mark.parametrize(("findings", "expected"), [
    ([], []),
    ([_f(INFORMATION, SIGNED_TRUSTED)], []),
    ([_f(CAMERA_CAPTURE, HINT), _f(AI_GENERATED, UNSIGNED_CLAIM)],
     [AI_GENERATED, CAMERA_CAPTURE]),
    ([_f(AI_GENERATED, HINT), _f(CAMERA_CAPTURE, SIGNED_TRUSTED)],
     [CAMERA_CAPTURE, AI_GENERATED]),
    ([_f(AI_ASSISTED, SIGNATURE_INVALID), _f(ALGORITHMIC, UNSIGNED_CLAIM)],
     [ALGORITHMIC, AI_ASSISTED]),
    ([_f(POSSIBLY_AI, HINT), _f(AI_GENERATED, HINT), _f(AI_GENERATED, SIGNED_UNTRUSTED)],
     [AI_GENERATED, POSSIBLY_AI]),
    ([_f(POSSIBLY_AI, HINT), _f(AI_ASSISTED, HINT)], [AI_ASSISTED, POSSIBLY_AI]),
])
def test_suggested_categories_strongest_first(findings, expected):
    report = ProvenanceReport(filename=None, format="PNG", findings=findings)
    assert suggested_categories(report) == expected
