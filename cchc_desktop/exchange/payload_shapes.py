"""The shape of data.json per kind (docs/package-format.md §12.2), checked and turned into rows.

Row tuples follow the column order of ``store.exchange.ROW_TABLES``; a criterion's last value
(evidence count) is filled in once the evidence list has been read.
"""

from __future__ import annotations

from cchc_desktop.exchange import payload_fast as fast
from cchc_desktop.exchange.format.manifest import Manifest
from cchc_desktop.exchange.payload_check import METHODS, TASK_STATUSES, Check, PayloadRows, unique
from cchc_desktop.exchange.payload_fast import Bad

EPSILON = 1e-9


def _uids(check: Check, name: str, rows: list[tuple]) -> None:
    unique(check, name, [row[1] for row in rows])


# Fast path (payload_fast) with the precise checker as its fallback #####


def fast_rows(root: Check, manifest: Manifest) -> PayloadRows:
    """The rows through ``payload_fast``; raises ``Bad`` for anything the precise checker must explain."""
    data, kind = root.obj, manifest.kind
    if kind == "plan":
        tasks, indicators = fast.plan_tables(data, manifest.year)
        rows = PayloadRows(tasks=tasks, indicators=indicators, header=plan_header(root))
    elif kind == "report":
        tasks, indicators = fast.report_tables(data, manifest.period or "")
        rows = PayloadRows(tasks=tasks, indicators=indicators, header=report_header(root))
    else:
        rows = PayloadRows(criteria=fast.criteria_table(data), header=assessment_header(root))
    _fast_unique(rows)
    return rows


def _fast_unique(rows: PayloadRows) -> None:
    for table in (rows.tasks, rows.indicators, rows.criteria):
        keys = {row[1] for row in table}
        if len(keys) != len(table):
            raise Bad
    codes = {row[1] for row in rows.criteria}
    if any(row[2] and row[2] not in codes for row in rows.criteria):
        raise Bad


# Kế hoạch ###############################################################


def plan_rows(root: Check, manifest: Manifest) -> PayloadRows:
    plan = root.child("plan")
    if plan.integer("year", minimum=2000) != manifest.year:
        raise plan.fail("year", "exchange.reason.mismatch", expected=manifest.year)
    tasks = [_plan_task(i, row) for i, row in enumerate(plan.items("tasks"))]
    indicators = [_plan_indicator(i, row) for i, row in enumerate(plan.items("indicators"))]
    _uids(plan, "tasks", tasks)
    _uids(plan, "indicators", indicators)
    return PayloadRows(tasks=tasks, indicators=indicators, header=plan_header(root))


def plan_header(root: Check) -> dict[str, str]:
    plan = root.child("plan")
    document = plan.child("document")
    return {
        "exchange.diff.header.number": document.text("number_text"),
        "exchange.diff.header.date": document.date("issue_date") or "",
        "exchange.diff.header.version": str(plan.integer("version", minimum=1)),
        "exchange.diff.header.title": document.text("title"),
    }


def _plan_task(position: int, row: Check) -> tuple:
    deadline = row.child("deadline")
    return (
        position,
        row.text("uid", required=True),
        row.text("area_code"),
        row.text("content"),
        row.text("lead_unit"),
        deadline.text("text"),
        deadline.date("due"),
        int(row.flag("not_applicable")),
        None,
        None,
        "",
        "",
        None,
    )


def _plan_indicator(position: int, row: Check) -> tuple:
    return (
        position,
        row.text("uid", required=True),
        row.text("code"),
        row.text("text"),
        row.text("area_code"),
        row.text("unit"),
        row.text("comparator"),
        row.number("target"),
        row.number("target_max"),
        None,
        None,
        None,
        None,
        None,
        None,
    )


# Báo cáo định kỳ ########################################################


def report_rows(root: Check, manifest: Manifest) -> PayloadRows:
    period = root.child("period")
    if period.text("code", required=True) != (manifest.period or ""):
        raise period.fail("code", "exchange.reason.mismatch", expected=manifest.period or "—")
    report = root.child("report")
    report.choice("status", ("draft", "submitted"))
    tasks = [_report_task(i, row) for i, row in enumerate(report.items("tasks"))]
    indicators = [_report_indicator(i, row) for i, row in enumerate(report.items("indicators"))]
    _uids(report, "tasks", tasks)
    _uids(report, "indicators", indicators)
    return PayloadRows(tasks=tasks, indicators=indicators, header=report_header(root))


def report_header(root: Check) -> dict[str, str]:
    report = root.child("report")
    document = report.child("document")
    header = {
        "exchange.diff.header.number": document.text("number_text"),
        "exchange.diff.header.date": document.date("date") or "",
    }
    narrative = report.child("narrative")
    for name in ("achievements", "shortcomings", "causes", "next_tasks", "proposals"):
        header[f"exchange.diff.header.{name}"] = narrative.text(name)
    return header


def _report_task(position: int, row: Check) -> tuple:
    progress = row.number("progress")
    if progress is not None and not -EPSILON <= progress <= 100 + EPSILON:
        raise row.fail("progress", "exchange.reason.range", value=progress, minimum=0, maximum=100)
    return (
        position,
        row.text("task_uid", required=True),
        row.text("area_code"),
        row.text("content"),
        "",
        row.text("deadline"),
        row.date("deadline_due"),
        0,
        row.choice("status", TASK_STATUSES),
        progress,
        row.text("result"),
        row.text("reason"),
        row.date("completed_on"),
    )


def _amount(row: Check, name: str) -> Check | None:
    return row.child(name) if row.obj.get(name) is not None else None


def _report_indicator(position: int, row: Check) -> tuple:
    period = _amount(row, "period")
    ytd = _amount(row, "year_to_date")
    attainment = _amount(row, "attainment")
    return (
        position,
        row.text("indicator_uid", required=True),
        row.text("code"),
        row.text("text"),
        "",
        row.text("unit"),
        row.text("comparator"),
        row.number("target"),
        row.number("target_max"),
        period.number("numerator") if period else None,
        period.number("denominator") if period else None,
        period.number("value") if period else None,
        period.number("figure") if period else None,
        ytd.number("figure") if ytd else None,
        attainment.text("state") or None if attainment else None,
    )


# Tự đánh giá ############################################################


def assessment_rows(root: Check, manifest: Manifest) -> PayloadRows:
    body = root.child("assessment")
    body.choice("status", ("draft", "submitted"))
    criteria = [_criterion(i, row) for i, row in enumerate(body.items("criteria"))]
    unique(body, "criteria", [row[1] for row in criteria])
    codes = {row[1] for row in criteria}
    for index, row in enumerate(criteria):
        if row[2] and row[2] not in codes:
            raise Check({}, root.file, f"assessment.criteria[{index}]").fail(
                "parent_code", "exchange.reason.ref_unknown", value=row[2][:40]
            )
    return PayloadRows(criteria=criteria, header=assessment_header(root))


def assessment_header(root: Check) -> dict[str, str]:
    body = root.child("assessment")
    total = body.child("totals").number("total")
    return {
        "exchange.diff.header.status": body.choice("status", ("draft", "submitted")),
        "exchange.diff.header.total": "" if total is None else str(total),
    }


def _criterion(position: int, row: Check) -> tuple:
    method = row.choice("method", METHODS)
    max_points = row.number("max_points")
    score = row.number("self_score")
    if score is not None:
        _check_score(row, method, max_points or 0.0, score)
    return (
        position,
        row.text("code", required=True),
        row.text("parent_code"),
        row.integer("level", minimum=1),
        row.text("name"),
        method,
        max_points,
        score,
        row.text("explanation"),
        row.text("override_reason"),
        row.text("response"),
        0,
    )


def _check_score(row: Check, method: str, max_points: float, score: float) -> None:
    if method == "survey" or row.obj.get("leaf") is False:
        raise row.fail("self_score", "exchange.reason.score_not_allowed")
    low, high = (-max_points, 0.0) if method == "penalty" else (0.0, max_points)
    if not low - EPSILON <= score <= high + EPSILON:
        raise row.fail("self_score", "exchange.reason.range", value=score, minimum=low, maximum=high)
