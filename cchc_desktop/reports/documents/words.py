"""Report figures in words, the way commune reports write them.

"Số hóa hồ sơ … : kết quả đạt 56,9% (373/655 hồ sơ tiếp nhận), đạt chỉ tiêu kế hoạch (từ 55%
trở lên)."; counts of tasks by status ("hoàn thành đúng hạn 07, đang thực hiện 12"). Rates
come from the report's computed figures (summed numerators over summed denominators), never
recomputed here.
"""

from __future__ import annotations

import re

from cchc_desktop.kernel.documents.wording import count_text, strip_end
from cchc_desktop.kernel.i18n import format_number, format_percent, tr
from cchc_desktop.kernel.text import clean, fold
from cchc_desktop.plans.documents.indicator_words import none_of, target_words
from cchc_desktop.plans.model import Indicator
from cchc_desktop.reports.calc import Amount, attainment_text
from cchc_desktop.reports.documents.data import IndicatorLine, TaskLine
from cchc_desktop.reports.model import ReportPeriod
from cchc_desktop.reports.view import IndicatorFigures

_COUNTED_PREFIXES = ("tong so ", "so ")
_PARENTHESES = re.compile(r"\s*\([^)]*\)")


#: Statuses in the order reports list them: what is finished first.
STATUS_ORDER = ("done_on_time", "done_late", "in_progress", "not_started", "not_done")


def counted_noun(indicator: Indicator) -> str:
    """What the denominator counts: "Tổng số hồ sơ tiếp nhận" → "hồ sơ tiếp nhận"; "" when unclear."""
    label = _PARENTHESES.sub("", clean(indicator.denominator_label)).strip()
    folded = fold(label)
    for prefix in _COUNTED_PREFIXES:
        if folded.startswith(prefix):
            return label[len(prefix) :].strip()
    return ""


def value_text(value: float | None, indicator: Indicator, percent: bool) -> str:
    """56.94 → "56,9%"; 18 → "18 phút"; None → ""."""
    if value is None:
        return ""
    if percent:
        return format_percent(value)
    unit = clean(indicator.unit)
    return f"{format_number(round(value, 2))} {unit}".strip()


def fraction_text(amount: Amount | None, indicator: Indicator, with_noun: bool = True) -> str:
    """ "373/655 hồ sơ tiếp nhận" (or "373/655"); "" when either part is missing."""
    if amount is None or amount.numerator is None or amount.denominator is None:
        return ""
    noun = counted_noun(indicator) if with_noun else ""
    text = f"{format_number(amount.numerator)}/{format_number(amount.denominator)}"
    return f"{text} {noun}" if noun else text


def is_percent(figures: IndicatorFigures) -> bool:
    return figures.fraction or figures.indicator.is_percent


def figure_words(figures: IndicatorFigures, use_ytd: bool, with_noun: bool = True) -> str:
    """ "56,9% (373/655 hồ sơ tiếp nhận)" for the period or the year so far; "" without data."""
    amount = figures.ytd_amount if use_ytd else figures.period_amount
    value = figures.ytd_figure if use_ytd else figures.period_figure
    text = value_text(value, figures.indicator, is_percent(figures))
    if not text:
        return ""
    fraction = fraction_text(amount, figures.indicator, with_noun) if figures.fraction else ""
    return f"{text} ({fraction})" if fraction else text


def attainment_words(figures: IndicatorFigures) -> str:
    """ "đạt chỉ tiêu kế hoạch (từ 55% trở lên)", "chưa đạt …", "" when there is no target."""
    target = target_phrase(figures.indicator)
    state = figures.attainment
    if state in ("met", "not_met", "pending") and target:
        key = f"doc.report.attainment.{state}"
        if figures.indicator.aspirational:
            key += ".aspirational"
        return tr(key, target=target)
    if state in ("no_data", "undefined"):
        return tr(f"doc.report.attainment.{state}")
    if state == "in_words" and target:
        return tr("doc.report.attainment.in_words", target=target)
    return ""


def target_phrase(indicator: Indicator) -> str:
    """The target as quoted after "đạt chỉ tiêu kế hoạch": "từ 55% trở lên", "100%" (not "đạt 100%")."""
    words = target_words(indicator)
    reach = tr("doc.target.reach") + " "
    return words[len(reach) :] if indicator.comparator == "=" and words.startswith(reach) else words


def _cumulates(figures: IndicatorFigures) -> bool:
    """The judged figure sums several windows (Quý III with 6 tháng): say "lũy kế"."""
    return figures.basis == "year_to_date" and len(figures.ytd_codes) > 1


def _nothing(figures: IndicatorFigures, use_ytd: bool) -> str:
    """ "không có trường hợp nào" when the figure is a count of 0 (not a rate, not money)."""
    value = figures.ytd_figure if use_ytd else figures.period_figure
    if value != 0 or figures.fraction or is_percent(figures):
        return ""
    return none_of(figures.indicator.unit)


def _said(key: str, figures: IndicatorFigures, use_ytd: bool, figure: str, **params: str) -> str:
    """The result phrase ``key`` with its figure, or its ".none" form for a count of nothing."""
    nothing = _nothing(figures, use_ytd)
    return tr(f"{key}.none", none=nothing, **params) if nothing else tr(key, figure=figure, **params)


def indicator_result(figures: IndicatorFigures, period: ReportPeriod) -> str:
    """The result part of an indicator sentence, without the indicator's own text."""
    if _cumulates(figures):
        ytd = figure_words(figures, use_ytd=True)
        span = clean(period.cumulative_label) or tr("doc.report.since_year_start")
        own = figure_words(figures, use_ytd=False)
        if ytd:
            result = _said("doc.report.result.cumulative", figures, True, ytd, span=span)
            return result + (_said("doc.report.result.this_period", figures, False, own) if own else "")
    own = figure_words(figures, use_ytd=False)
    return _said("doc.report.result.period", figures, False, own) if own else ""


def indicator_sentence(line: IndicatorLine, period: ReportPeriod) -> str:
    """ "<chỉ tiêu>: kết quả đạt 56,9% (373/655 hồ sơ tiếp nhận), đạt chỉ tiêu kế hoạch (…)."."""
    figures = line.figures
    parts = [p for p in (indicator_result(figures, period), attainment_words(figures)) if p]
    if not parts:
        parts = [tr("doc.report.attainment.no_data")]
    return f"{strip_end(figures.indicator.text)}: {', '.join(parts)}."


def attainment_label(figures: IndicatorFigures) -> str:
    """The short verdict for tables: "Đạt", "Chưa đạt (chỉ tiêu phấn đấu)"…"""
    return attainment_text(figures.attainment, figures.indicator.aspirational)


def status_summary(counts: dict[str, int]) -> str:
    """ "hoàn thành đúng hạn 07, đang thực hiện 12" in the order of the statuses."""
    parts = [f"{tr(f'report.task_status.{s}').lower()} {count_text(counts[s])}" for s in STATUS_ORDER if counts.get(s)]
    return ", ".join(parts)


def status_label(line: TaskLine) -> str:
    """ "Đang thực hiện" or "Đang thực hiện (chậm tiến độ)"."""
    label = tr(f"report.task_status.{line.progress.status}")
    return tr("doc.report.behind", status=label) if line.behind else label


def task_result_sentence(line: TaskLine) -> str:
    """ "<nhiệm vụ>: <kết quả>." for a task with a written result; "" otherwise."""
    result = strip_end(line.progress.result)
    if not result:
        return ""
    return f"{strip_end(line.task.content)}: {result}."
