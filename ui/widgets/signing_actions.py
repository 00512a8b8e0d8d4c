"""Ký số… beside the print buttons of the plan, report and assessment screens, with what was signed:
"Đã ký số — <người ký>, <ngày>" as a link that saves (then opens) the signed PDF. One link rather than
another button: the plan's row of buttons must still fit a 1366-pixel screen.

The screen says which document is shown (``target()``); the service says whether it may be signed
and what was signed; this widget only shows it.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QBoxLayout, QLabel, QPushButton, QWidget

from cchc_desktop.kernel.i18n import tr
from cchc_desktop.signing.model import DocumentRef
from ui.errors import show_error
from ui.session import Session

if TYPE_CHECKING:
    from ui.dialogs.sign_dialog import SignDialog
    from ui.widgets.document_actions import DocumentTarget

_TITLES = {"plan": "ui.sign.what.plan", "report": "ui.sign.what.report", "assessment": "ui.sign.what.assessment"}


class SigningActions(QObject):
    """The "Ký số…" button and the signed state of the document on screen (a link to save it)."""

    def __init__(
        self, session: Session, screen: QWidget, kind: str, target: Callable[[], DocumentTarget | None]
    ) -> None:
        super().__init__(screen)
        self.session, self.screen, self.kind, self.target = session, screen, kind, target
        self.dialog: SignDialog | None = None
        self.sign_button = QPushButton(tr("ui.sign.button"))
        self.sign_button.setToolTip(tr("ui.sign.button.tip"))
        self.sign_button.clicked.connect(self.open_dialog)
        self.state = QLabel()
        self.state.setTextFormat(Qt.TextFormat.RichText)
        self.state.setToolTip(tr("ui.sign.save.tip"))
        self.state.linkActivated.connect(lambda _link: self.save_signed())
        session.changed.connect(lambda _changes: self.refresh())
        screen.installEventFilter(self)

    def add_to(self, layout: QBoxLayout) -> None:
        layout.addWidget(self.state)
        layout.addWidget(self.sign_button)
        self.state.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.screen and event.type() == QEvent.Type.Show:
            self.refresh()
        return False

    def ref(self) -> DocumentRef | None:
        target = self.target()
        if target is None:
            return None
        return DocumentRef(self.kind, target.year, target.period, target.plan_id)

    def refresh(self) -> None:
        """Show what the service says: may it be signed now, and the latest signed copy."""
        ref = self.ref()
        signing = self.session.ws.signing
        refusal = signing.refusal(ref) if ref else ""
        self.sign_button.setEnabled(ref is not None and refusal is None)
        self.sign_button.setToolTip(refusal or tr("ui.sign.button.tip"))
        text = signing.status_text(ref) if ref else ""
        self.state.setText(f'<a href="save" style="color: #1a5e20;">{html.escape(text)}</a>' if text else "")
        self.state.setVisible(bool(text))

    def open_dialog(self) -> None:
        from ui.dialogs.sign_dialog import SignDialog

        ref = self.ref()
        if ref is None:
            return
        self.dialog = SignDialog(self.session, ref, tr(_TITLES[self.kind]), self.screen)
        self.dialog.finished.connect(lambda _result: self.refresh())
        self.dialog.open()

    def save_signed(self) -> None:
        from pathlib import Path

        from ui.dialogs import print_preview
        from ui.widgets.document_actions import FOLDER_SETTING

        ref = self.ref()
        signed = self.session.ws.signing.latest(ref) if ref else None
        if signed is None:
            return
        folder = self.session.ws.get_setting(FOLDER_SETTING) or str(Path.home())
        path = print_preview.ask_save_path(
            self.screen, tr("ui.sign.save"), Path(folder) / signed.file_name, tr("ui.print.filter.pdf")
        )
        if path is None:
            return
        try:
            saved = self.session.ws.signing.save_copy(signed.id, path)
        except Exception as exc:
            show_error(self.screen, exc)
            return
        self.saved_dialog = print_preview.SavedDialog(saved, signed.file_name, self.screen)
        self.saved_dialog.open()
