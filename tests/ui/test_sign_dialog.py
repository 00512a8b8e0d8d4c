"""Ký số… on the issued plan, as a user does it: images chosen once, the chairman's and the văn thư's
certificates picked from the tokens, a wrong PIN said with what the token tells, then signed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.support.signing import ORG_PIN, ORG_TOKEN, PERSON_PIN, PERSON_TOKEN
from tests.ui.keyboard import type_text


def _issued_plan_screen(window, ws, plan):
    ws.edit("plan", plan.id, "doc_number", 5)
    ws.edit("plan", plan.id, "issue_date", "08/01/2026")
    ws.plans.issue(plan.id)
    screen = window.screens["plan"]
    screen.set_year(2026)
    screen.documents.signing.refresh()
    return screen


def _pick(picker, token: str) -> None:
    index = next(i for i in range(picker.keys.count()) if token in picker.keys.itemText(i))
    picker.keys.setCurrentIndex(index)


def _sign(qtbot, dialog, signer_pin: str, agency_pin: str) -> None:
    for field, pin in ((dialog.signer.pin, signer_pin), (dialog.agency.pin, agency_pin)):
        field.clear()
        field.setFocus()
        type_text(field, pin)
    qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
    if dialog.job is not None and not dialog.job.done:
        # One signal to wait for, rather than polling: the job's end comes back through the event loop.
        qtbot.waitSignal(dialog.job.finished, timeout=30000).wait()


def test_sign_the_issued_plan_from_the_window(
    window, qtbot, ws, draft_plan, hsm, images, tmp_path, monkeypatch, shown_errors
):
    from ui.widgets import asking

    monkeypatch.setenv("CCHC_PKCS11_MODULE", hsm)
    screen = _issued_plan_screen(window, ws, draft_plan)
    signing = screen.documents.signing
    assert signing.sign_button.isEnabled() and not signing.state.isVisible()
    window.resize(1366, 740)

    qtbot.mouseClick(signing.sign_button, Qt.MouseButton.LeftButton)
    dialog = signing.dialog
    assert dialog.isVisible() and dialog.signer.pin.echoMode() == dialog.signer.pin.EchoMode.Password
    _pick(dialog.signer, PERSON_TOKEN)
    _pick(dialog.agency, ORG_TOKEN)

    _sign(qtbot, dialog, PERSON_PIN, ORG_PIN)  # no images yet: the service says what to choose
    assert shown_errors and "hình chữ ký" in shown_errors[-1]

    for kind in ("signature", "seal"):
        path = tmp_path / f"{kind}.png"
        path.write_bytes(images[kind])
        monkeypatch.setattr(asking, "open_file", lambda *args, chosen=str(path): chosen)
        row_button = [b for b in dialog.findChildren(type(dialog.sign_button)) if b.text() == "Chọn tệp…"]
        qtbot.mouseClick(row_button[0 if kind == "signature" else 1], Qt.MouseButton.LeftButton)
    assert dialog.image_names["signature"].text() == "signature.png"
    assert dialog.image_names["seal"].text() == "seal.png"
    dialog.grab().save(str(tmp_path / "sign-dialog.png"))

    _sign(qtbot, dialog, "000000", ORG_PIN)
    assert "Sai mã PIN" in shown_errors[-1] and PERSON_TOKEN in shown_errors[-1]
    _sign(qtbot, dialog, "000001", ORG_PIN)  # the token now says earlier tries failed
    assert "đã có lần nhập sai" in shown_errors[-1]
    assert dialog.isVisible() and ws.signing.latest(signing.ref()) is None

    errors_before = len(shown_errors)
    _sign(qtbot, dialog, PERSON_PIN, ORG_PIN)
    assert len(shown_errors) == errors_before
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert signing.state.isVisible() and "Đã ký số — Nguyễn Văn A, " in signing.state.text()
    window.grab().save(str(tmp_path / "window-signed.png"))
    holder = window.stack.currentWidget()
    assert not holder.horizontalScrollBar().isVisible()  # the row still fits a 1366-pixel screen

    target = tmp_path / "out" / "ke-hoach-da-ky.pdf"
    target.parent.mkdir()
    from ui.dialogs import print_preview

    monkeypatch.setattr(print_preview, "ask_save_path", lambda *args: target)
    signing.state.linkActivated.emit("save")  # the user clicks "Đã ký số — …"
    assert target.read_bytes()[:5] == b"%PDF-"
    from tests.signatures.signed_pdf import pdfsig

    assert len(pdfsig(target)) == 2


def test_each_screen_shows_the_signed_state_of_the_document_it_shows(demo_window, qtbot, tmp_path):
    """Another period on the report screen: "Ký số…" follows what the service says of that report."""
    from ui.screen_list import SCREENS

    ws = demo_window.session.ws
    keys = [key for key, _ in SCREENS]
    demo_window.nav.setCurrentRow(keys.index("report"))
    screen = demo_window.screens["report"]
    seen = set()
    for period in ws.reports.calendar(2026):
        if ws.reports.for_period(2026, period.code) is None:
            continue
        screen.show_period(period.id)
        signing = screen.documents.signing
        allowed = ws.signing.refusal(signing.ref()) is None
        assert signing.ref().period == period.code and signing.sign_button.isEnabled() == allowed
        seen.add(allowed)
    assert seen == {True, False}  # the demo has submitted and draft reports
    demo_window.nav.setCurrentRow(keys.index("assessment"))
    signing = demo_window.screens["assessment"].documents.signing
    assert signing.ref().kind == "assessment"
    assert signing.sign_button.isEnabled() == (ws.signing.refusal(signing.ref()) is None)
