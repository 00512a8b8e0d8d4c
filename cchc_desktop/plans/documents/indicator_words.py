"""Chỉ tiêu in words, the way plans write them: "từ 55% trở lên", "tối đa 25 phút",
"từ 01 đến 02 cuộc", "đạt 100%", "khoảng 200 tỷ đồng"; "Phấn đấu …" when aspirational.

Shared by the plan document, its Excel export and, later, reports that quote targets.
"""

from __future__ import annotations

from cchc_desktop.kernel.documents.wording import lower_first, strip_end
from cchc_desktop.kernel.i18n import MESSAGES, format_number, tr
from cchc_desktop.kernel.text import clean, fold
from cchc_desktop.plans.model import Indicator

#: Comparators after which the sentence needs the verb "đạt" ("Tỷ lệ … đạt từ 90% trở lên").
_NEEDS_VERB = (">=", ">")


def _amount(value: float, indicator: Indicator) -> str:
    """55 → "55"; small counts zero-padded as officials write them ("01", "02")."""
    if indicator.is_percent:
        return format_number(value)
    if float(value).is_integer() and 0 <= value < 10 and "dong" not in fold(indicator.unit).split():
        return f"{int(value):02d}"
    return format_number(value)


def _with_unit(amount: str, indicator: Indicator) -> str:
    unit = clean(indicator.unit)
    if not unit:
        return amount
    return f"{amount}%" if indicator.is_percent else f"{amount} {unit}"


def target_words(indicator: Indicator) -> str:
    """The target alone: "từ 55% trở lên"; "" when no target is set."""
    if indicator.target is None:
        return ""
    low = _amount(indicator.target, indicator)
    if indicator.comparator == "range" and indicator.target_max is not None:
        high = _with_unit(_amount(indicator.target_max, indicator), indicator)
        return tr("doc.target.range", low=low, high=high)
    key = f"doc.target.{indicator.comparator}"
    return tr(key if key in MESSAGES else "doc.target.>=", value=_with_unit(low, indicator))


def indicator_sentence(indicator: Indicator) -> str:
    """One line of section II: "Phấn đấu tỷ lệ hồ sơ … đạt từ 55% trở lên."."""
    text = strip_end(indicator.text)
    words = target_words(indicator)
    if words:
        verb = tr("doc.target.reach")
        if indicator.comparator in _NEEDS_VERB and not fold(text).endswith(fold(verb)):
            words = f"{verb} {words}"
        text = f"{text} {words}"
    if indicator.aspirational and not fold(text).startswith(fold(tr("doc.target.aspirational"))):
        text = f"{tr('doc.target.aspirational')} {lower_first(text)}"
    return f"{text}."


def baseline_words(indicator: Indicator) -> str:
    """ "2025: 48%" (năm gốc and its value), either part alone, or ""."""
    value = ""
    if indicator.baseline_value is not None:
        value = _with_unit(format_number(indicator.baseline_value), indicator)
    if indicator.baseline_year and value:
        return tr("doc.target.baseline", year=indicator.baseline_year, value=value)
    return str(indicator.baseline_year or "") or value
