"""Ký bằng thiết bị ký số: log in to a PKCS#11 token with the PIN and make a ``CertSigner``.

The certificate is chosen by ``key_id`` (CKA_ID, hex, as ``tokens.list_certificates`` gives it):
labels are unreliable on Vietnamese CA tokens, ids are not. Without a key id, the token's only
signing certificate is used.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from cchc_desktop.signatures import errors as e
from cchc_desktop.signatures.certs import AnyCertificate, summarize, to_asn1
from cchc_desktop.signatures.pin import PinState, pin_state, wrong_pin_error
from cchc_desktop.signatures.signer import CertSigner
from cchc_desktop.signatures.tokens import certificate_objects, find_slot


def open_token_signer(
    module_path: str,
    pin: str,
    *,
    token_label: str | None = None,
    key_id: str | None = None,
    extra_certs: Iterable[AnyCertificate] = (),
) -> CertSigner:
    """Log in to the token and return a signer; close it when done (it logs out).

    Raises TokenModuleError, TokenNotFoundError, WrongPinError (with what the token tells about tries
    left), PinLockedError, KeyNotFoundError. ``extra_certs`` are CA certificates to embed besides
    the CA certificates stored on the token.
    """
    slot = find_slot(module_path, token_label)
    label = slot.get_token().label.strip()
    session = _login(slot, label, pin)
    try:
        signer = _make_signer(session, label, key_id, extra_certs)
    except BaseException:
        session.close()
        raise
    return signer


def _login(slot: Any, label: str, pin: str) -> Any:
    from pkcs11 import exceptions as p11

    if pin_state(int(slot.get_token().flags)) is PinState.LOCKED:
        raise e.PinLockedError(token=label)
    try:
        return slot.get_token().open(user_pin=pin)
    except p11.PinLocked:
        raise e.PinLockedError(token=label) from None
    except (p11.PinIncorrect, p11.PinInvalid, p11.PinLenRange):
        raise wrong_pin_error(label, int(slot.get_token().flags)) from None
    except p11.PKCS11Error as exc:
        raise e.TokenError(detail=type(exc).__name__) from None


def _make_signer(session: Any, label: str, key_id: str | None, extra_certs: Iterable[AnyCertificate]) -> CertSigner:
    from pyhanko.sign.pkcs11 import PKCS11Signer

    objects = certificate_objects(session)
    chosen = _choose_certificate(objects, label, key_id)
    _require_private_key(session, chosen["id"], label)
    chain = [to_asn1(o["der"]) for o in objects if summarize(o["der"]).is_ca]
    chain += [to_asn1(c) for c in extra_certs]
    signer = PKCS11Signer(session, signing_cert=to_asn1(chosen["der"]), ca_chain=chain, key_id=chosen["id"])
    return CertSigner(signer=signer, certificate=summarize(chosen["der"]), token_label=label, _on_close=session.close)


def _choose_certificate(objects: list[dict[str, Any]], label: str, key_id: str | None) -> dict[str, Any]:
    if key_id is not None:
        wanted = bytes.fromhex(key_id)
        matching = [o for o in objects if o["id"] == wanted]
        if not matching:
            raise e.KeyNotFoundError(token=label, key=key_id)
        return matching[0]
    signing = [o for o in objects if not summarize(o["der"]).is_ca]
    if len(signing) != 1:
        raise e.KeyNotFoundError(token=label, key="?")
    return signing[0]


def _require_private_key(session: Any, key_id: bytes, label: str) -> None:
    from pkcs11 import Attribute, ObjectClass

    keys = list(session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY, Attribute.ID: key_id}))
    if not keys:
        raise e.KeyNotFoundError(token=label, key=key_id.hex())
