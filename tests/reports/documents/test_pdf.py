"""The period report built from the demo workspace, read back with poppler: formalities, every
task of Phụ lục I, indicator figures with decimal comma, signature, fonts, page sizes."""

from __future__ import annotations

import subprocess

import pytest

from cchc_desktop.kernel.i18n import format_number, format_percent
from cchc_desktop.plans.documents.document import recipient_lines
from cchc_desktop.plans.model import signature_lines
from cchc_desktop.reports.documents.data import area_sections, indicator_lines, task_lines
from tests.support.documents import no_space, page_sizes, pdffonts, pdftotext, squeeze
from tests.support.rendered import without_page_numbers

A4 = (595.28, 841.89)


def pdftotext_bytes(data: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, check=True, capture_output=True
    ).stdout.decode()


def _is(size: tuple[float, float], expected: tuple[float, float]) -> bool:
    return abs(size[0] - expected[0]) < 1 and abs(size[1] - expected[1]) < 1


@pytest.fixture(scope="module")
def pdf(rendered):
    return rendered["report_h1_pdf"]


@pytest.fixture(scope="module")
def layout_text(pdf) -> str:
    return squeeze(pdftotext(pdf, "-layout"))


@pytest.fixture(scope="module")
def raw(pdf) -> str:
    return no_space(without_page_numbers(pdftotext(pdf, "-raw")))


@pytest.fixture(scope="module")
def pages(pdf) -> list[str]:
    return pdftotext(pdf, "-raw").split("\f")


def test_header_number_title_and_salutation(layout_text, h1_data):
    report = h1_data.report
    assert report.doc_number is not None and report.status == "submitted"
    for line in (
        "ỦY BAN NHÂN DÂN",
        "XÃ KỲ PHONG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        f"Số: {report.doc_number:02d}/BC-UBND",
        "BÁO CÁO",
        "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2026",
        "Kính gửi: Sở Nội vụ tỉnh Hà Tĩnh.",
    ):
        assert line in layout_text, line
    day, month = int(report.report_date[8:10]), int(report.report_date[5:7])
    assert f"Kỳ Phong, ngày {day:02d} tháng {month} năm 2026" in layout_text


def test_period_title_follows_the_period_label(rendered):
    text = squeeze(pdftotext(rendered["report_q1_pdf"], "-layout"))
    assert "Kết quả thực hiện công tác cải cách hành chính quý I năm 2026" in text
    assert "(số liệu từ ngày 15/12/2025 đến ngày 14/03/2026)" in text


@pytest.mark.parametrize(
    "heading",
    [
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
        "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
        "III. ĐÁNH GIÁ CHUNG",
        "1. Kết quả đạt được",
        "2. Tồn tại, hạn chế",
        "3. Nguyên nhân",
        "IV. NHIỆM VỤ, GIẢI PHÁP KỲ TỚI",
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
        "Phụ lục I",
        "TIẾN ĐỘ, KẾT QUẢ THỰC HIỆN NHIỆM VỤ",
        "Phụ lục II",
        "SỐ LIỆU THỰC HIỆN CÁC CHỈ TIÊU",
    ],
)
def test_outline_and_appendices(raw, heading):
    assert no_space(heading) in raw


def test_every_area_of_the_plan_gets_a_part(raw, h1_data):
    for section in area_sections(h1_data):
        assert no_space(section.name) in raw, section.name


def test_narrative_is_printed_as_written(raw, h1_data):
    report = h1_data.report
    for text in (report.achievements_text, report.shortcomings_text, report.causes_text, report.proposals_text):
        assert text and no_space(text) in raw
    assert no_space(report.next_tasks_text.splitlines()[0]) in raw


def test_every_task_row_is_in_appendix_one(pages, h1_data):
    start = next(i for i, page in enumerate(pages) if "TIẾN ĐỘ, KẾT QUẢ THỰC HIỆN NHIỆM VỤ" in page)
    end = next(i for i, page in enumerate(pages) if "SỐ LIỆU THỰC HIỆN CÁC CHỈ TIÊU" in page)
    appendix = no_space(without_page_numbers("\n".join(pages[start:end])))
    lines = task_lines(h1_data)
    assert len(lines) == len(h1_data.aggregate.progress) > 40
    for line in lines:
        assert no_space(line.task.content) in appendix, line.task.content
        if line.progress.result:
            assert no_space(line.progress.result) in appendix


def _sample_indicator(data):
    """A rate indicator that met a "từ … trở lên" target, with a countable denominator."""
    for line in indicator_lines(data):
        ind = line.figures.indicator
        if (
            line.figures.fraction
            and line.figures.attainment == "met"
            and ind.comparator == ">="
            and not ind.aspirational
            and ind.denominator_label.startswith("Tổng số")
            and line.figures.basis == "year_to_date"
        ):
            return line
    raise AssertionError("the demo has no met rate indicator")


def test_indicator_figures_in_words_with_decimal_comma(raw, h1_data):
    line = _sample_indicator(h1_data)
    figures, ind = line.figures, line.figures.indicator
    amount = figures.ytd_amount
    noun = ind.denominator_label.removeprefix("Tổng số ").strip()
    rate = format_percent(figures.ytd_figure)
    expected = (
        f"kết quả đạt {rate} ({format_number(amount.numerator)}/{format_number(amount.denominator)} "
        f"{noun}), đạt chỉ tiêu kế hoạch (từ {format_number(ind.target)}% trở lên)"
    )
    assert "," in rate
    assert no_space(expected) in raw


def test_every_indicator_figure_is_printed(raw, h1_data):
    for line in indicator_lines(h1_data):
        figures = line.figures
        if figures.period_figure is not None and (figures.fraction or figures.indicator.is_percent):
            text = format_percent(figures.period_figure)
            assert no_space(text) in raw, (figures.indicator.code, text)
            assert "." not in text


def test_signature_end_mark_and_recipients(raw, h1_data):
    report = h1_data.report
    for line in signature_lines(report.signer_mode, report.signer_title):
        assert no_space(line) in raw
    assert no_space(report.signer_name) in raw
    closing = (
        "Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2026 "
        "của Ủy ban nhân dân xã Kỳ Phong./."
    )
    assert no_space(closing) in raw
    assert raw.index("./.") < raw.index("Nơinhận:")
    assert "-Nhưtrên;" in raw
    for line in recipient_lines(h1_data.aggregate.recipients):
        assert no_space(line) in raw


def test_fonts_are_embedded(pdf):
    fonts = pdffonts(pdf)
    assert fonts and all(font["emb"] for font in fonts)


def test_a4_portrait_body_and_landscape_appendices(pdf):
    sizes = page_sizes(pdf)
    pages = pdftotext(pdf, "-layout").split("\f")
    first_appendix = next(i for i, page in enumerate(pages) if "TIẾN ĐỘ, KẾT QUẢ THỰC HIỆN NHIỆM VỤ" in page)
    assert all(_is(size, A4) for size in sizes[:first_appendix])
    assert all(_is(size, A4[::-1]) for size in sizes[first_appendix:])
    landscape = [page for page, size in zip(pages, sizes, strict=False) if size[0] > size[1]]
    assert all("STT" in page for page in landscape if page.strip())  # the header row repeats


def test_report_pdf_for_an_exchange_package(render_ws_path):
    from cchc_desktop.rendering import report_data, report_pdf_from_data
    from cchc_desktop.workspace import Workspace

    with Workspace.open(render_ws_path) as ws:
        data = report_data(ws, ws.reports.for_period(2026, "Q1").id)
    text = squeeze(pdftotext_bytes(report_pdf_from_data(data)))
    assert "Kết quả thực hiện công tác cải cách hành chính quý I năm 2026" in text


def test_user_text_with_markup_characters_is_printed_as_typed(render_ws_path, tmp_path):
    import shutil

    from cchc_desktop.rendering import prepare
    from cchc_desktop.workspace import Workspace

    path = tmp_path / "markup.sqlite"
    shutil.copy(render_ws_path, path)
    typed = 'Tỷ lệ <b>dưới</b> 50% & "chưa đạt"; tổ dân phố số 3 > 2'
    with Workspace.open(path) as ws:
        draft = next(r for r in ws.reports.reports(2026) if r.status == "draft")
        ws.edit("report", draft.id, "causes_text", typed)
        period = ws.get("report_period", draft.period_id).code
        output = prepare(ws, "report", "pdf", 2026, period).save(tmp_path / "markup.pdf")
    assert no_space(typed) in no_space(pdftotext(output, "-raw"))
