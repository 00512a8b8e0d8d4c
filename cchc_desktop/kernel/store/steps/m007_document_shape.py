"""Step 6: a plan's own shape — its sections as rows the commune edits, the per-area layout,
optional task columns, targets in words, and the framework's provenance kept out of documents;
a report's texts copied from the previous report, marked until someone has looked at them.

* ``plan_sections``: one row per section of the plan body (mục đích, chỉ tiêu, nhiệm vụ giải pháp,
  nhiệm vụ cụ thể, kinh phí, tổ chức thực hiện, or a section of the commune's own with free text):
  its heading, its sub-headings (``parts``, one per line), whether it is printed, its order.
  Existing plans get the sections they printed until now, in the same order and wording.
* ``plans.area_layout``: "separate" (chỉ tiêu, then nhiệm vụ giải pháp by area) or "by_area"
  (each area with its own "Mục tiêu" and "Nhiệm vụ").
* ``plans.show_task_*``: optional columns of the task table (Mục tiêu/Kết quả, Cơ quan thực hiện,
  Thời gian thực hiện), with the task fields they print.
* ``plan_areas.objective_text``: an area's objectives (printed in the per-area layout).
* ``indicators.target_text``: a target that is not a number ("duy trì", "tăng so với năm trước").
* ``indicators.framework_ref``: where a default indicator came from. Until now that provenance sat
  in ``source_ref`` (printed as "Nguồn"); it names other units' documents, so it moves here.
* ``reports.carried_from`` / ``reports.review_fields``: the period a new report's narrative was copied
  from and which of its texts still read as they were copied; ``task_progress.result_review``: a
  task's result copied from the previous report and not yet looked at. Reports made before this step
  have nothing marked.
"""

from __future__ import annotations

from typing import Any

from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.store.steps.sql import run_script

M005_SQL = """
CREATE TABLE plan_sections (
    id INTEGER PRIMARY KEY,
    plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL DEFAULT 'custom'
        CHECK (kind IN ('purpose', 'indicators', 'solutions', 'tasks', 'budget', 'actors', 'custom')),
    title TEXT NOT NULL DEFAULT '',
    parts TEXT NOT NULL DEFAULT '',
    shown INTEGER NOT NULL DEFAULT 1,
    body TEXT NOT NULL DEFAULT ''
);
CREATE INDEX idx_plan_sections_plan ON plan_sections(plan_id, position);
ALTER TABLE plans ADD COLUMN area_layout TEXT NOT NULL DEFAULT 'separate';
ALTER TABLE plans ADD COLUMN show_task_objective INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plans ADD COLUMN show_task_implementing INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plans ADD COLUMN show_task_schedule INTEGER NOT NULL DEFAULT 0;
ALTER TABLE plan_areas ADD COLUMN objective_text TEXT NOT NULL DEFAULT '';
ALTER TABLE tasks ADD COLUMN objective TEXT NOT NULL DEFAULT '';
ALTER TABLE tasks ADD COLUMN implementing_units TEXT NOT NULL DEFAULT '';
ALTER TABLE tasks ADD COLUMN schedule_text TEXT NOT NULL DEFAULT '';
ALTER TABLE indicators ADD COLUMN target_text TEXT NOT NULL DEFAULT '';
ALTER TABLE indicators ADD COLUMN framework_ref TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN carried_from TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN review_fields TEXT NOT NULL DEFAULT '';
ALTER TABLE report_task_progress ADD COLUMN result_review INTEGER NOT NULL DEFAULT 0
"""

#: The units the default framework was drawn from: their names mark a provenance note, not a data source.
_PROVENANCE_MARKS = ("Hương Sơn", "Văn Quan", "Đức Thọ", "Tuyên Quang", "Hà Tĩnh 2022-2025")

#: The sections every plan printed before this step, in that order.
_SECTIONS = (
    ("purpose", "doc.plan.section.purpose", ("doc.plan.section.purpose.aim", "doc.plan.section.purpose.requirement")),
    ("indicators", "doc.plan.section.indicators", ()),
    ("solutions", "doc.plan.section.solutions", ("doc.plan.section.area.aim", "doc.plan.section.area.tasks")),
    ("tasks", "doc.plan.section.tasks", ()),
    ("budget", "doc.plan.section.budget", ()),
    ("actors", "doc.plan.section.actors", ()),
)


def m007_document_shape(db: Any) -> None:
    """Bố cục kế hoạch theo từng đơn vị, cột tùy chọn của bảng nhiệm vụ, chỉ tiêu bằng lời; nội dung
    báo cáo chép từ kỳ trước được đánh dấu để xem lại."""
    run_script(db, M005_SQL)
    plan_ids = [row[0] for row in db.execute("SELECT id FROM plans ORDER BY id").fetchall()]
    for plan_id in plan_ids:
        for position, (kind, title, parts) in enumerate(_SECTIONS):
            db.execute(
                "INSERT INTO plan_sections (plan_id, position, kind, title, parts) VALUES (?, ?, ?, ?, ?)",
                [plan_id, position, kind, tr(title), "\n".join(tr(part) for part in parts)],
            )
    for mark in _PROVENANCE_MARKS:
        db.execute(
            "UPDATE indicators SET framework_ref = source_ref, source_ref = '' WHERE source_ref LIKE ?",
            [f"%{mark}%"],
        )
