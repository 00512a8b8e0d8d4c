"""Biên nhận: the office signs a receipt per commune; the commune's outbox says "đã nhận" by itself."""

from __future__ import annotations

import pytest

from cchc_desktop.kernel.errors import ValidationError
from tests.support.exchange import OFFICE_PASSPHRASE, PASSPHRASE


def _send(commune, folder, *series) -> list[str]:
    ids = []
    for kind, period in series:
        ids.append(commune.exchange.export(kind, 2026, period, folder, PASSPHRASE).manifest.package_id)
    return ids


def test_a_receipt_marks_what_arrived_and_only_that(linked, tmp_path):
    office, commune = linked
    usb = tmp_path / "usb"
    usb.mkdir()
    (plan_id,) = _send(commune, usb, ("plan", None))
    late = tmp_path / "late"
    late.mkdir()
    (second_id,) = _send(commune, late, ("plan", None))  # a resend still on the commune's desk
    assert [o.status for o in office.exchange.import_packages([usb]).outcomes] == ["imported"]
    (due,) = office.receipts.due()
    assert (due.addressee.code, due.addressee.name, due.year, due.packages) == ("42-18544", "Xã Kỳ Phong", 2026, 1)

    back = tmp_path / "bien-nhan"
    back.mkdir()
    written = office.receipts.write(back, OFFICE_PASSPHRASE)
    assert [p.name for p in written.files] == ["42-00000_receipt_2026_den-42-18544_r1.cchc"]
    assert "Đã ghi 1 biên nhận, xác nhận 1 gói" in written.summary
    assert office.receipts.due() == []
    with pytest.raises(ValidationError, match="đều đã có biên nhận"):
        office.receipts.write(back, OFFICE_PASSPHRASE)

    (outcome,) = commune.exchange.import_packages([back]).outcomes
    assert outcome.status == "imported", outcome.line
    assert outcome.line.startswith("Đã nhận biên nhận của Sở Nội vụ tỉnh Hà Tĩnh: 1 gói của đơn vị đã đến nơi")
    rows = {row["package_id"]: row for row in commune.exchange.outbox()}
    assert rows[plan_id]["status"] == "acknowledged" and rows[plan_id]["acknowledged_by"]
    assert rows[second_id]["status"] == "exported"  # not received yet: not marked
    again = commune.exchange.import_packages([back]).outcomes
    assert [o.status for o in again] == ["already"]


def test_receipts_are_cumulative_and_a_newer_one_replaces_the_older(linked, tmp_path):
    office, commune = linked
    first, second, back = (tmp_path / n for n in ("a", "b", "back"))
    for folder in (first, second, back):
        folder.mkdir()
    ids = _send(commune, first, ("plan", None))
    office.exchange.import_packages([first])
    office.receipts.write(back, OFFICE_PASSPHRASE)
    ids += _send(commune, second, ("plan", None))
    office.exchange.import_packages([second])
    (due,) = office.receipts.due()
    assert due.packages == 2  # both revisions are listed again
    office.receipts.write(back, OFFICE_PASSPHRASE)
    outcomes = commune.exchange.import_packages([back]).outcomes
    assert [o.status for o in outcomes] == ["imported", "replaced"]
    assert {row["status"] for row in commune.exchange.outbox()} == {"acknowledged"}


def test_a_receipt_for_another_commune_or_at_the_office_is_refused(linked, tmp_path):
    office, commune = linked
    usb, back = tmp_path / "usb", tmp_path / "back"
    usb.mkdir()
    back.mkdir()
    _send(commune, usb, ("plan", None))
    office.exchange.import_packages([usb])
    office.receipts.write(back, OFFICE_PASSPHRASE)
    (at_office,) = office.exchange.import_packages([back]).outcomes
    assert at_office.refused and "là gói nơi nhận gửi xuống cho xã" in at_office.line
    commune.profile.save(
        type(commune.profile.get()).from_dict({**commune.profile.get().__dict__, "commune_code": "18547"})
    )
    (elsewhere,) = commune.exchange.import_packages([back]).outcomes
    assert elsewhere.refused and "gói gửi cho Xã Kỳ Phong (mã 42-18544), không phải cho đơn vị này" in elsewhere.line


def test_a_receipt_needs_the_offices_key(receiver, commune, tmp_path):
    _send(commune, tmp_path, ("plan", None))
    receiver.exchange.import_packages([tmp_path])
    with pytest.raises(ValidationError) as refused:
        receiver.receipts.write(tmp_path, OFFICE_PASSPHRASE)
    assert "khóa" in str(refused.value) and len(receiver.receipts.due()) == 1
