"""Exchange tables: own keys and outbox (commune side), enrolled keys, received packages, their
normalised rows (receiver side); the import log is in ``store_log``, the year at a glance in
``store_year``. Plain SQL; callers hold the transaction.

A *series* is (sender province, sender unit, kind, year, period); ``period`` is stored as ""
for a whole-year package so the uniqueness constraints work.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from cchc_desktop.kernel.store.records import AuditEntry, append_audit, inserted_id, now_iso

Series = tuple[str, str, str, int, str]

TASK_COLUMNS = (
    "position",
    "uid",
    "area_code",
    "content",
    "lead_unit",
    "deadline_text",
    "deadline_due",
    "not_applicable",
    "status",
    "progress",
    "result",
    "reason",
    "completed_on",
)
INDICATOR_COLUMNS = (
    "position",
    "uid",
    "code",
    "text",
    "area_code",
    "unit",
    "comparator",
    "target",
    "target_max",
    "numerator",
    "denominator",
    "value",
    "figure",
    "ytd_figure",
    "attainment",
)
CRITERION_COLUMNS = (
    "position",
    "code",
    "parent_code",
    "level",
    "name",
    "method",
    "max_points",
    "self_score",
    "explanation",
    "override_reason",
    "response",
    "evidence_count",
)
EVIDENCE_COLUMNS = ("sha256", "name", "mime", "size", "member_name", "refs")
APPRAISAL_COLUMNS = ("position", "code", "name", "max_points", "self_score", "appraised_score", "comment")
ROW_TABLES = {
    "tasks": ("received_tasks", TASK_COLUMNS),
    "indicators": ("received_indicators", INDICATOR_COLUMNS),
    "criteria": ("received_criteria", CRITERION_COLUMNS),
    "evidence": ("received_evidence", EVIDENCE_COLUMNS),
    "appraisal_scores": ("received_appraisal_scores", APPRAISAL_COLUMNS),  # an appraisal, at a commune
}


def insert_row(conn: sqlite3.Connection, table: str, values: dict[str, Any]) -> int:
    columns = list(values)
    cursor = conn.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [values[c] for c in columns],
    )
    return inserted_id(cursor)


def _insert_sql(table: str, columns: Sequence[str]) -> str:
    return f"INSERT INTO {table} (package_row_id, {', '.join(columns)}) VALUES (?{', ?' * len(columns)})"


_ROW_SQL = {name: _insert_sql(table, columns) for name, (table, columns) in ROW_TABLES.items()}


# Own keys (commune) #####################################################


def active_own_key(conn: sqlite3.Connection) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM exchange_own_keys WHERE status = 'active'").fetchone()


def own_keys(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM exchange_own_keys ORDER BY id").fetchall()


def end_own_key(conn: sqlite3.Connection, key_id: int, status: str) -> None:
    conn.execute("UPDATE exchange_own_keys SET status = ?, ended_at = ? WHERE id = ?", [status, now_iso(), key_id])


def set_own_key_pem(conn: sqlite3.Connection, key_id: int, private_pem: str) -> None:
    """The same key, stored encrypted again (a stronger form)."""
    conn.execute("UPDATE exchange_own_keys SET private_pem = ? WHERE id = ?", [private_pem, key_id])


def insert_own_key(conn: sqlite3.Connection, fingerprint: str, public_pem: str, private_pem: str) -> int:
    return insert_row(
        conn,
        "exchange_own_keys",
        {"fingerprint": fingerprint, "public_pem": public_pem, "private_pem": private_pem, "created_at": now_iso()},
    )


# Outbox (commune) #######################################################


def outbox(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM exchange_outbox ORDER BY id DESC").fetchall()


def outbox_ids(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT package_id FROM exchange_outbox")}


def last_export(conn: sqlite3.Connection, kind: str, year: int, period: str, addressee: str = "") -> sqlite3.Row | None:
    """The latest package of a series; a package going down counts per commune (``addressee``)."""
    return conn.execute(
        "SELECT * FROM exchange_outbox WHERE kind = ? AND year = ? AND period = ? AND addressee = ?"
        " ORDER BY revision DESC LIMIT 1",
        [kind, year, period, addressee],
    ).fetchone()


def insert_export(conn: sqlite3.Connection, values: dict[str, Any]) -> int:
    return insert_row(conn, "exchange_outbox", values)


def complete_export(conn: sqlite3.Connection, row_id: int, values: dict[str, Any]) -> None:
    columns = list(values)
    conn.execute(
        f"UPDATE exchange_outbox SET {', '.join(f'{c} = ?' for c in columns)} WHERE id = ?",
        [*(values[c] for c in columns), row_id],
    )


def delete_export(conn: sqlite3.Connection, row_id: int) -> None:
    conn.execute("DELETE FROM exchange_outbox WHERE id = ?", [row_id])


def delete_own_key(conn: sqlite3.Connection, key_id: int) -> None:
    conn.execute("DELETE FROM exchange_own_keys WHERE id = ?", [key_id])


def reactivate_own_key(conn: sqlite3.Connection, key_id: int) -> None:
    conn.execute("UPDATE exchange_own_keys SET status = 'active', ended_at = NULL WHERE id = ?", [key_id])


def acknowledge(conn: sqlite3.Connection, package_ids: Iterable[str], at: str, by: str = "") -> int:
    """Mark packages received; ``by`` names the receipt package that said so (empty: marked by hand)."""
    ids = list(package_ids)
    marks = ", ".join("?" * len(ids))
    cursor = conn.execute(
        f"UPDATE exchange_outbox SET status = 'acknowledged', acknowledged_at = ?, acknowledged_by = ?"
        f" WHERE status = 'exported' AND package_id IN ({marks})",
        [at, by, *ids],
    )
    return cursor.rowcount


# Enrolled keys (receiver) ###############################################


def keys_of_sender(
    conn: sqlite3.Connection, province: str, unit: str, statuses: Sequence[str] = ("active",)
) -> list[sqlite3.Row]:
    marks = ", ".join("?" * len(statuses))
    return conn.execute(
        f"SELECT * FROM enrolled_keys WHERE province_code = ? AND unit_code = ? AND status IN ({marks}) ORDER BY id",
        [province, unit, *statuses],
    ).fetchall()


def enrolled_keys(conn: sqlite3.Connection) -> list[sqlite3.Row]:
    return conn.execute("SELECT * FROM enrolled_keys ORDER BY province_code, unit_code, id").fetchall()


def enrolled_key(conn: sqlite3.Connection, key_id: int) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM enrolled_keys WHERE id = ?", [key_id]).fetchone()


def enrolled_by_fingerprint(conn: sqlite3.Connection, province: str, unit: str, fingerprint: str) -> sqlite3.Row | None:
    return conn.execute(
        "SELECT * FROM enrolled_keys WHERE province_code = ? AND unit_code = ? AND fingerprint = ?",
        [province, unit, fingerprint],
    ).fetchone()


def insert_enrolled_key(conn: sqlite3.Connection, values: dict[str, Any]) -> int:
    return insert_row(conn, "enrolled_keys", dict(values, enrolled_at=values.get("enrolled_at") or now_iso()))


def end_enrolled_key(conn: sqlite3.Connection, key_id: int, status: str, reason: str = "") -> None:
    conn.execute(
        "UPDATE enrolled_keys SET status = ?, ended_at = ?, end_reason = ? WHERE id = ?",
        [status, now_iso(), reason, key_id],
    )


def reactivate_enrolled_key(conn: sqlite3.Connection, key_id: int) -> None:
    conn.execute("UPDATE enrolled_keys SET status = 'active', ended_at = NULL, end_reason = '' WHERE id = ?", [key_id])


def delete_enrolled_key(conn: sqlite3.Connection, key_id: int) -> None:
    conn.execute("DELETE FROM enrolled_keys WHERE id = ?", [key_id])


# Received packages (receiver) ###########################################


@dataclass(frozen=True)
class SeriesState:
    """What a series holds now: the current package (id, row id, revision) and every imported package id."""

    current_row_id: int | None
    current_package_id: str | None
    current_revision: int | None
    package_ids: frozenset[str]


def series_state(conn: sqlite3.Connection, series: Series) -> SeriesState:
    rows = conn.execute(
        "SELECT id, package_id, revision, state FROM received_packages WHERE province_code = ?"
        " AND unit_code = ? AND kind = ? AND year = ? AND period = ?",
        list(series),
    ).fetchall()
    current = next((r for r in rows if r["state"] == "current"), None)
    return SeriesState(
        current["id"] if current else None,
        current["package_id"] if current else None,
        current["revision"] if current else None,
        frozenset(r["package_id"] for r in rows),
    )


def package_row(conn: sqlite3.Connection, row_id: int) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM received_packages WHERE id = ?", [row_id]).fetchone()


def package_by_id(conn: sqlite3.Connection, package_id: str) -> sqlite3.Row | None:
    return conn.execute("SELECT * FROM received_packages WHERE package_id = ?", [package_id]).fetchone()


def received(conn: sqlite3.Connection, current_only: bool = False) -> list[sqlite3.Row]:
    where = "WHERE state = 'current'" if current_only else ""
    return conn.execute(
        "SELECT id, package_id, province_code, unit_code, unit_name, unit_type, kind, year, period,"
        " revision, state, created_at, submitted_at, received_at, signer_name, source_file,"
        " evidence_count, document_sha256, key_fingerprint, pdf_signature, pdf_signer, seal_certificate"
        f" FROM received_packages {where} ORDER BY received_at DESC, id DESC"
    ).fetchall()


def insert_package(conn: sqlite3.Connection, values: dict[str, Any]) -> int:
    return insert_row(conn, "received_packages", values)


def insert_rows(conn: sqlite3.Connection, package_row_id: int, rows: dict[str, list[tuple]]) -> None:
    """The normalised rows of a package: ``rows`` maps tasks/indicators/criteria/evidence to tuples in
    the column order of ``ROW_TABLES``."""
    for name, tuples in rows.items():
        if tuples:
            conn.executemany(_ROW_SQL[name], [(package_row_id, *values) for values in tuples])


def delete_rows(conn: sqlite3.Connection, package_row_id: int) -> None:
    for table, _ in ROW_TABLES.values():
        conn.execute(f"DELETE FROM {table} WHERE package_row_id = ?", [package_row_id])


def set_state(conn: sqlite3.Connection, package_row_id: int, state: str) -> None:
    conn.execute("UPDATE received_packages SET state = ? WHERE id = ?", [state, package_row_id])


def delete_package(conn: sqlite3.Connection, package_row_id: int) -> None:
    conn.execute("DELETE FROM received_packages WHERE id = ?", [package_row_id])


def row_counts(conn: sqlite3.Connection, package_row_id: int) -> dict[str, int]:
    return {
        name: conn.execute(f"SELECT count(*) FROM {table} WHERE package_row_id = ?", [package_row_id]).fetchone()[0]
        for name, (table, _) in ROW_TABLES.items()
    }


def rows_of(conn: sqlite3.Connection, name: str, package_row_id: int) -> list[sqlite3.Row]:
    table, columns = ROW_TABLES[name]
    order = "position" if "position" in columns else "id"
    return conn.execute(
        f"SELECT {', '.join(columns)} FROM {table} WHERE package_row_id = ? ORDER BY {order}", [package_row_id]
    ).fetchall()


def stored_files_in_use(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT stored_file FROM received_packages")}


# Audit trail ############################################################


def audit(
    conn: sqlite3.Connection,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None,
    label: str,
    old: str | None = None,
    new: str | None = None,
) -> None:
    """One row of the audit trail for an exchange action (labels under ``audit.entity.*``)."""
    append_audit(conn, AuditEntry(actor, action, entity, entity_id, "exchange", label, "", old, new))


def compress_data(data_bytes: bytes) -> bytes:
    """data.json as stored at the receiver: zlib (fast level), about a tenth of the text, so an
    import writes far less to the file and the backups stay small."""
    return zlib.compress(data_bytes, 1)


def stored_data_json(row) -> str:
    """The exact data.json text of an imported package."""
    return zlib.decompress(row["data_zlib"]).decode("utf-8")


def forget_key_of_packages(conn: sqlite3.Connection, key_id: int) -> None:
    """Packages stay, but no longer point at an enrolment being undone."""
    conn.execute("UPDATE received_packages SET key_id = NULL WHERE key_id = ?", [key_id])


def key_states(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """(province, unit) → "enrolled" when an active key is enrolled, "revoked" when only ended ones remain,
    "certificate" when none is enrolled and the unit's packages come sealed with its certificate."""
    found: dict[tuple[str, str], str] = {}
    for row in conn.execute("SELECT province_code, unit_code, status FROM enrolled_keys"):
        key = (row["province_code"], row["unit_code"])
        if row["status"] == "active":
            found[key] = "enrolled"
        else:
            found.setdefault(key, "revoked")
    sealed = conn.execute(
        "SELECT DISTINCT province_code, unit_code FROM received_packages WHERE seal_certificate != ''"
    )
    for row in sealed:
        found.setdefault((row[0], row[1]), "certificate")
    return found
