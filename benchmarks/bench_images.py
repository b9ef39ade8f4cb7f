"""Benchmark: image intake's peak memory over a table of modes, its speed on a 24-MP JPEG against
a naive decode, and provenance reads.

Run `python benchmarks/bench_images.py` (add `--quick` for a small smoke run). Peak memory: each
(mode, size, variant) runs once in its own child process, so its peak RSS (VmHWM, which sees
Pillow's C allocations, unlike tracemalloc) is its own; "extra" is the peak above the child's
baseline with the file already in memory. The aims: at most 64 MB extra for any accepted photo up
to 24 MP, at most 150 MB up to the 60-MP limit. Time: medians of runs interleaved in this
process, so a busy machine slows both variants alike.
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
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]  # the package, and the test fixture writers

MAX_SIDE = 1600
AIMS_MB = ((24_000_000, 64), (60_000_000, 150))


def photo_like_jpeg(width: int, height: int) -> bytes:
    """Gradients plus grain: compresses and decodes like a camera photo, not like a flat fill."""
    from PIL import Image

    grain = Image.effect_noise((width, height), 40)
    red = Image.blend(Image.linear_gradient("L").resize((width, height)), grain, 0.3)
    green = Image.radial_gradient("L").resize((width, height))
    buf = io.BytesIO()
    Image.merge("RGB", (red, green, grain)).save(buf, "JPEG", quality=90)
    return buf.getvalue()


# --- The table of modes: each makes a file of the given size, like flat digital artwork --------


def _gradient(size: tuple[int, int]):
    from PIL import Image

    return Image.linear_gradient("L").resize(size, Image.Resampling.BILINEAR)


def _save(im, fmt: str, **kwargs) -> bytes:
    import collector_guide.photo.intake  # noqa: F401 - registers the HEIF encoder

    buf = io.BytesIO()
    im.save(buf, fmt, **kwargs)
    return buf.getvalue()


def _rgb(size):
    from PIL import Image

    g = _gradient(size)
    return Image.merge("RGB", (g, g.transpose(Image.Transpose.FLIP_LEFT_RIGHT), g))


def _png16(size: tuple[int, int], color_type: int) -> bytes:
    import numpy as np
    from image_fixtures import sub_filtered_png

    width, height = size
    channels = {0: 1, 6: 4}[color_type]
    ramp = (np.arange(width, dtype=np.uint32) * 65535 // max(width - 1, 1)).astype(">u2")
    row = np.empty((width, channels), dtype=">u2")
    row[:] = ramp[:, None]

    def make(y: int) -> bytes:
        if channels == 4:
            row[:, 3] = y * 65535 // height
        return row.tobytes()

    return sub_filtered_png(width, height, 16, color_type, make)


def _rgba(size):
    from PIL import Image

    g = _gradient(size)
    return Image.merge("RGBA", (g, g.transpose(Image.Transpose.FLIP_LEFT_RIGHT), g, g))


MODES: dict[str, Callable[[tuple[int, int]], bytes]] = {
    "L (PNG)": lambda s: _save(_gradient(s), "PNG"),
    "I;16 (PNG, 16-bit grey)": lambda s: _png16(s, 0),
    "P + transparency (PNG)": lambda s: _save(_gradient(s).convert("P"), "PNG", transparency=0),
    "RGB (PNG)": lambda s: _save(_rgb(s), "PNG"),
    "RGBA (PNG)": lambda s: _save(_rgba(s), "PNG"),
    "RGBA 16-bit (PNG)": lambda s: _png16(s, 6),
    "CMYK (JPEG)": lambda s: _save(_rgb(s).convert("CMYK"), "JPEG", quality=85),
    "RGB (JPEG)": lambda s: _save(_rgb(s), "JPEG", quality=85),
    "P (GIF)": lambda s: _save(_gradient(s).convert("P"), "GIF"),
    "RGB (HEIC)": lambda s: _save(_rgb(s), "HEIF", quality=50),
    "RGB (WebP)": lambda s: _save(_rgb(s), "WEBP", quality=50),
}


# --- Child side: one variant, fresh process -----------------------------------------------------


def _naive(data: bytes) -> bytes:
    from PIL import Image

    im = Image.open(io.BytesIO(data))
    im.load()  # full-size decode first, so thumbnail() cannot use draft mode
    im = im.convert("RGB")  # and a full-size conversion, as intake once did
    im.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    im.save(out, "JPEG", quality=85)
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


def make_child(mode: str, width: int, height: int) -> None:
    sys.stdout.buffer.write(MODES[mode]((width, height)))


# --- Parent side --------------------------------------------------------------------------------


def peak_memory(variant: str, data: bytes) -> int:
    """Bytes of RSS the variant added above its child's baseline."""
    done = subprocess.run([sys.executable, __file__, "--child", variant], input=data,
                          capture_output=True, check=True)
    result = json.loads(done.stdout)
    return result["peak"] - result["baseline"]


def make_file(mode: str, size: tuple[int, int]) -> bytes:
    # Made in a child too, so building a 60-MP test file does not inflate this process.
    done = subprocess.run([sys.executable, __file__, "--make", mode, str(size[0]),
                           str(size[1])], capture_output=True, check=True)
    return done.stdout


def aim_for(pixels: int) -> int:
    return next(mb for limit, mb in AIMS_MB if pixels <= limit)


QUICK_MODES = ("P + transparency (PNG)", "RGB (WebP)")


def memory_table(sizes: list[tuple[int, int]], modes: tuple[str, ...] = tuple(MODES)) -> None:
    mb = 1024 * 1024
    print("Peak memory above baseline, display copy at most "
          f"{MAX_SIDE} px (aims: <= 64 MB up to 24 MP, <= 150 MB up to 60 MP)")
    head = "".join(f"  {w * h / 1e6:>4.3g} MP ours / naive " for w, h in sizes)
    print(f"  {'mode':26}{head}")
    misses = []
    for mode in modes:
        cells = []
        for size in sizes:
            data = make_file(mode, size)
            ours, naive = peak_memory("ours", data) / mb, peak_memory("naive", data) / mb
            aim = aim_for(size[0] * size[1])
            flag = " " if ours <= aim else "!"
            if ours > aim:
                misses.append(f"{mode} at {size[0] * size[1] / 1e6:.0f} MP")
            cells.append(f"  {ours:6.0f}{flag}/ {naive:6.0f} MB     ")
        print(f"  {mode:26}{''.join(cells)}")
    print("  ! over the aim: " + (", ".join(misses) if misses else "none"))


def median_times(data: bytes, repeats: int) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in VARIANTS}
    for run in VARIANTS.values():
        run(data)  # warm-up: the first call pays for imports
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
    parser.add_argument("--quick", action="store_true", help="small images, few repeats")
    parser.add_argument("--repeats", type=int, default=None)
    parser.add_argument("--child", choices=tuple(VARIANTS), help=argparse.SUPPRESS)
    parser.add_argument("--make", nargs=3, metavar=("MODE", "W", "H"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    repeats = args.repeats or (2 if args.quick else 7)
    if args.child:
        child(args.child)
        return 0
    if args.make:
        make_child(args.make[0], int(args.make[1]), int(args.make[2]))
        return 0

    if args.quick:
        memory_table([(600, 400)], QUICK_MODES)
    else:
        memory_table([(6000, 4000), (10000, 6000)])

    width, height = (1200, 800) if args.quick else (6000, 4000)
    data = photo_like_jpeg(width, height)  # in memory only; handed to each child on stdin
    print(f"\nJPEG {width}×{height} ({width * height / 1e6:.0f} MP, {len(data) / 1e6:.1f} MB), "
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
