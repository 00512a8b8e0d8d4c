"""Khung năm at the office: the content it starts from, the rows the office edits, what it publishes.

The office's framework for a year starts from the app's default framework (areas, plan template,
indicators with targets, tasks, the reporting calendar) and the shipped criteria catalogue, with the
year's dates filled in. The office changes some values (an area's name, a target, a due date, a
criterion's maximum points); the published content is the base with those values put in.
"""

from __future__ import annotations

import copy
from typing import Any

from cchc_desktop.assessment.catalogue import CatalogueImportError, CatalogueSpec, NodeSpec
from cchc_desktop.assessment.catalogue_files import load_default_catalogue, read_json_catalogue
from cchc_desktop.framework.content import canonical_json, framework_id_for
from cchc_desktop.framework.model import load_framework
from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.i18n import format_date, parse_date, tr
from cchc_desktop.profile.model import UnitProfile
from cchc_desktop.reports import calendar as cal

PERIOD_DATES = ("start", "end", "due")


def base_content(profile: UnitProfile, year: int) -> dict[str, Any]:
    """The default framework and catalogue for ``year``, as this office will publish them."""
    fw = load_framework()
    periods = copy.deepcopy(fw.extra.get("periods") or {"items": []})
    for item in periods.get("items", []):
        for key in PERIOD_DATES:
            item[key] = _year_date(item[key], year)
    return {
        "id": framework_id_for(profile.province_code, year),
        "year": year,
        "title": tr("framework.title", year=year, office=profile.name),
        "issuer": {"name": profile.name, "province_code": profile.province_code},
        "based_on": {"id": fw.id, "version": fw.version, "hash": fw.hash},
        "areas": copy.deepcopy(fw.areas),
        "plan": copy.deepcopy(fw.plan),
        "indicators": copy.deepcopy(fw.indicators),
        "tasks": copy.deepcopy(fw.tasks),
        "periods": periods,
        "criteria": catalogue_document(load_default_catalogue(), year),
    }


def _year_date(template: str, year: int) -> str:
    return template.replace("{prev_year}", str(year - 1)).replace("{year}", str(year))


def catalogue_document(spec: CatalogueSpec, year: int) -> dict[str, Any]:
    """A catalogue in the catalogue file's JSON shape (one flat row per node, parent by code)."""
    return {
        "ma_bo": spec.code,
        "ten": spec.title,
        "nam": year,
        "tinh": spec.province,
        "quyet_dinh": spec.decision,
        "minh_hoa": spec.illustrative,
        "tieu_chi": [_row(node) for node in spec.nodes],
    }


def _row(node: NodeSpec) -> dict[str, Any]:
    return {
        "ma": node.code,
        "ma_cha": node.parent_code,
        "ten": node.name,
        "diem_toi_da": node.max_points,
        "phuong_phap": node.method,
        "buoc_diem": node.step,
        "huong_dan": node.guidance,
        "tai_lieu_kiem_chung": node.evidence_required,
        "chi_tieu": node.indicator_code,
        "nguong": node.thresholds,
    }


# The rows the office edits ##############################################


def item_rows(content: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Entity name → the rows the office may edit, as ``content`` has them."""
    return {
        "framework_area": [{"code": a["code"], "name": a["name"]} for a in content["areas"]],
        "framework_indicator": [
            {
                "code": i["code"],
                "text": i["text"],
                "unit": i.get("unit") or "",
                "target": i.get("target"),
                "target_max": i.get("target_max"),
            }
            for i in content["indicators"]
        ],
        "framework_period": [
            {"code": p["code"], "name": p["name"], "due_date": _iso(p["due"])} for p in content["periods"]["items"]
        ],
        "framework_criterion": [
            {"code": c["ma"], "parent_code": c["ma_cha"], "name": c["ten"], "max_points": c["diem_toi_da"]}
            for c in content["criteria"]["tieu_chi"]
        ],
    }


def _iso(text: str) -> str | None:
    day = parse_date(text)
    return day.isoformat() if day else None


def edited_content(base: dict[str, Any], edits: dict[str, list[Any]]) -> dict[str, Any]:
    """``base`` with the office's values put in (rows matched by code)."""
    content = copy.deepcopy(base)
    areas = {r.code: r for r in edits["framework_area"]}
    for area in content["areas"]:
        if area["code"] in areas:
            area["name"] = areas[area["code"]].name
    indicators = {r.code: r for r in edits["framework_indicator"]}
    for indicator in content["indicators"]:
        if indicator["code"] in indicators:
            row = indicators[indicator["code"]]
            indicator["target"], indicator["target_max"] = _plain(row.target), _plain(row.target_max)
    periods = {r.code: r for r in edits["framework_period"]}
    for period in content["periods"]["items"]:
        if period["code"] in periods and periods[period["code"]].due_date:
            period["due"] = format_date(periods[period["code"]].due_date)
    criteria = {r.code: r for r in edits["framework_criterion"]}
    for node in content["criteria"]["tieu_chi"]:
        if node["ma"] in criteria:
            node["diem_toi_da"] = _plain(criteria[node["ma"]].max_points)
    return content


def _plain(number: float | None) -> float | int | None:
    """10.0 → 10: the same number always travels as the same JSON text."""
    if number is None:
        return None
    return int(number) if float(number).is_integer() else float(number)


def problems(content: dict[str, Any]) -> list[str]:
    """What stops the framework from being sent: a due date before its period ends, criteria whose
    points do not add up (each problem one line, in Vietnamese)."""
    found = []
    for spec in cal.specs_from_framework(content["periods"]):
        try:
            cal.resolve(spec, content["year"])
        except ValidationError as exc:
            found.append(str(exc))
    try:
        criteria_spec(content)
    except CatalogueImportError as exc:
        found.extend(exc.errors)
    return found


def criteria_spec(content: dict[str, Any]) -> CatalogueSpec:
    """The catalogue a framework carries, checked like a catalogue file."""
    return read_json_catalogue(canonical_json(content["criteria"]), tr("framework.criteria_source"))
