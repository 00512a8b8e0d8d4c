"""Dán bảng: rows copied from a Word or Excel table (tab-separated) → task/indicator rows.

Columns are mapped by a header row when there is one ("Nội dung", "Chủ trì", "Thời gian"…),
otherwise by position in the grid's column order; an STT column is recognised and dropped.
A row whose STT is a Roman numeral with only a title (a Word area heading "II | Cải cách thể
chế") sets the area of the rows under it; a row with an empty STT continues the row above
(tables split across pages).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from cchc_desktop.framework.areas import CANONICAL_AREAS
from cchc_desktop.kernel.text import clean, fold
from cchc_desktop.plans.targets import read_target

#: Grid column order, which is also the order unheaded pasted columns are read in
#: (the order of the seeds' tables: nội dung, chủ trì, phối hợp, thời gian, sản phẩm).
TASK_COLUMNS = (
    "area_code",
    "content",
    "lead_unit",
    "coordinating_units",
    "deadline_text",
    "product",
    "responsible",
    "budget",
    "carried_over_from",
    "not_applicable",
    "na_reason",
    "objective",
    "implementing_units",
    "schedule_text",
)
INDICATOR_COLUMNS = (
    "code",
    "text",
    "area_code",
    "comparator",
    "target",
    "target_max",
    "unit",
    "numerator_label",
    "denominator_label",
    "baseline_year",
    "baseline_value",
    "aspirational",
    "measure",
    "source_ref",
)

_HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "stt": ("stt", "tt", "so tt", "so thu tu"),
    "content": ("noi dung", "nhiem vu", "ten nhiem vu"),
    "product": ("san pham", "ket qua dau ra"),
    "lead_unit": ("chu tri",),
    "coordinating_units": ("phoi hop",),
    "responsible": ("phu trach", "nguoi thuc hien", "can bo thuc hien", "cong chuc"),
    "schedule_text": ("thoi gian thuc hien",),
    "deadline_text": ("thoi gian", "thoi han", "tien do"),
    "budget": ("kinh phi",),
    "area_code": ("linh vuc",),
    "text": ("chi tieu", "ten chi tieu"),
    "target": ("muc tieu", "gia tri", "chi so"),
    "objective": ("muc tieu", "ket qua can dat"),
    "implementing_units": ("co quan thuc hien", "don vi thuc hien"),
    "unit": ("don vi tinh", "dvt"),
    "numerator_label": ("tu so",),
    "denominator_label": ("mau so",),
    "baseline_year": ("nam goc",),
    "baseline_value": ("gia tri nam goc", "gia tri goc"),
    "source_ref": ("nguon", "can cu"),
    "code": ("ma chi tieu", "ma"),
    "ignore": ("ghi chu",),
}
_ROMAN = re.compile(r"^(?:[IVX]+)\.?$")
_ARABIC = re.compile(r"^\d+(?:\.\d+)*\.?$")


@dataclass
class PasteResult:
    rows: list[dict] = field(default_factory=list)
    notes: list[tuple[str, dict]] = field(default_factory=list)


def split_clipboard(text: str) -> list[list[str]]:
    """Tab-separated rows; Excel's quoted multi-line cells are kept whole."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")
    if not text.strip():
        return []
    reader = csv.reader(io.StringIO(text), delimiter="\t", quotechar='"')
    return [[clean(cell) for cell in row] for row in reader if any(c.strip() for c in row)]


def _header_field(cell: str, columns: tuple[str, ...]) -> str | None:
    folded = fold(cell)
    if not folded:
        return None
    for name, aliases in _HEADER_ALIASES.items():
        if name not in columns and name not in ("stt", "ignore"):
            continue
        if len(folded) <= 60 and any(re.search(rf"\b{alias}\b", folded) for alias in aliases):
            return name
    return None


def _header_map(row: list[str], columns: tuple[str, ...]) -> list[str | None] | None:
    """A header row names (almost) every filled cell with a known column title."""
    mapped = [_header_field(cell, columns) for cell in row]
    filled = [m for cell, m in zip(row, mapped, strict=True) if cell]
    known = [m for m in filled if m]
    useful = [m for m in known if m not in ("ignore", "stt")]
    if not useful or len(known) < 0.75 * len(filled):
        return None
    if "schedule_text" in mapped and "deadline_text" not in mapped:
        # The seeds' tables have one time column, "Thời gian thực hiện": it holds the deadline.
        mapped = ["deadline_text" if m == "schedule_text" else m for m in mapped]
    return mapped if len(useful) >= 2 or len(filled) == 1 else None


def _looks_like_stt(values: list[str]) -> bool:
    filled = [v for v in values if v]
    return bool(filled) and all(_ROMAN.match(v) or _ARABIC.match(v) for v in filled)


def area_for_title(title: str, extra_names: dict[str, str] | None = None) -> str | None:
    """Match a heading like "Cải cách thể chế" to an area code (plan display names first)."""
    folded = fold(title).strip(" .:")
    names = dict(extra_names or {})
    for area in CANONICAL_AREAS:
        names.setdefault(area.code, area.name)
    for code, name in names.items():
        target = fold(name)
        if folded and (folded in target or target in folded):
            return code
    keywords = {
        "iso": "ISO",
        "the che": "THECHE",
        "thu tuc": "TTHC",
        "bo may": "TCBM",
        "cong vu": "CONGVU",
        "tai chinh": "TCCONG",
        "dien tu": "CQS",
        "chinh quyen so": "CQS",
        "chi dao": "CDDH",
        "tac dong": "TACDONG",
    }
    for word, code in keywords.items():
        if word in folded:
            return code
    return None


def parse_rows(text: str, columns: tuple[str, ...], area_names: dict[str, str] | None = None) -> PasteResult:
    """Parse clipboard text into row dicts for ``columns`` (TASK_COLUMNS or INDICATOR_COLUMNS)."""
    table = split_clipboard(text)
    result = PasteResult()
    if not table:
        return result
    mapping = _header_map(table[0], columns)
    if mapping is not None:
        table = table[1:]
    else:
        mapping = _positional_map(table, columns)
    _collect(table, mapping, columns, area_names, result)
    return result


def _column(table: list[list[str]], index: int) -> list[str]:
    return [row[index] if index < len(row) else "" for row in table]


def _mostly(values: list[str], test) -> bool:
    filled = [v for v in values if v]
    return bool(filled) and sum(1 for v in filled if test(v)) >= 0.6 * len(filled)


def _is_deadline(value: str) -> bool:
    from cchc_desktop.plans.deadlines import parse_deadline

    return parse_deadline(value, 2000).kind not in ("unknown", "empty")


def _is_number(value: str) -> bool:
    return bool(re.fullmatch(r"[\d.,\s]+", value)) and any(ch.isdigit() for ch in value)


def _positional_map(table: list[list[str]], columns: tuple[str, ...]) -> list[str | None]:
    """Without a header: STT by shape, deadline and budget columns by content, the rest in order."""
    width = max(len(row) for row in table)
    mapping: list[str | None] = [None] * width
    start = 1 if width > 1 and _looks_like_stt(_column(table, 0)) else 0
    if start:
        mapping[0] = "stt"
    if "deadline_text" in columns:
        _claim_by_content(table, mapping, start, "deadline_text", _is_deadline)
        _claim_by_content(table, mapping, start, "budget", _is_number)
    rest = [c for c in _positional_order(columns) if c not in mapping]
    for index in range(start, width):
        if mapping[index] is None and rest:
            mapping[index] = rest.pop(0)
    return mapping


def _claim_by_content(table, mapping, start, name, test) -> None:
    for index in range(start + 1, len(mapping)):
        if mapping[index] is None and _mostly(_column(table, index), test):
            mapping[index] = name
            return


def _positional_order(columns: tuple[str, ...]) -> list[str]:
    if "content" in columns:
        return [c for c in columns if c != "area_code"]
    return [c for c in columns if c not in ("code", "area_code", "comparator", "target_max")]


def _collect(table, mapping, columns, area_names, result: PasteResult) -> None:
    current_area: str | None = None
    has_stt = "stt" in mapping
    for number, cells in enumerate(table, start=1):
        values = {name: cells[i] for i, name in enumerate(mapping) if name and i < len(cells) and cells[i]}
        if len(cells) > len(mapping):
            result.notes.append(("paste.too_many_columns", {"row": number, "count": len(cells), "max": len(mapping)}))
        stt = values.pop("stt", "")
        values.pop("ignore", None)
        heading = _area_heading(stt, values, area_names)
        if heading:
            current_area = heading
            continue
        if has_stt and not stt and result.rows:
            _continue_row(result.rows[-1], values)
            continue
        if current_area and not values.get("area_code"):
            values["area_code"] = current_area
        result.rows.append(_finish(values, columns))


def _area_heading(stt: str, values: dict[str, str], area_names: dict[str, str] | None) -> str | None:
    title_fields = [v for k, v in values.items() if k != "area_code"]
    if not (_ROMAN.match(stt) and len(title_fields) == 1):
        return None
    return area_for_title(title_fields[0], area_names)


def _continue_row(previous: dict[str, str], values: dict[str, str]) -> None:
    for key, value in values.items():
        previous[key] = f"{previous[key]} {value}".strip() if previous.get(key) else value


def _finish(values: dict, columns: tuple[str, ...]) -> dict:
    """A target cell read the way a typed one is: a number, a target phrase, or the target in words."""
    if "comparator" in columns and values.get("target") and not values.get("comparator"):
        read = read_target(values.pop("target"))
        if read.get("unit") and values.get("unit"):
            read.pop("unit")
        values.update({key: value for key, value in read.items() if value not in (None, "")})
    return values
