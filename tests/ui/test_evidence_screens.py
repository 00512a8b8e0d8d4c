"""Evidence in the GUI: attach to a criterion, mark mật, open a copy, list and remove for the year."""

from __future__ import annotations

from pathlib import Path

import pytest

import ui.widgets.asking as asking
from cchc_desktop.demo.assessment import tiny_pdf, tiny_png

YEAR = 2026


def _show(window, key: str):
    from ui.screen_list import SCREENS

    window.nav.setCurrentRow([k for k, _ in SCREENS].index(key))
    return window.screens[key]


@pytest.fixture
def files(tmp_path):
    pdf = tmp_path / "Kế hoạch CCHC năm 2026.pdf"
    pdf.write_bytes(tiny_pdf("Ke hoach"))
    png = tmp_path / "Ảnh niêm yết.png"
    png.write_bytes(tiny_png())
    fake = tmp_path / "Báo cáo.pdf"
    fake.write_bytes(b"PK\x03\x04 this is not a pdf")
    return pdf, png, fake


@pytest.fixture
def criterion_panel(window, ws):
    ws.assessment.start(YEAR)
    screen = _show(window, "assessment")
    row = screen.model.row_of_code("1.1.1")
    screen.table.setCurrentIndex(screen.model.index(row, screen.model.column_of("self_score")))
    return screen, screen.details.evidence


def test_attach_mark_secret_open_and_remove(criterion_panel, ws, files, shown_errors, monkeypatch, tmp_path):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    screen, panel = criterion_panel
    pdf, png, fake = files
    monkeypatch.setattr(asking, "open_files", lambda *a: [str(pdf), str(fake), str(png)])
    panel.buttons["attach"].click()
    assert (
        len(shown_errors) == 1 and "«Báo cáo.pdf»" in shown_errors[0] and "không phải tài liệu PDF" in shown_errors[0]
    )
    assert [panel.list.item(i).text().split("\n")[0] for i in range(panel.list.count())] == [pdf.name, png.name]
    assert screen.model.index(screen.model.row_of_code("1.1.1"), screen.model.column_of("evidence")).data() == "2"
    panel.list.setCurrentRow(0)
    panel.secret.click()
    assert "Mật — không đưa vào gói gửi đi" in panel.list.item(0).text()
    assert ws.evidence.for_row("criterion_score", panel.target[1])[0].secret is True
    opened = []
    monkeypatch.setattr(asking, "open_url", lambda url: opened.append(url.toLocalFile()) or True)
    panel.list.setCurrentRow(1)
    panel.buttons["open"].click()
    assert Path(opened[0]).read_bytes() == png.read_bytes() and opened[0].endswith("Ảnh niêm yết.png")
    assert Path(opened[0]).parent == tmp_path / "temp" / "cchc-tai-lieu"
    monkeypatch.setattr(asking, "confirm", lambda *a: True)
    panel.buttons["remove"].click()
    assert panel.files() and len(panel.files()) == 1
    assert [e.name for e in ws.evidence.for_row("criterion_score", panel.target[1])] == [pdf.name]


def test_panel_is_read_only_once_submitted(criterion_panel, ws, files, monkeypatch):
    screen, panel = criterion_panel
    monkeypatch.setattr(asking, "confirm", lambda *a: True)
    ws.assessment.submit(YEAR, {})
    screen.reload()
    assert not panel.buttons["attach"].isEnabled()
    assert panel.attach_files([str(files[0])]) == 0


def test_evidence_screen_lists_the_year_and_removes(window, ws, files, monkeypatch):
    ws.assessment.start(YEAR)
    score = next(line.score for line in ws.assessment.view(YEAR, {}).lines if line.criterion.code == "3.1.1")
    ws.evidence.attach("criterion_score", score.id, files[1], secret=True)
    ws.evidence.attach("criterion_score", score.id, files[0])
    screen = _show(window, "evidence")
    assert screen.model.rowCount() == 2
    target = screen.model.index(0, screen.model.column_of("row_id")).data()
    assert target.startswith("Tiêu chí: 3.1.1 Niêm yết")
    assert screen.model.index(0, screen.model.column_of("secret")).data() == "Mật — không đưa vào gói gửi đi"
    assert "2 tệp" in screen.summary.text() and "1 tệp mật" in screen.summary.text()
    screen.filter_box.setText("ke hoach")
    assert screen.proxy.rowCount() == 1
    screen.filter_box.clear()
    monkeypatch.setattr(
        asking,
        "choose",
        lambda parent, title, label, items: next(
            i for i, text in enumerate(items) if text.startswith("Tiêu chí: 1.2 ")
        ),
    )
    monkeypatch.setattr(asking, "open_files", lambda *a: [str(files[0])])
    screen.attach()
    assert screen.model.rowCount() == 3 and ws.evidence.blob_count() == 2
    monkeypatch.setattr(asking, "confirm", lambda *a: True)
    screen.view.setCurrentIndex(screen.proxy.index(0, 0))
    screen.remove_selected()
    assert screen.model.rowCount() == 2
