"""Sổ gói đã gửi: the revision of a package is recorded before its file is written.

A package written to the stick whose outbox row then failed (a full disk) would leave the next export
reusing its revision, and the receiver would refuse that one as a conflict. So the row is *reserved*
first — package id, revision, file name — in its own transaction; only then is the file written
(atomically); then the row is completed with the file's hash and size. If writing fails, no file exists
and the reservation is taken back; if taking it back fails too, the revision is merely skipped (the
receiver accepts gaps). If completing fails, the file is valid and its revision stays taken.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cchc_desktop.exchange import store
from cchc_desktop.exchange.context import ExchangeWorkspace
from cchc_desktop.exchange.format.builder import ManifestFields
from cchc_desktop.exchange.format.labels import package_title
from cchc_desktop.exchange.format.manifest import Manifest
from cchc_desktop.exchange.import_commit import describe_store_error
from cchc_desktop.exchange.import_errors import OutboxRecordError, OutboxReserveError

Extra = Callable[[sqlite3.Connection], None]


def reserve(
    ws: ExchangeWorkspace,
    fields: ManifestFields,
    out: Path,
    key_fingerprint: str,
    extra: Extra | None = None,
    *,
    addressee: str = "",
) -> int:
    """The outbox row of a package about to be written (``fields`` carries its id and time); ``extra`` runs
    in the same transaction (a key rotation switches keys there). Nothing is written when this fails.
    ``addressee`` ("42-18544") names the commune a package going down is for."""
    assert fields.package_id is not None and fields.created_at is not None
    values: dict[str, Any] = {
        "package_id": fields.package_id,
        "kind": fields.kind,
        "year": fields.year,
        "period": fields.period or "",
        "addressee": addressee,
        "revision": fields.revision,
        "supersedes": fields.supersedes,
        "created_at": fields.created_at,
        "folder": str(out.parent),
        "file_name": out.name,
        "sha256": "",
        "size": 0,
        "data_sha256": "",
        "key_fingerprint": key_fingerprint,
        "exported_by": ws.actor,
    }
    try:
        with ws.transaction() as conn:
            row_id = store.insert_export(conn, values)
            if extra is not None:
                extra(conn)
    except sqlite3.Error as exc:
        raise OutboxReserveError(file=out.name, detail=describe_store_error(exc)) from None
    return row_id


def release(ws: ExchangeWorkspace, row_id: int, undo: Extra | None = None) -> None:
    """Take a reservation back: its file was not written. Best effort: a revision left reserved is skipped."""
    try:
        with ws.transaction() as conn:
            store.delete_export(conn, row_id)
            if undo is not None:
                undo(conn)
    except sqlite3.Error:
        pass


def complete(
    ws: ExchangeWorkspace,
    row_id: int,
    manifest: Manifest,
    out: Path,
    eml_path: Path | None,
    evidence: int,
    withheld: int,
    has_document: bool,
) -> None:
    """Fill in the reserved row once the file is in place (its hash and size), and audit the export."""
    sha, size = file_sha256(out)
    try:
        with ws.transaction() as conn:
            store.complete_export(
                conn,
                row_id,
                {
                    "sha256": sha,
                    "size": size,
                    "data_sha256": manifest.data_member.sha256,
                    "evidence_count": evidence,
                    "withheld_secret": withheld,
                    "has_document": int(has_document),
                    "eml_file": eml_path.name if eml_path else "",
                },
            )
            title = package_title(manifest)
            store.audit(conn, ws.actor, "package_export", "exchange_outbox", row_id, title, None, out.name)
    except sqlite3.Error as exc:
        raise OutboxRecordError(file=out.name, folder=str(out.parent), detail=describe_store_error(exc)) from None


def file_sha256(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size
