"""Self-assessment, evidence and audit benchmark (times only; tests never assert on time).

* demo part   — ``demo_assessment.build`` on a workspace that has the demo plan;
* view        — the year's criteria tree with totals and checks (run after every edit);
* keystroke   — the screen's work for one typed digit (tentative totals and subtotal repaint);
* audit       — first page, a page deep in the trail, count, and a free-text search, on a trail
                of 100 000 rows.

Usage:

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/bench_assessment.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

AUDIT_ROWS = 100_000


def timed(label: str, action, runs: int = 5) -> None:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    print(f"{label:<42} median {statistics.median(samples) * 1000:8.1f} ms   max {max(samples) * 1000:8.1f} ms")


def demo_workspace(folder: Path):
    """The demo commune with its plan and reports, without the self-assessment part."""
    from cchc_desktop.demo import plan as demo_plan
    from cchc_desktop.demo import reports as demo_reports
    from cchc_desktop.demo.data import load_demo_data
    from cchc_desktop.profile.model import UnitProfile
    from cchc_desktop.workspace import Workspace

    data = load_demo_data()
    ws = Workspace.open(folder / "demo.sqlite", create=True)
    profile = ws.profile.save(UnitProfile.from_dict(data["profile"]))
    demo_plan.build(ws, data["plan"], profile, 2026)
    demo_reports.build(ws, 2026)
    return ws


def bench_core(folder: Path):
    import cchc_desktop.demo.assessment as part

    ws = demo_workspace(folder)
    ws.assessment, ws.evidence  # noqa: B018 - import the services outside the timing
    start = time.perf_counter()
    part.build(ws, 2026)
    print(f"{'demo part (build once)':<42} {(time.perf_counter() - start) * 1000:8.1f} ms")
    timed("view (tree, totals, checks)", lambda: ws.assessment.view(2026, {}))
    return ws


def bench_keystroke(ws) -> None:
    from ui.app import create_application
    from ui.screens.assessment_screen import AssessmentScreen
    from ui.session import Session

    app = create_application()
    screen = AssessmentScreen(Session(ws))
    screen.resize(1366, 700)
    screen.show()
    screen.set_year(2026)
    score_id = next(line.score.id for line in screen.view_data.lines if line.criterion.code == "1.3.1")

    def keystroke() -> None:
        screen.model.set_tentative(score_id, "0,5")
        app.processEvents()

    timed("keystroke (tentative totals + repaint)", keystroke, runs=20)
    timed("reload after a committed cell", lambda: screen.reload({score_id}), runs=10)
    timed("full reload (year shown, catalogue imported)", screen.reload, runs=5)


def bench_audit(ws) -> None:
    from cchc_desktop.audit.model import AuditFilter

    rows = [
        (
            "2026-05-01T08:00:00",
            "Lê Thị Mai" if i % 3 else "Trần Văn Đức",
            "update",
            "task",
            i % 500,
            "",
            f"Nhiệm vụ số {i}",
            "content",
            f"nội dung cũ {i}",
            f"nội dung mới {i}",
        )
        for i in range(AUDIT_ROWS)
    ]
    with ws.transaction() as conn:
        conn.executemany(
            "INSERT INTO audit_log (at, actor, action, entity, entity_id, scope, label, field,"
            " old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    audit = ws.audit
    deep = audit.page(limit=1)[0].id - 90_000
    timed("audit: first page (200 rows)", lambda: audit.page())
    timed("audit: a page 90 000 rows deep", lambda: audit.page(before_id=deep))
    timed("audit: count all", lambda: audit.count())
    timed("audit: first page by actor", lambda: audit.page(AuditFilter(actor="Trần Văn Đức")))
    timed("audit: search «noi dung moi 12345»", lambda: audit.page(AuditFilter(text="noi dung moi 12345")), runs=3)
    timed("audit: count of a search", lambda: audit.count(AuditFilter(text="duc")), runs=3)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        ws = bench_core(Path(folder))
        bench_keystroke(ws)
        bench_audit(ws)
        ws.close()


if __name__ == "__main__":
    main()
