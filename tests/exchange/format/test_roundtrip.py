"""Build → verify round trips on real zips with real Ed25519 signatures."""

from __future__ import annotations

import dataclasses
import hashlib
import unicodedata
import zipfile

import pytest

from cchc_desktop.exchange.format import (
    EvidenceFile,
    Limits,
    TrustedKey,
    build_key_rotation_package,
    build_package,
    fingerprint,
    generate_private_key,
    verify_package,
)
from cchc_desktop.exchange.format import errors as e
from cchc_desktop.exchange.format.keys import raw_public_bytes
from tests.exchange.format.craft import DATA, DOCUMENT, EVIDENCE, FIELDS, build, read_members, resign, write_zip


def test_round_trip_gives_back_data_document_and_evidence(tmp_path, key, lookup):
    path = build(tmp_path, key)
    package = verify_package(path, lookup)
    assert package.data == DATA
    assert package.read_document() == DOCUMENT
    for item in EVIDENCE:
        assert package.read_evidence(hashlib.sha256(item.data).hexdigest()) == item.data
    names = {m.original_name for m in package.manifest.evidence}
    assert names == {"Quyết định 12.pdf", "Ảnh hội nghị.jpg"}


def test_returned_manifest_equals_the_verified_one(tmp_path, key, lookup):
    out = tmp_path / "goi.cchc"
    written = build_package(FIELDS, DATA, DOCUMENT, EVIDENCE, key, out)
    package = verify_package(out, lookup)
    assert package.manifest == written
    assert package.manifest_bytes == written.to_json_bytes()
    assert written.signature.key_fingerprint == fingerprint(key)
    assert written.series == ("42", "18103", "report", 2026, "Q1")
    assert written.signer.on_behalf_of == "TM. Ủy ban nhân dân"


def test_new_package_id_and_vietnam_time_when_not_given(tmp_path, key, lookup):
    fields = dataclasses.replace(FIELDS, created_at=None)
    first = build_package(fields, DATA, None, [], key, tmp_path / "a.cchc")
    second = build_package(fields, DATA, None, [], key, tmp_path / "b.cchc")
    assert first.package_id != second.package_id and len(first.package_id) == 32
    assert first.created_at.endswith("+07:00")
    assert verify_package(tmp_path / "a.cchc", lookup).read_document() is None


def test_text_is_stored_in_nfc(tmp_path, key, lookup):
    decomposed = unicodedata.normalize("NFD", "Tiến độ thực hiện")
    fields = dataclasses.replace(FIELDS, signer=dataclasses.replace(FIELDS.signer, name=decomposed))
    build_package(fields, {"ghi_chu": decomposed}, None, [], key, tmp_path / "x.cchc")
    package = verify_package(tmp_path / "x.cchc", lookup)
    assert package.data["ghi_chu"] == unicodedata.normalize("NFC", decomposed)
    assert package.manifest.signer.name == unicodedata.normalize("NFC", decomposed)


def test_evidence_from_disk_and_duplicates_stored_once(tmp_path, key, lookup):
    scan = tmp_path / "scan.PDF"
    scan.write_bytes(b"%PDF-1.5 " + bytes(range(256)) * 50)
    evidence = [
        EvidenceFile("scan.PDF", "application/pdf", path=scan),
        EvidenceFile("bản sao.pdf", "application/pdf", data=scan.read_bytes()),
    ]
    seen: list[tuple[int, int]] = []
    manifest = build_package(
        FIELDS, DATA, None, evidence, key, tmp_path / "x.cchc", progress=lambda done, total: seen.append((done, total))
    )
    assert seen[-1][0] == seen[-1][1]
    assert len(manifest.evidence) == 1
    member = manifest.evidence[0]
    assert member.name.endswith(".pdf") and member.original_name == "scan.PDF"
    assert verify_package(tmp_path / "x.cchc", lookup).read_evidence(member.sha256) == scan.read_bytes()


def test_progress_reaches_the_total_when_building_and_verifying(tmp_path, key, lookup):
    seen: list[tuple[int, int]] = []
    build(tmp_path, key, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    checked: list[tuple[int, int]] = []
    verify_package(tmp_path / "42-18103_report_2026_Q1_r2.cchc", lookup, progress=lambda d, t: checked.append((d, t)))
    assert checked[-1][0] == checked[-1][1] > 0


def test_the_enrolled_key_that_verified_is_reported(tmp_path, key, other_key):
    path = build(tmp_path, key)
    enrolled = [TrustedKey(other_key.public_key(), key_id=1), TrustedKey(key.public_key(), key_id=2)]
    package = verify_package(path, lambda province, unit: enrolled)
    assert package.key.key_id == 2


def test_unknown_manifest_fields_are_ignored(tmp_path, key, lookup):
    path = build(tmp_path, key)

    def add_future_fields(manifest):
        manifest["delivery_note"] = {"via": "usb"}
        manifest["sender"]["tax_code"] = "123"

    write_zip(path, resign(read_members(path), key, add_future_fields))
    assert verify_package(path, lookup).data == DATA


def test_key_rotation_announces_a_new_key(tmp_path, key, lookup):
    new_key = generate_private_key()
    out = tmp_path / "doi-khoa.cchc"
    manifest = build_key_rotation_package(FIELDS, key, new_key.public_key(), out)
    assert manifest.kind == "key_rotation"
    package = verify_package(out, lookup)
    assert raw_public_bytes(package.read_announced_key()) == raw_public_bytes(new_key)
    assert package.data == {"new_key_fingerprint": fingerprint(new_key)}


def test_rotation_to_the_same_key_is_refused(tmp_path, key):
    with pytest.raises(e.PackageFieldError):
        build_key_rotation_package(FIELDS, key, key.public_key(), tmp_path / "x.cchc")
    assert list(tmp_path.iterdir()) == []


def test_builder_stores_members_that_would_look_like_a_bomb(tmp_path, key, lookup):
    strict = Limits(max_ratio=5, ratio_exempt_below=0)
    data = {"rows": ["giống nhau"] * 5000}
    build_package(FIELDS, data, None, [], key, tmp_path / "x.cchc", limits=strict)
    with zipfile.ZipFile(tmp_path / "x.cchc") as archive:
        assert archive.getinfo("data.json").compress_type == zipfile.ZIP_STORED
    assert verify_package(tmp_path / "x.cchc", lookup, strict).data == data


def test_package_changed_after_verification_is_caught_on_lazy_read(tmp_path, key, lookup):
    path = build(tmp_path, key)
    package = verify_package(path, lookup)
    members = read_members(path)
    evidence_name = package.manifest.evidence[0].name
    tampered = [(n, c[:-1] + b"X" if n == evidence_name else c) for n, c in members]
    write_zip(path, tampered)
    with pytest.raises(e.PackageChangedError) as caught:
        package.read_member(evidence_name)
    assert path.name in str(caught.value)
