"""Kiểm tra gói báo cáo tổng hợp của huyện (kind ``consolidation``, docs/package-format.md §12.2.2).

A consolidation makes no rows of its own at the province: its data.json is kept with the package record
(as for every kind) and read from there (``receiver.rollup_view``). What is checked here is that it can be
read safely and that its sums are the sums of the communes' figures it lists, so the province never takes
a rate the district averaged. Any shape error is a ``PayloadError`` naming the dotted path.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping

from cchc_desktop.exchange.format.errors import PackageError
from cchc_desktop.exchange.format.manifest import Manifest
from cchc_desktop.exchange.payload_check import Check, PayloadRows, unique
from cchc_desktop.kernel.i18n import format_number, tr
from cchc_desktop.kernel.units import DISTRICT_KINDS, is_district_unit_code
from cchc_desktop.profile.model import UnitProfile

CELL_STATES = ("on_time", "late", "missing", "pending", "draft", "not_applicable")
COLUMN_KINDS = ("plan", "report", "assessment")
#: Sums are of figures as sent (floats): a difference below this is rounding, not another number.
TOLERANCE = 1e-6


class ConsolidationHereError(PackageError):
    """A consolidation opened anywhere but at a province (a commune, another district)."""

    key = "rollup.import.not_province"


class ConsolidationSenderError(PackageError):
    """A consolidation signed by a unit that is not enrolled here as a district."""

    key = "rollup.import.not_district"


class ConsolidationSealError(PackageError):
    """A consolidation sealed with a certificate: a commune's certificate may name its district in O, so
    only the district's enrolled app key proves a district sent it."""

    key = "rollup.import.sealed_by_certificate"


def check_consolidation_target(profile: UnitProfile, file: str) -> None:
    """Only a province's receiver file takes a district's consolidation."""
    if profile.mode != "receiver" or profile.receiver_level != "tinh":
        here = tr("rollup.here.commune" if profile.mode != "receiver" else "rollup.here.district")
        raise ConsolidationHereError(file, here=here)


def check_consolidation(
    profile: UnitProfile,
    manifest: Manifest,
    holder: sqlite3.Row | Mapping[str, str] | None,
    sender: str,
    file: str,
    sealed_by_certificate: bool = False,
) -> None:
    """Step 8 for a consolidation: received by a province only, from a district by its code (90xxx), by
    the type it claims and by the kind it was enrolled with or is on the roster as (``holder``: its
    enrolled_keys row, or its roster unit for a certificate's seal): huyện, thị xã or thành phố."""
    check_consolidation_target(profile, file)
    if sealed_by_certificate:
        raise ConsolidationSealError(file, sender=sender)
    claimed = manifest.sender
    enrolled = holder["unit_type"] if holder is not None else None
    if not (is_district_unit_code(claimed.unit_code) and claimed.unit_type == "huyen" and enrolled in DISTRICT_KINDS):
        raise ConsolidationSenderError(file, sender=sender)


def consolidation_rows(root: Check, manifest: Manifest) -> PayloadRows:
    """Validate a consolidation's data.json; no rows, a headline for the import line and the diff."""
    period = root.child("period")
    if period.text("code", required=True) != manifest.period:
        raise period.fail("code", "rollup.reason.period", expected=manifest.period)
    as_of = root.date("as_of") or ""
    units = _completeness(root.child("completeness"))
    indicators = [_indicator(item) for item in root.items("indicators")]
    unique(root, "indicators", [code for code in indicators if code])
    scores = _index(root.child("index"))
    header = {
        "rollup.header.as_of": as_of,
        "rollup.header.units": str(units),
        "rollup.header.indicators": str(len(indicators)),
        "rollup.header.scores": str(scores),
    }
    summary = tr("rollup.summary", units=units, indicators=len(indicators), scores=scores)
    return PayloadRows(header=header, summary=summary)


def _completeness(block: Check) -> int:
    columns = block.items("columns")
    keys = [c.text("key", required=True) for c in columns]
    unique(block, "columns", keys)
    for column in columns:
        column.choice("kind", COLUMN_KINDS)
        column.date("due")
    units = block.items("units")
    unique(block, "units", [u.text("code", required=True) for u in units])
    for unit in units:
        unit.text("name", required=True)
        cells = unit.child("cells")
        for key in keys:
            if key in cells.obj:
                cell = cells.child(key)
                cell.choice("state", CELL_STATES)
                cell.integer("days_late")
                cell.date("sent")
    return len(units)


def _indicator(item: Check) -> str:
    item.text("text", required=True)
    figures = item.items("units")
    unique(item, "units", [u.text("code", required=True) for u in figures])
    is_rate = item.flag("is_rate")
    for name in ("numerator", "denominator"):
        declared = item.number(name)
        if is_rate and declared is None:
            raise item.fail(name, "rollup.reason.rate_needs_sums")
        parts = [u.number(name) for u in figures]
        total = sum(p or 0 for p in parts)
        if declared is not None and abs(declared - total) > TOLERANCE * max(1.0, abs(total)):
            raise item.fail(
                name,
                "rollup.reason.sums",
                what=tr(f"rollup.reason.{name}"),
                value=format_number(declared),
                expected=format_number(total),
            )
    for figure in figures:
        figure.number("value")
        figure.number("figure")
    return item.text("code")


def _index(block: Check) -> int:
    for area in block.items("areas"):
        area.text("code", required=True)
        area.number("max_points")
    units = block.items("units")
    unique(block, "units", [u.text("code", required=True) for u in units])
    for unit in units:
        unit.number("total")
        unit.number("max_total")
        areas = unit.child("areas")
        for code in areas.obj:
            areas.number(code)
    return len(units)
