"""Khóa của đơn vị mình: create, open, rotate and replace this installation's key; print its card.

The private key is stored in the workspace only as encrypted PKCS#8 PEM; the passphrase is never
stored. Exactly one key is active. Rotation (the old key still works) writes a key_rotation package
signed with the old key; after a loss a new key is made and enrolled again from a new card (§6.3–6.4).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from cchc_desktop.exchange import store
from cchc_desktop.exchange.card import CardFacts, card_pdf
from cchc_desktop.exchange.card_key import embed_key
from cchc_desktop.exchange.context import ExchangeWorkspace
from cchc_desktop.exchange.format.errors import PackageWriteError
from cchc_desktop.exchange.format.keys import (
    encrypt_private_key,
    fingerprint,
    generate_private_key,
    load_private_key,
    load_public_pem,
    needs_re_encryption,
    passphrase_strong_enough,
    public_pem,
)
from cchc_desktop.exchange.format.pubfile import UnitIdentity, pub_file_name, pub_file_text
from cchc_desktop.exchange.import_errors import KeyExistsError, NoKeyError, PassphraseMismatchError
from cchc_desktop.kernel.atomic import write_bytes_atomic
from cchc_desktop.kernel.files import describe_os_error
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.text import nfc


@dataclass(frozen=True)
class KeyInfo:
    """The active key as shown to people: fingerprint in 16 groups, when it was made."""

    id: int
    fingerprint: str
    created_at: str
    public_pem: str
    status: str = "active"


def _info(row) -> KeyInfo:
    return KeyInfo(row["id"], row["fingerprint"], row["created_at"], row["public_pem"], row["status"])


def key_info(ws: ExchangeWorkspace) -> KeyInfo | None:
    row = store.active_own_key(ws.conn)
    return _info(row) if row else None


def all_keys(ws: ExchangeWorkspace) -> list[KeyInfo]:
    return [_info(row) for row in store.own_keys(ws.conn)]


def checked_new_key(passphrase: str, confirm: str | None) -> tuple[Ed25519PrivateKey, bytes]:
    if confirm is not None and nfc(passphrase) != nfc(confirm):
        raise PassphraseMismatchError(field="confirm")
    key = generate_private_key()
    return key, encrypt_private_key(key, passphrase)


def create_key(
    ws: ExchangeWorkspace, passphrase: str, confirm: str | None = None, *, replace: str | None = None
) -> KeyInfo:
    """Tạo khóa: refused when one is active, unless ``replace`` says why the old one ends
    ("lost" after a loss, "retired" after a rotation)."""
    current = store.active_own_key(ws.conn)
    if current is not None and replace is None:
        raise KeyExistsError(fingerprint=current["fingerprint"])
    key, encrypted = checked_new_key(passphrase, confirm)
    grouped = fingerprint(key)
    with ws.transaction() as conn:
        if current is not None:
            store.end_own_key(conn, current["id"], replace or "retired")
        key_id = store.insert_own_key(conn, grouped, public_pem(key).decode("ascii"), encrypted.decode("ascii"))
        store.audit(
            conn,
            ws.actor,
            "key_create",
            "exchange_key",
            key_id,
            grouped,
            current["fingerprint"] if current else None,
            grouped,
        )
    return _info(store.active_own_key(ws.conn))


def unlock(ws: ExchangeWorkspace, passphrase: str) -> Ed25519PrivateKey:
    """The active private key; WrongPassphraseError when the passphrase does not open it. A key stored
    the old way (PKCS#12, whose MAC lets a guess be checked cheaply) is stored again the current way."""
    row = store.active_own_key(ws.conn)
    if row is None:
        raise NoKeyError()
    stored = row["private_pem"].encode("ascii")
    key = load_private_key(stored, passphrase)
    if needs_re_encryption(stored) and passphrase_strong_enough(passphrase):
        with ws.transaction() as conn:
            store.set_own_key_pem(conn, row["id"], encrypt_private_key(key, passphrase).decode("ascii"))
            store.audit(conn, ws.actor, "key_reencrypt", "exchange_key", row["id"], row["fingerprint"])
    return key


# Enrolment card #########################################################


def identity_of(ws: ExchangeWorkspace) -> UnitIdentity:
    """Who this unit's key is for: the commune; a receiving unit as its office (``00000``), except a
    district with its code, which names itself ("90436", type ``huyen``) so its province can enrol it."""
    profile = ws.profile.get()
    if profile.district_unit_code:
        return UnitIdentity(profile.province_code, profile.district_unit_code, profile.name, "huyen")
    code = profile.commune_code or "00000"
    unit_type = profile.unit_type if profile.mode == "commune" else "tinh"
    return UnitIdentity(profile.province_code, code, profile.name, unit_type)


def write_card(ws: ExchangeWorkspace, out_pdf: str | Path, today: dt.date | None = None) -> tuple[Path, Path]:
    """Phiếu đăng ký khóa (PDF) and the public key file beside it; returns both paths."""

    info = key_info(ws)
    if info is None:
        raise NoKeyError()
    profile = ws.profile.get()
    identity = identity_of(ws)
    out = Path(out_pdf)
    pub_path = out.with_name(pub_file_name(identity))
    agency = (
        (profile.agency_upper,)
        if profile.mode == "receiver"
        else (tr("doc.agency.people_committee"), profile.agency_upper)
    )
    facts = CardFacts(
        agency,
        profile.full_name,
        identity.province_code,
        identity.unit_code,
        profile.province_name,
        profile.superior_name if profile.district_unit_code else profile.receiver_name,
        info.fingerprint,
        info.created_at,
        today or dt.date.today(),
        profile.chairman_name,
        pub_path.name,
        identity.unit_type,
    )
    key = load_public_pem(info.public_pem.encode("ascii"))
    text = pub_file_text(key, identity, tr("exchange.pub.title", unit=profile.full_name), info.created_at)
    _private_folder(out.parent)
    write_bytes_atomic(pub_path, text, PackageWriteError, private=True)
    card = embed_key(card_pdf(facts), pub_path.name, text, tr("exchange.card.attachment"))
    write_bytes_atomic(out, card, PackageWriteError, private=True)
    return out, pub_path


def _private_folder(folder: Path) -> None:
    """A folder the app makes for key files is its owner's only (0700); an existing one is left as it is."""
    if folder.exists():
        return
    try:
        folder.mkdir(mode=0o700, parents=True)
    except OSError as exc:
        raise PackageWriteError(file=folder.name, folder=str(folder.parent), detail=describe_os_error(exc)) from None


def default_card_name(ws: ExchangeWorkspace) -> str:
    """ "42-18544-phieu-dang-ky-khoa.pdf"."""
    return f"{identity_of(ws).code}-phieu-dang-ky-khoa.pdf"
