"""Synthetic images for the tests: a blue handwritten-like signature and a red round seal, both PNG
with a transparent background (Decree 30 asks for exactly these). Clearly fictional."""

from __future__ import annotations

import io
import math

from PIL import Image, ImageDraw, ImageFont

from cchc_desktop.kernel.paths import resource_path

BLUE = (16, 48, 190, 255)
RED = (214, 20, 28, 235)
SEAL_SIZE = 425
SEAL_INSET = 6


def signature_png(width: int = 600, height: int = 240) -> bytes:
    """A blue scribble with a flourish, on transparency (aspect 5:2)."""
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    points = [(int(30 + t * 5.4), int(height / 2 + 70 * math.sin(t / 9) * math.cos(t / 23))) for t in range(100)]
    draw.line(points, fill=BLUE, width=9, joint="curve")
    draw.line([(60, height - 40), (width - 40, height - 70)], fill=BLUE, width=6)
    return _png(image)


def seal_png(size: int = SEAL_SIZE) -> bytes:
    """A red round seal: two rings, a star and "MẪU" (specimen) across the middle, on transparency."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse([SEAL_INSET, SEAL_INSET, size - SEAL_INSET, size - SEAL_INSET], outline=RED, width=14)
    inset = size // 6
    draw.ellipse([inset, inset, size - inset, size - inset], outline=RED, width=5)
    draw.polygon(_star(size / 2, size / 3, size / 12), fill=RED)
    font = ImageFont.truetype(str(resource_path("fonts", "NotoSans-Bold.ttf")), size // 7)
    draw.text((size / 2, size * 0.6), "MẪU", fill=RED, font=font, anchor="mm")
    return _png(image)


def _star(cx: float, cy: float, radius: float) -> list[tuple[float, float]]:
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.4
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    return points


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()
