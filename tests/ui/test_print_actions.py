"""In / xuất from the screens: save a PDF or a workbook through a background job, preview in
the system viewer, remember the folder, keep the window responsive while rendering."""

from __future__ import annotations

import threading
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFileDialog

import cchc_desktop.rendering as pdf_module  # where the print job looks up the PDF renderer
from ui.dialogs import print_preview
from ui.widgets.document_actions import FOLDER_SETTING


@pytest.fixture
def chosen(monkeypatch, tmp_path):
    """Answer the save dialog with a file in ``tmp_path``; records what the dialog suggested."""
    asked: list[str] = []

    def answer(parent, title, suggested, file_filter):
        asked.append(suggested)
        return str(tmp_path / "out" / Path(suggested).name), file_filter

    (tmp_path / "out").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return asked


@pytest.fixture
def opened(monkeypatch, tmp_path):
    """Stand in for the system viewer; previews go to a folder of the test."""
    paths: list[Path] = []
    monkeypatch.setattr(print_preview, "open_path", lambda path: paths.append(Path(path)) or True)
    monkeypatch.setattr(print_preview, "preview_folder", lambda: tmp_path)
    return paths


def _finish(qtbot, actions) -> None:
    assert actions.job is not None
    qtbot.waitUntil(lambda: actions.job.done, timeout=60000)
    assert actions.job.error is None, actions.job.error


def test_save_plan_pdf_from_the_plan_screen(window, qtbot, ws, chosen, tmp_path, shown_errors):
    actions = window.screens["plan"].documents
    actions.buttons["pdf"].click()
    _finish(qtbot, actions)
    target = tmp_path / "out" / "KH-CCHC-2026-xa-Ky-Phong.pdf"
    assert Path(chosen[0]).name == target.name
    assert target.read_bytes().startswith(b"%PDF-")
    assert shown_errors == []
    dialog = actions.saved_dialog
    assert dialog is not None and dialog.isVisible() and str(target) in dialog.message.text()
    dialog.accept()
    assert ws.get_setting(FOLDER_SETTING) == str(target.parent)


def test_the_saved_dialog_opens_the_file_and_its_folder(window, qtbot, chosen, opened, tmp_path):
    actions = window.screens["plan"].documents
    actions.save_xlsx()
    _finish(qtbot, actions)
    target = tmp_path / "out" / "KH-CCHC-2026-xa-Ky-Phong.xlsx"
    assert openpyxl.load_workbook(target).sheetnames == ["Nhiệm vụ", "Chỉ tiêu"]
    actions.saved_dialog.open_file_button.click()
    actions.saved_dialog.open_folder_button.click()
    assert opened == [target, target.parent]


def test_next_save_suggests_the_folder_used_last(window, qtbot, chosen, tmp_path):
    actions = window.screens["plan"].documents
    actions.save_pdf()
    _finish(qtbot, actions)
    actions.saved_dialog.accept()
    actions.save_pdf()
    _finish(qtbot, actions)
    assert Path(chosen[1]).parent == tmp_path / "out"


def test_preview_opens_the_pdf_in_the_system_viewer(window, qtbot, opened):
    actions = window.screens["plan"].documents
    actions.print_action.trigger()
    _finish(qtbot, actions)
    assert len(opened) == 1 and opened[0].suffix == ".pdf"
    assert opened[0].read_bytes().startswith(b"%PDF-")


def test_window_stays_responsive_while_the_pdf_renders(window, qtbot, chosen, monkeypatch, tmp_path):
    gate, workers = threading.Event(), []
    original = pdf_module.render_pdf

    def held(document, **options):
        workers.append(threading.get_ident())
        assert gate.wait(30)
        return original(document, **options)

    monkeypatch.setattr(pdf_module, "render_pdf", held)
    actions = window.screens["plan"].documents
    actions.save_pdf()
    qtbot.waitUntil(lambda: bool(workers), timeout=10000)
    ticks: list[int] = []
    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: bool(ticks), timeout=10000)  # the UI thread still runs its event loop
    assert not actions.job.done and workers[0] != threading.get_ident()
    gate.set()
    _finish(qtbot, actions)
    assert (tmp_path / "out" / "KH-CCHC-2026-xa-Ky-Phong.pdf").exists()


def test_cancel_leaves_no_file(window, qtbot, chosen, monkeypatch, tmp_path, shown_errors):
    gate = threading.Event()
    original = pdf_module.render_pdf

    def held(document, **options):
        gate.wait(30)
        return original(document, **options)

    monkeypatch.setattr(pdf_module, "render_pdf", held)
    actions = window.screens["plan"].documents
    actions.save_pdf()
    actions.job.cancel()
    gate.set()
    qtbot.waitUntil(lambda: actions.job.done, timeout=60000)
    assert list((tmp_path / "out").iterdir()) == [] and shown_errors == []


def _show(window, key: str):
    row = next(i for i, screen in enumerate(_screens()) if screen[0] == key)
    window.nav.setCurrentRow(row)
    return window.screens[key]


def _screens():
    from ui.screen_list import SCREENS

    return SCREENS


def test_report_screen_saves_the_period_report(demo_window, qtbot, chosen, tmp_path, shown_errors):
    screen = _show(demo_window, "report")
    half_year = next(p for p in demo_window.session.ws.reports.calendar(2026) if p.code == "H1")
    screen.show_period(half_year.id)
    screen.documents.save_pdf()
    _finish(qtbot, screen.documents)
    target = tmp_path / "out" / "BC-CCHC-H1-2026-xa-Ky-Phong.pdf"
    assert target.read_bytes().startswith(b"%PDF-") and shown_errors == []


def test_assessment_screen_saves_the_score_table(demo_window, qtbot, chosen, tmp_path, shown_errors):
    screen = _show(demo_window, "assessment")
    screen.documents.save_xlsx()
    _finish(qtbot, screen.documents)
    target = tmp_path / "out" / "TDG-CCHC-2026-xa-Ky-Phong.xlsx"
    assert openpyxl.load_workbook(target).sheetnames == ["Bảng điểm", "Tổng hợp"] and shown_errors == []
