"""Hồ sơ đơn vị: the unit's profile (who we are, who we report to, who signs) and its checks."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.text import clean
from cchc_desktop.kernel.units import (
    MODES,
    PROVINCES,
    RECEIVER_LEVELS,
    UNIT_TYPES,
    district_unit_code,
    normalise_commune_code,
    normalise_district_code,
)


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
    #: Đơn vị cũ: the units merged into this one (QĐ 19/2025 and the 2025 reorganisation), as
    #: {"name": …, "code": five digits, or "" when unknown}.
    former_units: list[dict[str, str]] = field(default_factory=list)
    #: A district receiver (receiver_level "huyen") reporting up: its own 3-digit code of the pre-2025
    #: official list ("436"; it signs as unit "90436", ``kernel.units.district_unit_code``) and the name
    #: of the superior its consolidation goes to ("Sở Nội vụ tỉnh Hà Tĩnh").
    district_code: str = ""
    superior_name: str = ""

    @property
    def agency_upper(self) -> str:
        """Second line of the agency name: "XÃ KỲ PHONG"."""
        if self.mode == "receiver":
            return self.name.upper()
        return f"{UNIT_TYPES.get(self.unit_type, '')} {self.name}".strip().upper()

    @property
    def full_name(self) -> str:
        """ "Ủy ban nhân dân xã Kỳ Phong" (or the receiver's own name)."""
        if self.mode == "receiver":
            return self.name
        return f"Ủy ban nhân dân {UNIT_TYPES.get(self.unit_type, '').lower()} {self.name}".strip()

    @property
    def short_name(self) -> str:
        """ "xã Kỳ Phong"."""
        if self.mode == "receiver":
            return self.name
        return f"{UNIT_TYPES.get(self.unit_type, '').lower()} {self.name}".strip()

    @property
    def is_district(self) -> bool:
        """A district receiver (data before 01/7/2025), which reports its consolidation up to the province."""
        return self.mode == "receiver" and self.receiver_level == "huyen"

    @property
    def district_unit_code(self) -> str:
        """The unit code a district signs upward packages with ("90436"); "" without a district code."""
        return district_unit_code(self.district_code) if self.is_district and self.district_code else ""

    @property
    def province_name(self) -> str:
        return PROVINCES.get(self.province_code, "")

    @property
    def unit_code(self) -> str:
        """Mã đơn vị dùng trong gói: "42.18544"."""
        return f"{self.province_code}.{self.commune_code}" if self.commune_code else self.province_code

    @classmethod
    def from_dict(cls, data: dict) -> UnitProfile:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


def receiver_profile(name: str, province_code: str, level: str = "tinh") -> UnitProfile:
    """Hồ sơ của nơi nhận (Sở Nội vụ…): it receives from its communes and reports to no one here."""
    return UnitProfile(
        name=name, province_code=province_code, receiver_name=name, receiver_level=level, mode="receiver"
    )


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
    if result.district_code:
        result.district_code = normalise_district_code(result.district_code)
    if result.mode == "commune" and not result.receiver_name:
        raise ValidationError("unit.receiver_name.required", field="receiver_name")
    if not result.receiver_salutation and result.receiver_name:
        result.receiver_salutation = result.receiver_name
    result.former_units = [_former_unit(unit) for unit in profile.former_units if clean(unit.get("name", ""))]
    return result


def _former_unit(unit: dict[str, str]) -> dict[str, str]:
    code = clean(unit.get("code", ""))
    if code:
        try:
            code = normalise_commune_code(code)
        except ValidationError:
            raise ValidationError("unit.former_units.invalid", field="former_units", value=code) from None
    return {"name": clean(unit["name"]), "code": code}


def parse_former_units(text: str) -> list[dict[str, str]]:
    """One unit per line, "<name> – <code>" (the code, 1 to 5 digits, optional, last on the line)."""
    units = []
    for line in clean(text).split("\n"):
        found = _FORMER.match(line.strip())
        if found and found.group(1).strip(" -–—,;:"):
            units.append({"name": found.group(1).strip(" -–—,;:"), "code": found.group(2) or ""})
    return units


def former_units_text(units: list[dict[str, str]]) -> str:
    return "\n".join(f"{u['name']} – {u['code']}" if u.get("code") else u["name"] for u in units)


_FORMER = re.compile(r"^(.*?)(?:[\s,;:(–—-]+(\d{1,5})\)?)?\s*$")
