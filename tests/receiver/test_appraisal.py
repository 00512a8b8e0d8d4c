"""Thẩm định: a round on a unit's submitted self-assessment, scores checked, printed and read back."""

from __future__ import annotations

import subprocess

import openpyxl
import pytest

from cchc_desktop.kernel.errors import ValidationError
from tests.support.exchange import PASSPHRASE

YEAR = 2026


def _submit_assessment(rv, commune, folder) -> None:
    """The commune answers every check, submits its self-assessment and sends it; the office imports it."""
    for problem in commune.assessment.problems(YEAR):
        if problem.blocking and problem.entity == "criterion_score":
            commune.edit("criterion_score", problem.row_id, problem.field, "Có văn bản lưu tại Văn phòng.")
    commune.assessment.submit(YEAR)
    folder.mkdir()
    commune.exchange.export("assessment", YEAR, None, folder, PASSPHRASE)
    outcomes = rv.exchange.import_packages([folder]).outcomes
    assert [o.status for o in outcomes] == ["replaced"]  # revision 2 supersedes the draft


@pytest.fixture
def appraised(office, tmp_path):
    rv, commune = office
    _submit_assessment(rv, commune, tmp_path / "lan2")
    (candidate,) = rv.appraisals.candidates(YEAR)
    assert candidate.state == "none" and candidate.name == "Xã Kỳ Phong"
    appraisal = rv.appraisals.start(candidate.province_code, candidate.unit_code, YEAR)
    return rv, appraisal


def _line(view, code: str):
    return next(line for line in view.lines if line.facts.code == code)


def test_a_draft_self_assessment_is_not_appraised(office):
    rv, _ = office
    (candidate,) = rv.appraisals.candidates(YEAR)
    assert candidate.state == "draft_only"
    with pytest.raises(ValidationError, match="mới gửi bản nháp tự đánh giá năm 2026"):
        rv.appraisals.start(candidate.province_code, candidate.unit_code, YEAR)
    with pytest.raises(ValidationError, match="chưa gửi bản tự đánh giá năm 2026"):
        rv.appraisals.start("42", "99999", YEAR)


def test_a_round_starts_from_the_units_own_scores(appraised):
    rv, appraisal = appraised
    assert (appraisal.round, appraisal.status) == (1, "draft")
    view = rv.appraisals.view(appraisal.id)
    leaves = [line for line in view.lines if line.leaf]
    assert leaves and all(
        line.score.appraised_score == (line.facts.self_score or 0) for line in leaves if line.facts.method != "survey"
    )
    assert view.appraised_total == view.self_total and view.changed == 0
    survey = [line for line in leaves if line.facts.method == "survey"]
    assert survey and all(line.score.appraised_score is None for line in survey)  # the office's to score
    empty = {p.params["code"] for p in view.problems() if p.key == "receiver.appraisal.problem.empty"}
    assert empty == {line.facts.code for line in survey}
    with pytest.raises(ValidationError, match="đang làm dở"):
        rv.appraisals.start(appraisal.province_code, appraisal.unit_code, YEAR)


def test_appraised_scores_are_checked_and_a_change_needs_a_reason(appraised):
    rv, appraisal = appraised
    view = rv.appraisals.view(appraisal.id)
    leaf = next(line for line in view.lines if line.leaf and line.facts.method == "self" and line.facts.max_points >= 1)
    parent = next(line for line in view.lines if not line.leaf)
    score_id = leaf.score.id
    with pytest.raises(ValidationError, match=f"tiêu chí {leaf.facts.code} nằm ngoài khoảng cho phép"):
        rv.edit("appraisal_score", score_id, "appraised_score", leaf.facts.max_points + 1)
    with pytest.raises(ValidationError, match="không đúng bước chấm"):
        rv.edit("appraisal_score", score_id, "appraised_score", "0,3")
    with pytest.raises(ValidationError, match="có tiêu chí thành phần"):
        rv.edit("appraisal_score", parent.score.id, "appraised_score", 1)
    lower = 0 if leaf.facts.self_score else leaf.facts.max_points
    rv.edit("appraisal_score", score_id, "appraised_score", lower)
    view = rv.appraisals.view(appraisal.id)
    assert view.changed == 1 and _line(view, leaf.facts.code).differs
    reasons = [p for p in view.problems() if p.key == "receiver.appraisal.problem.no_reason"]
    assert [p.row_id for p in reasons] == [score_id] and "chưa có nhận xét nêu lý do" in reasons[0].message
    rv.edit("appraisal_score", score_id, "comment", "Tài liệu kiểm chứng chưa thể hiện kết quả.")
    assert not [p for p in rv.appraisals.problems(appraisal.id) if p.row_id == score_id]
    own, appraised_sum = rv.appraisals.view(appraisal.id).subtotal(leaf.facts.parent_code)
    assert own != appraised_sum


def _pdf_text(path) -> str:
    result = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(result.stdout.split())


def test_the_notice_and_its_workbook_carry_both_scores(appraised, tmp_path):
    rv, appraisal = appraised
    view = rv.appraisals.view(appraisal.id)
    leaf = next(line for line in view.lines if line.leaf and line.facts.method == "self" and line.facts.self_score)
    rv.edit_cells(
        "appraisal_score",
        [(leaf.score.id, "appraised_score", 0), (leaf.score.id, "comment", "Chưa có văn bản ban hành.")],
    )
    view = rv.appraisals.view(appraisal.id)
    text = _pdf_text(rv.appraisals.prepare(appraisal.id, "pdf").save(tmp_path / "tb.pdf"))
    for phrase in (
        "SỞ NỘI VỤ",
        "THÔNG BÁO",
        "Kết quả thẩm định Chỉ số cải cách hành chính năm 2026 của Xã Kỳ Phong",
        f"tổng điểm sau thẩm định {view.appraised_total:g}".replace(".", ","),
        "có 1 tiêu chí được điều chỉnh điểm",
        "Đề nghị Ủy ban nhân dân xã Kỳ Phong nghiên cứu",
        "Chưa có văn bản ban hành.",
        "DỰ THẢO",
    ):
        assert phrase in text, phrase
    assert "Xã Kỳ Phong của Xã Kỳ Phong" not in text
    book = openpyxl.load_workbook(rv.appraisals.prepare(appraisal.id, "xlsx").save(tmp_path / "tb.xlsx"))
    rows = [row for row in book.active.iter_rows(values_only=True) if row[0] == leaf.facts.code]
    assert rows == [(leaf.facts.code, leaf.facts.name, leaf.facts.max_points, leaf.facts.self_score, 0, rows[0][5])]
    assert rows[0][5] == "Chưa có văn bản ban hành."


def test_a_round_in_progress_can_be_dropped(appraised):
    rv, appraisal = appraised
    rv.edit("appraisal_score", rv.appraisals.view(appraisal.id).lines[-1].score.id, "comment", "Xem lại")
    rv.appraisals.delete(appraisal.id)
    (candidate,) = rv.appraisals.candidates(YEAR)
    assert candidate.state == "none" and not candidate.rounds and not rv.history.can_undo
