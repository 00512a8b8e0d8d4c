"""Gửi kết quả thẩm định: one round goes down to its unit as a package signed with the office's key.

The package carries the round's lines (self-score, appraised score, comment of each scored criterion),
the office's note and the notice (Thông báo kết quả thẩm định) as its document. Once the file is
written the round is sent: it no longer changes, and the next round waits for the unit's answer.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cchc_desktop.exchange import keyring
from cchc_desktop.exchange import store as exchange_store
from cchc_desktop.exchange.context import ExchangeWorkspace
from cchc_desktop.exchange.down_export import DownPackage, write_down_package
from cchc_desktop.exchange.format.manifest import Signer
from cchc_desktop.kernel.errors import NotFoundError, ValidationError
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.jobs import Cancelled, Progress
from cchc_desktop.kernel.store import records
from cchc_desktop.kernel.store.records import now_iso
from cchc_desktop.receiver.appraisal_view import AppraisalView
from cchc_desktop.receiver.model import Appraisal
from cchc_desktop.receiver.receipts import addressee_of

PAYLOAD_VERSION = 1


@dataclass(frozen=True)
class AppraisalSent:
    path: Path
    appraisal: Appraisal

    @property
    def summary(self) -> str:
        return tr("receiver.appraisal.sent", round=self.appraisal.round, file=self.path.name)


def send_appraisal(
    ws: ExchangeWorkspace,
    view: AppraisalView,
    roster: dict,
    notice: bytes,
    folder: str | Path,
    passphrase: str,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> AppraisalSent:
    """Sign and write the round of ``view`` into ``folder``, then mark it sent (one transaction)."""
    appraisal = view.appraisal
    if not appraisal.editable_now:
        raise ValidationError("receiver.appraisal.already_sent", round=appraisal.round, unit=view.unit_name)
    if view.problems():
        raise ValidationError("receiver.appraisal.has_problems", count=len(view.problems()))
    package_row = exchange_store.package_by_id(ws.conn, appraisal.based_on)
    if package_row is None:
        raise NotFoundError("receiver.appraisal.package_missing", package=appraisal.based_on)
    key = keyring.unlock(ws, passphrase)
    addressee = addressee_of(package_row, roster)
    path, _ = write_down_package(
        ws,
        appraisal_package(ws, view, addressee.name, notice),
        addressee,
        folder,
        key,
        progress=progress,
        cancelled=cancelled,
    )
    with ws.transaction() as conn:
        records.transition(
            conn,
            "appraisal",
            appraisal.id,
            expected="draft",
            values={"status": "sent", "sent_at": now_iso()},
            actor=ws.actor,
            action="send",
            refusal=ValidationError("receiver.appraisal.already_sent", round=appraisal.round, unit=view.unit_name),
        )
    return AppraisalSent(path, records.get(ws.conn, "appraisal", appraisal.id))


def as_sent(view: AppraisalView) -> AppraisalView:
    """The view as the unit will read it: the notice printed without the draft mark."""
    sent = dataclasses.replace(view.appraisal, status="sent", sent_at=now_iso())
    return dataclasses.replace(view, appraisal=sent)


def appraisal_package(ws: ExchangeWorkspace, view: AppraisalView, unit_name: str, notice: bytes) -> DownPackage:
    profile = ws.profile.require()
    appraisal = view.appraisal
    data: dict[str, Any] = {
        "payload": "appraisal",
        "payload_version": PAYLOAD_VERSION,
        "unit": {"name": profile.name, "province_code": profile.province_code},
        "year": appraisal.year,
        "addressee": {"province_code": appraisal.province_code, "unit_code": appraisal.unit_code, "name": unit_name},
        "appraisal": {
            "round": appraisal.round,
            "based_on": appraisal.based_on,
            "note": appraisal.note,
            "self_total": view.self_total,
            "appraised_total": view.appraised_total,
            "changed": view.changed,
        },
        "scores": [
            {
                "code": line.facts.code,
                "name": line.facts.name,
                "max_points": line.facts.max_points,
                "self_score": line.facts.self_score,
                "appraised_score": line.score.appraised_score,
                "comment": line.score.comment,
            }
            for line in view.lines
            if line.leaf
        ],
    }
    signer = Signer(profile.name, tr("receiver.appraisal.signer_role"), "")
    return DownPackage("appraisal", appraisal.year, data, signer, document=notice)
