"""data.json per kind, read from the workspace: kế hoạch, báo cáo định kỳ, tự đánh giá.

Local row ids never leave the unit: rows are named by their stable ``uid`` (tasks, indicators) or
their code (criteria), and evidence refers to them as "task:<uid>", "indicator:<uid>",
"criterion:<code>" or "report".
"""

from __future__ import annotations

from typing import Any

from cchc_desktop import rendering
from cchc_desktop.exchange.context import ExchangeWorkspace
from cchc_desktop.exchange.payloads import (
    PAYLOAD_VERSION,
    ExportContent,
    Renderer,
    framework_ref,
    signer_of,
    unit_block,
)
from cchc_desktop.kernel.documents.pdf import render_pdf
from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.jobs import Cancelled, Progress
from cchc_desktop.plans.documents.document import build_plan_document
from cchc_desktop.plans.model import PlanAggregate
from cchc_desktop.profile.model import UnitProfile
from cchc_desktop.reports.model import Report

_PLAN_DROPPED = ("unit", "problems", "status_label")


# Kế hoạch ###############################################################


def plan_content(ws: ExchangeWorkspace, year: int, period: str | None) -> ExportContent:
    plan = ws.plans.in_force(year)
    assert plan is not None, "export_problems refuses a year without an issued plan"
    agg = ws.plans.aggregate(plan.id)
    full = ws.plans.to_dict(plan.id)
    data = {"plan": {k: v for k, v in full.items() if k not in _PLAN_DROPPED}, "submitted_at": plan.issued_at}
    targets = {("task", t.id): f"task:{t.uid}" for t in agg.tasks}
    targets.update({("indicator", i.id): f"indicator:{i.uid}" for i in agg.indicators})
    profile = ws.profile.get()
    signer = signer_of(plan.signer_mode, plan.signer_title, plan.signer_name, profile.chairman_name)
    return ExportContent(
        "plan",
        year,
        None,
        data,
        signer,
        framework_ref(plan.framework_id, plan.framework_hash),
        targets,
        _plan_renderer(profile, agg),
    )


def _plan_renderer(profile: UnitProfile, agg: PlanAggregate) -> Renderer:
    def render(progress: Progress | None, cancelled: Cancelled | None) -> bytes:
        return render_pdf(build_plan_document(profile, agg), progress=progress, cancelled=cancelled)

    return render


# Báo cáo định kỳ ########################################################


def report_content(ws: ExchangeWorkspace, year: int, period: str | None) -> ExportContent:
    assert period is not None
    full = ws.reports.to_dict(year, period)
    report = ws.reports.for_period(year, period)
    if report is None:  # export_problems says so first
        raise ValidationError("exchange.export.report_missing", period=full["period"]["label"])
    agg = ws.reports.aggregate(report.id)
    body = {k: v for k, v in full["report"].items() if k not in ("problems", "events")}
    body["tasks"] = [{k: v for k, v in row.items() if k != "id"} for row in body["tasks"]]
    body["indicators"] = [{k: v for k, v in row.items() if k != "id"} for row in body["indicators"]]
    period_block = {k: v for k, v in full["period"].items() if k != "state"}
    data = {"period": period_block, "report": body, "submitted_at": report.first_submitted_at}
    targets: dict[tuple[str, int], str] = {("report", report.id): "report"}
    targets.update({("task_progress", p.id): f"task:{agg.tasks[p.task_id].uid}" for p in agg.progress})
    targets.update({("indicator_actual", a.id): f"indicator:{agg.indicators[a.indicator_id].uid}" for a in agg.actuals})
    signer = signer_of(report.signer_mode, report.signer_title, report.signer_name, ws.profile.get().chairman_name)
    plan = agg.plan
    return ExportContent(
        "report",
        year,
        agg.period.code,
        data,
        signer,
        framework_ref(plan.framework_id, plan.framework_hash),
        targets,
        _report_renderer(ws, report),
    )


def _report_renderer(ws: ExchangeWorkspace, report: Report) -> Renderer:
    """document.pdf of the report: the model is read now, the PDF is drawn later off the database."""
    model = rendering.report_data(ws, report.id)
    return lambda progress, cancelled: rendering.report_pdf_from_data(model, progress=progress, cancelled=cancelled)


# Tự đánh giá ############################################################


def assessment_content(ws: ExchangeWorkspace, year: int, period: str | None) -> ExportContent:
    view = ws.assessment.view(year)
    assessment, catalogue = view.assessment, view.catalogue
    codes = {line.criterion.id: line.criterion.code for line in view.lines}
    criteria = [_criterion(line, codes) for line in view.lines]
    totals = view.totals
    data = {
        "assessment": {
            "status": assessment.status,
            "submitted_at": assessment.submitted_at,
            "catalogue": {
                "code": catalogue.code,
                "title": catalogue.title,
                "province": catalogue.province,
                "decision": catalogue.decision,
                "year": catalogue.year,
                "content_hash": catalogue.content_hash,
            },
            "totals": {
                "self_score": totals.self_score,
                "self_max": totals.self_max,
                "survey_max": totals.survey_max,
                "bonus": totals.bonus,
                "penalty": totals.penalty,
                "total": totals.total,
                "max_total": totals.max_total,
                "scored": totals.scored,
                "scorable": totals.scorable,
            },
            "criteria": criteria,
        },
        "submitted_at": assessment.submitted_at,
    }
    targets = {
        ("criterion_score", line.score.id): f"criterion:{line.criterion.code}"
        for line in view.lines
        if line.score is not None
    }
    profile = ws.profile.get()
    signer = signer_of("TM", "CHỦ TỊCH", "", profile.chairman_name)
    framework = framework_ref(catalogue.framework_id, catalogue.framework_hash) or framework_ref(
        catalogue.code or catalogue.uid, catalogue.content_hash
    )
    return ExportContent("assessment", year, None, data, signer, framework, targets, _assessment_renderer(ws, year))


def _assessment_renderer(ws: ExchangeWorkspace, year: int) -> Renderer:
    """document.pdf of the self-assessment report (model read now, PDF drawn later)."""
    model = rendering.read_assessment(ws, year)
    return lambda progress, cancelled: rendering.assessment_pdf_from_data(model, progress=progress, cancelled=cancelled)


def _criterion(line, codes: dict[int, str]) -> dict[str, Any]:
    criterion, score = line.criterion, line.score
    return {
        "code": criterion.code,
        "parent_code": codes.get(criterion.parent_id, "") if criterion.parent_id else "",
        "level": criterion.level,
        "name": criterion.name,
        "method": criterion.method,
        "max_points": criterion.max_points,
        "leaf": line.is_leaf,
        "self_score": score.self_score if score else None,
        "explanation": score.explanation if score else "",
        "override_reason": score.override_reason if score else "",
        "response": score.response if score else "",
        "proposed": line.proposed,
        "indicator_code": criterion.indicator_code,
        "indicator_value": line.indicator_value,
        "evidence_count": line.evidence_count,
    }


def export_content(ws: ExchangeWorkspace, kind: str, year: int, period: str | None) -> ExportContent:
    """The package content of ``kind``; call after ``export_problems`` reported no error."""
    builders = {"plan": plan_content, "report": report_content, "assessment": assessment_content}
    content = builders[kind](ws, year, period)
    content.data = {
        "payload": kind,
        "payload_version": PAYLOAD_VERSION,
        "unit": unit_block(ws),
        "year": year,
        **content.data,
    }
    return content
