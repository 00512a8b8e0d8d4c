"""Thẩm định through both windows: the office sends its round; the commune sees the appraised scores
beside its own, reads the office's comment and writes its answer (giải trình)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.support.exchange import OFFICE_PASSPHRASE
from tests.support.receiver import REASON, ready_round
from tests.ui.test_exchange_down import _answer, _window

ANSWER = "Đã bổ sung Quyết định số 12/QĐ-UBND vào tài liệu kiểm chứng."


def _show(window, key: str):
    from ui.screen_list import RECEIVER_SCREENS, SCREENS

    keys = [k for k, _ in (RECEIVER_SCREENS if key in dict(RECEIVER_SCREENS) else SCREENS)]
    window.nav.setCurrentRow(keys.index(key))
    return window.screens[key]


def test_the_office_sends_a_round_and_the_commune_answers_it(
    app, qtbot, appraised, tmp_path, monkeypatch, shown_errors
):
    from ui.widgets import asking

    rv, commune, appraisal = appraised
    told: list[str] = []
    monkeypatch.setattr(asking, "inform", lambda parent, text: told.append(text))
    down = tmp_path / "xuong"
    down.mkdir()
    monkeypatch.setattr(asking, "choose_folder", lambda parent, title, start="": str(down))

    screen = _show(_window(qtbot, rv), "appraisal")
    assert screen.buttons["send"].isEnabled()
    qtbot.mouseClick(screen.buttons["send"], Qt.MouseButton.LeftButton)
    assert told and "còn" in told[0] and "chưa gửi được" in told[0]  # the survey criteria are not scored yet
    code, own = ready_round(rv, appraisal)
    screen.load()
    qtbot.mouseClick(screen.buttons["send"], Qt.MouseButton.LeftButton)
    _answer(qtbot, screen.dialog, OFFICE_PASSPHRASE)
    qtbot.waitUntil(lambda: screen.job is not None and screen.job.done, timeout=20000)
    assert told[-1].startswith("Đã ghi kết quả thẩm định lần 1") and str(down) in told[-1]
    assert screen.units.rows[0][2].text == "Đã gửi lần 1" and not screen.buttons["send"].isEnabled()

    assert [o.status for o in commune.exchange.import_packages([down]).outcomes] == ["imported"]
    commune.assessment.reopen(2026, "Giải trình kết quả thẩm định")
    page = _show(_window(qtbot, commune), "assessment")
    model = page.model
    column = model.column_of("appraised")
    assert not page.table.isColumnHidden(column)
    assert page.appraised.isVisible() and "đã thẩm định lần 1" in page.appraised.text()
    assert "1 tiêu chí được điều chỉnh" in page.appraised.text()
    row = model.row_of_code(code)
    cell = model.index(row, column)
    assert cell.data() == model.display(model.line(row), "appraised") and cell.data().startswith(str(int(own - 1)))
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == f"Nhận xét: {REASON}"
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None

    page.table.setCurrentIndex(model.index(row, model.column_of("self_score")))
    details = page.details
    assert details.appraisal_box.isVisible() and REASON in details.appraisal_text.text()
    details.response.setFocus()
    details.response.setPlainText(ANSWER)
    details.commit()
    score = model.line(model.row_of_code(code)).score
    assert commune.assessment.view(2026).lines[model.row_of_code(code)].score.response == ANSWER
    assert score is not None
    assert shown_errors == []
