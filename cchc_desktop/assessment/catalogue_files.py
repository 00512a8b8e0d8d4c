"""Reading a criteria catalogue file: JSON (flat or nested) or Excel (.xlsx, one row per node).

JSON: ``{"ten": …, "nam": 2026, "tinh": …, "quyet_dinh": …, "minh_hoa": false,
"tieu_chi": [{"ma": "1", "ten": …, "diem_toi_da": 10, …, "con": [...]}, …]}``; a node
gives its parent either by nesting (``con``) or by ``ma_cha``.

Excel: a sheet of criteria whose first row holds the column titles ("Mã", "Mã mục cha",
"Tên tiêu chí", "Điểm tối đa", "Phương pháp chấm", "Bước điểm", "Hướng dẫn chấm",
"Tài liệu kiểm chứng", "Chỉ tiêu", "Ngưỡng đề xuất"), and optionally a sheet "Thông tin"
with the catalogue's name, year, province and decision as label/value pairs.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from cchc_desktop.assessment.catalogue import CatalogueImportError, CatalogueSpec, RawRow, build_catalogue
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.paths import resource_path
from cchc_desktop.kernel.text import clean, fold

DEFAULT_CATALOGUE = ("criteria", "default-illustrative.json")

#: Column titles (folded, without notes in brackets) → row keys.
HEADER_ALIASES = {
    "ma": ("ma", "ma tieu chi", "ma so", "stt", "so thu tu"),
    "ma_cha": ("ma cha", "ma muc cha", "muc cha", "thuoc muc", "thuoc"),
    "ten": ("ten", "ten tieu chi", "tieu chi", "noi dung", "linh vuc, tieu chi", "ten linh vuc, tieu chi"),
    "diem_toi_da": ("diem toi da", "toi da", "diem", "diem chuan"),
    "phuong_phap": ("phuong phap", "phuong phap cham", "cach cham"),
    "buoc_diem": ("buoc diem", "buoc"),
    "huong_dan": ("huong dan", "huong dan cham", "huong dan cham diem", "cach tinh diem"),
    "tai_lieu_kiem_chung": ("tai lieu kiem chung", "tai lieu", "tlkc"),
    "chi_tieu": ("chi tieu", "ma chi tieu", "chi tieu lien quan"),
    "nguong": ("nguong", "nguong de xuat", "nguong diem", "nguong cham"),
}
META_ALIASES = {
    "ten": ("ten", "ten bo tieu chi"),
    "nam": ("nam", "nam ap dung"),
    "tinh": ("tinh", "tinh, thanh pho", "don vi ban hanh"),
    "quyet_dinh": ("quyet dinh", "can cu", "van ban"),
    "ma_bo": ("ma bo", "ma bo tieu chi"),
    "minh_hoa": ("minh hoa",),
}
REQUIRED_COLUMNS = ("ma", "ten", "diem_toi_da")
INFO_SHEET = "thong tin"
HEADER_SEARCH_ROWS = 15


def read_catalogue_file(path: str | Path) -> CatalogueSpec:
    """Read and check a catalogue file; CatalogueImportError lists every problem."""
    file = Path(path)
    if not file.is_file():
        raise CatalogueImportError([tr("assessment.import.missing", path=str(file))])
    suffix = file.suffix.lower()
    if suffix == ".json":
        return read_json_catalogue(file.read_bytes(), file.name)
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx_catalogue(file)
    raise CatalogueImportError([tr("assessment.import.bad_type", name=file.name)])


@lru_cache(maxsize=1)
def load_default_catalogue() -> CatalogueSpec:
    """The shipped illustrative catalogue (not any province's official set); read once."""
    path = resource_path(*DEFAULT_CATALOGUE)
    return read_json_catalogue(path.read_bytes(), path.name)


def _heading(text: Any) -> str:
    """ "Điểm tối đa (điểm)" → "diem toi da"."""
    without_notes = re.sub(r"\(.*?\)", " ", clean(str(text or "")))
    return " ".join(re.sub(r"[_:*]", " ", fold(without_notes)).split())


def _alias(text: Any, aliases: dict[str, tuple[str, ...]]) -> str | None:
    heading = _heading(text)
    if heading.replace(" ", "_") in aliases:
        return heading.replace(" ", "_")
    return next((key for key, names in aliases.items() if heading in names), None)


# JSON #################################################################


def read_json_catalogue(data: bytes, name: str) -> CatalogueSpec:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", 1)
        raise CatalogueImportError([tr("assessment.import.bad_json", name=name, line=line)]) from None
    if not isinstance(document, dict) or not isinstance(document.get("tieu_chi"), list):
        raise CatalogueImportError([tr("assessment.import.json_shape", name=name)])
    rows: list[RawRow] = []
    _flatten(document["tieu_chi"], "", rows)
    meta = {key: document.get(key) for key in META_ALIASES}
    return build_catalogue(rows, meta, name)


def _flatten(items: list[Any], parent: str, rows: list[RawRow]) -> None:
    for item in items:
        where = tr("assessment.import.where.item", number=len(rows) + 1)
        if not isinstance(item, dict):
            rows.append(RawRow(where, {}))
            continue
        values = {key: item.get(key) for key in item if key in HEADER_ALIASES}
        if parent and not values.get("ma_cha"):
            values["ma_cha"] = parent
        rows.append(RawRow(where, values))
        if isinstance(item.get("con"), list):
            _flatten(item["con"], str(item.get("ma") or ""), rows)


# Excel ################################################################


def read_xlsx_catalogue(path: Path) -> CatalogueSpec:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception:
        raise CatalogueImportError([tr("assessment.import.bad_xlsx", name=path.name)]) from None
    try:
        sheets = {_heading(ws.title): ws for ws in book.worksheets}
        criteria_sheet = next((ws for key, ws in sheets.items() if key != INFO_SHEET), None)
        if criteria_sheet is None:
            raise CatalogueImportError([tr("assessment.import.empty")])
        meta = _read_meta(sheets.get(INFO_SHEET))
        rows = _read_sheet(criteria_sheet)
    finally:
        book.close()
    return build_catalogue(rows, meta, path.name)


def _read_meta(sheet: Any) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    if sheet is None:
        return meta
    for row in sheet.iter_rows(max_col=2, values_only=True):
        key = _alias(row[0], META_ALIASES) if row and row[0] is not None else None
        if key and len(row) > 1:
            meta[key] = row[1]
    return meta


def _columns(cells: tuple) -> dict[int, str]:
    """Column index → row key; when two titles name the same key, the plainer one wins ("Mã" over "STT")."""
    best: dict[str, tuple[int, int]] = {}
    for index, cell in enumerate(cells):
        key = _alias(cell, HEADER_ALIASES)
        if key is None:
            continue
        heading = _heading(cell)
        names = HEADER_ALIASES[key]
        rank = names.index(heading) if heading in names else 0
        if key not in best or rank < best[key][1]:
            best[key] = (index, rank)
    return {index: key for key, (index, _) in best.items()}


def _read_sheet(sheet: Any) -> list[RawRow]:
    """The criteria rows under the title row (the first of the top rows that names the needed columns)."""
    rows = list(sheet.iter_rows(values_only=True))
    header_row = 0
    columns: dict[int, str] = {}
    for number, cells in enumerate(rows[:HEADER_SEARCH_ROWS], start=1):
        found = _columns(cells)
        if len(set(found.values()) & set(REQUIRED_COLUMNS)) > len(set(columns.values()) & set(REQUIRED_COLUMNS)):
            header_row, columns = number, found
    missing = [key for key in REQUIRED_COLUMNS if key not in columns.values()]
    if missing:
        titles = ", ".join(tr(f"assessment.import.column.{key}") for key in missing)
        raise CatalogueImportError([tr("assessment.import.missing_columns", sheet=sheet.title, columns=titles)])
    raw_rows: list[RawRow] = []
    for number, cells in enumerate(rows[header_row:], start=header_row + 1):
        values = {key: cells[i] for i, key in columns.items() if i < len(cells)}
        if any(value not in (None, "") for value in values.values()):
            raw_rows.append(RawRow(tr("assessment.import.where.row", number=number), values))
    return raw_rows
