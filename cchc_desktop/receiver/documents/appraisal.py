"""Thông báo kết quả thẩm định: the office's appraisal of one unit's self-assessment, round by round.

The notice says in a few lines what the unit claimed, what the office appraised and how many
criteria it changed, and asks the unit to answer (giải trình) where it disagrees; the table of
every criterion — maximum, self-score, appraised score, comment — is its appendix, and the
workbook's one sheet.
"""

from __future__ import annotations

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
from cchc_desktop.kernel.documents.wording import place_date
from cchc_desktop.kernel.documents.xlsx import Sheet
from cchc_desktop.kernel.i18n import format_number, tr
from cchc_desktop.profile.model import UnitProfile
from cchc_desktop.receiver.appraisal_view import AppraisalLine, AppraisalView
from cchc_desktop.receiver.documents.letter import agency_lines, head_title, short_province
from cchc_desktop.receiver.model import signature_lines


def _points(value: float | None) -> str:
    return format_number(value) if value is not None else ""


def appraisal_table(view: AppraisalView, font_size: float = 10) -> Table:
    columns = [
        Column(tr("assessment.col.code"), 0.7, "center", excel_width=9),
        Column(tr("assessment.col.name"), 4, excel_width=50),
        Column(tr("assessment.col.max"), 0.8, "right", "number", 9),
        Column(tr("receiver.appraisal.col.self_score"), 0.9, "right", "number", 11),
        Column(tr("receiver.appraisal.col.appraised_score"), 0.9, "right", "number", 11),
        Column(tr("receiver.appraisal.col.comment"), 2.6, excel_width=40),
    ]
    rows = [_row(view, line) for line in view.lines]
    rows.append(Row(["", tr("receiver.appraisal.total"), "", view.self_total, view.appraised_total, ""], bold=True))
    return Table(columns, rows, font_size)


def _row(view: AppraisalView, line: AppraisalLine) -> Row:
    facts = line.facts
    maximum = ({"penalty": -1}.get(facts.method, 1) * facts.max_points) if facts.max_points is not None else None
    if line.leaf:
        own = facts.self_score if facts.method != "survey" else None
        return Row([facts.code, facts.name, maximum, own, line.score.appraised_score, line.score.comment])
    own, appraised = view.subtotal(facts.code)
    return Row([facts.code, facts.name, maximum, own, appraised, line.score.comment], bold=True)


def _changes(view: AppraisalView) -> str:
    if view.changed:
        return tr("receiver.appraisal.doc.changed", changed=view.changed)
    return tr("receiver.appraisal.doc.unchanged")


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


def committee_of(unit_name: str) -> str:
    """ "Ủy ban nhân dân xã Cẩm Bình", whom a notice to "Xã Cẩm Bình" asks to act."""
    return f"Ủy ban nhân dân {_lower_first(unit_name)}"


def _summary(view: AppraisalView) -> str:
    return tr("receiver.appraisal.doc.summary", unit=view.unit_name, year=view.appraisal.year)


def build_appraisal_document(profile: UnitProfile, view: AppraisalView) -> OfficialDocument:
    parent, agency = agency_lines(profile)
    appraisal = view.appraisal
    header = Header(
        agency,
        f"     /TB-{tr('receiver.doc.symbol')}",
        place_date(profile.place_name or short_province(profile), None, appraisal.year),
        parent,
        tr("doc.mark.draft") if appraisal.status == "draft" else "",
    )
    body: list[Block] = [
        Paragraph(
            tr(
                "receiver.appraisal.doc.body",
                office=profile.name,
                unit=view.unit_name,
                year=appraisal.year,
                round=appraisal.round,
                own=format_number(view.self_total),
                appraised=format_number(view.appraised_total),
                changes=_changes(view),
            )
        )
    ]
    if appraisal.note.strip():
        body.append(Paragraph(appraisal.note.strip()))
    body.append(Paragraph(tr("receiver.appraisal.doc.ask", committee=committee_of(view.unit_name))))
    return OfficialDocument(
        header,
        tr("doc.type.notice"),
        _summary(view),
        body=body,
        signature=Signature(
            signature_lines("KT" if profile.receiver_level == "tinh" else "TM", head_title(profile), ""),
            profile.chairman_name,
        ),
        recipients=[f"UBND {_lower_first(view.unit_name)}", tr("receiver.doc.recipient.archive")],
        appendices=[
            Appendix(
                tr("receiver.doc.appendix", n="I"),
                tr("receiver.appraisal.doc.appendix", unit=view.unit_name, round=appraisal.round),
                blocks=[appraisal_table(view)],
                landscape=True,
            )
        ],
        title=_summary(view),
        author=profile.full_name,
    )


def appraisal_sheets(profile: UnitProfile, view: AppraisalView) -> list[Sheet]:
    table = appraisal_table(view)
    title = [_summary(view).upper(), tr("receiver.appraisal.doc.round", round=view.appraisal.round), profile.full_name]
    return [Sheet(tr("receiver.appraisal.sheet"), table.columns, table.rows, title)]
