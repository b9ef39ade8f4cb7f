"""What every screen shares: safe text, the progress bar, Back/Next, the cached figures.

Only rubric text (trusted, written by the gallery) is rendered as Markdown. Anything the
visitor typed or uploaded is shown through `literal()` or `st.text`, so it can never become
markup, a link or a script.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from collector_guide.assess import escape
from collector_guide.assess.charts import (
    MapPoint,
    archetype_summary,
    contributions_figure,
    map_figure,
)
from collector_guide.assess.scoring import Placement, answer_key, assess
from collector_guide.rubric import Rubric, WorkInfo
from collector_guide.ui import memo, screens, state
from collector_guide.ui.memo import Drawn
from collector_guide.ui.state import ANSWERS, WORK, Library

PLOTLY_CONFIG = {"displayModeBar": False, "scrollZoom": False, "responsive": True}


def literal(text: str) -> str:
    """Text the visitor typed (or a file said), made safe to place inside Markdown: shown
    exactly as written, never as markup, a live link, an icon, a colour or an emoji
    (see `escape.streamlit_markdown`)."""
    return escape.streamlit_markdown(text)


def work_info() -> WorkInfo:
    """The work's details as the model holds them; a detail the model refuses is left out on
    its own, never taking the others with it."""
    details = {k: v for k, v in st.session_state[WORK].items() if k in WorkInfo.model_fields}
    key = tuple(sorted(details.items()))  # an unhashable value is worked out, not kept
    return memo.session("work-info", key, lambda: _work_info(details), keep=2)


def _work_info(details: dict) -> WorkInfo:
    try:
        return WorkInfo(**details)
    except ValueError:
        good = {}
        for k, v in details.items():
            try:
                WorkInfo(**{k: v})
                good[k] = v
            except ValueError:
                continue
        return WorkInfo(**good)


def progress(r: Rubric, step: int) -> None:
    """"Step n of m", counting only the screens this visitor walks through now."""
    walk = screens.visible_steps(r, st.session_state[ANSWERS])
    n = sum(1 for s in walk if s <= step)
    st.progress(n / len(walk), text=r.labels.step_of.format(step=n, total=len(walk)))


def nav(r: Rubric, step: int, *, next_label: str | None = None, next_step: int | None = None,
        back: bool = True) -> None:
    """Back and Next, in a bar that stays at the bottom of the screen while it scrolls."""
    answers = st.session_state[ANSWERS]
    forward = screens.next_step(r, answers, step) if next_step is None else next_step
    with st.container(horizontal=True, gap="small", key="nav"):
        if back:
            st.button(r.labels.back, key=f"back_{step}", on_click=state.go,
                      args=(screens.previous_step(r, answers, step),),
                      width="stretch", icon=":material/arrow_back:")
        st.button(next_label or r.labels.next, key=f"next_{step}", type="primary",
                  on_click=state.go, args=(forward,),
                  width="stretch", icon=":material/arrow_forward:", icon_position="right")



def sample_points(lib: Library, r: Rubric) -> list[MapPoint]:
    return lib.points.get(r.id, [])


# Figures are cached by what determines them, never by who asked: the rubric's content, the
# answers as a placement tells them apart (`answer_key`: two visitors share a figure only when
# they share a placement), the points and the words drawn. Plotly validates every part of a
# figure as it is built, ~10 ms a map. A map with the visit's works carries the titles this
# visitor typed: that one is kept in their session only.
def map_fig(r: Rubric, placement: Placement | None, samples: tuple, visit: tuple,
            key: tuple, this_work: str, height: int) -> Drawn:
    def build() -> Drawn:
        return Drawn(map_figure(r, placement, samples=samples, visit=visit,
                                this_work=this_work, height=height))

    content = (key, samples, visit, this_work, height)
    return memo.session("map", content, build, keep=2) if visit else memo.shared(
        "map", content, build)


def moved_fig(r: Rubric, placement: Placement, labels: dict, key: tuple) -> Drawn:
    """What moved the work, as bars; `labels` follow from the placement (rubric text)."""
    return memo.shared("moved", key, lambda: Drawn(contributions_figure(r, placement, labels)))


def placement_of(r: Rubric, answers: Mapping[str, object] | None = None) -> Placement:
    """`assess`, once per rubric content and shown answers (a placement holds only those)."""
    answers = st.session_state[ANSWERS] if answers is None else answers
    return memo.shared("placement", answers_key(r, answers), lambda: assess(r, answers))


def rubric_key(r: Rubric) -> tuple[str, str]:
    """The rubric by its content, not its name: an edited rubric never reuses old figures."""
    return r.id, state.content_key(r)


def answers_key(r: Rubric, answers: Mapping[str, object] | None = None) -> tuple:
    """The cache key of what a placement on this rubric draws: injective on placements' inputs
    (see `scoring.answer_key`), never the compact URL form, which is not."""
    return (rubric_key(r), answer_key(r, st.session_state[ANSWERS] if answers is None
                                      else answers))


def map_legend(r: Rubric, visit: bool, placement: bool = True) -> str:
    parts = [f"● {r.labels.this_work}", f"⬚ {r.labels.uncertainty_box}"] if placement else []
    parts.append(f"○ {r.labels.sample_works}")
    if visit:
        parts.append(f"◆ {r.labels.visit_heading}")
    return " · ".join(parts)


def map_key(r: Rubric, nearest: str | None = None, explained: bool = False) -> None:
    """The key to the map's numbered badges: each archetype's name (and, on the start screen,
    what it means in one line); the work's nearest one in bold."""
    if explained:
        st.markdown("\n".join(f"{i}. **{a.name}** — {archetype_summary(a)}"
                               for i, a in enumerate(r.archetypes, 1)))
        return
    names = [f"**{i}\u00a0{a.name}**" if a.id == nearest else f"{i}\u00a0{a.name}"
             for i, a in enumerate(r.archetypes, 1)]
    st.markdown(" · ".join(names))
