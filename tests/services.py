"""Real services for the tests that need them: Redis and nginx from Debian, and the app under
`collector-guide serve`, each started by the tests that need it.

Each runs on a free loopback port with its files in a temporary folder and is stopped when its
block ends. Outside CI a missing binary skips the tests that need it (saying which package to
install); under CI=true it fails them, because .ci/run installs both.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from browser_support import ROOT, free_port, stop_process


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


# --- the app under `collector-guide serve` -----------------------------------------------------


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.read().strip() == b"ok"
    except (urllib.error.URLError, OSError):
        return False


def wait_healthy(url: str, process: subprocess.Popen, timeout: float, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if healthy(url):
            return
        time.sleep(0.2)  # polling interval of a bounded wait
    tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
    raise RuntimeError(f"{url} did not become healthy (exit {process.poll()}):\n{tail}")


@dataclass
class Served:
    url: str
    port: int
    process: subprocess.Popen
    log: Path

    def access_lines(self) -> list[str]:
        return [line for line in self.log.read_text(errors="replace").splitlines()
                if "collector_guide.access" in line]


def serve_command() -> list[str]:
    """`collector-guide serve`, through the installed console script when there is one."""
    script = Path(sys.executable).with_name("collector-guide")
    return [str(script), "serve"] if script.exists() else [
        sys.executable, "-c", "import sys; from collector_guide.cli import main; "
        "sys.exit(main(['serve', *sys.argv[1:]]))"]


@contextmanager
def served(*args: str, env: dict[str, str] | None = None, port: int | None = None,
           timeout: float = 90.0, folder: Path | None = None) -> Iterator[Served]:
    """`collector-guide serve --port PORT ARGS…` until the block ends (health-checked)."""
    port = port or free_port()
    with tempfile.TemporaryDirectory(prefix="cg-serve-") as tmp:
        log = Path(folder or tmp) / f"serve-{port}.log"
        with log.open("ab") as out:
            process = subprocess.Popen(
                [*serve_command(), "--port", str(port), *args], cwd=ROOT,
                env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
                stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT,
                start_new_session=True)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_healthy(url, process, timeout, log)
            yield Served(url, port, process, log)
        finally:
            stop_process(process, grace=15)


# --- nginx in front of replicas ---------------------------------------------------------------

NGINX_CONF = ROOT / "deploy" / "nginx.conf"
_MAIN = """
worker_processes 1;
worker_rlimit_nofile 16384;
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 8192; }}
http {{
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/site.conf;
}}
"""


@dataclass
class Nginx:
    url: str
    port: int
    process: subprocess.Popen
    access_log: Path
    error_log: Path


def site_config(listen: int, upstreams: list[int], access_log: Path) -> str:
    """deploy/nginx.conf with its listening port, replicas and log file changed, nothing else."""
    text = NGINX_CONF.read_text()
    lines, servers_done = [], False
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("server 127.0.0.1:"):
            if not servers_done:
                options = stripped.split(None, 2)[2]
                lines += [f"    server 127.0.0.1:{p} {options}" for p in upstreams]
                servers_done = True
            continue
        if stripped == "listen 80;":
            line = f"    listen 127.0.0.1:{listen};"
        elif stripped.startswith("access_log "):
            line = f"    access_log {access_log} cg_private;"
        lines.append(line)
    if not servers_done:
        raise AssertionError("deploy/nginx.conf has no `server 127.0.0.1:…` line to replace")
    return "\n".join(lines) + "\n"


@contextmanager
def nginx(upstreams: list[int], timeout: float = 20.0) -> Iterator[Nginx]:
    """Debian's nginx running deploy/nginx.conf in front of the given loopback ports."""
    binary = need("nginx", "nginx")
    with tempfile.TemporaryDirectory(prefix="cg-nginx-") as folder:
        tmp = Path(folder)
        tmp.chmod(0o755)
        for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (tmp / sub).mkdir()
            (tmp / sub).chmod(0o777)  # nginx's workers may run as another user than root
        port = free_port()
        access = tmp / "access.log"
        (tmp / "site.conf").write_text(site_config(port, upstreams, access))
        (tmp / "nginx.conf").write_text(_MAIN.format(tmp=tmp))
        error = tmp / "error.log"
        test = subprocess.run([binary, "-t", "-p", str(tmp), "-c", str(tmp / "nginx.conf")],
                              capture_output=True, text=True, timeout=30)
        if test.returncode != 0:
            raise RuntimeError(f"nginx rejects the configuration:\n{test.stderr}")
        process = subprocess.Popen([binary, "-p", str(tmp), "-c", str(tmp / "nginx.conf")],
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.STDOUT)
        try:
            wait_for_port(port, process, timeout, "nginx", error)
            yield Nginx(f"http://127.0.0.1:{port}", port, process, access, error)
        finally:
            stop_process(process)
