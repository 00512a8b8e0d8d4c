"""Small domain rules: units, targets, text folding, Vietnamese formatting."""

from __future__ import annotations

import datetime as dt

import pytest

from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.i18n import format_date, format_number, format_percent, parse_date, parse_number
from cchc_desktop.kernel.text import fold, matches, nfc
from cchc_desktop.kernel.units import PROVINCES, default_receiver
from cchc_desktop.plans.targets import describe_target, parse_target_text
from cchc_desktop.profile.model import UnitProfile, validate_profile


def test_thirty_four_province_codes():
    assert len(PROVINCES) == 34 and "42" in PROVINCES and "27" not in PROVINCES and "89" not in PROVINCES


def _profile(**changes) -> UnitProfile:
    base = dict(
        unit_type="xa",
        name="Kỳ Phong",
        province_code="42",
        commune_code="18544",
        place_name="Kỳ Phong",
        receiver_name="Sở Nội vụ tỉnh Hà Tĩnh",
    )
    base.update(changes)
    return UnitProfile(**base)


def test_profile_validation_names_the_field():
    assert validate_profile(_profile(commune_code="4")).commune_code == "00004"
    assert validate_profile(_profile()).receiver_salutation == "Sở Nội vụ tỉnh Hà Tĩnh"
    for field, value in (("province_code", "27"), ("commune_code", "123456"), ("name", " "), ("place_name", "")):
        with pytest.raises(ValidationError) as info:
            validate_profile(_profile(**{field: value}))
        assert info.value.field == field


def test_unit_names_and_default_receiver():
    profile = _profile(unit_type="phuong", name="Thạch Linh")
    assert profile.agency_upper == "PHƯỜNG THẠCH LINH"
    assert profile.full_name == "Ủy ban nhân dân phường Thạch Linh"
    assert default_receiver("42") == ("Sở Nội vụ tỉnh Hà Tĩnh", "Sở Nội vụ tỉnh Hà Tĩnh")
    assert default_receiver("01")[0] == "Sở Nội vụ thành phố Hà Nội"


@pytest.mark.parametrize(
    "text,described",
    [
        ("từ 55% trở lên", "từ 55% trở lên"),
        ("tối đa 25 phút", "tối đa 25 phút"),
        ("từ 01 đến 02 cuộc", "từ 01 đến 02 cuộc"),
        ("khoảng 200 tỷ đồng", "khoảng 200 tỷ đồng"),
        ("100%", "đạt 100%"),
        ("trên 22%", "trên 22%"),
        ("Phấn đấu từ 90% trở lên", "phấn đấu từ 90% trở lên"),
        ("tối thiểu 2,5%", "từ 2,5% trở lên"),
    ],
)
def test_targets_round_trip_through_words(text, described):
    target = parse_target_text(text)
    assert (
        describe_target(target.comparator, target.target, target.target_max, target.unit, target.aspirational)
        == described
    )


def test_fold_and_matches():
    assert fold("Trần Văn ĐỨC") == "tran van duc"
    assert matches("duc tran", "Trần Văn Đức") and not matches("dục x", "Trần Văn Đức")
    decomposed = "Kê\u0301 hoa\u0323ch"
    assert nfc(decomposed) == "Kế hoạch"


def test_vietnamese_numbers_and_dates():
    assert format_number(1234567.5) == "1.234.567,5" and format_number(55) == "55"
    assert format_percent(57.346) == "57,3%"
    assert parse_number("2,5") == 2.5 and parse_number("1.000.000") == 1000000 and parse_number("2.5") == 2.5
    assert format_date(dt.date(2026, 1, 5)) == "05/01/2026" and parse_date("5/1/2026") == dt.date(2026, 1, 5)
    with pytest.raises(ValueError):
        parse_number("abc")
