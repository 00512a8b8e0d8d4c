"""Nhận gói từ nơi nhận (at a commune): a receipt, an appraisal or the year's framework its superior sent.

Only the commune's own superior may send them: the package is signed with the key the commune enrolled
for its receiving unit (unit code ``00000`` of its own province) and addressed to this commune by code.
Each is kept like any received package (series, revisions, rollback data) and then does its one thing:

* **receipt** (biên nhận): the packages it lists leave the outbox as "đã nhận", dated as received there;
* **appraisal** (thẩm định): its scores and comments are kept beside the self-assessment (``appraisal``);
* **framework** (khung năm): the plan and self-assessment of that year start from it (``framework``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cchc_desktop.exchange import store
from cchc_desktop.exchange.appraisal_received import appraisal_rows, appraisal_summary
from cchc_desktop.exchange.down_export import DOWN_KINDS, OFFICE_UNIT_CODE
from cchc_desktop.exchange.down_framework import framework_effect
from cchc_desktop.exchange.format.labels import kind_label
from cchc_desktop.exchange.format.manifest import PACKAGE_ID
from cchc_desktop.exchange.format.revisions import RevisionVerdict
from cchc_desktop.exchange.format.verify import VerifiedPackage
from cchc_desktop.exchange.import_apply import Applier, ImportOutcome
from cchc_desktop.exchange.import_commit import commit_package
from cchc_desktop.exchange.import_errors import (
    DownAtReceiverError,
    NotForThisUnitError,
    PayloadError,
    PayloadTooNewError,
)
from cchc_desktop.exchange.payload_check import Check
from cchc_desktop.exchange.received import import_name
from cchc_desktop.kernel.i18n import tr

PAYLOAD_VERSION = 1


@dataclass(frozen=True)
class ReceiptItem:
    package_id: str
    received_at: str


@dataclass(frozen=True)
class DownEffect:
    """What applying a package going down does in the transaction, and the words for its result line."""

    summary: str
    apply: Callable[[sqlite3.Connection, int], None]


def check_down_addressing(applier: Applier, package: VerifiedPackage, file: str) -> None:
    """Sent by this commune's superior, to this commune. A receiving unit's file takes none of these,
    except a district's, which takes the province's receipts for its consolidations."""
    manifest, profile = package.manifest, applier.profile
    district_receipt = profile.is_district and manifest.kind == "receipt"
    if profile.mode == "receiver" and not district_receipt:
        raise DownAtReceiverError(file, kind=kind_label(manifest.kind))
    sender, receiver = manifest.sender, manifest.receiver
    if sender.unit_code != OFFICE_UNIT_CODE or sender.province_code != profile.province_code:
        raise NotForThisUnitError(file, reason=tr("exchange.down.not_superior", sender=applier.sender_label(package)))
    if isinstance(package.key.key_id, tuple) and package.key.key_id[0] == "own":  # sealed here, going down
        raise NotForThisUnitError(file, reason=tr("exchange.down.own_package"))
    own_code = profile.district_unit_code if district_receipt else profile.commune_code
    if (receiver.province_code, receiver.unit_code) != (profile.province_code, own_code):
        code = f"{receiver.province_code or '?'}-{receiver.unit_code or '?'}"
        raise NotForThisUnitError(file, reason=tr("exchange.down.other_commune", name=receiver.name, code=code))


def apply_down(applier: Applier, package: VerifiedPackage, file: str, incoming: Path | None) -> ImportOutcome:
    manifest = package.manifest
    effect = _effect(applier, package, file)
    verdict, state = applier.verdict(package, file)
    if verdict is RevisionVerdict.ALREADY_IMPORTED:
        return applier.already(package, file, incoming)
    status = "replaced" if verdict is RevisionVerdict.NEWER else "imported"
    title = applier.title(package)
    key = f"exchange.down.line.{manifest.kind}{'.dry_run' if applier.dry_run else ''}"
    line = tr(key, title=title, sender=applier.sender_label(package), summary=effect.summary)
    if not applier.dry_run:
        assert incoming is not None
        data_zlib = store.compress_data(package.data_bytes)

        def write(conn: sqlite3.Connection, kept: str) -> None:
            if state.current_row_id is not None:
                store.set_state(conn, state.current_row_id, "superseded")
                store.delete_rows(conn, state.current_row_id)
            row_id = store.insert_package(conn, applier.package_values(package, file, kept, None, data_zlib))
            effect.apply(conn, row_id)
            verdict_word = "newer" if status == "replaced" else "new"
            applier.log(conn, package, file, verdict_word, row_id, state.current_row_id, line)

        commit_package(applier, package, incoming, file, write)
    return ImportOutcome(file, status, line, title, import_name(manifest))


def _effect(applier: Applier, package: VerifiedPackage, file: str) -> DownEffect:
    kind = package.manifest.kind
    root = _payload(package, file)
    if kind == "receipt":
        return _receipt(applier, package, root)
    if kind == "appraisal":
        return _appraisal(root)
    if kind == "framework":
        return DownEffect(*framework_effect(applier, package, root))
    raise PayloadError(
        file, field="payload", reason=tr("exchange.reason.choice", value=kind, choices=", ".join(DOWN_KINDS))
    )


def _payload(package: VerifiedPackage, file: str) -> Check:
    root = Check(package.data, file, "")
    root.choice("payload", (package.manifest.kind,))
    version = root.integer("payload_version", 1)
    if version > PAYLOAD_VERSION:
        raise PayloadTooNewError(file, version=version, supported=PAYLOAD_VERSION)
    return root


# Receipts ################################################################


def receipt_items(root: Check) -> list[ReceiptItem]:
    items = []
    for item in root.items("received"):
        package_id = item.text("package_id", required=True)
        if not PACKAGE_ID.fullmatch(package_id):
            raise item.fail("package_id", "exchange.reason.pattern", value=package_id[:40])
        items.append(ReceiptItem(package_id, item.date("received_at") or ""))
    return items


def _receipt(applier: Applier, package: VerifiedPackage, root: Check) -> DownEffect:
    items = receipt_items(root)
    ours = store.outbox_ids(applier.ws.conn)
    known = [i for i in items if i.package_id in ours]
    summary = tr("exchange.down.receipt.summary", count=len(known))
    receipt_id = package.manifest.package_id

    def apply(conn: sqlite3.Connection, row_id: int) -> None:
        for item in known:
            store.acknowledge(conn, [item.package_id], item.received_at or package.manifest.created_at, receipt_id)

    return DownEffect(summary, apply)


# Appraisals ##############################################################


def _appraisal(root: Check) -> DownEffect:
    rows = appraisal_rows(root)
    if not rows:
        raise root.fail("scores", "exchange.reason.empty")

    def apply(conn: sqlite3.Connection, row_id: int) -> None:
        store.insert_rows(conn, row_id, {"appraisal_scores": rows})

    return DownEffect(appraisal_summary(root, rows), apply)


def is_down_kind(kind: str) -> bool:
    return kind in DOWN_KINDS
