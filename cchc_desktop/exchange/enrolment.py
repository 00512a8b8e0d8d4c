"""Đăng ký khóa của đơn vị gửi (nơi nhận): enrol a sender's key from its card, list, revoke.

A key is enrolled only with the fingerprint the reviewer read from the signed card (or over the phone)
and it must equal the key's real fingerprint. Re-enrolment after a lost key may revoke the old key in
the same action (§6.4).
"""

from __future__ import annotations

import sqlite3
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol

from cchc_desktop.exchange import store
from cchc_desktop.exchange.format.keys import normalise_fingerprint, public_pem
from cchc_desktop.exchange.format.pubfile import PublicKeyFile, UnitIdentity
from cchc_desktop.exchange.import_errors import (
    AlreadyEnrolledError,
    FingerprintMismatchError,
    FingerprintNeededError,
    FingerprintTailFormatError,
    FingerprintTailMismatchError,
    FingerprintTailNeededError,
    SenderIdentityError,
)
from cchc_desktop.kernel.errors import NotFoundError
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.units import UNIT_TYPES


class KeyWorkspace(Protocol):
    """What enrolling needs of the workspace (a receiver's batch passes its own)."""

    conn: sqlite3.Connection

    @property
    def actor(self) -> str: ...

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...


@dataclass(frozen=True)
class EnrolledKey:
    """A sender's key as the receiver holds it."""

    id: int
    province_code: str
    unit_code: str
    unit_name: str
    unit_type: str
    fingerprint: str
    status: str
    source: str
    enrolled_at: str
    ended_at: str | None
    end_reason: str

    @property
    def sender_label(self) -> str:
        word = UNIT_TYPES.get(self.unit_type, "").lower()
        return f"{word} {self.unit_name} (mã {self.province_code}-{self.unit_code})".strip()

    @property
    def status_label(self) -> str:
        return tr(f"exchange.key.status.{self.status}")


def _enrolled(row) -> EnrolledKey:
    return EnrolledKey(
        row["id"],
        row["province_code"],
        row["unit_code"],
        row["unit_name"],
        row["unit_type"],
        row["fingerprint"],
        row["status"],
        row["source"],
        row["enrolled_at"],
        row["ended_at"],
        row["end_reason"],
    )


def senders(ws: KeyWorkspace) -> list[EnrolledKey]:
    return [_enrolled(row) for row in store.enrolled_keys(ws.conn)]


def check_confirmation(pub: PublicKeyFile, confirmed: str | None) -> None:
    """The fingerprint typed or pasted from the card must be the key's own (spaces and case ignored)."""
    typed = normalise_fingerprint(confirmed or "")
    if typed is None:
        raise FingerprintNeededError(field="fingerprint", actual=pub.fingerprint)
    if typed != pub.fingerprint:
        raise FingerprintMismatchError(field="fingerprint", typed=typed, actual=pub.fingerprint)


@dataclass(frozen=True)
class Enrolment:
    """One key to enrol, already confirmed against its card: for whom, and whether the unit's other
    active key is revoked in the same action (a lost key)."""

    pub: PublicKeyFile
    identity: UnitIdentity
    revoke_old: bool = False


TAIL_GROUPS = 2  # a batch confirms each key by the last two groups read from its paper card
_HEX = frozenset("0123456789ABCDEF")


def fingerprint_tail(fingerprint: str) -> str:
    """The last two groups of a grouped fingerprint ("FB36 9328"): line 4, right, on the card."""
    return " ".join(fingerprint.split()[-TAIL_GROUPS:])


def check_tail(pub: PublicKeyFile, typed: str | None, unit: str) -> None:
    """The last two groups typed from the paper card must be the key's (spaces and case ignored). A wrong
    pair never shows the right one: the reviewer must read it from the card, not from the screen."""
    compact = "".join((typed or "").split()).upper()
    if not compact:
        raise FingerprintTailNeededError(field="tail", unit=unit)
    if len(compact) != 4 * TAIL_GROUPS or not set(compact) <= _HEX:
        raise FingerprintTailFormatError(field="tail", typed=(typed or "").strip()[:20], unit=unit)
    if compact != fingerprint_tail(pub.fingerprint).replace(" ", ""):
        raise FingerprintTailMismatchError(field="tail", typed=f"{compact[:4]} {compact[4:]}", unit=unit)


def enrol(
    ws: KeyWorkspace,
    pub: PublicKeyFile,
    confirmed: str | None,
    identity: UnitIdentity | None = None,
    *,
    revoke_old: bool = False,
) -> EnrolledKey:
    """Đăng ký khóa: after the fingerprint check; ``identity`` defaults to the one in the key file."""
    check_confirmation(pub, confirmed)
    who = identity or pub.identity
    if who is None or not who.valid():
        raise SenderIdentityError(field="unit_code")
    return enrol_many(ws, [Enrolment(pub, who, revoke_old)])[0]


def enrol_many(ws: KeyWorkspace, items: list[Enrolment]) -> list[EnrolledKey]:
    """Enrol keys whose confirmation was checked, all in one transaction (none if one is refused)."""
    for item in items:
        existing = store.enrolled_by_fingerprint(
            ws.conn, item.identity.province_code, item.identity.unit_code, item.pub.fingerprint
        )
        if existing is not None and existing["status"] == "active":
            raise AlreadyEnrolledError(sender=_enrolled(existing).sender_label)
    with ws.transaction() as conn:
        ids = [_enrol_one(conn, ws.actor, item) for item in items]
    return [_enrolled(store.enrolled_key(ws.conn, key_id)) for key_id in ids]


def _enrol_one(conn: sqlite3.Connection, actor: str, item: Enrolment) -> int:
    who, pub = item.identity, item.pub
    if item.revoke_old:
        for row in store.keys_of_sender(conn, who.province_code, who.unit_code):
            store.end_enrolled_key(conn, row["id"], "revoked", tr("exchange.key.revoked_by_new"))
    existing = store.enrolled_by_fingerprint(conn, who.province_code, who.unit_code, pub.fingerprint)
    if existing is not None:
        store.reactivate_enrolled_key(conn, existing["id"])
        key_id = existing["id"]
    else:
        key_id = store.insert_enrolled_key(
            conn,
            {
                "province_code": who.province_code,
                "unit_code": who.unit_code,
                "unit_name": who.unit_name,
                "unit_type": who.unit_type,
                "fingerprint": pub.fingerprint,
                "public_pem": public_pem(pub.key).decode("ascii"),
                "source": "card",
                "enrolled_by": actor,
            },
        )
    store.audit(conn, actor, "key_enrol", "enrolled_key", key_id, who.code, None, pub.fingerprint)
    return key_id


def revoke(ws: KeyWorkspace, key_id: int, reason: str = "") -> EnrolledKey:
    """Thu hồi khóa: packages signed with it are refused from now on (those imported stay)."""
    row = store.enrolled_key(ws.conn, key_id)
    if row is None:
        raise NotFoundError("error.row_missing", what=tr("audit.entity.enrolled_key"), id=key_id)
    with ws.transaction() as conn:
        store.end_enrolled_key(conn, key_id, "revoked", reason or tr("exchange.key.revoked_by_user"))
        store.audit(
            conn,
            ws.actor,
            "key_revoke",
            "enrolled_key",
            key_id,
            f"{row['province_code']}-{row['unit_code']}",
            row["fingerprint"],
            None,
        )
    return _enrolled(store.enrolled_key(ws.conn, key_id))
