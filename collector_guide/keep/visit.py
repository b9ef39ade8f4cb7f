"""A visit: several works read in one session, as a table (pandas) and a CSV download."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from collector_guide.assess import escape
from collector_guide.assess.scoring import assess
from collector_guide.keep.urlstate import visit_answers
from collector_guide.rubric import Rubric

COLUMNS = ("title", "artist", "year", "rubric", "rubric_version", "archetype")


def visit_table(entries: Sequence[Mapping], rubrics: Mapping[str, Rubric],
                untitled: str = "Untitled work") -> pd.DataFrame:
    """One row per work: its details, position, interval, nearest archetype and open questions."""
    rows = []
    for entry in entries:
        rubric = rubrics.get(entry.get("rubric", ""))
        if rubric is None:
            continue
        placement = assess(rubric, visit_answers(rubric, entry))
        work = entry.get("work", {})
        archetypes = {a.id: a.name for a in rubric.archetypes}
        row = {
            "title": work.get("title") or untitled,
            "artist": work.get("artist", ""),
            "year": work.get("year", ""),
            "rubric": rubric.id,
            "rubric_version": rubric.version,
            "archetype": archetypes[placement.nearest_archetype],
        }
        for axis in rubric.axes:
            p = placement.axes[axis.id]
            row[axis.id] = round(p.value, 3)
            row[f"{axis.id}_low"] = round(p.low, 3)
            row[f"{axis.id}_high"] = round(p.high, 3)
            row[f"{axis.id}_band"] = p.band
        row["open_questions"] = len(placement.unsure)
        rows.append(row)
    return pd.DataFrame(rows)


def visit_csv(entries: Sequence[Mapping], rubrics: Mapping[str, Rubric],
              untitled: str = "Untitled work") -> str:
    table = visit_table(entries, rubrics, untitled)
    # Spreadsheet apps run cells that start with = + - @ as formulas, and a bare line break
    # starts a row: every text cell (typed by a visitor or taken from a rubric) is defused.
    for column in table.columns:
        if not pd.api.types.is_numeric_dtype(table[column]):
            table[column] = table[column].map(escape.spreadsheet)
    return table.to_csv(index=False, lineterminator="\r\n")
