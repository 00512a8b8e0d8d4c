"""Chỉ tiêu in words, the way plans write them: "từ 55% trở lên", "tối đa 25 phút",
"từ 01 đến 02 cuộc", "đạt 100%", "khoảng 200 tỷ đồng"; "Phấn đấu …" when aspirational; a target
that is not a number as the plan words it ("duy trì", "tăng so với năm trước").

A plan line often states its own target ("Số hóa … đạt tối thiểu 55% số hồ sơ tiếp nhận"); the
target is then never said a second time.

Shared by the plan document, its Excel export and reports that quote targets.
"""

from __future__ import annotations

import re

from cchc_desktop.kernel.documents.wording import lower_first, strip_end
from cchc_desktop.kernel.i18n import MESSAGES, format_number, parse_number, tr
from cchc_desktop.kernel.text import clean, fold
from cchc_desktop.plans.model import Indicator

#: Comparators after which the sentence needs the verb "đạt" ("Tỷ lệ … đạt từ 90% trở lên").
_NEEDS_VERB = (">=", ">")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
#: Small counts written in words before what they count ("tối thiểu một lần", "hai cuộc"), diacritics
#: folded ("một cửa", "hài lòng" are not counts: the counted word must follow).
_NUMBER_WORDS = {"mot": 1, "hai": 2, "ba": 3, "bon": 4, "sau": 6, "bay": 7, "tam": 8, "chin": 9, "muoi": 10}
_COUNTED = re.compile(
    r"\b(" + "|".join(_NUMBER_WORDS) + r")\s+(lan|cuoc|buoi|dot|luot|sang kien|mo hinh|hoi nghi|giai phap)\b"
)
_NONE_WORDS = ("khong co", "khong de xay ra", "khong de")


def _amount(value: float, indicator: Indicator) -> str:
    """55 → "55"; small counts zero-padded as officials write them ("01", "02"); zero is "0"."""
    if indicator.is_percent:
        return format_number(value)
    if float(value).is_integer() and 0 < value < 10 and "dong" not in fold(indicator.unit).split():
        return f"{int(value):02d}"
    return format_number(value)


def _with_unit(amount: str, indicator: Indicator) -> str:
    unit = clean(indicator.unit)
    if not unit:
        return amount
    return f"{amount}%" if indicator.is_percent else f"{amount} {unit}"


def none_of(unit: str) -> str:
    """ "không có trường hợp nào": a count of nothing, said as such ("đạt 0 trường hợp" reads as a
    slip); "" for a rate, an amount of money or a figure without a unit, where 0 is said as a number."""
    unit = clean(unit)
    if unit in ("", "%") or "đồng" in unit:
        return ""
    return tr("doc.target.none", unit=unit)


def target_words(indicator: Indicator) -> str:
    """The target alone: "từ 55% trở lên", or the target in words ("duy trì"); "" when none is set."""
    if indicator.target is None:
        return clean(indicator.target_text)
    if indicator.comparator == "=" and indicator.target == 0 and none_of(indicator.unit):
        return none_of(indicator.unit)
    low = _amount(indicator.target, indicator)
    if indicator.comparator == "range" and indicator.target_max is not None:
        high = _with_unit(_amount(indicator.target_max, indicator), indicator)
        return tr("doc.target.range", low=low, high=high)
    key = f"doc.target.{indicator.comparator}"
    return tr(key if key in MESSAGES else "doc.target.>=", value=_with_unit(low, indicator))


def _numbers_in(text: str) -> set[float]:
    found: set[float] = set()
    for match in _NUMBER.findall(text):
        try:
            value = parse_number(match)
        except ValueError:
            continue
        if value is not None:
            found.add(value)
    found.update(_NUMBER_WORDS[match.group(1)] for match in _COUNTED.finditer(fold(text)))
    return found


def states_target(indicator: Indicator) -> bool:
    """Whether the line's own text already says its target ("… đạt tối thiểu 55% …", "Tối thiểu một
    lần …", "Không có cán bộ … vi phạm"), so the words of the target must not follow it again."""
    text = clean(indicator.text)
    if indicator.target is None:
        words = fold(indicator.target_text).strip()
        return bool(words) and words in fold(text)
    wanted = {indicator.target, indicator.target_max} - {None}
    if indicator.target == 0 and fold(text).startswith(_NONE_WORDS):
        return True
    return bool(wanted & _numbers_in(text))


def indicator_sentence(indicator: Indicator) -> str:
    """One line of the targets: "Phấn đấu tỷ lệ hồ sơ … đạt từ 55% trở lên."."""
    text = strip_end(indicator.text)
    words = target_words(indicator)
    if words and not states_target(indicator):
        verb = tr("doc.target.reach")
        if indicator.comparator in _NEEDS_VERB and indicator.target is not None and not fold(text).endswith(fold(verb)):
            words = f"{verb} {words}"
        text = f"{text} {words}" if indicator.target is not None else f"{text}: {words}"
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
