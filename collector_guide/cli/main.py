"""The `collector-guide` command: check files, read a work, print the schema, inspect images,
serve the app, make QR codes for wall labels.

A thin shell over the library: parse arguments, call the API, turn a `LoadError` into located
`file:line:col: error: …` lines and exit code 1. `main(argv)` is testable without a subprocess.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TextIO

from collector_guide.assess.reading import compose
from collector_guide.assess.renderings import to_json, to_markdown, to_text
from collector_guide.assess.scoring import assess
from collector_guide.authoring.check import check_paths, load_rubric, load_work_and_rubric
from collector_guide.authoring.reference import labels_table, regenerate
from collector_guide.cli import qr
from collector_guide.keep.workfile import load_work
from collector_guide.rubric import LoadError, Rubric, Work
from collector_guide.rubric.schema import schema_text


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="collector-guide",
        description="Read an AI-era artwork on two spectra: AI-assisted ↔ AI-generated, "
        "novelty ↔ durability.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    check = sub.add_parser(
        "check",
        help="check rubric, work and gallery files for mistakes",
        description="Check rubric files, work files, gallery configs or folders of them. "
        "Every problem in every "
        "file is reported as FILE:LINE:COL: error: …; the exit code is 1 if any error is found.",
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="a file, or a folder of *.toml")
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument("--rubrics", metavar="DIR", help="where to find the rubric of a work file "
                       "that is not among the PATHs (default: $COLLECTOR_GUIDE_RUBRICS, else "
                       "./rubrics)")

    read = sub.add_parser(
        "read",
        help="print the reading of a work file",
        description="Print the reading of a work file, as text, Markdown or JSON.",
    )
    read.add_argument("work", metavar="WORK", help="a work file (TOML)")
    read.add_argument("--rubric", metavar="RUBRIC", help="the rubric file (default: the rubric "
                      "with the work's id in --rubrics DIR)")
    read.add_argument("--rubrics", metavar="DIR", help="where to find the work's rubric "
                      "(default: $COLLECTOR_GUIDE_RUBRICS, else ./rubrics)")
    read.add_argument("--format", choices=("text", "markdown", "json"), default="text")

    schema = sub.add_parser(
        "schema",
        help="print the JSON Schema of the rubric format",
        description="Print the JSON Schema of the rubric format (the file "
        "rubrics/rubric.schema.json), for editors (Taplo, Even Better TOML) to autocomplete "
        "and underline mistakes.",
    )
    schema.add_argument("--work", action="store_true",
                        help="the schema of work files instead (rubrics/work.schema.json)")
    sub.add_parser(
        "regenerate",
        help="rewrite the schemas and reference docs after a model changes",
        description="Rewrite every file generated from the models — rubrics/rubric.schema.json, "
        "rubrics/work.schema.json and the tables in docs/rubric-format.md and docs/labels.md — "
        "in the current folder, which must be the repository's root.",
    )
    sub.add_parser(
        "labels",
        help="list every interface word a rubric's [labels] table can change",
        description="Print, as a Markdown table, every word of the app's interface that a "
        "rubric's [labels] table can override, with its English default.",
    )
    qr.add_parser(sub)
    sub.add_parser(
        "inspect",
        help="read provenance evidence from image files",
        description="Read C2PA Content Credentials, IPTC digital source type and generator "
        "metadata from image files.",
        add_help=False,
    )
    sub.add_parser(
        "serve",
        help="serve the app for many visitors (ASGI, gzip, replicas)",
        description="Serve the app under uvicorn; see `collector-guide serve --help`.",
        add_help=False,
    )
    return parser


def main(argv: list[str] | None = None, out: TextIO | None = None,
         err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["inspect"]:
        from collector_guide.cli.inspect import inspect_main

        return inspect_main(argv[1:], out=out, err=err)
    if argv[:1] == ["serve"]:
        # Imported only here: `check` and `read` never load Streamlit.
        from collector_guide.serve.main import serve_main

        return serve_main(argv[1:], out=out, err=err)
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.command == "check":
        return _check(args.paths, args.strict, rubrics_folder(args.rubrics), out, err)
    if args.command == "read":
        return _read(args.work, args.rubric, rubrics_folder(args.rubrics), args.format, out,
                     err)
    if args.command == "qr":
        return qr.run(args, out, err)
    if args.command == "labels":
        out.write(labels_table())
        return 0
    if args.command == "schema":
        out.write(schema_text(Work if args.work else Rubric))
        return 0
    if args.command == "regenerate":
        return _regenerate(out, err)
    return 2  # pragma: no cover - argparse rejects unknown commands


def _regenerate(out: TextIO, err: TextIO) -> int:
    try:
        changed = regenerate(Path.cwd())
    except (FileNotFoundError, ValueError) as exc:
        err.write(f"Error: {exc}\n")
        return 1
    out.write("".join(f"rewrote {name}\n" for name in changed) or "everything is up to date\n")
    return 0


def rubrics_folder(given: str | None) -> str:
    """The folder of rubrics a work file's rubric is looked up in, by its id."""
    return given or os.environ.get("COLLECTOR_GUIDE_RUBRICS") or "rubrics"


def _check(paths: list[str], strict: bool, rubrics: str, out: TextIO, err: TextIO) -> int:
    results = check_paths(paths, rubrics)
    errors = warnings = 0
    for checked in results:
        for problem in checked.problems:
            err.write(f"{problem}\n")
            if problem.severity == "error":
                errors += 1
            else:
                warnings += 1
    failed = errors + (warnings if strict else 0)
    summary = f"{len(results)} file{'s' if len(results) != 1 else ''} checked: "
    summary += f"{errors} error{'s' if errors != 1 else ''}, "
    summary += f"{warnings} warning{'s' if warnings != 1 else ''}"
    out.write(summary + "\n")
    return 1 if failed else 0


def _read(work_path: str, rubric_path: str | None, rubrics: str, fmt: str, out: TextIO,
          err: TextIO) -> int:
    try:
        if rubric_path:
            rubric = load_rubric(rubric_path)
            work = load_work(work_path, rubric)
        else:
            work, rubric = load_work_and_rubric(work_path, rubrics)
    except LoadError as exc:
        for problem in exc.problems:
            if problem.severity == "error":
                err.write(f"{problem}\n")
        return 1
    placement = assess(rubric, work.answers)
    reading = compose(rubric, placement, work=work.work)
    if fmt == "json":
        out.write(to_json(rubric, placement, reading, work.work) + "\n")
    elif fmt == "markdown":
        out.write(to_markdown(reading, work.work, rubric.labels.untitled))
    else:
        out.write(to_text(reading, work.work))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
