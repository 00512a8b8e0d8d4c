"""Chỉ tiêu: reading and writing targets the way plans phrase them.

"từ 55% trở lên" ⇄ (">=", 55, "%"); "tối đa 25 phút" ⇄ ("<=", 25, "phút");
"từ 01 đến 02 cuộc" ⇄ ("range", 1, 2, "cuộc"); "khoảng 200 tỷ đồng" ⇄ ("~", 200, "tỷ đồng").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cchc_desktop.kernel.i18n import format_number, parse_number
from cchc_desktop.kernel.text import clean, fold

_NUM = r"(\d+(?:[.,]\d+)*)"


@dataclass(frozen=True)
class Target:
    comparator: str
    target: float | None
    target_max: float | None = None
    unit: str = ""
    aspirational: bool = False


_RULES: tuple[tuple[str, str], ...] = (
    (r"tu\s+" + _NUM + r"\s*(%|[^\d\s]*)?\s+den\s+" + _NUM, "range"),
    (r"(?:tu\s+|dat\s+)?(?:toi thieu|it nhat)\s+" + _NUM, ">="),
    (r"tu\s+" + _NUM + r".*?tro len", ">="),
    (_NUM + r"\s*(?:%\s*)?tro len", ">="),
    (r"(?:tren|hon|vuot)\s+" + _NUM, ">"),
    (r"(?:toi da|khong qua|khong vuot qua)\s+" + _NUM, "<="),
    (r"(?:duoi|it hon)\s+" + _NUM, "<"),
    (r"(?:khoang|xap xi|gan)\s+" + _NUM, "~"),
    (r"(?:>=|≥)\s*" + _NUM, ">="),
    (r"(?:<=|≤)\s*" + _NUM, "<="),
    (r">\s*" + _NUM, ">"),
    (r"<\s*" + _NUM, "<"),
    (r"(?:~|≈)\s*" + _NUM, "~"),
    (r"(?:=\s*|dat\s+)?" + _NUM, "implied"),
)


def parse_target_text(text: str) -> Target | None:
    """Read a target phrase; None when it holds no number."""
    raw = clean(text)
    folded = fold(raw).replace("≥", ">=").replace("≤", "<=")
    aspirational = bool(re.match(r"^\s*(phan dau|phan dau)", folded))
    for pattern, comparator in _RULES:
        match = re.search(pattern, folded)
        if not match:
            continue
        return _target_from(match, comparator, raw, folded, aspirational)
    return None


def _target_from(match: re.Match, comparator: str, raw: str, folded: str, aspirational: bool) -> Target:
    numbers = [g for g in match.groups() if g and re.fullmatch(_NUM, g)]
    first = parse_number(numbers[0])
    unit = _unit_after(raw, folded, match)
    if comparator == "range":
        return Target("range", first, parse_number(numbers[-1]), unit, aspirational)
    if comparator == "implied":
        # A bare "100%" is a ceiling to reach exactly; a bare "85%" reads as "at least".
        comparator = "=" if first == 100 and unit == "%" else ">="
    return Target(comparator, first, None, unit, aspirational)


def _unit_after(raw: str, folded: str, match: re.Match) -> str:
    tail = raw[match.end() :].strip() if len(raw) == len(folded) else ""
    if "%" in raw[match.start() : match.end() + 2]:
        return "%"
    words = re.match(r"^([^\d,.;()]{1,20}?)(?:\s+(?:tro len|trở lên)|$|[,.;(])", tail)
    return words.group(1).strip() if words else ""


def _num(value: float | None) -> str:
    if value is None:
        return "…"
    text = format_number(value)
    return text.zfill(2) if value == int(value) and 0 < value < 10 and "," not in text else text


def describe_target(
    comparator: str, target: float | None, target_max: float | None, unit: str, aspirational: bool = False
) -> str:
    """The target in plan words: "phấn đấu từ 55% trở lên", "tối đa 25 phút"."""
    unit = unit.strip()
    sep = "" if unit == "%" else " "
    amount = f"{_num(target)}{sep}{unit}".strip()
    phrases = {
        ">=": f"từ {amount} trở lên",
        ">": f"trên {amount}",
        "=": f"đạt {amount}",
        "<=": f"tối đa {amount}",
        "<": f"dưới {amount}",
        "~": f"khoảng {amount}",
        "range": f"từ {_num(target)} đến {_num(target_max)}{sep}{unit}".rstrip(),
    }
    phrase = phrases.get(comparator, amount)
    return f"phấn đấu {phrase}" if aspirational else phrase


_PLAIN_NUMBER = re.compile(r"^\s*" + _NUM + r"\s*(%?)\s*$")
#: Words a target phrase is made of besides its number and unit ("phấn đấu đạt từ 55% trở lên").
_PHRASE_WORDS = re.compile(
    r"\b(?:phan dau|dat|tu|tro len|toi thieu|it nhat|tren|hon|vuot|toi da|khong qua|khong vuot qua|duoi|it|"
    r"khoang|xap xi|gan|den)\b|>=|<=|[≥≤><~≈=%]"
)


def read_target(text: str | float | int | None) -> dict[str, object]:
    """What a typed or pasted target sets: a number ("55", "0,5", "1.000", "100%"), a target phrase
    ("từ 55% trở lên", "tối đa 25 phút": comparator, numbers, unit), or, for anything else, the target
    in words ("duy trì", "tăng so với năm trước", "thuộc nhóm 10 đơn vị dẫn đầu"). Nothing is lost."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        return {"target": float(text), "target_text": ""}
    raw = clean("" if text is None else str(text))
    if not raw:
        return {"target": None, "target_max": None, "target_text": ""}
    plain = _PLAIN_NUMBER.match(raw)
    if plain:
        values: dict[str, object] = {"target": parse_number(plain.group(1)), "target_text": ""}
        return values | ({"unit": "%"} if plain.group(2) else {})
    parsed = parse_target_text(raw)
    if parsed is not None and _only_phrase_words(raw, parsed):
        return {
            "comparator": parsed.comparator,
            "target": parsed.target,
            "target_max": parsed.target_max,
            "unit": parsed.unit,
            "aspirational": parsed.aspirational,
            "target_text": "",
        }
    return {"target": None, "target_max": None, "target_text": raw}


def _only_phrase_words(raw: str, parsed: Target) -> bool:
    """The text is nothing but a target phrase: take away numbers, the unit and the comparator words."""
    rest = fold(raw)
    if parsed.unit and parsed.unit != "%":
        rest = rest.replace(fold(parsed.unit), " ")
    rest = re.sub(_NUM, " ", rest)
    rest = _PHRASE_WORDS.sub(" ", rest)
    return not rest.strip(" .,;:")
