"""Công văn đôn đốc: the letter the office sends to the units behind (seed 003's form).

The draft is written from the figures — who has not sent the period's report, who sent it late,
which indicators are below target — and the user edits every part of it before issuing. Its
appendix lists the units and what each is behind on, in the PDF and in Excel alike.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from cchc_desktop.kernel.documents.model import (
    Appendix,
    Block,
    Column,
    Header,
    OfficialDocument,
    Paragraph,
    Row,
    Signature,
    Table,
)
from cchc_desktop.kernel.documents.wording import long_date, place_date, text_lines
from cchc_desktop.kernel.documents.xlsx import Sheet
from cchc_desktop.kernel.i18n import format_number, format_percent, tr
from cchc_desktop.kernel.text import clean, fold
from cchc_desktop.profile.model import UnitProfile
from cchc_desktop.receiver.completeness import CompletenessMatrix
from cchc_desktop.receiver.indicators import Consolidated
from cchc_desktop.receiver.model import ReminderLetter, signature_lines


@dataclass
class BehindUnit:
    """One unit the letter names: what it has not sent or sent late, which indicators fall short."""

    name: str
    code: str
    reports: list[str] = field(default_factory=list)  # "Quý I/2026: chưa gửi", "6 tháng: muộn 7 ngày"
    indicators: list[str] = field(default_factory=list)  # "CX-01 …: 36% (mục tiêu ≥ 55%)"


def behind_units(matrix: CompletenessMatrix, indicators: list[Consolidated], columns: list[str]) -> list[BehindUnit]:
    """Roster units missing, late or draft-only in ``columns``, or below target on an indicator."""
    found: dict[tuple[str, str], BehindUnit] = {}
    labels = {c.key: c.label for c in matrix.columns}
    for row in matrix.rows:
        if not row.in_roster:
            continue
        unit = BehindUnit(row.name, f"{row.province_code}-{row.unit_code}")
        for key in columns:
            cell = row.cells[key]
            if cell.state in ("missing", "late", "draft"):
                unit.reports.append(f"{labels[key]}: {tr(f'receiver.cell.{cell.state}', days=cell.days_late).lower()}")
        found[(row.province_code, row.unit_code)] = unit
    for item in indicators:
        for figure in item.units:
            if figure.attainment == "not_met" and (figure.province_code, figure.unit_code) in found:
                found[(figure.province_code, figure.unit_code)].indicators.append(_shortfall(item, figure))
    units = [u for u in found.values() if u.reports or u.indicators]
    return sorted(units, key=lambda u: fold(u.name))


def _shortfall(item: Consolidated, figure) -> str:
    value = format_percent(figure.figure) if figure.is_rate else format_number(figure.figure)
    target = format_number(figure.target)
    return tr(
        "receiver.letter.shortfall",
        code=item.code or "",
        text=item.text,
        value=value or "—",
        comparator=figure.comparator,
        target=target,
    )


def units_json(units: list[BehindUnit]) -> str:
    return json.dumps([u.__dict__ for u in units], ensure_ascii=False)


def units_from_json(text: str) -> list[BehindUnit]:
    return [BehindUnit(**item) for item in json.loads(text or "[]")]


# Agency and signature of the receiving unit ##############################


def agency_lines(profile: UnitProfile) -> tuple[str, list[str]]:
    """(cơ quan chủ quản, [tên cơ quan]): "UBND TỈNH HÀ TĨNH" / "SỞ NỘI VỤ" (the parent's name shortened
    as Sở documents print it, so it fits one line); a district's
    people's committee is its own agency: "" / ["ỦY BAN NHÂN DÂN", "HUYỆN ĐỨC THỌ"]."""
    name = clean(profile.name)
    province = profile.province_name
    if province and fold(name).endswith(fold(province)) and fold(name) != fold(province):
        own = name[: len(name) - len(province)].strip()
        return f"{tr('doc.agency.people_committee.short')} {province.upper()}", [own.upper()]
    if fold(name).startswith("uy ban nhan dan "):
        return "", [tr("doc.agency.people_committee"), name[len("Ủy ban nhân dân ") :].upper()]
    return "", [name.upper()]


def superior(profile: UnitProfile) -> str:
    """Whom the office reports to: as set in its profile, else the province's people's committee."""
    named = clean(profile.superior_name if profile.is_district else "") or clean(
        profile.receiver_salutation or profile.receiver_name
    )
    if named and fold(named) != fold(profile.name):
        return named
    return f"Ủy ban nhân dân {profile.province_name[:1].lower()}{profile.province_name[1:]}"


def head_title(profile: UnitProfile) -> str:
    """The head of the receiving unit: the Sở's Giám đốc, or a district's Chủ tịch."""
    return tr("receiver.head.tinh") if profile.receiver_level == "tinh" else tr("receiver.head.huyen")


# The letter ##############################################################


def build_letter_document(
    profile: UnitProfile, letter: ReminderLetter, units: list[BehindUnit], draft_mark: bool = False
) -> OfficialDocument:
    parent, agency = agency_lines(profile)
    number = f"{letter.doc_number:02d}/{letter.doc_symbol}" if letter.doc_number else f"     /{letter.doc_symbol}"
    place = clean(letter.issue_place) or profile.place_name or short_province(profile)
    header = Header(
        agency,
        number,
        place_date(place, letter.issue_date, letter.year),
        parent,
        tr("doc.mark.draft") if draft_mark else "",
        clean(letter.subject),
    )
    body: list[Block] = [Paragraph(line) for line in text_lines(letter.body_text)]
    body += [Paragraph(line) for line in text_lines(letter.requests_text)]
    body += [Paragraph(line) for line in text_lines(letter.closing_text)]
    signature = Signature(
        signature_lines(letter.signer_mode, head_title(profile), letter.signer_title), clean(letter.signer_name)
    )
    appendix = (
        Appendix(
            tr("receiver.letter.appendix.label"),
            tr("receiver.letter.appendix.title"),
            tr("receiver.letter.appendix.reference", number=number, date=long_date(letter.issue_date, letter.year)),
            [appendix_table(units)],
            landscape=True,
        )
        if units
        else None
    )
    return OfficialDocument(
        header,
        "",
        salutation=text_lines(letter.addressees),
        body=body,
        end_mark=False,
        signature=signature,
        recipients=text_lines(letter.recipients),
        appendices=[appendix] if appendix else [],
        title=clean(letter.subject),
        author=profile.full_name,
    )


def short_province(profile: UnitProfile) -> str:
    """ "Hà Tĩnh" of "Tỉnh Hà Tĩnh": the place name a provincial office writes before the date."""
    name = profile.province_name
    for prefix in ("Tỉnh ", "Thành phố "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def appendix_table(units: list[BehindUnit]) -> Table:
    columns = [
        Column(tr("doc.col.stt"), 0.5, "center", "integer", 6),
        Column(tr("ui.receiver.roster.col.name"), 2.2, excel_width=26),
        Column(tr("receiver.letter.col.reports"), 3, excel_width=40),
        Column(tr("receiver.letter.col.indicators"), 5, excel_width=70),
    ]
    rows: list[Row] = [Row([n, u.name, "\n".join(u.reports), "\n".join(u.indicators)]) for n, u in enumerate(units, 1)]
    return Table(columns, rows, 11)


def letter_sheets(letter: ReminderLetter, units: list[BehindUnit]) -> list[Sheet]:
    table = appendix_table(units)
    return [
        Sheet(
            tr("receiver.letter.sheet"),
            table.columns,
            table.rows,
            [tr("receiver.letter.appendix.title").upper(), clean(letter.subject)],
        )
    ]
