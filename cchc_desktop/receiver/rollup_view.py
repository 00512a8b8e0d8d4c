"""Báo cáo tổng hợp của các huyện, as the province reads them: from the data.json kept with each package.

Read only. The figures are the district's, as its package states them (checked when imported:
``exchange.payload_consolidation``): each indicator as sums of numerators and denominators with the rate
of the sums, and each commune's state per period. They are shown beside the province's own
consolidation, never added to it: a commune that also sent its own packages here would be counted
twice, and the province's figures are built from the packages it received itself.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from cchc_desktop.exchange import store as exchange_store
from cchc_desktop.exchange.format.labels import period_label
from cchc_desktop.kernel.i18n import format_number, format_percent, tr
from cchc_desktop.receiver.indicators import LEVEL_UNITS


@dataclass(frozen=True)
class DistrictIndicator:
    code: str
    text: str
    measure_unit: str
    numerator: float | None
    denominator: float | None
    reporting: int
    figure_text: str  # the rate of the sums, the sum of a count, the mean of a level

    @property
    def rate(self) -> float | None:
        return 100 * self.numerator / self.denominator if self.numerator is not None and self.denominator else None


@dataclass(frozen=True)
class CommuneState:
    code: str
    name: str
    cells: tuple[str, ...]  # one text per column: "Đúng hạn", "Muộn 3 ngày", "Chưa gửi"…


@dataclass(frozen=True)
class CommuneScore:
    code: str
    name: str
    total: float | None
    max_total: float | None


@dataclass(frozen=True)
class DistrictReport:
    """One district's current consolidation for a period, as the province holds it."""

    package_row_id: int
    unit_name: str
    code: str  # "42-90436"
    year: int
    period: str
    revision: int
    as_of: str
    columns: tuple[str, ...]
    communes: tuple[CommuneState, ...]
    indicators: tuple[DistrictIndicator, ...]
    scores: tuple[CommuneScore, ...]

    @property
    def label(self) -> str:
        return tr(
            "rollup.view.item",
            unit=self.unit_name,
            period=period_label(self.period, self.year),
            revision=self.revision,
        )


def district_reports(conn: sqlite3.Connection, names: dict[tuple[str, str], str]) -> list[DistrictReport]:
    """Every district's current consolidation, newest year and period first; ``names`` as the roster has them."""
    found = []
    for row in exchange_store.received(conn, current_only=True):
        if row["kind"] != "consolidation":
            continue
        full = exchange_store.package_row(conn, row["id"])
        assert full is not None
        data = json.loads(exchange_store.stored_data_json(full))
        name = names.get((row["province_code"], row["unit_code"]), row["unit_name"])
        found.append(_report(row, name, data))
    return sorted(found, key=lambda r: (-r.year, r.period, r.unit_name))


def _report(row: sqlite3.Row, name: str, data: dict[str, Any]) -> DistrictReport:
    completeness = data["completeness"]
    columns = completeness["columns"]
    communes = tuple(
        CommuneState(unit["code"], unit["name"], tuple(_state(unit["cells"].get(c["key"], {})) for c in columns))
        for unit in completeness["units"]
    )
    scores = tuple(
        CommuneScore(u["code"], u["name"], u.get("total"), u.get("max_total")) for u in data["index"]["units"]
    )
    return DistrictReport(
        row["id"],
        name,
        f"{row['province_code']}-{row['unit_code']}",
        row["year"],
        row["period"],
        row["revision"],
        data.get("as_of") or "",
        tuple(c.get("label") or c["key"] for c in columns),
        communes,
        tuple(_indicator(item) for item in data["indicators"]),
        scores,
    )


def _state(cell: dict[str, Any]) -> str:
    state = cell.get("state") or "not_applicable"
    return tr(f"rollup.state.{state}", days=cell.get("days_late") or 0)


def _indicator(item: dict[str, Any]) -> DistrictIndicator:
    numerator, denominator = item.get("numerator"), item.get("denominator")
    values = [u["value"] for u in item["units"] if u.get("value") is not None]
    if item.get("is_rate"):  # a rate is the rate of the sums, or nothing: never a sum of percentages
        figure = format_percent(100 * numerator / denominator) if numerator is not None and denominator else ""
    elif " ".join(str(item.get("unit", "")).lower().split()) in LEVEL_UNITS and values:
        mean = round(sum(values) / len(values), 1)
        figure = tr("receiver.indicator.mean", value=format_number(mean), unit=item.get("unit", ""))
    else:
        figure = format_number(sum(values)) if values else ""
    return DistrictIndicator(
        item.get("code") or "",
        item["text"],
        item.get("unit") or "",
        numerator,
        denominator,
        sum(1 for u in item["units"] if u.get("value") is not None or u.get("numerator") is not None),
        figure,
    )
