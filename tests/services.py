"""Real services for the tests that need them: Redis and nginx from Debian, started per test run.

Each runs on a free loopback port with its files in a temporary folder and is stopped when its
block ends. Outside CI a missing binary skips the tests that need it (saying which package to
install); under CI=true it fails them, because .ci/run installs both.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from browser_support import free_port, stop_process


def need(binary: str, package: str) -> str:
    """The path of a Debian binary, or skip (fail under CI) saying what to install."""
    path = shutil.which(binary) or next(
        (p for p in (f"/usr/sbin/{binary}", f"/usr/bin/{binary}") if os.access(p, os.X_OK)), None)
    if path:
        return path
    message = f"{binary} not found: apt-get install -y {package}"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def wait_for_port(port: int, process: subprocess.Popen, timeout: float, what: str,
                  log: Path | None = None) -> None:
    """Wait (bounded) until something accepts connections on the loopback port."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        with socket.socket() as s:
            s.settimeout(0.5)
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)  # polling interval of a bounded wait
    tail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
    raise RuntimeError(f"{what} did not start on port {port} (exit {process.poll()}): {tail}")


@dataclass
class Redis:
    url: str
    port: int
    process: subprocess.Popen


@contextmanager
def redis_server(timeout: float = 20.0) -> Iterator[Redis]:
    """A throwaway Redis on loopback: no persistence, no protected files."""
    binary = need("redis-server", "redis-server")
    with tempfile.TemporaryDirectory(prefix="cg-redis-") as folder:
        port = free_port()
        log = Path(folder) / "redis.log"
        process = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", folder, "--logfile", str(log),
             "--protected-mode", "yes"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        try:
            wait_for_port(port, process, timeout, "redis-server", log)
            yield Redis(f"redis://127.0.0.1:{port}/0", port, process)
        finally:
            stop_process(process)
