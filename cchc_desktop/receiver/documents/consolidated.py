"""Báo cáo tổng hợp: the receiver's report to its own superior on a period, and its workbook.

The report (Decree-30 form) states the reporting rate, the province's figures and the index in a
few sentences; the consolidated tables follow as appendices. The workbook carries the same tables,
one sheet per topic, after a summary sheet.
"""

from __future__ import annotations

from dataclasses import dataclass

from cchc_desktop.kernel.documents.model import (
    Appendix,
    Block,
    Column,
    Header,
    Heading,
    OfficialDocument,
    Paragraph,
    Row,
    Signature,
)
from cchc_desktop.kernel.documents.wording import place_date
from cchc_desktop.kernel.documents.xlsx import Sheet
from cchc_desktop.kernel.i18n import format_date, format_number, format_percent, tr
from cchc_desktop.profile.model import UnitProfile
from cchc_desktop.receiver.completeness import CompletenessMatrix
from cchc_desktop.receiver.documents.letter import agency_lines, head_title, short_province, superior
from cchc_desktop.receiver.documents.tables import (
    indicators_table,
    lagging_table,
    matrix_table,
    ranking_table,
    unit_figures_table,
)
from cchc_desktop.receiver.index import IndexView, LaggingTask
from cchc_desktop.receiver.indicators import Consolidated
from cchc_desktop.receiver.model import signature_lines


@dataclass(frozen=True)
class Consolidation:
    """Everything the consolidated documents show, read once from the service."""

    profile: UnitProfile
    year: int
    period_code: str
    period_label: str
    as_of: str  # ISO date the figures stand at
    matrix: CompletenessMatrix
    indicators: list[Consolidated]
    index: IndexView
    lagging: list[LaggingTask]


def _percent(value: float | None) -> str:
    return format_percent(100 * value) if value is not None else "—"


def summary_paragraphs(data: Consolidation) -> list[Block]:
    rates = data.matrix.rates.get(data.period_code)
    body: list[Block] = [Heading(tr("receiver.doc.section.sending"))]
    if rates is not None:
        body.append(
            Paragraph(
                tr(
                    "receiver.doc.sending",
                    period=data.period_label,
                    date=format_date(data.as_of),
                    received=rates.received,
                    expected=rates.expected,
                    reporting=_percent(rates.reporting_rate),
                    on_time=rates.on_time,
                    on_time_rate=_percent(rates.on_time_rate),
                )
            )
        )
    body.append(Heading(tr("receiver.doc.section.figures")))
    rated = [c for c in data.indicators if c.rate is not None][:8]
    if rated:
        body.append(Paragraph(tr("receiver.doc.figures_intro", period=data.period_label)))
        body += [
            Paragraph(
                tr(
                    "receiver.doc.figure_line",
                    code=c.code,
                    text=c.text,
                    rate=format_percent(c.rate),
                    numerator=format_number(c.numerator),
                    denominator=format_number(c.denominator),
                    units=c.reporting,
                    met=c.count("met"),
                ),
                indent=False,
            )
            for c in rated
        ]
    else:
        body.append(Paragraph(tr("receiver.doc.no_figures", period=data.period_label)))
    body.append(Heading(tr("receiver.doc.section.index")))
    scores = data.index.scores
    if scores:
        best = scores[0]
        body.append(
            Paragraph(
                tr(
                    "receiver.doc.index",
                    sent=len(scores),
                    missing=len(data.index.missing),
                    best=best.name,
                    best_total=format_number(best.total),
                )
            )
        )
    else:
        body.append(Paragraph(tr("receiver.doc.no_index", year=data.year)))
    body.append(Heading(tr("receiver.doc.section.tasks")))
    body.append(
        Paragraph(tr("receiver.doc.tasks", count=len(data.lagging)) if data.lagging else tr("receiver.doc.no_tasks"))
    )
    return body


def build_consolidated_document(data: Consolidation, number: str = "", draft_mark: bool = True) -> OfficialDocument:
    profile = data.profile
    parent, agency = agency_lines(profile)
    header = Header(
        agency,
        number
        or f"     /BC-{tr('receiver.doc.symbol' if profile.receiver_level == 'tinh' else 'receiver.doc.symbol.huyen')}",
        place_date(profile.place_name or short_province(profile), None, data.year),
        parent,
        tr("doc.mark.draft") if draft_mark else "",
    )
    summary = tr("receiver.doc.summary", period=data.period_label)
    appendices = [
        Appendix(
            tr("receiver.doc.appendix", n="I"),
            tr("receiver.doc.appendix.sending", year=data.year),
            blocks=[matrix_table(data.matrix, 9)],
            landscape=True,
        ),
        Appendix(
            tr("receiver.doc.appendix", n="II"),
            tr("receiver.doc.appendix.figures", period=data.period_label),
            blocks=[indicators_table(data.indicators)],
            landscape=True,
        ),
        Appendix(
            tr("receiver.doc.appendix", n="III"),
            tr("receiver.doc.appendix.index", year=data.year),
            blocks=[ranking_table(data.index)],
            landscape=True,
        ),
    ]
    signature = Signature(
        signature_lines("KT" if profile.receiver_level == "tinh" else "TM", head_title(profile), ""),
        profile.chairman_name,
    )
    return OfficialDocument(
        header,
        tr("doc.type.report"),
        summary,
        salutation=[superior(profile)],
        body=summary_paragraphs(data),
        signature=signature,
        recipients=[tr("receiver.doc.recipient.superior"), tr("receiver.doc.recipient.archive")],
        appendices=appendices,
        title=summary,
        author=profile.full_name,
    )


def consolidated_sheets(data: Consolidation) -> list[Sheet]:
    title = [tr("receiver.doc.summary", period=data.period_label).upper(), data.profile.full_name]
    summary_columns = [
        Column(tr("receiver.doc.sheet.what"), 3, excel_width=50),
        Column(tr("receiver.doc.sheet.value"), 2, excel_width=40),
    ]
    rates = data.matrix.rates.get(data.period_code)
    summary_rows = [
        Row([tr("receiver.doc.sheet.period"), data.period_label]),
        Row([tr("receiver.doc.sheet.as_of"), format_date(data.as_of)]),
        Row([tr("receiver.doc.reporting_rate"), _percent(rates.reporting_rate) if rates else "—"]),
        Row([tr("receiver.doc.on_time_rate"), _percent(rates.on_time_rate) if rates else "—"]),
        Row([tr("receiver.doc.sheet.indicators"), len(data.indicators)]),
        Row([tr("receiver.doc.sheet.assessments"), len(data.index.scores)]),
        Row([tr("receiver.doc.sheet.lagging"), len(data.lagging)]),
    ]
    tables = [
        (tr("receiver.doc.sheet.sending"), matrix_table(data.matrix)),
        (tr("receiver.doc.sheet.figures"), indicators_table(data.indicators)),
        (tr("receiver.doc.sheet.units"), unit_figures_table(data.indicators)),
        (tr("receiver.doc.sheet.index"), ranking_table(data.index)),
        (tr("receiver.doc.sheet.tasks"), lagging_table(data.lagging)),
    ]
    sheets = [Sheet(tr("receiver.doc.sheet.summary"), summary_columns, summary_rows, title)]
    return sheets + [
        Sheet(name, table.columns, table.rows, [name.upper(), data.profile.full_name]) for name, table in tables
    ]
