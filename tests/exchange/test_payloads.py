"""Payload validation: the fast path agrees with the precise checker, and refusals name the field."""

from __future__ import annotations

import copy

import pytest

from cchc_desktop.exchange.format.manifest import FORMAT_VERSION, Manifest, Member, SignatureInfo
from cchc_desktop.exchange.import_errors import PayloadError
from cchc_desktop.exchange.payload_check import Check
from cchc_desktop.exchange.payload_fast import Bad
from cchc_desktop.exchange.payload_rows import payload_rows, precise_rows
from cchc_desktop.exchange.payload_shapes import fast_rows
from tests.exchange.craft import RECEIVER, SENDER, SIGNER, assessment_data, plan_data, report_data


def _manifest(kind: str, year: int, period: str | None) -> Manifest:
    data = Member("data.json", "0" * 64, 1, "data")
    return Manifest(
        "a" * 32,
        kind,
        SENDER,
        RECEIVER,
        year,
        period,
        1,
        None,
        "2026-04-03T09:15:00+07:00",
        "0.1.0",
        None,
        (data,),
        SIGNER,
        SignatureInfo("ed25519", "0000 " * 15 + "0000"),
        FORMAT_VERSION,
    )


CASES = [
    ("plan", 2026, None, plan_data(2026, tasks=4)),
    ("report", 2026, "Q1", report_data(2026, "Q1")),
    ("assessment", 2026, None, assessment_data(2026)),
]


@pytest.mark.parametrize("kind, year, period, data", CASES)
def test_fast_and_precise_paths_give_the_same_rows(kind, year, period, data):
    manifest = _manifest(kind, year, period)
    root = Check(data, "x.cchc", "")
    fast, precise = fast_rows(root, manifest), precise_rows(root, manifest)
    assert fast.tables() == precise.tables() and fast.header == precise.header
    assert payload_rows(manifest, data, "x.cchc").tables() == precise.tables()


DAMAGE = [
    ("plan", lambda d: d["plan"]["tasks"][0].__setitem__("content", 12), "plan.tasks[0].content"),
    ("plan", lambda d: d["plan"]["tasks"][0].__setitem__("not_applicable", "có"), "plan.tasks[0].not_applicable"),
    (
        "plan",
        lambda d: d["plan"]["tasks"][0]["deadline"].__setitem__("due", "30/06/2026"),
        "plan.tasks[0].deadline.due",
    ),
    ("plan", lambda d: d["plan"]["indicators"][1].__setitem__("target", "năm mươi"), "plan.indicators[1].target"),
    ("plan", lambda d: d["plan"]["indicators"][1].__setitem__("uid", ""), "plan.indicators[1].uid"),
    ("report", lambda d: d["report"]["tasks"][2].__setitem__("progress", 120), "report.tasks[2].progress"),
    ("report", lambda d: d["report"]["tasks"][2].__setitem__("status", "xong"), "report.tasks[2].status"),
    ("report", lambda d: d["period"].__setitem__("code", "Q2"), "period.code"),
    (
        "report",
        lambda d: d["report"]["indicators"][0]["period"].__setitem__("figure", True),
        "report.indicators[0].period.figure",
    ),
    (
        "assessment",
        lambda d: d["assessment"]["criteria"][1].__setitem__("self_score", 2.5),
        "assessment.criteria[1].self_score",
    ),
    (
        "assessment",
        lambda d: d["assessment"]["criteria"][1].__setitem__("method", "survey"),
        "assessment.criteria[1].self_score",
    ),
    (
        "assessment",
        lambda d: d["assessment"]["criteria"][2].__setitem__("parent_code", "9"),
        "assessment.criteria[2].parent_code",
    ),
    ("assessment", lambda d: d["assessment"]["criteria"][2].__setitem__("code", "1.1"), "assessment.criteria"),
]


@pytest.mark.parametrize("kind, damage, field", DAMAGE)
def test_damage_is_refused_by_both_paths_and_named(kind, damage, field):
    year, period, data = next((y, p, d) for k, y, p, d in CASES if k == kind)
    data = copy.deepcopy(data)
    damage(data)
    manifest = _manifest(kind, year, period)
    with pytest.raises((Bad, PayloadError)):
        fast_rows(Check(data, "x.cchc", ""), manifest)
    with pytest.raises(PayloadError) as raised:
        payload_rows(manifest, data, "x.cchc")
    assert raised.value.field == field
    assert str(raised.value).startswith(f"Gói «x.cchc» không nhập được: trong dữ liệu data.json, trường «{field}»")
