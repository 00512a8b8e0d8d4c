"""Nhật ký thay đổi: read the audit trail with filters, newest first, a page at a time.

Every change to a plan, a report, an assessment or the evidence is written to ``audit_log``
by the edit layer. This reads it back for people: entity and field names from the catalogue,
values formatted the Vietnamese way.
"""

from __future__ import annotations

from cchc_desktop.audit import store
from cchc_desktop.audit.labels import entity_label
from cchc_desktop.audit.model import AuditEntry, AuditFilter
from cchc_desktop.kernel.text import fold
from cchc_desktop.kernel.unit_file import UnitFile

PAGE_SIZE = 200


class AuditService:
    def __init__(self, ws: UnitFile) -> None:
        self.ws = ws
        store.install_search(ws.conn)

    def page(
        self, filters: AuditFilter | None = None, *, before_id: int | None = None, limit: int = PAGE_SIZE
    ) -> list[AuditEntry]:
        """Up to ``limit`` entries older than ``before_id`` (None: the newest), newest first."""
        return store.page(self.ws.conn, filters or AuditFilter(), before_id, limit)

    def count(self, filters: AuditFilter | None = None) -> int:
        return store.count(self.ws.conn, filters or AuditFilter())

    def for_row(self, entity: str, row_id: int, limit: int = PAGE_SIZE) -> list[AuditEntry]:
        return store.for_row(self.ws.conn, entity, row_id, limit)

    def actors(self) -> list[str]:
        return store.actors(self.ws.conn)

    def entity_kinds(self) -> list[tuple[str, str]]:
        """(entity, label) of every kind of record the trail mentions, by label."""
        return sorted(((e, entity_label(e)) for e in store.entities(self.ws.conn)), key=lambda pair: fold(pair[1]))
