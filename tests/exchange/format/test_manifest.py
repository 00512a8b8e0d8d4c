"""manifest.json: canonical serialisation, strict parsing, precise field refusals; labels."""

from __future__ import annotations

import json
import unicodedata

import pytest

from cchc_desktop.exchange.format import build_package, kind_label, period_label
from cchc_desktop.exchange.format import errors as e
from cchc_desktop.exchange.format.jsonutil import canonical_bytes
from cchc_desktop.exchange.format.manifest import FORMAT_VERSION, parse_body, parse_envelope
from tests.exchange.format.craft import DATA, FIELDS


@pytest.fixture
def manifest(tmp_path, key):
    return build_package(FIELDS, DATA, None, [], key, tmp_path / "x.cchc")


def _parse(obj) -> object:
    raw = obj if isinstance(obj, bytes) else canonical_bytes(obj)
    return parse_body(parse_envelope(raw, "x.cchc"), "x.cchc")


def test_canonical_bytes_are_sorted_nfc_utf8_with_newline(manifest):
    raw = manifest.to_json_bytes()
    assert raw.endswith(b"}\n") and raw == canonical_bytes(json.loads(raw))
    keys = list(json.loads(raw))
    assert keys == sorted(keys)
    assert "Kỳ Phong".encode() in raw and b"\\u" not in raw
    assert canonical_bytes({"a": unicodedata.normalize("NFD", "Kỳ")}) == canonical_bytes({"a": "Kỳ"})
    assert json.loads(raw)["format_version"] == FORMAT_VERSION == 1


def test_parse_gives_back_the_same_manifest(manifest):
    assert _parse(manifest.to_json_bytes()) == manifest


@pytest.mark.parametrize(
    "raw, fragment",
    [
        (b'{"a": 1, "a": 2}', "xuất hiện hai lần"),
        (b'{"a": NaN}', "NaN"),
        (b"\xef\xbb\xbf{}", "BOM"),
        (b'{"a": "\xff"}', "UTF-8"),
        (b"[1, 2]", "đối tượng JSON"),
        (b'{"a": ', "dòng 1"),
    ],
)
def test_strict_json_refusals(raw, fragment):
    with pytest.raises(e.ManifestSyntaxError) as caught:
        parse_envelope(raw, "x.cchc")
    assert fragment in str(caught.value) and "«x.cchc»" in str(caught.value)


@pytest.mark.parametrize(
    "change, field",
    [
        (lambda m: m["sender"].update(unit_code="1810"), "sender.unit_code"),
        (lambda m: m["sender"].pop("province_code"), "sender.province_code"),
        (lambda m: m.update(format_version=True), "format_version"),
        (lambda m: m.update(format_version=0), "format_version"),
        (lambda m: m["members"][0].update(sha256="ABC"), "members[0].sha256"),
        (lambda m: m["members"][0].update(size=-1), "members[0].size"),
        (lambda m: m["members"].append(dict(m["members"][0])), "members[1].name"),
        (lambda m: m["signature"].update(key_fingerprint="12 34"), "signature.key_fingerprint"),
        (lambda m: m.update(kind="minutes"), "kind"),
        (lambda m: m.update(year="2026"), "year"),
        (lambda m: m.update(revision=0), "revision"),
        (lambda m: m.update(period="Quý 1"), "period"),
        (lambda m: m.update(created_at="03/04/2026"), "created_at"),
        (lambda m: m.update(created_at="2026-04-03T09:15:00"), "created_at"),
        (lambda m: m["receiver"].update(level="thon"), "receiver.level"),
        (lambda m: m.update(package_id="not-hex"), "package_id"),
        (lambda m: m["members"][0].update(role="evidence"), "members[0].role"),
        (lambda m: m["members"][0].update(name="notes.txt"), "members[0].name"),
    ],
)
def test_field_refusals_name_the_field(manifest, change, field):
    obj = json.loads(manifest.to_json_bytes())
    change(obj)
    with pytest.raises(e.ManifestFieldError) as caught:
        _parse(obj)
    assert caught.value.field == field
    assert f"«{field}»" in str(caught.value)


def test_optional_fields_may_be_null(manifest):
    obj = json.loads(manifest.to_json_bytes())
    obj.update(period=None, supersedes=None, framework=None)
    parsed = _parse(obj)
    assert parsed.period is None and parsed.framework is None


def test_fingerprint_in_any_case_and_spacing_is_accepted(manifest):
    obj = json.loads(manifest.to_json_bytes())
    obj["signature"]["key_fingerprint"] = obj["signature"]["key_fingerprint"].replace(" ", "").lower()
    assert _parse(obj).signature.key_fingerprint == manifest.signature.key_fingerprint


def test_labels():
    assert period_label("Q1", 2026) == "Quý I/2026"
    assert period_label("Q4", 2026) == "Quý IV/2026"
    assert period_label("H1", 2026) == "6 tháng đầu năm 2026"
    assert period_label(None, 2026) == period_label("Y", 2026) == "năm 2026"
    assert period_label("9T", 2026) == "kỳ 9T/2026"
    assert kind_label("assessment") == "Tự đánh giá chỉ số CCHC"
    assert kind_label("future_kind") == "future_kind"
