"""Collector Guide: read an AI-era artwork on two spectra.

The public API: load a rubric or a work file (errors name the file, line and key), place
answers on the rubric's two spectra, and compose the written reading.

    >>> from collector_guide import load_rubric, assess, compose
    >>> rubric = load_rubric("rubrics/assisted-vs-generated.toml")
    >>> placement = assess(rubric, {"primary_source": "artist_photo"})
    >>> compose(rubric, placement).main_text  # doctest: +SKIP
"""

from collector_guide.assess.reading import Reading, SignedEvidence, compose
from collector_guide.assess.renderings import to_markdown, to_text
from collector_guide.assess.scoring import Placement, assess
from collector_guide.authoring.check import Catalog, check_paths, load_rubric, load_rubrics
from collector_guide.keep.workfile import load_work
from collector_guide.rubric import NOT_SURE, LoadError, Problem, Rubric, Work

__all__ = [
    "NOT_SURE",
    "Catalog",
    "LoadError",
    "Placement",
    "Problem",
    "Reading",
    "Rubric",
    "SignedEvidence",
    "Work",
    "assess",
    "check_paths",
    "compose",
    "load_rubric",
    "load_rubrics",
    "load_work",
    "to_markdown",
    "to_text",
]
