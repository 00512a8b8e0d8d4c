"""Evidence tables: content-addressed blobs, attachments, and who may own an attachment.

Any registered entity row can carry evidence. An entity that wants more than that — the year
its evidence belongs to, a lock (a submitted assessment), a list of rows to attach to from
the evidence screen — registers an :class:`EvidenceOwner`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from cchc_desktop.evidence.model import Evidence
from cchc_desktop.kernel.errors import NotFoundError, ValidationError
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.store import records
from cchc_desktop.kernel.store.records import Entity, inserted_id, register

YearOf = Callable[[sqlite3.Connection, int], int]
RowGuard = Callable[[sqlite3.Connection, int], None]
Targets = Callable[[sqlite3.Connection, int], list[tuple[int, str]]]


@dataclass(frozen=True)
class EvidenceOwner:
    """How evidence attached to one entity's rows behaves.

    ``year_of(conn, row_id)`` gives the year the evidence is listed under; ``guard(conn,
    row_id)`` raises LockedError while the row is locked; ``targets(conn, year)`` lists the
    (row_id, label) rows a user may attach to for a year.
    """

    year_of: YearOf
    guard: RowGuard | None = None
    targets: Targets | None = None


OWNERS: dict[str, EvidenceOwner] = {}


def register_owner(entity: str, owner: EvidenceOwner) -> None:
    OWNERS[entity] = owner


def owners() -> dict[str, EvidenceOwner]:
    """Every owner registered by the features' store modules (all imported by the workspace)."""
    return OWNERS


def _guard_evidence(conn: sqlite3.Connection, row: dict) -> None:
    owner = owners().get(row["entity"])
    if owner is not None and owner.guard is not None:
        owner.guard(conn, row["row_id"])


EVIDENCE = register(
    Entity(
        "evidence", "evidence_files", Evidence, None, "name", "entity.evidence", ordered=False, guard=_guard_evidence
    )
)


def row(conn: sqlite3.Connection, evidence_id: int) -> dict:
    return records.fetch_row(conn, EVIDENCE, evidence_id)


# Targets ##############################################################


def check_target(conn: sqlite3.Connection, entity: str, row_id: int) -> dict:
    """The target row, or a Vietnamese error when the entity or the row does not exist."""
    if entity not in records.ENTITIES:
        raise ValidationError("evidence.target.unknown", entity=entity)
    return records.fetch_row(conn, records.entity(entity), row_id)


def guard_target(conn: sqlite3.Connection, entity: str, row_id: int) -> None:
    owner = owners().get(entity)
    if owner is not None and owner.guard is not None:
        owner.guard(conn, row_id)


def year_of_target(conn: sqlite3.Connection, entity: str, row_id: int, year: int | None) -> int:
    owner = owners().get(entity)
    if owner is not None:
        return owner.year_of(conn, row_id)
    if year is None:
        raise ValidationError("evidence.target.no_year", what=describe_target(conn, entity, row_id))
    return year


def describe_target(conn: sqlite3.Connection, entity: str, row_id: int) -> str:
    """ "Tiêu chí: 3.2.1 Tỷ lệ hồ sơ…" — what a file is attached to, for people."""
    ent = records.ENTITIES.get(entity)
    if ent is None:
        return f"{entity} #{row_id}"
    what = tr(ent.label_key)
    what = what[:1].upper() + what[1:]
    try:
        row = records.fetch_row(conn, ent, row_id)
    except NotFoundError:
        return tr("evidence.target.missing", what=what)
    text = str(row.get(ent.label_field) or "").replace("\n", " ")
    return f"{what}: {text if len(text) <= 90 else text[:89] + '…'}"


# Rows and blobs #######################################################


def _record(row: sqlite3.Row | dict) -> Evidence:
    values = dict(row)
    values["secret"] = bool(values["secret"])
    return Evidence(**values)


def get(conn: sqlite3.Connection, evidence_id: int) -> Evidence:
    return _record(records.fetch_row(conn, EVIDENCE, evidence_id))


def put_blob(conn: sqlite3.Connection, sha256: str, data: bytes) -> bool:
    """Store the bytes once per content; True when they were new."""
    cursor = conn.execute(
        "INSERT OR IGNORE INTO evidence_blobs (sha256, size, data) VALUES (?, ?, ?)", [sha256, len(data), data]
    )
    return cursor.rowcount > 0


def read_blob(conn: sqlite3.Connection, sha256: str) -> bytes:
    row = conn.execute("SELECT data FROM evidence_blobs WHERE sha256 = ?", [sha256]).fetchone()
    if row is None:
        raise NotFoundError("evidence.blob_missing", sha=sha256[:12])
    return bytes(row[0])


def insert(conn: sqlite3.Connection, values: dict) -> int:
    columns = list(values)
    cursor = conn.execute(
        f"INSERT INTO evidence_files ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        [values[c] for c in columns],
    )
    return inserted_id(cursor)


def delete(conn: sqlite3.Connection, evidence_id: int) -> None:
    """Remove one attachment, and its bytes when no other attachment shares them."""
    row = records.fetch_row(conn, EVIDENCE, evidence_id)
    conn.execute("DELETE FROM evidence_files WHERE id = ?", [evidence_id])
    conn.execute(
        "DELETE FROM evidence_blobs WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM evidence_files WHERE sha256 = ?)",
        [row["sha256"], row["sha256"]],
    )


def delete_for_rows(conn: sqlite3.Connection, entity: str, row_ids: Iterable[int]) -> int:
    """Remove the attachments of rows that are being deleted; returns how many went."""
    ids = [
        row[0]
        for row_id in row_ids
        for row in conn.execute("SELECT id FROM evidence_files WHERE entity = ? AND row_id = ?", [entity, row_id])
    ]
    for evidence_id in ids:
        delete(conn, evidence_id)
    return len(ids)


def for_target(conn: sqlite3.Connection, entity: str, row_id: int) -> list[Evidence]:
    rows = conn.execute("SELECT * FROM evidence_files WHERE entity = ? AND row_id = ? ORDER BY id", [entity, row_id])
    return [_record(row) for row in rows]


def for_year(conn: sqlite3.Connection, year: int) -> list[Evidence]:
    rows = conn.execute("SELECT * FROM evidence_files WHERE year = ? ORDER BY entity, row_id, id", [year])
    return [_record(row) for row in rows]


def for_targets(conn: sqlite3.Connection, targets: Iterable[tuple[str, int]]) -> list[Evidence]:
    found: list[Evidence] = []
    for entity, row_id in dict.fromkeys(targets):
        found += for_target(conn, entity, row_id)
    return found


def counts(conn: sqlite3.Connection, entity: str) -> dict[int, int]:
    """Row id → number of files attached, for every row of ``entity`` that has any."""
    rows = conn.execute("SELECT row_id, count(*) FROM evidence_files WHERE entity = ? GROUP BY row_id", [entity])
    return {row[0]: row[1] for row in rows}


def secret_hashes(conn: sqlite3.Connection) -> set[str]:
    """Contents marked mật anywhere: never exported, even through another attachment."""
    return {row[0] for row in conn.execute("SELECT DISTINCT sha256 FROM evidence_files WHERE secret = 1")}


def blob_count(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT count(*) FROM evidence_blobs").fetchone()[0]
