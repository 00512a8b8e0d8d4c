"""Tài liệu kiểm chứng: attach, list, open, remove; hand non-secret files to the exchange.

Files live in the workspace itself (one SQLite file per unit), stored once per content
(SHA-256). Attaching and removing are audited. Removing is not undoable (the bytes go when no
other attachment shares them), so it clears the undo history like other structural actions.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cchc_desktop.evidence import store
from cchc_desktop.evidence.model import DEFAULT_MAX_MB, MIB, Evidence, check_size, check_type
from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.history import ChangeSet
from cchc_desktop.kernel.i18n import parse_number
from cchc_desktop.kernel.store.records import new_uid, now_iso, write_audit
from cchc_desktop.kernel.text import clean, nfc
from cchc_desktop.kernel.unit_file import UnitFile

LIMIT_SETTING = "evidence.max_mb"


@dataclass(frozen=True)
class EvidenceItem:
    """A file as listed on the evidence screen: the attachment and what it is attached to."""

    evidence: Evidence
    target: str


@dataclass(frozen=True)
class ExportFile:
    """One non-secret file for a package: its bytes, hash, name and type, and where it is attached."""

    name: str
    mime: str
    sha256: str
    size: int
    data: bytes
    attached_to: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class EvidenceExport:
    """Files that may leave the unit, once per content, and how many secret files were withheld."""

    files: list[ExportFile] = field(default_factory=list)
    withheld_secret: int = 0
    withheld_names: tuple[str, ...] = ()


class EvidenceService:
    def __init__(self, ws: UnitFile) -> None:
        self.ws = ws

    # Settings ###########################################################

    def max_bytes(self) -> int:
        raw = self.ws.get_setting(LIMIT_SETTING)
        try:
            megabytes = parse_number(raw) if raw else None
        except ValueError:
            megabytes = None
        return int((megabytes or DEFAULT_MAX_MB) * MIB)

    def set_max_mb(self, megabytes: float | str) -> int:
        """Giới hạn dung lượng mỗi tệp (MB), a workspace setting; returns the limit in bytes."""
        try:
            value = parse_number(megabytes)
        except ValueError:
            value = None
        if value is None or not 0 < value <= 500:
            raise ValidationError("evidence.limit.invalid", value=clean(str(megabytes))[:20])
        with self.ws.transaction():
            self.ws.put_setting(LIMIT_SETTING, str(value))
        return self.max_bytes()

    # Attaching and removing ##############################################

    def attach(
        self,
        entity: str,
        row_id: int,
        path: str | Path | None = None,
        *,
        data: bytes | None = None,
        name: str | None = None,
        year: int | None = None,
        secret: bool = False,
    ) -> Evidence:
        """Đính kèm a file (from ``path``, or ``data`` named ``name``) to one row of any entity."""
        file_name = nfc(name or (Path(path).name if path else ""))
        content = self._read(path, file_name) if data is None else data
        check_size(file_name, len(content), self.max_bytes())
        extension, mime = check_type(file_name, content)
        conn = self.ws.conn
        store.check_target(conn, entity, row_id)
        store.guard_target(conn, entity, row_id)
        target_year = store.year_of_target(conn, entity, row_id, year)
        digest = hashlib.sha256(content).hexdigest()
        with self.ws.transaction() as conn:
            store.put_blob(conn, digest, content)
            evidence_id = store.insert(
                conn,
                {
                    "uid": new_uid(),
                    "sha256": digest,
                    "entity": entity,
                    "row_id": row_id,
                    "year": target_year,
                    "name": file_name,
                    "extension": extension,
                    "mime": mime,
                    "size": len(content),
                    "secret": int(bool(secret)),
                    "added_at": now_iso(),
                    "added_by": self.ws.actor,
                },
            )
            self._audit(conn, evidence_id, "attach", None, store.describe_target(conn, entity, row_id))
        return store.get(self.ws.conn, evidence_id)

    def _read(self, path: str | Path | None, name: str) -> bytes:
        if path is None:
            raise ValidationError("evidence.refused.no_file")
        file = Path(path)
        try:
            check_size(name, file.stat().st_size, self.max_bytes())
            return file.read_bytes()
        except OSError as exc:
            raise ValidationError("evidence.refused.unreadable", name=name, detail=exc.strerror or str(exc)) from None

    def remove(self, evidence_id: int) -> Evidence:
        """Gỡ tài liệu khỏi mục đã đính kèm; returns what was removed."""
        item = store.get(self.ws.conn, evidence_id)
        store.guard_target(self.ws.conn, item.entity, item.row_id)
        with self.ws.transaction() as conn:
            self._audit(conn, evidence_id, "detach", store.describe_target(conn, item.entity, item.row_id), None)
            store.delete(conn, evidence_id)
        self.ws.history.clear()
        return item

    def set_secret(self, evidence_id: int, secret: bool) -> ChangeSet:
        """Đánh dấu mật: a secret file never leaves the unit in a package."""
        return self.ws.edit("evidence", evidence_id, "secret", bool(secret))

    def _audit(self, conn, evidence_id: int, action: str, old: str | None, new: str | None) -> None:
        row = store.row(conn, evidence_id)
        write_audit(conn, self.ws.actor, action, store.EVIDENCE, row, "", old, new)

    # Reading ############################################################

    def get(self, evidence_id: int) -> Evidence:
        return store.get(self.ws.conn, evidence_id)

    def read(self, evidence_id: int) -> bytes:
        return store.read_blob(self.ws.conn, self.get(evidence_id).sha256)

    def for_row(self, entity: str, row_id: int) -> list[Evidence]:
        return store.for_target(self.ws.conn, entity, row_id)

    def counts(self, entity: str) -> dict[int, int]:
        return store.counts(self.ws.conn, entity)

    def for_year(self, year: int) -> list[EvidenceItem]:
        """Every file of the year with what it is attached to (the evidence screen)."""
        conn = self.ws.conn
        return [EvidenceItem(e, store.describe_target(conn, e.entity, e.row_id)) for e in store.for_year(conn, year)]

    def targets(self, year: int) -> list[tuple[str, int, str]]:
        """(entity, row id, label) of the rows one may attach to for ``year``."""
        conn = self.ws.conn
        found = []
        for entity, owner in store.owners().items():
            if owner.targets is not None:
                found += [(entity, row_id, label) for row_id, label in owner.targets(conn, year)]
        return found

    def blob_count(self) -> int:
        return store.blob_count(self.ws.conn)

    # Export #############################################################

    def for_export(self, targets: Iterable[tuple[str, int]]) -> EvidenceExport:
        """Non-secret files attached to ``targets`` ((entity, row id) pairs), once per content.

        A content marked mật on any attachment is withheld everywhere; the count (and names)
        of withheld files tell the user what was left out.
        """
        conn = self.ws.conn
        secret = store.secret_hashes(conn)
        files: dict[str, ExportFile] = {}
        withheld: list[str] = []
        for item in store.for_targets(conn, targets):
            if item.sha256 in secret:
                withheld.append(item.name)
                continue
            known = files.get(item.sha256)
            links = ((item.entity, item.row_id),)
            if known is None:
                files[item.sha256] = ExportFile(
                    item.name, item.mime, item.sha256, item.size, store.read_blob(conn, item.sha256), links
                )
            else:
                files[item.sha256] = ExportFile(
                    known.name, known.mime, known.sha256, known.size, known.data, known.attached_to + links
                )
        return EvidenceExport(list(files.values()), len(withheld), tuple(withheld))
