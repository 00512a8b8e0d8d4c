"""Khung năm: the office edits the year's framework and sends it to each commune; the commune's plan,
calendar and self-assessment start from it; what the commune sends back names it."""

from __future__ import annotations

import hashlib

import pytest

from cchc_desktop.framework.content import canonical_json
from cchc_desktop.kernel.errors import ValidationError
from tests.support.exchange import OFFICE_PASSPHRASE, PASSPHRASE

YEAR = 2027


def _row(office, entity: str, code: str, year: int = YEAR):
    return next(r for r in office.frameworks.rows(year, entity) if r.code == code)


def _edited(office, year: int = YEAR) -> None:
    """The office renames an area, asks a higher target, moves a due date and moves half a point."""
    office.frameworks.prepare(year)
    office.edit("framework_area", _row(office, "framework_area", "TTHC", year).id, "name", "Cải cách TTHC")
    office.edit("framework_indicator", _row(office, "framework_indicator", "CX-05", year).id, "target", "97,5")
    office.edit("framework_period", _row(office, "framework_period", "Q1", year).id, "due_date", "25/03/" + str(year))
    office.edit("framework_criterion", _row(office, "framework_criterion", "1.1.1", year).id, "max_points", "1,5")
    office.edit("framework_criterion", _row(office, "framework_criterion", "1.1.2", year).id, "max_points", "0,5")


def _send(office, tmp_path, year: int = YEAR):
    folder = tmp_path / f"khung-{year}"
    folder.mkdir()
    return office.frameworks.export(year, folder, OFFICE_PASSPHRASE)


def test_the_framework_goes_down_and_the_communes_work_comes_back_under_it(linked, tmp_path):
    office, commune = linked
    _edited(office)
    assert office.frameworks.problems(YEAR) == []
    written = _send(office, tmp_path)
    assert [p.name for p in written.files] == [f"42-00000_framework_{YEAR}_den-42-18544_r1.cchc"]
    assert written.framework_id == f"khung-cchc-42-{YEAR}"
    content = office.frameworks.content(YEAR)
    assert written.hash == hashlib.sha256(canonical_json(content)).hexdigest()
    assert office.frameworks.get(YEAR).published_hash == written.hash
    assert "Đã ghi khung năm 2027 cho 1 xã" in written.summary

    (outcome,) = commune.exchange.import_packages([written.files[0].parent]).outcomes
    assert outcome.status == "imported", outcome.line
    assert outcome.line.startswith("Đã nhận khung năm của Sở Nội vụ tỉnh Hà Tĩnh: khung năm 2027")
    assert "giữ nguyên" not in outcome.line

    plan = commune.plans.create(YEAR)
    assert (plan.framework_id, plan.framework_hash) == (written.framework_id, written.hash)
    agg = commune.plans.aggregate(plan.id)
    assert next(a for a in agg.areas if a.code == "TTHC").display_name == "Cải cách TTHC"
    assert next(i for i in agg.indicators if i.code == "CX-05").target == 97.5
    commune.reports.create_calendar(YEAR)
    assert commune.reports.period(YEAR, "Q1").due_date == f"{YEAR}-03-25"
    commune.assessment.start(YEAR)
    maxima = {line.criterion.code: line.criterion.max_points for line in commune.assessment.view(YEAR, {}).lines}
    assert (maxima["1.1.1"], maxima["1.1.2"], maxima["1.1"]) == (1.5, 0.5, 2)

    back = tmp_path / "xa-gui"
    back.mkdir()
    sent = commune.exchange.export("assessment", YEAR, None, back, PASSPHRASE)
    assert (sent.manifest.framework.id, sent.manifest.framework.hash) == (written.framework_id, written.hash)
    (received,) = office.exchange.import_packages([back]).outcomes
    assert received.status == "imported", received.line
    row = office.conn.execute("SELECT framework_id, framework_hash FROM received_packages WHERE kind = 'assessment'")
    assert tuple(row.fetchone()) == (written.framework_id, written.hash)


def test_a_plan_started_before_the_framework_is_kept(linked, tmp_path):
    office, commune = linked  # the commune issued its 2026 plan from its own framework
    before = commune.plans.current(2026)
    _edited(office, 2026)
    written = _send(office, tmp_path, 2026)
    (outcome,) = commune.exchange.import_packages([written.files[0]]).outcomes
    assert outcome.status == "imported", outcome.line
    assert "kế hoạch năm 2026 đã lập trước nên được giữ nguyên" in outcome.line
    after = commune.plans.current(2026)
    assert (after.id, after.framework_hash) == (before.id, before.framework_hash)
    with pytest.raises(ValidationError):
        commune.plans.create(2026)


def test_packages_made_under_an_older_framework_still_import(linked, tmp_path):
    office, commune = linked
    _edited(office)
    first = _send(office, tmp_path)
    commune.exchange.import_packages([first.files[0]])
    commune.assessment.start(YEAR)
    office.edit("framework_criterion", _row(office, "framework_criterion", "1.1.1").id, "max_points", "1")
    office.edit("framework_criterion", _row(office, "framework_criterion", "1.1.2").id, "max_points", "1")
    folder = tmp_path / "lan-2"
    folder.mkdir()
    second = office.frameworks.export(YEAR, folder, OFFICE_PASSPHRASE)
    assert second.hash != first.hash
    back = tmp_path / "xa-gui"
    back.mkdir()
    commune.exchange.export("assessment", YEAR, None, back, PASSPHRASE)
    (received,) = office.exchange.import_packages([back]).outcomes
    assert received.status == "imported", received.line
    row = office.conn.execute("SELECT framework_hash FROM received_packages WHERE kind = 'assessment'").fetchone()
    assert row[0] == first.hash


def test_points_that_do_not_add_up_stop_the_framework(linked, tmp_path):
    office, _ = linked
    office.frameworks.prepare(YEAR)
    office.edit("framework_criterion", _row(office, "framework_criterion", "1.1.1").id, "max_points", "2")
    (problem,) = office.frameworks.problems(YEAR)
    assert "1.1" in problem
    with pytest.raises(ValidationError, match="chưa gửi được vì còn 1 lỗi"):
        _send(office, tmp_path)


def test_a_framework_whose_content_does_not_match_its_hash_is_refused(linked, tmp_path):
    from dataclasses import replace

    from cchc_desktop.exchange import keyring
    from cchc_desktop.exchange.down_export import write_down_package

    office, commune = linked
    _edited(office)
    service = office.frameworks
    (addressee,) = service.addressees()
    content = service.content(YEAR)
    package = service._package(service.get(YEAR), content, "0" * 64)
    folder = tmp_path / "sai"
    folder.mkdir()
    key = keyring.unlock(office, OFFICE_PASSPHRASE)
    write_down_package(office, replace(package, data=dict(package.data)), addressee, folder, key)
    (outcome,) = commune.exchange.import_packages([folder]).outcomes
    assert outcome.refused and "không khớp mã kiểm tra" in outcome.line
    assert commune.conn.execute("SELECT count(*) FROM frameworks").fetchone()[0] == 0
