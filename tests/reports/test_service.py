"""Period reports on a real SQLite file: create, prefill, lock, submit, reopen, audit."""

from __future__ import annotations

import datetime as dt

import pytest

from cchc_desktop.kernel.errors import LockedError, ValidationError
from cchc_desktop.workspace import Workspace
from tests.reports.conftest import fill_figures, ready_to_submit

AT = dt.datetime(2026, 3, 14, 15, 30)


def test_no_report_without_an_issued_plan(ws, small_framework):
    ws.plans.create(2026, "framework", small_framework)
    ws.reports.create_calendar(2026)
    with pytest.raises(ValidationError) as info:
        ws.reports.create(2026, "Q1")
    assert str(info.value).startswith("Chưa lập được báo cáo Quý I/2026: năm 2026 chưa có kế hoạch")


def test_create_builds_rows_from_the_plan_in_force(ws, reports, issued_plan):
    report = reports.create(2026, "Q1")
    agg = reports.aggregate(report.id)
    assert report.status == "draft" and report.plan_id == issued_plan.id and report.number_text == "    /BC-UBND"
    assert report.title == "Kết quả thực hiện công tác cải cách hành chính quý I năm 2026"
    assert report.addressee == "Sở Nội vụ tỉnh Hà Tĩnh" and report.signer_name == "Nguyễn Văn Hùng"
    assert [agg.tasks[p.task_id].deadline_text for p in agg.progress] == ["Tháng 1/2026", "Hằng tháng", "Thường xuyên"]
    assert {p.status for p in agg.progress} == {"not_started"}
    assert [agg.indicators[a.indicator_id].code for a in agg.actuals] == ["CX-01", "CX-02"]
    assert (agg.recipients[0].recipient, agg.recipients[-1].recipient) == ("Như trên", "Lưu: VT, VP")
    assert [e.action for e in agg.events] == ["create"]
    with pytest.raises(ValidationError) as info:
        reports.create(2026, "Q1")
    assert "Đã có báo cáo Quý I/2026" in str(info.value)


def test_edits_are_audited_and_undoable(ws, reports):
    report = reports.create(2026, "Q1")
    row = reports.aggregate(report.id).progress[0]
    ws.edit("task_progress", row.id, "result", "Đã ban hành Kế hoạch số 05/KH-UBND")
    ws.edit("task_progress", row.id, "status", "done_on_time")
    assert ws.get("task_progress", row.id).progress == 100  # done means 100%
    audit = ws.conn.execute(
        "SELECT actor, action, field, old_value, new_value FROM audit_log WHERE entity = 'task_progress' ORDER BY id"
    ).fetchall()
    assert [tuple(a) for a in audit] == [
        ("Lê Thị Mai", "update", "result", "", "Đã ban hành Kế hoạch số 05/KH-UBND"),
        ("Lê Thị Mai", "update", "status", "not_started", "done_on_time"),
    ]
    ws.undo()
    assert ws.get("task_progress", row.id).status == "not_started"


def test_figures_go_in_the_right_column(ws, reports):
    report = reports.create(2026, "Q1")
    digitised, dialogues = reports.aggregate(report.id).actuals
    with pytest.raises(ValidationError) as info:
        ws.edit("indicator_actual", digitised.id, "value", "48")
    assert "hãy nhập vào cột «Tử số» và «Mẫu số»" in str(info.value)
    with pytest.raises(ValidationError):
        ws.edit("indicator_actual", dialogues.id, "numerator", "1")
    ws.edit("indicator_actual", digitised.id, "numerator", "1.250")
    assert ws.get("indicator_actual", digitised.id).numerator == 1250


# Submitting and locking ###################################################


def test_submit_needs_number_date_and_no_errors(ws, reports):
    report = reports.create(2026, "Q1")
    with pytest.raises(ValidationError) as info:
        reports.submit(report.id, at=AT)
    assert "chưa có số văn bản" in str(info.value)
    ws.edit("report", report.id, "doc_number", 12)
    ws.edit("report", report.id, "report_date", "14/03/2026")
    with pytest.raises(ValidationError) as info:
        reports.submit(report.id, at=AT)
    assert "còn 1 lỗi cần sửa, ví dụ: Nhiệm vụ 1 chậm tiến độ (thời hạn 31/01/2026 đã qua)" in str(info.value)


def test_submitted_report_refuses_every_edit_until_reopened(ws, reports, ws_path):
    report = reports.create(2026, "Q1")
    ready_to_submit(ws, report.id, 12)
    submitted = reports.submit(report.id, at=AT)
    assert submitted.status == "submitted" and submitted.submitted_by == "Lê Thị Mai" and submitted.late_days == 0
    agg = reports.aggregate(report.id)
    with pytest.raises(LockedError) as info:
        ws.edit("task_progress", agg.progress[1].id, "result", "thêm")
    assert str(info.value) == (
        "Báo cáo Quý I/2026 đã nộp lúc 15:30 14/03/2026, người nộp: Lê Thị Mai, nên không "
        "sửa được. Muốn sửa, hãy bấm «Mở lại để sửa…» và ghi lý do mở lại."
    )
    for attempt in (
        lambda: ws.edit("report", report.id, "causes_text", "x"),
        lambda: ws.edit("indicator_actual", agg.actuals[0].id, "numerator", 3),
        lambda: ws.insert("report_recipient", report.id, {"recipient": "UBND xã"}),
        lambda: ws.delete("report_recipient", [agg.recipients[0].id]),
    ):
        with pytest.raises(LockedError):
            attempt()
    with pytest.raises(ValidationError):
        reports.reopen(report.id, "   ")
    reports.reopen(report.id, "Sở Nội vụ đề nghị bổ sung số liệu số hóa")
    ws.edit("task_progress", agg.progress[1].id, "result", "thêm")
    ws.close()
    reopened = Workspace.open(ws_path)
    events = reopened.reports.events(report.id)
    assert [(e.action, e.actor, e.reason) for e in events] == [
        ("create", "Lê Thị Mai", ""),
        ("submit", "Lê Thị Mai", ""),
        ("reopen", "Lê Thị Mai", "Sở Nội vụ đề nghị bổ sung số liệu số hóa"),
    ]
    actions = [
        r[0]
        for r in reopened.conn.execute(
            "SELECT action FROM audit_log WHERE entity = 'report' AND field = 'status' ORDER BY id"
        )
    ]
    assert actions == ["create", "submit", "reopen"]
    reopened.close()


def test_resubmitting_keeps_the_first_submission_for_lateness(ws, reports):
    report = reports.create(2026, "Q1")
    ready_to_submit(ws, report.id, 12)
    reports.submit(report.id, at=AT)
    reports.reopen(report.id, "Sửa số liệu")
    again = reports.submit(report.id, at=dt.datetime(2026, 4, 2, 9, 0))
    assert again.first_submitted_at == "2026-03-14T15:30:00" and again.submitted_at == "2026-04-02T09:00:00"
    assert again.late_days == 0 and reports.state(reports.period(2026, "Q1")).kind == "on_time"
    assert reports.events(report.id)[-1].detail == "12/BC-UBND; nộp lại sau khi mở lại để sửa"


def test_late_submission_needs_a_reason_and_is_recorded(ws, reports):
    report = reports.create(2026, "Q1")  # due 15/03 in this province
    ready_to_submit(ws, report.id, 12, "16/03/2026")
    with pytest.raises(ValidationError) as info:
        reports.submit(report.id, at=dt.datetime(2026, 3, 17, 8, 0))
    assert str(info.value) == "Báo cáo Quý I/2026 nộp muộn 2 ngày so với hạn 15/03/2026. Hãy ghi lý do nộp muộn."
    late = reports.submit(report.id, late_reason="Chờ số liệu của tỉnh", at=dt.datetime(2026, 3, 17, 8, 0))
    assert (late.late_days, late.late_reason) == (2, "Chờ số liệu của tỉnh")
    state = reports.state(reports.period(2026, "Q1"))
    assert (state.kind, state.days) == ("late", 2)
    submit = reports.events(report.id)[-1]
    assert (submit.at, submit.reason, submit.detail) == (
        "2026-03-17T08:00:00",
        "Chờ số liệu của tỉnh",
        "12/BC-UBND; nộp muộn 2 ngày",
    )


def test_report_and_plan_numbers_share_the_year_counter(ws, reports, issued_plan):
    report = reports.create(2026, "Q1")
    assert reports.next_number(2026) == 6
    ws.edit("report", report.id, "doc_number", 5)
    ws.edit("report", report.id, "report_date", "14/03/2026")
    found = [p.message for p in reports.problems(report.id)]
    assert "Số 05/BC-UBND đã dùng cho văn bản khác trong năm 2026 (05/KH-UBND)." in found
    ws.edit("report", report.id, "doc_number", 6)
    assert ws.plans.next_number(2026) == 7
    amended = ws.plans.amend(issued_plan.id, effective_date="01/07/2026", reason="Bổ sung")
    ws.edit("plan", amended.id, "doc_number", 6)
    ws.edit("plan", amended.id, "issue_date", "01/07/2026")
    assert any("(06/BC-UBND)" in p.message for p in ws.plans.problems(amended.id))


def test_delete_a_draft_report(ws, reports):
    report = reports.create(2026, "T04")
    reports.delete_draft(report.id)
    assert reports.for_period(2026, "T04") is None
    assert ws.conn.execute("SELECT count(*) FROM report_task_progress").fetchone()[0] == 0


# Prefill ###################################################################


def _q1_written(ws, reports):
    report = reports.create(2026, "Q1")
    agg = reports.aggregate(report.id)
    dated, monthly, continuous = agg.progress
    ws.edit_cells(
        "task_progress",
        [
            (dated.id, "status", "done_late"),
            (dated.id, "result", "Ban hành ngày 10/02/2026"),
            (dated.id, "reason", "Chờ kế hoạch của tỉnh"),
            (monthly.id, "status", "in_progress"),
            (monthly.id, "result", "Tiếp công dân 3 buổi"),
            (continuous.id, "status", "in_progress"),
        ],
    )
    ws.edit_cells(
        "report",
        [
            (report.id, "achievements_text", "Kết quả quý I"),
            (report.id, "next_tasks_text", "Tiếp tục số hóa hồ sơ"),
            (report.id, "signer_name", "Trần Thị Lan"),
            (report.id, "signer_mode", "KT"),
        ],
    )
    ws.edit("indicator_actual", agg.actuals[0].id, "source", "Hệ thống giải quyết TTHC tỉnh")
    return report


def test_the_next_report_starts_from_the_previous_one(ws, reports):
    _q1_written(ws, reports)
    h1 = reports.create(2026, "H1")
    agg = reports.aggregate(h1.id)
    dated, monthly, continuous = agg.progress
    assert (dated.status, dated.progress, dated.reason) == ("done_late", 100, "Chờ kế hoạch của tỉnh")
    assert (monthly.status, monthly.result) == ("not_started", "Tiếp công dân 3 buổi")  # assessed afresh
    assert continuous.status == "not_started"
    assert (h1.next_tasks_text, h1.achievements_text) == ("Tiếp tục số hóa hồ sơ", "")
    assert (h1.signer_name, h1.signer_mode) == ("Trần Thị Lan", "KT")
    assert agg.actuals[0].source == "Hệ thống giải quyết TTHC tỉnh" and agg.actuals[0].numerator is None
    assert "báo cáo kỳ trước: Quý I/2026" in agg.events[0].detail


def test_snapshot_figures_are_carried_until_confirmed(ws, small_framework):
    plan = ws.plans.create(2026, "framework", small_framework)
    indicator = ws.plans.aggregate(plan.id).indicators[0]
    ws.edit("indicator", indicator.id, "measure", "snapshot")
    ws.edit_cells("plan", [(plan.id, "doc_number", 5), (plan.id, "issue_date", "08/01/2026")])
    ws.plans.issue(plan.id)
    ws.reports.create_calendar(2026)
    q1 = ws.reports.create(2026, "Q1")
    ws.edit_cells(
        "indicator_actual",
        [
            (ws.reports.aggregate(q1.id).actuals[0].id, "numerator", 3),
            (ws.reports.aggregate(q1.id).actuals[0].id, "denominator", 3),
        ],
    )
    h1 = ws.reports.create(2026, "H1")
    carried = ws.reports.aggregate(h1.id).actuals[0]
    assert (carried.numerator, carried.denominator, carried.carried_from) == (3, 3, "Quý I/2026")
    assert any(p.key == "problem.indicator_actual.carried" for p in ws.reports.problems(h1.id))
    ws.edit("indicator_actual", carried.id, "as_of", "14/06/2026")  # confirmed as still true
    assert ws.get("indicator_actual", carried.id).carried_from == ""
    assert not any(p.key == "problem.indicator_actual.carried" for p in ws.reports.problems(h1.id))


def test_a_draft_follows_an_amended_plan_keeping_what_was_typed(ws, reports, issued_plan):
    report = reports.create(2026, "H1")
    first = reports.aggregate(report.id).progress[0]
    ws.edit("task_progress", first.id, "result", "Đã ban hành")
    amended = ws.plans.amend(issued_plan.id, effective_date="01/05/2026", reason="Bổ sung nhiệm vụ")
    ws.insert(
        "task", amended.id, {"content": "Nhiệm vụ bổ sung", "lead_unit": "UBND xã", "deadline_text": "Quý III/2026"}
    )
    ws.edit_cells("plan", [(amended.id, "doc_number", 40), (amended.id, "issue_date", "01/05/2026")])
    ws.plans.issue(amended.id)
    assert any(p.key == "problem.report.plan_changed" for p in reports.problems(report.id))
    moved = reports.follow_plan(report.id)
    agg = reports.aggregate(report.id)
    assert moved.plan_id == amended.id and len(agg.progress) == 4
    assert agg.progress[0].id == first.id and agg.progress[0].result == "Đã ban hành"
    assert agg.tasks[agg.progress[3].task_id].content == "Nhiệm vụ bổ sung"
    assert not any(p.key == "problem.report.plan_changed" for p in reports.problems(report.id))
    assert reports.events(report.id)[-1].action == "follow_plan"


# Problems ##################################################################


def test_problems_name_the_row_and_field(ws, reports):
    report = reports.create(2026, "Q1")
    agg = reports.aggregate(report.id)
    dated, monthly, _ = agg.progress
    digitised, dialogues = agg.actuals
    ws.edit("task_progress", dated.id, "status", "not_done")
    ws.edit("task_progress", monthly.id, "progress", "120")
    fill_figures(ws, report.id, 120, 100, None)
    ws.edit("indicator_actual", digitised.id, "as_of", "31/03/2026")
    problems = {p.key: p for p in reports.problems(report.id)}
    assert problems["problem.task_progress.not_done_no_reason"].message == (
        "Nhiệm vụ 1 không thực hiện nhưng chưa ghi lý do."
    )
    assert (
        problems["problem.task_progress.not_done_no_reason"].row_id,
        problems["problem.task_progress.not_done_no_reason"].field,
    ) == (dated.id, "reason")
    assert problems["problem.task_progress.progress_range"].message == "Nhiệm vụ 2: tiến độ 120% phải từ 0 đến 100."
    over = problems["problem.indicator_actual.numerator_over_denominator"]
    assert over.blocking and over.message == "Chỉ tiêu CX-01: tử số 120 lớn hơn mẫu số 100."
    outside = problems["problem.indicator_actual.as_of_outside"]
    assert not outside.blocking and "31/03/2026, nằm ngoài kỳ số liệu 15/12/2025 – 14/03/2026" in outside.message
    missing = problems["problem.indicator_actual.missing"]
    assert (missing.row_id, missing.field, missing.blocking) == (dialogues.id, "value", False)
    fill_figures(ws, report.id, 0, 0, 1)
    zero = {p.key: p for p in reports.problems(report.id)}["problem.indicator_actual.zero_denominator"]
    assert not zero.blocking and zero.field == "denominator"


def test_reason_turns_a_blocking_problem_off(ws, reports):
    report = reports.create(2026, "Q1")
    dated = reports.aggregate(report.id).progress[0]
    ws.edit("task_progress", dated.id, "status", "done_late")

    def on_row():
        return [p for p in reports.problems(report.id) if p.entity == "task_progress" and p.row_id == dated.id]

    assert [p.blocking for p in on_row()] == [True]
    ws.edit("task_progress", dated.id, "reason", "Chờ hướng dẫn của tỉnh")
    assert on_row() == []
