"""The generic renderer: user text can never break the PDF; output is repeatable; progress and
cancel work; other documents (a report with Kính gửi and a body table) render too."""

from __future__ import annotations

import copy
import re
import subprocess
import sys
import unicodedata

import pytest

from cchc_desktop.kernel.documents.model import (
    Bullet,
    Column,
    Header,
    Heading,
    OfficialDocument,
    PageBreak,
    Paragraph,
    Row,
    Signature,
    Table,
)
from cchc_desktop.kernel.documents.pdf import render_pdf
from cchc_desktop.kernel.errors import JobCancelled
from cchc_desktop.plans.documents.document import build_plan_document
from tests.support.documents import no_space, pdftotext, squeeze

MARKUP = '<b>x</b> & <font name="x">'
LONG_WORD = "Q" * 600


@pytest.fixture(scope="module")
def hostile_pdf(profile, plan_kh, tmp_path_factory):
    plan = copy.deepcopy(plan_kh)
    plan.tasks[0].content = MARKUP
    plan.tasks[1].content = LONG_WORD
    plan.tasks[2].product = "A&B <script> ]]> &amp; &#x41;"
    plan.plan.title = "Cải cách <i>thử</i> & kiểm tra"
    plan.areas[0].tasks_text = "- " + ("rất dài " * 500)
    plan.indicators[0].text = unicodedata.normalize("NFD", "Tỷ lệ hồ sơ Ủy quyền đúng hạn")
    path = tmp_path_factory.mktemp("hostile") / "hostile.pdf"
    path.write_bytes(render_pdf(build_plan_document(profile, plan, draft_mark=True)))
    return path


def test_markup_typed_by_users_prints_literally(hostile_pdf):
    raw = pdftotext(hostile_pdf, "-raw")
    assert MARKUP in raw
    assert no_space("A&B <script> ]]> &amp; &#x41;") in no_space(raw)
    assert "Cải cách <i>thử</i> & kiểm tra" in squeeze(pdftotext(hostile_pdf, "-layout"))


def test_long_unbroken_text_wraps_instead_of_overflowing(hostile_pdf):
    import pdfplumber

    runs = re.findall(r"Q{5,}", no_space(pdftotext(hostile_pdf, "-raw")))
    assert sum(len(run) for run in runs) == len(LONG_WORD)  # all of it, wrapped over lines and pages
    with pdfplumber.open(hostile_pdf) as pdf:
        for page in pdf.pages:
            assert max(c["x1"] for c in page.chars) <= page.width - 15 * 72 / 25.4 + 0.5


def test_text_is_nfc_and_draft_mark_shows(hostile_pdf):
    text = pdftotext(hostile_pdf, "-raw")
    assert "Tỷ lệ hồ sơ Ủy quyền đúng hạn" in text
    layout = squeeze(pdftotext(hostile_pdf, "-layout"))
    assert "DỰ THẢO" in layout


def test_same_input_gives_same_bytes(profile, plan_kh):
    document = build_plan_document(profile, plan_kh)
    assert render_pdf(document) == render_pdf(document)


def test_progress_reaches_total(profile, plan_kh):
    calls: list[tuple[int, int]] = []
    render_pdf(build_plan_document(profile, plan_kh), progress=lambda done, total: calls.append((done, total)))
    assert calls and calls[-1][0] == calls[-1][1] > 0
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


def test_cancel_stops_rendering(profile, plan_kh):
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 5

    with pytest.raises(JobCancelled):
        render_pdf(build_plan_document(profile, plan_kh), cancelled=cancelled)


def _report() -> OfficialDocument:
    table = Table(
        [Column("STT", 0.5, "center"), Column("Chỉ tiêu", 4), Column("Kết quả", 1, "right", kind="number")],
        [Row(["1", "Hồ sơ đúng hạn", 97.5]), Row(["2", "Hồ sơ trực tuyến", 1234567])],
    )
    return OfficialDocument(
        header=Header(["ỦY BAN NHÂN DÂN", "PHƯỜNG ĐỒNG HỚI"], "12/BC-UBND", "Đồng Hới, ngày 15 tháng 3 năm 2026"),
        type_name="BÁO CÁO",
        summary="Kết quả thực hiện công tác cải cách hành chính quý I năm 2026",
        salutation=["Sở Nội vụ tỉnh Quảng Trị", "Ủy ban nhân dân tỉnh Quảng Trị"],
        body=[
            Heading("I. KẾT QUẢ"),
            Paragraph("Đã thực hiện các nhiệm vụ."),
            Bullet("Nội dung một", "+"),
            table,
            PageBreak(),
            Heading("a) Điểm", level=3),
            Paragraph("Kết thúc báo cáo."),
        ],
        signature=Signature(["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "Trần Thị Ủy"),
        recipients=["Như trên", "Lưu: VT, VP"],
    )


def test_generic_report_with_salutation_and_body_table(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(render_pdf(_report()))
    layout = squeeze(pdftotext(path, "-layout"))
    assert "Kính gửi:" in layout
    assert "- Sở Nội vụ tỉnh Quảng Trị;" in layout and "- Ủy ban nhân dân tỉnh Quảng Trị." in layout
    assert "97,5" in layout and "1.234.567" in layout
    assert "+ Nội dung một" in layout
    assert "Kết thúc báo cáo./." in layout
    assert "- Như trên;" in layout and "- Lưu: VT, VP." in layout
    assert "KT. CHỦ TỊCH" in layout and "Trần Thị Ủy" in layout
    assert len(pdftotext(path, "-layout").strip("\f").split("\f")) == 2


def test_single_salutation_on_one_line(tmp_path):
    document = _report()
    document.salutation = ["Sở Nội vụ tỉnh Quảng Trị"]
    path = tmp_path / "one.pdf"
    path.write_bytes(render_pdf(document))
    assert "Kính gửi: Sở Nội vụ tỉnh Quảng Trị." in squeeze(pdftotext(path, "-layout"))


def test_renderers_do_not_load_reportlab_or_openpyxl_at_import():
    code = (
        "import sys, cchc_desktop.kernel.documents.pdf, cchc_desktop.plans.documents.document, "
        "cchc_desktop.kernel.documents.xlsx, cchc_desktop.plans.documents.xlsx; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('reportlab', 'openpyxl', 'PySide6')]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_row_taller_than_a_page_splits_across_pages(profile, plan_kh, tmp_path):
    plan = copy.deepcopy(plan_kh)
    plan.tasks[0].content = "Nội dung riêng " * 600  # first row under a group row
    plan.tasks[6].content = "Dòng dài " * 500
    path = tmp_path / "tall.pdf"
    path.write_bytes(render_pdf(build_plan_document(profile, plan)))
    assert pdftotext(path, "-raw").count("riêng") == 600  # every word, none lost at the page breaks
    assert pdftotext(path, "-raw").count("Dòng dài") == 500
    pages = [p for p in pdftotext(path, "-layout").split("\f") if "Cơ quan chủ trì" in p]
    assert len(pages) > 8
    assert all(page.count("Nội dung nhiệm vụ") == 1 for page in pages)  # header never repeated mid-page
