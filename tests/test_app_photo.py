"""The photo step in the app: images shown small, provenance evidence offered, never imposed,
and every bad file answered with a clear message (AppTest uploads)."""

from __future__ import annotations

import pytest
from conftest import ROOT
from provenance_fixtures import (
    cmyk_jpeg,
    gif_1px,
    huge_png_header,
    i16_png,
    jpeg_bytes,
    png_bytes,
    png_with_bad_crc,
    signed_jpeg,
    text_bomb_png,
    truncated_jpeg,
    xmp_packet,
    zip_bytes,
)
from streamlit.testing.v1 import AppTest

from collector_guide.keep.urlstate import encode
from collector_guide.ui.screens import result_step

pytestmark = pytest.mark.timeout(120)
TRAINED = "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia"


def work_step(default_rubric) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for k, v in encode(default_rubric, 1, {}, {"title": "T"}, []).items():
        at.query_params[k] = v
    return at.run()


def upload(at: AppTest, name: str, data: bytes) -> AppTest:
    at.file_uploader(key="photo_upload").upload(name, data, "image/*")
    at = at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def page_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    parts += [e.value for e in at.error] + [i.value for i in at.info]
    parts += [s.value for s in at.subheader]
    return "\n".join(parts).replace("\\", "")


def test_a_plain_photo_is_shown_small_and_says_absence_proves_nothing(default_rubric):
    at = upload(work_step(default_rubric), "photo.jpg", jpeg_bytes((3000, 2000)))
    assert len(at.get("image")) == 1
    assert default_rubric.labels.evidence_none in page_text(at)
    assert "Absence proves nothing" in page_text(at)
    kept = at.session_state["cg_photo"]
    assert len(kept["jpeg"]) < 400_000  # only the display copy is kept
    assert "data" not in kept


def test_evidence_suggests_an_answer_the_collector_confirms(default_rubric):
    data = png_bytes(xmp=xmp_packet(digital_source_type=TRAINED))
    at = upload(work_step(default_rubric), "made.png", data)
    text = page_text(at)
    assert "AI-generated" in text and "Unsigned claim" in text
    assert default_rubric.labels.evidence_suggests in text
    assert "primary_source" not in at.session_state["cg_answers"]  # never set silently
    at = at.button(key="use_primary_source").click().run()
    assert at.session_state["cg_answers"]["primary_source"] == "model_output"
    assert default_rubric.labels.evidence_agrees in page_text(at)


def test_signed_credentials_reach_the_reading(default_rubric):
    at = upload(work_step(default_rubric), "signed.jpg", signed_jpeg())
    assert "Signature valid; signer not checked against a trust list" in page_text(at)
    at.session_state["cg_step"] = result_step(default_rubric)
    at = at.run()
    assert not at.exception
    assert "signed Content Credentials" in page_text(at)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.jpg", b"", "empty"),
        ("archive.jpg", zip_bytes(), "not"),
        ("cut.jpg", truncated_jpeg(), ""),
        ("crc.png", png_with_bad_crc(), ""),
        ("huge.png", huge_png_header(), "too large"),
        ("bomb.png", text_bomb_png(), ""),
        ("one.png", gif_1px(), ""),  # GIF bytes behind an allowed name
        ("cmyk.jpg", cmyk_jpeg(), ""),
        ("deep.png", i16_png(), ""),
    ],
    ids=["empty", "zip", "truncated", "bad-crc", "30000px", "text-bomb", "gif", "cmyk", "16bit"],
)
@pytest.mark.timeout(30)
def test_bad_or_odd_images_never_crash(default_rubric, name, data, message):
    at = upload(work_step(default_rubric), name, data)
    shown = len(at.get("image")) + len(at.error)
    assert shown == 1  # either the image, converted, or one clear message
    if message:
        assert message in "\n".join(e.value for e in at.error).lower()
    assert at.session_state["cg_work"] == {"title": "T"}  # nothing typed was lost
