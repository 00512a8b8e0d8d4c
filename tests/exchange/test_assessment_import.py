"""A received self-assessment is checked against the criteria catalogue the receiver holds, not against
what the package declares: maxima, unknown criteria and totals (recomputed here)."""

from __future__ import annotations

import pytest

from cchc_desktop.exchange.import_errors import CatalogueUnknownError, PayloadError
from tests.exchange.craft import build, catalogue_assessment_data
from tests.support.exchange import debris_snapshot


def _criterion(data: dict, code: str) -> dict:
    return next(row for row in data["assessment"]["criteria"] if row["code"] == code)


def _import(receiver, key, outbox, data):
    path, _ = build(outbox, key, "assessment", data["year"], data)
    before = debris_snapshot(receiver)
    outcome = receiver.exchange.import_packages([path]).outcomes[0]
    if outcome.refused:
        assert debris_snapshot(receiver) == before
    return outcome


def test_a_true_assessment_is_stored_with_the_catalogue_and_its_total(receiver, commune_key, outbox):
    data = catalogue_assessment_data(2026)
    _criterion(data, "1.1.1")["name"] = "Tên do gói tự đặt"
    preview = receiver.exchange.import_packages([build(outbox, commune_key, "assessment", 2026, data)[0]], dry_run=True)
    outcome = receiver.exchange.import_packages([build(outbox / "b", commune_key, "assessment", 2026, data)[0]])
    assert preview.outcomes[0].status == "imported" and outcome.outcomes[0].status == "imported"
    row_id = receiver.conn.execute("SELECT id FROM received_packages").fetchone()[0]
    stored = {r["code"]: r for r in receiver.exchange.received_rows(row_id, "criteria")}
    assert stored["1.1.1"]["name"] != "Tên do gói tự đặt" and stored["1.1.1"]["max_points"] == 1.0
    assert stored["1.1.1"]["self_score"] == 0.5


@pytest.mark.parametrize(
    "damage, error, field",
    [
        # a criterion's maximum raised from 1 to 50, scored 50
        (lambda d: _criterion(d, "1.1.1").update(max_points=50.0, self_score=50.0), PayloadError, "max_points"),
        # the same score without touching the declared maximum: still out of the catalogue's range
        (lambda d: _criterion(d, "1.1.1").update(self_score=50.0), PayloadError, "self_score"),
        # an unknown criterion worth 40/40
        (
            lambda d: d["assessment"]["criteria"].append(
                dict(_criterion(d, "1.1.1"), code="9.9", parent_code="", max_points=40.0, self_score=40.0)
            ),
            CatalogueUnknownError,
            "criteria",
        ),
        # a total of 100 over the real sum
        (lambda d: d["assessment"]["totals"].update(total=100.0), PayloadError, "totals.total"),
        # a score on a node the catalogue scores by survey or not at all
        (lambda d: _criterion(d, "1").update(self_score=1.0, leaf=True, method="self"), PayloadError, "self_score"),
    ],
)
def test_scores_are_checked_against_the_catalogue_held(receiver, commune_key, outbox, damage, error, field):
    data = catalogue_assessment_data(2026)
    damage(data)
    if "total" not in field:  # keep the declared total consistent with the declared scores
        data["assessment"]["totals"]["total"] = sum(r["self_score"] or 0 for r in data["assessment"]["criteria"])
    outcome = _import(receiver, commune_key, outbox, data)
    assert outcome.refused and type(outcome.error) is error, outcome.line
    assert field in outcome.line


def test_a_sum_of_39_75_declared_as_100_is_refused_with_both_numbers(receiver, commune_key, outbox):
    data = catalogue_assessment_data(2026, score=lambda node: 0.25 if node.code < "5" else 0.0)
    real = data["assessment"]["totals"]["total"]
    data["assessment"]["totals"]["total"] = 100.0
    outcome = _import(receiver, commune_key, outbox, data)
    assert outcome.refused and "100" in outcome.line and str(real).replace(".", ",") in outcome.line


def test_the_catalogue_the_receiver_imported_for_the_year_is_the_one_checked(receiver, commune_key, outbox, tmp_path):
    import json

    catalogue = {
        "ten": "Bộ tiêu chí của tỉnh 2026",
        "nam": 2026,
        "tieu_chi": [
            {"ma": "A", "ten": "Lĩnh vực A", "diem_toi_da": 2, "con": [{"ma": "A.1", "ten": "A.1", "diem_toi_da": 2}]}
        ],
    }
    source = tmp_path / "bo-tieu-chi.json"
    source.write_text(json.dumps(catalogue, ensure_ascii=False), encoding="utf-8")
    receiver.assessment.import_catalogue(source)
    shipped = _import(receiver, commune_key, outbox / "a", catalogue_assessment_data(2026))
    assert shipped.status == "imported"  # it names the shipped catalogue by its hash, which the receiver knows too
    unnamed = catalogue_assessment_data(2027)
    del unnamed["assessment"]["catalogue"]
    refused = _import(receiver, commune_key, outbox / "b", unnamed)
    assert refused.refused and isinstance(refused.error, CatalogueUnknownError)
    assert "Bộ tiêu chí của tỉnh 2026" in refused.line
