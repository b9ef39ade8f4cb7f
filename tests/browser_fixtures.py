"""The one headless Chromium every browser test module shares (a pytest plugin, registered in
conftest.py): Playwright's sync API allows one running instance per thread, so two modules
that each started their own would fail."""

from __future__ import annotations

import os

import pytest
from browser_support import launch_chromium, missing_browser

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # reported by missing_browser()
    sync_playwright = None


@pytest.fixture(scope="session")
def browser_ready() -> None:
    missing = missing_browser()
    if missing is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"The browser tests cannot run: {missing} is missing. CI must install it "
                    "(.ci/run installs Debian's chromium and the [test] extras).", pytrace=False)
    pytest.skip(f"{missing} not found; CI installs it (.ci/run), so these tests run there")


@pytest.fixture(scope="session")
def browser(browser_ready):
    playwright = sync_playwright().start()
    try:
        browser = launch_chromium(playwright)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        playwright.stop()
