"""The rubric, as it is defined: the models of rubric and work files, loading them with located
problems, and the checks that need nothing but the file itself.

The models' names are gathered here, so other layers can write `from collector_guide.rubric
import Rubric, Question, WorkInfo`; reading files is in `collector_guide.rubric.loading`.
"""

from collector_guide.rubric.fields import NOT_SURE, Id, Strict, Text, Unit
from collector_guide.rubric.labels import LABEL_PLACEHOLDERS, Labels
from collector_guide.rubric.models import (
    EVIDENCE_CATEGORIES,
    READING_PLACEHOLDERS,
    Archetype,
    ArchetypeNote,
    Axis,
    Band,
    Caution,
    Condition,
    EvidenceHint,
    Option,
    Question,
    ReadingText,
    Rubric,
    RubricInfo,
    Section,
    effect_range,
    moves,
)
from collector_guide.rubric.problems import LoadError, Problem
from collector_guide.rubric.work import (
    WORK_TEXT_LIMITS,
    Answer,
    Answers,
    Assessment,
    Work,
    WorkInfo,
)

__all__ = [
    "EVIDENCE_CATEGORIES",
    "LABEL_PLACEHOLDERS",
    "NOT_SURE",
    "READING_PLACEHOLDERS",
    "WORK_TEXT_LIMITS",
    "Answer",
    "Answers",
    "Archetype",
    "ArchetypeNote",
    "Assessment",
    "Axis",
    "Band",
    "Caution",
    "Condition",
    "EvidenceHint",
    "Id",
    "Labels",
    "LoadError",
    "Option",
    "Problem",
    "Question",
    "ReadingText",
    "Rubric",
    "RubricInfo",
    "Section",
    "Strict",
    "Text",
    "Unit",
    "Work",
    "WorkInfo",
    "effect_range",
    "moves",
]
