"""Enrolling a province's keys in one go: read cards and key files from a stick, confirm each row by the
last two groups of its paper card, enrol all confirmed rows in one transaction."""

from __future__ import annotations

import pytest

from cchc_desktop.exchange.import_errors import (
    BatchKeyUnusableError,
    FingerprintTailFormatError,
    FingerprintTailMismatchError,
    FingerprintTailNeededError,
    RevokeChoiceNeededError,
)
from cchc_desktop.receiver.key_batch import KeyChoice
from tests.exchange.craft import build, plan_data
from tests.support.exchange import table_counts
from tests.support.key_batch import COUNT


def _choices(rows, stick, **overrides):
    return [KeyChoice(row, overrides.get(row.code, stick.tail(row.code))) for row in rows if row.needs_confirmation]


def test_thirty_units_from_a_stick_are_enrolled_in_one_action(province_office, key_stick):
    rows = province_office.receiver.read_key_files([key_stick.folder])
    assert len(rows) == COUNT  # a card and the key file beside it are one row
    assert all(row.state == "new" and row.roster == "listed" for row in rows)
    first = next(row for row in rows if row.code == "42-18115")
    assert first.label == "phường Bắc Hồng Lĩnh (mã 42-18115)" and first.notes == ()
    assert first.masked_fingerprint.endswith("•••• ••••")  # the reviewer reads the last two from the card
    assert first.masked_fingerprint[:-10] == key_stick.fingerprints["42-18115"][:-10]
    sources = {len(row.sources) for row in rows}
    assert sources == {1, 2}
    before = table_counts(province_office.conn)["audit_log"]
    result = province_office.receiver.enrol_keys(_choices(rows, key_stick))
    assert len(result.enrolled) == COUNT and result.revoked == 0 and result.skipped == []
    assert result.summary == f"Đã đăng ký {COUNT} khóa, thu hồi 0 khóa cũ, bỏ qua 0 khóa đã đăng ký từ trước."
    keys = province_office.exchange.senders()
    assert {k.fingerprint for k in keys} == set(key_stick.fingerprints.values())
    assert table_counts(province_office.conn)["audit_log"] == before + COUNT
    states = {r.unit.unit_code: r.key_state for r in province_office.receiver.roster_rows()}
    assert sum(1 for s in states.values() if s == "enrolled") == COUNT
    again = province_office.receiver.read_key_files([key_stick.folder])
    assert {row.state for row in again} == {"enrolled"} and not any(row.needs_confirmation for row in again)


@pytest.mark.parametrize(
    "typed, error, words",
    [
        ("", FingerprintTailNeededError, "chưa xác nhận"),
        ("ABC", FingerprintTailFormatError, "Cần đúng 8 ký tự"),
        ("ZZZZ 0000", FingerprintTailFormatError, "chỉ gồm chữ số 0–9 và chữ A–F"),
        ("0000 0000", FingerprintTailMismatchError, "KHÁC khóa trong tệp"),
    ],
)
def test_a_wrong_pair_is_refused_on_its_row_and_nothing_is_enrolled(province_office, key_stick, typed, error, words):
    rows = province_office.receiver.read_key_files([key_stick.folder])
    target = rows[4]
    choices = _choices(rows, key_stick, **{target.code: typed})
    with pytest.raises(error) as raised:
        province_office.receiver.enrol_keys(choices)
    message = str(raised.value)
    assert message.startswith(target.label) and words in message
    assert key_stick.tail(target.code) not in message  # never shown: it must be read from the card
    assert province_office.exchange.senders() == []


def test_the_pair_may_be_typed_any_way(province_office, key_stick):
    rows = province_office.receiver.read_key_files([key_stick.folder])[:2]
    typed = {row.code: key_stick.tail(row.code).lower().replace(" ", "") for row in rows}
    result = province_office.receiver.enrol_keys([KeyChoice(row, f"  {typed[row.code]} ") for row in rows])
    assert len(result.enrolled) == 2


def test_a_unit_with_another_key_needs_thu_hoi_khoa_cu(province_office, key_stick, tmp_path):
    from tests.support.key_batch import write_stick

    rows = province_office.receiver.read_key_files([key_stick.folder])
    province_office.receiver.enrol_keys(_choices(rows, key_stick))
    lost = write_stick(tmp_path / "lai", count=2)  # two communes lost their keys and made new ones
    rows = province_office.receiver.read_key_files([lost.folder])
    by_state = {row.code: row.state for row in rows}
    assert by_state == {"42-18115": "replaces", "42-18685": "replaces"}
    replacing = next(row for row in rows if row.code == "42-18685")
    assert replacing.active_fingerprint == key_stick.fingerprints["42-18685"]
    with pytest.raises(RevokeChoiceNeededError) as raised:
        province_office.receiver.enrol_keys([KeyChoice(replacing, lost.tail("42-18685"))])
    assert "Thu hồi khóa cũ" in str(raised.value) and key_stick.fingerprints["42-18685"] in str(raised.value)
    result = province_office.receiver.enrol_keys([KeyChoice(row, lost.tail(row.code), revoke_old=True) for row in rows])
    assert len(result.enrolled) == 2 and result.revoked == 2
    states = {(k.unit_code, k.fingerprint): k.status for k in province_office.exchange.senders()}
    assert states[("18685", key_stick.fingerprints["42-18685"])] == "revoked"
    assert states[("18685", lost.fingerprints["42-18685"])] == "active"


def test_rows_already_enrolled_are_skipped(province_office, key_stick):
    rows = province_office.receiver.read_key_files([key_stick.folder])
    province_office.receiver.enrol_keys(_choices(rows[:3], key_stick))
    rows = province_office.receiver.read_key_files([key_stick.folder])
    result = province_office.receiver.enrol_keys([KeyChoice(row, key_stick.tail(row.code)) for row in rows])
    assert len(result.enrolled) == COUNT - 3 and len(result.skipped) == 3


def test_what_cannot_be_enrolled_says_why(province_office, key_stick, tmp_path):
    import shutil

    from cchc_desktop.exchange.format import generate_private_key
    from cchc_desktop.exchange.format.keys import public_pem

    odd = tmp_path / "le"
    odd.mkdir()
    (odd / "tron.pub.pem").write_bytes(public_pem(generate_private_key().public_key()))  # no unit named
    (odd / "bao-cao.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")  # a PDF that is no card, picked by name
    (odd / "lac.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")  # the same, found in a folder: not a row
    shutil.copy(next(key_stick.folder.glob("*.pdf")), odd / "ban-sao.pdf")  # the same card twice: one row
    rows = province_office.receiver.read_key_files([odd, odd / "bao-cao.pdf", key_stick.folder])
    unusable = [row for row in rows if row.state == "unusable"]
    assert sorted(row.sources[0] for row in unusable) == ["bao-cao.pdf", "tron.pub.pem"]
    assert all(row.problem for row in unusable) and len(rows) == COUNT + 2
    with pytest.raises(BatchKeyUnusableError) as raised:
        province_office.receiver.enrol_keys([KeyChoice(unusable[0], "0000 0000")])
    assert "không đăng ký được khóa này" in str(raised.value)


def test_a_unit_outside_the_roster_or_named_otherwise_is_noted(province_office, key_stick, tmp_path):
    from cchc_desktop.exchange.format import generate_private_key
    from cchc_desktop.exchange.format.pubfile import UnitIdentity, pub_file_text

    province_office.receiver.remove_units([u.id for u in province_office.receiver.roster() if u.unit_code == "18115"])
    folder = tmp_path / "ten-khac"
    folder.mkdir()
    renamed = UnitIdentity("42", "18685", "Cẩm Bình Cũ", "xa")
    (folder / "a.pub.pem").write_bytes(pub_file_text(generate_private_key().public_key(), renamed, "Khóa", "2026"))
    rows = province_office.receiver.read_key_files([key_stick.folder / "42-18115-phieu-dang-ky-khoa.pdf", folder])
    notes = {row.code: (row.roster, row.notes, row.identity.unit_name) for row in rows}
    assert notes["42-18115"][0] == "official" and "Không có trong danh sách đơn vị của Sở" in notes["42-18115"][1][0]
    assert notes["42-18685"][2] == "Cẩm Bình"  # enrolled under the roster's name
    assert "«Cẩm Bình Cũ»" in notes["42-18685"][1][0]


def test_enrolment_says_which_units_have_packages_held(province_office, key_stick, tmp_path):
    from cchc_desktop.exchange.format.manifest import Sender

    sender = Sender("42", "18685", "Cẩm Bình", "xa")
    path, _ = build(
        tmp_path / "goi", key_stick.keys["42-18685"], "plan", 2027, plan_data(2027, sender=sender), sender=sender
    )
    assert province_office.exchange.import_packages([path]).outcomes[0].status == "held"
    rows = province_office.receiver.read_key_files([key_stick.folder])
    assert next(row for row in rows if row.code == "42-18685").held == 1
    result = province_office.receiver.enrol_keys(_choices(rows, key_stick))
    assert result.held == {("42", "18685"): 1} and result.held_total == 1
    batch = province_office.exchange.import_held(list(result.held))
    assert [o.status for o in batch.outcomes] == ["imported"] and province_office.exchange.held() == []
