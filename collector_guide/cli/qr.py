"""`collector-guide qr`: QR codes for the gallery's wall labels, as PNGs and one A4 PDF.

A thin shell: read the gallery (and its catalogue), build each work's link from the base URL,
write the files, print what was written. Problems in the gallery's files are printed as
`check` prints them; only having nothing to write is an error.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TextIO

from collector_guide.authoring.check import load_rubrics
from collector_guide.gallery.links import work_url
from collector_guide.gallery.qr import QrLabel, label_png, sheet_pdf
from collector_guide.gallery.setup import ENV, load_site
from collector_guide.rubric import Labels

SHEET = "qr-codes.pdf"


def add_parser(sub) -> None:
    qr = sub.add_parser(
        "qr",
        help="write QR codes for the gallery's wall labels (PNGs and an A4 PDF)",
        description="Write a QR code for each work in the gallery's catalogue: one PNG per "
        f"work (ID.png) and an A4 sheet of them all ({SHEET}), each with the work's title. "
        "A code opens the guide on that work: BASE_URL?work=ID.",
    )
    qr.add_argument("gallery", nargs="?", metavar="GALLERY",
                    help=f"the gallery.toml (default: ${ENV})")
    qr.add_argument("--base-url", metavar="URL",
                    help="the guide's public address (default: base_url in gallery.toml)")
    qr.add_argument("--rubrics", metavar="FOLDER",
                    help="the rubrics folder (default: $COLLECTOR_GUIDE_RUBRICS or rubrics/)")
    qr.add_argument("--out", metavar="FOLDER", default="qr",
                    help="where to write the files (default: qr/)")
    qr.add_argument("--work", action="append", metavar="ID", dest="works",
                    help="only this work (may be given more than once)")


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    path = args.gallery or os.environ.get(ENV)
    if not path:
        err.write(f"Error: name a gallery.toml (or set {ENV})\n")
        return 1
    folder = args.rubrics or os.environ.get("COLLECTOR_GUIDE_RUBRICS") or "rubrics"
    rubrics = load_rubrics(folder).rubrics if Path(folder).is_dir() else {}
    site = load_site(path, rubrics)
    for problem in site.problems:
        err.write(f"{problem}\n")
    base = args.base_url or site.config.gallery.base_url
    if not base or not base.startswith(("http://", "https://")):
        err.write("Error: no base URL: pass --base-url https://… or set base_url in the "
                  "gallery's [gallery] table\n")
        return 1
    works = site.works
    if args.works:
        unknown = [w for w in args.works if w not in works]
        if unknown:
            err.write(f"Error: no work with the id {', '.join(unknown)} in the catalogue; "
                      f"the works are: {', '.join(works) or '(none)'}\n")
            return 1
        works = {w: works[w] for w in args.works}
    if not works:
        err.write("Error: the gallery's catalogue has no works to make codes for\n")
        return 1
    rid = site.default_rubric or next(iter(site.rubric_ids), None)
    labels = rubrics[rid].labels if rid in rubrics else Labels()
    items = {wid: QrLabel(w.title, w.work.work.artist, work_url(base, wid), labels.qr_caption)
             for wid, w in works.items()}
    target = Path(args.out)
    target.mkdir(parents=True, exist_ok=True)
    for wid, label in items.items():
        (target / f"{wid}.png").write_bytes(label_png(label))
        out.write(f"{target / (wid + '.png')}  {label.url}\n")
    (target / SHEET).write_bytes(sheet_pdf(list(items.values()), site.name or ""))
    out.write(f"{target / SHEET}  {len(items)} code{'s' if len(items) != 1 else ''}\n")
    return 0
