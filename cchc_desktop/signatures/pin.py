"""Mã PIN của thiết bị ký số: what the token tells about tries left, and the error for a wrong PIN.

PKCS#11 gives no count, only flags on the token: USER_PIN_COUNT_LOW (a wrong PIN was entered since
the last good one), USER_PIN_FINAL_TRY (one try left) and USER_PIN_LOCKED. Tokens that keep no
counter (SoftHSM2 sets only COUNT_LOW and never locks) leave the number of tries unknown.
"""

from __future__ import annotations

import enum

from cchc_desktop.signatures import errors as e

CKF_USER_PIN_COUNT_LOW = 0x00010000
CKF_USER_PIN_FINAL_TRY = 0x00020000
CKF_USER_PIN_LOCKED = 0x00040000


class PinState(enum.Enum):
    """Tình trạng mã PIN as the token reports it."""

    OK = "ok"
    COUNT_LOW = "count_low"
    FINAL_TRY = "final_try"
    LOCKED = "locked"


def pin_state(flags: int) -> PinState:
    """The PIN state from the token's CK_TOKEN_INFO flags (the most serious flag wins)."""
    if flags & CKF_USER_PIN_LOCKED:
        return PinState.LOCKED
    if flags & CKF_USER_PIN_FINAL_TRY:
        return PinState.FINAL_TRY
    if flags & CKF_USER_PIN_COUNT_LOW:
        return PinState.COUNT_LOW
    return PinState.OK


def wrong_pin_error(token_label: str, flags: int) -> e.SignatureError:
    """The error for a refused PIN, read from the token's flags after the refusal."""
    state = pin_state(flags)
    if state is PinState.LOCKED:
        return e.PinLockedError(token=token_label)
    if state is PinState.FINAL_TRY:
        return e.WrongPinError("signatures.pin.wrong_final_try", token=token_label, tries_left=1, count_low=True)
    if state is PinState.COUNT_LOW:
        return e.WrongPinError("signatures.pin.wrong_count_low", token=token_label, count_low=True)
    return e.WrongPinError("signatures.pin.wrong", token=token_label)
