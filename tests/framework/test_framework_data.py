"""The embedded default framework and the demo commune data: shape and consistency of the JSON."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop.framework.areas import AREA_CODES
from cchc_desktop.kernel.text import fold
from cchc_desktop.kernel.units import PROVINCES
from cchc_desktop.plans.deadlines import parse_deadline
from cchc_desktop.plans.model import COMPARATORS, MEASURES, SIGNER_MODES
from tests.support.paths import RESOURCES

FRAMEWORK_FILE = RESOURCES / "framework" / "commune-default.json"
DEMO_FILE = RESOURCES / "demo" / "demo-commune.json"

ALLOWED_PLACEHOLDERS = {
    "year",
    "prev_year",
    "unit_short",
    "unit_full",
    "receiver_name",
    "province_name",
    "province_name_lower",
}
PLAN_YEAR = 2026


@pytest.fixture(scope="module")
def framework() -> dict[str, Any]:
    return json.loads(FRAMEWORK_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def demo() -> dict[str, Any]:
    return json.loads(DEMO_FILE.read_text(encoding="utf-8"))


def strings(value: Any) -> Iterator[str]:
    """Every string inside a JSON value, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings(item)


def filled_year(text: str) -> str:
    return text.replace("{year}", str(PLAN_YEAR)).replace("{prev_year}", str(PLAN_YEAR - 1))


def all_tasks(framework: dict, demo: dict) -> list[dict]:
    return framework["tasks"] + demo["plan"]["extra_tasks"]


def all_indicators(framework: dict, demo: dict) -> list[dict]:
    return framework["indicators"] + demo["plan"]["extra_indicators"]


# Text hygiene ###########################################################


@pytest.mark.parametrize("path", [FRAMEWORK_FILE, DEMO_FILE], ids=["framework", "demo"])
def test_every_string_is_nfc(path: Path):
    data = json.loads(path.read_text(encoding="utf-8"))
    not_nfc = [s for s in strings(data) if unicodedata.normalize("NFC", s) != s]
    assert not_nfc == []


@pytest.mark.parametrize("path", [FRAMEWORK_FILE, DEMO_FILE], ids=["framework", "demo"])
def test_only_known_placeholders_and_no_stray_braces(path: Path):
    data = json.loads(path.read_text(encoding="utf-8"))
    for text in strings(data):
        names = set(re.findall(r"\{([^{}]*)\}", text))
        assert names <= ALLOWED_PLACEHOLDERS, (text, names - ALLOWED_PLACEHOLDERS)
        leftover = re.sub(r"\{[^{}]*\}", "", text)
        assert "{" not in leftover and "}" not in leftover, text


# Framework identity and areas ##########################################


def test_framework_identity(framework):
    assert framework["id"] == "khung-ke-hoach-cchc-cap-xa"
    assert framework["version"] == "2026.1"
    assert framework["title"] and framework["note"]


def test_areas_are_the_nine_canonical_codes_with_iso_after_cqs(framework):
    codes = [area["code"] for area in framework["areas"]]
    assert sorted(codes) == sorted(AREA_CODES)
    assert codes.index("ISO") == codes.index("CQS") + 1
    assert all(area["name"] for area in framework["areas"])


def test_every_area_code_used_is_declared(framework, demo):
    declared = {area["code"] for area in framework["areas"]}
    used = {row["area_code"] for row in all_tasks(framework, demo) + all_indicators(framework, demo)}
    used |= set(framework["plan"]["area_texts"]) | set(demo["plan"]["area_display_names"])
    assert used <= declared
    assert declared <= set(AREA_CODES)


# Plan texts ##############################################################


def test_plan_texts_cover_every_area(framework):
    plan = framework["plan"]
    assert set(plan["area_texts"]) == set(AREA_CODES)
    for code, text in plan["area_texts"].items():
        lines = text.split("\n")
        assert len(lines) >= 2 and all(line.startswith("- ") for line in lines), code


def test_bases_end_with_semicolons_then_a_full_stop(framework):
    bases = framework["plan"]["bases"]
    assert 4 <= len(bases) <= 6
    assert all(b.startswith("Căn cứ") and b.endswith(";") for b in bases[:-1])
    assert bases[-1].endswith(".")
    joined = " ".join(bases)
    assert "76/NQ-CP" in joined and "{province_name_lower}" in joined


def test_plan_free_texts_mention_the_year_and_closing_leaves_end_mark_to_the_app(framework):
    plan = framework["plan"]
    assert "{year}" in plan["title"] and "{year}" in plan["purpose_text"] and "{year}" in plan["budget_text"]
    assert "\n" in plan["purpose_text"] and plan["requirement_text"]
    assert "{receiver_name}" in plan["closing_text"]
    assert not plan["closing_text"].rstrip().endswith("./.")


def test_actors_and_recipients(framework):
    plan = framework["plan"]
    assert 5 <= len(plan["actors"]) <= 8
    assert plan["actors"][0]["actor"] == "Công chức Văn phòng - Thống kê"
    assert all(a["actor"] and a["duties"] for a in plan["actors"])
    recipients = plan["recipients"]
    assert recipients[0] == {"recipient": "{receiver_name}", "purpose": "(b/c)"}
    assert recipients[-1]["recipient"].startswith("Lưu:")


# Indicators ##############################################################


def test_enough_indicators_with_sequential_codes(framework):
    indicators = framework["indicators"]
    assert len(indicators) >= 24
    assert [i["code"] for i in indicators] == [f"CX-{n:02d}" for n in range(1, len(indicators) + 1)]


def test_every_area_except_iso_has_an_indicator(framework):
    covered = {i["area_code"] for i in framework["indicators"]}
    assert set(AREA_CODES) - {"ISO"} <= covered


def test_indicator_fields_are_valid(framework, demo):
    for ind in all_indicators(framework, demo):
        assert ind["text"], ind
        assert ind["comparator"] in COMPARATORS, ind["code"]
        assert ind["measure"] in MEASURES, ind["code"]
        assert isinstance(ind["aspirational"], bool), ind["code"]
        assert isinstance(ind["target"], (int, float)), ind["code"]


def test_percentage_indicators_have_fraction_labels_and_targets_within_100(framework, demo):
    for ind in all_indicators(framework, demo):
        if ind["unit"].strip() != "%":
            continue
        assert ind["numerator_label"] and ind["denominator_label"], ind["code"]
        assert max(ind["target"], ind.get("target_max") or 0) <= 100, ind["code"]


def test_range_indicators_are_ordered(framework, demo):
    ranges = [i for i in all_indicators(framework, demo) if i["comparator"] == "range"]
    assert ranges
    for ind in ranges:
        assert ind["target_max"] is not None and ind["target"] <= ind["target_max"], ind["code"]


def test_seed_targets_are_present(framework):
    by_text = {fold(i["text"]): i for i in framework["indicators"]}

    def find(words: str) -> dict:
        hits = [i for text, i in by_text.items() if fold(words) in text]
        assert len(hits) == 1, words
        return hits[0]

    assert (find("so hoa ho so")["comparator"], find("so hoa ho so")["target"]) == (">=", 55)
    assert find("doi thoai")["unit"] == "cuộc" and find("doi thoai")["target"] == 1
    assert find("tiep cong dan")["target"] == 12 and find("tiep cong dan")["unit"] == "buổi"
    assert find("thoi gian cho doi")["comparator"] == "<=" and find("thoi gian cho doi")["unit"] == "phút"
    assert find("chu ky so")["comparator"] == "=" and find("chu ky so")["target"] == 100
    assert {i["comparator"] for i in framework["indicators"]} >= {">=", "=", "<=", "~", "range"}


# Tasks ##################################################################


def test_enough_tasks_covering_every_area(framework):
    tasks = framework["tasks"]
    assert len(tasks) >= 34
    assert {t["area_code"] for t in tasks} == set(AREA_CODES)


def test_task_fields_are_filled(framework, demo):
    for task in all_tasks(framework, demo):
        for key in ("content", "product", "lead_unit", "deadline_text", "framework_ref"):
            assert task[key], (key, task["content"])


def deadline_texts(framework: dict, demo: dict) -> list[str]:
    texts = [t["deadline_text"] for t in all_tasks(framework, demo)]
    return texts + [o["deadline_text"] for o in demo["plan"]["task_overrides"] if "deadline_text" in o]


def test_every_deadline_parses(framework, demo):
    for text in deadline_texts(framework, demo):
        parsed = parse_deadline(filled_year(text), PLAN_YEAR)
        assert parsed.kind not in ("unknown", "empty"), text
        assert parsed.within_year(PLAN_YEAR), text


def test_deadlines_use_placeholders_not_literal_plan_years(framework):
    for task in framework["tasks"]:
        text = task["deadline_text"]
        if not text.startswith("Giai đoạn"):
            assert not re.search(r"(19|20)\d{2}", text), text


def test_deadline_forms_are_mixed(framework):
    kinds = {parse_deadline(filled_year(t["deadline_text"]), PLAN_YEAR).kind for t in framework["tasks"]}
    assert kinds >= {"month", "quarter", "before", "year", "recurring", "continuous", "period", "event"}


# Demo ###################################################################


def test_demo_profile(demo):
    profile = demo["profile"]
    assert profile["unit_type"] == "xa" and profile["province_code"] in PROVINCES
    assert re.fullmatch(r"\d{5}", profile["commune_code"])
    assert profile["receiver_level"] == "tinh" and profile["receiver_name"].startswith("Sở Nội vụ")
    assert profile["chairman_name"] and len(profile["deputies"]) >= 1 and profile["focal_name"]
    assert 6 <= len(demo["officials"]) <= 8


def test_demo_plan_settings(demo):
    plan = demo["plan"]
    assert isinstance(plan["doc_number"], int) and plan["signer_mode"] in SIGNER_MODES
    assert re.fullmatch(r"\d{2}-\d{2}", plan["issue_date_month_day"])
    assert 3 <= len(plan["extra_tasks"]) <= 4 and 1 <= len(plan["extra_indicators"]) <= 2
    assert any(t.get("carried_over_from") == "{prev_year}" for t in plan["extra_tasks"])
    assert any(t.get("not_applicable") and t.get("na_reason") for t in plan["extra_tasks"])


def test_every_override_matches_exactly_one_framework_task(framework, demo):
    contents = [t["content"] for t in framework["tasks"]]
    overrides = demo["plan"]["task_overrides"]
    assert len(overrides) >= 25
    for override in overrides:
        needle = override["match"]
        assert sum(needle in c for c in contents) == 1, needle
        assert sum(fold(needle) in fold(c) for c in contents) == 1, needle


def test_overrides_touch_distinct_tasks_and_about_ten_carry_a_budget(framework, demo):
    overrides = demo["plan"]["task_overrides"]
    targets = [next(c for c in (t["content"] for t in framework["tasks"]) if o["match"] in c) for o in overrides]
    assert len(set(targets)) == len(targets)
    budgets = [o["budget"] for o in overrides if "budget" in o]
    assert len(budgets) >= 8 and all(isinstance(b, int) and b > 0 for b in budgets)


def test_responsible_people_are_known_officials(demo):
    known = {o["name"] for o in demo["officials"]} | {demo["profile"]["focal_name"]}
    rows = demo["plan"]["task_overrides"] + demo["plan"]["extra_tasks"]
    for row in rows:
        if "responsible" in row:
            assert row["responsible"] in known, row["responsible"]
