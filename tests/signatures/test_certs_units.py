"""What a certificate says (chứng thư số) and which roster unit it belongs to."""

from __future__ import annotations

from dataclasses import dataclass

from cchc_desktop.signatures.certs import certificate_fingerprint, summarize, to_asn1
from cchc_desktop.signatures.units import (
    certificate_unit,
    find_unit,
    fold,
    matches_unit,
    names_match,
    split_unit_name,
)


@dataclass(frozen=True)
class RosterUnit:
    code: str
    name: str
    unit_type: str


ROSTER = [
    RosterUnit("18103", "Kỳ Phong", "xa"),
    RosterUnit("18106", "Kỳ Bắc", "xa"),
    RosterUnit("18070", "Kỳ Anh", "phuong"),
    RosterUnit("42", "Hà Tĩnh", "tinh"),
]


def test_summary_reads_names_serial_validity_and_fingerprint(pki):
    summary = summarize(pki.person.cert)
    assert summary.common_name == "Nguyễn Văn A"
    assert summary.subject.startswith("CN=Nguyễn Văn A, T=Chủ tịch, UID=CCCD:042090001234")
    assert summary.values("O") == ("UBND xã Kỳ Phong",) and summary.values("ST") == ("Hà Tĩnh",)
    assert summary.issuer_common_name == "CA phục vụ các cơ quan Đảng, Nhà nước"
    assert int(summary.serial, 16) == pki.person.cert.serial_number
    assert summary.not_before == pki.person.cert.not_valid_before_utc and not summary.is_ca
    assert summary.fingerprint == certificate_fingerprint(pki.person.der)
    assert len(summary.fingerprint.split()) == 16
    assert summarize(to_asn1(pki.person.cert)) == summarize(pki.person.der) == summary
    assert summarize(pki.root.cert).is_ca


def test_fold_ignores_case_diacritics_and_d_stroke():
    assert fold("ỦY BAN NHÂN DÂN  Xã Kỳ Phong") == "uy ban nhan dan xa ky phong"
    assert fold("Đức Thọ") == fold("duc tho") == "duc tho"
    decomposed = "Kỳ Phong".replace("ỳ", "y\u0300")
    assert fold(decomposed) == "ky phong"


def test_unit_names_drop_the_agency_words_and_keep_the_kind():
    assert split_unit_name("Ủy ban nhân dân xã Kỳ Phong") == split_unit_name("UBND xã Kỳ Phong")
    assert split_unit_name("UBND xã Kỳ Phong").kind == "xa"
    assert split_unit_name("UBND thị xã Kỳ Anh").kind == "thi xa"
    assert split_unit_name("Kỳ Phong").kind is None


def test_names_match_tolerantly_but_not_across_kinds():
    assert names_match("UBND xã Kỳ Phong", "Kỳ Phong", "xa")
    assert names_match("ỦY BAN NHÂN DÂN XÃ KỲ PHONG", "xã Ky Phong")
    assert not names_match("UBND xã Kỳ Phong", "Kỳ Bắc", "xa")
    assert not names_match("UBND tỉnh Hà Tĩnh", "Hà Tĩnh", "xa")
    assert not names_match("UBND phường Kỳ Phong", "Kỳ Phong", "xa")


def test_a_certificate_is_matched_to_its_roster_unit(pki):
    org, person = summarize(pki.org.cert), summarize(pki.person.cert)
    assert certificate_unit(org).codes == ("18103",)
    assert matches_unit(org, "Kỳ Phong", "xa") and matches_unit(person, "Kỳ Phong", "xa")
    assert not matches_unit(person, "Kỳ Bắc", "xa")
    found = find_unit(org, ROSTER, name_of=lambda u: u.name, type_of=lambda u: u.unit_type)
    assert found == ROSTER[0]
    by_code = find_unit(org, ROSTER, name_of=lambda u: "?", code_of=lambda u: u.code)
    assert by_code == ROSTER[0]
    assert find_unit(summarize(pki.other_root.cert), ROSTER, name_of=lambda u: u.name) is None
