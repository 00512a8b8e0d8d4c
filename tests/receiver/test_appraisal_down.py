"""Thẩm định, both ways: the office sends a round down, the commune reads it beside its own scores,
answers (giải trình) and sends again, and the office opens the next round with the answer in view."""

from __future__ import annotations

import subprocess

import pytest

from cchc_desktop.kernel.errors import ValidationError
from tests.support.exchange import OFFICE_PASSPHRASE, PASSPHRASE
from tests.support.receiver import REASON, ready_round, submit_assessment

YEAR = 2026
ANSWER = "Đã bổ sung Quyết định số 12/QĐ-UBND ngày 05/3/2026 vào tài liệu kiểm chứng."


def _pdf_text(data: bytes, tmp_path) -> str:
    path = tmp_path / "tb.pdf"
    path.write_bytes(data)
    result = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(result.stdout.split())


def test_a_round_goes_down_and_the_commune_reads_it_beside_its_scores(appraised, tmp_path):
    rv, commune, appraisal = appraised
    code, own = ready_round(rv, appraisal)
    down = tmp_path / "xuong"
    down.mkdir()
    sent = rv.appraisals.send(appraisal.id, down, OFFICE_PASSPHRASE)
    unit = commune.profile.get().commune_code
    assert sent.path.name == f"42-00000_appraisal_2026_den-42-{unit}_r1.cchc"
    assert sent.appraisal.status == "sent" and sent.appraisal.sent_at
    assert "Đã ghi kết quả thẩm định lần 1" in sent.summary
    (candidate,) = rv.appraisals.candidates(YEAR)
    assert candidate.state == "sent"
    with pytest.raises(ValidationError, match="đã gửi rồi"):
        rv.appraisals.send(appraisal.id, down, OFFICE_PASSPHRASE)

    (outcome,) = commune.exchange.import_packages([down]).outcomes
    assert outcome.status == "imported", outcome.line
    assert "Kết quả thẩm định" in outcome.line and "1 tiêu chí được điều chỉnh" in outcome.line
    received = commune.exchange.received_appraisal(YEAR)
    assert received is not None and received.round == 1 and received.sender == "Sở Nội vụ tỉnh Hà Tĩnh"
    (changed,) = received.changed
    assert (changed.code, changed.self_score, changed.appraised_score, changed.comment) == (code, own, own - 1, REASON)
    assert received.appraised_total == pytest.approx(received.self_total - 1)

    row = next(r for r in commune.exchange.received() if r["kind"] == "appraisal")
    text = _pdf_text(commune.exchange.received_document(row["id"]), tmp_path)
    assert "THÔNG BÁO" in text and "có 1 tiêu chí được điều chỉnh điểm" in text and "DỰ THẢO" not in text


def test_the_commune_answers_and_the_office_opens_the_next_round_with_the_answer(appraised, tmp_path):
    rv, commune, appraisal = appraised
    code, _ = ready_round(rv, appraisal)
    down = tmp_path / "xuong"
    down.mkdir()
    rv.appraisals.send(appraisal.id, down, OFFICE_PASSPHRASE)
    commune.exchange.import_packages([down])

    commune.assessment.reopen(YEAR, "Giải trình kết quả thẩm định lần 1")
    score = next(ln.score for ln in commune.assessment.view(YEAR).lines if ln.criterion.code == code)
    commune.edit("criterion_score", score.id, "response", ANSWER)
    submit_assessment(rv, commune, tmp_path / "lan3")
    (candidate,) = rv.appraisals.candidates(YEAR)
    assert candidate.state == "resubmitted"
    second = rv.appraisals.start(candidate.province_code, candidate.unit_code, YEAR)
    line = next(ln for ln in rv.appraisals.view(second.id).lines if ln.facts.code == code)
    assert second.round == 2 and line.facts.response == ANSWER
    assert line.score.comment == REASON  # the unit kept its score: the office's last word is carried
    rv.edit_cells("appraisal_score", [(line.score.id, "appraised_score", line.facts.self_score)])
    rv.edit_cells("appraisal_score", [(line.score.id, "comment", "Chấp nhận giải trình.")])
    again = tmp_path / "xuong2"
    again.mkdir()
    assert rv.appraisals.send(second.id, again, OFFICE_PASSPHRASE).path.name.endswith("_r2.cchc")
    (outcome,) = commune.exchange.import_packages([again]).outcomes
    assert outcome.status == "replaced" and "0 tiêu chí được điều chỉnh" in outcome.line
    received = commune.exchange.received_appraisal(YEAR)
    assert received.round == 2 and received.changed == [] and received.lines[code].comment == "Chấp nhận giải trình."


def test_only_the_office_sends_appraisals_and_only_to_the_unit_appraised(appraised, tmp_path):
    rv, commune, appraisal = appraised
    ready_round(rv, appraisal)
    down = tmp_path / "xuong"
    down.mkdir()
    rv.appraisals.send(appraisal.id, down, OFFICE_PASSPHRASE)
    (back_at_office,) = rv.exchange.import_packages([down]).outcomes
    assert back_at_office.refused  # a receiving unit takes no package going down
    with pytest.raises(ValidationError):
        commune.appraisals.send(appraisal.id, down, PASSPHRASE)
