"""Tables of a period report: Phụ lục I (tiến độ nhiệm vụ) and Phụ lục II (số liệu chỉ tiêu).

Both are grouped by lĩnh vực like the plan's Phụ lục I: a Roman-numbered area row, then the
area's rows numbered from 1.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from cchc_desktop.kernel.documents.model import Appendix, Column, Row, Table
from cchc_desktop.kernel.i18n import roman, tr
from cchc_desktop.kernel.text import clean
from cchc_desktop.plans.documents.indicator_words import target_words
from cchc_desktop.reports.documents.data import AreaSection, IndicatorLine, ReportData, TaskLine, area_sections
from cchc_desktop.reports.documents.words import attainment_label, figure_words, is_percent, status_label, value_text

Item = TypeVar("Item")


def progress_columns() -> list[Column]:
    return [
        Column(tr("doc.col.stt"), 0.5, "center"),
        Column(tr("doc.col.task"), 3.1),
        Column(tr("doc.col.deadline_short"), 1.1, "center"),
        Column(tr("report.task.col.status"), 1.3, "center"),
        Column(tr("report.task.col.progress"), 0.8, "center", kind="number"),
        Column(tr("report.task.col.result"), 3.5),
        Column(tr("report.task.col.reason"), 1.9),
    ]


def progress_row(number: int, line: TaskLine) -> Row:
    return Row(
        [
            str(number),
            clean(line.task.content),
            clean(line.task.deadline_text),
            status_label(line),
            line.percent,
            clean(line.progress.result),
            clean(line.progress.reason),
        ]
    )


def grouped_rows(
    sections: list[AreaSection], pick: Callable[[AreaSection], Sequence[Item]], make_row: Callable[[int, Item], Row]
) -> list[Row]:
    """A Roman-numbered row per area that has items, then its items numbered from 1."""
    rows: list[Row] = []
    groups = [(section.name, pick(section)) for section in sections if pick(section)]
    for group_number, (name, items) in enumerate(groups, start=1):
        rows.append(Row([roman(group_number), name], group=True))
        rows.extend(make_row(number, item) for number, item in enumerate(items, start=1))
    return rows


def progress_rows(data: ReportData) -> list[Row]:
    return grouped_rows(area_sections(data), lambda s: s.tasks, progress_row)


def indicator_columns() -> list[Column]:
    return [
        Column(tr("doc.col.stt"), 0.5, "center"),
        Column(tr("doc.col.indicator"), 3.0),
        Column(tr("doc.col.target"), 1.4, "center"),
        Column(tr("report.actual.col.numerator"), 1.2, "center", kind="number"),
        Column(tr("report.actual.col.denominator"), 1.2, "center", kind="number"),
        Column(tr("doc.col.period_result"), 1.3, "center"),
        Column(tr("doc.col.year_to_date"), 1.6, "center"),
        Column(tr("doc.col.assessment"), 1.4, "center"),
    ]


def year_to_date_cell(line: IndicatorLine) -> str:
    """Lũy kế: the summed figure with its fraction; "" for snapshots (nothing to sum)."""
    figures = line.figures
    if figures.indicator.measure == "snapshot":
        return ""
    return figure_words(figures, use_ytd=True, with_noun=False) or tr("doc.report.ytd_missing")


def indicator_row(number: int, line: IndicatorLine) -> Row:
    """Tử số and mẫu số as numbers (blank for a plain value), the period's rate or value in words."""
    figures = line.figures
    amount, fraction = figures.period_amount, figures.fraction
    period_text = value_text(figures.period_figure, figures.indicator, is_percent(figures))
    return Row(
        [
            str(number),
            clean(figures.indicator.text),
            target_words(figures.indicator),
            amount.numerator if fraction else None,
            amount.denominator if fraction else None,
            period_text,
            year_to_date_cell(line),
            attainment_label(figures),
        ]
    )


def indicator_rows(data: ReportData) -> list[Row]:
    return grouped_rows(area_sections(data), lambda s: s.indicators, indicator_row)


def report_appendices(data: ReportData, reference: str) -> list[Appendix]:
    """Phụ lục I (task progress) and, when the report has indicators, Phụ lục II; both landscape."""
    appendices = [
        Appendix(
            tr("doc.appendix.label", number=roman(1)),
            tr("doc.report.appendix.tasks"),
            reference,
            [Table(progress_columns(), progress_rows(data), font_size=11)],
            landscape=True,
        )
    ]
    if data.aggregate.actuals:
        appendices.append(
            Appendix(
                tr("doc.appendix.label", number=roman(2)),
                tr("doc.report.appendix.indicators"),
                reference,
                [Table(indicator_columns(), indicator_rows(data), font_size=11)],
                landscape=True,
            )
        )
    return appendices
