"""Decree-30 geometry measured on the real PDF with pdfplumber (positions in points)."""

from __future__ import annotations

import pdfplumber
import pytest

from cchc_desktop.kernel.documents import pdf_styles

MM = 72 / 25.4
LEFT, RIGHT, TOP, BOTTOM = 30 * MM, 15 * MM, 20 * MM, 20 * MM


@pytest.fixture(scope="module")
def pdf(kh_pdf):
    with pdfplumber.open(kh_pdf) as document:
        yield document


def _words(page) -> list[dict]:
    return page.extract_words(extra_attrs=["size", "fontname"], keep_blank_chars=False, use_text_flow=True)


def _line(page, text: str) -> list[dict]:
    """The words of the first occurrence of ``text`` (a run of consecutive words)."""
    words = _words(page)
    target = text.split()
    for i in range(len(words) - len(target) + 1):
        if [w["text"] for w in words[i : i + len(target)]] == target:
            return words[i : i + len(target)]
    raise AssertionError(f"{text!r} not found on page {page.page_number}")


def _centre(words: list[dict]) -> float:
    return (min(w["x0"] for w in words) + max(w["x1"] for w in words)) / 2


def _baseline(page, words: list[dict]) -> float:
    first = words[0]
    chars = [c for c in page.chars if abs(c["x0"] - first["x0"]) < 0.5 and abs(c["top"] - first["top"]) < 0.5]
    return chars[0]["matrix"][5]


def _text_centre(page) -> float:
    return LEFT + (page.width - LEFT - RIGHT) / 2


def test_margin_constants_are_inside_decree_ranges():
    for side, value in pdf_styles.MARGINS_MM.items():
        low, high = pdf_styles.MARGIN_RANGES_MM[side]
        assert low <= value <= high


def test_text_stays_inside_margins_on_every_page(pdf):
    for page in pdf.pages:
        body = [c for c in page.chars if c["top"] > TOP]  # page numbers sit in the top margin
        assert min(c["x0"] for c in page.chars) >= LEFT - 0.5, page.page_number
        assert page.width - max(c["x1"] for c in page.chars) >= RIGHT - 0.5, page.page_number
        assert page.height - max(c["bottom"] for c in body) >= BOTTOM - 0.5, page.page_number


def test_national_name_right_and_bold_agency_left(pdf):
    page = pdf.pages[0]
    national = _line(page, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    agency = _line(page, "ỦY BAN NHÂN DÂN")
    assert _centre(national) > page.width / 2
    assert all("Bold" in w["fontname"] for w in national)
    assert 12 <= national[0]["size"] <= 13
    assert max(w["x1"] for w in agency) < page.width / 2
    assert min(w["x0"] for w in national) > max(w["x1"] for w in agency)
    assert all("Bold" in w["fontname"] for w in _line(page, "XÃ KỲ PHONG"))


def test_number_and_place_date_share_a_baseline(pdf):
    page = pdf.pages[0]
    number = _line(page, "Số: 05/KH-UBND")
    place = _line(page, "Kỳ Phong, ngày 08 tháng 01 năm 2026")
    assert abs(_baseline(page, number) - _baseline(page, place)) <= 3
    assert _centre(number) < page.width / 2 < _centre(place)
    assert all("Italic" in w["fontname"] for w in place)


def test_rules_under_motto_and_agency(pdf):
    page = pdf.pages[0]
    motto = _line(page, "Độc lập - Tự do - Hạnh phúc")
    motto_x0, motto_x1 = min(w["x0"] for w in motto), max(w["x1"] for w in motto)
    bottom = max(w["bottom"] for w in motto)
    rules = [line for line in page.lines if 0 < line["top"] - bottom < 8 and line["x0"] > page.width / 2 - 60]
    assert rules, "no rule under the tiêu ngữ"
    assert abs(rules[0]["x0"] - motto_x0) < 1.5 and abs(rules[0]["x1"] - motto_x1) < 1.5
    agency = _line(page, "ỦY BAN NHÂN DÂN")
    agency_width = max(w["x1"] for w in agency) - min(w["x0"] for w in agency)
    agency_rules = [line for line in page.lines if line["x1"] < page.width / 2 and line["top"] < 150]
    assert agency_rules
    assert agency_width / 3 <= agency_rules[0]["x1"] - agency_rules[0]["x0"] <= agency_width / 2


def test_type_name_centred_and_summary_bold(pdf):
    page = pdf.pages[0]
    type_name = _line(page, "KẾ HOẠCH")
    assert abs(_centre(type_name) - _text_centre(page)) <= 5
    assert type_name[0]["size"] == pytest.approx(14, abs=0.1) and "Bold" in type_name[0]["fontname"]
    summary = _line(page, "Cải cách hành chính xã Kỳ Phong năm 2026")
    assert abs(_centre(summary) - _text_centre(page)) <= 5
    assert all("Bold" in w["fontname"] and 13 <= w["size"] <= 14 for w in summary)


def test_body_size_and_first_line_indent(pdf):
    page = pdf.pages[0]
    intro = _line(page, "Ủy ban nhân dân xã Kỳ Phong ban hành Kế hoạch")
    assert all(13 <= w["size"] <= 14 for w in intro)
    assert intro[0]["x0"] == pytest.approx(LEFT + 10 * MM, abs=1)


def test_recipients_sizes_and_styles(pdf):
    page = next(p for p in pdf.pages if "Nơi nhận:" in (p.extract_text() or ""))
    heading = _line(page, "Nơi nhận:")
    assert all(w["size"] == pytest.approx(12, abs=0.1) and "BoldItalic" in w["fontname"] for w in heading)
    archive = _line(page, "- Lưu: VT, VP.")
    assert all(w["size"] == pytest.approx(11, abs=0.1) for w in archive)
    assert heading[0]["x0"] == pytest.approx(LEFT, abs=1)
    signer = _line(page, "TM. ỦY BAN NHÂN DÂN")
    assert abs(_baseline(page, signer) - _baseline(page, heading)) <= 3  # level with the signature lines
    assert all(w["size"] == pytest.approx(14, abs=0.1) and "Bold" in w["fontname"] for w in signer)


def _page_number_words(page) -> list[dict]:
    return [w for w in _words(page) if w["text"].isdigit() and w["bottom"] < TOP]


def test_page_numbers_centred_in_top_margin_not_on_first_page(pdf):
    assert _page_number_words(pdf.pages[0]) == []
    number = _page_number_words(pdf.pages[1])
    assert [w["text"] for w in number] == ["2"]
    assert abs(_centre(number) - _text_centre(pdf.pages[1])) <= 3
    assert number[0]["size"] == pytest.approx(14, abs=0.1)


def test_appendix_page_numbers_restart(pdf):
    first = next(i for i, p in enumerate(pdf.pages) if "DANH MỤC NHIỆM VỤ CỤ THỂ" in (p.extract_text() or ""))
    assert pdf.pages[first].width > pdf.pages[first].height
    assert _page_number_words(pdf.pages[first]) == []
    assert [w["text"] for w in _page_number_words(pdf.pages[first + 1])] == ["2"]
