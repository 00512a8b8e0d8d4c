"""Chữ ký số X.509 cho gói: a detached CMS over manifest bytes, made on the token, verified offline."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from cchc_desktop.signatures import errors as e
from cchc_desktop.signatures.cms import sign_detached
from cchc_desktop.signatures.cms_verify import REVOCATION_NOT_CHECKED, verify_detached
from cchc_desktop.signatures.pkcs12 import load_pkcs12_signer
from cchc_desktop.signatures.trust import load_trust
from tests.signatures.conftest import P12_PASSWORD

MANIFEST = '{"format": "cchc-package", "sender": {"unit_name": "Kỳ Phong"}}\n'.encode()


@pytest.fixture
def token_signature(org_signer) -> bytes:
    return sign_detached(MANIFEST, org_signer)


def _p12_signature(p12_files, which: str) -> bytes:
    with load_pkcs12_signer(p12_files[which], P12_PASSWORD) as signer:
        return sign_detached(MANIFEST, signer)


def test_token_signature_verifies_against_the_test_root(token_signature, pki_files, pki):
    result = verify_detached(MANIFEST, token_signature, load_trust([pki_files["root"]]))
    assert result.signer.common_name == "UBND xã Kỳ Phong"
    assert result.signer.serial == f"{pki.org.cert.serial_number:X}"
    assert result.signer.issuer_common_name == "CA phục vụ các cơ quan Đảng, Nhà nước"
    assert "UID=MNS:18103" in result.signer.subject
    assert [c.common_name for c in result.chain] == [
        "UBND xã Kỳ Phong",
        "CA phục vụ các cơ quan Đảng, Nhà nước",
        "Cơ quan chứng thực số chuyên dùng Chính phủ",
    ]
    assert result.signer.not_before < dt.datetime.now(dt.UTC) < result.signer.not_after
    assert abs((result.signed_at - dt.datetime.now(dt.UTC)).total_seconds()) < 120


def test_no_crl_gives_a_warning_not_a_failure(token_signature, pki_files):
    result = verify_detached(MANIFEST, token_signature, load_trust([pki_files["root"]]))
    assert result.revocation_checked is False and result.warnings == (REVOCATION_NOT_CHECKED,)
    assert "CRL" in result.warning_messages[0]


def test_a_crl_that_does_not_list_the_certificate_counts_as_checked(token_signature, pki_files):
    trust = load_trust([pki_files["root"]], crls=[pki_files["empty_crl"]])
    result = verify_detached(MANIFEST, token_signature, trust)
    assert result.revocation_checked is True and result.warnings == ()


def test_openssl_agrees(token_signature, pki_files, tmp_path):
    (tmp_path / "m.json").write_bytes(MANIFEST)
    (tmp_path / "m.p7s").write_bytes(token_signature)
    done = subprocess.run(
        [
            "openssl",
            "cms",
            "-verify",
            "-binary",
            "-inform",
            "DER",
            "-in",
            "m.p7s",
            "-content",
            "m.json",
            "-CAfile",
            str(pki_files["root"]),
            "-purpose",
            "any",
            "-out",
            "/dev/null",
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "Verification successful" in done.stderr


def test_changed_bytes_break_the_signature(token_signature, pki_files):
    with pytest.raises(e.BadSignatureError) as caught:
        verify_detached(MANIFEST.replace(b"Ky", b"Ka") + b" ", token_signature, load_trust([pki_files["root"]]))
    assert "UBND xã Kỳ Phong" in str(caught.value)


def test_an_untrusted_root_is_refused(token_signature, pki_files):
    with pytest.raises(e.UntrustedCertificateError) as caught:
        verify_detached(MANIFEST, token_signature, load_trust([pki_files["other_root"]]))
    assert "chứng thư gốc" in str(caught.value)
    with pytest.raises(e.UntrustedCertificateError):
        verify_detached(MANIFEST, token_signature, load_trust([]))


def test_a_revoked_certificate_fails_with_the_crl(p12_files, pki_files):
    signature = _p12_signature(p12_files, "revoked")
    trust = load_trust([pki_files["root"]], crls=[pki_files["crl"]])
    with pytest.raises(e.CertificateRevokedError) as caught:
        verify_detached(MANIFEST, signature, trust)
    assert "Hoàng Văn Thu Hồi" in str(caught.value) and "thu hồi" in str(caught.value)
    result = verify_detached(MANIFEST, signature, load_trust([pki_files["root"]]))
    assert result.revocation_checked is False


def test_validity_dates_and_key_usage_are_checked(p12_files, pki_files):
    trust = load_trust([pki_files["root"]])
    with pytest.raises(e.CertificateExpiredError) as expired:
        verify_detached(MANIFEST, _p12_signature(p12_files, "expired"), trust)
    assert "hết hạn" in str(expired.value)
    with pytest.raises(e.CertificateNotYetValidError):
        verify_detached(MANIFEST, _p12_signature(p12_files, "not_yet_valid"), trust)
    with pytest.raises(e.WrongKeyUsageError) as usage:
        verify_detached(MANIFEST, _p12_signature(p12_files, "encryption_only"), trust)
    assert "Phạm Thị Mã Hóa" in str(usage.value)


def test_validity_is_checked_at_the_moment_asked(p12_files, pki_files, pki):
    signature = _p12_signature(p12_files, "expired")
    moment = pki.expired.cert.not_valid_after_utc - dt.timedelta(days=5)
    result = verify_detached(MANIFEST, signature, load_trust([pki_files["root"]]), moment=moment)
    assert result.signer.common_name == "Trần Thị Hết Hạn"


def test_garbage_is_a_malformed_signature(pki_files):
    with pytest.raises(e.VerificationError) as caught:
        verify_detached(MANIFEST, b"\x30\x03\x02\x01\x00", load_trust([pki_files["root"]]))
    assert caught.value.key == "signatures.verify.malformed"


def test_trust_files_that_cannot_be_read_are_typed_errors(tmp_path, pki_files):
    bogus = tmp_path / "goc.pem"
    bogus.write_text("không phải chứng thư", encoding="utf-8")
    with pytest.raises(e.TrustFileError) as caught:
        load_trust([bogus])
    assert "goc.pem" in str(caught.value)
    with pytest.raises(e.TrustFileError):
        load_trust([pki_files["root"]], crls=[pki_files["root"]])
