"""The consolidated tables, once, for the PDF appendices and the Excel sheets alike."""

from __future__ import annotations

from cchc_desktop.kernel.documents.model import Column, Row, Table
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.receiver.completeness import Cell, CompletenessMatrix
from cchc_desktop.receiver.index import IndexView, LaggingTask
from cchc_desktop.receiver.indicators import Consolidated


def cell_words(cell: Cell) -> str:
    """ "Đúng hạn", "Muộn 7 ngày (gửi lại lần 2)", "Chưa gửi"…"""
    text = tr(f"receiver.cell.{cell.state}", days=cell.days_late)
    return f"{text} ({tr('receiver.cell.resent', revision=cell.revisions)})" if cell.resent else text


def matrix_table(matrix: CompletenessMatrix, font_size: float = 10) -> Table:
    columns = [
        Column(tr("doc.col.stt"), 0.5, "center", "integer", 6),
        Column(tr("ui.receiver.roster.col.name"), 3, excel_width=28),
    ]
    columns += [Column(c.label, 1.6, "center", excel_width=18) for c in matrix.columns]
    rows = []
    for number, row in enumerate(matrix.rows, 1):
        name = row.name if row.in_roster else tr("receiver.unit.not_in_roster", name=row.name)
        rows.append(Row([number, name, *(cell_words(row.cells[c.key]) for c in matrix.columns)]))
    rates = matrix.rates
    rows.append(
        Row(
            ["", tr("receiver.doc.reporting_rate"), *(_percent(rates[c.key].reporting_rate) for c in matrix.columns)],
            bold=True,
        )
    )
    rows.append(
        Row(
            ["", tr("receiver.doc.on_time_rate"), *(_percent(rates[c.key].on_time_rate) for c in matrix.columns)],
            bold=True,
        )
    )
    return Table(columns, rows, font_size)


def _percent(value: float | None) -> float | None:
    return round(100 * value, 1) if value is not None else None


def indicators_table(rows: list[Consolidated], font_size: float = 10) -> Table:
    columns = [
        Column(tr("doc.col.stt"), 0.5, "center", "integer", 6),
        Column(tr("ui.receiver.indicators.col.code"), 0.9, "center", excel_width=9),
        Column(tr("ui.receiver.indicators.col.text"), 4, excel_width=50),
        Column(tr("ui.receiver.indicators.col.reporting"), 1, "center", "integer", 12),
        Column(tr("ui.receiver.indicators.col.numerator"), 1.2, "right", "number", 13),
        Column(tr("ui.receiver.indicators.col.denominator"), 1.2, "right", "number", 13),
        Column(tr("receiver.doc.rate"), 1, "right", "percent", 11),
        Column(tr("receiver.doc.total"), 1.1, "right", "number", 12),
        Column(tr("ui.receiver.indicators.col.met"), 0.9, "center", "integer", 10),
        Column(tr("ui.receiver.indicators.col.not_met"), 0.9, "center", "integer", 10),
    ]
    body = [
        Row(
            [
                n,
                c.code,
                c.text,
                c.reporting,
                c.numerator if c.is_rate else None,
                c.denominator if c.is_rate else None,
                round(c.rate, 1) if c.rate is not None else None,
                c.total if c.total is not None else (round(c.mean, 1) if c.mean is not None else None),
                c.count("met"),
                c.count("not_met"),
            ]
        )
        for n, c in enumerate(rows, 1)
    ]
    return Table(columns, body, font_size)


def unit_figures_table(rows: list[Consolidated], font_size: float = 10) -> Table:
    """Every unit's figure of every indicator, against the unit's own target."""
    from cchc_desktop.reports.calc import attainment_text

    columns = [
        Column(tr("ui.receiver.indicators.col.code"), 0.9, "center", excel_width=9),
        Column(tr("ui.receiver.indicators.unit.unit"), 2.5, excel_width=26),
        Column(tr("receiver.doc.numerator"), 1, "right", "number", 12),
        Column(tr("receiver.doc.denominator"), 1, "right", "number", 12),
        Column(tr("ui.receiver.indicators.unit.figure"), 1, "right", "number", 12),
        Column(tr("ui.receiver.indicators.unit.target"), 1.2, "center", excel_width=14),
        Column(tr("ui.receiver.indicators.unit.attainment"), 1.6, excel_width=20),
    ]
    body = []
    for item in rows:
        body.append(Row([item.code, item.text], group=True))
        for u in item.units:
            target = f"{u.comparator} {_number(u.target)}".strip() if u.target is not None else ""
            body.append(
                Row(
                    [
                        item.code,
                        u.unit_name,
                        u.numerator,
                        u.denominator,
                        round(u.figure, 2) if u.figure is not None else None,
                        target,
                        attainment_text(u.attainment or "no_data"),
                    ]
                )
            )
    return Table(columns, body, font_size)


def _number(value: float | None) -> str:
    from cchc_desktop.kernel.i18n import format_number

    return format_number(value)


def ranking_table(view: IndexView, font_size: float = 10) -> Table:
    columns = [
        Column(tr("ui.receiver.index.col.rank"), 0.6, "center", "integer", 7),
        Column(tr("ui.receiver.index.col.unit"), 2.6, excel_width=26),
        Column(tr("ui.receiver.index.col.total"), 1, "right", "number", 11),
        Column(tr("ui.receiver.index.col.scored"), 1, "center", excel_width=12),
        Column(tr("ui.receiver.index.col.status"), 1, "center", excel_width=11),
    ]
    columns += [Column(tr("ui.receiver.index.col.area", code=a.code), 0.9, "right", "number", 11) for a in view.areas]
    body = [
        Row(
            [
                s.rank,
                s.name,
                s.total,
                f"{s.scored}/{s.scorable}",
                tr(f"ui.receiver.index.status.{'submitted' if s.submitted else 'draft'}"),
                *(round(s.areas.get(a.code, 0), 2) for a in view.areas),
            ]
        )
        for s in view.scores
    ]
    return Table(columns, body, font_size)


def lagging_table(tasks: list[LaggingTask], font_size: float = 10) -> Table:
    columns = [
        Column(tr("doc.col.stt"), 0.5, "center", "integer", 6),
        Column(tr("ui.receiver.indicators.task.content"), 4, excel_width=50),
        Column(tr("ui.receiver.indicators.task.deadline"), 1.2, "center", excel_width=14),
        Column(tr("ui.receiver.indicators.task.count"), 0.9, "center", "integer", 10),
        Column(tr("ui.receiver.indicators.task.units"), 3, excel_width=40),
    ]
    body = [Row([n, t.content, t.deadline_text, len(t.units), ", ".join(t.units)]) for n, t in enumerate(tasks, 1)]
    return Table(columns, body, font_size)
