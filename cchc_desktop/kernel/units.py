"""Đơn vị hành chính: province and commune codes, unit types, receiving levels.

Province codes are the 34 of QĐ 19/2025/QĐ-TTg (in force 01/7/2025). Commune codes are
5-digit zero-padded strings, stable for the life of the unit and never reused.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from cchc_desktop.kernel import divisions
from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.text import clean


class _Provinces(Mapping[str, str]):
    """Mã tỉnh → tên ("42" → "Tỉnh Hà Tĩnh"), from the official list, read on first use."""

    def _names(self) -> dict[str, str]:
        return {p.code: p.full_name for p in divisions.provinces()}

    def __getitem__(self, code: str) -> str:
        return self._names()[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())


#: Mã tỉnh → tên (QĐ 19/2025/QĐ-TTg). Six are centrally-run cities (thành phố).
PROVINCES: Mapping[str, str] = _Provinces()

#: Loại đơn vị cấp xã → the word used in the agency name ("XÃ", "PHƯỜNG", "ĐẶC KHU").
UNIT_TYPES: dict[str, str] = {"xa": "Xã", "phuong": "Phường", "dac_khu": "Đặc khu"}

#: Cấp của đơn vị nhận báo cáo. "huyen" only for data from before 01/7/2025.
RECEIVER_LEVELS: dict[str, str] = {"tinh": "Cấp tỉnh", "huyen": "Cấp huyện (dữ liệu trước 01/7/2025)"}

MODES = ("commune", "receiver")

_COMMUNE_CODE = re.compile(r"^\d{1,5}$")


def normalise_commune_code(value: str | int) -> str:
    """Zero-pad a commune code to 5 digits: "4" → "00004"; refuses anything else."""
    raw = clean(str(value))
    if not _COMMUNE_CODE.match(raw):
        raise ValidationError("unit.commune_code.invalid", field="commune_code", value=raw)
    return raw.zfill(5)


def default_receiver(province_code: str) -> tuple[str, str]:
    """Default receiving unit since 01/7/2025: the provincial Sở Nội vụ."""
    province = PROVINCES.get(province_code, "")
    if not province:
        return "", ""
    name = f"Sở Nội vụ {province[0].lower()}{province[1:]}"
    return name, name
