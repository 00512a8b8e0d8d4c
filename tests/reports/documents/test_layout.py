"""Decree-30 placement on the report's first page, measured with pdfplumber (points):
số and địa danh on one baseline, tên loại centred, "Kính gửi:" centred under the trích yếu."""

from __future__ import annotations

import pdfplumber
import pytest

MM = 72 / 25.4
LEFT, RIGHT = 30 * MM, 15 * MM


@pytest.fixture(scope="module")
def first_page(rendered):
    with pdfplumber.open(rendered["report_h1_pdf"]) as document:
        yield document.pages[0]


def _line(page, text: str) -> list[dict]:
    words = page.extract_words(extra_attrs=["size", "fontname"], use_text_flow=True)
    target = text.split()
    for i in range(len(words) - len(target) + 1):
        if [w["text"] for w in words[i : i + len(target)]] == target:
            return words[i : i + len(target)]
    raise AssertionError(f"{text!r} not found")


def _centre(words: list[dict]) -> float:
    return (min(w["x0"] for w in words) + max(w["x1"] for w in words)) / 2


def _text_centre(page) -> float:
    return LEFT + (page.width - LEFT - RIGHT) / 2


def test_number_left_and_place_date_right_on_one_line(first_page, h1_data):
    report = h1_data.report
    number = _line(first_page, f"Số: {report.doc_number:02d}/BC-UBND")
    day, month = int(report.report_date[8:10]), int(report.report_date[5:7])
    place = _line(first_page, f"Kỳ Phong, ngày {day:02d} tháng {month} năm 2026")
    assert abs(number[0]["bottom"] - place[0]["bottom"]) <= 3
    assert _centre(number) < first_page.width / 2 < _centre(place)
    assert all("Italic" in w["fontname"] for w in place)


def test_type_name_and_summary_centred_bold(first_page):
    type_name = _line(first_page, "BÁO CÁO")
    assert abs(_centre(type_name) - _text_centre(first_page)) <= 5
    assert type_name[0]["size"] == pytest.approx(14, abs=0.1) and "Bold" in type_name[0]["fontname"]
    summary = _line(first_page, "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2026")
    assert all("Bold" in w["fontname"] for w in summary)


def test_salutation_centred_between_summary_and_body(first_page):
    summary = _line(first_page, "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2026")
    salutation = _line(first_page, "Kính gửi: Sở Nội vụ tỉnh Hà Tĩnh.")
    body = _line(first_page, "Thực hiện Kế hoạch số")
    assert summary[0]["bottom"] < salutation[0]["top"] < body[0]["top"]
    assert abs(_centre(salutation) - _text_centre(first_page)) <= 5
    assert all(w["size"] == pytest.approx(14, abs=0.1) and "Bold" not in w["fontname"] for w in salutation)
    assert body[0]["x0"] == pytest.approx(LEFT + 10 * MM, abs=1)  # first-line indent of the body
