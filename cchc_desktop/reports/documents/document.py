"""Builder: the period report as an official document (Decree 30/2020, Mẫu 1.4, Báo cáo).

"BÁO CÁO", "Số: 28/BC-UBND", trích yếu "Kết quả thực hiện công tác cải cách hành chính quý I
năm 2026", "Kính gửi:" the receiving unit, body sections I-V (see ``report_sections``),
"./.", signature, Nơi nhận ("Như trên" first), then Phụ lục I (tiến độ nhiệm vụ) and Phụ lục II
(số liệu chỉ tiêu), both landscape.
"""

from __future__ import annotations

from cchc_desktop.kernel.documents.model import OfficialDocument, Paragraph, Signature
from cchc_desktop.kernel.documents.wording import BLANK, long_date, place_date
from cchc_desktop.kernel.i18n import format_date, tr
from cchc_desktop.kernel.text import clean, fold
from cchc_desktop.plans.documents.document import agency_header, is_decision, number_text, recipient_lines
from cchc_desktop.plans.model import signature_lines
from cchc_desktop.reports.documents.data import ReportData, area_sections
from cchc_desktop.reports.documents.sections import (
    assessment_section,
    direction_section,
    next_tasks_section,
    proposals_section,
    results_section,
)
from cchc_desktop.reports.documents.tables import report_appendices
from cchc_desktop.reports.model import DEFAULT_SYMBOL, Report


def report_number(report: Report) -> str:
    """ "28/BC-UBND"; blank for hand numbering while the report has no number."""
    symbol = clean(report.doc_symbol) or DEFAULT_SYMBOL
    number = f"{report.doc_number:02d}" if report.doc_number is not None else BLANK
    return f"{number}/{symbol}"


def report_summary(data: ReportData) -> str:
    """Trích yếu: the report's own title, or "Kết quả thực hiện công tác CCHC quý I năm 2026"."""
    return clean(data.report.title) or tr("report.default_title", period=clean(data.period.title) or data.period.label)


def salutation(data: ReportData) -> list[str]:
    """Kính gửi: the report's addressee, else the unit's receiver (Sở Nội vụ …)."""
    profile = data.profile
    name = clean(data.report.addressee) or clean(profile.receiver_salutation) or clean(profile.receiver_name)
    return [name] if name else []


def plan_reference(data: ReportData) -> str:
    """ "Kế hoạch số 05/KH-UBND ngày 08 tháng 01 năm 2026 của Ủy ban nhân dân xã Kỳ Phong …"."""
    plan, profile = data.aggregate.plan, data.profile
    date = long_date(plan.issue_date, plan.year)
    if is_decision(plan):
        return tr(
            "doc.report.plan_ref.decision",
            number=number_text(plan, "QD"),
            date=date,
            unit=profile.short_name,
            year=plan.year,
        )
    return tr("doc.report.plan_ref", number=number_text(plan, "KH"), date=date, unit=profile.short_name, year=plan.year)


def report_recipients(data: ReportData) -> list[str]:
    """Nơi nhận: "Như trên" first when there is a Kính gửi, the report's list, "Lưu: VT, VP" last."""
    lines = recipient_lines(data.aggregate.recipients)
    as_above = tr("doc.recipients.as_above")
    if salutation(data) and not any(fold(line) == fold(as_above) for line in lines):
        lines.insert(0, as_above)
    return lines


def _signature(data: ReportData) -> Signature:
    report = data.report
    name = clean(report.signer_name)
    if not name and report.signer_mode in ("TM", "CT"):
        name = data.profile.chairman_name
    return Signature(signature_lines(report.signer_mode, report.signer_title), name)


def _body(data: ReportData) -> list:
    sections = area_sections(data)
    reference = plan_reference(data)
    intro = tr("doc.report.intro", plan=reference, unit=data.profile.full_name, period=_period_words(data))
    intro = f"{intro[: -len(' như sau:')]} ({data_window_words(data)}) như sau:"
    closing = tr("doc.report.closing", period=_period_words(data), unit=data.profile.full_name)
    return [
        Paragraph(intro),
        *direction_section(data, sections),
        *results_section(data, sections),
        *assessment_section(data, sections),
        *next_tasks_section(data, reference),
        *proposals_section(data),
        Paragraph(closing),
    ]


def data_window_words(data: ReportData) -> str:
    """The days the figures cover, as the title promises them: one window, or for a report that also
    gives the year so far ("quý III và 9 tháng") the quarter and the cumulative window."""
    window = data.period.window
    start, end = format_date(window.start), format_date(window.end)
    span = clean(data.period.cumulative_label)
    if span and data.year_start is not None and data.year_start < window.start:
        return tr(
            "doc.report.window.cumulative", start=start, end=end, span=span, year_start=format_date(data.year_start)
        )
    return tr("doc.report.window", start=start, end=end)


def _period_words(data: ReportData) -> str:
    return clean(data.period.title) or data.period.label


def appendix_reference(data: ReportData) -> str:
    report = data.report
    return tr(
        "doc.report.appendix_ref",
        number=report_number(report),
        date=long_date(report.report_date, report.year),
        unit=data.profile.full_name,
    )


def build_report_document(data: ReportData, *, draft_mark: bool = False) -> OfficialDocument:
    """The period report with its two appendices; ``draft_mark`` boxes "DỰ THẢO" under the number."""
    report, profile = data.report, data.profile
    number = report_number(report)
    when = place_date(clean(report.issue_place) or profile.place_name, report.report_date, report.year)
    return OfficialDocument(
        header=agency_header(profile, number, when, tr("doc.mark.draft") if draft_mark else ""),
        type_name=tr("doc.type.report"),
        summary=report_summary(data),
        salutation=salutation(data),
        body=_body(data),
        signature=_signature(data),
        recipients=report_recipients(data),
        appendices=report_appendices(data, appendix_reference(data)),
        title=f"{tr('doc.type.report')} {number}",
        author=profile.full_name,
    )
