"""Lĩnh vực CCHC: the eight canonical area codes, with ISO as a sub-area of CQS.

Plans keep their own display names and order per area (the seeds differ on both).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AreaDef:
    code: str
    name: str
    parent: str | None = None


CANONICAL_AREAS: tuple[AreaDef, ...] = (
    AreaDef("CDDH", "Công tác chỉ đạo, điều hành cải cách hành chính"),
    AreaDef("THECHE", "Cải cách thể chế"),
    AreaDef("TTHC", "Cải cách thủ tục hành chính"),
    AreaDef("TCBM", "Cải cách tổ chức bộ máy hành chính nhà nước"),
    AreaDef("CONGVU", "Cải cách chế độ công vụ"),
    AreaDef("TCCONG", "Cải cách tài chính công"),
    AreaDef("CQS", "Xây dựng và phát triển chính quyền điện tử, chính quyền số"),
    AreaDef("ISO", "Áp dụng Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015", parent="CQS"),
    AreaDef("TACDONG", "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội"),
)

AREA_CODES: tuple[str, ...] = tuple(a.code for a in CANONICAL_AREAS)
AREA_BY_CODE: dict[str, AreaDef] = {a.code: a for a in CANONICAL_AREAS}


def is_area_code(code: str) -> bool:
    return code in AREA_BY_CODE
