"""The demo unit's specimen signature and seal (resources/demo) are transparent blue and red PNGs."""

from __future__ import annotations

from PIL import Image

from cchc_desktop.kernel.paths import resource_path


def _colours(name: str) -> tuple[Image.Image, set[tuple[int, int, int]]]:
    image = Image.open(resource_path("demo", name))
    opaque = {pixel[:3] for pixel in image.convert("RGBA").get_flattened_data() if pixel[3] > 200}
    return image, opaque


def test_specimen_signature_is_blue_on_transparency():
    image, opaque = _colours("chu-ky-mau.png")
    assert image.mode == "RGBA" and image.getpixel((0, 0))[3] == 0
    assert opaque and all(b > r and b > g for r, g, b in opaque)


def test_specimen_seal_is_red_on_transparency():
    image, opaque = _colours("con-dau-mau.png")
    assert image.mode == "RGBA" and image.size[0] == image.size[1] and image.getpixel((0, 0))[3] == 0
    assert opaque and all(r > g and r > b for r, g, b in opaque)
