"""Benchmark the document renderers.

1. A plan with 200 tasks: the Decree-30 renderer against a raw ReportLab platypus story of the
   same text (same fonts, same A4 page, same column widths), median of several runs, and the ratio.
2. A period report on the same 200 tasks (with results and reasons) and 20 indicators: its
   Phụ lục I table against raw platypus, and the whole report (body, two landscape appendices).
3. A 10,000-row Excel export (streaming and normal workbook).

Run: .venv/bin/python scripts/bench_documents.py [--runs 5]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cchc_desktop.framework.areas import CANONICAL_AREAS
from cchc_desktop.kernel.documents import pdf_styles as S
from cchc_desktop.kernel.documents.model import Header, OfficialDocument, Row, Table
from cchc_desktop.kernel.documents.pdf import render_pdf
from cchc_desktop.kernel.documents.xlsx import Sheet, render_xlsx
from cchc_desktop.plans.documents.document import build_plan_document
from cchc_desktop.plans.documents.tables import task_table
from cchc_desktop.plans.documents.xlsx import task_sheet_columns
from cchc_desktop.plans.model import Indicator, Plan, PlanAggregate, PlanArea, Task
from cchc_desktop.profile.model import UnitProfile

CONTENT = (
    "Rà soát, đánh giá và đề xuất đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết "
    "của Ủy ban nhân dân xã, bảo đảm công khai, minh bạch (nhiệm vụ số {n})"
)


def big_plan(tasks: int = 200) -> tuple[UnitProfile, PlanAggregate]:
    areas = [
        PlanArea(
            id=i,
            plan_id=1,
            position=i,
            code=a.code,
            display_name=a.name,
            tasks_text="- Triển khai đầy đủ các nhiệm vụ của lĩnh vực.",
        )
        for i, a in enumerate(CANONICAL_AREAS[:8], start=1)
    ]
    rows = [
        Task(
            id=n,
            uid=f"t{n}",
            plan_id=1,
            position=n,
            area_code=areas[n % 8].code,
            content=CONTENT.format(n=n),
            product="Báo cáo, văn bản",
            lead_unit="Văn phòng HĐND và UBND xã",
            coordinating_units="Các công chức chuyên môn; Công an xã",
            deadline_text="Quý II/2026",
            budget=1500000 if n % 3 else None,
        )
        for n in range(1, tasks + 1)
    ]
    indicators = [
        Indicator(id=n, uid=f"i{n}", plan_id=1, position=n, text=f"Tỷ lệ hồ sơ loại {n} đúng hạn", target=90, unit="%")
        for n in range(1, 21)
    ]
    plan = Plan(
        id=1,
        uid="p",
        year=2026,
        doc_number=5,
        issue_place="Kỳ Phong",
        issue_date="2026-01-08",
        title="Cải cách hành chính xã Kỳ Phong năm 2026",
        purpose_text="Mục đích.",
        requirement_text="Yêu cầu.",
        signer_name="Nguyễn Văn Đức",
    )
    profile = UnitProfile(name="Kỳ Phong", province_code="42", commune_code="99001", place_name="Kỳ Phong")
    return profile, PlanAggregate(plan=plan, areas=areas, tasks=rows, indicators=indicators)


def raw_table_pdf(table: Table) -> bytes:
    """The same rows as a plain platypus Table of Paragraph cells, same fonts and page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate
    from reportlab.platypus import Table as RLTable

    from cchc_desktop.kernel.documents.pdf_blocks import cell_text

    width = S.text_width()
    total = sum(c.width for c in table.columns)
    widths = [width * c.width / total for c in table.columns]
    style = S.style(table.font_size, align="left")
    data = [[Paragraph(c.title, S.style(table.font_size, bold=True)) for c in table.columns]]
    for row in table.rows:
        data.append([Paragraph(cell_text(v, c), style) for v, c in zip(row.cells, table.columns, strict=False)])
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=S.MARGIN_LEFT_MM * S.MM,
        rightMargin=S.MARGIN_RIGHT_MM * S.MM,
        topMargin=S.MARGIN_TOP_MM * S.MM,
        bottomMargin=S.MARGIN_BOTTOM_MM * S.MM,
        invariant=1,
    )
    doc.build(
        [
            RLTable(
                data,
                colWidths=widths,
                repeatRows=1,
                style=[("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")],
            )
        ]
    )
    return buffer.getvalue()


def ours_table_pdf(table: Table) -> bytes:
    document = OfficialDocument(
        header=Header(["ỦY BAN NHÂN DÂN", "XÃ KỲ PHONG"], "05/KH-UBND", "Kỳ Phong"),
        type_name="KẾ HOẠCH",
        summary="Bảng nhiệm vụ",
        body=[table],
        end_mark=False,
    )
    return render_pdf(document)


def median_seconds(func, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def bench_pdf(runs: int) -> None:
    profile, aggregate = big_plan()
    table = task_table(aggregate)
    table.rows = [r for r in table.rows if not r.group]
    ours_table_pdf(table), raw_table_pdf(table)  # warm up: font registration, imports
    ours = median_seconds(lambda: ours_table_pdf(table), runs)
    raw = median_seconds(lambda: raw_table_pdf(table), runs)
    print(f"200-task table, A4 portrait: ours {ours:.3f} s, raw platypus {raw:.3f} s, ratio {ours / raw:.2f}x")
    whole = median_seconds(lambda: render_pdf(build_plan_document(profile, aggregate)), runs)
    size = len(render_pdf(build_plan_document(profile, aggregate)))
    print(f"whole 200-task plan (body, Phụ lục I landscape, Phụ lục II): {whole:.3f} s, {size / 1024:.0f} KiB")


def big_report(tasks: int = 200):
    """The report of :func:`big_plan` for Quý I: every task with a status, a result and a reason."""
    from cchc_desktop.reports.documents.data import ReportData
    from cchc_desktop.reports.model import (
        TASK_STATUSES,
        IndicatorActual,
        Report,
        ReportAggregate,
        ReportPeriod,
        TaskProgress,
    )
    from cchc_desktop.reports.view import indicator_figures

    profile, plan = big_plan(tasks)
    period = ReportPeriod(
        id=1,
        year=2026,
        position=0,
        code="Q1",
        name="Quý I/2026",
        title="quý I năm 2026",
        start_date="2025-12-15",
        end_date="2026-03-14",
        due_date="2026-03-20",
    )
    report = Report(
        id=1,
        uid="r",
        year=2026,
        period_id=1,
        plan_id=1,
        doc_number=18,
        report_date="2026-03-18",
        signer_name="Nguyễn Văn Đức",
        achievements_text="Hoàn thành các nhiệm vụ đến hạn.",
    )
    progress = [
        TaskProgress(
            id=t.id,
            report_id=1,
            position=t.position,
            task_id=t.id,
            status=TASK_STATUSES[t.id % len(TASK_STATUSES)],
            progress=float(t.id % 101),
            result=f"Đã ban hành văn bản số {t.id}/UBND; tổ chức kiểm tra tại các thôn.",
            reason="Chờ hướng dẫn của tỉnh." if t.id % 5 == 0 else "",
        )
        for t in plan.tasks
    ]
    actuals = [
        IndicatorActual(id=i.id, report_id=1, position=i.position, indicator_id=i.id, value=80 + i.id % 15)
        for i in plan.indicators
    ]
    agg = ReportAggregate(
        report=report,
        period=period,
        plan=plan.plan,
        tasks={t.id: t for t in plan.tasks},
        indicators={i.id: i for i in plan.indicators},
        progress=progress,
        actuals=actuals,
    )
    figures = {
        a.id: indicator_figures(agg.indicators[a.indicator_id], a, period, [period], lambda p: None) for a in actuals
    }
    return ReportData(profile, agg, figures, plan.areas)


def bench_report_pdf(runs: int) -> None:
    from cchc_desktop.reports.documents.document import build_report_document
    from cchc_desktop.reports.documents.tables import progress_columns, progress_rows

    data = big_report()
    table = Table(progress_columns(), [r for r in progress_rows(data) if not r.group], font_size=11)
    ours_table_pdf(table), raw_table_pdf(table)
    ours = median_seconds(lambda: ours_table_pdf(table), runs)
    raw = median_seconds(lambda: raw_table_pdf(table), runs)
    print(f"200-task report, Phụ lục I table: ours {ours:.3f} s, raw platypus {raw:.3f} s, ratio {ours / raw:.2f}x")
    whole = median_seconds(lambda: render_pdf(build_report_document(data)), runs)
    document = render_pdf(build_report_document(data))
    pages = document.count(b"/Type /Page") - document.count(b"/Type /Pages")
    print(
        f"whole 200-task report (body, Phụ lục I and II landscape): {whole:.3f} s, {pages} pages, "
        f"{len(document) / 1024:.0f} KiB"
    )


def bench_xlsx(runs: int) -> None:
    columns = task_sheet_columns(Plan(id=0, uid="", year=2026))
    rows = [
        Row(
            [
                n,
                "Cải cách thủ tục hành chính",
                CONTENT.format(n=n),
                "Báo cáo",
                "Văn phòng HĐND và UBND xã",
                "Công an xã",
                "Quý II/2026",
                1500000,
                "",
                "Lê Thị Hoa",
                None,
            ]
        )
        for n in range(1, 10001)
    ]
    for streaming in (True, False):
        seconds = median_seconds(
            lambda streaming=streaming: render_xlsx([Sheet("Nhiệm vụ", columns, rows, ["BẢNG"])], streaming=streaming),
            max(1, runs // 2),
        )
        mode = "streaming (write-only)" if streaming else "normal workbook"
        print(f"10,000-row Excel export, {mode}: {seconds:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    bench_pdf(args.runs)
    bench_report_pdf(args.runs)
    bench_xlsx(args.runs)


if __name__ == "__main__":
    main()
