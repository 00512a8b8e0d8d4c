"""Văn bản hành chính: a plain description of an official document (Decree 30/2020).

Builders (plan, report, self-assessment …) fill these records; renderers (PDF, Excel)
read them. Text here is plain text exactly as the user typed it: the renderers escape it,
normalise it to NFC and apply the Decree-30 layout and punctuation rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

CellValue = str | int | float | dt.date | None


@dataclass
class Header:
    """Ô 1-4 and 10: agency, number, place/date (and an optional boxed mark such as "DỰ THẢO").

    ``number_text`` None omits the "Số:" line (a document issued with another one);
    ``place_date`` None omits the place/date line.
    """

    agency_lines: list[str]
    number_text: str | None = None
    place_date: str | None = None
    parent_agency: str = ""
    mark: str = ""
    letter_summary: str = ""  # a công văn's trích yếu ("V/v …"), printed under its number (ô 5b)


@dataclass
class Heading:
    """A heading with its number already in the text: "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "a) …".

    Level 1 is bold upper case, level 2 bold, level 3 italic.
    """

    text: str
    level: int = 1


@dataclass
class Paragraph:
    """A body paragraph: justified with a first-line indent unless told otherwise.

    ``lead`` is printed bold before the text ("Điều 1."); ``align`` is "justify",
    "center", "left" or "right".
    """

    text: str
    lead: str = ""
    bold: bool = False
    italic: bool = False
    align: str = "justify"
    indent: bool = True


@dataclass
class Bullet:
    """A bullet line ("- …" or "+ …"), laid out like a body paragraph."""

    text: str
    marker: str = "-"


@dataclass
class Column:
    """A table column: title, relative width, alignment and the kind of value it holds.

    ``kind`` is "text", "integer", "number", "money", "percent" or "date"; Excel keeps the
    value typed accordingly, the PDF prints it the Vietnamese way.
    """

    title: str
    width: float = 1.0
    align: str = "left"
    kind: str = "text"
    excel_width: float | None = None


@dataclass
class Row:
    """A table row. A ``group`` row (e.g. "I | Cải cách thể chế") is bold and its second
    cell spans the remaining columns; a ``bold`` row keeps its cells apart (a subtotal)."""

    cells: list[CellValue]
    group: bool = False
    bold: bool = False


@dataclass
class Table:
    """A table with repeating header row; ``rows`` may be any iterable (Excel streams it)."""

    columns: list[Column]
    rows: Iterable[Row]
    font_size: float = 12
    title: str = ""


@dataclass
class PageBreak:
    """Start a new page."""


Block = Heading | Paragraph | Bullet | Table | PageBreak


@dataclass
class Appendix:
    """Phụ lục: "Phụ lục I", its upper-case title, the "(Kèm theo …)" line and its content.

    Each appendix starts a new page and restarts page numbers; ``landscape`` turns its pages.
    """

    label: str
    title: str
    reference: str = ""
    blocks: list[Block] = field(default_factory=list)
    landscape: bool = False


@dataclass
class Signature:
    """Ô 7: quyền hạn/chức vụ lines ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH") and the signer's name.

    ``space_mm`` is left blank between them for the signature and seal.
    """

    lines: list[str]
    name: str = ""
    space_mm: float = 28


@dataclass
class OfficialDocument:
    """One văn bản: header, tên loại, trích yếu, body, signature, nơi nhận, appendices.

    ``subtitle`` is an italic line under the trích yếu ("(Ban hành kèm theo Quyết định …)").
    ``authority`` is the bold line of a Quyết định ("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ …").
    ``bases`` (căn cứ) are italic, punctuated ";" and the last ".".
    ``recipients`` are the Nơi nhận lines without dashes or punctuation.
    ``attachments`` are documents issued with this one (a plan attached to its Quyết định):
    each starts on a new page with page numbers restarted.
    """

    header: Header
    type_name: str
    summary: str = ""
    subtitle: str = ""
    authority: str = ""
    salutation: list[str] = field(default_factory=list)
    bases: list[str] = field(default_factory=list)
    body: list[Block] = field(default_factory=list)
    end_mark: bool = True
    signature: Signature | None = None
    recipients: list[str] = field(default_factory=list)
    appendices: list[Appendix] = field(default_factory=list)
    attachments: list[OfficialDocument] = field(default_factory=list)
    title: str = ""
    author: str = ""

    def all_documents(self) -> list[OfficialDocument]:
        """This document followed by its attachments (depth first)."""
        result = [self]
        for attached in self.attachments:
            result.extend(attached.all_documents())
        return result
