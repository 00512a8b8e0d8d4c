"""The audit trail viewer's queries: filters, paging newest first, human labels."""

from __future__ import annotations

import datetime as dt

from cchc_desktop.audit.model import AuditFilter
from tests.support.assessment import score_id

SCORE = "criterion_score"


def _backdate(ws, entry_id: int, when: str) -> None:
    ws.conn.execute("UPDATE audit_log SET at = ? WHERE id = ?", [when, entry_id])


def _trail(ws, small_framework):
    """Edits by two officials on three days: plan, task, scores."""
    plan = ws.plans.create(2026, "framework", small_framework)
    task = ws.plans.aggregate(plan.id).tasks[0]
    ws.set_actor("Trần Văn Đức")
    ws.edit("task", task.id, "lead_unit", "Công chức Tư pháp - Hộ tịch")
    ws.edit("plan", plan.id, "issue_date", "08/01/2026")
    ws.set_actor("Lê Thị Mai")
    ws.assessment.start(2026)
    ws.edit(SCORE, score_id(ws, "3.2.2"), "self_score", "1,75")
    ws.edit(SCORE, score_id(ws, "3.2.2"), "explanation", "Trích xuất từ hệ thống ngày 30/9")
    rows = ws.conn.execute("SELECT id, entity, field FROM audit_log ORDER BY id").fetchall()
    for row in rows:
        day = {"task": "2026-03-02", "plan": "2026-03-15"}.get(row["entity"], "2026-10-20")
        _backdate(ws, row["id"], f"{day}T09:30:00")
    return plan, task


def test_newest_first_with_human_labels(ws, small_framework):
    _trail(ws, small_framework)
    entries = ws.audit.page()
    assert [e.id for e in entries] == sorted((e.id for e in entries), reverse=True)
    latest = entries[0]
    assert (latest.when, latest.actor, latest.action_text, latest.field_text) == (
        "09:30 20/10/2026",
        "Lê Thị Mai",
        "Sửa",
        "Giải trình",
    )
    score = entries[1]
    assert (score.old_text, score.new_text) == ("", "1,75")
    date = next(e for e in entries if e.field == "issue_date")
    assert (date.object_text.split(":")[0], date.field_text, date.new_text) == (
        "Kế hoạch",
        "Ngày ban hành",
        "08/01/2026",
    )
    task = next(e for e in entries if e.entity == "task")
    assert task.object_text.startswith("Nhiệm vụ: ") and task.field_text == "Cơ quan chủ trì"


def test_filters_by_date_actor_kind_and_words(ws, small_framework):
    _trail(ws, small_framework)
    march = AuditFilter(date_from=dt.date(2026, 3, 1), date_to=dt.date(2026, 3, 15))
    assert {e.entity for e in ws.audit.page(march)} == {"task", "plan"}
    assert {e.entity for e in ws.audit.page(AuditFilter(date_to=dt.date(2026, 3, 14)))} == {"task"}
    by_duc = ws.audit.page(AuditFilter(actor="Trần Văn Đức"))
    assert len(by_duc) == 2 and ws.audit.count(AuditFilter(actor="Trần Văn Đức")) == 2
    scores = ws.audit.page(AuditFilter(entity=SCORE))
    assert [e.field for e in scores] == ["explanation", "self_score"]
    found = ws.audit.page(AuditFilter(text="tu phap ho tich"))
    assert [e.entity for e in found] == ["task"]
    assert ws.audit.page(AuditFilter(text="trich xuat 30/9", actor="Lê Thị Mai"))[0].field == "explanation"
    assert ws.audit.page(AuditFilter(text="không có ở đâu cả")) == []
    assert ("task", "Nhiệm vụ") in ws.audit.entity_kinds()
    assert ws.audit.actors() == ["Lê Thị Mai", "Trần Văn Đức"]


def test_pages_continue_before_the_last_id(ws, small_framework):
    _trail(ws, small_framework)
    total = ws.audit.count()
    first = ws.audit.page(limit=3)
    rest = ws.audit.page(before_id=first[-1].id, limit=1000)
    assert len(first) + len(rest) == total
    assert rest[0].id < first[-1].id


def test_unit_profile_changes_read_as_people_wrote_them(ws):
    entries = ws.audit.page(AuditFilter(entity="unit_profile"))
    deputies = next(e for e in entries if e.field == "deputies")
    assert (deputies.object_text.split(":")[0], deputies.field_text, deputies.new_text) == (
        "Hồ sơ đơn vị",
        "Các Phó Chủ tịch (mỗi dòng một người)",
        "Trần Thị Lan",
    )
