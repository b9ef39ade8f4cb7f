"""The walk-through's screens: a long section is split so that no screen runs past about one
and a half phone screens.

Questions keep the rubric's order; each screen holds as many of one section's questions as fit
a height budget, estimated from the words (the prompt's lines, one row per answer, the extra
lines of long answers, measured at 390 px in Chromium). Which questions share a screen depends
only on the rubric, never on the answers, so a step number in a link always means the same
screen. A screen whose questions do not apply yet (show_if) is skipped by Next and Back.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from collector_guide.assess.scoring import shown_questions
from collector_guide.rubric import Question, Rubric, Section

BUDGET = 880  # px of questions on one phone screen (1.5 × 844 px, less header, intro and Next)
FIRST = 2  # steps 0 and 1 are the start and the work; question screens follow


@dataclass(frozen=True)
class Screen:
    section: Section
    questions: tuple[str, ...]  # question ids, in the rubric's order
    part: int  # 1-based, within its section
    parts: int


def question_height(q: Question) -> float:
    """A generous estimate, in px at 390 px wide, of a question's card."""
    prompt_lines = math.ceil(len(q.prompt) / 34)
    extra = sum(math.ceil(len(o.label) / 28) - 1 for o in q.options)
    return 150 + 26 * prompt_lines + 49 * (len(q.options) + 1) + 22 * extra


def screens(rubric: Rubric) -> tuple[Screen, ...]:
    def build() -> tuple[Screen, ...]:
        out: list[Screen] = []
        for sec in rubric.sections:
            groups: list[list[str]] = []
            used = BUDGET  # start a new group at the first question
            intro = math.ceil(len(sec.intro or "") / 40) * 27
            for q in rubric.questions_in(sec.id):
                h = question_height(q)
                if groups and used + h <= BUDGET:
                    groups[-1].append(q.id)
                    used += h
                else:
                    groups.append([q.id])
                    used = h + (intro if len(groups) == 1 else 0)
            groups = groups or [[]]
            out += [Screen(sec, tuple(g), i, len(groups)) for i, g in enumerate(groups, 1)]
        return tuple(out)

    return rubric.cached("screens", build)


def steps(rubric: Rubric) -> int:
    """Start, the work, the question screens, the result."""
    return len(screens(rubric)) + 3


def result_step(rubric: Rubric) -> int:
    return steps(rubric) - 1


def screen_at(rubric: Rubric, step: int) -> Screen | None:
    all_ = screens(rubric)
    return all_[step - FIRST] if FIRST <= step < FIRST + len(all_) else None


def step_of_section(rubric: Rubric, section_id: str) -> int:
    """The first screen of a section."""
    return FIRST + next(i for i, s in enumerate(screens(rubric)) if s.section.id == section_id)


def step_of_question(rubric: Rubric, question_id: str) -> int:
    return FIRST + next(i for i, s in enumerate(screens(rubric)) if question_id in s.questions)


def _input_key(answers) -> tuple | None:
    """The answers exactly as given, hashable (a list and a tuple read alike, as scoring reads
    them); None when they cannot be (such answers are worked out, not cached)."""
    try:
        key = tuple(sorted((k, tuple(v) if isinstance(v, (list, tuple)) else v)
                           for k, v in answers.items()))
        hash(key)
        return key
    except TypeError:
        return None


def visible_steps(rubric: Rubric, answers) -> list[int]:
    """The steps a visitor walks through now: the work, each screen with a question that
    applies, the result (the start screen is not counted)."""
    # A run asks several times: answers → steps, kept on the rubric object itself, so that an
    # edited rubric (same id and version) never reuses another's walks; bounded.
    walks: dict[tuple, list[int]] = rubric.cached("visible-steps", dict)
    key = _input_key(answers)
    if key is None or key not in walks:
        if len(walks) > 1024:
            walks.clear()
        shown = shown_questions(rubric, answers)
        steps = [1] + [FIRST + i for i, s in enumerate(screens(rubric))
                       if any(q in shown for q in s.questions)] + [result_step(rubric)]
        if key is None:
            return steps
        walks[key] = steps
    return list(walks[key])


def next_step(rubric: Rubric, answers, step: int) -> int:
    return next((s for s in visible_steps(rubric, answers) if s > step), result_step(rubric))


def previous_step(rubric: Rubric, answers, step: int) -> int:
    return max((s for s in visible_steps(rubric, answers) if s < step), default=0)
