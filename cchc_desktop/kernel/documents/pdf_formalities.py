"""Decree-30 formalities as ReportLab flowables: header, tên loại/trích yếu, căn cứ,
Kính gửi, signature block with Nơi nhận, appendix title.

Imported only by the PDF renderer at render time.
"""

from __future__ import annotations

import re

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from cchc_desktop.kernel.documents import pdf_styles as S
from cchc_desktop.kernel.documents.model import Appendix, Header, OfficialDocument, Signature
from cchc_desktop.kernel.documents.pdf_flowables import CentredRule, SignatureSpace
from cchc_desktop.kernel.documents.pdf_markup import markup
from cchc_desktop.kernel.documents.wording import punctuate
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.text import nfc

_NO_PADDING = [
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ("TOPPADDING", (0, 0), (-1, -1), 0),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
]


def _no_padding() -> list:
    """Borderless layout tables: no padding, top-aligned, empty cells in the document font
    (otherwise ReportLab's default Helvetica ends up, unembedded, in the PDF)."""
    return [("FONT", (0, 0), (-1, -1), S.fonts().regular, S.SIZE_BODY)] + _NO_PADDING


def _upper(text: str) -> str:
    return nfc(text).upper()


def _width(text: str, font: str, size: float) -> float:
    return stringWidth(nfc(text), font, size)


def _greedy_lines(words: list[str], font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for word in words:
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and _width(candidate, font, size) <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


#: A date is read as one: "ngày 08 tháng 01 năm 2026" is never broken between two lines of a title.
_DATE = re.compile(r"ngày\s+(\S+)\s+tháng\s+(\S+)\s+năm\s+(\S+)")


def _keep_dates_whole(text: str) -> str:
    return _DATE.sub(lambda m: "\u00a0".join(("ngày", m[1], "tháng", m[2], "năm", m[3])), text)


def balanced(text: str, font: str, size: float, width: float) -> str:
    """Markup for a centred title broken where the width requires, except that its last line never
    holds a single word ("… năm" / "2026"): words move down until it holds two. A date stays whole."""
    out = []
    for paragraph in _keep_dates_whole(nfc(text)).split("\n"):
        words = [word for word in paragraph.split(" ") if word]  # non-breaking blanks stay inside words
        lines = [line.split(" ") for line in _greedy_lines(words, font, size, width)]
        while len(lines) > 1 and len(lines[-1]) < 2 and len(lines[-2]) > 2:
            lines[-1].insert(0, lines[-2].pop())
        out.append("<br/>".join(markup(" ".join(line)) for line in lines))
    return "<br/>".join(out)


def _short_rule(lines: list[str], font: str, size: float, limit: float) -> CentredRule:
    """A rule 40 % of the longest line (Decree 30: 1/3 to 1/2 of the text length)."""
    longest = max((_width(line, font, size) for line in lines), default=limit)
    return CentredRule(0.4 * min(longest, limit))


def _agency_cell(header: Header, width: float) -> list:
    cell = []
    if header.parent_agency:
        cell.append(Paragraph(markup(_upper(header.parent_agency)), S.style(S.SIZE_AGENCY)))
    lines = [_upper(line) for line in header.agency_lines]
    cell.append(Paragraph("<br/>".join(markup(line) for line in lines), S.style(S.SIZE_AGENCY, bold=True)))
    cell.append(_short_rule(lines, S.fonts().bold, S.SIZE_AGENCY, width))
    return cell


def _national_cell() -> list:
    motto = tr("doc.motto")
    return [
        Paragraph(markup(tr("doc.national_name")), S.style(S.SIZE_NATIONAL, bold=True)),
        Paragraph(markup(motto), S.style(S.SIZE_MOTTO, bold=True)),
        CentredRule(_width(motto, S.fonts().bold, S.SIZE_MOTTO)),
    ]


def _mark_box(mark: str) -> Table:
    text = _upper(mark)
    width = _width(text, S.fonts().bold, S.SIZE_MARK) + 12
    box = Table([[Paragraph(markup(text), S.style(S.SIZE_MARK, bold=True))]], colWidths=[width])
    box.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), S.fonts().bold, S.SIZE_MARK),
                ("BOX", (0, 0), (-1, -1), 0.8, "black"),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return box


def header_table(header: Header, width: float) -> Table:
    """Ô 1-4 as a borderless two-column table; the number and the place/date share a row,
    so they share a baseline."""
    left_width = width * S.HEADER_LEFT_SHARE
    rows: list[list] = [[_agency_cell(header, left_width), _national_cell()]]
    if header.number_text is not None or header.place_date is not None:
        number = tr("doc.number", number=header.number_text) if header.number_text is not None else ""
        number_cell: list = [Paragraph(markup(number), S.style(S.SIZE_NUMBER))]
        if header.letter_summary:  # a công văn: "V/v …" under the number, centred in the agency column
            number_cell.append(Paragraph(markup(header.letter_summary), S.style(S.SIZE_LETTER_SUMMARY, space_before=4)))
        rows.append([number_cell, Paragraph(markup(header.place_date or ""), S.style(S.SIZE_PLACE_DATE, italic=True))])
    if header.mark:
        rows.append([_mark_box(header.mark), ""])
    commands = _no_padding() + [("TOPPADDING", (0, 1), (-1, -1), 3), ("ALIGN", (0, 0), (-1, -1), "CENTER")]
    return Table(rows, colWidths=[left_width, width - left_width], style=TableStyle(commands))


def title_flowables(document: OfficialDocument, width: float) -> list:
    """Tên loại, trích yếu, optional subtitle line and the short rule under them (none for a công văn)."""
    if not document.type_name:
        return [Spacer(1, 14)]
    out: list = [Paragraph(markup(_upper(document.type_name)), S.style(S.SIZE_TYPE, bold=True, space_before=16))]
    lines = [document.summary] if document.summary else [document.type_name]
    fonts = S.fonts()
    if document.summary:
        summary = balanced(document.summary, fonts.bold, S.SIZE_SUMMARY, width)
        out.append(Paragraph(summary, S.style(S.SIZE_SUMMARY, bold=True)))
    if document.subtitle:
        subtitle = balanced(document.subtitle, fonts.italic, S.SIZE_SUMMARY, width)
        out.append(Paragraph(subtitle, S.style(S.SIZE_SUMMARY, italic=True)))
    out.append(_short_rule(lines, S.fonts().bold, S.SIZE_SUMMARY, width))
    out.append(Spacer(1, 8))
    return out


def authority_flowables(document: OfficialDocument) -> list:
    if not document.authority:
        return []
    return [
        Paragraph(
            markup(_upper(document.authority)),
            S.style(S.SIZE_BODY, bold=True, space_before=4, space_after=S.PARAGRAPH_GAP + 4),
        )
    ]


def salutation_flowables(recipients: list[str], width: float) -> list:
    """Kính gửi: one recipient on the same line; several one per line under the colon."""
    if not recipients:
        return []
    label = tr("doc.salutation")
    line_style = S.style(S.SIZE_BODY, align="left")
    if len(recipients) == 1:
        text = f"{label} {punctuate(recipients, last='.')[0]}"
        return [Paragraph(markup(text), S.style(S.SIZE_BODY, space_after=S.PARAGRAPH_GAP + 4))]
    lines = [f"- {item}" for item in punctuate(recipients)]
    label_width = _width(label, S.fonts().regular, S.SIZE_BODY) + 4
    body_width = min(max(_width(line, S.fonts().regular, S.SIZE_BODY) for line in lines) + 4, width - label_width)
    cell = [Paragraph(markup(line), line_style) for line in lines]
    table = Table(
        [[Paragraph(markup(label), line_style), cell]],
        colWidths=[label_width, body_width],
        style=TableStyle(_no_padding()),
        hAlign="CENTER",
    )
    return [table, Spacer(1, S.PARAGRAPH_GAP + 4)]


def bases_flowables(bases: list[str]) -> list:
    """Căn cứ: italic, one per line, ";" after each and "." after the last."""
    return [Paragraph(markup(line), S.body_style(italic=True)) for line in punctuate(bases)]


def recipients_cell(recipients: list[str]) -> list:
    if not recipients:
        return []
    out: list = [
        Paragraph(
            markup(tr("doc.recipients.heading")),
            S.style(S.SIZE_RECIPIENTS_HEADING, bold=True, italic=True, align="left"),
        )
    ]
    item_style = S.style(S.SIZE_RECIPIENTS, align="left")
    out.extend(Paragraph(markup(f"- {line}"), item_style) for line in punctuate(recipients))
    return out


def signer_cell(signature: Signature | None) -> list:
    if signature is None:
        return []
    line_style = S.style(S.SIZE_SIGNATURE, bold=True)
    out: list = [Paragraph(markup(_upper(line)), line_style) for line in signature.lines]
    out.append(SignatureSpace(signature.space_mm * S.MM))
    out.append(Paragraph(markup(signature.name) or "&nbsp;", line_style))
    return out


def signature_table(signature: Signature | None, recipients: list[str], width: float) -> Table | None:
    """Nơi nhận on the left, level with the quyền hạn/chức vụ lines on the right."""
    if signature is None and not recipients:
        return None
    left_width = width * 0.45
    row = [recipients_cell(recipients) or "", signer_cell(signature) or ""]
    commands = _no_padding() + [("TOPPADDING", (0, 0), (-1, -1), 6)]
    return Table([row], colWidths=[left_width, width - left_width], style=TableStyle(commands))


def appendix_title_flowables(appendix: Appendix, width: float) -> list:
    """ "Phụ lục I" (bold, normal case), the title (UPPER bold) and the italic "(Kèm theo …)" line."""
    fonts = S.fonts()
    out: list = [Paragraph(markup(appendix.label), S.style(S.SIZE_BODY, bold=True))]
    out.append(
        Paragraph(balanced(_upper(appendix.title), fonts.bold, S.SIZE_BODY, width), S.style(S.SIZE_BODY, bold=True))
    )
    if appendix.reference:
        reference = balanced(appendix.reference, fonts.italic, S.SIZE_BODY, width)
        out.append(Paragraph(reference, S.style(S.SIZE_BODY, italic=True)))
    out.append(_short_rule([_upper(appendix.title)], S.fonts().bold, S.SIZE_BODY, width))
    out.append(Spacer(1, 8))
    return out
