"""A submitted report and a submitted self-assessment of the demo commune signed with .p12 files (units
without a token): both signatures, the image in the signature blank, the draft ones refused."""

from __future__ import annotations

import pytest

from cchc_desktop.signing.model import DocumentRef, KeySource
from cchc_desktop.signing.task import Credentials
from tests.support.signing import P12_PASSWORD


@pytest.fixture
def demo(demo_path, images, tmp_path):
    from cchc_desktop.workspace import Workspace

    ws = Workspace.open(demo_path)
    for kind in ("signature", "seal"):
        path = tmp_path / f"{kind}.png"
        path.write_bytes(images[kind])
        ws.signing.set_image(kind, path)
    yield ws
    ws.close()


@pytest.fixture
def p12_credentials(p12_files):
    person = KeySource("p12", "person.p12", path=str(p12_files["person"]))
    org = KeySource("p12", "org.p12", path=str(p12_files["org"]))
    return Credentials(person, P12_PASSWORD), Credentials(org, P12_PASSWORD)


def _submitted_report(ws, year: int = 2026):
    for period in ws.reports.calendar(year):
        report = ws.reports.for_period(year, period.code)
        if report is not None and report.status == "submitted":
            return period.code
    return None


def _signed_ok(ws, ref, credentials):
    from cchc_desktop.signatures.pdf_verify import list_pdf_signatures

    signed = ws.signing.keep(ws.signing.prepare(ref).run(*credentials))
    infos = list_pdf_signatures(ws.signing.pdf(signed.id))
    assert len(infos) == 2 and all(i.intact and i.valid and i.later_changes_allowed for i in infos)
    return signed


def test_a_submitted_report_is_signed_with_p12_files(demo, p12_credentials):
    period = _submitted_report(demo)
    assert period is not None, "the demo has a submitted report"
    signed = _signed_ok(demo, DocumentRef("report", 2026, period), p12_credentials)
    assert signed.period == period and signed.signer_name == "Nguyễn Văn A"
    assert demo.signing.status_text(DocumentRef("report", 2026, period)).startswith("Đã ký số — Nguyễn Văn A")


def test_the_self_assessment_is_signed_once_submitted(demo, p12_credentials):
    ref = DocumentRef("assessment", 2026)
    assessment = demo.assessment.get(2026)
    if assessment is None or assessment.status != "submitted":
        assert demo.signing.refusal(ref) is not None
        for problem in demo.assessment.problems(2026):
            if problem.blocking and problem.entity == "criterion_score":
                demo.edit("criterion_score", problem.row_id, problem.field, "Có văn bản lưu tại Văn phòng.")
        demo.assessment.submit(2026)
    _signed_ok(demo, ref, p12_credentials)


def test_a_wrong_p12_password_is_said(demo, p12_files):
    from cchc_desktop.signatures.errors import WrongPasswordError

    period = _submitted_report(demo)
    bad = Credentials(KeySource("p12", path=str(p12_files["person"])), "sai mật khẩu")
    with pytest.raises(WrongPasswordError):
        demo.signing.prepare(DocumentRef("report", 2026, period)).run(bad, bad)
