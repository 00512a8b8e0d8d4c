"""Tệp chứng thư số .p12 for units without a token."""

from __future__ import annotations

import pytest

from cchc_desktop.signatures import errors as e
from cchc_desktop.signatures.pkcs12 import load_pkcs12_signer
from tests.signatures.conftest import P12_PASSWORD


def test_a_p12_file_gives_a_signer(p12_files):
    signer = load_pkcs12_signer(p12_files["org"], P12_PASSWORD)
    assert signer.certificate.common_name == "UBND xã Kỳ Phong"
    signer.close()


def test_wrong_password_is_a_typed_error(p12_files):
    with pytest.raises(e.WrongPasswordError) as caught:
        load_pkcs12_signer(p12_files["org"], "sai")
    assert "org.p12" in str(caught.value) and "Sai mật khẩu" in str(caught.value)


def test_a_file_that_is_not_p12_is_a_different_error(tmp_path):
    bogus = tmp_path / "chung-thu.pfx"
    bogus.write_bytes(b"not a pkcs12 file")
    with pytest.raises(e.CertificateFileError) as caught:
        load_pkcs12_signer(bogus, P12_PASSWORD)
    assert not isinstance(caught.value, e.WrongPasswordError)
    with pytest.raises(e.CertificateFileError):
        load_pkcs12_signer(tmp_path / "missing.p12", P12_PASSWORD)
