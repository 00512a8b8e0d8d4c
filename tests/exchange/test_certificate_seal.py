"""A commune seals its package with its certificate; a receiver holding the CA's root takes it without
any enrolment card, names the certificate, and refuses it under an untrusted root."""

from __future__ import annotations

import pytest

from cchc_desktop.exchange.format import errors as e
from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.signing.model import KeySource
from cchc_desktop.signing.task import Credentials
from tests.signatures.pki import ORG_NAME
from tests.support.signing import ORG_KEY_ID, ORG_PIN, ORG_TOKEN, P12_PASSWORD, trust


@pytest.fixture
def province(tmp_path, commune):
    """Sở Nội vụ tỉnh Hà Tĩnh with xã Kỳ Phong on its roster and no key enrolled."""
    from cchc_desktop.workspace import create_receiver

    rv = create_receiver(tmp_path / "so" / "so.sqlite", "Sở Nội vụ tỉnh Hà Tĩnh", "42")
    rv.receiver.add_unit(province_code="42", unit_code="18544", name="Kỳ Phong", unit_type="xa")
    yield rv
    rv.close()


def org_p12(p12_files, name: str = "commune") -> Credentials:
    return Credentials(KeySource("p12", name, path=str(p12_files[name])), P12_PASSWORD)


def test_sealed_with_the_certificate_imports_without_enrolment(commune, province, outbox, p12_files, pki_files):
    result = commune.exchange.export("plan", 2026, None, outbox, org_p12(p12_files))
    assert result.manifest.signature.type == "cms-x509"
    outbox_row = commune.exchange.outbox()[0]
    assert outbox_row["key_fingerprint"] == result.manifest.signature.key_fingerprint

    added = trust(province, pki_files["root"], pki_files["intermediate"], pki_files["empty_crl"])
    assert [entry.kind for entry in added.added] == ["root", "intermediate", "crl"]
    batch = province.exchange.import_packages([result.path])
    outcome = batch.outcomes[0]
    assert outcome.status == "imported", outcome.line
    assert "xã Kỳ Phong (mã 42-18544)" in outcome.line
    issuer = "«CA phục vụ các cơ quan Đảng, Nhà nước»"
    assert f"Niêm phong bằng chứng thư số «UBND xã Kỳ Phong» (do {issuer} cấp, hiệu lực từ" in outcome.line
    assert "chủ thể: CN=UBND xã Kỳ Phong, UID=MNS:18544, O=UBND tỉnh Hà Tĩnh, ST=Hà Tĩnh, C=VN" in outcome.line
    row = province.conn.execute("SELECT * FROM received_packages").fetchone()
    assert row["key_id"] is None and row["seal_certificate"] == ORG_NAME
    assert (row["unit_name"], row["unit_type"]) == ("Kỳ Phong", "xa")
    assert province.exchange.senders() == []  # no enrolment was needed
    (roster_row,) = province.receiver.roster_rows()
    assert roster_row.key_state == "certificate"


def test_without_a_crl_the_result_says_revocation_was_not_checked(commune, province, outbox, p12_files, pki_files):
    result = commune.exchange.export("plan", 2026, None, outbox, org_p12(p12_files))
    trust(province, pki_files["root"])
    outcome = province.exchange.import_packages([result.path]).outcomes[0]
    assert outcome.status == "imported"
    assert any("thu hồi" in note for note in outcome.notes)


def test_under_an_untrusted_root_the_package_is_refused(commune, province, outbox, p12_files, pki_files):
    result = commune.exchange.export("plan", 2026, None, outbox, org_p12(p12_files))
    trust(province, pki_files["other_root"])
    outcome = province.exchange.import_packages([result.path]).outcomes[0]
    assert outcome.status == "refused"
    assert isinstance(outcome.error, e.UntrustedSealError)
    assert province.conn.execute("SELECT count(*) FROM received_packages").fetchone()[0] == 0


def test_with_no_roots_the_refusal_says_where_to_add_them(commune, province, outbox, p12_files):
    result = commune.exchange.export("plan", 2026, None, outbox, org_p12(p12_files))
    outcome = province.exchange.import_packages([result.path]).outcomes[0]
    assert isinstance(outcome.error, e.NoTrustRootsError) and "Chứng thư số tin cậy" in outcome.line


def test_sealed_on_the_token(commune, province, outbox, hsm, pki_files):
    import dataclasses

    # the token's certificate is the agency's of xã Kỳ Phong with code 18103
    commune.profile.save(dataclasses.replace(commune.profile.get(), commune_code="18103"))
    province.receiver.add_unit(province_code="42", unit_code="18103", name="Kỳ Phong", unit_type="xa")
    province.receiver.remove_units([u.id for u in province.receiver.roster() if u.unit_code == "18544"])
    token = Credentials(KeySource("token", "văn thư", module=hsm, token_label=ORG_TOKEN, key_id=ORG_KEY_ID), ORG_PIN)
    result = commune.exchange.export("plan", 2026, None, outbox, token)
    trust(province, pki_files["root"], pki_files["intermediate"])
    assert province.exchange.import_packages([result.path]).outcomes[0].status == "imported"
    assert province.exchange.verify(result.path).line.count("niêm phong bằng chứng thư số «UBND xã Kỳ Phong»") == 1


def test_a_certificate_of_another_unit_is_refused_before_writing(commune, outbox, p12_files):
    with pytest.raises(ValidationError, match="không phải của xã Kỳ Phong .chứng thư ghi mã đơn vị 18103."):
        commune.exchange.export("plan", 2026, None, outbox, org_p12(p12_files, "org"))
    assert list(outbox.iterdir()) == [] and commune.exchange.outbox() == []


def test_an_end_entity_certificate_is_not_a_trust_root(province, tmp_path, pki):
    from cchc_desktop.signatures.errors import TrustFileError

    leaf = tmp_path / "xa.cer"
    leaf.write_bytes(pki.org.pem)
    with pytest.raises(TrustFileError, match="không phải của tổ chức cấp chứng thư"):
        trust(province, leaf)
    junk = tmp_path / "junk.cer"
    junk.write_bytes(b"not a certificate")
    with pytest.raises(TrustFileError, match="junk.cer"):
        trust(province, junk)
    assert province.exchange.trust_entries() == []


def test_adding_twice_keeps_one_and_removing_stops_trusting(commune, province, outbox, p12_files, pki_files):
    trust(province, pki_files["root"])
    again = trust(province, pki_files["root"])
    assert again.added == [] and again.already == 1 and "1 mục đã có" in again.summary
    (entry,) = province.exchange.trust_entries()
    province.exchange.remove_trusted(entry.id)
    result = commune.exchange.export("plan", 2026, None, outbox, org_p12(p12_files))
    assert isinstance(province.exchange.import_packages([result.path]).outcomes[0].error, e.NoTrustRootsError)


def test_a_root_is_kept_only_once_its_fingerprint_was_confirmed(province, pki_files):
    with pytest.raises(ValidationError, match="Chưa đối chiếu dấu vân tay"):
        province.exchange.add_trust_files([pki_files["root"]])
    (entry,) = province.exchange.read_trust_files([pki_files["root"]])
    assert province.exchange.trust_entries() == []
    province.exchange.add_trust_files([pki_files["root"]], [entry.sha256])
    assert [e.fingerprint for e in province.exchange.trust_entries()] == [entry.fingerprint]
    trust(province, pki_files["intermediate"])  # an intermediate needs no confirmation: it chains to a root
