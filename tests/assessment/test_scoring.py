"""Scores, totals, proposals from indicators, the blocking check, submission and the lock."""

from __future__ import annotations

import pytest

from cchc_desktop.assessment.criteria import Criterion, parse_thresholds, propose_score
from cchc_desktop.kernel.errors import LockedError, ValidationError
from tests.support.assessment import YEAR, line_of, score_id

SCORE = "criterion_score"


def _criterion(max_points=2.0, thresholds="≥90: 100%; 70-90: 50%; <70: 0", method="self", step=0.25):
    return Criterion(
        1,
        1,
        None,
        0,
        1,
        "3.2.2",
        "Tỷ lệ đúng hạn",
        max_points,
        method,
        step,
        thresholds=thresholds,
        indicator_code="CX-11",
    )


@pytest.mark.parametrize(("value", "expected"), [(95, 2), (90, 2), (89.9, 1), (70, 1), (69.99, 0), (None, None)])
def test_propose_score_by_thresholds(value, expected):
    assert propose_score(_criterion(), value) == expected


def test_propose_score_lower_is_better_absolute_points_and_step():
    waiting = _criterion(1, "≤25: 100%; ≤35: 50%; >35: 0")
    assert [propose_score(waiting, v) for v in (20, 30, 40)] == [1, 0.5, 0]
    absolute = _criterion(1.5, "≥60: 100%; 40-60: 1; <40: 0", step=0.5)
    assert propose_score(absolute, 50) == 1
    thirds = _criterion(1, "≥0: 33%")
    assert propose_score(thirds, 10) == 0.25  # rounded down to the step, never up
    assert propose_score(_criterion(thresholds=""), 95) is None


def test_thresholds_read_the_way_people_write_them():
    rules = parse_thresholds("≥ 90: tối đa; 70 – 90: 50%; < 70: 0")
    assert [(r.op, r.low, r.high, r.points, r.percent) for r in rules] == [
        (">=", 90, None, 100, True),
        ("range", 70, 90, 50, True),
        ("<", 70, None, 0, False),
    ]
    with pytest.raises(ValueError):
        parse_thresholds("hơn 90 thì được điểm")


def test_totals_per_area_and_overall(assessed):
    ws = assessed
    for code, value in (("1.1.1", "1"), ("1.2", "0,5"), ("3.2.2", 1.75), ("9.1.2", 1), ("9.2.1", "-0,5")):
        ws.edit(SCORE, score_id(ws, code), "self_score", value)
    view = ws.assessment.view(YEAR, {})
    areas = {root.criterion.code: total for root, total in view.area_totals()}
    assert (areas["1"].self_score, areas["1"].self_max) == (1.5, 10)
    assert (areas["3"].self_score, areas["8"].self_max, areas["8"].survey_max) == (1.75, 10, 20)
    total = view.totals
    assert (total.self_score, total.self_max, total.survey_max) == (3.25, 80, 20)
    assert (total.bonus, total.penalty, total.total, total.max_total) == (1, -0.5, 3.75, 100)
    assert (total.scored, total.scorable) == (5, 67)


def test_score_must_fit_the_criterion(assessed):
    ws = assessed
    cases = [
        ("1.1.1", "1,5", "phải từ 0 đến 1, không phải 1,5"),
        ("3.2.2", "1,3", "theo bước 0,25 điểm"),
        ("8.4", "10", "điều tra xã hội học, do cấp tỉnh chấm"),
        ("9.2.1", "0,5", "nhập số âm từ -1 đến 0"),
        ("1.2", "một", "«Điểm tự chấm» cần một số"),
    ]
    for code, value, message in cases:
        with pytest.raises(ValidationError) as info:
            ws.edit(SCORE, score_id(ws, code), "self_score", value)
        assert message in str(info.value)
        assert info.value.field == "self_score"
    assert line_of(ws, "1.1.1").self_score is None


def test_points_without_evidence_or_explanation_block_submission(assessed):
    ws = assessed
    sid = score_id(ws, "1.1.1")
    ws.edit(SCORE, sid, "self_score", 1)
    blocking = [p for p in ws.assessment.problems(YEAR, {}) if p.blocking]
    assert [(p.row_id, p.field) for p in blocking] == [(sid, "explanation")]
    assert "Tiêu chí 1.1.1: tự chấm 1 điểm nhưng chưa có tài liệu kiểm chứng hoặc giải trình" in blocking[0].message
    with pytest.raises(ValidationError) as info:
        ws.assessment.submit(YEAR, {})
    assert "Chưa nộp được: còn 1 lỗi" in str(info.value)
    ws.edit(SCORE, sid, "explanation", "Ban hành ngày 08/01")
    assert not [p for p in ws.assessment.problems(YEAR, {}) if p.blocking]
    ws.edit(SCORE, sid, "explanation", "")
    ws.evidence.attach(SCORE, sid, data=b"%PDF-1.4\n", name="Kế hoạch.pdf")
    assert not [p for p in ws.assessment.problems(YEAR, {}) if p.blocking]
    zero = score_id(ws, "1.2")
    ws.edit(SCORE, zero, "self_score", 0)
    assert not [p for p in ws.assessment.problems(YEAR, {}) if p.blocking]


def test_accept_and_override_a_proposal(assessed):
    ws = assessed
    values = {"CX-11": 96.5}
    sid = score_id(ws, "3.2.2")
    assert line_of(ws, "3.2.2", values).proposed == 1.5
    changes = ws.assessment.accept_proposal(sid, values)
    assert changes and line_of(ws, "3.2.2", values).self_score == 1.5
    with pytest.raises(ValidationError) as info:
        ws.assessment.accept_proposal(score_id(ws, "1.1.1"), values)
    assert "chưa có điểm đề xuất" in str(info.value)
    ws.edit(SCORE, sid, "self_score", 2)
    ws.edit(SCORE, sid, "explanation", "Số liệu sau khi rà soát lại")
    problems = [p for p in ws.assessment.problems(YEAR, values) if p.blocking]
    assert [p.field for p in problems] == ["override_reason"]
    assert "khác điểm đề xuất 1,5 (theo chỉ tiêu CX-11)" in problems[0].message
    with pytest.raises(ValidationError):
        ws.assessment.override(sid, 2, "   ")
    ws.assessment.override(sid, 2, "Hệ thống tính sai 12 hồ sơ liên thông, đã có văn bản xác nhận")
    assert not [p for p in ws.assessment.problems(YEAR, values) if p.blocking]
    ws.undo()
    assert line_of(ws, "3.2.2", values).score.override_reason == ""


def test_submitted_assessment_is_locked_until_reopened_with_a_reason(assessed):
    ws = assessed
    sid = score_id(ws, "1.1.1")
    submitted = ws.assessment.submit(YEAR, {})
    assert submitted.status == "submitted" and submitted.submitted_at
    with pytest.raises(LockedError) as info:
        ws.edit(SCORE, sid, "self_score", 1)
    assert "đã nộp ngày" in str(info.value) and "Mở lại để sửa" in str(info.value)
    with pytest.raises(LockedError):
        ws.evidence.attach(SCORE, sid, data=b"%PDF-1.4\n", name="a.pdf")
    with pytest.raises(ValidationError):
        ws.assessment.reopen(YEAR, " ")
    reopened = ws.assessment.reopen(YEAR, "Sở Nội vụ đề nghị bổ sung tài liệu tiêu chí 3.1")
    assert reopened.status == "draft" and reopened.reopen_reason.startswith("Sở Nội vụ")
    ws.edit(SCORE, sid, "self_score", 1)
    actions = [(e.action, e.field, e.new_value) for e in ws.audit.page()[:3]]
    assert actions[1] == ("reopen", "reopen_reason", "Sở Nội vụ đề nghị bổ sung tài liệu tiêu chí 3.1")
    assert actions[2] == ("submit", "status", "submitted")


def test_score_edits_are_audited_and_undoable(assessed):
    ws = assessed
    sid = score_id(ws, "1.2")
    ws.edit(SCORE, sid, "self_score", "0,75")
    entry = ws.audit.page()[0]
    assert (entry.actor, entry.action, entry.field_text, entry.old_text, entry.new_text) == (
        "Lê Thị Mai",
        "update",
        "Điểm tự chấm",
        "",
        "0,75",
    )
    assert entry.object_text.startswith("Tiêu chí: 1.2 Thực hiện chế độ báo cáo")
    ws.undo()
    assert line_of(ws, "1.2").self_score is None
    assert ws.audit.page()[0].action == "undo"


def test_start_is_idempotent_and_needs_no_reports(ws):
    first = ws.assessment.start(YEAR)
    assert ws.assessment.start(YEAR).id == first.id
    assert isinstance(ws.assessment.indicator_values(YEAR), dict)
    assert ws.assessment.view(YEAR).catalogue.illustrative
