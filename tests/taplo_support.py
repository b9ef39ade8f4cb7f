"""Running the real Taplo CLI on files, and the loader's verdict on the same files.

`taplo_failures` checks many files in one run and returns the ones Taplo refused; its verdict
is compared with `loader_accepts`, which is parsing plus validation against the model: the
schema-level part of loading (the checks that need the whole rubric come after, and no schema
can express them). `to_toml` writes the documents the mutation tests generate.
"""

from __future__ import annotations

import datetime
import json
import math
import re
import shutil
import subprocess
import sys
from pathlib import Path

from collector_guide.rubric import LoadError
from collector_guide.rubric.loading import parse_toml, validate

TAPLO = shutil.which("taplo") or str(Path(sys.executable).with_name("taplo"))


def taplo(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    if not Path(TAPLO).exists():
        raise AssertionError("the taplo CLI is missing: pip install -e '.[test]' installs it")
    return subprocess.run([TAPLO, *args], capture_output=True, text=True, timeout=300, cwd=cwd,
                          env={"PATH": "/usr/bin:/bin"})


def check_args(schema: Path | None) -> list[str]:
    args = ["check", "--colors", "never", "--no-auto-config"]
    return args + (["--schema", schema.resolve().as_uri()] if schema else [])


def taplo_failures(folder: Path, schema: Path | None, pattern: str = "*.toml") -> set[str]:
    """Names of the files in `folder` that Taplo refuses (syntax or schema), in one run.

    Taplo reports each refused file in a diagnostic (`┌─ path:line:col`) or a log line
    (`invalid file … path="…"`); a file whose verdict matters is best confirmed on its own
    with `taplo_refuses`, which reads the exit code.
    """
    result = taplo(*check_args(schema), str(folder / pattern))
    output = result.stderr + result.stdout
    failed = set(re.findall(r'invalid file error=.*? path="([^"]+)"', output))
    failed |= set(re.findall(r"┌─ (.+?):\d+:\d+$", output, re.M))
    assert result.returncode == (1 if failed else 0) or result.returncode == 1, output[-2000:]
    return {Path(p).name for p in failed}


def taplo_refuses(file: Path, schema: Path | None) -> bool:
    """Taplo's verdict on one file, from its exit code."""
    return taplo(*check_args(schema), str(file)).returncode != 0


def taplo_errors(file: Path, schema: Path | None) -> list[tuple[str, int]]:
    """Taplo's error messages for one file, each with the line it points at."""
    result = taplo(*check_args(schema), str(file))
    found = re.findall(r"^error: (.*)\n\s*┌─ .*?:(\d+):\d+", result.stderr + result.stdout, re.M)
    return [(message, int(line)) for message, line in found]


def loader_accepts(raw: bytes, model) -> bool:
    try:
        validate(model, parse_toml(raw, "file.toml"))
    except LoadError:
        return False
    return True


# --- writing generated documents -------------------------------------------------------------

_BARE = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(key: str) -> str:
    return key if _BARE.match(key) else json.dumps(key, ensure_ascii=False)


def _value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and math.isnan(value):
        return "nan"
    if isinstance(value, float) and math.isinf(value):
        return "inf" if value > 0 else "-inf"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(type(value))


def to_toml(data: dict) -> str:
    """A document as TOML, one top-level key per line with everything inside it inline."""
    return "".join(f"{_key(k)} = {_value(v)}\n" for k, v in data.items())
