"""Đơn vị hành chính theo danh mục chính thức: the 34 provinces and 3,321 communes of QĐ 19/2025/QĐ-TTg.

The list comes from the ``vietnam-provinces`` package (its data is the General Statistics Office's
list in force since 01/7/2025). It is read on first use: the package loads its tables when imported.
A unit that is not in the list (a legacy unit from before the 2025 merger, a unit added since) is
entered by hand where it is needed; nothing here refuses it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from cchc_desktop.kernel.text import fold

#: Kinds of unit: provincial (tỉnh, thành phố trực thuộc trung ương) and communal (xã, phường, đặc khu).
PROVINCIAL_KINDS = ("tinh", "thanh_pho")
COMMUNAL_KINDS = ("xa", "phuong", "dac_khu")

_KINDS = {"tỉnh": "tinh", "thành phố trung ương": "thanh_pho", "xã": "xa", "phường": "phuong", "đặc khu": "dac_khu"}
_PREFIXES = {"tinh": "Tỉnh", "thanh_pho": "Thành phố", "xa": "Xã", "phuong": "Phường", "dac_khu": "Đặc khu"}


@dataclass(frozen=True)
class Division:
    """One unit of the official list: "42" Tỉnh Hà Tĩnh, or "18544" Xã Hương Xuân (of province "42")."""

    code: str
    name: str  # without its kind: "Hà Tĩnh", "Hương Xuân"
    kind: str  # tinh, thanh_pho, xa, phuong, dac_khu
    province_code: str

    @property
    def full_name(self) -> str:
        """ "Tỉnh Hà Tĩnh", "Thành phố Hà Nội", "Xã Hương Xuân", "Đặc khu Phú Quốc"."""
        return f"{_PREFIXES[self.kind]} {self.name}"


def _bare(name: str, kind: str) -> str:
    prefix = _PREFIXES[kind]
    return name[len(prefix) + 1 :] if name.startswith(prefix + " ") else name


@cache
def provinces() -> tuple[Division, ...]:
    """The 34 provinces and centrally-run cities, by code."""
    from vietnam_provinces import Province

    found = []
    for item in Province.iter_all():
        kind = _KINDS[item.division_type.value]
        code = f"{int(item.code):02d}"
        found.append(Division(code, _bare(item.name, kind), kind, code))
    return tuple(sorted(found, key=lambda d: d.code))


@cache
def _communes() -> dict[str, tuple[Division, ...]]:
    from vietnam_provinces import Ward

    by_province: dict[str, list[Division]] = {}
    for item in Ward.iter_all():
        kind = _KINDS[item.division_type.value]
        province = f"{int(item.province_code):02d}"
        by_province.setdefault(province, []).append(
            Division(f"{int(item.code):05d}", _bare(item.name, kind), kind, province)
        )
    return {code: tuple(sorted(units, key=lambda d: fold(d.name))) for code, units in by_province.items()}


def communes(province_code: str) -> tuple[Division, ...]:
    """The province's communes (xã, phường, đặc khu), in alphabetical order of their names."""
    return _communes().get(province_code, ())


def province(code: str) -> Division | None:
    return next((p for p in provinces() if p.code == code), None)


def commune(code: str) -> Division | None:
    """The commune with this 5-digit code, in whichever province."""
    return next((c for units in _communes().values() for c in units if c.code == code), None)


def search(query: str, province_code: str | None = None) -> list[Division]:
    """Communes whose name (or code) contains ``query``, diacritics ignored: "huong xuan" finds Hương Xuân."""
    words = fold(query).split()
    pool = communes(province_code) if province_code else [c for units in _communes().values() for c in units]
    return [c for c in pool if all(w in fold(f"{c.full_name} {c.code}") for w in words)]
