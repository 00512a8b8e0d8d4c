"""Đổi khóa ở phía xã: a new key, announced in a key_rotation package signed with the old one.

The package is written like any package and listed in the outbox; then the new key becomes active.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cchc_desktop.exchange import keyring, store
from cchc_desktop.exchange.context import ExchangeWorkspace
from cchc_desktop.exchange.exporter import ExportResult, record_export
from cchc_desktop.exchange.format.builder import ManifestFields, build_key_rotation_package, package_file_name
from cchc_desktop.exchange.format.eml import build_eml_draft
from cchc_desktop.exchange.format.keys import fingerprint, public_pem
from cchc_desktop.exchange.format.manifest import Receiver, Sender, Signer
from cchc_desktop.exchange.import_errors import NoKeyError
from cchc_desktop.exchange.payloads import signer_of


def write_rotation_package(
    ws: ExchangeWorkspace, old_key: Ed25519PrivateKey, new_key: Ed25519PrivateKey, folder: Path, eml: bool
) -> ExportResult:
    profile = ws.profile.get()
    year = dt.date.today().year
    previous = store.last_export(ws.conn, "key_rotation", year, "")
    signer: Signer = signer_of("TM", "CHỦ TỊCH", "", profile.chairman_name or profile.focal_name or profile.name)
    fields = ManifestFields(
        kind="key_rotation",
        sender=Sender(profile.province_code, profile.commune_code, profile.name, profile.unit_type),
        receiver=Receiver(profile.receiver_name, profile.receiver_level),
        year=year,
        period=None,
        revision=previous["revision"] + 1 if previous else 1,
        signer=signer,
        supersedes=previous["package_id"] if previous else None,
    )
    out = folder / package_file_name(fields)
    manifest = build_key_rotation_package(fields, old_key, new_key.public_key(), out)
    eml_path = build_eml_draft(out, out.with_suffix(".eml"), manifest) if eml else None
    record_export(ws, manifest, out, eml_path, 0, 0, False)
    return ExportResult(out, eml_path, manifest, 0, 0, False)


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
    ``folder``); the new key becomes active. Returns the ExportResult of the rotation package."""
    old_key = keyring.unlock(ws, old_passphrase)
    new_key, encrypted = keyring.checked_new_key(new_passphrase, confirm)
    result = write_rotation_package(ws, old_key, new_key, Path(folder), eml)
    old = store.active_own_key(ws.conn)
    if old is None:
        raise NoKeyError()
    grouped = fingerprint(new_key)
    with ws.transaction() as conn:
        store.end_own_key(conn, old["id"], "retired")
        key_id = store.insert_own_key(conn, grouped, public_pem(new_key).decode("ascii"), encrypted.decode("ascii"))
        store.audit(conn, ws.actor, "key_rotate", "exchange_key", key_id, grouped, old["fingerprint"], grouped)
    return result
