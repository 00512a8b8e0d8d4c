"""Chứng thư số tin cậy (nơi nhận): the roots, intermediates and CRLs certificate seals are checked
against. Adding reads the files the user chose (a stick from the Government CA's site, a CRL copied
from another machine); removing asks first. The screen decides nothing: the service says what a file is."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from cchc_desktop.kernel.i18n import format_datetime, tr
from ui.screens.exchange_tables import ReadOnlyTable
from ui.widgets import asking


class TrustPage(QWidget):
    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        explain = QLabel(tr("ui.exchange.trust.explain"))
        explain.setWordWrap(True)
        columns = ("kind", "subject", "validity", "fingerprint", "file", "added")
        self.table = ReadOnlyTable([tr(f"ui.exchange.trust.col.{c}") for c in columns])
        self.add_button = QPushButton(tr("ui.exchange.trust.add"))
        self.add_button.clicked.connect(lambda: self.choose_files())
        self.remove_button = QPushButton(tr("ui.exchange.trust.remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.result = QLabel()
        self.result.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.result)

    def load(self) -> None:
        entries = self.session.ws.exchange.trust_entries()
        self.table.fill(
            [
                (
                    e.id,
                    (e.kind_label, e.subject, e.validity, e.fingerprint, e.file_name, format_datetime(e.added_at[:19])),
                )
                for e in entries
            ]
        )
        self.remove_button.setEnabled(bool(entries))

    def choose_files(self, paths: list[str] | None = None) -> None:
        paths = paths or asking.open_files(self, tr("ui.exchange.trust.add"), tr("ui.exchange.trust.filter"))
        if not paths:
            return
        chosen = list(paths)
        read = self.session.call(self, lambda: self.session.ws.exchange.read_trust_files(chosen))
        if read is None or not self._roots_checked(read):
            return
        confirmed = [e.sha256 for e in read if e.kind == "root"]
        added = self.session.call(self, lambda: self.session.ws.exchange.add_trust_files(chosen, confirmed))
        if added is not None:
            self.result.setText(added.summary)
            self.load()

    def _roots_checked(self, entries) -> bool:
        """A root is trusted only once the user compared its fingerprint with the one its CA publishes."""
        roots = [e for e in entries if e.kind == "root"]
        if not roots:
            return True
        lines = [
            tr("ui.exchange.trust.root_line", subject=e.subject, fingerprint=_two_lines(e.fingerprint)) for e in roots
        ]
        question = tr("ui.exchange.trust.roots.ask", roots="\n".join(lines))
        no, yes = QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes
        return QMessageBox.question(self, tr("app.name"), question, yes | no, no) == yes

    def remove_selected(self) -> None:
        row_id = self.table.selected_key()
        if not isinstance(row_id, int):
            self.result.setText(tr("ui.exchange.trust.none_selected"))
            return
        subject = self.table.item(self.table.currentRow(), 1).text()
        question = tr("ui.exchange.trust.remove.ask", subject=subject)
        if QMessageBox.question(self, tr("app.name"), question) != QMessageBox.StandardButton.Yes:
            return
        removed = self.session.call(self, lambda: self.session.ws.exchange.remove_trusted(row_id))
        if removed is not None:
            self.result.setText(tr("ui.exchange.trust.removed", subject=removed.subject))
            self.load()


def _two_lines(fingerprint: str) -> str:
    """16 groups as two lines of 8, as CAs print them: a line wrapped by the dialog would split one."""
    groups = fingerprint.split()
    return "   " + " ".join(groups[:8]) + "\n   " + " ".join(groups[8:])
