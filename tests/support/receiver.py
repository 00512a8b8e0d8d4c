"""Receiver fixtures: a provincial office with its roster, its calendar and the demo commune's packages."""

from __future__ import annotations

import pytest

from tests.support.exchange import OFFICE_PASSPHRASE, PASSPHRASE, pub_file_of


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


REASON = "Tài liệu kiểm chứng chưa thể hiện kết quả."


def ready_round(rv, appraisal):
    """The office lowers one criterion (with its reason) and scores the survey criteria; returns the code."""
    view = rv.appraisals.view(appraisal.id)
    leaf = next(ln for ln in view.lines if ln.leaf and ln.facts.method == "self" and (ln.facts.self_score or 0) >= 1)
    rv.edit_cells(
        "appraisal_score",
        [(leaf.score.id, "appraised_score", leaf.facts.self_score - 1), (leaf.score.id, "comment", REASON)],
    )
    survey = [(ln.score.id, "appraised_score", 0) for ln in view.lines if ln.leaf and ln.facts.method == "survey"]
    rv.edit_cells("appraisal_score", survey)
    assert rv.appraisals.problems(appraisal.id) == []
    return leaf.facts.code, leaf.facts.self_score


def submit_assessment(rv, commune, folder, year: int = 2026) -> None:
    """The commune answers every check, submits its self-assessment and sends it; the office imports it."""
    for problem in commune.assessment.problems(year):
        if problem.blocking and problem.entity == "criterion_score":
            commune.edit("criterion_score", problem.row_id, problem.field, "Có văn bản lưu tại Văn phòng.")
    commune.assessment.submit(year)
    folder.mkdir()
    commune.exchange.export("assessment", year, None, folder, PASSPHRASE)
    outcomes = rv.exchange.import_packages([folder]).outcomes
    assert [o.status for o in outcomes] == ["replaced"], [o.line for o in outcomes]


@pytest.fixture
def appraised(office, tmp_path):
    """A first round open on the demo commune's submitted self-assessment; the commune holds the office's key."""
    rv, commune = office
    submit_assessment(rv, commune, tmp_path / "lan2")
    (candidate,) = rv.appraisals.candidates(2026)
    assert candidate.state == "none"
    appraisal = rv.appraisals.start(candidate.province_code, candidate.unit_code, 2026)
    rv.exchange.create_key(OFFICE_PASSPHRASE, OFFICE_PASSPHRASE)
    office_pub = pub_file_of(rv)
    commune.exchange.enrol_superior(office_pub, office_pub.fingerprint)
    return rv, commune, appraisal
