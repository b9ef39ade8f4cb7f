"""`collector-guide serve`: run the app under uvicorn, as one process or one per core.

One process serves everyone through one core. `--replicas N` starts N processes on the ports
PORT, PORT+1, …, and restarts any that dies; a proxy (deploy/nginx.conf) spreads visitors over
them, each visitor sticking to one by a cookie. The replicas must agree on the link key and
share a draft store (Redis), or a visitor moved to another replica loses their photo.
"""

from __future__ import annotations

import argparse
import logging
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import TextIO

from collector_guide.keep.draftbackends import store_from_env
from collector_guide.keep.drafts import DraftStoreError, MemoryStore

log = logging.getLogger("collector_guide.serve")
LINK_KEY = "COLLECTOR_GUIDE_LINK_KEY"
COOKIE_SECRET = "STREAMLIT_SERVER_COOKIE_SECRET"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="collector-guide serve",
        description="Serve the guide for many visitors: the app under uvicorn, its front end "
        "gzip-compressed, an access log without query strings or addresses. Health: "
        "GET /_stcore/health answers 'ok'.",
        epilog="Drafts (photos, long notes) are kept where COLLECTOR_GUIDE_DRAFTS says: memory "
        "(default), sqlite:///path/drafts.db, or redis://host:6379/0 (needed for replicas). "
        "See docs/deploy.md.")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1; 0.0.0.0 for all)")
    p.add_argument("--port", type=int, default=8501, help="port of the first process (8501)")
    p.add_argument("--replicas", default="1", metavar="N",
                   help="processes to run on PORT, PORT+1, …; 'auto' for one per core (1)")
    p.add_argument("--no-access-log", action="store_true", help="do not log requests")
    p.add_argument("--script", metavar="PATH",
                   help="serve another Streamlit script the same way (default: the guide's "
                   "app.py; benchmarks/load.py serves its bare page so)")
    return p


def _replicas(value: str) -> int:
    if value == "auto":
        return max(1, os.cpu_count() or 1)
    n = int(value)
    if not 1 <= n <= 64:
        raise ValueError
    return n


def serve_main(argv: list[str] | None = None, out: TextIO | None = None,
               err: TextIO | None = None) -> int:
    err = err or sys.stderr
    try:
        args = parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        replicas = _replicas(args.replicas)
    except ValueError:
        err.write(f"Error: --replicas must be a number from 1 to 64 or 'auto', "
                  f"not {args.replicas!r}\n")
        return 1
    if not 1 <= args.port <= 65535 - replicas + 1:
        err.write(f"Error: --port {args.port} leaves no room for {replicas} replica(s)\n")
        return 1
    problem = check_drafts(replicas, err)
    if problem:
        err.write(f"Error: {problem}\n")
        return 1
    script = Path(args.script).resolve() if args.script else None
    if script is not None and not script.is_file():
        err.write(f"Error: {args.script}: no such script\n")
        return 1
    if replicas == 1:
        return run_one(args.host, args.port, access_log=not args.no_access_log, script=script)
    return supervise(args.host, args.port, replicas, access_log=not args.no_access_log, err=err,
                     script=script)


def check_drafts(replicas: int, err: TextIO) -> str | None:
    """A misconfigured draft store stops the server; an unreachable one is only reported."""
    try:
        store = store_from_env(os.environ)
    except (ValueError, DraftStoreError) as exc:
        return str(exc)
    try:
        store.check()
    except DraftStoreError as exc:
        err.write(f"Warning: {exc}. Visitors are told when their photo cannot be kept.\n")
    finally:
        store.close()
    if replicas > 1 and isinstance(store, MemoryStore):
        err.write("Warning: with several replicas and drafts in memory, a visitor moved to "
                  "another replica loses their photo and long notes: set "
                  "COLLECTOR_GUIDE_DRAFTS=redis://…\n")
    return None


def _logging(access_log: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(message)s"))
    for name, level in (("collector_guide.access", logging.INFO if access_log else logging.WARNING),
                        ("collector_guide.serve", logging.INFO)):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.setLevel(level)
        logger.propagate = False


def run_one(host: str, port: int, *, access_log: bool = True, script: Path | None = None) -> int:
    """Serve in this process until SIGINT/SIGTERM."""
    from collector_guide.serve.asgi import build_app, script_path

    _logging(access_log)
    script = script or script_path()
    if not script.is_file():
        sys.stderr.write(f"Error: the app's entry point {script} is missing\n")
        return 1
    app = build_app(script)
    # Streamlit reads the launcher's folder for .streamlit/config.toml: make it app.py's.
    sys.argv = [str(script)]
    app.run(config={"server.port": port, "server.address": host, "server.headless": True,
                    "server.fileWatcherType": "none", "server.runOnSave": False,
                    "browser.gatherUsageStats": False})
    return 0


def supervise(host: str, port: int, replicas: int, *, access_log: bool, err: TextIO,
              script: Path | None = None) -> int:
    """Run `replicas` processes and keep them running; stop them all on SIGINT/SIGTERM."""
    _logging(access_log)
    env = dict(os.environ)
    for name, what in ((LINK_KEY, "links"), (COOKIE_SECRET, "cookies")):
        if not env.get(name):
            # The replicas must agree, or a link or cookie made by one fails on another.
            env[name] = secrets.token_urlsafe(32)
            if name == LINK_KEY:
                err.write(f"Warning: {name} is not set: the replicas share a random one, so "
                          f"{what} made now stop working when the server restarts.\n")
    stopping = False

    def stop(signum, frame) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    ports = [port + i for i in range(replicas)]
    command = [sys.executable, "-m", "collector_guide.serve.main", "--host", host]
    if not access_log:
        command.append("--no-access-log")
    if script is not None:
        command += ["--script", str(script)]
    started: dict[int, float] = {}
    quick_deaths: dict[int, int] = {}
    children: dict[int, subprocess.Popen] = {}

    def spawn(p: int) -> None:
        children[p] = subprocess.Popen([*command, "--port", str(p)], env=env,
                                       stdin=subprocess.DEVNULL)
        started[p] = time.monotonic()

    for p in ports:
        spawn(p)
    log.info("serving %d replicas on %s ports %s", replicas, host, ", ".join(map(str, ports)))
    code = 0
    try:
        while not stopping:
            time.sleep(0.5)
            for p, child in list(children.items()):
                if child.poll() is None or stopping:
                    continue
                quick = time.monotonic() - started[p] < 10
                quick_deaths[p] = quick_deaths.get(p, 0) + 1 if quick else 0
                if quick_deaths[p] >= 5:
                    log.error("the replica on port %d keeps failing; stopping", p)
                    stopping, code = True, 1
                    break
                log.warning("the replica on port %d exited (%s); starting it again", p,
                            child.returncode)
                spawn(p)
    finally:
        for child in children.values():
            if child.poll() is None:
                child.terminate()
        deadline = time.monotonic() + 15
        for child in children.values():
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
    return code


if __name__ == "__main__":  # the supervisor starts each replica this way
    sys.exit(serve_main())
