"""Nhận gói (nơi nhận): enrolled senders, importing files or folders (chosen or dropped) with a preview
first, one result line per package, the packages received, and rolling an import back by name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.kernel.errors import CchcError
from cchc_desktop.kernel.i18n import format_datetime, tr
from ui.dialogs.enrol_dialog import EnrolDialog
from ui.dialogs.import_preview import ImportPreviewDialog
from ui.errors import show_error
from ui.jobs import run_job
from ui.screens.exchange_tables import ReadOnlyTable
from ui.screens.receiver.inbox_table import InboxTable


def _import_work(db_path: Path, paths: list[Path], dry_run: bool):
    """The import, on a worker thread, with its own connection to the receiver file."""
    from cchc_desktop.workspace import Workspace

    def work(progress, cancelled):
        with Workspace.open(db_path) as own:
            return own.exchange.import_packages(paths, dry_run=dry_run, progress=progress, cancelled=cancelled)

    return work


class ReceiverPanel(QWidget):
    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.dialog = None  # the dialog open now (tests drive it)
        self.job = None
        self.last_batch = None
        self.setAcceptDrops(True)
        self.inbox = InboxTable(session, self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.inbox, tr("ui.receiver.inbox.tab"))
        self.tabs.addTab(self._results_page(), tr("ui.exchange.import.results"))
        self.tabs.addTab(self._senders_page(), tr("ui.exchange.senders.box"))
        self.tabs.addTab(self._log_page(), tr("ui.exchange.log.box"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._import_row())
        layout.addWidget(self.tabs, 1)

    @property
    def ws(self):
        return self.session.ws

    # Building ###########################################################

    def _buttons(self, *buttons: QPushButton) -> QHBoxLayout:
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _senders_page(self) -> QWidget:
        page = QWidget()
        self.senders = ReadOnlyTable(
            [tr(f"ui.exchange.senders.col.{c}") for c in ("unit", "code", "fingerprint", "status", "source", "since")]
        )
        enrol = QPushButton(tr("ui.exchange.senders.enrol"))
        enrol.clicked.connect(self.choose_key_file)
        paste = QPushButton(tr("ui.exchange.senders.paste"))
        paste.clicked.connect(self.paste_key)
        revoke = QPushButton(tr("ui.exchange.senders.revoke"))
        revoke.clicked.connect(self.revoke)
        layout = QVBoxLayout(page)
        layout.addWidget(self.senders)
        layout.addLayout(self._buttons(enrol, paste, revoke))
        return page

    def _import_row(self) -> QHBoxLayout:
        files = QPushButton(tr("ui.exchange.import.files"))
        files.clicked.connect(self.choose_files)
        folder = QPushButton(tr("ui.exchange.import.folder"))
        folder.clicked.connect(self.choose_folder)
        hint = QLabel(tr("ui.exchange.import.drop"))
        hint.setStyleSheet("border: 2px dashed #9cc3e6; padding: 4px 8px; color: #35577a;")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row = QHBoxLayout()
        row.addWidget(files)
        row.addWidget(folder)
        row.addWidget(hint, 1)
        return row

    def _results_page(self) -> QWidget:
        self.results = QListWidget()
        self.results.setWordWrap(True)
        return self.results

    def _log_page(self) -> QWidget:
        page = QWidget()
        self.log = ReadOnlyTable([tr(f"ui.exchange.log.col.{c}") for c in ("name", "time", "result", "state")])
        rollback = QPushButton(tr("ui.exchange.log.rollback"))
        rollback.clicked.connect(self.rollback_selected)
        layout = QVBoxLayout(page)
        layout.addWidget(self.log)
        layout.addLayout(self._buttons(rollback))
        return page

    # Loading ############################################################

    def load(self, year: int = 0) -> None:
        exchange = self.ws.exchange
        self.senders.fill(
            [
                (
                    k.id,
                    (
                        k.unit_name,
                        f"{k.province_code}-{k.unit_code}",
                        k.fingerprint,
                        k.status_label,
                        tr(f"ui.exchange.senders.source.{k.source}"),
                        format_datetime(k.enrolled_at),
                    ),
                )
                for k in exchange.senders()
            ]
        )
        self.inbox.load()
        self.log.fill(
            [
                (
                    e["name"],
                    (
                        e["name"],
                        format_datetime(e["at"]),
                        e["result_line"],
                        tr("cli.receiver.log.rolled_back") if e["rolled_back_at"] else "",
                    ),
                )
                for e in exchange.import_log()
            ]
        )

    # Senders ############################################################

    def choose_key_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, tr("ui.exchange.senders.enrol"), str(Path.home()), tr("ui.exchange.senders.filter")
        )
        if chosen:
            self.enrol_from(Path(chosen))

    def paste_key(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self, tr("ui.exchange.senders.paste"), tr("ui.exchange.senders.paste.prompt")
        )
        if ok and text.strip():
            self.enrol_from(text.encode("utf-8"))

    def enrol_from(self, source: Path | bytes) -> EnrolDialog | None:
        """The enrolment dialog for a .pub.pem (or a card beside it), or for pasted PEM text."""
        try:
            pub = self.ws.exchange.read_public_key(source)
        except CchcError as exc:
            show_error(self, exc)
            return None
        known = pub.identity is not None and self.ws.exchange.has_active_key(pub.identity)
        self.dialog = EnrolDialog(self, pub, already_enrolled=known)
        self.dialog.accepted.connect(lambda d=self.dialog: self._enrol(d))
        self.dialog.open()
        return self.dialog

    def _enrol(self, dialog: EnrolDialog) -> None:
        exchange = self.ws.exchange
        self.session.call(
            self,
            lambda: exchange.enrol(
                dialog.pub, dialog.pub.fingerprint, dialog.identity(), revoke_old=dialog.revoke_old.isChecked()
            ),
        )
        self.load()

    def revoke(self) -> None:
        key_id = self.senders.selected_key()
        if key_id is None:
            return
        if (
            QMessageBox.question(self, tr("app.name"), tr("ui.exchange.senders.revoke.confirm"))
            == QMessageBox.StandardButton.Yes
        ):
            self.session.call(self, lambda: self.ws.exchange.revoke(int(key_id)))
            self.load()

    # Import #############################################################

    def choose_files(self) -> None:
        chosen, _ = QFileDialog.getOpenFileNames(
            self, tr("ui.exchange.import.files"), str(Path.home()), tr("ui.exchange.import.filter")
        )
        if chosen:
            self.import_paths([Path(p) for p in chosen])

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, tr("ui.exchange.import.folder"), str(Path.home()))
        if chosen:
            self.import_paths([Path(chosen)])

    def import_paths(self, paths: list[Path]) -> None:
        """Preview first (a dry run on a worker thread), then apply what the user accepts."""
        self.job = run_job(
            self,
            tr("ui.exchange.import.checking"),
            _import_work(self.ws.path, paths, True),
            lambda batch: self._preview(batch, paths),
        )

    def _preview(self, batch, paths: list[Path]) -> None:
        self.dialog = ImportPreviewDialog(self, batch)
        self.dialog.accepted.connect(lambda: self._apply(paths))
        self.dialog.open()

    def _apply(self, paths: list[Path]) -> None:
        self.job = run_job(
            self, tr("ui.exchange.import.running"), _import_work(self.ws.path, paths, False), self._imported
        )

    def _imported(self, batch) -> None:
        self.last_batch = batch
        self.results.clear()
        self.results.addItems([o.line for o in batch.outcomes] + [batch.summary])
        if batch.backup_file is not None:
            self.results.addItem(tr("exchange.import.backup", file=str(batch.backup_file)))
        self.load()
        self.tabs.setCurrentWidget(self.results)
        self.session.saved.emit()

    def rollback_selected(self) -> None:
        name = self.log.selected_key()
        if name is None:
            return
        if (
            QMessageBox.question(self, tr("app.name"), tr("ui.exchange.log.rollback.confirm", name=name))
            == QMessageBox.StandardButton.Yes
        ):
            self.rollback(str(name))

    def rollback(self, name: str) -> None:
        result = self.session.call(self, lambda: self.ws.exchange.rollback(name))
        if result is not None:
            self.results.clear()
            self.results.addItems([result.line, tr("exchange.import.backup", file=str(result.backup_file))])
            self.tabs.setCurrentWidget(self.results)
        self.load()

    # Drag and drop ######################################################

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)
