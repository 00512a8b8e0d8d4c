"""The official list of units (QĐ 19/2025): 34 provinces, 3,321 communes, found without diacritics."""

from __future__ import annotations

from cchc_desktop.kernel import divisions
from cchc_desktop.kernel.units import PROVINCES


def test_thirty_four_provinces_and_every_commune_of_the_list():
    assert len(divisions.provinces()) == 34
    assert sum(len(divisions.communes(p.code)) for p in divisions.provinces()) == 3321
    assert (
        divisions.province("42").full_name == "Tỉnh Hà Tĩnh"
        and divisions.province("01").full_name == "Thành phố Hà Nội"
    )
    assert {c.kind for c in divisions.communes("42")} <= set(divisions.COMMUNAL_KINDS)


def test_province_names_come_from_the_list():
    assert dict(PROVINCES) == {p.code: p.full_name for p in divisions.provinces()}
    assert PROVINCES["79"] == "Thành phố Hồ Chí Minh" and "27" not in PROVINCES


def test_search_ignores_diacritics_and_finds_by_code():
    assert [c.full_name for c in divisions.search("huong xuan", "42")] == ["Xã Hương Xuân"]
    assert divisions.search("18544")[0].name == "Hương Xuân"
    assert divisions.commune("18544").province_code == "42" and divisions.commune("99999") is None
    islands = [c for p in divisions.provinces() for c in divisions.communes(p.code) if c.kind == "dac_khu"]
    assert len(islands) == 13 and all(c.full_name.startswith("Đặc khu ") for c in islands)
