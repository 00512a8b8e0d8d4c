"""Every plan shape communes really issue, built through the plan service and printed.

Seen in real 2025 plans: section I "MỤC TIÊU, YÊU CẦU" with "1. Mục tiêu"; section II "NỘI DUNG, MỤC
TIÊU, NHIỆM VỤ CỤ THỂ" per area ("1.1. Mục tiêu / 1.2. Nhiệm vụ") with no separate "Chỉ tiêu chủ yếu";
only six areas; a plan issued by a decision in July with tasks in the second half-year; targets that
are not numbers; and sections of the commune's own.
"""

from __future__ import annotations

import re

import pytest

from cchc_desktop.kernel.documents.pdf import render_pdf
from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.plans.documents.document import build_plan_document
from tests.support.documents import body_text, doubled_phrases, pdftotext, squeeze
from tests.support.rendered import without_page_numbers


def printed(ws, plan_id: int, tmp_path, name: str = "plan") -> str:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(render_pdf(build_plan_document(ws.profile.get(), ws.plans.aggregate(plan_id))))
    return without_page_numbers(pdftotext(path, "-raw"))


def headings(text: str) -> list[str]:
    """The numbered headings of the body, in order: "I. …", "1. …", "1.1. …"."""
    body = body_text(text)
    return [line.strip() for line in body.splitlines() if re.match(r"^(?:[IVX]+|\d+(?:\.\d+)?)\. \S", line.strip())]


def roman_headings(text: str) -> list[str]:
    return [h for h in headings(text) if re.match(r"^[IVX]+\. ", h)]


def section(ws, plan_id: int, kind: str):
    return next(s for s in ws.plans.aggregate(plan_id).sections if s.kind == kind)


@pytest.fixture
def plan_id(ws) -> int:
    return ws.plans.create(2026, "framework").id


def test_the_default_shape_is_the_frameworks(ws, plan_id, tmp_path):
    text = printed(ws, plan_id, tmp_path)
    assert roman_headings(text) == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. CHỈ TIÊU CHỦ YẾU",
        "III. NHIỆM VỤ, GIẢI PHÁP",
        "IV. NHIỆM VỤ CỤ THỂ",
        "V. KINH PHÍ THỰC HIỆN",
        "VI. TỔ CHỨC THỰC HIỆN",
    ]
    assert doubled_phrases(body_text(text)) == []


def test_section_one_titled_muc_tieu_yeu_cau(ws, plan_id, tmp_path):
    purpose = section(ws, plan_id, "purpose")
    ws.edit("plan_section", purpose.id, "title", "Mục tiêu, yêu cầu")
    ws.edit("plan_section", purpose.id, "parts", "Mục tiêu\nYêu cầu")
    found = headings(printed(ws, plan_id, tmp_path))
    assert found[:2] == ["I. MỤC TIÊU, YÊU CẦU", "1. Mục tiêu"]
    assert "2. Yêu cầu" in found


def test_per_area_layout_with_no_separate_targets_section(ws, plan_id, tmp_path):
    ws.plans.set_area_layout(plan_id, "by_area")
    text = printed(ws, plan_id, tmp_path)
    found = headings(text)
    assert roman_headings(text) == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NỘI DUNG, MỤC TIÊU, NHIỆM VỤ CỤ THỂ",
        "III. KINH PHÍ THỰC HIỆN",  # the tasks' reference closes II: no "NHIỆM VỤ CỤ THỂ" said twice
        "IV. TỔ CHỨC THỰC HIỆN",
    ]
    two = squeeze(body_text(text)).split("III. KINH PHÍ")[0]
    assert two.rstrip().endswith(squeeze("tại Phụ lục I kèm theo Kế hoạch này."))
    start = found.index("II. NỘI DUNG, MỤC TIÊU, NHIỆM VỤ CỤ THỂ")
    assert found[start + 1 : start + 4] == [
        "1. Công tác chỉ đạo, điều hành cải cách hành chính",
        "1.1. Mục tiêu",
        "1.2. Nhiệm vụ",
    ]
    assert "2.1. Mục tiêu" in found and "CHỈ TIÊU CHỦ YẾU" not in squeeze(body_text(text))
    agg = ws.plans.aggregate(plan_id)
    for indicator in agg.indicators:  # every target is printed once, inside its area
        assert squeeze(body_text(text)).count(squeeze(indicator.text)[:60]) == 1, indicator.text
    assert doubled_phrases(body_text(text)) == []
    ws.undo()
    assert roman_headings(printed(ws, plan_id, tmp_path, "undone"))[1] == "II. CHỈ TIÊU CHỦ YẾU"


def test_only_six_areas(ws, plan_id, tmp_path):
    agg = ws.plans.aggregate(plan_id)
    dropped = [a for a in agg.areas if a.code in ("CDDH", "ISO", "TACDONG")]
    with pytest.raises(ValidationError):
        ws.plans.remove_area(dropped[0].id)  # it still has tasks: refused unless asked
    for area in dropped:
        ws.plans.remove_area(area.id, with_rows=True)
    agg = ws.plans.aggregate(plan_id)
    assert len(agg.areas) == 6 and {t.area_code for t in agg.tasks} <= {a.code for a in agg.areas}
    text = printed(ws, plan_id, tmp_path)
    found = headings(text)
    start = found.index("III. NHIỆM VỤ, GIẢI PHÁP")
    assert [h.split(". ", 1)[0] for h in found[start + 1 : start + 7]] == ["1", "2", "3", "4", "5", "6"]
    assert found[start + 1] == "1. Cải cách thể chế"
    assert "Tác động của cải cách hành chính" not in squeeze(text)
    for _ in dropped:
        ws.undo()
    assert len(ws.plans.aggregate(plan_id).areas) == 9


def test_a_mid_year_plan_issued_by_a_decision_in_july(ws, tmp_path):
    plan = ws.plans.create(2025, "blank")
    for field, value in (
        ("issue_mode", "QD"),
        ("doc_number", 112),
        ("issue_date", "15/07/2025"),
        ("title", "Kế hoạch cải cách hành chính xã Kỳ Phong năm 2025"),
    ):
        ws.edit("plan", plan.id, field, value)
    for content, deadline in (
        ("Kiện toàn Bộ phận Một cửa sau sắp xếp đơn vị hành chính", "Tháng 8/2025"),
        ("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Quý IV/2025"),
        ("Tự kiểm tra công tác cải cách hành chính", "Trước ngày 15/12/2025"),
    ):
        ws.insert("task", plan.id, {"content": content, "lead_unit": "Văn phòng", "deadline_text": deadline})
    text = squeeze(printed(ws, plan.id, tmp_path))
    assert "Số: 112/QĐ-UBND" in text and "ngày 15 tháng 7 năm 2025" in text
    assert "Ban hành Kế hoạch cải cách hành chính xã Kỳ Phong năm 2025" in text
    assert "Kế hoạch kế hoạch" not in text and "V/v" not in text
    assert all(t.deadline_due >= "2025-07-15" for t in ws.plans.aggregate(plan.id).tasks)


def test_targets_that_are_not_numbers(ws, plan_id, tmp_path):
    indicators = ws.plans.aggregate(plan_id).indicators
    typed = ["tăng so với năm trước", "duy trì", "thuộc nhóm 10 đơn vị dẫn đầu", "100%"]
    for indicator, value in zip(indicators, typed, strict=False):
        ws.plans.set_target(indicator.id, value)
    kept = ws.plans.aggregate(plan_id).indicators
    assert [i.target_text for i in kept[:3]] == typed[:3] and [i.target for i in kept[:3]] == [None] * 3
    assert (kept[3].target, kept[3].unit, kept[3].target_text) == (100, "%", "")
    assert not [p for p in ws.plans.problems(plan_id) if p.key == "problem.indicator.no_target"]
    text = squeeze(printed(ws, plan_id, tmp_path))
    for words in typed[:3]:
        assert text.count(words) >= 2, words  # in section II and in Phụ lục II


def test_sections_omitted_reordered_and_added_are_numbered_afresh(ws, plan_id, tmp_path):
    ws.edit("plan_section", section(ws, plan_id, "budget").id, "shown", False)
    ws.plans.add_section(plan_id, position=1)
    own = section(ws, plan_id, "custom")
    ws.edit("plan_section", own.id, "title", "Kết quả thực hiện năm 2025")
    ws.edit("plan_section", own.id, "body", "Năm 2025, xã hoàn thành 41/43 nhiệm vụ.\n- Chỉ số CCHC xếp thứ 12/77.")
    ws.move("plan_section", section(ws, plan_id, "actors").id, 2)
    text = printed(ws, plan_id, tmp_path)
    assert roman_headings(text) == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. KẾT QUẢ THỰC HIỆN NĂM 2025",
        "III. TỔ CHỨC THỰC HIỆN",
        "IV. CHỈ TIÊU CHỦ YẾU",
        "V. NHIỆM VỤ, GIẢI PHÁP",
        "VI. NHIỆM VỤ CỤ THỂ",
    ]
    assert "- Chỉ số CCHC xếp thứ 12/77." in text and "KINH PHÍ THỰC HIỆN" not in text
    with pytest.raises(ValidationError, match="không xóa được"):
        ws.delete("plan_section", [section(ws, plan_id, "budget").id])
    ws.delete("plan_section", [own.id])


def test_next_years_plan_keeps_this_years_shape(ws, plan_id):
    ws.plans.set_area_layout(plan_id, "by_area")
    ws.edit("plan", plan_id, "show_task_schedule", True)
    ws.plans.add_section(plan_id)
    for field, value in (("doc_number", 3), ("issue_date", "05/01/2026")):
        ws.edit("plan", plan_id, field, value)
    unfilled = [p.row_id for p in ws.plans.problems(plan_id) if p.key == "problem.basis.incomplete"]
    ws.delete("plan_basis", unfilled)  # the provincial plan's number and date, left blank by the framework
    ws.plans.issue(plan_id)
    copy = ws.plans.create(2027, "copy")
    agg = ws.plans.aggregate(copy.id)
    assert (agg.plan.area_layout, agg.plan.show_task_schedule) == ("by_area", True)
    assert [s.kind for s in agg.sections][-1] == "custom" and len(agg.sections) == 7


def test_optional_task_columns_print_only_when_shown(ws, plan_id, tmp_path):
    titles = ("Mục tiêu/Kết quả", "Cơ quan thực hiện", "Thời gian thực hiện")
    plain = re.sub(r"\s+", "", printed(ws, plan_id, tmp_path, "default"))
    assert not [t for t in titles if re.sub(r"\s+", "", t) in plain]
    ws.edit_cells(
        "plan",
        [(plan_id, field, True) for field in ("show_task_objective", "show_task_implementing", "show_task_schedule")],
    )
    plain = re.sub(r"\s+", "", printed(ws, plan_id, tmp_path, "all"))
    assert [t for t in titles if re.sub(r"\s+", "", t) in plain] == list(titles)
