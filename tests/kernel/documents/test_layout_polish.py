"""What a clerk sees on the page: centred titles with no word alone on their last line, page 1 not left
a third empty before Điều 3 or the first table, a total for the budgets, no blank year."""

from __future__ import annotations

import pytest

from cchc_desktop.kernel.documents import pdf_styles as S
from cchc_desktop.kernel.documents.pdf import render_pdf
from cchc_desktop.kernel.documents.pdf_formalities import balanced
from cchc_desktop.plans.documents.document import build_plan_document
from cchc_desktop.rendering import prepare, read_plan
from cchc_desktop.workspace import Workspace
from tests.support.documents import page_text_bottoms, pdftotext, squeeze


@pytest.fixture(scope="module")
def demo_pdfs(demo_template, tmp_path_factory) -> dict[str, object]:
    out = tmp_path_factory.mktemp("polish")
    paths = {}
    with Workspace.open(demo_template) as ws:
        profile, agg = read_plan(ws, 2026)
        for code in ("Q1", "H1", "Q3"):
            paths[code] = prepare(ws, "report", "pdf", 2026, code).save(out / f"{code}.pdf")
        paths["assessment"] = prepare(ws, "assessment", "pdf", 2026).save(out / "assessment.pdf")
        paths["plan"] = prepare(ws, "plan", "pdf", 2026).save(out / "plan.pdf")
    decision = out / "decision.pdf"
    decision.write_bytes(render_pdf(build_plan_document(profile, agg, as_decision=True)))
    paths["decision"] = decision
    paths["agg"] = agg
    return paths


def _title_lines(layout: str, type_name: str) -> list[str]:
    """The centred lines under the document's type name, down to the first empty line."""
    lines = layout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == type_name)
    title = []
    for line in lines[start + 1 :]:
        if not line.strip():
            break
        title.append(line.strip())
    return title


@pytest.mark.parametrize(("name", "type_name"), [("Q3", "BÁO CÁO"), ("assessment", "BÁO CÁO"), ("plan", "KẾ HOẠCH")])
def test_no_word_is_left_alone_on_the_last_line_of_a_title(demo_pdfs, name, type_name):
    title = _title_lines(pdftotext(demo_pdfs[name], "-layout", "-l", "1"), type_name)
    assert title and all(len(line.split()) >= 2 for line in title), title


def test_balanced_titles_keep_their_words_and_blanks():
    font, size = S.fonts().bold, S.SIZE_SUMMARY
    text = "Kết quả thực hiện công tác cải cách hành chính quý III và 9 tháng đầu năm 2026"
    lines = balanced(text, font, size, S.text_width()).split("<br/>")
    assert len(lines) == 2 and " ".join(lines) == text
    assert lines[1] == "năm 2026"  # the last word is not left alone
    date = balanced(
        "(Kèm theo Kế hoạch số 05/KH-UBND ngày 08 tháng 01 năm 2026 của Ủy ban nhân dân xã)", font, size, 300
    )
    assert "ngày\u00a008\u00a0tháng\u00a001\u00a0năm\u00a02026" in date  # a date is never broken
    blank = "số \u00a0\u00a0\u00a0/QĐ-UBND"
    assert balanced(blank, font, size, S.text_width()) == "số \u00a0\u00a0\u00a0/QĐ-UBND"


@pytest.mark.parametrize("name", ["decision", "plan", "Q1", "H1", "Q3", "assessment"])
def test_page_one_is_filled_before_it_breaks(demo_pdfs, name):
    """A page break that leaves a third of page 1 empty (a heading dragging its whole table along, a
    closing article moved whole with the signature) is what a clerk sends back."""
    bottom, height = page_text_bottoms(demo_pdfs[name])[0]
    top, end = S.MARGIN_TOP_MM * S.MM, height - S.MARGIN_BOTTOM_MM * S.MM
    assert bottom > top + 2 / 3 * (end - top), (bottom, height)


def test_the_budgets_have_a_total(demo_pdfs):
    agg = demo_pdfs["agg"]
    total = sum(t.budget for t in agg.tasks if t.budget is not None and not t.not_applicable)
    text = squeeze(pdftotext(demo_pdfs["plan"], "-layout"))
    assert f"Tổng cộng {total:,.0f}".replace(",", ".") in text


def test_the_self_assessment_leaves_no_year_blank(demo_pdfs):
    header = squeeze(pdftotext(demo_pdfs["assessment"], "-layout", "-l", "1"))
    assert "Kỳ Phong, ngày tháng năm 2026" in header


def test_with_every_optional_column_no_number_or_title_word_is_broken(plan_kh, profile, tmp_path):
    from dataclasses import replace

    plan = replace(plan_kh.plan, show_task_objective=True, show_task_implementing=True, show_task_schedule=True)
    agg = replace(plan_kh, plan=plan)
    path = tmp_path / "columns.pdf"
    path.write_bytes(render_pdf(build_plan_document(profile, agg)))
    layout = pdftotext(path, "-layout")
    assert "STT" in layout and "ST\nT" not in layout
    budgets = {f"{t.budget:,.0f}".replace(",", ".") for t in agg.tasks if t.budget}
    assert budgets and all(amount in layout for amount in budgets)


def test_a_heading_never_ends_on_a_line_of_one_word(tmp_path):
    from cchc_desktop.kernel.documents.model import Header, Heading, OfficialDocument, Paragraph

    title = "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH"
    document = OfficialDocument(
        header=Header(["ỦY BAN NHÂN DÂN", "XÃ IA MƠ THƯỢNG"], "01/BC-UBND", "Ia Mơ Thượng, ngày 01 tháng 4 năm 2026"),
        type_name="BÁO CÁO",
        summary="Kết quả thực hiện công tác cải cách hành chính quý I năm 2026",
        body=[Heading(title), Paragraph("Tổng số nhiệm vụ theo Kế hoạch: 52.")],
    )
    path = tmp_path / "heading.pdf"
    path.write_bytes(render_pdf(document))
    lines = [line.strip() for line in pdftotext(path, "-layout").splitlines() if line.strip()]
    start = next(i for i, line in enumerate(lines) if line.startswith("II. KẾT QUẢ"))
    heading = [lines[start]] + ([lines[start + 1]] if not lines[start].endswith("CHÍNH") else [])
    assert " ".join(heading) == title and all(len(line.split()) >= 2 for line in heading)
