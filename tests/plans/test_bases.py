"""A căn cứ the framework cannot fill (the province's own plan: its number and date) is never issued as
a defective legal basis: it prints as blanks to fill, and the checks name it until it is filled."""

from __future__ import annotations

import pytest

from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.plans.rules import basis_is_complete


def test_the_provincial_plan_is_named_in_the_checks_until_its_number_and_date_are_filled(ws):
    plan = ws.plans.create(2026, "framework")
    ws.edit("plan", plan.id, "doc_number", 4)
    ws.edit("plan", plan.id, "issue_date", "12/01/2026")
    flagged = [p for p in ws.plans.problems(plan.id) if p.key == "problem.basis.incomplete"]
    assert len(flagged) == 1 and flagged[0].blocking and flagged[0].entity == "plan_basis"
    basis = ws.get("plan_basis", flagged[0].row_id)
    assert basis.text.startswith("Căn cứ Kế hoạch số …/KH-UBND ngày …/…/2026 của Ủy ban nhân dân tỉnh Hà Tĩnh")
    with pytest.raises(ValidationError, match="chưa ghi đủ số"):
        ws.plans.issue(plan.id)
    ws.edit("plan_basis", basis.id, "text", basis.text.replace("…/KH-UBND ngày …/…/2026", "25/KH-UBND ngày 15/01/2026"))
    assert not [p for p in ws.plans.problems(plan.id) if p.key == "problem.basis.incomplete"]
    assert ws.plans.issue(plan.id).status == "issued"


@pytest.mark.parametrize(
    ("text", "complete"),
    [
        ("Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025;", True),
        ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;", True),
        ("Căn cứ Nghị quyết số 12-NQ/TU ngày 26/5/2022 của Ban Chấp hành Đảng bộ tỉnh;", True),
        ("Căn cứ Chỉ thị 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ;", True),
        ("Căn cứ tình hình thực tế tại địa phương.", True),
        ("Căn cứ Kế hoạch cải cách hành chính năm 2026 của Ủy ban nhân dân tỉnh Hà Tĩnh;", False),
        ("Căn cứ Quyết định số 90/QĐ-UBND của Ủy ban nhân dân huyện;", False),
        ("Căn cứ Kế hoạch số …/KH-UBND ngày …/…/2026 của Ủy ban nhân dân tỉnh;", False),
    ],
)
def test_what_a_complete_basis_is(text, complete):
    assert basis_is_complete(text) is complete
