"""Đơn vị hành chính: province and commune codes, unit types, receiving levels.

Province codes are the 34 of QĐ 19/2025/QĐ-TTg (in force 01/7/2025). Commune codes are
5-digit zero-padded strings, stable for the life of the unit and never reused.
"""

from __future__ import annotations

import re

from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.text import clean

#: Mã tỉnh → tên (QĐ 19/2025/QĐ-TTg). Six are centrally-run cities (thành phố).
PROVINCES: dict[str, str] = {
    "01": "Thành phố Hà Nội",
    "04": "Tỉnh Cao Bằng",
    "08": "Tỉnh Tuyên Quang",
    "11": "Tỉnh Điện Biên",
    "12": "Tỉnh Lai Châu",
    "14": "Tỉnh Sơn La",
    "15": "Tỉnh Lào Cai",
    "19": "Tỉnh Thái Nguyên",
    "20": "Tỉnh Lạng Sơn",
    "22": "Tỉnh Quảng Ninh",
    "24": "Tỉnh Bắc Ninh",
    "25": "Tỉnh Phú Thọ",
    "31": "Thành phố Hải Phòng",
    "33": "Tỉnh Hưng Yên",
    "37": "Tỉnh Ninh Bình",
    "38": "Tỉnh Thanh Hóa",
    "40": "Tỉnh Nghệ An",
    "42": "Tỉnh Hà Tĩnh",
    "44": "Tỉnh Quảng Trị",
    "46": "Thành phố Huế",
    "48": "Thành phố Đà Nẵng",
    "51": "Tỉnh Quảng Ngãi",
    "52": "Tỉnh Gia Lai",
    "56": "Tỉnh Khánh Hòa",
    "66": "Tỉnh Đắk Lắk",
    "68": "Tỉnh Lâm Đồng",
    "75": "Tỉnh Đồng Nai",
    "79": "Thành phố Hồ Chí Minh",
    "80": "Tỉnh Tây Ninh",
    "82": "Tỉnh Đồng Tháp",
    "86": "Tỉnh Vĩnh Long",
    "91": "Tỉnh An Giang",
    "92": "Thành phố Cần Thơ",
    "96": "Tỉnh Cà Mau",
}

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
