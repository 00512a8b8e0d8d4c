"""Hoàn tác một lần nhận gói, by its name ("42-18544_report_2026_Q1_r2", "#12" or the package id).

An import touches one series only (or, for a key rotation, one sender's keys), so rolling it back is a
logical undo of exactly that, not a restore of the whole file: imports of other communes, kinds or
periods made later are kept. It is refused, with the reason, when a later import builds on it — a newer
revision of the same series imported afterwards (roll that back first), or packages signed with the
key a rotation enrolled. The state before is rebuilt from the stored data.json of the package it had
replaced. A backup of the file is taken first.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from cchc_desktop.exchange import store, store_log
from cchc_desktop.exchange.context import ExchangeWorkspace
from cchc_desktop.exchange.import_errors import ImportNotFoundError, RollbackRefusedError
from cchc_desktop.exchange.received import stored_rows
from cchc_desktop.kernel.i18n import tr


@dataclass(frozen=True)
class RollbackResult:
    name: str
    line: str
    backup_file: Path


def rollback_import(ws: ExchangeWorkspace, name: str) -> RollbackResult:
    entry = store_log.log_entry_by_name(ws.conn, name)
    if entry is None:
        raise ImportNotFoundError(name=name)
    if entry["verdict"] == "key_rotation":
        _check_rotation(ws, entry)
    else:
        later = store_log.later_in_series(ws.conn, entry)
        if later is not None:
            raise RollbackRefusedError(name=entry["name"], reason=tr("exchange.rollback.later", later=later["name"]))
    backup = ws.backups.before("rollback")
    with ws.transaction() as conn:
        restored = _restore_replaced(conn, entry)
        if entry["verdict"] == "key_rotation":
            _undo_keys(conn, json.loads(entry["key_changes"]))
        if entry["package_row_id"] is not None:
            store.delete_package(conn, entry["package_row_id"])
        store_log.mark_rolled_back(conn, entry["id"], ws.actor)
        line = tr(
            "exchange.rollback.done.restored" if restored else "exchange.rollback.done",
            name=entry["name"],
            revision=restored or "",
        )
        store.audit(
            conn, ws.actor, "package_rollback", "received_package", entry["package_row_id"], entry["name"], None, line
        )
    return RollbackResult(entry["name"], line, backup)


def _check_rotation(ws: ExchangeWorkspace, entry) -> None:
    changes = json.loads(entry["key_changes"])
    later = store_log.later_signed_with(ws.conn, entry["id"], changes.get("enrolled", -1))
    if later is not None:
        raise RollbackRefusedError(name=entry["name"], reason=tr("exchange.rollback.signed_later", later=later["name"]))


def _restore_replaced(conn, entry) -> int | None:
    """Make the package this import replaced current again, with its rows; its revision, or None."""
    replaced = entry["replaced_row_id"]
    row = None if replaced is None else store.package_row(conn, replaced)
    if row is None:
        return None
    if entry["package_row_id"] is not None:
        store.set_state(conn, entry["package_row_id"], "superseded")
    store.set_state(conn, replaced, "current")
    rows = stored_rows(conn, replaced)
    if rows is not None:
        store.insert_rows(conn, replaced, rows.tables())
    return row["revision"]


def _undo_keys(conn, changes: dict) -> None:
    enrolled = changes.get("enrolled")
    if enrolled is not None:
        if changes.get("inserted"):
            store.forget_key_of_packages(conn, enrolled)
            store.delete_enrolled_key(conn, enrolled)
        elif changes.get("prior_status") and changes["prior_status"] != "active":
            store.end_enrolled_key(conn, enrolled, changes["prior_status"])
    for key_id in changes.get("retired", []):
        store.reactivate_enrolled_key(conn, key_id)
