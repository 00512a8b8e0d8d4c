"""Mật khẩu của khóa: asked once to open the key, or twice when a new key is made.

The dialog checks what it can before closing: the length and the second typing for a new key, and
(with ``check``) whether the passphrase really opens the key — a wrong passphrase is said in the
dialog itself, which stays open, and nothing else happens. It is opened non-modally-blocking
(``open()``); ``accepted`` carries on.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from cchc_desktop.exchange.format.keys import MIN_PASSPHRASE_LENGTH, passphrase_strong_enough
from cchc_desktop.kernel.errors import CchcError
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.text import nfc


class PassphraseDialog(QDialog):
    def __init__(
        self, parent, title: str, explain: str, *, new: bool = False, check: Callable[[str], None] | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.new = new
        self.check = check
        self.first = QLineEdit()
        self.second = QLineEdit()
        for field in (self.first, self.second):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.show_box = QCheckBox(tr("ui.exchange.passphrase.show"))
        self.show_box.toggled.connect(self._show_text)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a4262c;")
        self._layout(explain)
        self.setMinimumWidth(460)

    def _layout(self, explain: str) -> None:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        note = QLabel(explain)
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(tr("ui.exchange.passphrase.label"), self.first)
        if self.new:
            form.addRow(tr("ui.exchange.passphrase.again"), self.second)
        else:
            self.second.hide()
        form.addRow(self.show_box)
        form.addRow(self.error)
        form.addRow(buttons)

    @property
    def passphrase(self) -> str:
        return nfc(self.first.text())

    def _show_text(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for field in (self.first, self.second):
            field.setEchoMode(mode)

    def try_accept(self) -> None:
        problem = self._problem()
        if problem:
            self._say(problem)
            self.first.setFocus()
            return
        self.error.clear()
        self.accept()

    def _say(self, problem: str) -> None:
        """Show why, whole: the dialog grows to the wrapped text (a label set after the dialog is shown
        keeps its old height otherwise, cutting the tone marks of the first line and hiding the rest)."""
        self.error.setText(problem)
        self.error.setMinimumHeight(self.error.heightForWidth(max(self.error.width(), 300)))
        self.layout().activate()
        self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def _problem(self) -> str:
        text = self.passphrase
        if self.new and not passphrase_strong_enough(text):
            return tr("exchange.key.passphrase_short", minimum=MIN_PASSPHRASE_LENGTH)
        if self.new and text != nfc(self.second.text()):
            return tr("exchange.key.passphrase_mismatch")
        if self.check is not None:
            try:
                self.check(text)
            except CchcError as exc:
                return str(exc)
        return ""


class AsksPassphrase:
    """Mixed into a panel: ``_ask`` opens the passphrase dialog (kept as ``self.dialog``, which tests drive)
    and hands the passphrase to ``on_ok`` once it is accepted."""

    dialog: object = None

    def _ask(self, title_key: str, explain_key: str, on_ok, *, new: bool = False, check=None) -> PassphraseDialog:
        self.dialog = PassphraseDialog(self, tr(title_key), tr(explain_key), new=new, check=check)
        self.dialog.accepted.connect(lambda d=self.dialog: on_ok(d.passphrase))
        self.dialog.open()
        return self.dialog
