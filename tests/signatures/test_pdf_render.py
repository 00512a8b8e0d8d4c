"""The signed pages as a reader sees them (pdftoppm at 100 dpi): the blue signature between the title
lines and the name, the red seal at its real size over the left third of it, the number and ISO 8601
time at the top right in 10 pt."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from PIL import Image, ImageChops

from cchc_desktop.signatures.layout import MM, fit_image, mm
from tests.signatures.document import NAME_Y, TITLE_Y
from tests.signatures.images import SEAL_INSET, SEAL_SIZE
from tests.signatures.signed_pdf import sign_both

DPI = 100
SCALE = DPI / 72
PAGE_HEIGHT = 841.89

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is not installed")


def _render(pdf: bytes, page: int) -> Image.Image:
    done = subprocess.run(
        ["pdftoppm", "-r", str(DPI), "-png", "-f", str(page), "-l", str(page), "-"],
        input=pdf,
        capture_output=True,
        check=True,
    )
    return Image.open(io.BytesIO(done.stdout)).convert("RGB")


def _bbox(image: Image.Image, tests: tuple) -> tuple[int, int, int, int]:
    """Pixel bounding box (left, top, right, bottom) of the pixels whose red, green and blue each pass
    their test (a function of the channel value)."""
    masks = [
        channel.point(lambda v, t=test: 255 if t(v) else 0) for channel, test in zip(image.split(), tests, strict=False)
    ]
    box = ImageChops.multiply(ImageChops.multiply(masks[0], masks[1]), masks[2]).getbbox()
    assert box is not None, "no such pixel"
    return box


BLUE = (lambda r: r < 90, lambda g: g < 110, lambda b: b > 120)
RED = (lambda r: r > 170, lambda g: g < 90, lambda b: b < 90)
DARK = (lambda r: r < 100, lambda g: g < 100, lambda b: b < 100)


def _y(points: float) -> float:
    """PDF y (from the bottom) → pixel row (from the top)."""
    return (PAGE_HEIGHT - points) * SCALE


@pytest.fixture
def signed_pdf(document, images, person_signer, org_signer) -> bytes:
    return sign_both(document, images, person_signer, org_signer)[1]


def test_signature_sits_between_title_and_name_and_seal_covers_its_left_third(signed_pdf, document, images):
    page = _render(signed_pdf, 3)
    placed = fit_image(document[1], Image.open(io.BytesIO(images["signature"])).size)
    blue = _bbox(page, BLUE)
    assert blue[1] > _y(TITLE_Y) and blue[3] < _y(NAME_Y + 10)
    assert placed.x0 * SCALE - 2 <= blue[0] and blue[2] <= placed.x1 * SCALE + 2
    red = _bbox(page, RED)
    inset = mm(36) * SCALE * SEAL_INSET / SEAL_SIZE  # the ring is drawn a little inside the PNG
    ink = mm(36) * SCALE - 2 * inset
    assert abs((red[2] - red[0]) - ink) < 3 and abs((red[3] - red[1]) - ink) < 3
    third = (placed.x0 + placed.width / 3) * SCALE
    assert abs(red[2] + inset - third) < 3 and red[0] < placed.x0 * SCALE
    centre = _y((placed.y0 + placed.y1) / 2)
    assert abs((red[1] + red[3]) / 2 - centre) < 4


def test_number_and_time_at_top_right_in_ten_points(signed_pdf):
    page = _render(signed_pdf, 1)
    width = page.size[0]
    corner = page.crop((width // 2, 0, width, int(mm(20) * SCALE)))
    left, top, right, bottom = _bbox(corner, DARK)
    assert abs((width // 2 + right) - (595.28 - 15 * MM) * SCALE) < 3
    assert top >= mm(7) * SCALE - 1 and bottom < mm(20) * SCALE
    # two lines 12 pt apart, digits about 0.66 em tall: 10 pt text is about 31 px from the top of the
    # first line to the baseline of the second at 100 dpi
    assert 26 <= bottom - top <= 36
