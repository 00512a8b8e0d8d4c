"""Decree-30 wording: dates, list punctuation, document numbers, targets in words, Nơi nhận."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from cchc_desktop.kernel.documents.pdf_markup import markup
from cchc_desktop.kernel.documents.wording import BLANK, long_date, place_date, punctuate, with_end_mark
from cchc_desktop.plans.documents.document import build_plan_document, number_text, plan_recipients
from cchc_desktop.plans.documents.indicator_words import baseline_words, indicator_sentence, target_words
from cchc_desktop.plans.model import Indicator, PlanRecipient


@pytest.mark.parametrize(
    "value, expected",
    [
        (dt.date(2026, 1, 8), "ngày 08 tháng 01 năm 2026"),
        ("2026-02-14", "ngày 14 tháng 02 năm 2026"),
        (dt.date(2026, 3, 5), "ngày 05 tháng 3 năm 2026"),
        (dt.date(2026, 12, 31), "ngày 31 tháng 12 năm 2026"),
    ],
)
def test_dates_are_padded_per_decree_30(value, expected):
    assert long_date(value) == expected


def test_blank_date_for_hand_filling():
    assert long_date(None, 2026) == f"ngày {BLANK} tháng {BLANK} năm 2026"
    assert place_date("Kỳ Phong", None, 2026).startswith("Kỳ Phong, ngày ")


def test_list_punctuation_and_end_mark():
    assert punctuate(["Căn cứ A.", "Căn cứ B;", "Căn cứ C"]) == ["Căn cứ A;", "Căn cứ B;", "Căn cứ C."]
    assert with_end_mark("chịu trách nhiệm thi hành Quyết định này.") == "chịu trách nhiệm thi hành Quyết định này./."


def test_number_text_pads_and_leaves_blank(plan_kh):
    plan = copy.deepcopy(plan_kh.plan)
    assert number_text(plan, "KH") == "05/KH-UBND"
    assert number_text(plan, "QD") == "05/QĐ-UBND"
    plan.doc_number = None
    assert number_text(plan, "KH") == f"{BLANK}/KH-UBND"


def _indicator(**kwargs) -> Indicator:
    base = dict(id=1, uid="i", plan_id=1, position=1, text="Tỷ lệ hồ sơ giải quyết đúng hạn", unit="%")
    return Indicator(**{**base, **kwargs})


@pytest.mark.parametrize(
    "kwargs, words",
    [
        (dict(comparator=">=", target=55), "từ 55% trở lên"),
        (dict(comparator=">", target=22.5), "trên 22,5%"),
        (dict(comparator="=", target=100), "đạt 100%"),
        (dict(comparator="<=", target=25, unit="phút"), "tối đa 25 phút"),
        (dict(comparator="<", target=1), "dưới 1%"),
        (dict(comparator="~", target=200, unit="tỷ đồng"), "khoảng 200 tỷ đồng"),
        (dict(comparator="~", target=5, unit="tỷ đồng"), "khoảng 5 tỷ đồng"),
        (dict(comparator="range", target=1, target_max=2, unit="cuộc"), "từ 01 đến 02 cuộc"),
        (dict(comparator=">=", target=None), ""),
    ],
)
def test_targets_in_words(kwargs, words):
    assert target_words(_indicator(**kwargs)) == words


def test_indicator_sentence_adds_verb_and_aspiration():
    assert (
        indicator_sentence(_indicator(comparator=">=", target=90))
        == "Tỷ lệ hồ sơ giải quyết đúng hạn đạt từ 90% trở lên."
    )
    assert (
        indicator_sentence(_indicator(comparator=">=", target=90, aspirational=True))
        == "Phấn đấu tỷ lệ hồ sơ giải quyết đúng hạn đạt từ 90% trở lên."
    )
    assert (
        indicator_sentence(_indicator(text="UBND xã ban hành kế hoạch", comparator="=", target=100, aspirational=True))
        == "Phấn đấu UBND xã ban hành kế hoạch đạt 100%."
    )


def test_baseline_words():
    assert baseline_words(_indicator(baseline_year=2025, baseline_value=41.5)) == "2025: 41,5%"
    assert baseline_words(_indicator(baseline_year=2025)) == "2025"
    assert baseline_words(_indicator()) == ""


def test_recipients_keep_user_archive_line_last(plan_kh):
    plan = copy.deepcopy(plan_kh)
    plan.recipients.insert(0, PlanRecipient(id=9, plan_id=1, position=0, recipient="Lưu: VT, VP, Hoa (03b)"))
    lines = plan_recipients(plan, first=("Như Điều 3",))
    assert lines[0] == "Như Điều 3"
    assert lines[1] == "Sở Nội vụ tỉnh Hà Tĩnh (để báo cáo)"
    assert lines[-1] == "Lưu: VT, VP, Hoa (03b)"
    assert sum(line.startswith("Lưu") for line in lines) == 1


def test_decision_article_three_names_directed_actors_only(profile, plan_qd):
    document = build_plan_document(profile, plan_qd)
    article3 = document.body[-1]
    assert article3.lead == "Điều 3."
    assert article3.text.startswith("Văn phòng HĐND và UBND xã; các công chức chuyên môn và các cơ quan")
    assert "MTTQ" not in article3.text
    assert document.signature.lines == ["CHỦ TỊCH"]
    assert document.attachments[0].signature is None


def test_markup_escapes_everything_a_user_can_type():
    assert markup('<b>x</b> & <font name="x">') == '&lt;b&gt;x&lt;/b&gt; &amp; &lt;font name="x"&gt;'
    assert markup("a\x00b\x1fc\nd") == "abc<br/>d"
    assert markup("a   b") == "a \u00a0\u00a0b"
