"""Small ReportLab flowables for Decree-30 layout: centred rules and section markers.

Imported only by the PDF renderer at render time (ReportLab stays out of app start-up).
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus.flowables import Flowable


class CentredRule(Flowable):
    """A solid line of a given width, centred in the available width (under the agency
    name, the tiêu ngữ and the trích yếu)."""

    def __init__(self, width: float, *, thickness: float = 0.6, above: float = 4.0, below: float = 2.0) -> None:
        super().__init__()
        self.rule_width = width
        self.thickness = thickness
        self.above = above
        self.below = below
        self._avail = width

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._avail = avail_width
        self.width, self.height = avail_width, self.above + self.below + self.thickness
        return self.width, self.height

    def draw(self) -> None:
        x0 = (self._avail - self.rule_width) / 2
        y = self.below + self.thickness / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x0, y, x0 + self.rule_width, y)


@dataclass
class PageCounter:
    """Where the current section (document, attachment or appendix) began."""

    first_page: int = 1

    def number_on(self, page: int) -> int:
        return page - self.first_page + 1


class SectionStart(Flowable):
    """Zero-size marker placed first on a section's first page: page numbers restart here."""

    def __init__(self, counter: PageCounter) -> None:
        super().__init__()
        self.counter = counter

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.counter.first_page = self.canv.getPageNumber()


class EndWithSignature(Flowable):
    """The body's last paragraph and the signature block, never parted from each other.

    When they do not fit under what the page already holds, the paragraph is split: its first lines
    stay on this page and at least its last two go over with the signature. A long closing article
    (Điều 3 of a Quyết định) therefore no longer leaves a third of page 1 empty.
    """

    MIN_LINES = 2

    def __init__(self, paragraph, signature) -> None:
        super().__init__()
        self.paragraph = paragraph
        self.signature = signature
        self._heights = (0.0, 0.0)

    def _gap(self) -> float:
        return self.paragraph.getSpaceAfter()

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, first = self.paragraph.wrap(avail_width, avail_height)
        _, second = self.signature.wrap(avail_width, avail_height)
        self._heights = (first, second)
        self.width, self.height = avail_width, first + self._gap() + second
        return self.width, self.height

    def draw(self) -> None:
        second = self._heights[1]
        self.paragraph.drawOn(self.canv, 0, second + self._gap())
        self.signature.drawOn(self.canv, 0, 0)

    def split(self, avail_width: float, avail_height: float) -> list:
        self.wrap(avail_width, avail_height)
        lines = getattr(getattr(self.paragraph, "blPara", None), "lines", None) or []
        leading = self.paragraph.style.leading
        keep = min(int(avail_height // leading), len(lines) - self.MIN_LINES)
        if keep < self.MIN_LINES:
            return []
        parts = self.paragraph.split(avail_width, keep * leading + leading / 2)
        if len(parts) != 2:
            return []
        return [parts[0], EndWithSignature(parts[1], self.signature)]


class SignatureSpace(Flowable):
    """The blank between the chức vụ lines and the signer's name (ô 7c), drawn as nothing: it records
    where it landed on the page, so that a signature image can later be placed exactly there."""

    def __init__(self, height: float) -> None:
        super().__init__()
        self.space_height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, self.space_height
        return self.width, self.height

    def draw(self) -> None:
        spaces = getattr(getattr(self.canv, "_doctemplate", None), "signature_spaces", None)
        if spaces is None:
            return
        x0, y0 = self.canv.absolutePosition(0, 0)
        x1, y1 = self.canv.absolutePosition(self.width, self.height)
        spaces.append((self.canv.getPageNumber() - 1, x0, y0, x1, y1))
