"""Report tables: entity registration (guards, derived columns) and queries.

A submitted report is locked: every edit of it or its rows is refused by the guards below,
with a message that says when and by whom it was submitted and how to reopen it.
"""

from __future__ import annotations

import sqlite3

from cchc_desktop.evidence import store as evidence_store
from cchc_desktop.kernel.errors import LockedError, NotFoundError, ValidationError
from cchc_desktop.kernel.i18n import format_datetime
from cchc_desktop.kernel.store import numbering, records
from cchc_desktop.kernel.store.records import Entity, inserted_id, register
from cchc_desktop.plans import store as plan_store
from cchc_desktop.reports import calendar as cal
from cchc_desktop.reports.model import (
    DONE_STATUSES,
    IndicatorActual,
    Report,
    ReportAggregate,
    ReportEvent,
    ReportPeriod,
    ReportRecipient,
    TaskProgress,
)

FIGURE_FIELDS = ("numerator", "denominator", "value", "as_of")


def report_row(conn: sqlite3.Connection, report_id: int) -> dict:
    row = conn.execute("SELECT * FROM reports WHERE id = ?", [report_id]).fetchone()
    if row is None:
        raise NotFoundError("error.row_missing", what="báo cáo", id=report_id)
    return dict(row)


def period_label_of(conn: sqlite3.Connection, period_id: int) -> str:
    return load_period(conn, period_id).label


def ensure_report_editable(conn: sqlite3.Connection, report_id: int) -> dict:
    """Raise LockedError (when, who, how to reopen) unless the report is a draft."""
    report = report_row(conn, report_id)
    if report["status"] == "draft":
        return report
    raise LockedError(
        "report.locked",
        period=period_label_of(conn, report["period_id"]),
        when=format_datetime(report["submitted_at"]),
        who=report["submitted_by"] or "—",
    )


def _stored(conn: sqlite3.Connection, table: str, row: dict) -> dict | None:
    if "id" not in row:
        return None
    found = conn.execute(f"SELECT * FROM {table} WHERE id = ?", [row["id"]]).fetchone()
    return dict(found) if found else None


# Guards and derived columns ############################################


def _guard_report(conn: sqlite3.Connection, row: dict) -> None:
    ensure_report_editable(conn, row["id"])


def _guard_child(conn: sqlite3.Connection, row: dict) -> None:
    ensure_report_editable(conn, row["report_id"])


def _guard_period(conn: sqlite3.Connection, row: dict) -> None:
    if "id" not in row:
        return
    report = conn.execute("SELECT id FROM reports WHERE period_id = ? AND status = 'submitted'", [row["id"]]).fetchone()
    if report is not None:
        ensure_report_editable(conn, report[0])


def _derive_period(conn: sqlite3.Connection, row: dict) -> dict:
    cal.check_dates(row.get("start_date"), row.get("end_date"), row.get("due_date"), row.get("code", ""))
    return {}


def _derive_progress(conn: sqlite3.Connection, row: dict) -> dict:
    """Marking a task done sets its progress to 100%; a result written over is no longer "as copied"."""
    stored = _stored(conn, "report_task_progress", row)
    newly_done = row.get("status") in DONE_STATUSES and (stored is None or stored["status"] != row["status"])
    derived: dict = {"progress": 100.0} if newly_done else {}
    if stored is not None and stored["result_review"] and stored["result"] != row.get("result"):
        derived["result_review"] = 0
    return derived


def _derive_report(conn: sqlite3.Connection, row: dict) -> dict:
    """A narrative text written over is no longer "as copied from the previous report"."""
    stored = _stored(conn, "reports", row)
    if stored is None or not stored["review_fields"]:
        return {}
    left = [name for name in stored["review_fields"].split() if stored[name] == row.get(name)]
    return {} if len(left) == len(stored["review_fields"].split()) else {"review_fields": " ".join(left)}


def _derive_actual(conn: sqlite3.Connection, row: dict) -> dict:
    """Refuse figures in the wrong column; a figure typed or confirmed is no longer "carried"."""
    fraction = (
        conn.execute("SELECT denominator_label FROM indicators WHERE id = ?", [row["indicator_id"]])
        .fetchone()[0]
        .strip()
        != ""
    )
    if fraction and row.get("value") is not None:
        raise ValidationError("report.actual.use_fraction", field="value")
    if not fraction and (row.get("numerator") is not None or row.get("denominator") is not None):
        raise ValidationError("report.actual.use_value", field="numerator")
    stored = _stored(conn, "report_indicator_actuals", row)
    if stored and stored["carried_from"] and any(stored[f] != row.get(f) for f in FIGURE_FIELDS):
        return {"carried_from": ""}
    return {}


PERIOD = register(
    Entity(
        "report_period",
        "report_periods",
        ReportPeriod,
        "year",
        "name",
        "entity.report_period",
        guard=_guard_period,
        derive=_derive_period,
    )
)
REPORT = register(
    Entity(
        "report",
        "reports",
        Report,
        None,
        "title",
        "entity.report",
        ordered=False,
        guard=_guard_report,
        derive=_derive_report,
    )
)
TASK_PROGRESS = register(
    Entity(
        "task_progress",
        "report_task_progress",
        TaskProgress,
        "report_id",
        "result",
        "entity.task_progress",
        guard=_guard_child,
        derive=_derive_progress,
    )
)
INDICATOR_ACTUAL = register(
    Entity(
        "indicator_actual",
        "report_indicator_actuals",
        IndicatorActual,
        "report_id",
        "source",
        "entity.indicator_actual",
        guard=_guard_child,
        derive=_derive_actual,
    )
)
RECIPIENT = register(
    Entity(
        "report_recipient",
        "report_recipients",
        ReportRecipient,
        "report_id",
        "recipient",
        "entity.report_recipient",
        guard=_guard_child,
    )
)


# Queries ###############################################################


def load_period(conn: sqlite3.Connection, period_id: int) -> ReportPeriod:
    return records.get(conn, "report_period", period_id)


def calendar(conn: sqlite3.Connection, year: int) -> list[ReportPeriod]:
    return records.children(conn, "report_period", year)


def load_report(conn: sqlite3.Connection, report_id: int) -> Report:
    return records.get(conn, "report", report_id)


def report_for_period(conn: sqlite3.Connection, period_id: int) -> Report | None:
    row = conn.execute("SELECT id FROM reports WHERE period_id = ?", [period_id]).fetchone()
    return load_report(conn, row[0]) if row else None


def reports_of_year(conn: sqlite3.Connection, year: int) -> list[Report]:
    return records.find(conn, "report", "year = ?", [year])


def events(conn: sqlite3.Connection, report_id: int) -> list[ReportEvent]:
    rows = conn.execute("SELECT * FROM report_events WHERE report_id = ? ORDER BY id", [report_id])
    return [ReportEvent(**dict(row)) for row in rows]


def add_event(
    conn: sqlite3.Connection,
    report_id: int,
    actor: str,
    action: str,
    reason: str = "",
    detail: str = "",
    at: str | None = None,
) -> None:
    conn.execute(
        "INSERT INTO report_events (report_id, at, actor, action, reason, detail) VALUES (?, ?, ?, ?, ?, ?)",
        [report_id, at or records.now_iso(), actor, action, reason, detail],
    )


numbering.register_numbered("reports", "report_date")


def amounts_of_year(conn: sqlite3.Connection, year: int) -> list[tuple[int, IndicatorActual, str, str]]:
    """Every figure of the year: (period id, actual, indicator code, indicator text)."""
    rows = conn.execute(
        "SELECT r.period_id, a.*, i.code AS indicator_code, i.text AS indicator_text"
        " FROM report_indicator_actuals a JOIN reports r ON r.id = a.report_id"
        " JOIN indicators i ON i.id = a.indicator_id WHERE r.year = ?",
        [year],
    )
    found = []
    for row in rows:
        data = dict(row)
        actual = IndicatorActual(**{k: data[k] for k in IndicatorActual.__dataclass_fields__})
        found.append((data["period_id"], actual, data["indicator_code"], data["indicator_text"]))
    return found


# Bulk writes (creating a report) #######################################


def insert_row(conn: sqlite3.Connection, table: str, values: dict) -> int:
    columns = list(values)
    cursor = conn.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
        [values[c] for c in columns],
    )
    return inserted_id(cursor)


def insert_children(conn: sqlite3.Connection, entity: Entity, report_id: int, rows: list[dict]) -> None:
    for position, row in enumerate(rows):
        insert_row(conn, entity.table, dict(row, report_id=report_id, position=position))


def drop_evidence(conn: sqlite3.Connection, entity: str, row_ids: list[int]) -> None:
    """Remove the files attached to report rows that are going away."""
    if row_ids:
        evidence_store.delete_for_rows(conn, entity, row_ids)


def load_aggregate(conn: sqlite3.Connection, report_id: int) -> ReportAggregate:
    report = load_report(conn, report_id)
    return ReportAggregate(
        report=report,
        period=load_period(conn, report.period_id),
        plan=plan_store.load_plan(conn, report.plan_id),
        tasks={t.id: t for t in records.children(conn, "task", report.plan_id)},
        indicators={i.id: i for i in records.children(conn, "indicator", report.plan_id)},
        progress=records.children(conn, "task_progress", report_id),
        actuals=records.children(conn, "indicator_actual", report_id),
        recipients=records.children(conn, "report_recipient", report_id),
        events=events(conn, report_id),
    )


def set_plan(conn: sqlite3.Connection, report_id: int, plan_id: int) -> None:
    """The report now follows ``plan_id`` (the plan in force after an amendment)."""
    conn.execute("UPDATE reports SET plan_id = ? WHERE id = ?", [plan_id, report_id])


def relink_rows(
    conn: sqlite3.Connection,
    entity: Entity,
    column: str,
    report_id: int,
    existing: dict[str, int],
    wanted: list[tuple[int, str]],
    defaults: dict,
) -> None:
    """Point kept rows at the new plan's rows, add missing ones, drop the rest; renumber."""
    table, keep = entity.table, set()
    for position, (target_id, key) in enumerate(wanted):
        row_id = existing.get(key)
        if row_id is None:
            insert_row(conn, table, {"report_id": report_id, column: target_id, "position": position, **defaults})
        else:
            conn.execute(f"UPDATE {table} SET {column} = ?, position = ? WHERE id = ?", [target_id, position, row_id])
            keep.add(row_id)
    dropped = [row_id for row_id in existing.values() if row_id not in keep]
    drop_evidence(conn, entity.name, dropped)
    conn.executemany(f"DELETE FROM {table} WHERE id = ?", [[row_id] for row_id in dropped])


def previous_report_id(conn: sqlite3.Connection, period: ReportPeriod) -> int | None:
    """The year's latest report whose window ends before ``period``'s (regular periods first)."""
    row = conn.execute(
        "SELECT r.id FROM reports r JOIN report_periods p ON p.id = r.period_id"
        " WHERE r.year = ? AND p.end_date < ? ORDER BY p.adhoc, p.end_date DESC, p.start_date LIMIT 1",
        [period.year, period.end_date],
    ).fetchone()
    return row[0] if row else None


def set_created_at(conn: sqlite3.Connection, report_id: int, at: str) -> None:
    """When the report was started (a report entered after the fact keeps its real date)."""
    conn.execute("UPDATE reports SET created_at = ? WHERE id = ?", [at, report_id])
    conn.execute("UPDATE report_events SET at = ? WHERE report_id = ? AND action = 'create'", [at, report_id])
