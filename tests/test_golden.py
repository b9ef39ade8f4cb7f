"""Golden works and the independence of the two axes, on the default rubric.

The golden table (`golden_works.py`) pins where typical works belong; the metamorphic tests
check the essay's claim that the axes are independent, answer by answer; the last tests
measure that different works do not read alike.
"""

from __future__ import annotations

import pytest
from conftest import SAMPLES
from golden_works import GOLDEN, Golden
from reading_measures import main_parts, repeated_clauses, worst_pairs

from collector_guide import NOT_SURE, assess, compose, load_work, to_text
from collector_guide.rubric import WorkInfo

STRENGTH = {
    "++": lambda v: v >= 0.5, "+": lambda v: v >= 0.15, "+~": lambda v: v > 0,
    "--": lambda v: v <= -0.5, "-": lambda v: v <= -0.15, "-~": lambda v: v < 0,
    "0": lambda v: abs(v) < 0.15, "~": lambda v: abs(v) < 0.35, "?": lambda v: True,
}


def test_the_table_covers_the_kinds_of_work_the_essay_distinguishes():
    ids = {g.id for g in GOLDEN}
    assert len(GOLDEN) >= 14 and len(ids) == len(GOLDEN)
    for kind in ("autonomous-portrait-machine", "robot-arm-duet", "gan-own-dataset",
                 "open-source-notebook", "heavy-iteration-prompt", "one-prompt-trend",
                 "filter-on-stock", "archive-extended", "retouched-painting",
                 "contested-spectacle"):
        assert kind in ids


@pytest.mark.parametrize("g", GOLDEN, ids=[g.id for g in GOLDEN])
def test_golden_answers_are_real_answers_to_shown_questions(default_rubric, g: Golden):
    placement = assess(default_rubric, g.answers)
    for qid, answer in g.answers.items():
        q = default_rubric.question(qid)
        assert q is not None, qid
        ids = {o.id for o in q.options} | {NOT_SURE}
        assert set([answer] if isinstance(answer, str) else answer) <= ids, (qid, answer)
        assert qid in placement.shown, f"{qid} is not asked with these answers"


@pytest.mark.parametrize("g", GOLDEN, ids=[g.id for g in GOLDEN])
def test_golden_work_lands_where_the_essay_puts_it(default_rubric, g: Golden):
    placement = assess(default_rubric, g.answers)
    reading = compose(default_rubric, placement, work=WorkInfo(**g.work))
    for axis, expected in (("agency", g.agency), ("durability", g.durability)):
        value = placement.axes[axis].value
        assert STRENGTH[expected](value), f"{axis} is {value:+.2f}, expected {expected}"
    if g.archetype:
        assert placement.nearest_archetype == g.archetype
    for axis in g.contested:
        p = placement.axes[axis]
        assert (p.low < 0 < p.high) or placement.cautions, f"{axis} should show it is contested"
        assert next(a for a in reading.axes if a.axis_id == axis).contested
    cited = {r.option_id for a in reading.axes for r in (*a.reasons, *a.against)}
    for option_id in g.cites:
        assert option_id in cited, f"the reading should cite '{option_id}'"
    # it names the work in its body, and says nothing twice
    name = g.work.get("title") or g.work.get("series") or g.work["medium"][:12].lower()
    assert name in reading.main_text
    assert not repeated_clauses(to_text(reading))


# --- the two axes are independent -------------------------------------------------------------


def _bases(rubric) -> dict[str, dict]:
    bases = {"golden:" + g.id: g.answers for g in GOLDEN}
    for path in sorted(SAMPLES.glob("*.toml")):
        bases["sample:" + path.stem] = load_work(path, rubric).answers
    return bases


def _shift(rubric, answers, question, before, after):
    a = assess(rubric, {**answers, question.id: before}).axes
    b = assess(rubric, {**answers, question.id: after}).axes
    return (abs(b["agency"].value - a["agency"].value),
            abs(b["durability"].value - a["durability"].value))


def _thin_and_considered(rubric):
    """For every question that bears on staying power, its thinnest and most considered
    answers: the options that lower and raise durability most."""
    pairs = []
    for q in rubric.questions:
        effects = {o.id: o.effects.get("durability", 0.0) for o in q.options}
        thin, considered = min(effects, key=effects.get), max(effects, key=effects.get)
        if effects[thin] < 0 < effects[considered]:
            wrap = (lambda o: [o]) if q.kind == "multiple" else (lambda o: o)
            pairs.append((q, wrap(thin), wrap(considered)))
    return pairs


def test_there_are_thin_and_considered_answers_to_switch(default_rubric):
    names = {(q.id, str(t), str(c)) for q, t, c in _thin_and_considered(default_rubric)}
    assert len(names) >= 10
    # the answers the essay calls thin, and the considered ones, are among them
    thin = {str(t) for _, t, _ in names}
    for option in ("['none_visible']", "['no_resistance']", "['request_select']"):
        assert option in thin


def test_thin_to_considered_moves_durability_more_than_agency(default_rubric):
    for name, answers in _bases(default_rubric).items():
        for q, thin, considered in _thin_and_considered(default_rubric):
            if q.id not in assess(default_rubric, answers).shown:
                continue
            agency, durability = _shift(default_rubric, answers, q, thin, considered)
            assert durability > agency, (name, q.id)


@pytest.mark.parametrize(("question", "thin"), [
    ("starting_point", ["none_visible"]), ("resistance", ["no_resistance"]),
    ("machine_critique", "unexamined"), ("outputs", ["request_select"]),
    ("starting_point", ["prior_language"]), ("starting_point", ["source_material"]),
])
def test_the_answers_the_issue_names_leave_agency_alone(default_rubric, question, thin):
    q = default_rubric.question(question)
    for name, answers in _bases(default_rubric).items():
        if q.id in assess(default_rubric, answers).shown:
            agency, _ = _shift(default_rubric, answers, q, NOT_SURE, thin)
            assert agency == 0.0, name


@pytest.mark.parametrize("source", ["artist_photo", "artist_handmade", "found_archive"])
def test_switching_the_producer_moves_agency_more_than_durability(default_rubric, source):
    q = default_rubric.question("primary_source")
    for name, answers in _bases(default_rubric).items():
        agency, durability = _shift(default_rubric, answers, q, source, "model_output")
        assert agency > durability, name
        assert agency >= 0.3, name


def test_a_built_system_reads_as_generated_as_a_one_prompt_image(default_rubric):
    by_id = {g.id: g for g in GOLDEN}
    agency = {k: assess(default_rubric, by_id[k].answers).axes["agency"].value
              for k in ("autonomous-portrait-machine", "gan-own-dataset", "one-prompt-trend")}
    assert agency["autonomous-portrait-machine"] >= 0.5 and agency["gan-own-dataset"] >= 0.5
    assert abs(agency["autonomous-portrait-machine"] - agency["one-prompt-trend"]) < 0.2


# --- different works read differently ---------------------------------------------------------


def test_no_two_works_read_alike(default_rubric, capsys):
    """For any two samples or golden works, at most half of the main part's sentences are
    shared once numbers are ignored (the issue's measure); the aim is under a third. The
    stricter measure also ignores the work's name, so a title alone never makes a difference."""
    named = worst_pairs(main_parts(default_rubric, names=True), top=1)[0]
    strict = worst_pairs(main_parts(default_rubric), top=3)
    with capsys.disabled():
        print(f"\nworst shared-sentence share, numbers ignored: {named[0]:.2f} "
              f"({named[1]} ~ {named[2]}); names ignored too: {strict[0][0]:.2f} "
              f"({strict[0][1]} ~ {strict[0][2]})")
    assert named[0] <= 0.5
    assert strict[0][0] <= 0.5
