"""Draw the example gallery's logo and the stand-in images of its fictional works.

Every work in docs/example-gallery/works/ is fictional, and so are its images: abstract
compositions that hint at how the imagined work looks. Deterministic (each image draws from its
own seeded random.Random), Pillow and the standard library only. Run from anywhere:

    python docs/example-gallery/make_images.py
"""

from __future__ import annotations

import math
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent
WORKS = HERE / "works"


def gradient(size, top, bottom) -> Image.Image:
    mask = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def salt_archive(rng: random.Random) -> Image.Image:
    """A faded family snapshot, its damaged corner continued by a machine in cooler tones."""
    img = gradient((800, 600), (196, 170, 132), (120, 96, 70))
    d = ImageDraw.Draw(img)
    d.rectangle((300, 180, 420, 520), fill=(92, 70, 52))  # a standing figure
    d.ellipse((322, 110, 398, 186), fill=(150, 118, 88))
    for _ in range(900):  # salt bloom
        x, y = rng.randrange(800), rng.randrange(600)
        if x + y > 820:
            r = rng.randrange(1, 6)
            d.ellipse((x - r, y - r, x + r, y + r), fill=(228, 226, 220))
    cont = gradient((800, 600), (120, 146, 160), (60, 78, 92)).filter(ImageFilter.GaussianBlur(2))
    mask = Image.new("L", (800, 600), 0)
    ImageDraw.Draw(mask).polygon([(520, 600), (800, 330), (800, 600)], fill=255)
    return Image.composite(cont, img, mask.filter(ImageFilter.GaussianBlur(18)))


def weight_of_water(rng: random.Random) -> Image.Image:
    """A grid of river surfaces, generated from a model trained on the artist's own photographs."""
    img = Image.new("RGB", (800, 800), (14, 22, 28))
    d = ImageDraw.Draw(img)
    for row in range(6):
        for col in range(6):
            x0, y0 = 20 + col * 128, 20 + row * 128
            base = (30 + rng.randrange(40), 60 + rng.randrange(50), 70 + rng.randrange(60))
            d.rectangle((x0, y0, x0 + 118, y0 + 118), fill=base)
            for k in range(14):
                y = y0 + 8 + k * 8
                amp, phase = rng.uniform(1, 4), rng.uniform(0, 6)
                pts = [(x0 + t, y + amp * math.sin(phase + t / 9)) for t in range(0, 119, 6)]
                d.line(pts, fill=tuple(min(255, c + 50) for c in base), width=2)
    return img


def afterglow(rng: random.Random) -> Image.Image:
    """A glossy, cinematic portrait light: soft skin tones, teal and orange, a lens flare."""
    img = gradient((600, 800), (22, 68, 84), (230, 134, 72))
    glow = Image.new("L", (600, 800), 0)
    ImageDraw.Draw(glow).ellipse((150, 180, 450, 560), fill=255)
    skin = Image.new("RGB", (600, 800), (236, 196, 170))
    img = Image.composite(skin, img, glow.filter(ImageFilter.GaussianBlur(60)))
    d = ImageDraw.Draw(img)
    for _ in range(40):
        x, y, r = rng.randrange(600), rng.randrange(300), rng.randrange(4, 18)
        d.ellipse((x - r, y - r, x + r, y + r), outline=(255, 236, 200), width=1)
    return img.filter(ImageFilter.GaussianBlur(1.5))


def hand_and_diffusion(rng: random.Random) -> Image.Image:
    """A smooth machine gradient, overpainted with thick, uneven brushstrokes."""
    img = gradient((800, 600), (180, 190, 214), (92, 100, 150))
    d = ImageDraw.Draw(img)
    for _ in range(70):
        x, y = rng.randrange(-50, 800), rng.randrange(-50, 600)
        colour = rng.choice([(210, 60, 40), (240, 220, 190), (30, 30, 36), (220, 170, 40)])
        length, angle = rng.randrange(60, 240), rng.uniform(-0.6, 0.6)
        d.line((x, y, x + length * math.cos(angle), y + length * math.sin(angle)),
               fill=colour, width=rng.randrange(8, 26))
    return img


def census_of_clouds(rng: random.Random) -> Image.Image:
    """Hundreds of small cloud forms, each in its own cell, counted and numbered by a system."""
    img = Image.new("RGB", (800, 600), (236, 238, 240))
    d = ImageDraw.Draw(img)
    for row in range(12):
        for col in range(16):
            cx, cy = 25 + col * 50, 25 + row * 50
            shade = 150 + rng.randrange(80)
            for _ in range(5):
                r = rng.randrange(5, 13)
                ox, oy = rng.randrange(-9, 10), rng.randrange(-5, 6)
                d.ellipse((cx + ox - r, cy + oy - r, cx + ox + r, cy + oy + r),
                          fill=(shade, shade + 6 if shade < 249 else 255, 255))
            d.rectangle((cx - 24, cy - 24, cx + 24, cy + 24), outline=(200, 204, 210))
    return img


def logo() -> Image.Image:
    """A lighthouse beam over a horizon, and the gallery's name, light on transparent."""
    img = Image.new("RGBA", (720, 140), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.polygon([(70, 24), (130, 8), (130, 40)], fill=(95, 201, 168, 255))
    d.rectangle((58, 20, 82, 118), fill=(236, 232, 225, 255))
    d.line((10, 118, 130, 118), fill=(236, 232, 225, 255), width=4)
    face = ImageFont.load_default(64)
    d.text((150, 74), "Harbour Light", font=face, fill=(236, 232, 225, 255), anchor="lm")
    return img


WORK_IMAGES = {
    "salt-archive-4.png": salt_archive,
    "the-weight-of-water.png": weight_of_water,
    "afterglow-drop-12.png": afterglow,
    "hand-and-diffusion-2.png": hand_and_diffusion,
    "a-census-of-clouds.png": census_of_clouds,
}


def main() -> None:
    for i, (name, draw) in enumerate(sorted(WORK_IMAGES.items())):
        image = draw(random.Random(1000 + i))
        image.quantize(colors=128).save(WORKS / name, optimize=True)
    logo().save(HERE / "logo.png", optimize=True)


if __name__ == "__main__":
    main()
