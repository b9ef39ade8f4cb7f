"""Writing work files: the same TOML the app re-opens and `collector-guide read` reads.

A writer is needed because the standard library only reads TOML. Work files hold nothing but
text and lists of ids, so a small, exact writer is enough.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from collector_guide.rubric import Rubric, WorkInfo


def toml_string(value: str) -> str:
    # A JSON string literal is a valid TOML basic string (same escapes), with one exception:
    # TOML has no \/ escape, and json.dumps never writes one.
    return json.dumps(value, ensure_ascii=False)


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
