"""Receiver fixtures: a provincial office with its roster, its calendar and the demo commune's packages."""

from __future__ import annotations

import pytest

from tests.support.exchange import PASSPHRASE, pub_file_of


@pytest.fixture
def office(demo_path, tmp_path):
    """Sở Nội vụ Hà Tĩnh with the province's roster, its 2026 calendar, and the demo commune's packages."""
    from cchc_desktop.workspace import Workspace, create_receiver

    commune = Workspace.open(demo_path)
    commune.exchange.create_key(PASSPHRASE, PASSPHRASE)
    for problem in commune.exchange.export_problems("assessment", 2026, None):
        if problem.blocking and problem.entity == "criterion_score":
            commune.edit("criterion_score", problem.row_id, "explanation", "Có văn bản lưu tại Văn phòng.")
    folder = tmp_path / "usb"
    folder.mkdir()
    for kind, period in (("plan", None), ("report", "Q1"), ("report", "H1"), ("assessment", None)):
        commune.exchange.export(kind, 2026, period, folder, PASSPHRASE)
    rv = create_receiver(tmp_path / "so.sqlite", "Sở Nội vụ tỉnh Hà Tĩnh", "42")
    pub = pub_file_of(commune)
    rv.exchange.enrol(pub, pub.fingerprint)
    rv.receiver.fill_roster()
    # The demo commune is fictional: its code is in no official list, so the office adds it by hand.
    demo = commune.profile.get()
    rv.receiver.add_unit(province_code="42", unit_code=demo.commune_code, name=demo.name, unit_type=demo.unit_type)
    rv.reports.create_calendar(2026)
    assert all(o.status == "imported" for o in rv.exchange.import_packages([folder]).outcomes)
    yield rv, commune
    rv.close()
    commune.close()
