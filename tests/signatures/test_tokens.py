"""Thiết bị ký số on SoftHSM2: listing tokens and certificates, logging in, wrong PIN, wrong key."""

from __future__ import annotations

import pytest

from cchc_desktop.signatures import errors as e
from cchc_desktop.signatures.pin import PinState
from cchc_desktop.signatures.token_signer import open_token_signer
from cchc_desktop.signatures.tokens import list_certificates, list_tokens
from tests.signatures.conftest import ORG_KEY_ID, ORG_PIN, ORG_TOKEN, PERSON_KEY_ID, PERSON_TOKEN, SPARE_TOKEN


def test_tokens_are_listed_with_label_serial_and_pin_state(hsm):
    tokens = {t.label: t for t in list_tokens(hsm)}
    assert {PERSON_TOKEN, ORG_TOKEN, SPARE_TOKEN} <= set(tokens)
    person = tokens[PERSON_TOKEN]
    assert person.module == hsm and person.serial and "SoftHSM" in person.manufacturer


def test_certificates_are_listed_without_a_pin_and_ca_certificates_left_out(hsm, pki):
    found = list_certificates(hsm, PERSON_TOKEN)
    assert [c.key_id for c in found] == [PERSON_KEY_ID]
    assert found[0].certificate.common_name == "Nguyễn Văn A"
    assert found[0].certificate.values("O") == ("UBND xã Kỳ Phong",)
    assert found[0].certificate.serial == f"{pki.person.cert.serial_number:X}"
    everywhere = {c.token.label for c in list_certificates(hsm)}
    assert {PERSON_TOKEN, ORG_TOKEN, SPARE_TOKEN} <= everywhere


def test_signer_opens_by_label_and_key_id(person_signer, pki):
    assert person_signer.certificate.common_name == "Nguyễn Văn A"
    assert person_signer.token_label == PERSON_TOKEN


def test_only_signing_certificate_is_chosen_without_a_key_id(org_signer):
    assert org_signer.certificate.common_name == "UBND xã Kỳ Phong"


def test_wrong_pin_is_a_typed_error_with_what_the_token_tells(hsm):
    with pytest.raises(e.WrongPinError) as caught:
        open_token_signer(hsm, "000000", token_label=SPARE_TOKEN)
    error = caught.value
    # SoftHSM2 2.6 sets CKF_USER_PIN_COUNT_LOW after a wrong PIN, never FINAL_TRY or LOCKED:
    # it keeps no counter, so the number of tries left stays unknown.
    assert error.count_low is True and error.tries_left is None
    assert error.key == "signatures.pin.wrong_count_low"
    assert SPARE_TOKEN in str(error) and "Sai mã PIN" in str(error)
    state = {t.label: t.pin for t in list_tokens(hsm)}[SPARE_TOKEN]
    assert state is PinState.COUNT_LOW


def test_repeated_wrong_pins_never_lock_softhsm(hsm):
    for _ in range(5):
        with pytest.raises(e.WrongPinError):
            open_token_signer(hsm, "999999", token_label=SPARE_TOKEN)
    with open_token_signer(hsm, "112233", token_label=SPARE_TOKEN) as signer:
        assert signer.certificate.common_name == "Hoàng Văn Thu Hồi"
    assert {t.label: t.pin for t in list_tokens(hsm)}[SPARE_TOKEN] is PinState.OK


def test_unknown_token_key_and_module_are_typed_errors(hsm, tmp_path):
    with pytest.raises(e.TokenNotFoundError) as caught:
        open_token_signer(hsm, ORG_PIN, token_label="KHONG-CO")
    assert "KHONG-CO" in str(caught.value)
    with pytest.raises(e.TokenNotFoundError) as many:
        open_token_signer(hsm, ORG_PIN)
    assert many.value.key == "signatures.token.many"
    with pytest.raises(e.KeyNotFoundError):
        open_token_signer(hsm, ORG_PIN, token_label=ORG_TOKEN, key_id=PERSON_KEY_ID)
    not_a_module = tmp_path / "eTPKCS11.dll"
    not_a_module.write_bytes(b"MZ not really a DLL")
    with pytest.raises(e.TokenModuleError) as bad:
        list_tokens(str(not_a_module))
    assert "eTPKCS11.dll" in str(bad.value)


def test_closing_the_signer_logs_out(hsm):
    signer = open_token_signer(hsm, ORG_PIN, token_label=ORG_TOKEN, key_id=ORG_KEY_ID)
    signer.close()
    signer.close()
