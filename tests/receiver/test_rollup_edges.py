"""The roll-up at its edges: what a district's file takes from above, what a province counts of a
district, and a consolidation sealed with a certificate."""

from __future__ import annotations

import json
import zipfile

import pytest

from cchc_desktop.kernel.errors import ValidationError
from tests.support.rollup import DISTRICT_PASSPHRASE, YEAR, province_card, province_receipt


def _receipt_imported(rollup_pair, tmp_path):
    """The district's consolidation in at the province, whose receipt the district takes back."""
    district = rollup_pair.district
    written = district.rollup.write(YEAR, "Q1", rollup_pair.stick, DISTRICT_PASSPHRASE)
    rollup_pair.province.exchange.import_packages([written.path])
    receipt = province_receipt(rollup_pair, tmp_path / "xuong")
    pub = district.exchange.read_public_key(province_card(rollup_pair, tmp_path))
    district.exchange.enrol_superior(pub, pub.fingerprint)
    (outcome,) = district.exchange.import_packages([receipt]).outcomes
    assert outcome.status == "imported", outcome.line


def test_a_receipt_at_the_district_is_not_one_of_its_communes_reports(rollup_pair, tmp_path):
    district = rollup_pair.district
    before = {r.unit_code for r in district.receiver.completeness(YEAR).rows}
    _receipt_imported(rollup_pair, tmp_path)
    assert {r.unit_code for r in district.receiver.completeness(YEAR).rows} == before
    assert all(row.kind != "receipt" for row in district.receiver.inbox())
    again = district.rollup.write(YEAR, "Q1", rollup_pair.stick, DISTRICT_PASSPHRASE)
    with zipfile.ZipFile(again.path) as archive:
        units = json.loads(archive.read("data.json"))["completeness"]["units"]
    assert again.manifest.revision == 2 and all(not u["code"].endswith("-00000") for u in units)
    assert {u["code"].split("-")[1] for u in units} == before


def test_a_receipt_sealed_by_the_district_itself_is_not_for_it(rollup_pair, tmp_path):
    from cchc_desktop.exchange.down_export import Addressee, DownPackage, write_down_package
    from cchc_desktop.exchange.format.manifest import Signer

    district = rollup_pair.district
    key = district.exchange.unlock(DISTRICT_PASSPHRASE)
    data = {"payload": "receipt", "payload_version": 1, "year": YEAR, "received": []}
    own = Addressee("42", "90436", "Huyện Can Lộc", "huyen")
    signer = Signer("Huyện Can Lộc", "Văn thư", "")
    path, _ = write_down_package(district, DownPackage("receipt", YEAR, data, signer), own, tmp_path, key)
    (outcome,) = district.exchange.import_packages([path]).outcomes
    assert outcome.status == "refused" and "chính đơn vị mình niêm phong để gửi xuống" in outcome.line


def test_a_letter_to_the_communes_does_not_count_a_district(rollup_pair):
    province = rollup_pair.province
    with pytest.raises(ValidationError, match="Không có đơn vị nào chậm gửi"):
        province.letters.draft(YEAR, "Q1")


def test_a_district_is_not_expected_after_the_reform_even_without_an_end_date(rollup_pair):
    province = rollup_pair.province
    province.receiver.add_unit(province_code="42", unit_code="437", name="Thạch Hà", unit_type="huyen")
    province.reports.create_calendar(2025)
    (row,) = [r for r in province.receiver.completeness(2025).rows if r.unit_code == "90437"]
    assert row.cells["H1"].state != "not_applicable"
    assert row.cells["Q3"].state == row.cells["Y"].state == "not_applicable"


def test_a_consolidation_sealed_with_a_certificate_is_refused(rollup_pair, tmp_path, pki, pki_files):
    from cchc_desktop.exchange.format.seal import CertificateSealer
    from cchc_desktop.receiver.rollup import consolidation_data
    from cchc_desktop.signatures.pkcs12 import load_pkcs12_signer
    from tests.receiver.test_rollup import signed_as
    from tests.signatures.pki import issue, name
    from tests.support.signing import P12_PASSWORD, trust

    district, province = rollup_pair.district, rollup_pair.province
    trust(province, pki_files["root"], pki_files["intermediate"])
    certificate = issue(name("UBND xã Kỳ Phong", "UBND huyện Can Lộc", province="Hà Tĩnh"), pki.intermediate)
    p12 = tmp_path / "xa.p12"
    p12.write_bytes(certificate.pkcs12(P12_PASSWORD.encode("utf-8"), [pki.intermediate.cert]))
    data = consolidation_data(district.letters.consolidation(YEAR, "Q1"), f"{YEAR}-04-20T09:00:00+07:00")
    with load_pkcs12_signer(p12, P12_PASSWORD) as signer:
        path = signed_as(district, data, tmp_path, key=CertificateSealer(signer))
    (outcome,) = province.exchange.import_packages([path]).outcomes
    assert outcome.status == "refused" and "không bằng chứng thư số" in outcome.line
