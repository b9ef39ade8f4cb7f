"""Shared fixtures: the repository's paths and its rubrics, loaded once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from collector_guide import load_rubric

# The one Chromium all browser test modules share (`browser_ready`, `browser`).
pytest_plugins = ["browser_fixtures"]

# Locally, property tests explore new examples on every run; under CI they run a fixed,
# reproducible set, so a submission never lands or fails on the luck of a draw.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")

# One link key for the tests and the app servers they start, so a link made here verifies there
# (unset, each process would draw its own random key; tests/test_linksign.py covers that case).
os.environ.setdefault("COLLECTOR_GUIDE_LINK_KEY", "collector-guide test key, not a secret")

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
