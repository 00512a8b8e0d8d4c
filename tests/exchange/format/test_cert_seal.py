"""Packages sealed with a unit's certificate ("cms-x509"): a test CA chain shaped like the Government
CA's, real .p12 files and a SoftHSM2 token, verified against trust roots and a roster."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from cchc_desktop.exchange.format import build_package, verify_package
from cchc_desktop.exchange.format import errors as e
from cchc_desktop.exchange.format.builder import build_key_rotation_package
from cchc_desktop.exchange.format.cert_seal import CertificatePolicy, SealUnit, seal_description
from cchc_desktop.exchange.format.keys import generate_private_key
from cchc_desktop.exchange.format.manifest import Sender
from cchc_desktop.exchange.format.seal import CertificateSealer
from cchc_desktop.signatures.pkcs12 import load_pkcs12_signer
from cchc_desktop.signatures.trust import load_trust
from tests.exchange.format.craft import DATA, DOCUMENT, FIELDS, read_members, replace_member, write_zip
from tests.signatures.pki import NOW, ORG_NAME, issue, name
from tests.support.signing import ORG_KEY_ID, ORG_PIN, ORG_TOKEN, P12_PASSWORD

KY_PHONG = SealUnit("42", "18103", "Kỳ Phong", "xa", "xã Kỳ Phong (mã 42-18103)", key_id=7)
KY_XUAN = SealUnit("42", "18104", "Kỳ Xuân", "xa", "xã Kỳ Xuân (mã 42-18104)", key_id=8)
ROSTER = (KY_PHONG, KY_XUAN)


def policy(pki_files, *roots: str, crls: tuple[str, ...] = (), units=ROSTER) -> CertificatePolicy:
    trust = load_trust([pki_files[r] for r in roots], [pki_files[c] for c in crls], [pki_files["intermediate"]])
    return CertificatePolicy(trust, units, "Hà Tĩnh")


def with_crls(pki_files, *crls) -> CertificatePolicy:
    """The test root and intermediate trusted, with the CRL files ``crls``."""
    return CertificatePolicy(load_trust([pki_files["root"]], crls, [pki_files["intermediate"]]), ROSTER, "Hà Tĩnh")


def expired_ky_phong(pki, *, lived_days: int, expired_days_ago: int):
    """A certificate of xã Kỳ Phong (18103) that expired ``expired_days_ago`` days ago."""
    return issue(
        name("UBND xã Kỳ Phong", "UBND tỉnh Hà Tĩnh", uid="MNS:18103", province="Hà Tĩnh"),
        pki.intermediate,
        not_before=NOW - dt.timedelta(days=expired_days_ago + lived_days),
        not_after=NOW - dt.timedelta(days=expired_days_ago),
    )


def sealed(tmp_path, p12_files, who: str = "org", fields=FIELDS, signing_time=None):
    out = tmp_path / f"{who}.cchc"
    with load_pkcs12_signer(p12_files[who], P12_PASSWORD) as signer:
        build_package(fields, DATA, DOCUMENT, [], CertificateSealer(signer, signing_time), out)
    return out


def sealed_by(tmp_path, identity, pki, fields=FIELDS, signing_time=None):
    """A package sealed with a certificate made for the test (``identity``: an ``Issued``)."""
    p12 = tmp_path / "made.p12"
    p12.write_bytes(identity.pkcs12(P12_PASSWORD.encode("utf-8"), [pki.intermediate.cert]))
    out = tmp_path / "made.cchc"
    with load_pkcs12_signer(p12, P12_PASSWORD) as signer:
        build_package(fields, DATA, DOCUMENT, [], CertificateSealer(signer, signing_time), out)
    return out


def no_keys(province, unit):
    return []


def test_sealed_by_the_communes_certificate_verifies_without_enrolment(tmp_path, p12_files, pki_files):
    package = verify_package(sealed(tmp_path, p12_files), no_keys, certificates=policy(pki_files, "root"))
    assert package.manifest.signature.type == "cms-x509"
    assert package.key.certificate is not None and package.key.certificate.common_name == ORG_NAME
    assert package.key.label == "xã Kỳ Phong (mã 42-18103)" and package.key.key_id == 7
    assert package.key.public_key is None
    assert package.key.fingerprint == package.manifest.signature.key_fingerprint
    assert any("thu hồi" in note for note in package.key.notes)  # no CRL: said, not refused
    assert "UBND xã Kỳ Phong" in seal_description(package.key)
    assert package.read_document() == DOCUMENT


def test_a_crl_of_the_issuer_checks_revocation(tmp_path, p12_files, pki_files):
    package = verify_package(
        sealed(tmp_path, p12_files), no_keys, certificates=policy(pki_files, "root", crls=("empty_crl",))
    )
    assert package.key.notes == ()


def test_a_revoked_certificate_is_refused(tmp_path, p12_files, pki_files):
    with pytest.raises(e.CertificateSealError, match="thu hồi"):
        verify_package(
            sealed(tmp_path, p12_files, "revoked"), no_keys, certificates=policy(pki_files, "root", crls=("crl",))
        )


def test_an_untrusted_root_is_refused_and_says_how_to_add_one(tmp_path, p12_files, pki_files):
    with pytest.raises(e.UntrustedSealError, match="Chứng thư số tin cậy"):
        verify_package(sealed(tmp_path, p12_files), no_keys, certificates=policy(pki_files, "other_root"))


def test_no_roots_at_all_says_where_to_add_them(tmp_path, p12_files):
    with pytest.raises(e.NoTrustRootsError, match="chưa nạp chứng thư gốc"):
        verify_package(sealed(tmp_path, p12_files), no_keys)


def test_a_changed_manifest_breaks_the_seal(tmp_path, p12_files, pki_files):
    path = sealed(tmp_path, p12_files)
    members = read_members(path)
    manifest = json.loads(dict(members)["manifest.json"])
    manifest["signer"]["name"] = "Người Khác"
    changed = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True).encode() + b"\n"
    write_zip(path, replace_member(members, "manifest.json", changed))
    with pytest.raises(e.SignatureMismatchError):
        verify_package(path, no_keys, certificates=policy(pki_files, "root"))


def test_a_unit_not_on_the_roster_is_named_by_its_codes(tmp_path, p12_files, pki_files):
    fields = dataclasses.replace(FIELDS, sender=Sender("42", "18544", "Hương Xuân", "xa"))
    with pytest.raises(e.SealUnitUnknownError, match="không có trong danh sách"):
        verify_package(sealed(tmp_path, p12_files, fields=fields), no_keys, certificates=policy(pki_files, "root"))


def test_one_units_certificate_cannot_seal_another_units_package(tmp_path, p12_files, pki_files):
    fields = dataclasses.replace(FIELDS, sender=Sender("42", "18104", "Kỳ Xuân", "xa"))
    with pytest.raises(e.SealUnitMismatchError, match="UBND xã Kỳ Phong") as refused:
        verify_package(sealed(tmp_path, p12_files, fields=fields), no_keys, certificates=policy(pki_files, "root"))
    assert "xã Kỳ Xuân (mã 42-18104)" in str(refused.value) and "mã đơn vị 18103" in str(refused.value)


def test_a_namesake_of_another_province_is_not_the_unit(tmp_path, pki, pki_files):
    elsewhere = issue(name("UBND xã Kỳ Phong", "UBND tỉnh Nghệ An", province="Nghệ An"), pki.intermediate)
    with pytest.raises(e.SealUnitMismatchError, match="thuộc tỉnh «Nghệ An»"):
        verify_package(sealed_by(tmp_path, elsewhere, pki), no_keys, certificates=policy(pki_files, "root"))


def test_a_name_alone_must_fit_one_unit_of_the_roster(tmp_path, pki, pki_files):
    by_name = issue(name("UBND xã Kỳ Phong", "UBND tỉnh Hà Tĩnh", province="Hà Tĩnh"), pki.intermediate)
    path = sealed_by(tmp_path, by_name, pki)
    assert verify_package(path, no_keys, certificates=policy(pki_files, "root")).key.label == KY_PHONG.label
    namesake = SealUnit("42", "18099", "Kỳ Phong", "xa", "xã Kỳ Phong (mã 42-18099)")
    with pytest.raises(e.SealUnitMismatchError, match="trùng với cả đơn vị khác"):
        verify_package(path, no_keys, certificates=policy(pki_files, "root", units=(*ROSTER, namesake)))
    merged_away = dataclasses.replace(namesake, ended="2025-06-30")  # an old unit does not make it ambiguous
    package = verify_package(path, no_keys, certificates=policy(pki_files, "root", units=(*ROSTER, merged_away)))
    assert package.key.label == KY_PHONG.label


def _crl_of(pki, tmp_path, issued: dt.datetime, revoked=()):
    """A CRL of the intermediate issued at ``issued`` (a week's validity), listing ``revoked``."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization

    builder = x509.CertificateRevocationListBuilder().issuer_name(pki.intermediate.cert.subject)
    builder = builder.last_update(issued).next_update(issued + dt.timedelta(days=7))
    for cert in revoked:
        entry = x509.RevokedCertificateBuilder().serial_number(cert.serial_number).revocation_date(issued)
        builder = builder.add_revoked_certificate(entry.build())
    path = tmp_path / f"crl-{issued:%Y%m%d}.pem"
    path.write_bytes(builder.sign(pki.intermediate.key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM))
    return path


def test_expired_since_signing_is_accepted_when_a_crl_of_that_time_shows_it_unrevoked(
    tmp_path, p12_files, pki, pki_files
):
    while_valid = NOW - dt.timedelta(days=100)
    path = sealed(tmp_path, p12_files, "expired", signing_time=while_valid)
    between = _crl_of(pki, tmp_path, NOW - dt.timedelta(days=50))  # after signing, before its expiry
    package = verify_package(path, no_keys, certificates=with_crls(pki_files, between))
    assert any("đã hết hạn" in note and "khi chứng thư còn hiệu lực" in note for note in package.key.notes)
    # a CRL issued after its expiry proves nothing (a CA may drop expired certificates), nor does none
    for crls in ([pki_files["empty_crl"]], []):
        with pytest.raises(e.CertificateSealError, match="phát hành trong khoảng từ ngày ký gói"):
            verify_package(path, no_keys, certificates=with_crls(pki_files, *crls))


def test_an_expired_and_revoked_certificate_backdating_its_seal_is_refused(tmp_path, pki, pki_files):
    old = expired_ky_phong(pki, lived_days=390, expired_days_ago=10)
    path = sealed_by(tmp_path, old, pki, signing_time=NOW - dt.timedelta(days=100))
    listing = _crl_of(pki, tmp_path, NOW - dt.timedelta(days=1), revoked=[old.cert])
    with pytest.raises(e.CertificateSealError, match="thu hồi"):
        verify_package(path, no_keys, certificates=with_crls(pki_files, listing))


def test_long_expired_is_refused_even_with_a_crl(tmp_path, pki, pki_files):
    long_ago = expired_ky_phong(pki, lived_days=710, expired_days_ago=90)
    path = sealed_by(tmp_path, long_ago, pki, signing_time=NOW - dt.timedelta(days=200))
    with pytest.raises(e.CertificateSealError, match="hết hạn"):
        verify_package(path, no_keys, certificates=policy(pki_files, "root", crls=("empty_crl",)))


def test_signed_after_expiry_is_refused(tmp_path, p12_files, pki_files):
    with pytest.raises(e.CertificateSealError, match="hết hạn"):
        verify_package(sealed(tmp_path, p12_files, "expired"), no_keys, certificates=policy(pki_files, "root"))


def test_a_key_rotation_is_never_sealed_with_a_certificate(tmp_path, p12_files):
    with load_pkcs12_signer(p12_files["org"], P12_PASSWORD) as signer, pytest.raises(e.PackageFieldError):
        build_key_rotation_package(
            FIELDS, CertificateSealer(signer), generate_private_key().public_key(), tmp_path / "x.cchc"
        )


def test_sealed_on_the_token_verifies_and_fails_under_an_untrusted_root(tmp_path, hsm, pki_files):
    from cchc_desktop.signatures.token_signer import open_token_signer

    out = tmp_path / "token.cchc"
    with open_token_signer(hsm, ORG_PIN, token_label=ORG_TOKEN, key_id=ORG_KEY_ID) as signer:
        build_package(FIELDS, DATA, None, [], CertificateSealer(signer), out)
    package = verify_package(out, no_keys, certificates=policy(pki_files, "root"))
    assert package.key.certificate is not None and package.key.certificate.common_name == ORG_NAME
    with pytest.raises(e.UntrustedSealError):
        verify_package(out, no_keys, certificates=policy(pki_files, "other_root"))


def test_a_damaged_seal_is_refused_as_such(tmp_path, p12_files, pki_files):
    path = sealed(tmp_path, p12_files)
    write_zip(path, replace_member(read_members(path), "manifest.sig", b"\x30\x03\x02\x01\x01"))
    with pytest.raises(e.CertificateSealError):
        verify_package(path, no_keys, certificates=policy(pki_files, "root"))


def test_the_seal_verifies_by_hand_with_openssl(tmp_path, p12_files, pki_files):
    """docs/package-format.md §3.4: the command given there accepts the seal and refuses a changed manifest."""
    import subprocess
    import zipfile

    with zipfile.ZipFile(sealed(tmp_path, p12_files)) as archive:
        archive.extractall(tmp_path / "x")
    command = ["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", str(tmp_path / "x/manifest.sig")]
    command += ["-content", str(tmp_path / "x/manifest.json"), "-CAfile", str(pki_files["root"]), "-purpose", "any"]
    command += ["-certfile", str(pki_files["intermediate"]), "-out", str(tmp_path / "out")]
    checked = subprocess.run(command, capture_output=True, text=True)
    assert checked.returncode == 0 and "Verification successful" in checked.stderr
    manifest = tmp_path / "x/manifest.json"
    manifest.write_bytes(manifest.read_bytes().replace("Kỳ Phong".encode(), b"Ky Phong"))
    assert subprocess.run(command, capture_output=True).returncode != 0
