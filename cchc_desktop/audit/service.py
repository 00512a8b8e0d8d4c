"""Nhật ký thay đổi: read the audit trail with filters, newest first, a page at a time.

Every change to a plan, a report, an assessment or the evidence is written to ``audit_log``
by the edit layer and the services. This reads it back for people: entity and field names
from the catalogue, values formatted the Vietnamese way.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import sqlite3
import unicodedata
from dataclasses import dataclass
from typing import Any

from cchc_desktop.kernel.unit_file import UnitFile
from cchc_desktop.audit.labels import action_label, entity_label, field_label, value_text
from cchc_desktop.kernel.i18n import format_datetime
from cchc_desktop.kernel.text import fold


PAGE_SIZE = 200
_NOT_ENTITY_MODULES = {"db", "migrations", "schema", "records", "steps"}
_MATCH_FUNCTION = "cchc_contains_all"


@dataclass(frozen=True)
class AuditFilter:
    """Lọc nhật ký: a date range (inclusive), one official, one kind of record, words to find."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    actor: str = ""
    entity: str = ""
    text: str = ""


@dataclass(frozen=True)
class AuditEntry:
    """One audit row, with the texts a person reads."""

    id: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: int | None
    label: str
    field: str
    old_value: str | None
    new_value: str | None

    @property
    def when(self) -> str:
        return format_datetime(self.at)

    @property
    def action_text(self) -> str:
        return action_label(self.action)

    @property
    def object_text(self) -> str:
        what = entity_label(self.entity)
        return f"{what}: {self.label}" if self.label else what

    @property
    def field_text(self) -> str:
        return field_label(self.entity, self.field)

    @property
    def old_text(self) -> str:
        return value_text(self.entity, self.field, self.old_value)

    @property
    def new_text(self) -> str:
        return value_text(self.entity, self.field, self.new_value)


class AuditService:
    def __init__(self, ws: UnitFile) -> None:
        self.ws = ws
        ws.conn.create_function(_MATCH_FUNCTION, 2, _contains_all, deterministic=True)

    def page(self, filters: AuditFilter | None = None, *, before_id: int | None = None,
             limit: int = PAGE_SIZE) -> list[AuditEntry]:
        """Up to ``limit`` entries older than ``before_id`` (None: the newest), newest first."""
        where, params = _where(filters or AuditFilter())
        if before_id is not None:
            where.append("id < ?")
            params.append(before_id)
        sql = f"SELECT * FROM audit_log {_clause(where)} ORDER BY id DESC LIMIT ?"
        return [_entry(row) for row in self.ws.conn.execute(sql, [*params, limit])]

    def count(self, filters: AuditFilter | None = None) -> int:
        where, params = _where(filters or AuditFilter())
        return self.ws.conn.execute(f"SELECT count(*) FROM audit_log {_clause(where)}", params).fetchone()[0]

    def for_row(self, entity: str, row_id: int, limit: int = PAGE_SIZE) -> list[AuditEntry]:
        rows = self.ws.conn.execute("SELECT * FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY id DESC"
                                    " LIMIT ?", [entity, row_id, limit])
        return [_entry(row) for row in rows]

    def actors(self) -> list[str]:
        rows = self.ws.conn.execute("SELECT DISTINCT actor FROM audit_log WHERE actor != '' ORDER BY actor")
        return [row[0] for row in rows]

    def entity_kinds(self) -> list[tuple[str, str]]:
        """(entity, label) of every kind of record the trail mentions, by label."""
        rows = self.ws.conn.execute("SELECT DISTINCT entity FROM audit_log")
        return sorted(((row[0], entity_label(row[0])) for row in rows), key=lambda pair: fold(pair[1]))


def search_fold(text: str | None) -> str:
    """Like :func:`cchc_desktop.kernel.text.fold`, but fast enough to run on every row of a long trail:
    tone marks go with every other non-ASCII character ("Đức «mới»" → "duc moi")."""
    if not text:
        return ""
    plain = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return plain.encode("ascii", "ignore").decode("ascii").lower()


def _contains_all(words: str, haystack: str | None) -> bool:
    folded = search_fold(haystack)
    return all(word in folded for word in words.split())


def _entry(row: sqlite3.Row) -> AuditEntry:
    return AuditEntry(row["id"], row["at"], row["actor"], row["action"], row["entity"], row["entity_id"],
                      row["label"], row["field"], row["old_value"], row["new_value"])


def _clause(where: list[str]) -> str:
    return f"WHERE {' AND '.join(where)}" if where else ""


def _where(filters: AuditFilter) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if filters.date_from:
        where.append("at >= ?")
        params.append(filters.date_from.isoformat())
    if filters.date_to:
        where.append("at < ?")
        params.append((filters.date_to + dt.timedelta(days=1)).isoformat())
    if filters.actor:
        where.append("actor = ?")
        params.append(filters.actor)
    if filters.entity:
        where.append("entity = ?")
        params.append(filters.entity)
    words = search_fold(filters.text)
    if words.strip():
        # Diacritic-insensitive: "duc" finds "Đức"; every word must occur somewhere in the row.
        where.append(f"{_MATCH_FUNCTION}(?, label || ' ' || field || ' ' || actor || ' '"
                     " || COALESCE(old_value, '') || ' ' || COALESCE(new_value, ''))")
        params.append(words)
    return where, params
