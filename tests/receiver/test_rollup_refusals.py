"""What a province (and anyone else) refuses of a consolidation, each said in Vietnamese; nothing kept."""

from __future__ import annotations

import json
import zipfile

from tests.receiver.test_rollup import signed_as
from tests.support.exchange import table_counts
from tests.support.rollup import DISTRICT_PASSPHRASE, YEAR


def _data(rollup_pair):
    written = rollup_pair.district.rollup.write(YEAR, "Q1", rollup_pair.stick, DISTRICT_PASSPHRASE)
    with zipfile.ZipFile(written.path) as z:
        return json.loads(z.read("data.json"))


def _refused(ws, path) -> str:
    before = table_counts(ws.conn)
    (outcome,) = ws.exchange.import_packages([path]).outcomes
    assert outcome.status == "refused", outcome.line
    assert table_counts(ws.conn) == before
    return outcome.line


def test_a_consolidation_from_a_commune_is_refused(rollup_pair, tmp_path):
    from cchc_desktop.exchange.format.keys import generate_private_key
    from cchc_desktop.exchange.format.manifest import Sender
    from cchc_desktop.exchange.format.pubfile import UnitIdentity, parse_pub_file, pub_file_text

    key = generate_private_key()
    who = UnitIdentity("42", "18544", "Kỳ Phong", "xa")
    pub = parse_pub_file(pub_file_text(key.public_key(), who, "Khóa", "2026-01-05"))
    rollup_pair.province.exchange.enrol(pub, pub.fingerprint)
    data = _data(rollup_pair)
    data["unit"]["commune_code"] = "18544"
    path = signed_as(None, data, tmp_path, sender=Sender("42", "18544", "Kỳ Phong", "xa"), key=key)
    line = _refused(rollup_pair.province, path)
    assert "không phải là huyện" in line and "xã Kỳ Phong (mã 42-18544)" in line


def test_a_district_code_claimed_by_a_key_enrolled_as_a_commune_is_refused(rollup_pair, tmp_path):
    """The enrolment decides what the sender is: a key enrolled as a commune cannot speak as a district."""
    from cchc_desktop.exchange import keyring
    from cchc_desktop.exchange.format.keys import generate_private_key
    from cchc_desktop.exchange.format.manifest import Sender
    from cchc_desktop.exchange.format.pubfile import UnitIdentity, parse_pub_file, pub_file_text

    province = rollup_pair.province
    key = generate_private_key()
    who = UnitIdentity("42", "90437", "Thạch Hà", "xa")
    pub = parse_pub_file(pub_file_text(key.public_key(), who, "Khóa", "2026-01-05"))
    province.exchange.enrol(pub, pub.fingerprint)
    data = _data(rollup_pair)
    data["unit"]["commune_code"] = "90437"
    path = signed_as(None, data, tmp_path, sender=Sender("42", "90437", "Thạch Hà", "huyen"), key=key)
    assert "không phải là huyện" in _refused(province, path)
    assert keyring  # the district's own key stays the only district here


def test_a_malformed_consolidation_is_refused_naming_the_field(rollup_pair, tmp_path):
    data = _data(rollup_pair)
    rated = next(i for i in data["indicators"] if i["is_rate"])
    rated["numerator"] += 7  # a district that "rounded" its sums
    line = _refused(rollup_pair.province, signed_as(rollup_pair.district, data, tmp_path, name="a.cchc"))
    assert "numerator" in line and "tử số tổng hợp" in line and "không bằng tổng tử số của các xã" in line
    data = _data(rollup_pair)
    data["completeness"]["units"][0]["cells"]["Q1"]["state"] = "gần xong"
    line = _refused(rollup_pair.province, signed_as(rollup_pair.district, data, tmp_path, name="b.cchc"))
    assert "completeness.units[0].cells.Q1.state" in line
    data = _data(rollup_pair)
    del data["indicators"]
    line = _refused(rollup_pair.province, signed_as(rollup_pair.district, data, tmp_path, name="c.cchc"))
    assert "trường «indicators» phải là một danh sách" in line


def test_a_consolidation_sent_to_a_commune_is_refused(rollup_pair, commune):
    written = rollup_pair.district.rollup.write(YEAR, "Q1", rollup_pair.stick, DISTRICT_PASSPHRASE)
    line = _refused(commune, written.path)
    assert "chỉ nhận ở máy của Sở Nội vụ (cấp tỉnh)" in line and "của xã" in line


def test_a_province_does_not_offer_the_roll_up(rollup_pair, tmp_path):
    import pytest

    from cchc_desktop.kernel.errors import ValidationError

    with pytest.raises(ValidationError, match="Chỉ huyện"):
        rollup_pair.province.rollup.write(YEAR, "Q1", tmp_path, DISTRICT_PASSPHRASE)
    with pytest.raises(ValidationError, match="Kỳ «Q9» không có"):
        rollup_pair.district.rollup.write(YEAR, "Q9", tmp_path, DISTRICT_PASSPHRASE)
