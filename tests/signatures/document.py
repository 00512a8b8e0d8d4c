"""A real multi-page document made with ReportLab: a Decree-30-like plan whose last page ends with
the signature block "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH … Nguyễn Văn A".

``make_document`` returns the PDF and the rectangle between the title lines and the name, which is
what the app will pass to ``sign_as_signer``.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from cchc_desktop.kernel.paths import resource_path
from cchc_desktop.signatures.layout import PageBox, mm

REGULAR, BOLD = "TestDocSerif", "TestDocSerif-Bold"
PAGES = 3
BLOCK_CENTRE_X = 400.0
TITLE_Y = 430.0
NAME_Y = 330.0


def _fonts() -> None:
    pdfmetrics.registerFont(TTFont(REGULAR, str(resource_path("fonts", "LiberationSerif-Regular.ttf"))))
    pdfmetrics.registerFont(TTFont(BOLD, str(resource_path("fonts", "LiberationSerif-Bold.ttf"))))


def make_document() -> tuple[bytes, PageBox]:
    """The PDF bytes and the signature box on its last page."""
    _fonts()
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, pagesize=A4)
    page.setTitle("Kế hoạch cải cách hành chính năm 2026")
    for number in range(1, PAGES + 1):
        _page(page, number)
        page.showPage()
    page.save()
    box = PageBox(PAGES - 1, BLOCK_CENTRE_X - 85, NAME_Y + 16, BLOCK_CENTRE_X + 85, TITLE_Y - 8)
    return buffer.getvalue(), box


def _page(page: canvas.Canvas, number: int) -> None:
    width, height = A4
    left = mm(30)
    if number == 1:
        _header(page, width, height)
    else:
        page.setFont(REGULAR, 14)
        page.drawCentredString(width / 2, height - mm(12), str(number))
    page.setFont(REGULAR, 14)
    top = height - mm(70) if number == 1 else height - mm(30)
    for line in range(12 if number < PAGES else 8):
        page.drawString(left, top - line * 22, f"{number}.{line + 1}. Nội dung nhiệm vụ cải cách hành chính của xã.")
    if number == PAGES:
        _signature_block(page, left)


def _header(page: canvas.Canvas, width: float, height: float) -> None:
    page.setFont(BOLD, 12)
    page.drawCentredString(mm(30) + 90, height - mm(25), "ỦY BAN NHÂN DÂN")
    page.drawCentredString(mm(30) + 90, height - mm(25) - 15, "XÃ KỲ PHONG")
    page.drawCentredString(width - mm(15) - 150, height - mm(25), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    page.setFont(BOLD, 13)
    page.drawCentredString(width - mm(15) - 150, height - mm(25) - 16, "Độc lập - Tự do - Hạnh phúc")
    page.setFont(REGULAR, 13)
    page.drawCentredString(mm(30) + 90, height - mm(25) - 36, "Số: 12/KH-UBND")
    page.drawCentredString(width / 2, height - mm(55), "KẾ HOẠCH")


def _signature_block(page: canvas.Canvas, left: float) -> None:
    page.setFont(BOLD, 12)
    page.drawString(left, TITLE_Y + 18, "Nơi nhận:")
    page.setFont(REGULAR, 11)
    page.drawString(left, TITLE_Y + 2, "- Sở Nội vụ tỉnh Hà Tĩnh;")
    page.drawString(left, TITLE_Y - 12, "- Lưu: VT, VP.")
    page.setFont(BOLD, 14)
    page.drawCentredString(BLOCK_CENTRE_X, TITLE_Y + 18, "TM. ỦY BAN NHÂN DÂN")
    page.drawCentredString(BLOCK_CENTRE_X, TITLE_Y, "CHỦ TỊCH")
    page.drawCentredString(BLOCK_CENTRE_X, NAME_Y, "Nguyễn Văn A")
