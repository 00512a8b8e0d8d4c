"""Đơn vị: the unit profile (hồ sơ đơn vị) and its validation rules.

Province codes are the 34 of QĐ 19/2025/QĐ-TTg (in force 01/7/2025). Commune codes are
5-digit zero-padded strings, stable for the life of the unit and never reused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.text import clean

#: Mã tỉnh → tên (QĐ 19/2025/QĐ-TTg). Six are centrally-run cities (thành phố).
PROVINCES: dict[str, str] = {
    "01": "Thành phố Hà Nội", "04": "Tỉnh Cao Bằng", "08": "Tỉnh Tuyên Quang",
    "11": "Tỉnh Điện Biên", "12": "Tỉnh Lai Châu", "14": "Tỉnh Sơn La", "15": "Tỉnh Lào Cai",
    "19": "Tỉnh Thái Nguyên", "20": "Tỉnh Lạng Sơn", "22": "Tỉnh Quảng Ninh",
    "24": "Tỉnh Bắc Ninh", "25": "Tỉnh Phú Thọ", "31": "Thành phố Hải Phòng",
    "33": "Tỉnh Hưng Yên", "37": "Tỉnh Ninh Bình", "38": "Tỉnh Thanh Hóa", "40": "Tỉnh Nghệ An",
    "42": "Tỉnh Hà Tĩnh", "44": "Tỉnh Quảng Trị", "46": "Thành phố Huế",
    "48": "Thành phố Đà Nẵng", "51": "Tỉnh Quảng Ngãi", "52": "Tỉnh Gia Lai",
    "56": "Tỉnh Khánh Hòa", "66": "Tỉnh Đắk Lắk", "68": "Tỉnh Lâm Đồng", "75": "Tỉnh Đồng Nai",
    "79": "Thành phố Hồ Chí Minh", "80": "Tỉnh Tây Ninh", "82": "Tỉnh Đồng Tháp",
    "86": "Tỉnh Vĩnh Long", "91": "Tỉnh An Giang", "92": "Thành phố Cần Thơ", "96": "Tỉnh Cà Mau",
}

#: Loại đơn vị cấp xã → the word used in the agency name ("XÃ", "PHƯỜNG", "ĐẶC KHU").
UNIT_TYPES: dict[str, str] = {"xa": "Xã", "phuong": "Phường", "dac_khu": "Đặc khu"}

#: Cấp của đơn vị nhận báo cáo. "huyen" only for data from before 01/7/2025.
RECEIVER_LEVELS: dict[str, str] = {"tinh": "Cấp tỉnh", "huyen": "Cấp huyện (dữ liệu trước 01/7/2025)"}

MODES = ("commune", "receiver")

_COMMUNE_CODE = re.compile(r"^\d{1,5}$")


@dataclass
class UnitProfile:
    """Hồ sơ đơn vị: who we are, who we report to, who signs."""

    unit_type: str = "xa"
    name: str = ""
    province_code: str = ""
    commune_code: str = ""
    place_name: str = ""
    receiver_name: str = ""
    receiver_level: str = "tinh"
    receiver_salutation: str = ""
    chairman_name: str = ""
    deputies: list[str] = field(default_factory=list)
    focal_name: str = ""
    focal_title: str = ""
    mode: str = "commune"

    @property
    def agency_upper(self) -> str:
        """Second line of the agency name: "XÃ KỲ PHONG"."""
        if self.mode == "receiver":
            return self.name.upper()
        return f"{UNIT_TYPES.get(self.unit_type, '')} {self.name}".strip().upper()

    @property
    def full_name(self) -> str:
        """"Ủy ban nhân dân xã Kỳ Phong" (or the receiver's own name)."""
        if self.mode == "receiver":
            return self.name
        return f"Ủy ban nhân dân {UNIT_TYPES.get(self.unit_type, '').lower()} {self.name}".strip()

    @property
    def short_name(self) -> str:
        """"xã Kỳ Phong"."""
        if self.mode == "receiver":
            return self.name
        return f"{UNIT_TYPES.get(self.unit_type, '').lower()} {self.name}".strip()

    @property
    def province_name(self) -> str:
        return PROVINCES.get(self.province_code, "")

    @property
    def unit_code(self) -> str:
        """Mã đơn vị dùng trong gói: "42.18544"."""
        return f"{self.province_code}.{self.commune_code}" if self.commune_code else self.province_code

    @classmethod
    def from_dict(cls, data: dict) -> "UnitProfile":
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


def normalise_commune_code(value: str | int) -> str:
    """Zero-pad a commune code to 5 digits: "4" → "00004"; refuses anything else."""
    raw = clean(str(value))
    if not _COMMUNE_CODE.match(raw):
        raise ValidationError("unit.commune_code.invalid", field="commune_code", value=raw)
    return raw.zfill(5)


def validate_profile(profile: UnitProfile) -> UnitProfile:
    """Return a cleaned copy of ``profile`` or raise ValidationError naming the field."""
    data = {f.name: getattr(profile, f.name) for f in fields(profile)}
    for key, value in data.items():
        if isinstance(value, str):
            data[key] = clean(value)
    data["deputies"] = [clean(d) for d in profile.deputies if clean(d)]
    result = UnitProfile(**data)
    if result.mode not in MODES:
        raise ValidationError("unit.mode.invalid", field="mode")
    if result.mode == "commune" and result.unit_type not in UNIT_TYPES:
        raise ValidationError("unit.type.invalid", field="unit_type")
    if not result.name:
        raise ValidationError("unit.name.required", field="name")
    if result.province_code.isdigit() and len(result.province_code) == 1:
        result.province_code = result.province_code.zfill(2)
    if result.province_code not in PROVINCES:
        raise ValidationError("unit.province_code.invalid", field="province_code", value=result.province_code)
    if result.mode == "commune":
        result.commune_code = normalise_commune_code(result.commune_code)
        if not result.place_name:
            raise ValidationError("unit.place_name.required", field="place_name")
    if result.receiver_level not in RECEIVER_LEVELS:
        raise ValidationError("unit.receiver_level.invalid", field="receiver_level")
    if result.mode == "commune" and not result.receiver_name:
        raise ValidationError("unit.receiver_name.required", field="receiver_name")
    if not result.receiver_salutation and result.receiver_name:
        result.receiver_salutation = result.receiver_name
    return result


def default_receiver(province_code: str) -> tuple[str, str]:
    """Default receiving unit since 01/7/2025: the provincial Sở Nội vụ."""
    province = PROVINCES.get(province_code, "")
    if not province:
        return "", ""
    name = f"Sở Nội vụ {province[0].lower()}{province[1:]}"
    return name, name
