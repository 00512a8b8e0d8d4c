"""Title, data window and narrative agree per period; what a new report copies from the last one is
named until someone has looked at it, so no stale text is printed and sent unseen."""

from __future__ import annotations

import pytest

from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.rendering import prepare
from cchc_desktop.workspace import Workspace
from tests.support.documents import pdftotext, squeeze


@pytest.fixture
def demo(demo_path):
    with Workspace.open(demo_path) as ws:
        yield ws


def _printed(ws, code: str, folder) -> str:
    path = prepare(ws, "report", "pdf", 2026, code).save(folder / f"{code}.pdf")
    return squeeze(pdftotext(path, "-raw"))


def test_the_third_quarter_report_states_both_of_its_windows(demo, tmp_path):
    text = _printed(demo, "Q3", tmp_path)
    assert "quý III và 9 tháng đầu năm 2026" in text
    assert (
        "(số liệu trong kỳ từ ngày 15/06/2026 đến ngày 14/09/2026; lũy kế 9 tháng từ ngày 15/12/2025 "
        "đến ngày 14/09/2026)"
    ) in text
    assert "đạt 0 trường hợp" not in text and "lũy kế 9 tháng không có trường hợp nào" in text


def test_the_annual_report_speaks_of_its_own_year(demo, tmp_path):
    report = demo.reports.create(2026, "Y")
    text = _printed(demo, "Y", tmp_path)
    assert "Kết quả thực hiện công tác cải cách hành chính năm 2026" in text
    assert "(số liệu từ ngày 15/12/2025 đến ngày 14/12/2026)" in text
    assert "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027" in text and "KỲ TỚI" not in text
    assert demo.reports.get(report.id).carried_from == "Quý III/2026 (9 tháng)"


def test_copied_texts_are_named_until_rewritten_or_kept(demo):
    report = demo.reports.create(2026, "Y")
    copied = [p for p in demo.reports.problems(report.id) if "copied" in p.key]
    narrative = [p for p in copied if p.entity == "report"]
    assert {p.field for p in narrative} == set(demo.reports.get(report.id).to_review) != set()
    assert all(p.blocking for p in copied)
    assert "chép từ báo cáo Quý III/2026 (9 tháng)" in narrative[0].message
    first = narrative[0].field
    demo.edit("report", report.id, first, "Tồn tại của năm 2026 được viết lại cho báo cáo năm.")
    assert first not in demo.reports.get(report.id).to_review
    demo.edit("report", report.id, "doc_number", 140)
    demo.edit("report", report.id, "report_date", "14/12/2026")
    with pytest.raises(ValidationError, match="chép từ báo cáo"):
        demo.reports.check_submittable(report.id)
    demo.reports.keep_copied(report.id)
    assert not [p for p in demo.reports.problems(report.id) if "copied" in p.key]
    demo.undo()
    assert [p for p in demo.reports.problems(report.id) if "copied" in p.key]
