"""The plan PDF read back with poppler: every element of the document is there, fonts embedded, A4."""

from __future__ import annotations

import pytest

from cchc_desktop.kernel.documents.pdf import render_pdf
from cchc_desktop.plans.documents.document import build_plan_document
from tests.support.documents import no_space, page_sizes, pdffonts, pdftotext, squeeze

A4 = (595.28, 841.89)


def _is(size: tuple[float, float], expected: tuple[float, float]) -> bool:
    return abs(size[0] - expected[0]) < 1 and abs(size[1] - expected[1]) < 1


@pytest.mark.parametrize(
    "line",
    [
        "ỦY BAN NHÂN DÂN",
        "XÃ KỲ PHONG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 05/KH-UBND",
        "Kỳ Phong, ngày 08 tháng 01 năm 2026",
        "KẾ HOẠCH",
        "Cải cách hành chính xã Kỳ Phong năm 2026",
        "Nơi nhận:",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Văn Đức",
        "- Sở Nội vụ tỉnh Hà Tĩnh (để báo cáo);",
        "- Lưu: VT, VP.",
    ],
)
def test_header_signature_and_recipients_are_printed(kh_layout_text, line):
    assert line in kh_layout_text


@pytest.mark.parametrize(
    "heading",
    [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "2. Yêu cầu",
        "II. CHỈ TIÊU CHỦ YẾU",
        "III. NHIỆM VỤ, GIẢI PHÁP",
        "IV. NHIỆM VỤ CỤ THỂ",
        "V. KINH PHÍ THỰC HIỆN",
        "VI. TỔ CHỨC THỰC HIỆN",
        "Phụ lục I",
        "DANH MỤC NHIỆM VỤ CỤ THỂ",
        "Phụ lục II",
        "CÁC CHỈ TIÊU CHỦ YẾU",
        "(Kèm theo Kế hoạch số 05/KH-UBND ngày 08 tháng 01 năm 2026 của Ủy ban nhân dân xã Kỳ Phong)",
    ],
)
def test_sections_and_appendices_are_printed(kh_raw_text, heading):
    assert no_space(heading) in no_space(kh_raw_text)


def test_every_task_area_and_indicator_is_printed(kh_raw_text, plan_kh):
    text = no_space(kh_raw_text)
    for task in plan_kh.tasks:
        assert no_space(task.content) in text, task.content
    for area in plan_kh.areas:
        assert no_space(area.display_name) in text, area.display_name
    for indicator in plan_kh.indicators:
        assert no_space(indicator.text) in text, indicator.text


@pytest.mark.parametrize(
    "words",
    [
        "đạt từ 98% trở lên",
        "Phấn đấu tỷ lệ hồ sơ được tiếp nhận",
        "tối đa 25 phút",
        "từ 01 đến 02 cuộc",
        "đạt 100%",
        "khoảng 200 triệu đồng",
        "dưới 1%",
        "đạt trên 85%",
        "Chuyển tiếp từ năm 2025",
        "Không áp dụng: Đã hoàn thành số hóa trong năm 2025",
    ],
)
def test_targets_and_notes_are_in_words(kh_raw_text, words):
    assert no_space(words) in no_space(kh_raw_text)


def test_body_ends_with_end_mark_before_signature(kh_raw_text):
    text = no_space(kh_raw_text)
    assert "giảiquyết./." in text
    assert text.index("./.") < text.index("Nơinhận:")


def test_roman_group_rows_and_arabic_task_numbers(kh_raw_text):
    text = squeeze(kh_raw_text)
    assert "I Công tác chỉ đạo, điều hành cải cách hành chính" in text
    assert "IX Tác động của cải cách hành chính" in text
    assert "1 Xây dựng, ban hành Kế hoạch" in text


def test_only_embedded_serif_fonts(kh_pdf, qd_pdf):
    for path in (kh_pdf, qd_pdf):
        fonts = pdffonts(path)
        assert fonts
        for font in fonts:
            assert font["emb"], font
            assert "LiberationSerif" in font["name"] or "TimesNewRoman" in font["name"], font


def test_pages_are_a4_with_landscape_task_appendix(kh_pdf):
    sizes = page_sizes(kh_pdf)
    pages = pdftotext(kh_pdf, "-layout").split("\f")
    assert _is(sizes[0], A4)
    appendix_one = next(i for i, page in enumerate(pages) if "DANH MỤC NHIỆM VỤ CỤ THỂ" in page)
    appendix_two = next(i for i, page in enumerate(pages) if "CÁC CHỈ TIÊU CHỦ YẾU" in page)
    assert all(_is(s, A4) for s in sizes[:appendix_one])
    assert all(_is(s, A4[::-1]) for s in sizes[appendix_one:appendix_two])
    assert all(_is(s, A4) for s in sizes[appendix_two:])
    assert appendix_two - appendix_one >= 2  # the task table runs over several landscape pages


def test_task_table_header_repeats_on_each_landscape_page(kh_pdf):
    sizes = page_sizes(kh_pdf)
    pages = pdftotext(kh_pdf, "-layout").split("\f")
    landscape = [page for page, size in zip(pages, sizes, strict=False) if size[0] > size[1]]
    assert len(landscape) >= 2
    for page in landscape:
        assert "Nội dung nhiệm vụ" in page and "Cơ quan chủ trì" in page


def test_decision_mode_issues_the_plan_with_a_quyet_dinh(qd_pdf):
    text = squeeze(pdftotext(qd_pdf, "-layout"))
    raw = no_space(pdftotext(qd_pdf, "-raw"))
    assert "QUYẾT ĐỊNH" in text
    assert "Số: 05/QĐ-UBND" in text
    assert "Ban hành Kế hoạch cải cách hành chính xã Kỳ Phong năm 2026" in text
    assert "V/v" not in text  # Decree 30 keeps "V/v" for công văn; a decision says what it does
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ KỲ PHONG" in text
    for article in ("Điều 1.", "Điều 2.", "Điều 3.", "- Như Điều 3;"):
        assert article in text
    assert (
        no_space(
            "(Ban hành kèm theo Quyết định số 05/QĐ-UBND ngày 08 tháng 01 năm 2026 "
            "của Chủ tịch Ủy ban nhân dân xã Kỳ Phong)"
        )
        in raw
    )
    assert "TM. ỦY BAN NHÂN DÂN" not in text  # the Chủ tịch signs a Quyết định in person


def test_decision_then_plan_order_and_single_signature(qd_pdf):
    raw = no_space(pdftotext(qd_pdf, "-raw"))
    assert raw.index("QUYẾTĐỊNH:") < raw.index("KẾHOẠCH") < raw.index("I.MỤCĐÍCH,YÊUCẦU") < raw.index("PhụlụcI")
    assert raw.count("Nơinhận:") == 1


def test_forced_decision_mode_uses_qd_symbol(profile, plan_kh, tmp_path):
    path = tmp_path / "forced.pdf"
    path.write_bytes(render_pdf(build_plan_document(profile, plan_kh, as_decision=True)))
    assert "Số: 05/QĐ-UBND" in squeeze(pdftotext(path, "-layout"))
