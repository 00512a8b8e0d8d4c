"""What each backup holds, shown before a restore: unit, years, last change; damaged ones said so."""

from __future__ import annotations

from cchc_desktop.backup_preview import previews
from tests.exchange.craft import build, plan_data
from tests.support.faults import zero_page_of


def test_a_communes_backups_show_unit_years_and_last_change(ws, small_framework):
    plan = ws.plans.create(2026, "framework", small_framework)
    first = ws.backups.before("daily")
    ws.set_actor("Trần Thị Lan")
    ws.edit("plan", plan.id, "title", "Kế hoạch CCHC năm 2026 (sửa)")
    second = ws.backups.before("import")
    newest, oldest = previews(ws)
    assert (newest.path, oldest.path) == (second, first)
    assert newest.unit_text == "Ủy ban nhân dân xã Kỳ Phong" and newest.years == [2026] and newest.restorable
    assert newest.reason_text == "Trước khi nhận gói" and oldest.reason_text.startswith("Tự động")
    assert newest.last_change_text.startswith("Sửa Kế hoạch «") and "— Trần Thị Lan, " in newest.last_change_text
    assert "Trần Thị Lan" not in oldest.last_change_text
    assert newest.size_text.endswith(" KB")


def test_a_receivers_backup_shows_the_years_received(receiver, commune_key, outbox):
    path, _ = build(outbox, commune_key, "plan", 2025, plan_data(2025))
    receiver.exchange.import_packages([path])
    receiver.backups.before("manual")
    [latest, before_import] = previews(receiver)
    assert latest.years == [2025] and before_import.years == []
    assert latest.unit_text == "Sở Nội vụ tỉnh Hà Tĩnh" and before_import.years_text == "(chưa có dữ liệu năm nào)"


def test_a_damaged_backup_is_shown_as_damaged_and_cannot_be_restored(ws):
    made = ws.backups.before("manual")
    zero_page_of(made, "audit_log")
    [item] = previews(ws)
    assert item.unit_text == "(bản sao lưu bị hỏng)" and not item.restorable
