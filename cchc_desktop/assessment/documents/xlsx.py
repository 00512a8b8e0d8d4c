"""The self-assessment as an Excel workbook: sheet "Bảng điểm" (every criterion) and "Tổng hợp"
(points per lĩnh vực). Points are numbers; subtotal rows are bold."""

from __future__ import annotations

from collections.abc import Callable

from cchc_desktop.assessment.documents.data import AssessmentData, evidence_text, explanation, override_reason
from cchc_desktop.assessment.documents.tables import area_columns, area_rows
from cchc_desktop.assessment.model import ScoreLine, subtotal
from cchc_desktop.kernel.documents.model import Column, Row
from cchc_desktop.kernel.documents.xlsx import Sheet, render_xlsx
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.plans.documents.document import agency_header


def score_sheet_columns() -> list[Column]:

    def number(title: str) -> Column:
        return Column(title, align="right", kind="number", excel_width=11)

    return [
        Column(tr("assessment.col.code"), align="center", excel_width=9),
        Column(tr("doc.col.criterion"), excel_width=60),
        Column(tr("doc.col.method"), excel_width=18),
        number(tr("doc.col.max_points")),
        number(tr("assessment.col.proposed")),
        number(tr("doc.col.self_points")),
        Column(tr("doc.col.evidence_count"), align="center", kind="integer", excel_width=10),
        Column(tr("doc.col.evidence"), excel_width=40),
        Column(tr("assessment.col.explanation"), excel_width=40),
        Column(tr("assessment.col.override_reason"), excel_width=30),
    ]


def _score_row(data: AssessmentData, line: ScoreLine) -> Row:
    criterion = line.criterion
    if not line.is_leaf:
        return Row(
            [criterion.code, criterion.name, "", criterion.max_points, None, round(subtotal(line).total, 4)], bold=True
        )
    method = tr(f"assessment.method.{criterion.method}") if criterion.method else ""
    return Row(
        [
            criterion.code,
            criterion.name,
            method,
            criterion.max_points,
            line.proposed,
            line.self_score,
            line.evidence_count,
            evidence_text(data, line),
            explanation(line),
            override_reason(line),
        ]
    )


def score_sheet_rows(data: AssessmentData) -> list[Row]:
    totals = data.view.totals
    rows = [_score_row(data, line) for line in data.view.lines]
    return rows + [Row(["", tr("doc.assessment.total"), "", totals.max_total, None, round(totals.total, 4)], bold=True)]


def assessment_sheets(data: AssessmentData) -> list[Sheet]:
    agency = " ".join(agency_header(data.profile, None, None).agency_lines)
    title = tr("doc.assessment.appendix.title", year=data.year)
    lines = [agency, title]
    if data.illustrative:
        lines.append(tr("doc.assessment.illustrative_mark"))
    return [
        Sheet(tr("doc.sheet.scores"), score_sheet_columns(), score_sheet_rows(data), lines),
        Sheet(tr("doc.sheet.summary"), area_columns(), area_rows(data), lines, landscape=False),
    ]


def render_assessment_xlsx(
    data: AssessmentData,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> bytes:
    """The score table and the per-area summary as .xlsx bytes."""
    return render_xlsx(assessment_sheets(data), progress=progress, cancelled=cancelled)
