"""Xem trước khi nhập: what a package would change, value by value, in Vietnamese, with names not ids.

``diff_rows(old, new)`` compares the rows of the series' current package (None for a first package)
with the incoming one: rows added, values changed (old → new) and rows removed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cchc_desktop.exchange.payload_check import PayloadRows
from cchc_desktop.kernel.i18n import format_date, format_number, tr
from cchc_desktop.kernel.text import printable

Format = Callable[[Any, tuple], str]  # (value, the whole row) → text
MAX_TEXT = 80
DECIMALS = 2  # figures, scores and counts: at most two decimals, rounded
PERCENT_DECIMALS = 1  # rates and progress in percent: one decimal


@dataclass(frozen=True)
class DiffLine:
    """One change: ``change`` is added | changed | removed; ``what`` names the row; ``field`` the value."""

    change: str
    what: str
    field: str = ""
    old: str = ""
    new: str = ""

    @property
    def text(self) -> str:
        change = "added_plain" if self.change == "added" and not self.field else self.change
        line = tr(f"exchange.diff.{change}", what=self.what, field=self.field, old=self.old or "—", new=self.new or "—")
        return printable(line)  # names and values come from the package


def _short(value: Any, row: tuple = ()) -> str:
    text = " ".join(str(value or "").split())
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def _number(value: Any, row: tuple = ()) -> str:
    """A figure, score or count the Vietnamese way, rounded to at most two decimals ("16,25")."""
    return format_number(value, max_decimals=DECIMALS) if value is not None else ""


def _progress(value: Any, row: tuple = ()) -> str:
    """Progress in percent (the field's label says so): one decimal ("33,3")."""
    return format_number(value, max_decimals=PERCENT_DECIMALS) if value is not None else ""


def _measure(value: Any, row: tuple) -> str:
    """An indicator's value in its own unit: a rate in percent with one decimal and its sign ("43,7%")."""
    if value is None:
        return ""
    if row[5].strip() == "%":
        return format_number(value, max_decimals=PERCENT_DECIMALS) + "%"
    return _number(value)


def _flag(value: Any, row: tuple = ()) -> str:
    return tr("common.yes") if value else tr("common.no")


def _status(value: Any, row: tuple = ()) -> str:
    return tr(f"report.task_status.{value}") if value else ""


def _attainment(value: Any, row: tuple = ()) -> str:
    return tr(f"report.attainment.{value}") if value else ""


def _date(value: Any, row: tuple = ()) -> str:
    return format_date(value) if value else ""


def _document_status(value: Any, row: tuple = ()) -> str:
    """A self-assessment's own status as sent (draft, submitted), in words."""
    return tr(f"exchange.diff.status.{value}") if value else ""


#: How the document's values are shown (the rest as short text).
_HEADER_FORMATS: dict[str, Callable[[Any], str]] = {
    "exchange.diff.header.date": _date,
    "exchange.diff.header.status": _document_status,
    "exchange.diff.header.total": _number,
}


@dataclass(frozen=True)
class _Table:
    name: str  # key in PayloadRows.tables()
    label_key: str  # "Nhiệm vụ «{name}»"
    key: int  # column of the row's identity
    title: Callable[[tuple], str]
    fields: tuple[tuple[int, str, Format], ...]  # (column, label key, formatter); the first is the headline


_TABLES = (
    _Table(
        "tasks",
        "exchange.diff.what.task",
        1,
        lambda r: _short(r[3]),
        (
            (8, "exchange.diff.field.status", _status),
            (9, "exchange.diff.field.progress", _progress),
            (3, "exchange.diff.field.content", _short),
            (4, "exchange.diff.field.lead_unit", _short),
            (5, "exchange.diff.field.deadline", _short),
            (7, "exchange.diff.field.not_applicable", _flag),
            (10, "exchange.diff.field.result", _short),
            (11, "exchange.diff.field.reason", _short),
            (12, "exchange.diff.field.completed_on", _date),
        ),
    ),
    _Table(
        "indicators",
        "exchange.diff.what.indicator",
        1,
        lambda r: _short(f"{r[2]} {r[3]}".strip()),
        (
            (12, "exchange.diff.field.figure", _measure),
            (7, "exchange.diff.field.target", _measure),
            (8, "exchange.diff.field.target_max", _measure),
            (9, "exchange.diff.field.numerator", _number),
            (10, "exchange.diff.field.denominator", _number),
            (11, "exchange.diff.field.value", _measure),
            (13, "exchange.diff.field.ytd_figure", _measure),
            (14, "exchange.diff.field.attainment", _attainment),
            (3, "exchange.diff.field.text", _short),
            (5, "exchange.diff.field.unit", _short),
        ),
    ),
    _Table(
        "criteria",
        "exchange.diff.what.criterion",
        1,
        lambda r: _short(f"{r[1]} {r[4]}"),
        (
            (7, "exchange.diff.field.self_score", _number),
            (6, "exchange.diff.field.max_points", _number),
            (4, "exchange.diff.field.name", _short),
            (8, "exchange.diff.field.explanation", _short),
            (9, "exchange.diff.field.override_reason", _short),
            (10, "exchange.diff.field.response", _short),
            (11, "exchange.diff.field.evidence_count", _number),
        ),
    ),
    _Table(
        "evidence",
        "exchange.diff.what.evidence",
        0,
        lambda r: _short(r[1]),
        ((3, "exchange.diff.field.size", _number),),
    ),
)


def diff_rows(old: PayloadRows | None, new: PayloadRows) -> list[DiffLine]:
    """Changes from ``old`` (None: nothing imported yet) to ``new``, in reading order."""
    lines = _header(old.header if old else {}, new.header)
    old_tables = old.tables() if old else {}
    for table in _TABLES:
        lines += _table(table, old_tables.get(table.name, []), new.tables()[table.name])
    return lines


def _header(old: dict[str, str], new: dict[str, str]) -> list[DiffLine]:
    lines = []
    for key, value in new.items():
        before = old.get(key, "")
        if before != value:
            label = tr(key)
            shown = _HEADER_FORMATS.get(key, _short)
            lines.append(
                DiffLine(
                    "changed" if before else "added",
                    tr("exchange.diff.what.document"),
                    label,
                    shown(before),
                    shown(value),
                )
            )
    return lines


def _table(table: _Table, old_rows: list[tuple], new_rows: list[tuple]) -> list[DiffLine]:
    before = {row[table.key]: row for row in old_rows}
    after = {row[table.key]: row for row in new_rows}
    lines: list[DiffLine] = []
    for key, row in after.items():
        what = tr(table.label_key, name=table.title(row))
        previous = before.get(key)
        if previous is None:
            lines.append(_added(table, row, what))
            continue
        for column, label, shown in table.fields:
            if previous[column] != row[column]:
                old, new = shown(previous[column], previous), shown(row[column], row)
                lines.append(DiffLine("changed", what, tr(label), old, new))
    for key, row in before.items():
        if key not in after:
            lines.append(DiffLine("removed", tr(table.label_key, name=table.title(row))))
    return lines


def _added(table: _Table, row: tuple, what: str) -> DiffLine:
    """A new row, with its first value that says something (status, figure, score…)."""
    for column, label, shown in table.fields:
        text = shown(row[column], row)
        if text and text != table.title(row):
            return DiffLine("added", what, tr(label), "", text)
    return DiffLine("added", what)


def summary_counts(rows: PayloadRows) -> str:
    """ "60 nhiệm vụ, 40 chỉ tiêu, 3 tài liệu kiểm chứng" (only what the package has)."""
    parts = [tr(f"exchange.count.{name}", count=len(values)) for name, values in rows.tables().items() if values]
    return ", ".join(parts) or rows.summary or tr("exchange.count.empty")
