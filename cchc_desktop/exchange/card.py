"""Phiếu đăng ký khóa: the one-page A4 enrolment card a commune signs, stamps and sends with its key.

It shows the unit (name, codes, province), the key's fingerprint in 16 groups of 4 — large, in a
monospaced face, four groups a line, so it can be read aloud over the phone — the dates, and room for
the chairman's signature and the seal. ReportLab is imported only when a card is drawn.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from cchc_desktop.kernel.i18n import format_date, tr
from cchc_desktop.kernel.text import nfc
from cchc_desktop.kernel.units import district_code_of

MM = 72 / 25.4
FINGERPRINT_FONT = "Courier-Bold"  # a standard PDF font: monospaced, needs no embedding for hex digits
FINGERPRINT_SIZE = 22


@dataclass(frozen=True)
class CardFacts:
    """Everything printed on the card (plain data: the card can be drawn on any thread)."""

    agency_lines: tuple[str, ...]  # "ỦY BAN NHÂN DÂN", "XÃ KỲ PHONG"
    unit_full_name: str
    province_code: str
    unit_code: str
    province_name: str
    receiver_name: str
    fingerprint: str
    key_created: str
    printed: dt.date
    chairman_name: str
    pub_file_name: str
    unit_type: str = "xa"  # "huyen": a district's card names its 3-digit code beside the package code


def card_pdf(facts: CardFacts) -> bytes:
    """The card as PDF bytes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from cchc_desktop.kernel.documents.fonts import register_fonts

    family = register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1, pageCompression=0)
    canvas.setTitle(nfc(tr("exchange.card.title")))
    canvas.setAuthor(nfc(facts.unit_full_name))
    canvas.setSubject(facts.fingerprint)
    _Card(canvas, family, A4[0], facts).draw()
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _codes(facts: CardFacts) -> str:
    """ "tỉnh 42 – xã 18544"; a district: "tỉnh 42 – huyện 436 (mã trong gói 90436)"."""
    if facts.unit_type == "huyen":
        district = district_code_of(facts.unit_code)
        return tr(
            "exchange.card.codes_value.huyen", province=facts.province_code, district=district, unit=facts.unit_code
        )
    return tr("exchange.card.codes_value", province=facts.province_code, unit=facts.unit_code)


class _Card:
    def __init__(self, canvas, family: str, width: float, facts: CardFacts) -> None:
        self.c, self.family, self.width, self.facts = canvas, family, width, facts
        self.left, self.right = 25 * MM, width - 20 * MM
        self.y = 297 * MM - 20 * MM

    def draw(self) -> None:
        self._header()
        self._title()
        self._unit()
        self._fingerprint()
        self._instructions()
        self._signature()

    def _text(self, text: str, x: float, size: float, style: str = "Regular", align: str = "left") -> None:
        self.c.setFont(f"{self.family}-{style}", size)
        draw = {"left": self.c.drawString, "centre": self.c.drawCentredString, "right": self.c.drawRightString}
        draw[align](x, self.y, nfc(text))

    def _line(self, gap: float) -> None:
        self.y -= gap

    def _header(self) -> None:
        """The Decree-30 header (agency and national name), drawn by the same code as every document."""
        from cchc_desktop.kernel.documents.model import Header
        from cchc_desktop.kernel.documents.pdf_formalities import header_table

        table = header_table(Header(agency_lines=list(self.facts.agency_lines)), self.right - self.left)
        _, height = table.wrapOn(self.c, self.right - self.left, self.y)
        table.drawOn(self.c, self.left, self.y - height)
        self._line(height + 30)

    def _title(self) -> None:
        centre = (self.left + self.right) / 2
        self._text(tr("exchange.card.title"), centre, 15, "Bold", "centre")
        self._line(18)
        self._text(tr("exchange.card.subtitle"), centre, 13, "Italic", "centre")
        self._line(30)

    def _unit(self) -> None:
        facts = self.facts
        rows = [
            ("exchange.card.unit", facts.unit_full_name),
            ("exchange.card.codes", _codes(facts)),
            ("exchange.card.province", facts.province_name),
            ("exchange.card.receiver", facts.receiver_name),
            ("exchange.card.key_created", format_date(facts.key_created[:10]) if facts.key_created else ""),
            ("exchange.card.printed", format_date(facts.printed)),
        ]
        for label_key, value in rows:
            self._text(tr(label_key), self.left, 13, "Bold")
            self._text(value, self.left + 48 * MM, 13)
            self._line(19)
        self._line(10)

    def _fingerprint(self) -> None:
        self._text(tr("exchange.card.fingerprint"), self.left, 13, "Bold")
        self._line(12)
        groups = self.facts.fingerprint.split()
        box_top = self.y
        self._line(FINGERPRINT_SIZE + 8)
        centre = (self.left + self.right) / 2
        for row in range(4):
            text = "  ".join(groups[row * 4 : (row + 1) * 4])
            self.c.setFont(FINGERPRINT_FONT, FINGERPRINT_SIZE)
            self.c.drawCentredString(centre, self.y, text)
            self.c.setFont(f"{self.family}-Regular", 10)
            self.c.drawString(self.left + 4 * MM, self.y + 4, tr("exchange.card.row", row=row + 1))
            self._line(FINGERPRINT_SIZE + 10)
        self.c.setLineWidth(1.2)
        self.c.rect(
            self.left, self.y + FINGERPRINT_SIZE - 4, self.right - self.left, box_top - self.y - FINGERPRINT_SIZE + 4
        )
        self.c.setLineWidth(1)
        self._line(16)

    def _instructions(self) -> None:
        from reportlab.lib.utils import simpleSplit

        text = tr("exchange.card.instructions", file=self.facts.pub_file_name)
        for paragraph in text.split("\n"):
            for line in simpleSplit(nfc(paragraph), f"{self.family}-Regular", 12, self.right - self.left):
                self._text(line, self.left, 12)
                self._line(16)
        self._line(16)

    def _signature(self) -> None:
        centre = self.right - 45 * MM
        self._text(tr("exchange.card.sign_heading"), centre, 13, "Bold", "centre")
        self._line(16)
        self._text(tr("exchange.card.sign_title"), centre, 13, "Bold", "centre")
        self._line(16)
        self._text(tr("exchange.card.sign_hint"), centre, 12, "Italic", "centre")
        self._line(80)
        self._text(self.facts.chairman_name, centre, 13, "Bold", "centre")
