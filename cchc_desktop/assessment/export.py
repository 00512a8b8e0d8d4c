"""The self-assessment as plain data (JSON for the command line and packages) and as text."""

from __future__ import annotations

from typing import Any

from cchc_desktop.assessment.model import AssessmentView, ScoreLine, Subtotal, subtotal
from cchc_desktop.kernel.i18n import format_number, tr


def _points(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def totals_to_dict(total: Subtotal) -> dict[str, Any]:
    return {
        "self_scored": {"score": _points(total.self_score), "max": _points(total.self_max)},
        "survey": {"max": _points(total.survey_max), "note": tr("assessment.totals.survey_note")},
        "bonus": {"score": _points(total.bonus), "max": _points(total.bonus_max)},
        "penalty": {"score": _points(total.penalty), "max": _points(total.penalty_max)},
        "total": _points(total.total),
        "max_total": _points(total.max_total),
        "scored": total.scored,
        "scorable": total.scorable,
    }


def _compact(total: Subtotal) -> dict[str, Any]:
    return {
        "self_score": _points(total.self_score),
        "self_max": _points(total.self_max),
        "survey_max": _points(total.survey_max),
        "bonus": _points(total.bonus),
        "penalty": _points(total.penalty),
        "total": _points(total.total),
    }


def line_to_dict(line: ScoreLine) -> dict[str, Any]:
    criterion = line.criterion
    data: dict[str, Any] = {
        "code": criterion.code,
        "name": criterion.name,
        "level": criterion.level,
        "max_points": _points(criterion.max_points),
    }
    if not line.is_leaf:
        data["subtotal"] = _compact(subtotal(line))
        data["children"] = [line_to_dict(child) for child in line.children]
        return data
    score = line.score
    data.update(
        {
            "method": criterion.method,
            "step": criterion.step,
            "self_score": _points(line.self_score),
            "proposed_score": _points(line.proposed),
            "indicator": criterion.indicator_code or None,
            "indicator_value": line.indicator_value,
            "explanation": score.explanation if score else "",
            "override_reason": score.override_reason if score else "",
            "response": score.response if score else "",
            "evidence_count": line.evidence_count,
            "evidence_required": criterion.evidence_required,
            "score_id": score.id if score else None,
        }
    )
    return data


def assessment_to_dict(view: AssessmentView) -> dict[str, Any]:
    catalogue, assessment = view.catalogue, view.assessment
    return {
        "year": assessment.year,
        "status": assessment.status,
        "status_text": tr(f"assessment.status.{assessment.status}"),
        "submitted_at": assessment.submitted_at,
        "catalogue": {
            "title": catalogue.title,
            "province": catalogue.province,
            "decision": catalogue.decision,
            "year": catalogue.year,
            "source": catalogue.source,
            "illustrative": catalogue.illustrative,
            "notice": tr("assessment.catalogue.illustrative") if catalogue.illustrative else "",
        },
        "criteria": [line_to_dict(root) for root in view.roots],
        "totals": {**totals_to_dict(view.totals), "areas": [_area(root, total) for root, total in view.area_totals()]},
        "problems": [problem.to_dict() for problem in view.problems],
        "blocking": [problem.message for problem in view.blocking],
        "can_submit": assessment.status == "draft" and not view.blocking,
    }


def _area(root: ScoreLine, total: Subtotal) -> dict[str, Any]:
    return {"code": root.criterion.code, "name": root.criterion.name, **totals_to_dict(total)}


# Text #################################################################


def _num(value: float | None) -> str:
    return "—" if value is None else format_number(value)


def assessment_to_text(data: dict[str, Any]) -> str:
    lines = [tr("assessment.text.heading", year=data["year"], status=data["status_text"]), data["catalogue"]["title"]]
    if data["catalogue"]["illustrative"]:
        lines.append(data["catalogue"]["notice"])
    lines.append("")
    for node in data["criteria"]:
        _node_text(node, lines)
    totals = data["totals"]
    lines += [
        "",
        tr(
            "assessment.text.totals",
            score=_num(totals["self_scored"]["score"]),
            max=_num(totals["self_scored"]["max"]),
            survey=_num(totals["survey"]["max"]),
            bonus=_num(totals["bonus"]["score"]),
            penalty=_num(totals["penalty"]["score"]),
            total=_num(totals["total"]),
        ),
    ]
    if data["blocking"]:
        lines.append(tr("assessment.text.blocking", count=len(data["blocking"])))
        lines += [f"  - {message}" for message in data["blocking"]]
    return "\n".join(lines)


def _node_text(node: dict[str, Any], lines: list[str]) -> None:
    indent = "  " * (node["level"] - 1)
    head = f"{indent}{node['code']} {node['name']} [{_num(node['max_points'])}]"
    if "children" in node:
        sub = node["subtotal"]
        lines.append(f"{head} — {_num(sub['total'])}")
        for child in node["children"]:
            _node_text(child, lines)
        return
    details = [tr("assessment.text.self", score=_num(node["self_score"]))]
    if node["proposed_score"] is not None:
        details.append(tr("assessment.text.proposed", score=_num(node["proposed_score"])))
    if node["evidence_count"]:
        details.append(tr("assessment.text.files", count=node["evidence_count"]))
    if node["method"] == "survey":
        details = [tr("assessment.method.survey")]
    lines.append(f"{head}: {', '.join(details)}")
