"""The package's layout holds: layers enforced by import-linter, small modules that say their job.

`lint-imports` runs with the contracts in pyproject.toml; then a copy of the package with an
import planted against each contract must make it fail, so the contracts are known to bite.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "collector_guide"
LINT_IMPORTS = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))


def _lint(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [LINT_IMPORTS, "--no-cache", "--config", str(cwd / "pyproject.toml")],
        cwd=cwd, capture_output=True, text=True, timeout=120,
        env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"},
    )


def test_the_layers_hold():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


PLANTED = [
    # (module that gets the import, the import, the contract it must break)
    ("rubric/models.py", "import collector_guide.assess.scoring", "Layers"),
    ("assess/scoring.py", "import collector_guide.keep.urlstate", "Layers"),
    ("keep/visit.py", "import collector_guide.authoring.check", "Layers"),
    ("keep/urlstate.py", "import collector_guide.photo.intake", "Layers"),
    ("authoring/check.py", "import collector_guide.ui.state", "Layers"),
    ("keep/visit.py", "import collector_guide.gallery.setup", "Layers"),
    ("gallery/links.py", "import collector_guide.authoring.check", "Layers"),
    ("gallery/card.py", "import streamlit", "Nothing below the UI imports Streamlit"),
    ("photo/provenance/base.py", "import collector_guide.photo.provenance.xmp",
     "Provenance readers"),
    ("assess/charts.py", "import streamlit", "Nothing below the UI imports Streamlit"),
    ("keep/drafts.py", "import streamlit", "Nothing below the UI imports Streamlit"),
    ("cli/main.py", "import collector_guide.serve.asgi", "Nothing below the UI imports Streamlit"),
    ("serve/asgi.py", "import collector_guide.ui.state", "Layers"),
    ("ui/state.py", "import collector_guide.cli.main", "Layers"),
]


@pytest.mark.parametrize(("module", "line", "contract"), PLANTED,
                         ids=[f"{m}:{line.split()[-1]}" for m, line, _ in PLANTED])
def test_a_planted_upward_import_is_caught(tmp_path, module, line, contract):
    shutil.copytree(PACKAGE, tmp_path / "collector_guide",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "collector_guide" / module
    target.write_text(target.read_text() + f"\n{line}  # noqa\n")
    result = _lint(tmp_path)
    assert result.returncode == 1, result.stdout
    broken = [ln for ln in result.stdout.splitlines() if " BROKEN" in ln]
    assert any(b.startswith(contract) for b in broken), result.stdout


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_module_is_small_and_says_its_job(path):
    text = path.read_text()
    assert len(text.splitlines()) <= 500, f"{path.name} has grown past 500 lines: split it"
    docstring = ast.get_docstring(ast.parse(text))
    assert docstring and len(docstring) > 40, f"{path.name} should open with a few lines on its job"


def test_the_readme_map_matches_the_tree():
    readme = (ROOT / "README.md").read_text()
    block = readme.split("## How it is built", 1)[1].split("```", 2)[1]
    mapped = set(re.findall(r"^\s*(?:[├└│─ ]*)([a-z_]+/)", block, re.M)) - {"collector_guide/"}
    packages = {f"{p.parent.name}/" for p in PACKAGE.rglob("__init__.py") if p.parent != PACKAGE}
    assert mapped == packages, f"README map: {sorted(mapped)}; the tree: {sorted(packages)}"


def test_no_module_imports_itself_round_about():
    """No cycle of imports, not even inside one sub-package or through an import tucked into a
    function: each module can be read, and changed, after the ones it builds on."""
    import grimp

    graph = grimp.build_graph("collector_guide")
    cycles = sorted(
        f"{a} -> {b} -> … -> {a}"
        for a in graph.modules
        for b in graph.find_modules_directly_imported_by(a)
        if a != b and not b.startswith(a + ".") and not a.startswith(b + ".")
        and graph.chain_exists(importer=b, imported=a)
    )
    assert not cycles, "break these cycles (move what both need into the lower module):\n" + \
        "\n".join(cycles)
