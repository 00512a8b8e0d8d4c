"""Nhận gói đổi khóa (§6.3, §5.1 step 12): enrol the announced key, retire the key that signed it.

The package was verified with the sender's enrolled (old) key, so the new key is vouched for by the
old one. The old key is kept as *retired*: archived packages it signed can still be checked, but it
no longer opens new imports.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from cchc_desktop.exchange import store
from cchc_desktop.exchange.format.keys import fingerprint, public_pem
from cchc_desktop.exchange.format.revisions import RevisionVerdict
from cchc_desktop.exchange.format.verify import VerifiedPackage
from cchc_desktop.exchange.import_apply import Applier, ImportOutcome
from cchc_desktop.exchange.import_commit import commit_package
from cchc_desktop.exchange.import_errors import PayloadError
from cchc_desktop.exchange.received import import_name
from cchc_desktop.kernel.i18n import tr


def apply_rotation(applier: Applier, package: VerifiedPackage, file: str, incoming: Path | None) -> ImportOutcome:
    manifest = package.manifest
    announced, grouped = check_rotation_data(package, file)
    verdict, state = applier.verdict(package, file)
    if verdict is RevisionVerdict.ALREADY_IMPORTED:
        return applier.already(package, file, incoming)
    old = package.key.fingerprint
    key = "exchange.import.line.rotated.dry_run" if applier.dry_run else "exchange.import.line.rotated"
    notes = applier.notes(package)
    line = " ".join([tr(key, sender=applier.sender_label(package), new=grouped, old=old), *notes])
    if not applier.dry_run:
        assert incoming is not None
        _apply(applier, package, file, incoming, state, announced, line)
    return ImportOutcome(file, "rotated", line, applier.title(package), import_name(manifest), notes=notes)


def _apply(
    applier: Applier,
    package: VerifiedPackage,
    file: str,
    incoming: Path,
    state: store.SeriesState,
    announced: Ed25519PublicKey,
    line: str,
) -> None:
    manifest = package.manifest
    grouped = fingerprint(announced)
    sender = manifest.sender
    data_zlib = store.compress_data(package.data_bytes)

    def write(conn: sqlite3.Connection, kept: str) -> None:
        if state.current_row_id is not None:
            store.set_state(conn, state.current_row_id, "superseded")
        row_id = store.insert_package(conn, applier.package_values(package, file, kept, None, data_zlib))
        changes = _enrol_new(conn, applier, package, announced)
        store.end_enrolled_key(
            conn, package.key.key_id, "retired", tr("exchange.key.retired_by", name=import_name(manifest))
        )
        changes["retired"] = [package.key.key_id]
        applier.log(conn, package, file, "key_rotation", row_id, state.current_row_id, line, changes)
        store.audit(
            conn,
            applier.ws.actor,
            "key_rotation_received",
            "enrolled_key",
            changes["enrolled"],
            applier.sender_label(package),
            package.key.fingerprint,
            grouped,
        )

    commit_package(applier, package, incoming, file, write)
    applier.forget_keys(sender.province_code, sender.unit_code)


def _enrol_new(conn, applier: Applier, package: VerifiedPackage, announced: Ed25519PublicKey) -> dict:
    sender = package.manifest.sender
    grouped = fingerprint(announced)
    existing = store.enrolled_by_fingerprint(conn, sender.province_code, sender.unit_code, grouped)
    if existing is not None:
        store.reactivate_enrolled_key(conn, existing["id"])
        return {"enrolled": existing["id"], "inserted": False, "prior_status": existing["status"]}
    holder = applier.holder(package)  # the new key belongs to the unit the old one was enrolled for
    key_id = store.insert_enrolled_key(
        conn,
        {
            "province_code": sender.province_code,
            "unit_code": sender.unit_code,
            "unit_name": holder["unit_name"] if holder else sender.unit_name,
            "unit_type": holder["unit_type"] if holder else sender.unit_type,
            "fingerprint": grouped,
            "public_pem": public_pem(announced).decode("ascii"),
            "source": "rotation",
            "enrolled_by": applier.ws.actor,
        },
    )
    return {"enrolled": key_id, "inserted": True}


def check_rotation_data(package: VerifiedPackage, file: str) -> tuple[Ed25519PublicKey, str]:
    """The announced key and its fingerprint, which data.json must name (§6.3)."""
    announced = package.read_announced_key()
    assert announced is not None
    grouped = fingerprint(announced)
    if package.data.get("new_key_fingerprint") != grouped:
        raise PayloadError(file, field="new_key_fingerprint", reason=tr("exchange.reason.mismatch", expected=grouped))
    return announced, grouped
