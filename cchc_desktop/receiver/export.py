"""The office's figures as plain data (``receiver status --json``) and as short text lines."""

from __future__ import annotations

from typing import Any

from cchc_desktop.kernel.i18n import format_percent, tr
from cchc_desktop.receiver.completeness import Cell, CompletenessMatrix
from cchc_desktop.receiver.indicators import Consolidated


def _cell(cell: Cell) -> dict[str, Any]:
    return {
        "state": cell.state,
        "days_late": cell.days_late,
        "revisions": cell.revisions,
        "sent": cell.sent.isoformat() if cell.sent else None,
    }


def matrix_to_dict(matrix: CompletenessMatrix) -> dict[str, Any]:
    return {
        "year": matrix.year,
        "columns": [
            {"key": c.key, "kind": c.kind, "label": c.label, "due": c.due.isoformat() if c.due else None}
            for c in matrix.columns
        ],
        "rates": {
            key: {
                "expected": r.expected,
                "received": r.received,
                "on_time": r.on_time,
                "reporting_rate": r.reporting_rate,
                "on_time_rate": r.on_time_rate,
                "due_passed": r.due_passed,
            }
            for key, r in matrix.rates.items()
        },
        "units": [
            {
                "code": f"{r.province_code}-{r.unit_code}",
                "name": r.name,
                "in_roster": r.in_roster,
                "key_state": r.key_state,
                "cells": {k: _cell(c) for k, c in r.cells.items()},
            }
            for r in matrix.rows
        ],
    }


def indicators_to_dict(period: str, rows: list[Consolidated]) -> dict[str, Any]:
    return {
        "period": period,
        "items": [
            {
                "code": c.code,
                "text": c.text,
                "unit": c.measure_unit,
                "reporting": c.reporting,
                "numerator": c.numerator if c.is_rate else None,
                "denominator": c.denominator if c.is_rate else None,
                "rate": c.rate,
                "total": c.total,
                "mean": c.mean,
                "met": c.count("met"),
                "not_met": c.count("not_met"),
            }
            for c in rows
        ],
    }


def status_lines(matrix: CompletenessMatrix) -> list[str]:
    """One line per column: "Quý I/2026: đã gửi 12/69 (17,4%), đúng hạn 10 (14,5%)"."""

    def percent(value: float | None) -> str:
        return format_percent(100 * value) if value is not None else "—"

    return [
        f"{c.label}: "
        + tr(
            "receiver.rates",
            received=matrix.rates[c.key].received,
            expected=matrix.rates[c.key].expected,
            reporting=percent(matrix.rates[c.key].reporting_rate),
            on_time=matrix.rates[c.key].on_time,
            on_time_rate=percent(matrix.rates[c.key].on_time_rate),
        )
        for c in matrix.columns
    ]
