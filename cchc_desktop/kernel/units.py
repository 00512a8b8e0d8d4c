"""Đơn vị hành chính: province and commune codes, unit types, receiving levels.

Province codes are the 34 of QĐ 19/2025/QĐ-TTg (in force 01/7/2025). Commune codes are
5-digit zero-padded strings, stable for the life of the unit and never reused.
"""

from __future__ import annotations

import datetime as dt
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


#: A district (huyện, before 01/7/2025) is known by its 3-digit code of the official list of that time.
#: In a package and an enrolment it is carried as "90" + the three digits ("436" → "90436"): commune codes
#: of the official lists (old and new) never reach 90000, so a district can never be taken for a commune of
#: the same province, and a sender carrying such a code must also say ``unit_type`` "huyen".
DISTRICT_PREFIX = "90"
_DISTRICT_CODE = re.compile(r"^\d{1,3}$")
_DISTRICT_UNIT_CODE = re.compile(r"^90\d{3}$")


def normalise_district_code(value: str | int) -> str:
    """A district's own code, zero-padded to 3 digits ("36" → "036"); its unit code ("90436") is taken too."""
    raw = clean(str(value))
    if _DISTRICT_UNIT_CODE.match(raw):
        raw = raw[len(DISTRICT_PREFIX) :]
    if not _DISTRICT_CODE.match(raw):
        raise ValidationError("unit.district_code.invalid", field="district_code", value=raw)
    return raw.zfill(3)


def district_unit_code(district_code: str | int) -> str:
    """The 5-digit unit code a district signs and is enrolled with: "436" → "90436"."""
    return DISTRICT_PREFIX + normalise_district_code(district_code)


#: District-level kinds (before 01/7/2025): huyện, thị xã, thành phố thuộc tỉnh.
DISTRICT_KINDS = ("huyen", "thi_xa", "thanh_pho")
#: Districts ceased on 01/7/2025 (Luật Tổ chức chính quyền địa phương 2025): no district reports a
#: period whose data run past the day before.
LAST_DISTRICT_DAY = dt.date(2025, 6, 30)


def is_district_unit_code(unit_code: str) -> bool:
    return bool(_DISTRICT_UNIT_CODE.match(unit_code))


def district_code_of(unit_code: str) -> str:
    """ "90436" → "436" (the code as the official list and the district's documents write it)."""
    return unit_code[len(DISTRICT_PREFIX) :] if is_district_unit_code(unit_code) else unit_code
