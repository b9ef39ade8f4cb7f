"""`collector-guide inspect`: exact output, JSON shape, exit codes, one-line errors."""

from __future__ import annotations

import contextlib
import io
import json

import pytest
from image_fixtures import heic_bytes, jxl_bytes
from provenance_fixtures import (
    A1111_IMG2IMG,
    ENTITY_BOMB_XMP,
    huge_png_header,
    jpeg_bytes,
    png_bytes,
    signed_jpeg,
    signing_credentials,
    text_bomb_png,
    truncated_jpeg,
    zip_bytes,
)

from collector_guide.cli.inspect import inspect_main
from collector_guide.photo.provenance import CAVEATS


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = inspect_main(list(argv), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def files(tmp_path):
    def write(name: str, data: bytes) -> str:
        path = tmp_path / name
        path.write_bytes(data)
        return str(path)

    return write


CAVEAT_BLOCK = "Keep in mind:\n" + "".join(f"  - {c}\n" for c in CAVEATS)


def test_text_output_for_an_img2img_png(files):
    path = files("fox.png", png_bytes(texts={"parameters": A1111_IMG2IMG}))
    status, out, err = run(path)
    assert (status, err) == (0, "")
    assert out == (
        f"{path} (PNG, 32×24 pixels)\n"
        "  - [png-text] parameters: a lighthouse at dusk\n"
        "    AI-assisted or composite | Unsigned claim. Generation settings written by "
        "AUTOMATIC1111's Stable Diffusion web UI (model 'dreamshaper_8'): 'Denoising strength "
        "0.55' without a hires-fix pass means image-to-image: an input image (a photo, drawing "
        "or earlier generation) was transformed by the model.\n"
        "  Suggests: AI-assisted or composite\n"
        "\n" + CAVEAT_BLOCK
    )


def test_plain_file_says_no_evidence_with_the_caveats(files):
    path = files("plain.jpg", jpeg_bytes())
    status, out, err = run(path)
    assert (status, err) == (0, "")
    assert out == f"{path} (JPEG, 32×24 pixels)\n  no provenance evidence found\n\n" + CAVEAT_BLOCK


@pytest.mark.timeout(30)
def test_signed_file_names_the_signer(files):
    path = files("signed.jpg", signed_jpeg())
    status, out, _ = run(path)
    assert status == 0
    assert "signer not checked against a trust list" in out
    assert "Suggests: AI-generated" in out


@pytest.mark.timeout(30)
def test_trust_anchors_option(files, tmp_path):
    anchors = tmp_path / "anchors.pem"
    anchors.write_text(signing_credentials().ca_pem)
    status, out, _ = run(files("signed.jpg", signed_jpeg()), "--trust-anchors", str(anchors),
                         "--format", "json")
    assert status == 0
    strengths = {f["strength"] for f in json.loads(out)["files"][0]["findings"]}
    assert strengths == {"signed-trusted"}


def test_missing_trust_anchor_file(files, tmp_path):
    status, out, err = run(files("a.png", png_bytes()), "--trust-anchors",
                           str(tmp_path / "nope.pem"))
    assert status == 1 and out == ""
    assert err == f"{tmp_path / 'nope.pem'}: error: cannot read the trust anchors: " \
                  "No such file or directory\n"


def test_json_output(files):
    good = files("fox.png", png_bytes(texts={"parameters": A1111_IMG2IMG}))
    bad = files("empty.jpg", b"")
    status, out, err = run(good, bad, "--format", "json")
    assert status == 1
    assert err == f"{bad}: error: the file is empty\n"
    payload = json.loads(out)
    assert payload["caveats"] == CAVEATS
    first, second = payload["files"]
    assert (first["path"], first["ok"], first["format"]) == (good, True, "PNG")
    assert first["suggested_categories"] == ["ai-assisted-or-composite"]
    assert first["findings"][0]["source"] == "png-text"
    assert second == {"path": bad, "ok": False, "error": "the file is empty"}


def test_unreadable_files_get_one_line_each_and_exit_1(files, tmp_path):
    good = files("ok.png", png_bytes())
    empty = files("empty.png", b"")
    zipped = files("holiday.jpg", zip_bytes())
    missing = str(tmp_path / "missing.jpg")
    folder = str(tmp_path)
    status, out, err = run(good, empty, zipped, missing, folder)
    assert status == 1
    assert err.splitlines() == [
        f"{empty}: error: the file is empty",
        f"{zipped}: error: not an image: it looks like a ZIP archive (or an Office document)",
        f"{missing}: error: No such file or directory",
        f"{folder}: error: Is a directory",
    ]
    assert out.startswith(f"{good} (PNG, 32×24 pixels)\n  no provenance evidence found\n")


BAD_BUT_READABLE = [
    ("bomb.png", text_bomb_png, "too large to read"),
    ("entities.jpg", lambda: jpeg_bytes(xmp=ENTITY_BOMB_XMP), "entity bomb"),
]


@pytest.mark.timeout(10)
@pytest.mark.parametrize(("name", "make", "words"), BAD_BUT_READABLE,
                         ids=[c[0] for c in BAD_BUT_READABLE])
def test_bad_but_readable_files_exit_0_with_a_note(files, name, make, words):
    status, out, err = run(files(name, make()))
    assert (status, err) == (0, "")
    assert words in out


def test_help_exits_0_and_documents_every_option():
    status, out, err = run("--help")
    assert (status, err) == (0, "")
    assert out.startswith("usage: collector-guide inspect")
    for option in ("--format", "--trust-anchors", "FILE"):
        assert option in out


@pytest.mark.parametrize("argv", [[], ["x.png", "--format", "xml"]], ids=["no-files", "format"])
def test_usage_errors_exit_2(argv):
    status, out, err = run(*argv)
    assert status == 2 and out == ""
    assert err.startswith("usage: collector-guide inspect")
    assert "collector-guide inspect: error:" in err


# Hostile images the app would refuse: inspect still says what the file is and what it says about
# itself, then why it would be refused as a photo, and exits 1.
REFUSED = [
    # id, bytes, the header line's tail, the exact refusal
    ("decompression-bomb", huge_png_header, "(PNG, 30000×30000 pixels)",
     "This image is too large: 30000×30000 pixels (900,000,000); the limit is 60,000,000 "
     "pixels. Upload a smaller version."),
    ("truncated-jpeg", truncated_jpeg, "(JPEG, 200×150 pixels)",
     "The image file is incomplete (it ends early), perhaps from an interrupted download or "
     "copy. Try uploading it again."),
    ("truncated-heic", lambda: heic_bytes()[:-200], "(HEIF)",
     "This HEIC photo is damaged or incomplete (perhaps cut off during a download or copy), so "
     "it cannot be shown. Try exporting or sending it again."),
    ("jpeg-xl", jxl_bytes, "(JPEG XL)",
     "This is a JPEG XL file. Collector Guide can read what it says about how it was made, but "
     "cannot show it as a picture here. Export it as JPEG, PNG or HEIC to see it."),
]


@pytest.mark.timeout(20)
@pytest.mark.parametrize(("make", "header", "refusal"), [c[1:] for c in REFUSED],
                         ids=[c[0] for c in REFUSED])
def test_refused_images_say_what_they_are_and_why(files, make, header, refusal):
    path = files("photo", make())
    status, out, err = run(path)
    assert status == 1
    assert out.splitlines()[:2] == [f"{path} {header}", f"  Would be refused as a photo: {refusal}"]
    assert err == f"{path}: error: would be refused as a photo: {refusal}\n"
    assert "libheif" not in out and "iloc" not in out


def test_refusal_is_in_the_json_too(files):
    path = files("huge.png", huge_png_header())
    status, out, _ = run(path, "--format", "json")
    entry = json.loads(out)["files"][0]
    assert status == 1
    assert (entry["ok"], entry["width"], entry["height"]) == (False, 30000, 30000)
    assert entry["refused_as_photo"].startswith("This image is too large: 30000×30000 pixels")


@pytest.mark.timeout(20)
@pytest.mark.parametrize("source", ["/dev/zero", "fifo"])
def test_endless_input_is_capped_at_the_upload_limit(tmp_path, source):
    if source == "fifo":
        import os
        import threading

        source = str(tmp_path / "pipe")
        os.mkfifo(source)

        def feed():  # a writer that would go on for ever
            with contextlib.suppress(BrokenPipeError), open(source, "wb") as pipe:
                while True:
                    pipe.write(b"\xff\xd8\xff" + bytes(1 << 20))

        threading.Thread(target=feed, daemon=True).start()
    status, out, err = run(source)
    assert status == 1 and out == ""
    assert err == f"{source}: error: larger than 30 MB, the limit for photos; it was not read\n"
