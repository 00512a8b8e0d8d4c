"""The whole plan as plain data (``plan show --json``) and as a short text summary."""

from __future__ import annotations

from typing import Any

from cchc_desktop.kernel.i18n import format_date, tr
from cchc_desktop.kernel.problems import Problem
from cchc_desktop.plans.deadlines import parse_deadline
from cchc_desktop.plans.model import PlanAggregate, signature_lines
from cchc_desktop.plans.targets import describe_target
from cchc_desktop.profile.model import UnitProfile


def plan_to_dict(profile: UnitProfile, agg: PlanAggregate, problems: list[Problem]) -> dict[str, Any]:
    """The whole plan as plain data; ``problems`` are its current checks."""
    plan = agg.plan
    return {
        "unit": {"name": profile.full_name, "code": profile.unit_code, "receiver": profile.receiver_name},
        "year": plan.year,
        "version": plan.version,
        "status": plan.status,
        "status_label": tr(f"plan.status.{plan.status}"),
        "effective_date": plan.effective_date,
        "amendment_reason": plan.amendment_reason,
        "framework": {"id": plan.framework_id, "hash": plan.framework_hash},
        "document": _document(agg),
        "sections": _sections(agg),
        "areas": [{"code": a.code, "name": a.display_name, "order": a.position + 1} for a in agg.areas],
        "indicators": [_indicator(agg, i) for i in agg.indicators],
        "tasks": [_task(agg, t) for t in agg.tasks],
        "problems": [p.to_dict() for p in problems],
    }


def _document(agg: PlanAggregate) -> dict[str, Any]:
    plan = agg.plan
    return {
        "number": plan.doc_number,
        "symbol": plan.doc_symbol,
        "number_text": plan.number_text,
        "issue_mode": plan.issue_mode,
        "place": plan.issue_place,
        "issue_date": plan.issue_date,
        "issue_date_text": format_date(plan.issue_date),
        "title": plan.title,
        "bases": [b.text for b in agg.bases],
        "signer": {
            "mode": plan.signer_mode,
            "lines": signature_lines(plan.signer_mode, plan.signer_title),
            "name": plan.signer_name,
        },
        "recipients": [{"recipient": r.recipient, "purpose": r.purpose} for r in agg.recipients],
    }


def _sections(agg: PlanAggregate) -> dict[str, Any]:
    plan = agg.plan
    return {
        "purpose": plan.purpose_text,
        "requirements": plan.requirement_text,
        "area_tasks": [{"code": a.code, "name": a.display_name, "text": a.tasks_text} for a in agg.areas],
        "budget": plan.budget_text,
        "implementation": [{"actor": a.actor, "duties": a.duties} for a in agg.actors],
        "closing": plan.closing_text,
    }


def _indicator(agg: PlanAggregate, ind) -> dict[str, Any]:
    return {
        "uid": ind.uid,
        "order": ind.position + 1,
        "code": ind.code,
        "text": ind.text,
        "area_code": ind.area_code,
        "area_name": agg.area_name(ind.area_code),
        "comparator": ind.comparator,
        "target": ind.target,
        "target_max": ind.target_max,
        "unit": ind.unit,
        "target_text": _target_text(ind),
        "numerator_label": ind.numerator_label,
        "denominator_label": ind.denominator_label,
        "baseline_year": ind.baseline_year,
        "baseline_value": ind.baseline_value,
        "aspirational": ind.aspirational,
        "measure": ind.measure,
        "source_ref": ind.source_ref,
    }


def _target_text(ind) -> str:
    """The target in words: the plan's own words for a target that is not a number."""
    if ind.target is None and ind.target_text:
        return ind.target_text
    return describe_target(ind.comparator, ind.target, ind.target_max, ind.unit, ind.aspirational)


def _task(agg: PlanAggregate, task) -> dict[str, Any]:
    parsed = parse_deadline(task.deadline_text, agg.plan.year)
    return {
        "uid": task.uid,
        "order": task.position + 1,
        "area_code": task.area_code,
        "area_name": agg.area_name(task.area_code),
        "content": task.content,
        "product": task.product,
        "lead_unit": task.lead_unit,
        "coordinating_units": task.coordinating_units,
        "responsible": task.responsible,
        "budget": task.budget,
        "carried_over_from": task.carried_over_from,
        "not_applicable": task.not_applicable,
        "na_reason": task.na_reason,
        "framework_ref": task.framework_ref,
        "deadline": {
            "text": task.deadline_text,
            "kind": parsed.kind,
            "due": parsed.due.isoformat() if parsed.due else None,
            "start": parsed.start.isoformat() if parsed.start else None,
            "recurrence": parsed.recurrence,
            "flagged": parsed.flagged,
        },
    }


def plan_to_text(data: dict[str, Any]) -> str:
    doc = data["document"]
    lines = [
        f"{data['unit']['name']} — {doc['title']}",
        tr(
            "cli.plan.summary",
            number=doc["number_text"],
            date=doc["issue_date_text"] or "—",
            status=data["status_label"],
            version=data["version"],
        ),
        tr("cli.plan.counts", areas=len(data["areas"]), indicators=len(data["indicators"]), tasks=len(data["tasks"])),
    ]
    lines += [f"- [{p['severity']}] {p['message']}" for p in data["problems"]]
    return "\n".join(lines)
