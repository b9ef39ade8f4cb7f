"""Two replicas behind Debian's nginx (deploy/nginx.conf) and one Redis; one replica dies.

Simulated visitors walk the whole guide through nginx, each with a photo and notes too long
for a link. Once every one of them has uploaded their photo, one replica is killed (SIGKILL,
mid-walk). Its visitors must reconnect to the survivor and find the same answers (the URL)
and, on a reload, their own photo and notes (Redis); visitors who arrive afterwards must reach
the survivor; nobody may see an error. Bounded: a few dozen visitors, think times under a
second, every wait capped.
"""

from __future__ import annotations

import asyncio
import io
import os
import signal

import pytest
from PIL import Image
from services import nginx, redis_server, served
from visitors import Plan, Visitor, run_async

pytestmark = pytest.mark.timeout(300)
FIRST_WAVE = 16
SECOND_WAVE = 6


def photo(i: int) -> bytes:
    """A small JPEG that is this visitor's own (its colour and size say whose it is)."""
    im = Image.new("RGB", (640 + i, 480), ((37 * i) % 256, (91 * i) % 256, 160))
    out = io.BytesIO()
    im.save(out, "JPEG", quality=80)
    return out.getvalue()


def long_notes(i: int) -> str:
    import random

    rng = random.Random(i)
    return f"visitor {i}: " + "".join(chr(rng.randrange(0x4E00, 0x9FFF)) for _ in range(3200))


def error_words(r) -> tuple[str, ...]:
    # A failure, or a notice a visitor should never get from a failover: the link no longer
    # verifies (the replicas disagree on the key), or the photo and notes are gone.
    return (r.labels.screen_error, r.labels.draft_gone.split("{")[0],
            r.labels.draft_unreachable, r.labels.link_unverified.split("{")[0])


def test_a_replica_dies_mid_run_and_nobody_notices(default_rubric, tmp_path):
    r = default_rubric
    with redis_server() as redis:
        env = {"COLLECTOR_GUIDE_DRAFTS": redis.url,
               "COLLECTOR_GUIDE_LINK_KEY": "failover-test-shared-key-0123456789",
               "STREAMLIT_SERVER_COOKIE_SECRET": "failover-test-cookie-secret"}
        with served("--no-access-log", env=env, folder=tmp_path) as one, \
                served("--no-access-log", env=env, folder=tmp_path) as two, \
                nginx([one.port, two.port]) as proxy:
            result = run_async(_run(proxy.url, r, one), 280)
            access = proxy.access_log.read_text()
    first, second = result
    everyone = first + second
    problems = [(i, e) for i, v in enumerate(everyone) for e in v.tally.errors]
    assert not problems, problems[:10]
    assert all(v.tally.finished and v.tally.checked for v in everyone)
    moved = [v for v in first if v.tally.reconnects]
    assert moved, "no visitor was on the replica that died: nothing was tested"
    assert all(v.uploaded for v in first)
    # The survivor answered through nginx, and the log holds no query strings.
    survivor = f"127.0.0.1:{two.port}"
    assert survivor in access and "?" not in access
    assert "upload_file/..." in access  # uploads went through nginx, ids kept out of the log


async def _run(url: str, r, victim) -> tuple[list[Visitor], list[Visitor]]:
    words = error_words(r)

    def visitor(i: int) -> Visitor:
        plan = Plan(seed=1000 + i, title=f"Work of visitor {i}", notes=long_notes(i),
                    photo=photo(i), think=(0.2, 0.7))
        return Visitor(url, r, plan, error_words=words, timeout=60, reconnect_for=60)

    first = [visitor(i) for i in range(FIRST_WAVE)]

    async def arrive(v: Visitor, delay: float):
        await asyncio.sleep(delay)
        return await v.walk()

    walks = [asyncio.create_task(arrive(v, i * 0.25)) for i, v in enumerate(first)]
    # Kill a replica once every first-wave visitor has uploaded their photo (bounded wait).
    for _ in range(600):
        if all(v.uploaded or v.tally.errors for v in first):
            break
        await asyncio.sleep(0.1)
    os.kill(victim.process.pid, signal.SIGKILL)
    second = [visitor(FIRST_WAVE + i) for i in range(SECOND_WAVE)]
    walks += [asyncio.create_task(arrive(v, 0.5 + i * 0.2)) for i, v in enumerate(second)]
    await asyncio.wait_for(asyncio.gather(*walks), 200)
    await asyncio.wait_for(asyncio.gather(*(v.reload_at_work() for v in first + second)), 60)
    return first, second
