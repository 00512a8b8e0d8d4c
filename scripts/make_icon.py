"""Draw the app icon: resources/icons/cchc.ico (16 to 256 px) and cchc-<size>.png for the window.

A blue tile with an official sheet of paper (folded corner, lines of text) and a red seal with a
white tick: a plan drawn up and checked. Each size is drawn on its own at four times its size and
scaled down, and the small ones leave out the lines of text, so the 16 px icon stays legible.

    .venv/bin/python scripts/make_icon.py      # rewrites the files; commit them
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 96, 128, 256)
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
SCALE = 4

BLUE_TOP, BLUE_BOTTOM = (36, 99, 176), (19, 62, 122)
PAPER, FOLD, LINE = (255, 255, 255), (205, 218, 236), (150, 168, 196)
SEAL, SEAL_EDGE, TICK = (200, 35, 40), (150, 20, 25), (255, 255, 255)


def _tile(draw: ImageDraw.ImageDraw, size: int) -> None:
    radius = size * 0.2
    for y in range(size):  # a vertical gradient, clipped by the rounded mask below
        t = y / max(size - 1, 1)
        colour = tuple(round(a + (b - a) * t) for a, b in zip(BLUE_TOP, BLUE_BOTTOM, strict=True))
        draw.line([(0, y), (size, y)], fill=colour)
    mask = Image.new("L", (size, size), 0)
    ImageDraw.Draw(mask).rounded_rectangle([0, 0, size - 1, size - 1], radius=radius, fill=255)
    draw._image.putalpha(mask)


def _sheet(draw: ImageDraw.ImageDraw, size: int, small: bool) -> None:
    left, top, right, bottom = size * 0.22, size * 0.14, size * 0.70, size * 0.84
    fold = (right - left) * 0.30
    draw.polygon([(left, top), (right - fold, top), (right, top + fold), (right, bottom), (left, bottom)], fill=PAPER)
    draw.polygon([(right - fold, top), (right - fold, top + fold), (right, top + fold)], fill=FOLD)
    if small:
        return
    width = max(size * 0.035, 1)
    for index, y in enumerate((0.36, 0.46, 0.56, 0.66)):
        end = right - (right - left) * (0.38 if index == 3 else 0.12)
        draw.line([(left + (right - left) * 0.14, size * y), (end, size * y)], fill=LINE, width=round(width))


def _seal(draw: ImageDraw.ImageDraw, size: int, small: bool) -> None:
    radius = size * (0.25 if small else 0.21)
    cx, cy = size * 0.70, size * 0.70
    edge = max(size * 0.025, 1)
    draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], fill=SEAL_EDGE)
    draw.ellipse([cx - radius + edge, cy - radius + edge, cx + radius - edge, cy + radius - edge], fill=SEAL)
    tick = [
        (cx - radius * 0.48, cy + radius * 0.02),
        (cx - radius * 0.12, cy + radius * 0.38),
        (cx + radius * 0.52, cy - radius * 0.36),
    ]
    draw.line(tick, fill=TICK, width=round(radius * 0.26), joint="curve")


def draw_icon(size: int) -> Image.Image:
    big = size * SCALE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    _tile(draw, big)
    small = size <= 24
    _sheet(draw, big, small)
    _seal(draw, big, small)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    images = {size: draw_icon(size) for size in sorted(set(ICO_SIZES) | set(PNG_SIZES))}
    for size in PNG_SIZES:
        images[size].save(OUT / f"cchc-{size}.png", optimize=True)
    largest = images[max(ICO_SIZES)]
    largest.save(
        OUT / "cchc.ico",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)],
    )
    print(f"{OUT / 'cchc.ico'}: {', '.join(map(str, ICO_SIZES))} px; PNG {', '.join(map(str, PNG_SIZES))} px")


if __name__ == "__main__":
    main()
