"""The studio's two lists: the problems found, each with its lines, and where the sample works
land before and after an edit. Pasted text is shown as code or escaped, never as markup."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import streamlit as st

from collector_guide.assess.reading import fmt_value
from collector_guide.authoring.studio import Move, Place, excerpt_block
from collector_guide.rubric import Labels, Problem
from collector_guide.ui.common import literal

MAX_SHOWN = 50  # problems listed with their lines; the count above says how many in all


def problems_list(text: str, problems: list[Problem], group: str = "edit") -> None:
    """Each problem in the words of `collector-guide check`, then the lines around it with
    its line marked (▶) and, when the column is known, a caret under it. Files go by their
    names only: the server's folders are nobody's business."""
    for i, problem in enumerate(problems[:MAX_SHOWN]):
        problem = replace(problem, file=Path(problem.file).name)
        with st.container(key=f"studio_{group}_problem_{i}"):
            show = st.error if problem.severity == "error" else st.warning
            show(literal(str(problem)), icon=":material/error:" if problem.severity == "error"
                 else ":material/warning:")
            block = excerpt_block(text, problem.line, problem.column)
            if block:
                st.code(block, language=None, wrap_lines=True)  # no scrolling box


def _place(words: Labels, p: Place | None) -> str:
    if p is None:
        return words.studio_gone
    return f"{fmt_value(p.x)}, {fmt_value(p.y)} · {p.archetype}"


def _cell(text: str) -> str:
    return literal(text).replace("|", "\\|").replace("\n", " ")


def moves_table(words: Labels, found: list[Move]) -> None:
    """One row per sample work: its place and nearest archetype before → after, moved ones
    marked and listed first."""
    moved = [m for m in found if m.moved]
    st.markdown(words.studio_moved_count.format(moved=len(moved), total=len(found)))
    head = [words.studio_work, words.studio_before, words.studio_after, words.studio_moved]
    lines = ["| " + " | ".join(_cell(h) for h in head) + " |", "|" + " --- |" * len(head)]
    for m in [*moved, *(m for m in found if not m.moved)]:
        cells = [m.work, _place(words, m.before), _place(words, m.after),
                 words.studio_moved_mark if m.moved else ""]
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    st.markdown("\n".join(lines))
