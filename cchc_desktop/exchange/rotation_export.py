"""Đổi khóa ở phía xã: a new key, announced in a key_rotation package signed with the old one.

The outbox row is reserved and the new key made active in one transaction; then the package is written.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from pathlib import Path

from cchc_desktop.exchange import keyring, outbox, store
from cchc_desktop.exchange.context import ExchangeWorkspace
from cchc_desktop.exchange.exporter import ExportResult, write_draft
from cchc_desktop.exchange.format.builder import (
    ManifestFields,
    build_key_rotation_package,
    now_vietnam,
    package_file_name,
)
from cchc_desktop.exchange.format.keys import fingerprint, public_pem
from cchc_desktop.exchange.format.manifest import Receiver, Sender, Signer
from cchc_desktop.exchange.import_errors import NoKeyError
from cchc_desktop.exchange.payloads import signer_of


def rotate_key(
    ws: ExchangeWorkspace,
    old_passphrase: str,
    new_passphrase: str,
    confirm: str | None,
    folder: str | Path,
    *,
    eml: bool = False,
) -> ExportResult:
    """Đổi khóa: a new key, announced in a key_rotation package signed with the old one (written to
    ``folder``); the new key becomes active. Returns the ExportResult of the rotation package.

    The outbox row and the switch of keys are one transaction *before* the file is written, so a package
    announcing a key is never on the stick while the app lacks that key; if writing fails, both are undone."""
    old_key = keyring.unlock(ws, old_passphrase)
    new_key, encrypted = keyring.checked_new_key(new_passphrase, confirm)
    old = store.active_own_key(ws.conn)
    if old is None:
        raise NoKeyError()
    fields = _fields(ws)
    out = Path(folder) / package_file_name(fields)
    grouped = fingerprint(new_key)
    switched: dict[str, int] = {}

    def switch(conn: sqlite3.Connection) -> None:
        store.end_own_key(conn, old["id"], "retired")
        switched["id"] = store.insert_own_key(conn, grouped, public_pem(new_key).decode("ascii"), encrypted.decode())
        store.audit(conn, ws.actor, "key_rotate", "exchange_key", switched["id"], grouped, old["fingerprint"], grouped)

    def undo(conn: sqlite3.Connection) -> None:
        store.delete_own_key(conn, switched["id"])
        store.reactivate_own_key(conn, old["id"])

    row_id = outbox.reserve(ws, fields, out, fingerprint(old_key), switch)
    try:
        manifest = build_key_rotation_package(fields, old_key, new_key.public_key(), out)
    except BaseException:
        outbox.release(ws, row_id, undo)
        raise
    outbox.complete(ws, row_id, manifest, out, None, 0, 0, False)
    eml_path = write_draft(ws, row_id, out, manifest) if eml else None
    return ExportResult(out, eml_path, manifest, 0, 0, False)


def _fields(ws: ExchangeWorkspace) -> ManifestFields:
    profile = ws.profile.get()
    year = dt.date.today().year
    previous = store.last_export(ws.conn, "key_rotation", year, "")
    signer: Signer = signer_of("TM", "CHỦ TỊCH", "", profile.chairman_name or profile.focal_name or profile.name)
    return ManifestFields(
        package_id=uuid.uuid4().hex,
        created_at=now_vietnam(),
        kind="key_rotation",
        sender=Sender(profile.province_code, profile.commune_code, profile.name, profile.unit_type),
        receiver=Receiver(profile.receiver_name, profile.receiver_level),
        year=year,
        period=None,
        revision=previous["revision"] + 1 if previous else 1,
        signer=signer,
        supersedes=previous["package_id"] if previous else None,
    )
