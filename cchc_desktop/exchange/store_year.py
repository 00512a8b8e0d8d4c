"""A year at a glance for the receiver's consolidation and receipts: each series' current package,
rows of many packages at once, what no receipt has named yet. Plain SQL; callers hold the transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence

from cchc_desktop.exchange.store import ROW_TABLES

# A year at a glance (the receiver's consolidation) #######################


#: What units send up (a district's file also keeps the receipts its province sent down: not a unit's report).
_SENT_UP = "'plan', 'report', 'assessment', 'consolidation'"


def series_of_year(conn: sqlite3.Connection, year: int) -> list[sqlite3.Row]:
    """Every series received for ``year`` (unit, kind, period): its current package, when its first
    revision was signed (timeliness counts from there) and how many revisions came."""
    return conn.execute(
        "SELECT c.id, c.package_id, c.province_code, c.unit_code, c.unit_name, c.unit_type, c.kind, c.year,"
        " c.period, c.revision, c.created_at, c.submitted_at, c.received_at, c.signer_name,"
        " c.document_sha256, c.framework_id, f.first_created_at, f.revisions"
        " FROM received_packages c JOIN ("
        "   SELECT province_code, unit_code, kind, period, MIN(created_at) AS first_created_at,"
        "          count(*) AS revisions"
        "   FROM received_packages WHERE year = ? GROUP BY province_code, unit_code, kind, period"
        " ) f USING (province_code, unit_code, kind, period)"
        f" WHERE c.year = ? AND c.state = 'current' AND c.kind IN ({_SENT_UP})"
        " ORDER BY c.province_code, c.unit_code, c.kind, c.period",
        [year, year],
    ).fetchall()


def rows_of_packages(conn: sqlite3.Connection, name: str, package_row_ids: Sequence[int]) -> list[sqlite3.Row]:
    """The rows (tasks, indicators, criteria) of many packages at once, each with its ``package_row_id``."""
    if not package_row_ids:
        return []
    table, columns = ROW_TABLES[name]
    order = "position" if "position" in columns else "id"
    marks = ", ".join("?" * len(package_row_ids))
    return conn.execute(
        f"SELECT package_row_id, {', '.join(columns)} FROM {table} WHERE package_row_id IN ({marks})"
        f" ORDER BY package_row_id, {order}",
        list(package_row_ids),
    ).fetchall()


def unreceipted_units(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    """(province, unit, year) of the units with a content package (or a district's consolidation) no
    receipt has named yet."""
    return conn.execute(
        "SELECT DISTINCT province_code, unit_code, year FROM received_packages"
        " WHERE receipt_package_id IS NULL AND kind IN ('plan', 'report', 'assessment', 'consolidation')"
        " ORDER BY province_code, unit_code, year"
    ).fetchall()


def packages_of_unit(conn: sqlite3.Connection, province: str, unit: str, year: int) -> list[sqlite3.Row]:
    """Every content package (or consolidation) received from one unit for one year, superseded revisions too."""
    return conn.execute(
        "SELECT id, package_id, province_code, unit_code, kind, year, period, revision, state, received_at,"
        " unit_name, unit_type"
        " FROM received_packages WHERE province_code = ? AND unit_code = ? AND year = ?"
        " AND kind IN ('plan', 'report', 'assessment', 'consolidation') ORDER BY kind, period, revision",
        [province, unit, year],
    ).fetchall()


def mark_receipted(conn: sqlite3.Connection, row_ids: Iterable[int], receipt_package_id: str) -> None:
    ids = list(row_ids)
    marks = ", ".join("?" * len(ids))
    conn.execute(
        f"UPDATE received_packages SET receipt_package_id = ? WHERE id IN ({marks})", [receipt_package_id, *ids]
    )
