"""What the PKCS#11 PIN flags mean to the user, and where token drivers are looked for."""

from __future__ import annotations

from cchc_desktop.signatures import errors as e
from cchc_desktop.signatures.modules import ENV_MODULE, find_modules, known_modules
from cchc_desktop.signatures.pin import (
    CKF_USER_PIN_COUNT_LOW,
    CKF_USER_PIN_FINAL_TRY,
    CKF_USER_PIN_LOCKED,
    PinState,
    pin_state,
    wrong_pin_error,
)

OTHER_FLAGS = 0x0000042D  # RNG, login required, user PIN initialised, token initialised…


def test_flags_map_to_pin_states_most_serious_first():
    assert pin_state(OTHER_FLAGS) is PinState.OK
    assert pin_state(OTHER_FLAGS | CKF_USER_PIN_COUNT_LOW) is PinState.COUNT_LOW
    assert pin_state(OTHER_FLAGS | CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY) is PinState.FINAL_TRY
    assert pin_state(CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_LOCKED) is PinState.LOCKED


def test_wrong_pin_messages_say_what_the_token_tells():
    final = wrong_pin_error("TOKEN", OTHER_FLAGS | CKF_USER_PIN_FINAL_TRY)
    assert isinstance(final, e.WrongPinError) and final.tries_left == 1
    assert "Chỉ còn 1 lần thử" in str(final)
    unknown = wrong_pin_error("TOKEN", OTHER_FLAGS)
    assert isinstance(unknown, e.WrongPinError) and unknown.tries_left is None and not unknown.count_low
    locked = wrong_pin_error("TOKEN", CKF_USER_PIN_LOCKED)
    assert isinstance(locked, e.PinLockedError) and not isinstance(locked, e.WrongPinError)
    assert "đã bị khóa" in str(locked)


def test_known_modules_name_vgca_drivers_on_windows():
    paths = [m.path for m in known_modules("win32")]
    assert any(p.endswith("eTPKCS11.dll") for p in paths) and any(p.endswith("bit4xpki.dll") for p in paths)


def test_environment_module_comes_first(tmp_path, monkeypatch):
    module = tmp_path / "libtoken.so"
    module.write_bytes(b"\x7fELF")
    monkeypatch.setenv(ENV_MODULE, str(module))
    assert find_modules("linux")[0].path == str(module)
