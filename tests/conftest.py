"""Shared fixtures: the repository's paths and its rubrics, loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from collector_guide import load_rubric

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MINIMAL = FIXTURES / "good" / "minimal.toml"
DEFAULT_RUBRIC = ROOT / "rubrics" / "assisted-vs-generated.toml"
SAMPLES = ROOT / "sample_works"


@pytest.fixture(scope="session")
def minimal():
    return load_rubric(MINIMAL)


@pytest.fixture(scope="session")
def default_rubric():
    return load_rubric(DEFAULT_RUBRIC)
