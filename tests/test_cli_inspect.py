"""`collector-guide inspect`: exact output, JSON shape, exit codes, one-line errors."""

from __future__ import annotations

import io
import json

import pytest
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
        f"{path} (PNG)\n"
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
    assert out == f"{path} (JPEG)\n  no provenance evidence found\n\n" + CAVEAT_BLOCK


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
    assert out.startswith(f"{good} (PNG)\n  no provenance evidence found\n")


BAD_BUT_READABLE = [
    ("truncated.jpg", truncated_jpeg, "truncated"),
    ("huge.png", huge_png_header, "no provenance evidence found"),
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
