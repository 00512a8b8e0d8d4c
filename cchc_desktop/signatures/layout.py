"""Where images and text go on the page (Decree 30/2020, Phụ lục I §II.7–8), in PDF points.

Coordinates are PDF user space: points (1/72 inch), origin at the bottom-left corner of the page.
"""

from __future__ import annotations

from dataclasses import dataclass

MM = 72 / 25.4
#: Lề phải (right margin) of the app's documents and the top of the số/thời gian text, from the top edge.
RIGHT_MARGIN_MM = 15.0
NUMBER_TOP_MM = 7.0


@dataclass(frozen=True)
class PageBox:
    """Khung trên một trang: ``page`` counts from 0; x0 < x1 and y0 < y1 in points from the bottom-left."""

    page: int
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def rect(self) -> tuple[float, float, float, float]:
        return (self.x0, self.y0, self.x1, self.y1)


def mm(value: float) -> float:
    """Millimetres to points."""
    return value * MM


def fit_image(box: PageBox, image_size: tuple[int, int]) -> PageBox:
    """The largest box of the image's aspect ratio centred in ``box`` (chữ ký keeps its proportions)."""
    width, height = image_size
    scale = min(box.width / width, box.height / height)
    w, h = width * scale, height * scale
    x0 = box.x0 + (box.width - w) / 2
    y0 = box.y0 + (box.height - h) / 2
    return PageBox(box.page, x0, y0, x0 + w, y0 + h)


def seal_box(signature: PageBox, diameter_mm: float, page_size: tuple[float, float]) -> PageBox:
    """Dấu: a square of the seal's real diameter whose right edge covers the left third of the
    signature image, centred on it vertically, kept inside the page."""
    size = mm(diameter_mm)
    right = signature.x0 + signature.width / 3
    x0 = right - size
    y0 = (signature.y0 + signature.y1) / 2 - size / 2
    page_width, page_height = page_size
    x0 = min(max(x0, 0.0), page_width - size)
    y0 = min(max(y0, 0.0), page_height - size)
    return PageBox(signature.page, x0, y0, x0 + size, y0 + size)


def number_box(page: int, page_size: tuple[float, float], width: float, height: float) -> PageBox:
    """Số, ký hiệu và thời gian ký: top right of the page, right-aligned on the right margin, in the
    top margin."""
    page_width, page_height = page_size
    x1 = page_width - mm(RIGHT_MARGIN_MM)
    y1 = page_height - mm(NUMBER_TOP_MM)
    return PageBox(page, x1 - width, y1 - height, x1, y1)
