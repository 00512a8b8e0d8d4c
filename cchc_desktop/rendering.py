"""In / xuất văn bản: read what a document needs now, render its bytes anywhere later.

``prepare(ws, kind, fmt, year, period=None)`` reads the plain model of the plan, the period
report or the self-assessment on the calling thread (the UI thread owns the workspace
connection) and returns a :class:`PreparedDocument`. Its ``render(progress, cancelled)``
touches no database, so the GUI runs it in a worker thread; ``save(path, …)`` renders and
writes the file atomically (temporary file, then rename).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from cchc_desktop.assessment.documents.data import AssessmentData
from cchc_desktop.assessment.documents.document import build_assessment_document
from cchc_desktop.assessment.documents.xlsx import render_assessment_xlsx
from cchc_desktop.assessment.service import AssessmentService
from cchc_desktop.evidence.service import EvidenceService
from cchc_desktop.kernel.atomic import write_bytes_atomic
from cchc_desktop.kernel.documents.file_names import document_file_name
from cchc_desktop.kernel.documents.pdf import render_pdf
from cchc_desktop.kernel.documents.xlsx import render_xlsx
from cchc_desktop.kernel.errors import NotFoundError, ValidationError
from cchc_desktop.kernel.files import FileWriteError
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.plans.documents.document import build_plan_document
from cchc_desktop.plans.documents.xlsx import render_plan_xlsx
from cchc_desktop.plans.service import PlanService
from cchc_desktop.profile.service import ProfileService
from cchc_desktop.reports import calendar as cal
from cchc_desktop.reports.documents.data import ReportData
from cchc_desktop.reports.documents.document import build_report_document
from cchc_desktop.reports.documents.xlsx import render_report_xlsx
from cchc_desktop.reports.service import ReportService

if TYPE_CHECKING:
    from cchc_desktop.kernel.documents.model import OfficialDocument
    from cchc_desktop.kernel.documents.xlsx import Sheet

KINDS = ("plan", "report", "assessment")
FORMATS = ("pdf", "xlsx")
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
Renderer = Callable[[Progress | None, Cancelled | None], bytes]


class DocumentSources(Protocol):
    """Where the documents' content comes from (the workspace provides all of it)."""

    profile: ProfileService
    plans: PlanService
    reports: ReportService
    assessment: AssessmentService
    evidence: EvidenceService


class RenderWriteError(FileWriteError):
    """Không ghi được tệp văn bản (ổ đầy, không có quyền, USB bị rút…)."""

    key = "render.write_failed"


@dataclass(frozen=True)
class PreparedDocument:
    """A document ready to render: its kind and format, a default file name, a title for dialogs."""

    kind: str
    fmt: str
    file_name: str
    title: str
    renderer: Renderer

    def render(self, progress: Progress | None = None, cancelled: Cancelled | None = None) -> bytes:
        return self.renderer(progress, cancelled)

    def save(self, path: str | Path, progress: Progress | None = None, cancelled: Cancelled | None = None) -> Path:
        """Render and write to ``path`` atomically; nothing is left behind on error or cancel."""
        return write_document(path, self.render(progress, cancelled))


def prepared_pdf(kind: str, parts: list[str], title: str, document: OfficialDocument) -> PreparedDocument:
    """A document already built (an office's letter, a notice): rendered to PDF when asked."""
    return PreparedDocument(
        kind,
        "pdf",
        document_file_name(parts, "pdf"),
        title,
        lambda progress, cancelled: render_pdf(document, progress=progress, cancelled=cancelled),
    )


def prepared_xlsx(kind: str, parts: list[str], title: str, sheets: list[Sheet]) -> PreparedDocument:
    """Sheets already built: written to a workbook when asked."""
    return PreparedDocument(
        kind,
        "xlsx",
        document_file_name(parts, "xlsx"),
        title,
        lambda progress, cancelled: render_xlsx(sheets, progress=progress, cancelled=cancelled),
    )


def write_document(path: str | Path, data: bytes) -> Path:
    target = Path(path)
    write_bytes_atomic(target, data, RenderWriteError)
    return target


# Reading the plain models (calling thread) ##############################


def read_plan(ws: DocumentSources, year: int, plan_id: int | None = None):
    """(profile, plan aggregate) of ``plan_id`` or the year's newest plan version."""
    plan = ws.plans.get(plan_id) if plan_id is not None else ws.plans.require_current(year)
    return ws.profile.require(), ws.plans.aggregate(plan.id)


def read_report(ws: DocumentSources, year: int, period: str | None) -> ReportData:
    """The period's report with its computed figures and the plan's areas."""
    if not period:
        raise ValidationError("render.period.required")
    found = ws.reports.period(year, period)
    report = ws.reports.for_period(year, found.code)
    if report is None:
        raise NotFoundError("render.report.none", period=found.label)
    return report_data(ws, report.id)


def report_data(ws: DocumentSources, report_id: int) -> ReportData:
    """The report ``report_id`` as printed (used by the exchange for a package's document.pdf too)."""
    agg = ws.reports.aggregate(report_id)
    areas = ws.plans.aggregate(agg.report.plan_id).areas
    calendar = ws.reports.calendar(agg.report.year)
    year_start = cal.year_start(calendar) if calendar else None
    annual = bool(calendar) and cal.reaches_year_end(agg.period, calendar)
    figures = ws.reports.figures(report_id, agg)
    return ReportData(ws.profile.require(), agg, figures, areas, year_start=year_start, annual=annual)


def report_pdf_from_data(
    data: ReportData, *, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> bytes:
    """The report's PDF from its plain model (no database: any thread)."""

    return render_pdf(build_report_document(data), progress=progress, cancelled=cancelled)


def assessment_pdf_from_data(
    data: AssessmentData, *, progress: Progress | None = None, cancelled: Cancelled | None = None
) -> bytes:
    """The self-assessment report's PDF from its plain model (no database: any thread)."""

    return render_pdf(build_assessment_document(data), progress=progress, cancelled=cancelled)


def read_assessment(ws: DocumentSources, year: int) -> AssessmentData:
    """The year's scored criteria tree and the names of each criterion's evidence files (a file
    marked mật is listed without its name: the printed report leaves the unit, the file does not)."""
    view = ws.assessment.view(year)
    names = {}
    for line in view.lines:
        if line.score is not None and line.evidence_count:
            files = ws.evidence.for_row("criterion_score", line.score.id)
            names[line.score.id] = [tr("doc.assessment.secret_file") if item.secret else item.name for item in files]
    return AssessmentData(ws.profile.require(), view, names)


# Preparing ##############################################################


def prepare(
    ws: DocumentSources,
    kind: str,
    fmt: str,
    year: int,
    period: str | None = None,
    *,
    plan_id: int | None = None,
    draft_mark: bool = False,
) -> PreparedDocument:
    """Read ``kind`` (plan | report | assessment) for ``year`` now; render it as ``fmt`` (pdf | xlsx) later."""
    if kind not in KINDS:
        raise ValidationError("render.kind.unknown", kind=kind, kinds=", ".join(KINDS))
    if fmt not in FORMATS:
        raise ValidationError("render.format.unknown", fmt=fmt)
    if kind == "plan":
        return _prepare_plan(ws, fmt, year, plan_id, draft_mark)
    if kind == "report":
        return _prepare_report(ws, fmt, year, period, draft_mark)
    return _prepare_assessment(ws, fmt, year, draft_mark)


def _pdf(build: Callable[[], OfficialDocument]) -> Renderer:
    def render(progress: Progress | None, cancelled: Cancelled | None) -> bytes:

        return render_pdf(build(), progress=progress, cancelled=cancelled)

    return render


def _prepare_plan(ws: DocumentSources, fmt: str, year: int, plan_id: int | None, draft_mark: bool) -> PreparedDocument:

    profile, agg = read_plan(ws, year, plan_id)
    plan = agg.plan
    version = [tr("render.name.version", version=plan.version)] if plan.version > 1 else []
    name = document_file_name(["KH-CCHC", str(plan.year), *version, profile.short_name], fmt)
    title = tr("render.title.plan", year=plan.year, version=plan.version)
    if fmt == "pdf":
        renderer = _pdf(lambda: build_plan_document(profile, agg, draft_mark=draft_mark))
    else:
        renderer = lambda p, c: render_plan_xlsx(profile, agg, progress=p, cancelled=c)  # noqa: E731
    return PreparedDocument("plan", fmt, name, title, renderer)


def _prepare_report(ws: DocumentSources, fmt: str, year: int, period: str | None, draft_mark: bool) -> PreparedDocument:

    data = read_report(ws, year, period)
    name = document_file_name(["BC-CCHC", data.period.code, str(data.report.year), data.profile.short_name], fmt)
    title = tr("render.title.report", period=data.period.label)
    if fmt == "pdf":
        renderer = _pdf(lambda: build_report_document(data, draft_mark=draft_mark))
    else:
        renderer = lambda p, c: render_report_xlsx(data, progress=p, cancelled=c)  # noqa: E731
    return PreparedDocument("report", fmt, name, title, renderer)


def _prepare_assessment(ws: DocumentSources, fmt: str, year: int, draft_mark: bool) -> PreparedDocument:

    data = read_assessment(ws, year)
    name = document_file_name(["TDG-CCHC", str(year), data.profile.short_name], fmt)
    title = tr("render.title.assessment", year=year)
    if fmt == "pdf":
        renderer = _pdf(lambda: build_assessment_document(data, draft_mark=draft_mark))
    else:
        renderer = lambda p, c: render_assessment_xlsx(data, progress=p, cancelled=c)  # noqa: E731
    return PreparedDocument("assessment", fmt, name, title, renderer)
