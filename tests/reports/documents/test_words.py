"""Report figures in words: rates with their fraction, targets quoted, cumulative figures, counts."""

from __future__ import annotations

import pytest

from cchc_desktop.kernel.documents.wording import count_text
from cchc_desktop.plans.model import Indicator
from cchc_desktop.reports.calc import Amount
from cchc_desktop.reports.documents.data import IndicatorLine
from cchc_desktop.reports.documents.words import counted_noun, indicator_sentence, status_summary, target_phrase
from cchc_desktop.reports.model import IndicatorActual, ReportPeriod
from cchc_desktop.reports.view import indicator_figures

H1 = ReportPeriod(
    id=2,
    year=2026,
    position=1,
    code="H1",
    name="6 tháng đầu năm 2026",
    title="6 tháng đầu năm 2026",
    start_date="2025-12-15",
    end_date="2026-06-14",
    due_date="2026-06-20",
)
Q3 = ReportPeriod(
    id=3,
    year=2026,
    position=2,
    code="Q3",
    name="Quý III/2026",
    title="quý III và 9 tháng đầu năm 2026",
    start_date="2026-06-15",
    end_date="2026-09-14",
    due_date="2026-09-20",
    cumulative_label="9 tháng",
)
Y = ReportPeriod(
    id=4,
    year=2026,
    position=3,
    code="Y",
    name="Năm 2026",
    title="năm 2026",
    start_date="2025-12-15",
    end_date="2026-12-14",
    due_date="2026-12-20",
)
CALENDAR = [H1, Q3, Y]


def _digitised(**changes) -> Indicator:
    values = dict(
        id=1,
        uid="i",
        plan_id=1,
        position=0,
        code="CX-13",
        text="Tỷ lệ hồ sơ được số hóa",
        comparator=">=",
        target=55,
        unit="%",
        numerator_label="Số hồ sơ được số hóa",
        denominator_label="Tổng số hồ sơ tiếp nhận",
        measure="cumulative",
    )
    values.update(changes)
    return Indicator(**values)


def _line(
    indicator: Indicator,
    period: ReportPeriod,
    numerator=None,
    denominator=None,
    value=None,
    earlier: dict | None = None,
) -> IndicatorLine:
    actual = IndicatorActual(
        id=1,
        report_id=1,
        position=0,
        indicator_id=indicator.id,
        numerator=numerator,
        denominator=denominator,
        value=value,
    )
    figures = indicator_figures(indicator, actual, period, CALENDAR, lambda p: (earlier or {}).get(p.code))
    return IndicatorLine(actual, figures)


def test_rate_with_fraction_and_target():
    line = _line(_digitised(), H1, 262, 457)
    assert indicator_sentence(line, H1) == (
        "Tỷ lệ hồ sơ được số hóa: kết quả đạt 57,3% (262/457 hồ sơ tiếp nhận), đạt chỉ tiêu kế hoạch (từ 55% trở lên)."
    )


def test_missed_exact_target_is_quoted_without_repeating_the_verb():
    indicator = _digitised(comparator="=", target=100, text="Tỷ lệ hồ sơ giải quyết đúng hạn")
    sentence = indicator_sentence(_line(indicator, H1, 640, 645), H1)
    assert sentence.endswith("kết quả đạt 99,2% (640/645 hồ sơ tiếp nhận), chưa đạt chỉ tiêu kế hoạch (100%).")
    assert target_phrase(indicator) == "100%"


def test_third_quarter_reports_the_nine_months_sum_not_an_average():
    line = _line(_digitised(), Q3, 215, 340, earlier={"H1": Amount(100, 200)})
    sentence = indicator_sentence(line, Q3)
    assert "lũy kế 9 tháng đạt 58,3% (315/540 hồ sơ tiếp nhận), riêng kỳ báo cáo đạt 63,2% (215/340" in sentence


def test_count_still_rising_and_missing_figures():
    meetings = Indicator(
        id=2,
        uid="m",
        plan_id=1,
        position=1,
        text="Tổ chức tiếp công dân định kỳ",
        comparator=">=",
        target=12,
        unit="buổi",
        measure="flow",
    )
    assert indicator_sentence(_line(meetings, H1, value=6), H1) == (
        "Tổ chức tiếp công dân định kỳ: kết quả đạt 6 buổi, chưa đạt chỉ tiêu cả năm (từ 12 buổi trở lên), "
        "tiếp tục thực hiện trong thời gian còn lại của năm."
    )
    assert indicator_sentence(_line(_digitised(), H1), H1) == "Tỷ lệ hồ sơ được số hóa: chưa có số liệu."


@pytest.mark.parametrize(
    ("label", "noun"),
    [
        ("Tổng số hồ sơ tiếp nhận", "hồ sơ tiếp nhận"),
        ("Số cán bộ, công chức xã", "cán bộ, công chức xã"),
        ("Tổng số văn bản đi, đến (trừ văn bản mật)", "văn bản đi, đến"),
        ("Kế hoạch vốn được giao (đồng)", ""),
    ],
)
def test_counted_noun(label, noun):
    assert counted_noun(_digitised(denominator_label=label)) == noun


def test_counts_and_status_order():
    assert [count_text(n) for n in (0, 7, 12, 1500)] == ["0", "07", "12", "1.500"]
    summary = status_summary({"in_progress": 5, "not_started": 1, "done_on_time": 2})
    assert summary == "hoàn thành đúng hạn 02, đang thực hiện 05, chưa triển khai 01"
