"""The reminder letter and the consolidated report, drafted from the figures and read back from the PDF."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import zipfile

import openpyxl
import pytest

from cchc_desktop.kernel.errors import LockedError, ValidationError


def _text(path) -> str:
    result = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(result.stdout.split())


def test_a_letter_names_the_units_behind_and_what_they_are_behind_on(office, tmp_path):
    rv, commune = office
    demo = next(u for u in rv.receiver.roster() if u.unit_code == commune.profile.get().commune_code)
    rv.edit("roster_unit", demo.id, "name", "Thử Nghiệm")  # the office names units; packages do not
    letter = rv.letters.draft(2026, "Q3", today=dt.date(2026, 10, 5))
    units = __import__("json").loads(letter.units)
    assert len(units) == 70  # nobody sent Q3 yet; everyone is listed (69 official units, the demo by hand)
    assert letter.subject.startswith("V/v đôn đốc gửi báo cáo Quý III/2026 (9 tháng)")
    assert "của 0/70 đơn vị; còn 70 đơn vị chưa gửi. Danh sách đơn vị có tại phụ lục" in letter.body_text
    assert not re.search(r"(?<![\d/])0 đơn vị", letter.body_text)  # only what is so
    assert "ngày ngày" not in letter.body_text
    rv.edit_cells(
        "reminder_letter",
        [
            (letter.id, "doc_number", 12),
            (letter.id, "issue_date", "05/10/2026"),
            (letter.id, "signer_name", "Nguyễn Văn Bình"),
        ],
    )
    path = rv.letters.prepare_letter(letter.id, "pdf").save(tmp_path / "cv.pdf")
    text = _text(path)
    assert "ngày ngày" not in text and "  " not in text
    for phrase in (
        "UBND TỈNH HÀ TĨNH",
        "SỞ NỘI VỤ",
        "Số: 12/SNV-CCHC",
        "V/v đôn đốc gửi báo cáo",
        "Kính gửi",
        "KT. GIÁM ĐỐC",
        "PHÓ GIÁM ĐỐC",
        "Nguyễn Văn Bình",
        "DANH SÁCH ĐƠN VỊ CHẬM GỬI BÁO CÁO",
        "Quý III/2026 (9 tháng): chưa gửi",
        "Xã Cẩm Bình",
    ):
        assert phrase in text, phrase
    assert "Kỳ Phong" not in text and "Thử Nghiệm" in text  # the roster's names, never a package's


def test_issuing_locks_the_letter_and_needs_a_free_number(office):
    rv, _ = office
    letter = rv.letters.draft(2026, "Q3", today=dt.date(2026, 10, 5))
    with pytest.raises(ValidationError, match="số văn bản"):
        rv.letters.issue(letter.id)
    rv.edit_cells("reminder_letter", [(letter.id, "doc_number", 3), (letter.id, "issue_date", "2026-10-06")])
    issued = rv.letters.issue(letter.id)
    assert issued.status == "issued"
    with pytest.raises(LockedError):
        rv.edit("reminder_letter", letter.id, "subject", "Sửa sau khi ban hành")
    second = rv.letters.draft(2026, "Q3", today=dt.date(2026, 10, 7))
    rv.edit_cells("reminder_letter", [(second.id, "doc_number", 3), (second.id, "issue_date", "2026-10-07")])
    with pytest.raises(ValidationError, match="đã dùng"):
        rv.letters.issue(second.id)


def test_the_letter_appendix_in_excel(office, tmp_path):
    rv, _ = office
    letter = rv.letters.draft(2026, "Q3", today=dt.date(2026, 10, 5))
    path = rv.letters.prepare_letter(letter.id, "xlsx").save(tmp_path / "cv.xlsx")
    sheet = openpyxl.load_workbook(path).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert any("Xã Cẩm Bình" in (row or ()) for row in values)


def test_the_consolidated_report_and_workbook(office, tmp_path):
    rv, _ = office
    pdf = rv.letters.prepare_consolidated(2026, "H1", "pdf").save(tmp_path / "bc.pdf")
    text = _text(pdf)
    for phrase in (
        "BÁO CÁO",
        "Tình hình thực hiện cải cách hành chính của các đơn vị cấp xã 6 tháng đầu năm 2026",
        "có 1/70 đơn vị đã gửi báo cáo",
        "Phụ lục I",
        "Phụ lục II",
        "Phụ lục III",
    ):
        assert phrase in text, phrase
    xlsx = rv.letters.prepare_consolidated(2026, "H1", "xlsx").save(tmp_path / "bc.xlsx")
    book = openpyxl.load_workbook(xlsx)
    assert book.sheetnames == [
        "Tổng hợp",
        "Tình hình gửi",
        "Chỉ tiêu",
        "Chỉ tiêu theo đơn vị",
        "Điểm tự đánh giá",
        "Nhiệm vụ chậm",
    ]
    assert zipfile.is_zipfile(xlsx)
