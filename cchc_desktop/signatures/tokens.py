"""Thiết bị ký số (PKCS#11 tokens): list the tokens and certificates a module sees, for a GUI to pick.

Listing needs no PIN: certificates are public objects. The module path is a parameter (a VGCA
DLL on Windows, SoftHSM2's ``libsofthsm2.so`` in tests); ``modules.find_modules`` suggests some.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from cchc_desktop.signatures import errors as e
from cchc_desktop.signatures.certs import CertificateSummary, summarize
from cchc_desktop.signatures.pin import PinState, pin_state

CKF_TOKEN_INITIALIZED = 0x00000400


@dataclass(frozen=True)
class TokenInfo:
    """Một thiết bị ký số: nhãn (label), số sê-ri, hãng, kiểu, slot, tình trạng mã PIN."""

    module: str
    slot_id: int
    label: str
    serial: str
    manufacturer: str
    model: str
    pin: PinState


@dataclass(frozen=True)
class TokenCertificate:
    """Một chứng thư số trên thiết bị: ``key_id`` (CKA_ID, hex) selects it for signing."""

    token: TokenInfo
    key_id: str
    label: str
    certificate: CertificateSummary


#: One loaded library per module for the life of the process. python-pkcs11 finalizes and unloads a
#: library when its object is freed, while the slots, sessions and keys opened through it keep calling
#: into it; freed later (by the collector, or on another thread while a job signs) they crashed the app.
_LOADED: dict[str, Any] = {}
_LOADING = threading.Lock()


def load_module(module_path: str) -> Any:
    """The loaded PKCS#11 library; TokenModuleError when it is missing or not a PKCS#11 module."""
    import pkcs11

    key = str(module_path)
    with _LOADING:
        if key not in _LOADED:
            try:
                _LOADED[key] = pkcs11.lib(key)
            except (pkcs11.PKCS11Error, OSError):
                raise e.TokenModuleError(module=key) from None
        return _LOADED[key]


def token_slots(module_path: str) -> list[Any]:
    """Slots holding an initialised token, re-read now (tokens come and go)."""
    import pkcs11

    lib = load_module(module_path)
    try:
        slots = lib.get_slots(token_present=True)
        return [slot for slot in slots if slot.get_token().flags & CKF_TOKEN_INITIALIZED]
    except pkcs11.PKCS11Error as exc:
        raise e.TokenError(detail=type(exc).__name__) from None


def token_info(module_path: str, slot: Any) -> TokenInfo:
    token = slot.get_token()
    return TokenInfo(
        module=str(module_path),
        slot_id=slot.slot_id,
        label=token.label.strip(),
        serial=_text(token.serial),
        manufacturer=token.manufacturer_id.strip(),
        model=token.model.strip(),
        pin=pin_state(int(token.flags)),
    )


def list_tokens(module_path: str) -> list[TokenInfo]:
    """Every initialised token the module sees now (empty when none is plugged in)."""
    return [token_info(module_path, slot) for slot in token_slots(module_path)]


def find_slot(module_path: str, token_label: str | None = None) -> Any:
    """The slot of the token labelled ``token_label``, or of the only token when no label is given."""
    slots = token_slots(module_path)
    if token_label is not None:
        slots = [slot for slot in slots if slot.get_token().label.strip() == token_label.strip()]
        if not slots:
            raise e.TokenNotFoundError(token=token_label)
    if not slots:
        raise e.TokenNotFoundError("signatures.token.none")
    if len(slots) > 1:
        raise e.TokenNotFoundError("signatures.token.many", count=len(slots))
    return slots[0]


def list_certificates(module_path: str, token_label: str | None = None) -> list[TokenCertificate]:
    """Signing certificates (not CA certificates) on every token, or on the one labelled ``token_label``."""
    import pkcs11

    found: list[TokenCertificate] = []
    for slot in token_slots(module_path):
        info = token_info(module_path, slot)
        if token_label is not None and info.label != token_label.strip():
            continue
        try:
            with slot.get_token().open() as session:
                found.extend(_certificates(session, info))
        except pkcs11.PKCS11Error as exc:
            raise e.TokenError(detail=type(exc).__name__) from None
    return found


def _certificates(session: Any, info: TokenInfo) -> list[TokenCertificate]:
    out = []
    for item in certificate_objects(session):
        summary = summarize(item["der"])
        if not summary.is_ca:
            out.append(TokenCertificate(token=info, key_id=item["id"].hex(), label=item["label"], certificate=summary))
    return out


def certificate_objects(session: Any) -> list[dict[str, Any]]:
    """X.509 certificate objects of a session: DER value, CKA_ID and label."""
    from pkcs11 import Attribute, CertificateType, ObjectClass

    query = {Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.CERTIFICATE_TYPE: CertificateType.X_509}
    objects = []
    for obj in session.get_objects(query):
        objects.append(
            {
                "der": bytes(obj[Attribute.VALUE]),
                "id": bytes(_attribute(obj, Attribute.ID, b"")),
                "label": str(_attribute(obj, Attribute.LABEL, "")),
            }
        )
    return objects


def _attribute(obj: Any, attribute: Any, default: Any) -> Any:
    from pkcs11 import PKCS11Error

    try:
        return obj[attribute]
    except (PKCS11Error, KeyError):
        return default


def _text(value: bytes | str) -> str:
    return value.decode("ascii", "replace").strip() if isinstance(value, bytes) else str(value).strip()
