"""Roll-up: a district sends its consolidation up as a signed package; the province imports and reads it."""

from __future__ import annotations

import json
import zipfile

import pytest

from tests.support.rollup import DISTRICT_PASSPHRASE, YEAR


def test_the_district_card_names_its_code_and_the_province_enrols_it(rollup_pair):
    key = next(k for k in rollup_pair.province.exchange.senders())
    assert (key.province_code, key.unit_code, key.unit_type) == ("42", "90436", "huyen")
    assert key.sender_label == "Ủy ban nhân dân huyện Can Lộc (mã 42-90436)"  # its own name, no word added
    roster = {u.unit_code: u for u in rollup_pair.province.receiver.roster()}
    assert roster["90436"].unit_type == "huyen" and roster["90436"].valid_to == "2025-06-30"


def test_round_trip_district_to_province(rollup_pair):
    district, province = rollup_pair.district, rollup_pair.province
    written = district.rollup.write(YEAR, "Q1", rollup_pair.stick, DISTRICT_PASSPHRASE)
    assert written.path.name == f"42-90436_consolidation_{YEAR}_Q1_r1.cchc"
    with zipfile.ZipFile(written.path) as z:
        data = json.loads(z.read("data.json"))
        manifest = json.loads(z.read("manifest.json"))
    assert manifest["sender"] == {
        "province_code": "42",
        "unit_code": "90436",
        "unit_name": "Ủy ban nhân dân huyện Can Lộc",
        "unit_type": "huyen",
    }
    assert manifest["receiver"] == {"level": "tinh", "name": "Sở Nội vụ tỉnh Hà Tĩnh"}
    assert data["payload"] == "consolidation" and data["period"]["code"] == "Q1"
    assert len(data["completeness"]["units"]) >= 4
    batch = province.exchange.import_packages([written.path])
    assert [o.status for o in batch.outcomes] == ["imported"], [o.line for o in batch.outcomes]
    row = next(r for r in province.receiver.inbox() if r.kind == "consolidation")
    assert row.what.startswith("Báo cáo tổng hợp") and row.revision == 1
    (report,) = province.rollup.received()
    assert report.code == "42-90436" and report.unit_name == "Huyện Can Lộc"
    assert len(report.communes) == len(data["completeness"]["units"])


def signed_as(ws, data, folder, *, sender=None, key=None, name="goi.cchc"):
    """A consolidation package with ``data`` as data.json, signed by the district (or ``sender``/``key``)."""
    import uuid

    from cchc_desktop.exchange import keyring
    from cchc_desktop.exchange.format.builder import ManifestFields, build_package, now_vietnam
    from cchc_desktop.exchange.format.manifest import Receiver, Sender, Signer

    fields = ManifestFields(
        kind="consolidation",
        sender=sender or Sender("42", "90436", "Ủy ban nhân dân huyện Can Lộc", "huyen"),
        receiver=Receiver("Sở Nội vụ tỉnh Hà Tĩnh", "tinh"),
        year=YEAR,
        period=data["period"]["code"],
        revision=1,
        signer=Signer("Trần Văn Huyện", "Chủ tịch"),
        package_id=uuid.uuid4().hex,
        created_at=now_vietnam(),
    )
    key = key or keyring.unlock(ws, DISTRICT_PASSPHRASE)
    build_package(fields, data, None, [], key, folder / name)
    return folder / name


def _figure(code, numerator, denominator):
    from cchc_desktop.receiver.indicators import UnitFigure

    value = 100 * numerator / denominator
    return UnitFigure(
        "42",
        code,
        f"Xã {code}",
        "CT1",
        "Tỷ lệ hồ sơ đúng hạn",
        "%",
        ">=",
        90,
        None,
        numerator,
        denominator,
        value,
        value,
        "met",
    )


def test_the_payload_carries_sums_not_averaged_percentages(rollup_pair):
    """3/4 and 1/100 make 4/104 (3,85 %), not the mean of 75 % and 1 % (38 %)."""
    import dataclasses

    from cchc_desktop.receiver.indicators import consolidate
    from cchc_desktop.receiver.rollup import consolidation_data

    district = rollup_pair.district
    read = district.letters.consolidation(YEAR, "Q1")
    read = dataclasses.replace(read, indicators=consolidate([_figure("18001", 3, 4), _figure("18002", 1, 100)]))
    data = consolidation_data(read, f"{YEAR}-04-20T09:00:00+07:00")
    (item,) = data["indicators"]
    assert (item["numerator"], item["denominator"]) == (4, 104)
    assert [(u["numerator"], u["denominator"]) for u in item["units"]] == [(3, 4), (1, 100)]
    path = signed_as(district, data, rollup_pair.stick)
    outcomes = rollup_pair.province.exchange.import_packages([path]).outcomes
    assert outcomes[0].status == "imported", outcomes[0].line
    (report,) = rollup_pair.province.rollup.received()
    (shown,) = report.indicators
    assert shown.rate == pytest.approx(100 * 4 / 104)
    assert shown.figure_text.startswith("3,8") and (shown.numerator, shown.denominator) == (4, 104)
    assert abs(shown.rate - 38.0) > 30  # the mean of 75 % and 1 %


def test_real_figures_are_sent_as_sums(rollup_pair):
    written = rollup_pair.district.rollup.write(YEAR, "Q1", rollup_pair.stick, DISTRICT_PASSPHRASE)
    with zipfile.ZipFile(written.path) as z:
        data = json.loads(z.read("data.json"))
    rated = [i for i in data["indicators"] if i["is_rate"] and len(i["units"]) >= 2]
    assert rated
    for item in rated:
        assert item["numerator"] == pytest.approx(sum(u["numerator"] or 0 for u in item["units"]))
        assert item["denominator"] == pytest.approx(sum(u["denominator"] or 0 for u in item["units"]))


def test_a_resend_supersedes_the_previous_revision(rollup_pair):
    district, province = rollup_pair.district, rollup_pair.province
    first = district.rollup.write(YEAR, "Q1", rollup_pair.stick, DISTRICT_PASSPHRASE)
    second = district.rollup.write(YEAR, "Q1", rollup_pair.stick, DISTRICT_PASSPHRASE)
    assert second.manifest.revision == 2 and second.manifest.supersedes == first.manifest.package_id
    outcomes = province.exchange.import_packages([first.path, second.path]).outcomes
    assert [o.status for o in outcomes] == ["imported", "replaced"], [o.line for o in outcomes]
    rows = [r for r in province.receiver.inbox() if r.kind == "consolidation"]
    assert sorted((r.revision, r.current) for r in rows) == [(1, False), (2, True)]
    (report,) = province.rollup.received()
    assert report.revision == 2
    again = province.exchange.import_packages([first.path]).outcomes
    assert again[0].status == "already"  # the same file again changes nothing


def test_the_document_is_the_districts_consolidated_report(rollup_pair, tmp_path):
    from tests.support.documents import pdftotext

    written = rollup_pair.district.rollup.write(YEAR, "H1", rollup_pair.stick, DISTRICT_PASSPHRASE)
    province = rollup_pair.province
    province.exchange.import_packages([written.path])
    row = next(r for r in province.receiver.inbox() if r.kind == "consolidation")
    pdf = tmp_path / "bc.pdf"
    pdf.write_bytes(province.exchange.received_document(row.id))
    text = " ".join(pdftotext(pdf).split())
    for phrase in (
        "BÁO CÁO",
        "Kính gửi: Sở Nội vụ tỉnh Hà Tĩnh",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Trần Văn Huyện",
        "6 tháng đầu năm",
        "/BC-UBND",
    ):
        assert phrase in text, phrase
    assert "DỰ THẢO" not in text


def test_the_batch_enrolment_takes_the_district_card_against_its_roster_row(district_template, tmp_path):
    """Many cards at once (a USB stick): the district's is named as the roster names it and enrolled."""
    import shutil

    from cchc_desktop.exchange.keyring import write_card
    from cchc_desktop.receiver.key_batch import KeyChoice
    from cchc_desktop.workspace import Workspace, create_receiver

    shutil.copy(district_template, tmp_path / "huyen.sqlite")
    with Workspace.open(tmp_path / "huyen.sqlite") as district:
        write_card(district, tmp_path / "usb" / "42-90436-phieu-dang-ky-khoa.pdf")
    with create_receiver(tmp_path / "so.sqlite", "Sở Nội vụ tỉnh Hà Tĩnh", "42") as province:
        province.receiver.add_unit(province_code="42", unit_code="436", name="Can Lộc", unit_type="huyen")
        (row,) = province.receiver.read_key_files([tmp_path / "usb"])
        assert (row.code, row.roster, row.identity.unit_type) == ("42-90436", "listed", "huyen")
        tail = " ".join(row.fingerprint.split()[-2:])
        result = province.receiver.enrol_keys([KeyChoice(row, tail)])
        assert len(result.enrolled) == 1
        assert [(k.unit_code, k.unit_type) for k in province.exchange.senders()] == [("90436", "huyen")]


def test_a_commune_enrols_the_district_card_as_its_superiors_key(rollup_pair, commune):
    """The same card serves the communes below: kept under 00000, the code the district signs going down with."""
    pub = commune.exchange.read_public_key(rollup_pair.card)
    assert (pub.identity.unit_code, pub.identity.unit_type) == ("90436", "huyen")
    key = commune.exchange.enrol_superior(pub, pub.fingerprint)
    assert (key.province_code, key.unit_code) == ("42", "00000")
    assert [k.fingerprint for k in commune.exchange.superior_keys()] == [pub.fingerprint]


def test_no_district_reports_a_period_after_the_2025_reform(rollup_pair):
    from cchc_desktop.kernel.errors import ValidationError

    rollup_pair.district.reports.create_calendar(2025)
    rollup_pair.district.rollup.check(2025, "H1")  # 15/12/2024 – 14/6/2025: still a district's
    with pytest.raises(ValidationError, match="sau ngày 30/6/2025, khi cấp huyện đã không còn"):
        rollup_pair.district.rollup.check(2025, "Q3")


def test_at_the_province_a_district_sends_consolidations_not_plans(rollup_pair):
    district, province = rollup_pair.district, rollup_pair.province
    written = district.rollup.write(YEAR, "Q1", rollup_pair.stick, DISTRICT_PASSPHRASE)
    province.exchange.import_packages([written.path])
    matrix = province.receiver.completeness(YEAR)
    (row,) = [r for r in matrix.rows if r.unit_code == "90436"]
    assert row.cells["plan"].state == row.cells["assessment"].state == "not_applicable"
    assert row.cells["Q1"].state in ("on_time", "late")
    assert matrix.rates["Q1"].expected == 0  # the communes' rate: a district is not one more commune


def test_the_province_receipts_a_consolidation_and_the_districts_outbox_says_so(rollup_pair, tmp_path):
    from cchc_desktop.exchange.import_errors import SenderIdentityError
    from tests.support.rollup import province_card, province_receipt

    district, province = rollup_pair.district, rollup_pair.province
    written = district.rollup.write(YEAR, "Q1", rollup_pair.stick, DISTRICT_PASSPHRASE)
    province.exchange.import_packages([written.path])
    (due,) = province.receipts.due()
    assert (due.addressee.unit_code, due.addressee.unit_type, due.packages) == ("90436", "huyen", 1)
    receipt = province_receipt(rollup_pair, tmp_path / "xuong")
    pub = district.exchange.read_public_key(province_card(rollup_pair, tmp_path))
    district.exchange.enrol_superior(pub, pub.fingerprint)
    (outcome,) = district.exchange.import_packages([receipt]).outcomes
    assert outcome.status == "imported", outcome.line
    (row,) = [r for r in district.exchange.outbox() if r["kind"] == "consolidation"]
    assert row["status"] == "acknowledged" and row["acknowledged_by"]
    # a district's card is not its province's: refused as a superior
    with pytest.raises(SenderIdentityError, match="Sở Nội vụ tỉnh Hà Tĩnh"):
        province_pub = district.exchange.read_public_key(rollup_pair.card)
        district.exchange.enrol_superior(province_pub, province_pub.fingerprint)
