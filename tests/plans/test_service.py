"""Annual plan use-cases on a real SQLite file."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from cchc_desktop.kernel.errors import LockedError, NotFoundError, ValidationError
from cchc_desktop.workspace import Workspace
from tests.support.paths import ROOT


@pytest.fixture
def plan(ws, small_framework):
    return ws.plans.create(2026, "framework", small_framework)


def test_create_from_framework_fills_placeholders(ws, plan):
    agg = ws.plans.aggregate(plan.id)
    assert plan.status == "draft" and plan.source == "framework" and plan.framework_id == "khung-thu-nghiem"
    assert plan.title == "Kế hoạch cải cách hành chính năm 2026"
    assert "xã Kỳ Phong" in plan.purpose_text and "Sở Nội vụ tỉnh Hà Tĩnh" in plan.requirement_text
    assert plan.issue_place == "Kỳ Phong" and plan.signer_name == "Nguyễn Văn Hùng"
    assert [a.code for a in agg.areas] == ["CDDH", "THECHE", "TTHC", "CQS", "ISO"]
    assert agg.bases[1].text.endswith("Ủy ban nhân dân tỉnh Hà Tĩnh về cải cách hành chính năm 2026.")
    assert [t.deadline_kind for t in agg.tasks] == ["month", "recurring", "continuous"]
    assert agg.tasks[0].deadline_due == "2026-01-31"
    assert agg.indicators[1].comparator == "range" and agg.indicators[1].aspirational is True
    assert agg.recipients[0].recipient == "Sở Nội vụ tỉnh Hà Tĩnh"


def test_one_plan_per_year(ws, plan, small_framework):
    with pytest.raises(ValidationError) as info:
        ws.plans.create(2026, "framework", small_framework)
    assert "Đã có kế hoạch năm 2026" in str(info.value)


def test_needs_a_profile_first(tmp_path, small_framework):
    ws = Workspace.open(tmp_path / "x.sqlite", create=True)
    with pytest.raises(ValidationError) as info:
        ws.plans.create(2026, "framework", small_framework)
    assert "hồ sơ đơn vị" in str(info.value)
    ws.close()


def test_blank_plan_has_the_eight_areas_and_iso(ws):
    plan = ws.plans.create(2026, "blank")
    codes = [a.code for a in ws.plans.aggregate(plan.id).areas]
    assert codes == ["CDDH", "THECHE", "TTHC", "TCBM", "CONGVU", "TCCONG", "CQS", "ISO", "TACDONG"]


def test_copy_from_last_year_flags_stale_years(ws, small_framework):
    old = ws.plans.create(2025, "framework", small_framework)
    ws.edit("plan", old.id, "purpose_text", "Hoàn thành tốt công tác CCHC năm 2025; tăng 5% so với năm 2024.")
    new = ws.plans.create(2026, "copy")
    agg = ws.plans.aggregate(new.id)
    assert agg.plan.source == "copy" and len(agg.tasks) == 3
    messages = [p.message for p in ws.plans.problems(new.id)]
    assert any(m.startswith("Trích yếu: còn ghi «năm 2025»") for m in messages)
    assert any(m.startswith("Mục đích: còn ghi «năm 2025»") for m in messages)
    assert not any("năm 2024" in m for m in messages)  # "so với năm 2024" is a baseline, not stale
    assert any("Nhiệm vụ 1: thời hạn «Tháng 1/2025» nằm ngoài năm kế hoạch 2026" in m for m in messages)


def test_copy_without_source(ws):
    with pytest.raises(NotFoundError) as info:
        ws.plans.create(2026, "copy")
    assert "Không có kế hoạch năm 2025" in str(info.value)


def test_edit_insert_move_delete_are_committed_and_audited(ws, plan, ws_path):
    ws.edit("task", ws.plans.aggregate(plan.id).tasks[0].id, "lead_unit", "Chủ tịch UBND xã")
    added = ws.insert("task", plan.id, {"content": "Rà soát  TTHC\r\nmới", "deadline_text": "Quý III/2026"}, position=0)
    task_id = added.changes[0].row_id
    ws.move("task", task_id, 2)
    ws.close()
    reopened = Workspace.open(ws_path)
    tasks = reopened.plans.aggregate(plan.id).tasks
    assert [t.position for t in tasks] == [0, 1, 2, 3]
    assert tasks[2].content == "Rà soát  TTHC\nmới" and tasks[2].deadline_due == "2026-09-30"
    assert tasks[0].lead_unit == "Chủ tịch UBND xã"
    actions = [r[0] for r in reopened.conn.execute("SELECT action FROM audit_log WHERE entity = 'task' ORDER BY id")]
    assert actions == ["update", "insert", "move"]
    reopened.delete("task", [task_id])
    assert len(reopened.plans.aggregate(plan.id).tasks) == 3
    reopened.close()


def test_bad_input_is_refused_with_a_named_message(ws, plan):
    indicator = ws.plans.aggregate(plan.id).indicators[0]
    with pytest.raises(ValidationError) as info:
        ws.edit("indicator", indicator.id, "target", "năm mươi")
    assert str(info.value) == "«Mục tiêu» cần một số (ví dụ 85 hoặc 2,5), không phải «năm mươi»."
    ws.edit("indicator", indicator.id, "target", "57,5")
    assert ws.get("indicator", indicator.id).target == 57.5
    with pytest.raises(ValidationError):
        ws.edit("plan", plan.id, "issue_date", "32/01/2026")


def test_undo_redo_edit_insert_delete(ws, plan):
    task = ws.plans.aggregate(plan.id).tasks[0]
    ws.edit("task", task.id, "content", "Nội dung mới")
    ws.delete("task", [task.id])
    assert len(ws.plans.aggregate(plan.id).tasks) == 2
    ws.undo()
    restored = ws.get("task", task.id)
    assert restored.content == "Nội dung mới" and restored.position == 0 and restored.uid == task.uid
    ws.undo()
    assert ws.get("task", task.id).content == task.content
    ws.redo()
    assert ws.get("task", task.id).content == "Nội dung mới"
    audit = [r[0] for r in ws.conn.execute("SELECT action FROM audit_log WHERE entity='task' ORDER BY id")]
    assert audit == ["update", "delete", "undo", "undo", "redo"]


def test_paste_is_one_undoable_action(ws, plan):
    text = (
        "Nội dung\tCơ quan chủ trì\tThời gian hoàn thành\nViệc A\tVăn phòng\tQuý II/2026\nViệc B\tTư pháp\tHằng tháng\n"
    )
    changes, notes = ws.plans.paste(plan.id, "task", text, position=1)
    assert len(changes.changes) == 2 and notes == []
    contents = [t.content for t in ws.plans.aggregate(plan.id).tasks]
    assert contents[1:3] == ["Việc A", "Việc B"]
    ws.undo()
    assert len(ws.plans.aggregate(plan.id).tasks) == 3


def test_paste_with_a_bad_cell_writes_nothing(ws, plan):
    text = "Nội dung\tKinh phí\nViệc A\t5.000.000\nViệc B\tnhiều tiền\n"
    with pytest.raises(ValidationError) as info:
        ws.plans.paste(plan.id, "task", text)
    assert "Kinh phí" in str(info.value)
    assert len(ws.plans.aggregate(plan.id).tasks) == 3


def test_validation_messages_name_the_row(ws, plan):
    agg = ws.plans.aggregate(plan.id)
    ws.edit("task", agg.tasks[1].id, "lead_unit", "")
    ws.edit("task", agg.tasks[2].id, "deadline_text", "Tháng 3/2027")
    ws.edit("indicator", agg.indicators[0].id, "target", "120")
    problems = {p.key: p for p in ws.plans.problems(plan.id)}
    assert problems["problem.task.no_lead"].message == "Nhiệm vụ 2 chưa có cơ quan chủ trì."
    assert problems["problem.task.no_lead"].row_id == agg.tasks[1].id
    assert problems["problem.task.deadline_outside_year"].message == (
        "Nhiệm vụ 3: thời hạn «Tháng 3/2027» nằm ngoài năm kế hoạch 2026."
    )
    assert problems["problem.indicator.percent_over_100"].message == "Chỉ tiêu 1: mục tiêu 120% lớn hơn 100%."
    assert problems["problem.plan.no_number"].blocking


def test_issue_requires_number_and_date_then_locks(ws, plan):
    with pytest.raises(ValidationError) as info:
        ws.plans.issue(plan.id)
    assert "chưa có số văn bản" in str(info.value)
    ws.edit("plan", plan.id, "doc_number", "5")
    with pytest.raises(ValidationError):
        ws.plans.issue(plan.id)
    ws.edit("plan", plan.id, "issue_date", "08/01/2026")
    issued = ws.plans.issue(plan.id)
    assert issued.status == "issued" and issued.number_text == "05/KH-UBND"
    task = ws.plans.aggregate(plan.id).tasks[0]
    with pytest.raises(LockedError) as info:
        ws.edit("task", task.id, "content", "x")
    assert "đã ban hành, số 05/KH-UBND" in str(info.value) and "bản điều chỉnh" in str(info.value)
    with pytest.raises(LockedError):
        ws.insert("task", plan.id, {"content": "x"})


def test_duplicate_number_in_the_year(ws, small_framework):
    first = ws.plans.create(2026, "framework", small_framework)
    ws.edit("plan", first.id, "doc_number", 5)
    ws.edit("plan", first.id, "issue_date", dt.date(2026, 1, 8))
    ws.plans.issue(first.id)
    second = ws.plans.amend(first.id, effective_date="01/07/2026", reason="Bổ sung nhiệm vụ")
    ws.edit("plan", second.id, "doc_number", 5)
    ws.edit("plan", second.id, "issue_date", "01/07/2026")
    problems = [p.message for p in ws.plans.problems(second.id)]
    assert "Số 05/KH-UBND đã dùng cho văn bản khác trong năm 2026 (05/KH-UBND)." in problems
    with pytest.raises(ValidationError):
        ws.plans.issue(second.id)
    assert ws.plans.next_number(2026) == 6


def test_amendment_keeps_the_old_version(ws, small_framework):
    plan = ws.plans.create(2026, "framework", small_framework)
    ws.edit("plan", plan.id, "doc_number", 5)
    ws.edit("plan", plan.id, "issue_date", "08/01/2026")
    ws.plans.issue(plan.id)
    amended = ws.plans.amend(plan.id, effective_date="01/07/2026", reason="Bổ sung nhiệm vụ chuyển đổi số")
    assert amended.version == 2 and amended.status == "draft" and amended.amends_plan_id == plan.id
    assert amended.effective_date == "2026-07-01" and amended.doc_number is None
    ws.insert("task", amended.id, {"content": "Nhiệm vụ bổ sung", "lead_unit": "UBND xã"})
    ws.edit("plan", amended.id, "doc_number", 41)
    ws.edit("plan", amended.id, "issue_date", "01/07/2026")
    ws.plans.issue(amended.id)
    versions = ws.plans.versions(2026)
    assert [(p.version, p.status) for p in versions] == [(1, "superseded"), (2, "issued")]
    assert len(ws.plans.aggregate(plan.id).tasks) == 3
    assert len(ws.plans.aggregate(amended.id).tasks) == 4
    assert ws.plans.in_force(2026).id == amended.id


def test_issue_mode_switch_changes_default_symbol(ws, plan):
    ws.edit("plan", plan.id, "issue_mode", "QD")
    assert ws.get("plan", plan.id).doc_symbol == "QĐ-UBND"
    ws.undo()
    assert ws.get("plan", plan.id).doc_symbol == "KH-UBND"


def test_area_add_and_remove(ws, plan):
    with pytest.raises(ValidationError):
        ws.plans.add_area(plan.id, "XYZ")
    ws.plans.add_area(plan.id, "TACDONG")
    areas = ws.plans.aggregate(plan.id).areas
    assert areas[-1].code == "TACDONG"
    with pytest.raises(ValidationError) as info:
        ws.plans.remove_area(areas[0].id)
    assert "còn 2 nhiệm vụ/chỉ tiêu" in str(info.value)
    ws.plans.remove_area(areas[-1].id)
    assert len(ws.plans.aggregate(plan.id).areas) == 5


def test_edit_survives_process_exit_without_close(ws_path, small_framework):
    """A committed edit is on disk even if the app dies before closing the file."""
    import subprocess
    import sys

    ws = Workspace.open(ws_path, create=True)
    from cchc_desktop.profile.model import UnitProfile
    from tests.conftest import PROFILE

    ws.profile.save(UnitProfile.from_dict(PROFILE))
    plan = ws.plans.create(2026, "framework", small_framework)
    ws.close()
    root = ROOT
    script = (
        "import os\nfrom cchc_desktop.workspace import Workspace\n"
        f"ws = Workspace.open({str(ws_path)!r})\n"
        f"ws.edit('plan', {plan.id}, 'purpose_text', 'Đã gõ trước khi mất điện')\n"
        "os._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", script], cwd=root, check=False)
    conn = sqlite3.connect(ws_path)
    assert conn.execute("SELECT purpose_text FROM plans").fetchone()[0] == "Đã gõ trước khi mất điện"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_update_years_after_copy_is_one_undoable_action(ws, small_framework):
    old = ws.plans.create(2025, "framework", small_framework)
    ws.edit(
        "plan",
        old.id,
        "purpose_text",
        "Thực hiện tốt CCHC năm 2025, tăng 5% so với năm 2024; kế hoạch ngày 15 tháng 12 năm 2024.",
    )
    ws.insert("task", old.id, {"content": "Giai đoạn", "lead_unit": "UBND xã", "deadline_text": "Giai đoạn 2021-2030"})
    new = ws.plans.create(2026, "copy")
    assert ws.plans.stale_year_count(new.id) >= 3
    changes = ws.plans.update_years(new.id)
    agg = ws.plans.aggregate(new.id)
    assert agg.plan.title == "Kế hoạch cải cách hành chính năm 2026"
    assert agg.plan.purpose_text == (
        "Thực hiện tốt CCHC năm 2026, tăng 5% so với năm 2024; kế hoạch ngày 15 tháng 12 năm 2024."
    )
    assert [t.deadline_text for t in agg.tasks] == ["Tháng 1/2026", "Hằng tháng", "Thường xuyên", "Giai đoạn 2021-2030"]
    assert ws.plans.stale_year_count(new.id) == 0
    assert len(changes.changes) >= 3
    ws.undo()
    assert ws.plans.aggregate(new.id).plan.title == "Kế hoạch cải cách hành chính năm 2025"
