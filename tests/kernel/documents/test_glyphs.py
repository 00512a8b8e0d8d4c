"""Text the document font cannot draw (emoji, right-to-left scripts) is warned about when it is typed,
naming the field, and printed as a visible "□"; control and format characters (the right-to-left
override) are never drawn."""

from __future__ import annotations

from cchc_desktop.kernel.documents.glyphs import PLACEHOLDER, printed, undrawable
from cchc_desktop.rendering import prepare
from tests.support.documents import pdftotext

VIETNAMESE = "Kỳ Phong, Hương Xuân – “Đẩy mạnh” cải cách hành chính năm 2026; 100% hồ sơ… №5 ₫"
MIXED = "Họp dân 😀 tại nhà văn hóa \u202ethôn 3 سلام"


def test_vietnamese_is_drawn_as_typed():
    assert undrawable(VIETNAMESE) == [] and printed(VIETNAMESE) == VIETNAMESE


def test_emoji_arabic_and_the_right_to_left_override_are_found():
    found = undrawable(MIXED)
    assert found[:2] == ["😀", "\u202e"] and "س" in found
    assert printed(MIXED) == f"Họp dân {PLACEHOLDER} tại nhà văn hóa thôn 3 {PLACEHOLDER * 4}"


def test_the_plan_warns_naming_the_field_and_the_pdf_shows_the_gaps(ws, small_framework, tmp_path):
    plan = ws.plans.create(2027, "framework", small_framework)
    task = ws.plans.aggregate(plan.id).tasks[0]
    ws.edit("task", task.id, "content", MIXED)
    problems = [p for p in ws.plans.problems(plan.id) if p.key == "problem.glyphs"]
    assert [(p.entity, p.row_id, p.field, p.blocking) for p in problems] == [("task", task.id, "content", False)]
    assert "😀 (U+1F600)" in problems[0].message and "U+202E" in problems[0].message
    assert problems[0].message.startswith("«Nội dung")
    pdf = prepare(ws, "plan", "pdf", 2027, plan_id=plan.id).save(tmp_path / "kh.pdf")
    text = " ".join(pdftotext(pdf).split())
    assert f"Họp dân {PLACEHOLDER} tại nhà văn hóa" in text
    assert "\u202e" not in text and "😀" not in text
