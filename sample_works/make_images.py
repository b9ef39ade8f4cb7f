"""Draw the abstract stand-in images for the fictional sample works.

Every sample work in this folder is fictional, and so are its images: each one is an abstract
composition that hints at how the imagined work looks (a grainy warm "film still", a grid of
archival tiles with one glitching, paint over a glossy gradient, a dense field of lines...).

Run from the repository root or from this folder:

    python sample_works/make_images.py

The output is deterministic: every image draws from its own seeded ``random.Random``, so
running the script again rewrites identical PNG files. Only Pillow and the standard library
are used. Files are kept under ``MAX_BYTES``; when an image would be larger, it is saved with a
reduced palette.
"""

from __future__ import annotations

import io
import math
import random
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

HERE = Path(__file__).resolve().parent
LANDSCAPE = (800, 600)
PORTRAIT = (600, 800)
MAX_BYTES = 290_000

RGB = tuple[int, int, int]


# ---------------------------------------------------------------------------------------------
# Small drawing helpers


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """Blend two colours; t = 0 gives a, t = 1 gives b."""
    return (
        round(a[0] + (b[0] - a[0]) * t),
        round(a[1] + (b[1] - a[1]) * t),
        round(a[2] + (b[2] - a[2]) * t),
    )


def vertical_gradient(size: tuple[int, int], top: RGB, bottom: RGB) -> Image.Image:
    """A smooth top-to-bottom gradient."""
    mask = Image.linear_gradient("L").resize(size, Image.Resampling.BICUBIC)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def _smoothstep(t: float) -> float:
    return t * t * (3 - 2 * t)


def radial_mask(size: tuple[int, int], centre: tuple[float, float], radius: float) -> Image.Image:
    """An "L" mask that is 255 at `centre` and falls to 0 at `radius` pixels away."""
    w, h = size
    diameter = max(1, round(radius * 2))
    blob = Image.radial_gradient("L").resize((diameter, diameter), Image.Resampling.BICUBIC)
    # Pillow's gradient reaches 181 at the middle of each edge (255 only in the corners):
    # rescale so the mask fades smoothly to 0 at `radius` and stays 0 beyond it.
    blob = blob.point(lambda v: round(255 * (1 - _smoothstep(min(1.0, v / 181)))))
    mask = Image.new("L", size, 0)
    mask.paste(blob, (round(centre[0] * w - radius), round(centre[1] * h - radius)))
    return mask


def glow(
    img: Image.Image, colour: RGB, centre: tuple[float, float], radius: float, strength: float = 1.0
) -> Image.Image:
    """Lay a soft circle of light over the image."""
    mask = radial_mask(img.size, centre, radius).point(lambda v: round(v * strength))
    return Image.composite(Image.new("RGB", img.size, colour), img, mask)


def vignette(img: Image.Image, amount: float = 0.6) -> Image.Image:
    """Darken the edges of the image."""
    w, h = img.size
    mask = radial_mask(img.size, (0.5, 0.5), math.hypot(w, h) * 0.62)
    mask = mask.point(lambda v: round(255 - (255 - v) * amount))
    return ImageChops.multiply(img, Image.merge("RGB", (mask, mask, mask)))


def grain(img: Image.Image, rng: random.Random, amount: float, scale: int = 1) -> Image.Image:
    """Overlay film-like grain; `scale` > 1 makes coarser (and smaller to store) grain."""
    w, h = img.size
    gw, gh = max(1, w // scale), max(1, h // scale)
    noise = Image.frombytes("L", (gw, gh), rng.randbytes(gw * gh))
    noise = noise.point(lambda v: round(128 + (v - 128) * amount))
    if scale > 1:
        noise = noise.resize((w, h), Image.Resampling.NEAREST)
    return ImageChops.overlay(img, Image.merge("RGB", (noise, noise, noise)))


# ---------------------------------------------------------------------------------------------
# One function per work. Each receives its own seeded random generator.


def tidewater_ledger(rng: random.Random) -> Image.Image:
    """A grey marsh photograph, continued past its edge by a second, disagreeing shoreline."""
    w, h = LANDSCAPE
    img = vertical_gradient(LANDSCAPE, (196, 198, 194), (88, 92, 90))
    draw = ImageDraw.Draw(img)
    seam = int(w * 0.58)
    # Bands of water and marsh: the photographed part (left) and the generated part (right).
    for part, (x0, x1, base, tint) in enumerate(
        [(0, seam, 0.52, (70, 74, 72)), (seam, w, 0.47, (92, 104, 112))]
    ):
        level = base
        for y_band in range(14):
            y = int(h * (level + y_band * 0.035))
            points = [(x0, y)]
            for x in range(x0, x1 + 20, 20):
                wobble = math.sin(x / (60 + 25 * part) + y_band) * (4 + 6 * part)
                points.append((x, y + wobble + rng.uniform(-2, 2)))
            points.append((x1, h))
            points.append((x0, h))
            dark = mix(tint, (30, 34, 33), y_band / 14)
            shade = dark if y_band % 2 else mix(dark, (200, 204, 200), 0.45)  # water, marsh
            draw.polygon(points, fill=shade)
    # The sky: the right-hand half is a shade cooler and smoother.
    sky_right = vertical_gradient((w - seam, int(h * 0.47)), (186, 196, 206), (150, 162, 172))
    img.paste(sky_right, (seam, 0))
    img = grain(img, rng, 0.35, scale=2)
    draw = ImageDraw.Draw(img)
    draw.line([(seam, 0), (seam, h)], fill=(236, 236, 230), width=2)
    return img


def quiet_room_overpainted(rng: random.Random) -> Image.Image:
    """A glossy model-made glow, mostly buried under flat, chalky brushstrokes."""
    w, h = PORTRAIT
    img = vertical_gradient(PORTRAIT, (40, 56, 96), (232, 164, 112))
    img = glow(img, (255, 236, 200), (0.78, 0.2), 260, 0.9)
    img = glow(img, (255, 190, 140), (0.15, 0.85), 180, 0.7)
    paint = Image.new("RGBA", PORTRAIT, (0, 0, 0, 0))
    draw = ImageDraw.Draw(paint)
    palette = [(214, 206, 188), (196, 188, 170), (170, 176, 168), (222, 214, 198), (150, 140, 128)]
    for _ in range(190):
        colour = rng.choice(palette)
        x = rng.uniform(-40, w * 0.85)
        y = rng.uniform(h * 0.08, h * 0.92)
        length = rng.uniform(60, 220)
        angle = rng.uniform(-0.35, 0.35) + (math.pi / 2 if rng.random() < 0.25 else 0)
        width = rng.randint(14, 38)
        end = (x + math.cos(angle) * length, y + math.sin(angle) * length)
        draw.line([(x, y), end], fill=(*colour, rng.randint(200, 250)), width=width)
    paint = paint.filter(ImageFilter.GaussianBlur(1.2))
    img = Image.alpha_composite(img.convert("RGBA"), paint).convert("RGB")
    # A dark doorway shape, painted in: the "quiet room".
    draw = ImageDraw.Draw(img)
    draw.rectangle([int(w * 0.36), int(h * 0.42), int(w * 0.58), int(h * 0.8)], fill=(74, 70, 66))
    return grain(img, rng, 0.18, scale=2)


def index_of_absent_sitters(rng: random.Random) -> Image.Image:
    """A grid of sepia portrait plates whose faces dissolve; one tile glitches."""
    w, h = LANDSCAPE
    img = Image.new("RGB", LANDSCAPE, (30, 26, 22))
    cols, rows, pad = 6, 4, 10
    tw, th = (w - pad * (cols + 1)) // cols, (h - pad * (rows + 1)) // rows
    glitch = (rng.randrange(cols), rng.randrange(rows))
    for row in range(rows):
        for col in range(cols):
            age = rng.uniform(0, 1)
            tile = vertical_gradient(
                (tw, th),
                mix((196, 170, 128), (150, 124, 90), age),
                mix((120, 96, 66), (84, 66, 46), age),
            )
            draw = ImageDraw.Draw(tile)
            # Backdrop column and a seated figure, with the face left as a blur.
            draw.rectangle(
                [int(tw * 0.08), int(th * 0.1), int(tw * 0.22), int(th * 0.95)], fill=(104, 84, 60)
            )
            draw.ellipse(
                [int(tw * 0.3), int(th * 0.45), int(tw * 0.72), int(th * 1.2)], fill=(58, 46, 34)
            )
            face = [int(tw * 0.4), int(th * 0.16), int(tw * 0.62), int(th * 0.48)]
            draw.ellipse(face, fill=(172, 150, 118))
            tile = tile.filter(ImageFilter.GaussianBlur(1.5 + 2.5 * rng.random()))
            if (col, row) == glitch:
                strips = tile.copy()
                for y in range(0, th, 6):
                    shift = rng.randint(-22, 22)
                    band = strips.crop((0, y, tw, min(th, y + 6)))
                    tile.paste(band, (shift, y))
                red, green, blue = tile.split()
                tile = Image.merge(
                    "RGB", (ImageChops.offset(red, 5, 0), green, ImageChops.offset(blue, -5, 0))
                )
            x0, y0 = pad + col * (tw + pad), pad + row * (th + pad)
            img.paste(tile, (x0, y0))
    return grain(img, rng, 0.3, scale=2)


def weather_for_no_one(rng: random.Random) -> Image.Image:
    """A dense procedural field of lines following a drifting flow, like clouds forecast twice."""
    w, h = PORTRAIT
    img = vertical_gradient(PORTRAIT, (14, 20, 34), (32, 44, 60))
    draw = ImageDraw.Draw(img)
    phases = [rng.uniform(0, math.tau) for _ in range(4)]

    def angle_at(x: float, y: float) -> float:
        drift = y / h  # the field becomes less like weather toward the bottom
        return (
            math.sin(x / 90 + phases[0])
            + math.cos(y / 110 + phases[1])
            + drift * 2.5 * math.sin((x + y) / 37 + phases[2])
            + drift * 1.5 * math.cos(x / 23 - phases[3])
        )

    for _ in range(1800):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        t = y / h
        colour = mix((150, 186, 210), (232, 236, 240), rng.random() * (1 - t))
        points = [(x, y)]
        for _ in range(24):
            a = angle_at(x, y)
            x, y = x + math.cos(a) * 4, y + math.sin(a) * 4
            points.append((x, y))
        draw.line(points, fill=colour, width=1)
    return img


def forty_ways(rng: random.Random) -> Image.Image:
    """A soft, pale, averaged figure above lines of letterpress text."""
    w, h = PORTRAIT
    img = Image.new("RGB", PORTRAIT, (244, 240, 232))
    frame = (60, 60, w - 60, int(h * 0.68))
    picture = vertical_gradient(
        (frame[2] - frame[0], frame[3] - frame[1]), (236, 214, 200), (206, 178, 168)
    )
    picture = glow(picture, (255, 246, 236), (0.5, 0.38), 220, 1.0)
    draw = ImageDraw.Draw(picture)
    pw, ph = picture.size
    # Many faint outlines of the same figure, slightly offset: the model's average mother.
    for _ in range(18):
        dx, dy = rng.uniform(-14, 14), rng.uniform(-10, 10)
        tone = mix((214, 170, 150), (250, 230, 216), rng.random())
        draw.ellipse(
            [pw * 0.38 + dx, ph * 0.2 + dy, pw * 0.62 + dx, ph * 0.5 + dy], outline=tone, width=2
        )
        draw.arc(
            [pw * 0.2 + dx, ph * 0.52 + dy, pw * 0.8 + dx, ph * 1.3 + dy],
            180,
            360,
            fill=tone,
            width=2,
        )
    picture = picture.filter(ImageFilter.GaussianBlur(3))
    img.paste(picture, frame[:2])
    draw = ImageDraw.Draw(img)
    # Lines of "type": the prompt, printed below.
    y = int(h * 0.74)
    for line in range(5):
        x = 90
        end = w - 90 - (rng.randint(40, 200) if line == 4 else rng.randint(0, 30))
        while x < end:
            word = rng.randint(14, 60)
            draw.rectangle([x, y, min(x + word, end), y + 7], fill=(60, 54, 50))
            x += word + 9
        y += 22
    return img


def quiet_girl_rain_window(rng: random.Random) -> Image.Image:
    """Teal-and-amber night, out-of-focus city lights and rain on glass."""
    w, h = PORTRAIT
    img = vertical_gradient(PORTRAIT, (10, 34, 44), (24, 60, 70))
    bokeh = Image.new("RGBA", PORTRAIT, (0, 0, 0, 0))
    draw = ImageDraw.Draw(bokeh)
    for _ in range(70):
        r = rng.uniform(14, 60)
        x, y = rng.uniform(0, w), rng.uniform(0, h * 0.7)
        colour = rng.choice([(255, 170, 90), (255, 206, 140), (120, 220, 220), (255, 120, 80)])
        draw.ellipse([x - r, y - r, x + r, y + r], fill=(*colour, rng.randint(40, 110)))
    bokeh = bokeh.filter(ImageFilter.GaussianBlur(6))
    img = Image.alpha_composite(img.convert("RGBA"), bokeh).convert("RGB")
    # A soft warm silhouette on the left, lit from the window.
    img = glow(img, (230, 150, 110), (0.3, 0.55), 230, 0.55)
    img = glow(img, (250, 210, 180), (0.34, 0.42), 90, 0.5)
    rain = Image.new("RGBA", PORTRAIT, (0, 0, 0, 0))
    draw = ImageDraw.Draw(rain)
    for _ in range(260):
        x, y = rng.uniform(0, w), rng.uniform(-40, h)
        length = rng.uniform(10, 70)
        draw.line([(x, y), (x + length * 0.08, y + length)], fill=(210, 235, 240, 90), width=1)
    img = Image.alpha_composite(img.convert("RGBA"), rain).convert("RGB")
    return vignette(img, 0.75)


def lost_summer(rng: random.Random) -> Image.Image:
    """A warm, faded, grainy 'film still' with a light leak, a soft vignette and a film border."""
    w, h = LANDSCAPE
    img = vertical_gradient(LANDSCAPE, (246, 206, 150), (196, 120, 84))
    draw = ImageDraw.Draw(img)
    horizon = int(h * 0.58)
    draw.rectangle([0, horizon, w, h], fill=(92, 120, 128))
    draw.rectangle([0, int(h * 0.7), int(w * 0.62), int(h * 0.76)], fill=(110, 80, 60))  # jetty
    for x in range(40, int(w * 0.6), 90):  # figures on the jetty, very small
        draw.rectangle([x, int(h * 0.63), x + 10, int(h * 0.7)], fill=(70, 50, 44))
    img = img.filter(ImageFilter.GaussianBlur(2))
    img = glow(img, (255, 150, 90), (0.95, 0.1), 260, 0.6)  # light leak
    img = glow(img, (255, 236, 200), (0.5, 0.45), 200, 0.35)  # sun haze
    img = vignette(img, 0.6)
    img = grain(img, rng, 0.45, scale=2)
    bordered = Image.new("RGB", LANDSCAPE, (18, 14, 12))
    inner = img.resize((w - 60, h - 60), Image.Resampling.BICUBIC)
    mask = Image.new("L", inner.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, *inner.size], radius=18, fill=255)
    bordered.paste(inner, (30, 30), mask)
    return bordered


def grandmother_infanta(rng: random.Random) -> Image.Image:
    """A dark old-master ground, a lit oval, lace-like dots and fine craquelure."""
    w, h = PORTRAIT
    img = vertical_gradient(PORTRAIT, (34, 28, 22), (62, 44, 30))
    img = glow(img, (196, 150, 104), (0.5, 0.42), 240, 0.8)
    draw = ImageDraw.Draw(img)
    draw.ellipse(
        [int(w * 0.36), int(h * 0.18), int(w * 0.64), int(h * 0.44)], fill=(226, 190, 156)
    )  # face
    draw.polygon(
        [(w * 0.18, h), (w * 0.3, h * 0.5), (w * 0.7, h * 0.5), (w * 0.82, h)], fill=(40, 36, 40)
    )  # dress
    for _ in range(420):  # lace collar and pearls
        a = rng.uniform(math.pi * 0.05, math.pi * 0.95)
        r = rng.uniform(0.14, 0.22) * w
        x, y = w * 0.5 + math.cos(a) * r, h * 0.47 + math.sin(a) * r * 0.45
        s = rng.uniform(1.5, 4)
        draw.ellipse([x - s, y - s, x + s, y + s], fill=(236, 230, 214))
    img = img.filter(ImageFilter.GaussianBlur(1.5))
    draw = ImageDraw.Draw(img)
    for _ in range(140):  # craquelure: short, jagged, dark lines over everything
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        points = [(x, y)]
        for _ in range(rng.randint(3, 7)):
            x, y = x + rng.uniform(-18, 18), y + rng.uniform(-18, 18)
            points.append((x, y))
        draw.line(points, fill=(22, 18, 14), width=1)
    return img


def moss_knight(rng: random.Random) -> Image.Image:
    """A glossy green toy-like form on a soft studio sweep, over faint pencil lines."""
    w, h = LANDSCAPE
    img = vertical_gradient(LANDSCAPE, (236, 240, 236), (196, 206, 200))
    draw = ImageDraw.Draw(img)
    for _ in range(90):  # the pencil sketch underneath
        x, y = rng.uniform(w * 0.2, w * 0.8), rng.uniform(h * 0.1, h * 0.9)
        draw.line(
            [(x, y), (x + rng.uniform(-80, 80), y + rng.uniform(-60, 60))],
            fill=(150, 150, 146),
            width=1,
        )
    # Soft shadow, then the body, head and a specular highlight: the glossy render on top.
    shadow = Image.new("L", LANDSCAPE, 0)
    ImageDraw.Draw(shadow).ellipse([w * 0.32, h * 0.78, w * 0.68, h * 0.88], fill=120)
    shadow = shadow.filter(ImageFilter.GaussianBlur(14))
    img = Image.composite(Image.new("RGB", LANDSCAPE, (120, 130, 124)), img, shadow)
    for box, centre in (
        ((0.36, 0.42, 0.64, 0.84), (0.46, 0.55)),
        ((0.39, 0.14, 0.61, 0.46), (0.46, 0.24)),
    ):
        mask = Image.new("L", LANDSCAPE, 0)
        ImageDraw.Draw(mask).ellipse([w * box[0], h * box[1], w * box[2], h * box[3]], fill=255)
        body = Image.new("RGB", LANDSCAPE, (40, 110, 60))
        body = glow(body, (150, 214, 120), centre, 150, 1.0)
        body = glow(body, (255, 255, 250), centre, 26, 0.9)
        img = Image.composite(body, img, mask)
    return img


def second_nature(rng: random.Random) -> Image.Image:
    """Cut photographic greens collaged with smooth, synthetic plant-coloured fragments."""
    w, h = LANDSCAPE
    img = Image.new("RGB", LANDSCAPE, (232, 230, 222))
    for _ in range(14):
        fw, fh = rng.randint(140, 330), rng.randint(110, 260)
        x, y = rng.randint(-40, w - 100), rng.randint(-40, h - 80)
        if rng.random() < 0.5:
            # A "photographed" fragment: mottled, grainy greens.
            frag = vertical_gradient((fw, fh), (88, 120, 70), (40, 66, 38))
            frag = grain(frag, rng, 0.9, scale=3).filter(ImageFilter.GaussianBlur(1))
        else:
            # A "generated" fragment: smooth gradient with an impossible bloom.
            frag = vertical_gradient((fw, fh), (170, 220, 190), (70, 150, 140))
            frag = glow(frag, (250, 170, 210), (rng.uniform(0.3, 0.7), 0.5), fw * 0.3, 0.9)
        torn = ImageDraw.Draw(frag)
        torn.rectangle([0, 0, fw - 1, fh - 1], outline=(246, 244, 238), width=3)  # the seam
        img.paste(frag, (x, y))
    return img


WORKS: dict[str, tuple[int, Callable[[random.Random], Image.Image]]] = {
    "tidewater-ledger-7": (7, tidewater_ledger),
    "quiet-room-overpainted-4": (4, quiet_room_overpainted),
    "index-of-absent-sitters-31": (31, index_of_absent_sitters),
    "weather-for-no-one": (1961, weather_for_no_one),
    "forty-ways-17": (17, forty_ways),
    "quiet-girl-rain-window-0412": (412, quiet_girl_rain_window),
    "lost-summer-1974-still-88": (1974, lost_summer),
    "grandmother-as-the-infanta": (1656, grandmother_infanta),
    "moss-knight-pocket-creatures-52": (52, moss_knight),
    "second-nature-composite-3": (3, second_nature),
}


def encode(img: Image.Image) -> bytes:
    """PNG bytes, with the palette reduced step by step until the file fits MAX_BYTES."""
    candidates = [img] + [
        img.quantize(colors=n, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        for n in (256, 128, 64, 32)
    ]
    data = b""
    for candidate in candidates:
        buffer = io.BytesIO()
        candidate.save(buffer, format="PNG", optimize=True)
        data = buffer.getvalue()
        if len(data) <= MAX_BYTES:
            break
    return data


def main() -> None:
    for slug, (seed, draw) in WORKS.items():
        img = draw(random.Random(seed))
        data = encode(img)
        path = HERE / f"{slug}.png"
        path.write_bytes(data)
        print(f"{path.name}: {img.width}x{img.height}, {len(data) // 1024} KB")


if __name__ == "__main__":
    main()
