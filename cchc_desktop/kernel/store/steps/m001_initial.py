"""Step 1: unit profile, settings, the annual plan and its parts, the audit trail."""

from __future__ import annotations

from typing import Any

from cchc_desktop.kernel.store.steps.sql import run_script

M001_SQL = """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT
);
CREATE TABLE unit_profile (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    data TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE plans (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    year INTEGER NOT NULL,
    version INTEGER NOT NULL DEFAULT 1,
    status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'issued', 'superseded')),
    amends_plan_id INTEGER REFERENCES plans(id),
    effective_date TEXT,
    amendment_reason TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT 'blank',
    framework_id TEXT,
    framework_hash TEXT,
    doc_number INTEGER,
    doc_symbol TEXT NOT NULL DEFAULT 'KH-UBND',
    issue_place TEXT NOT NULL DEFAULT '',
    issue_date TEXT,
    issue_mode TEXT NOT NULL DEFAULT 'KH' CHECK (issue_mode IN ('KH', 'QD')),
    title TEXT NOT NULL DEFAULT '',
    purpose_text TEXT NOT NULL DEFAULT '',
    requirement_text TEXT NOT NULL DEFAULT '',
    budget_text TEXT NOT NULL DEFAULT '',
    closing_text TEXT NOT NULL DEFAULT '',
    signer_mode TEXT NOT NULL DEFAULT 'TM',
    signer_title TEXT NOT NULL DEFAULT 'CHỦ TỊCH',
    signer_name TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    issued_at TEXT,
    UNIQUE (year, version)
);
CREATE TABLE plan_bases (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL DEFAULT ''
);
CREATE TABLE plan_areas (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    display_name TEXT NOT NULL DEFAULT '',
    tasks_text TEXT NOT NULL DEFAULT '',
    UNIQUE (plan_id, code)
);
CREATE TABLE indicators (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    code TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    area_code TEXT NOT NULL DEFAULT '',
    comparator TEXT NOT NULL DEFAULT '>=',
    target REAL,
    target_max REAL,
    unit TEXT NOT NULL DEFAULT '',
    numerator_label TEXT NOT NULL DEFAULT '',
    denominator_label TEXT NOT NULL DEFAULT '',
    baseline_year INTEGER,
    baseline_value REAL,
    aspirational INTEGER NOT NULL DEFAULT 0,
    measure TEXT NOT NULL DEFAULT 'snapshot',
    source_ref TEXT NOT NULL DEFAULT ''
);
CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    area_code TEXT NOT NULL DEFAULT '',
    content TEXT NOT NULL DEFAULT '',
    product TEXT NOT NULL DEFAULT '',
    lead_unit TEXT NOT NULL DEFAULT '',
    coordinating_units TEXT NOT NULL DEFAULT '',
    responsible TEXT NOT NULL DEFAULT '',
    deadline_text TEXT NOT NULL DEFAULT '',
    budget REAL,
    carried_over_from INTEGER,
    not_applicable INTEGER NOT NULL DEFAULT 0,
    na_reason TEXT NOT NULL DEFAULT '',
    framework_ref TEXT NOT NULL DEFAULT '',
    deadline_kind TEXT NOT NULL DEFAULT 'empty',
    deadline_due TEXT,
    deadline_start TEXT,
    recurrence TEXT
);
CREATE TABLE plan_actors (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    actor TEXT NOT NULL DEFAULT '',
    duties TEXT NOT NULL DEFAULT ''
);
CREATE TABLE plan_recipients (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    recipient TEXT NOT NULL DEFAULT '',
    purpose TEXT NOT NULL DEFAULT ''
);
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id INTEGER,
    scope TEXT NOT NULL DEFAULT '',
    label TEXT NOT NULL DEFAULT '',
    field TEXT NOT NULL DEFAULT '',
    old_value TEXT,
    new_value TEXT
);
CREATE INDEX idx_plan_bases_plan ON plan_bases(plan_id, position);
CREATE INDEX idx_plan_areas_plan ON plan_areas(plan_id, position);
CREATE INDEX idx_indicators_plan ON indicators(plan_id, position);
CREATE INDEX idx_tasks_plan ON tasks(plan_id, position);
CREATE INDEX idx_plan_actors_plan ON plan_actors(plan_id, position);
CREATE INDEX idx_plan_recipients_plan ON plan_recipients(plan_id, position);
CREATE INDEX idx_audit_at ON audit_log(at);
CREATE INDEX idx_audit_entity ON audit_log(entity, entity_id);
"""


def m001_initial(db: Any) -> None:
    """Hồ sơ đơn vị, kế hoạch năm và các phần của kế hoạch, nhật ký thay đổi."""
    run_script(db, M001_SQL)
