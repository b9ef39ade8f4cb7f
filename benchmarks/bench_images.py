"""Benchmark: display-copy intake of a 24-MP JPEG against a naive decode, and provenance reads.

Run `python benchmarks/bench_images.py` (add `--quick` for a small smoke run). Peak memory: each
intake variant runs once in its own child process, so its peak RSS (which sees Pillow's C
allocations, unlike tracemalloc) is its own. Time: medians of runs interleaved in this process,
so a busy machine slows both variants alike.
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # the package, and the fixtures' signing helper

MAX_SIDE = 1600


def photo_like_jpeg(width: int, height: int) -> bytes:
    """Gradients plus grain: compresses and decodes like a camera photo, not like a flat fill."""
    from PIL import Image

    grain = Image.effect_noise((width, height), 40)
    red = Image.blend(Image.linear_gradient("L").resize((width, height)), grain, 0.3)
    green = Image.radial_gradient("L").resize((width, height))
    buf = io.BytesIO()
    Image.merge("RGB", (red, green, grain)).save(buf, "JPEG", quality=90)
    return buf.getvalue()


# --- Child side: one variant, fresh process -----------------------------------------------------


def _naive(data: bytes) -> bytes:
    from PIL import Image

    im = Image.open(io.BytesIO(data))
    im.load()  # full-size decode first, so thumbnail() cannot use draft mode
    im.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    im.convert("RGB").save(out, "JPEG", quality=85)
    return out.getvalue()


def _ours(data: bytes) -> bytes:
    from collector_guide.photo.intake import load_image

    return load_image(data, max_side=MAX_SIDE).display_jpeg


def _peak_rss_bytes() -> int:
    # Linux carries ru_maxrss across exec (a child would inherit the parent's peak), so read
    # the process's own high-water mark, VmHWM, where there is one.
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # Linux reports KiB


VARIANTS = {"ours": _ours, "naive": _naive}


def child(variant: str) -> None:
    from PIL import Image  # noqa: F401 - imported before the baseline, like the app would

    import collector_guide.photo.intake  # noqa: F401

    data = sys.stdin.buffer.read()
    baseline = _peak_rss_bytes()
    VARIANTS[variant](data)
    json.dump({"baseline": baseline, "peak": _peak_rss_bytes()}, sys.stdout)


# --- Parent side --------------------------------------------------------------------------------


def peak_memory(variant: str, data: bytes) -> int:
    """Bytes of RSS the variant added above its child's baseline."""
    done = subprocess.run([sys.executable, __file__, "--child", variant], input=data,
                          capture_output=True, check=True)
    result = json.loads(done.stdout)
    return result["peak"] - result["baseline"]


def median_times(data: bytes, repeats: int) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in VARIANTS}
    for _ in range(repeats):
        for name, run in VARIANTS.items():  # interleaved: load on the machine hits both
            start = time.perf_counter()
            run(data)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) for name, values in times.items()}


def time_provenance(data: bytes, repeats: int) -> float:
    from collector_guide.photo.provenance import read_provenance

    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        read_provenance(data)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small image, few repeats")
    parser.add_argument("--repeats", type=int, default=None)
    parser.add_argument("--child", choices=("ours", "naive"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    repeats = args.repeats or (2 if args.quick else 7)
    if args.child:
        child(args.child)
        return 0

    width, height = (1200, 800) if args.quick else (6000, 4000)
    data = photo_like_jpeg(width, height)  # in memory only; handed to each child on stdin
    print(f"JPEG {width}×{height} ({width * height / 1e6:.0f} MP, {len(data) / 1e6:.1f} MB), "
          f"display side {MAX_SIDE} px, median of {repeats} runs; peak RSS above the child's "
          "baseline")
    memory = {name: peak_memory(name, data) for name in VARIANTS}
    times = median_times(data, repeats)
    mb = 1024 * 1024
    print(f"  load_image             {times['ours']:7.3f} s   {memory['ours'] / mb:7.1f} MB")
    print(f"  naive decode+thumbnail {times['naive']:7.3f} s   {memory['naive'] / mb:7.1f} MB")
    time_ratio = times["ours"] / times["naive"]
    memory_ratio = memory["ours"] / max(memory["naive"], 1)
    print(f"  ratio                  {time_ratio:7.0%}     {memory_ratio:7.0%}   "
          "(aim: <= 25% time, <= 35% memory)")

    from provenance_fixtures import action_manifest, sign

    signed = sign(data, "image/jpeg", action_manifest())
    small = photo_like_jpeg(640, 480)
    small_signed = sign(small, "image/jpeg", action_manifest())
    print("read_provenance, median:")
    for label, blob in (("plain, same JPEG", data), ("signed, same JPEG", signed),
                        ("plain, 640×480", small), ("signed, 640×480", small_signed)):
        print(f"  {label:20} {time_provenance(blob, repeats) * 1000:8.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
