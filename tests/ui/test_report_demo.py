"""The report screen over the demo commune: submitted reports locked, the 9-month view computed."""

from __future__ import annotations

import pytest

from ui.screen_list import SCREENS


@pytest.fixture
def demo_window(demo_window):
    """The demo's window on the report screen."""
    demo_window.nav.setCurrentRow([key for key, _ in SCREENS].index("report"))
    return demo_window


def _cell(editor, row: int, field: str) -> str:
    return editor.view.model().index(row, editor.model.column_of(field)).data()


def _row_of_code(editor, code: str) -> int:
    indicators = editor.parent().agg.indicators
    return next(i for i, r in enumerate(editor.model.rows) if indicators[r.indicator_id].code == code)


def test_late_half_year_report_is_shown_locked(demo_window):
    screen = demo_window.screens["report"]
    ws = demo_window.session.ws
    screen.show_period(ws.reports.period(2026, "H1").id)
    assert screen.badge.text() == "Nộp muộn 1 ngày"
    assert screen.banner.text().startswith("Báo cáo đã nộp lúc 09:15 21/06/2026, người nộp: Nguyễn Thị Minh Huyền")
    indicators = screen.pages[1].editor
    row = _row_of_code(indicators, "CX-13")
    assert (_cell(indicators, row, "period_figure"), _cell(indicators, row, "attainment")) == ("57,1%", "Đạt")
    assert indicators.model.read_only


def test_nine_month_view_sums_half_year_and_third_quarter(demo_window):
    screen = demo_window.screens["report"]
    ws = demo_window.session.ws
    screen.show_period(ws.reports.period(2026, "Q3").id)
    assert screen.buttons["submit"].isVisible() and not screen.banner.isVisible()
    indicators = screen.pages[1].editor
    row = _row_of_code(indicators, "CX-13")
    assert (_cell(indicators, row, "period_figure"), _cell(indicators, row, "ytd_figure")) == ("63,2%", "59,2%")
    tasks = screen.pages[0].editor
    flags = [_cell(tasks, i, "flag") for i in range(tasks.model.rowCount())]
    assert flags.count("Chậm tiến độ") == 1
    copied = [p for p in screen.problems.problems if "copied" in p.key]
    assert copied and screen.buttons["keep_copied"].isVisible()  # texts carried from 6 tháng are named
    screen.buttons["keep_copied"].click()
    assert screen.problems.summary.text().startswith("Kiểm tra: 2 lỗi")
    assert not screen.buttons["keep_copied"].isVisible()


def test_evidence_panel_follows_the_current_row(demo_window):
    screen = demo_window.screens["report"]
    ws = demo_window.session.ws
    screen.show_period(ws.reports.period(2026, "H1").id)
    screen.tabs.setCurrentIndex(1)
    indicators = screen.pages[1].editor
    row = _row_of_code(indicators, "CX-13")
    indicators.view.setCurrentIndex(indicators.view.model().index(row, 0))
    assert screen.evidence.target == ("indicator_actual", indicators.model.rows[row].id)
    assert screen.evidence.read_only  # the 6-month report is submitted
    screen.show_period(ws.reports.period(2026, "Q3").id)
    tasks = screen.pages[0].editor
    screen.tabs.setCurrentIndex(0)
    tasks.view.setCurrentIndex(tasks.view.model().index(2, 0))
    assert screen.evidence.target == ("task_progress", tasks.model.rows[2].id) and not screen.evidence.read_only
    assert screen.evidence.hint.text() == "Nhiệm vụ 3, báo cáo Quý III/2026 (9 tháng)"
    screen.tabs.setCurrentIndex(2)
    assert not screen.evidence.isVisible()


def test_showing_a_year_reads_little_and_writes_nothing(demo_window):
    """The report screen asks its service once per year and once per report: a bounded number of
    queries whatever the number of periods and reports, and never a write."""
    screen = demo_window.screens["report"]
    conn = demo_window.session.ws.conn
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        screen.set_year(2026)
    finally:
        conn.set_trace_callback(None)
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(selects) <= 24, "\n".join(selects)  # 4 of them: whether the report shown may be signed, and was
    assert len(selects) == len(statements), "a read wrote to the file"
    assert sum("FROM report_periods WHERE year" in s for s in selects) <= 3  # one for the signed state
