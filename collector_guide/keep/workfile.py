"""Work files: checked against their rubric when read, written exactly when saved.

The same TOML the app re-opens and `collector-guide read` reads. A writer is needed because the
standard library only reads TOML; work files hold nothing but text and lists of ids, so a
small, exact writer is enough.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from pathlib import Path as FsPath

from collector_guide.assess.scoring import assess
from collector_guide.rubric.checks import Found
from collector_guide.rubric.fields import NOT_SURE
from collector_guide.rubric.loading import Checked, read_file, read_work_model, sorted_problems
from collector_guide.rubric.models import Rubric
from collector_guide.rubric.problems import LoadError, describe, did_you_mean, listing
from collector_guide.rubric.work import Work, WorkInfo


def check_work_bytes(raw: bytes, file: str, rubrics: dict[str, Rubric],
                     searched: str = "") -> Checked:
    """Check a work file against its rubric, which must be among `rubrics` (`searched` says,
    for the message, where else the rubric was looked for)."""
    try:
        work, locator = read_work_model(raw, file)
    except LoadError as exc:
        return Checked(file, "work", None, exc.problems)
    found = _answer_problems(work, rubrics, searched)
    rubric = rubrics.get(work.assessment.rubric)
    if rubric is not None and work.assessment.rubric_version != rubric.version:
        # Made with another version: answers that no longer fit are dropped with a warning,
        # so the collector keeps everything that still means what it meant.
        stale = {loc[1] for loc, _, sev in found if loc[:1] == ("answers",) and sev == "error"}
        found = [(loc, msg, "warning" if loc[:1] == ("answers",) else sev)
                 for loc, msg, sev in found]
        if stale:
            kept = {k: v for k, v in work.answers.items() if k not in stale}
            work = work.model_copy(update={"answers": kept})
    problems = sorted_problems(locator.problem(loc, msg, sev) for loc, msg, sev in found)
    usable = not any(p.severity == "error" for p in problems)
    return Checked(file, "work", work if usable else None, problems)


def load_work(path: str | FsPath, rubrics: dict[str, Rubric] | Rubric) -> Work:
    """Load a work file and check its answers; raise `LoadError` with every problem found.
    One rubric given that translates another also reads works of the original (the same ids)."""
    if isinstance(rubrics, Rubric):
        one = rubrics
        rubrics = {one.id: one}
        if one.rubric.translation_of:
            rubrics.setdefault(one.rubric.translation_of, one)
    checked = check_work_bytes(read_file(path), str(path), rubrics)
    if not checked.ok:
        raise LoadError(checked.problems)
    return checked.model  # type: ignore[return-value]


def _answer_problems(w: Work, rubrics: dict[str, Rubric], searched: str = "") -> list[Found]:
    """The work's rubric, and its answers checked against that rubric."""
    found: list[Found] = []
    r = rubrics.get(w.assessment.rubric)
    if r is None:
        # Answers that cannot be checked are never passed as fine.
        if rubrics:
            message = (f"no rubric has the id '{w.assessment.rubric}'; the rubrics are: "
                       f"{listing(rubrics)}." + did_you_mean(w.assessment.rubric, rubrics))
        else:
            message = (f"no rubric with the id '{w.assessment.rubric}' was found "
                       f"{searched or 'among the rubrics given'}, so the answers cannot be "
                       "checked: name its rubric file too, or its folder with --rubrics DIR")
        return [(("assessment", "rubric"), message, "error")]
    if w.assessment.rubric_version != r.version:
        found.append((
            ("assessment", "rubric_version"),
            f"this work was read with version {w.assessment.rubric_version} of "
            f"'{r.id}'; the rubric is now version {r.version}. Answers that still fit are "
            "kept, the others are dropped (each is listed below); check the reading",
            "warning",
        ))
    found += answer_problems(r, w.answers, ("answers",))
    if w.gallery_reading is not None:
        found += _gallery_reading_problems(r, w)
    return found


def answer_problems(r: Rubric, answers: Mapping[str, object], where: tuple) -> list[Found]:
    """Each answer checked against its question: known question, known options, right shape,
    and (once they all fit) whether the question is asked at all with these answers."""
    found: list[Found] = []
    questions = [q.id for q in r.questions]
    for qid, answer in answers.items():
        loc = (*where, qid)
        q = r.question(qid)
        if q is None:
            found.append((
                loc,
                f"the rubric '{r.id}' has no question '{qid}'." + did_you_mean(qid, questions),
                "error",
            ))
            continue
        options = [o.id for o in q.options] + [NOT_SURE]
        if q.kind == "multiple":
            if isinstance(answer, str) and answer != NOT_SURE:
                found.append((loc, f"'{qid}' takes several answers: write a list, "
                              f'["{answer}"]', "error"))
                continue
            values = [answer] if isinstance(answer, str) else answer
        else:
            if not isinstance(answer, str):
                found.append((loc, f"'{qid}' takes one answer, written in quotes; "
                              f"found {describe(answer)}. Its answers are: {listing(options)}",
                              "error"))
                continue
            values = [answer]
        if not isinstance(values, list):
            found.append((loc, f"expected a list of answers, found {describe(answer)}", "error"))
            continue
        if not values:
            found.append((loc, f"an empty list is no answer: leave '{qid}' out to leave it "
                          'open, or write "not_sure"', "error"))
            continue
        for i, value in enumerate(values):
            at = (*loc, i) if isinstance(answer, list) else loc
            if not isinstance(value, str) or value not in options:
                found.append((
                    at,
                    f"{describe(value)} is not an answer to '{qid}'; its answers are: "
                    f"{listing(options)}." + did_you_mean(str(value), options),
                    "error",
                ))
            elif value in values[:i]:
                found.append((at, f"'{value}' is chosen twice; write each answer once",
                              "error"))
            elif value == NOT_SURE and len(values) > 1:
                found.append((at, '"not_sure" cannot be combined with other answers: write '
                              'either "not_sure" or the answers you are sure of', "error"))
    if not any(sev == "error" for *_, sev in found):
        shown = set(assess(r, answers).shown)
        for qid in answers:
            if qid not in shown:
                found.append((
                    (*where, qid),
                    "this question is not asked with these answers (its show_if is not met); "
                    "its answer is ignored",
                    "warning",
                ))
    return found


def _gallery_reading_problems(r: Rubric, w: Work) -> list[Found]:
    reading = w.gallery_reading
    found = answer_problems(r, reading.answers, ("gallery_reading", "answers"))
    questions = [q.id for q in r.questions]
    for qid in reading.notes:
        loc = ("gallery_reading", "notes", qid)
        if r.question(qid) is None:
            found.append((loc, f"the rubric '{r.id}' has no question '{qid}'."
                          + did_you_mean(qid, questions), "error"))
        elif qid not in reading.answers:
            found.append((loc, f"there is a note on '{qid}' but no answer to it in "
                          "[gallery_reading.answers]; visitors see a note beside the gallery's "
                          "answer, so add the answer (\"not_sure\" is one)", "warning"))
    if not reading.answers:
        found.append((("gallery_reading",), "the gallery's reading has no answers yet, so "
                      "visitors have nothing to compare with; add [gallery_reading.answers]",
                      "warning"))
    return found


# --- writing -------------------------------------------------------------------------------


_TOML_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n",
                 "\f": "\\f", "\r": "\\r"}


def _toml_char(ch: str) -> str:
    if ch in _TOML_ESCAPES:
        return _TOML_ESCAPES[ch]
    if unicodedata.category(ch) == "Cs":  # a lone surrogate is no character: TOML refuses it
        return "\\uFFFD"
    # TOML forbids control characters (U+0000–U+001F, U+007F) in strings; C1 controls and line
    # separators are allowed but invisible, so they are written as escapes too.
    if unicodedata.category(ch) in ("Cc", "Zl", "Zp"):
        return f"\\u{ord(ch):04X}"
    return ch


def toml_string(value: str) -> str:
    """A TOML basic string that reads back as exactly `value`, whatever it holds."""
    return '"' + "".join(_toml_char(ch) for ch in value) + '"'



def dump_work(rubric: Rubric, work: WorkInfo | Mapping[str, str],
              answers: Mapping[str, object]) -> str:
    """A work file for these details and answers, answers in the rubric's question order."""
    details = work.model_dump() if isinstance(work, WorkInfo) else dict(work)
    lines = [
        "# Collector Guide work file: re-open it in the app, or run",
        f"#   collector-guide read --rubric rubrics/{rubric.id}.toml THIS_FILE",
        "",
        "[work]",
    ]
    for key in WorkInfo.model_fields:
        value = details.get(key)
        if value:
            lines.append(f"{key} = {toml_string(str(value))}")
    lines += ["", "[assessment]", f"rubric = {toml_string(rubric.id)}",
              f"rubric_version = {toml_string(rubric.version)}", "", "[answers]"]
    for q in rubric.questions:
        if q.id not in answers:
            continue
        value = answers[q.id]
        if isinstance(value, (list, tuple)):
            lines.append(f"{q.id} = [{', '.join(toml_string(v) for v in value)}]")
        else:
            lines.append(f"{q.id} = {toml_string(str(value))}")
    return "\n".join(lines) + "\n"
