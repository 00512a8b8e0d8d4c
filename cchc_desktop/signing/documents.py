"""The document to sign, read now (the workspace's thread), rendered and signed later (any thread).

The unsigned PDF is exactly the one a package would carry (same builders, invariant ReportLab
output), so its SHA-256 tells an export whether the signed copy still matches the document.
"""

from __future__ import annotations

from cchc_desktop import rendering
from cchc_desktop.assessment.documents.document import build_assessment_document
from cchc_desktop.kernel.documents.file_names import document_file_name
from cchc_desktop.kernel.documents.model import OfficialDocument
from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.plans.documents.document import build_plan_document
from cchc_desktop.reports.documents.document import build_report_document
from cchc_desktop.signing.model import DocumentRef


def refusal(ws: rendering.DocumentSources, ref: DocumentRef) -> str | None:
    """Catalogue key of why ``ref`` may not be signed now, or None: only what was issued or sent
    (an issued plan, a submitted report or self-assessment) carries signatures."""
    if ref.kind == "plan":
        plan = ws.plans.get(ref.plan_id) if ref.plan_id is not None else ws.plans.in_force(ref.year)
        return None if plan is not None and plan.status == "issued" else "signing.refused.plan"
    if ref.kind == "report":
        report = ws.reports.for_period(ref.year, ref.period or "")
        return None if report is not None and report.status == "submitted" else "signing.refused.report"
    if ref.kind == "assessment":
        assessment = ws.assessment.get(ref.year)
        return None if assessment is not None and assessment.status == "submitted" else "signing.refused.assessment"
    raise ValidationError("render.kind.unknown", kind=ref.kind, kinds="plan, report, assessment")


def resolved(ws: rendering.DocumentSources, ref: DocumentRef) -> DocumentRef:
    """``ref`` with its plan version filled in (a plan is signed version by version)."""
    if ref.kind != "plan" or ref.plan_id is not None:
        return ref
    plan = ws.plans.in_force(ref.year)
    return DocumentRef("plan", ref.year, None, plan.id if plan else None)


def read_document(ws: rendering.DocumentSources, ref: DocumentRef) -> tuple[OfficialDocument, str, str]:
    """(the document as a package carries it, its file name, its title) for ``ref``."""
    if ref.kind == "plan":
        profile, agg = rendering.read_plan(ws, ref.year, ref.plan_id)
        name = document_file_name(["KH-CCHC", str(ref.year), profile.short_name, "da-ky-so"], "pdf")
        return build_plan_document(profile, agg), name, tr("render.title.plan", year=ref.year, version=agg.plan.version)
    if ref.kind == "report":
        data = rendering.read_report(ws, ref.year, ref.period)
        name = document_file_name(
            ["BC-CCHC", data.period.code, str(ref.year), data.profile.short_name, "da-ky-so"], "pdf"
        )
        return build_report_document(data), name, tr("render.title.report", period=data.period.label)
    data_a = rendering.read_assessment(ws, ref.year)
    name = document_file_name(["TDG-CCHC", str(ref.year), data_a.profile.short_name, "da-ky-so"], "pdf")
    return build_assessment_document(data_a), name, tr("render.title.assessment", year=ref.year)


def document_number(document: OfficialDocument) -> str:
    """Số, ký hiệu as printed in the header ("12/KH-UBND"), blanks squeezed."""
    return " ".join((document.header.number_text or "").split())
