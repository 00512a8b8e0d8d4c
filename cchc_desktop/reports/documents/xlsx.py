"""A period report's tables as an Excel workbook: sheet "Tiến độ nhiệm vụ" and sheet "Chỉ tiêu".

Unlike the printed appendices each row carries its lĩnh vực in a column (so the sheet can be
filtered), figures are numbers (tử số, mẫu số, rates rounded to 0,01) and dates are dates.
"""

from __future__ import annotations

from collections.abc import Callable

from cchc_desktop.kernel.documents.model import Column, Row
from cchc_desktop.kernel.documents.wording import as_date
from cchc_desktop.kernel.documents.xlsx import Sheet, render_xlsx
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.text import clean
from cchc_desktop.plans.documents.document import agency_header
from cchc_desktop.plans.documents.indicator_words import target_words
from cchc_desktop.reports.documents.data import AreaSection, IndicatorLine, ReportData, TaskLine, area_sections
from cchc_desktop.reports.documents.document import appendix_reference
from cchc_desktop.reports.documents.words import attainment_label, status_label


def progress_sheet_columns() -> list[Column]:
    return [
        Column(tr("doc.col.stt"), align="center", kind="integer", excel_width=6),
        Column(tr("doc.col.area"), excel_width=24),
        Column(tr("doc.col.task_content"), excel_width=50),
        Column(tr("doc.col.lead"), excel_width=22),
        Column(tr("doc.col.deadline"), align="center", excel_width=16),
        Column(tr("doc.col.due_date"), align="center", kind="date", excel_width=14),
        Column(tr("report.task.col.status"), align="center", excel_width=22),
        Column(tr("report.task.col.progress"), align="right", kind="number", excel_width=10),
        Column(tr("report.task.col.completed_on"), align="center", kind="date", excel_width=14),
        Column(tr("report.task.col.result"), excel_width=50),
        Column(tr("report.task.col.reason"), excel_width=36),
    ]


def _progress_row(number: int, section: AreaSection, line: TaskLine) -> Row:
    task, progress = line.task, line.progress
    return Row(
        [
            number,
            section.name,
            clean(task.content),
            clean(task.lead_unit),
            clean(task.deadline_text),
            as_date(task.deadline_due),
            status_label(line),
            line.percent,
            as_date(progress.completed_on),
            clean(progress.result),
            clean(progress.reason),
        ]
    )


def progress_sheet_rows(data: ReportData) -> list[Row]:
    rows: list[Row] = []
    for section in area_sections(data):
        base = len(rows)
        rows.extend(_progress_row(base + n, section, line) for n, line in enumerate(section.tasks, start=1))
    return rows


def indicator_sheet_columns() -> list[Column]:

    def number(title: str) -> Column:
        return Column(title, align="right", kind="number", excel_width=14)

    return [
        Column(tr("doc.col.stt"), align="center", kind="integer", excel_width=6),
        Column(tr("doc.col.area"), excel_width=24),
        Column(tr("plan.indicator.col.code"), align="center", excel_width=9),
        Column(tr("doc.col.indicator"), excel_width=50),
        Column(tr("doc.col.target"), excel_width=22),
        Column(tr("doc.col.unit"), align="center", excel_width=10),
        number(tr("report.actual.col.numerator")),
        number(tr("report.actual.col.denominator")),
        number(tr("doc.col.period_result")),
        number(tr("doc.col.ytd_numerator")),
        number(tr("doc.col.ytd_denominator")),
        number(tr("doc.col.year_to_date")),
        Column(tr("doc.col.assessment"), align="center", excel_width=22),
        Column(tr("report.actual.col.source"), excel_width=28),
        Column(tr("report.actual.col.as_of"), align="center", kind="date", excel_width=14),
        Column(tr("report.actual.col.note"), excel_width=28),
    ]


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _indicator_row(number: int, section: AreaSection, line: IndicatorLine) -> Row:
    figures, actual = line.figures, line.actual
    indicator, period, ytd = figures.indicator, figures.period_amount, figures.ytd_amount
    fraction = figures.fraction
    unit = "%" if fraction else clean(indicator.unit)
    return Row(
        [
            number,
            section.name,
            clean(indicator.code),
            clean(indicator.text),
            target_words(indicator),
            unit,
            period.numerator if fraction else None,
            period.denominator if fraction else None,
            _rounded(figures.period_figure),
            ytd.numerator if fraction and ytd else None,
            ytd.denominator if fraction and ytd else None,
            _rounded(figures.ytd_figure),
            attainment_label(figures),
            clean(actual.source),
            as_date(actual.as_of),
            clean(actual.note),
        ]
    )


def indicator_sheet_rows(data: ReportData) -> list[Row]:
    rows: list[Row] = []
    for section in area_sections(data):
        base = len(rows)
        rows.extend(_indicator_row(base + n, section, line) for n, line in enumerate(section.indicators, start=1))
    return rows


def report_sheets(data: ReportData) -> list[Sheet]:
    agency = " ".join(agency_header(data.profile, None, None).agency_lines)
    reference = appendix_reference(data)
    return [
        Sheet(
            tr("doc.sheet.progress"),
            progress_sheet_columns(),
            progress_sheet_rows(data),
            [agency, tr("doc.report.appendix.tasks"), reference],
        ),
        Sheet(
            tr("doc.sheet.indicators"),
            indicator_sheet_columns(),
            indicator_sheet_rows(data),
            [agency, tr("doc.report.appendix.indicators"), reference],
        ),
    ]


def render_report_xlsx(
    data: ReportData, *, progress: Callable[[int, int], None] | None = None, cancelled: Callable[[], bool] | None = None
) -> bytes:
    """The report's task progress and indicator tables as .xlsx bytes."""
    return render_xlsx(report_sheets(data), progress=progress, cancelled=cancelled)
