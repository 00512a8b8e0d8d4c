"""Step 2: the reporting calendar per year, period reports, their rows and their events."""

from __future__ import annotations

from typing import Any

from cchc_desktop.kernel.store.steps.sql import run_script

M002_SQL = """
CREATE TABLE report_periods (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL DEFAULT '',
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    due_date TEXT NOT NULL,
    cumulative_label TEXT NOT NULL DEFAULT '',
    figures_required INTEGER NOT NULL DEFAULT 1,
    adhoc INTEGER NOT NULL DEFAULT 0,
    UNIQUE (year, code)
);
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    year INTEGER NOT NULL,
    period_id INTEGER NOT NULL UNIQUE REFERENCES report_periods(id),
    plan_id INTEGER NOT NULL REFERENCES plans(id),
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
    doc_number INTEGER,
    doc_symbol TEXT NOT NULL DEFAULT 'BC-UBND',
    issue_place TEXT NOT NULL DEFAULT '',
    report_date TEXT,
    title TEXT NOT NULL DEFAULT '',
    addressee TEXT NOT NULL DEFAULT '',
    signer_mode TEXT NOT NULL DEFAULT 'TM',
    signer_title TEXT NOT NULL DEFAULT 'CHỦ TỊCH',
    signer_name TEXT NOT NULL DEFAULT '',
    achievements_text TEXT NOT NULL DEFAULT '',
    shortcomings_text TEXT NOT NULL DEFAULT '',
    causes_text TEXT NOT NULL DEFAULT '',
    next_tasks_text TEXT NOT NULL DEFAULT '',
    proposals_text TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    first_submitted_at TEXT,
    submitted_at TEXT,
    submitted_by TEXT NOT NULL DEFAULT '',
    late_days INTEGER NOT NULL DEFAULT 0,
    late_reason TEXT NOT NULL DEFAULT ''
);
CREATE TABLE report_task_progress (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    task_id INTEGER NOT NULL REFERENCES tasks(id),
    status TEXT NOT NULL DEFAULT 'not_started'
        CHECK (status IN ('not_started', 'in_progress', 'done_on_time', 'done_late', 'not_done')),
    progress REAL,
    result TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT '',
    completed_on TEXT,
    UNIQUE (report_id, task_id)
);
CREATE TABLE report_indicator_actuals (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    indicator_id INTEGER NOT NULL REFERENCES indicators(id),
    numerator REAL,
    denominator REAL,
    value REAL,
    source TEXT NOT NULL DEFAULT '',
    as_of TEXT,
    note TEXT NOT NULL DEFAULT '',
    carried_from TEXT NOT NULL DEFAULT '',
    UNIQUE (report_id, indicator_id)
);
CREATE TABLE report_recipients (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    recipient TEXT NOT NULL DEFAULT '',
    purpose TEXT NOT NULL DEFAULT ''
);
CREATE TABLE report_events (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    at TEXT NOT NULL,
    actor TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_report_periods_year ON report_periods(year, position);
CREATE INDEX idx_reports_year ON reports(year);
CREATE INDEX idx_report_task_progress_report ON report_task_progress(report_id, position);
CREATE INDEX idx_report_indicator_actuals_report ON report_indicator_actuals(report_id, position);
CREATE INDEX idx_report_recipients_report ON report_recipients(report_id, position);
CREATE INDEX idx_report_events_report ON report_events(report_id, at)
"""


def m002_reports(db: Any) -> None:
    """Lịch báo cáo của năm, báo cáo định kỳ, tiến độ nhiệm vụ, số liệu chỉ tiêu, lịch sử nộp."""
    run_script(db, M002_SQL)
