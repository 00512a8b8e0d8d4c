"""Gửi gói (xã): the unit's key, the export form with what blocks it, and the outbox."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.exchange.format.labels import kind_label, period_label
from cchc_desktop.kernel.errors import CchcError
from cchc_desktop.kernel.i18n import format_datetime, tr
from cchc_desktop.signing.task import Credentials
from ui.dialogs.passphrase_dialog import AsksPassphrase, PassphraseDialog
from ui.dialogs.seal_dialog import SealDialog
from ui.errors import show_error
from ui.jobs import run_job
from ui.screens.exchange_import import PackageImport
from ui.screens.exchange_key import KeyBox
from ui.screens.exchange_superior import SuperiorBox
from ui.screens.exchange_tables import ReadOnlyTable
from ui.widgets.problems_panel import ProblemsPanel

KINDS = ("plan", "report", "assessment")
FOLDER_SETTING = "exchange.last_folder"
SEAL_SETTING = "exchange.last_seal"  # the app's key or the unit's certificate, as last sent


class CommunePanel(AsksPassphrase, PackageImport, QWidget):
    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.year = 0
        self.dialog = None  # the dialog open now (tests drive it)
        self.job = None
        self.last_result = None
        self.setAcceptDrops(True)  # packages from the superior may be dropped here
        layout = QVBoxLayout(self)
        export_box = self._export_box()
        self.key = KeyBox(session, self._ask, self.result.setText, self._folder, self.eml.isChecked)
        self.superior = SuperiorBox(session, self.choose_files)
        top = QHBoxLayout()
        top.addWidget(self.key, 1)
        top.addWidget(self.superior, 1)
        layout.addLayout(top)
        layout.addWidget(export_box, 1)
        layout.addWidget(self._outbox_box(), 1)

    @property
    def ws(self):
        return self.session.ws

    # Building ###########################################################

    def _export_box(self) -> QGroupBox:
        box = QGroupBox(tr("ui.exchange.export.box"))
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.period = QComboBox()
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(tr("ui.exchange.export.folder.placeholder"))
        browse = QPushButton(tr("ui.exchange.export.browse"))
        browse.clicked.connect(self._browse)
        self.seal = QComboBox()
        for seal in ("key", "certificate"):
            self.seal.addItem(tr(f"ui.exchange.export.seal.{seal}"), seal)
        self.seal.setToolTip(tr("ui.exchange.export.seal.tip"))
        self.seal.currentIndexChanged.connect(lambda _: self.refresh_problems())
        self.eml = QCheckBox(tr("ui.exchange.export.eml"))
        self.to = QLineEdit()
        self.to.setPlaceholderText(tr("ui.exchange.export.to.placeholder"))
        self.problems = ProblemsPanel()
        self.export_button = QPushButton(tr("ui.exchange.export.button"))
        self.export_button.clicked.connect(self.export)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.period.currentIndexChanged.connect(lambda _: self.refresh_problems())
        self._export_layout(box, browse)
        return box

    def _export_layout(self, box: QGroupBox, browse: QPushButton) -> None:
        grid = QGridLayout(box)
        rows = (
            (tr("ui.exchange.export.kind"), self.kind),
            (tr("ui.exchange.export.period"), self.period),
            (tr("ui.exchange.export.folder"), self.folder),
            (tr("ui.exchange.export.to"), self.to),
            (tr("ui.exchange.export.seal"), self.seal),
        )
        for row, (label, widget) in enumerate(rows):
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(widget, row, 1)
        grid.addWidget(browse, 2, 2)
        grid.addWidget(self.eml, 5, 1)
        grid.addWidget(self.problems, 6, 0, 1, 3)
        grid.addWidget(self.export_button, 7, 1)
        grid.addWidget(self.result, 8, 0, 1, 3)

    def _outbox_box(self) -> QGroupBox:
        box = QGroupBox(tr("ui.exchange.outbox.box"))
        self.outbox = ReadOnlyTable(
            [
                tr(f"ui.exchange.outbox.col.{c}")
                for c in ("kind", "period", "revision", "time", "folder", "file", "hash", "status")
            ]
        )
        self.ack_button = QPushButton(tr("ui.exchange.outbox.ack"))
        self.ack_button.clicked.connect(self.acknowledge)
        layout = QVBoxLayout(box)
        layout.addWidget(self.outbox)
        layout.addWidget(self.ack_button)
        return box

    # Loading ############################################################

    def load(self, year: int) -> None:
        self.year = year
        if not self.folder.text():
            self.folder.setText(self.ws.get_setting(FOLDER_SETTING) or "")
            self.seal.setCurrentIndex(max(0, self.seal.findData(self.ws.get_setting(SEAL_SETTING) or "key")))
        self.key.refresh()
        self.superior.refresh()
        self._fill_periods()
        self.refresh_problems()
        self.refresh_outbox()

    def _fill_periods(self) -> None:
        self.period.blockSignals(True)
        self.period.clear()
        reports = self.ws.reports
        for period in reports.calendar(self.year):
            self.period.addItem(period.label, period.code)
        latest = reports.latest_submitted_period(self.year)
        if latest is not None:
            self.period.setCurrentIndex(self.period.findData(latest.code))
        self.period.blockSignals(False)
        self.period.setEnabled(self.kind.currentData() == "report")

    def _kind_changed(self) -> None:
        self.period.setEnabled(self.kind.currentData() == "report")
        self.refresh_problems()

    def selection(self) -> tuple[str, str | None]:
        kind = self.kind.currentData()
        return kind, self.period.currentData() if kind == "report" else None

    def refresh_problems(self) -> None:
        if not self.year:
            return
        kind, period = self.selection()
        try:
            problems = self.ws.exchange.export_problems(kind, self.year, period, by_certificate=self.by_certificate)
        except CchcError as exc:  # a read: shown in the message bar, nothing announced as changed
            show_error(self, exc, inline=True)
            problems = []
        self.problems.set_problems(problems)
        self.export_button.setEnabled(not any(p.blocking for p in problems))

    def refresh_outbox(self) -> None:
        rows = []
        for row in self.ws.exchange.outbox():
            rows.append(
                (
                    row["package_id"],
                    (
                        kind_label(row["kind"]),
                        period_label(row["period"] or None, row["year"]),
                        row["revision"],
                        format_datetime(row["created_at"][:19]),
                        row["folder"],
                        row["file_name"],
                        row["sha256"][:16] + "…",
                        _status(row),
                    ),
                )
            )
        self.outbox.fill(rows)

    def refresh(self) -> None:
        if self.year:
            self.load(self.year)

    # Key actions ########################################################

    # Export #############################################################

    def _folder(self) -> str:
        return self.folder.text().strip()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, tr("ui.exchange.export.folder"), self._folder())
        if chosen:
            self.folder.setText(chosen)

    @property
    def by_certificate(self) -> bool:
        return self.seal.currentData() == "certificate"

    def export(self) -> PassphraseDialog | SealDialog | None:
        folder = self._folder()
        if not folder or not Path(folder).is_dir():
            self.result.setText(tr("ui.exchange.export.folder.missing"))
            return None
        if not self._confirm_unchanged():
            return None
        if self.by_certificate:
            dialog = SealDialog(self, self.ws.profile.get().short_name)
            dialog.accepted.connect(lambda: self._run_export(dialog.credentials, folder))
            self.dialog = dialog
            dialog.open()
            return dialog
        return self._ask(
            "ui.exchange.export.unlock",
            "ui.exchange.export.unlock.explain",
            lambda passphrase: self._run_export(passphrase, folder),
            check=self.ws.exchange.check_passphrase,
        )

    def _confirm_unchanged(self) -> bool:
        """Sending the very same package again is rarely meant: say when it was sent and ask."""
        kind, period = self.selection()
        year = self.year
        try:
            same = self.ws.exchange.same_as_last_export(kind, year, period)
        except CchcError as exc:  # a read: shown, nothing announced as changed
            show_error(self, exc)
            return False
        if not same:
            return True
        text = tr(
            "ui.exchange.export.unchanged",
            what=kind_label(kind),
            period=period_label(period, year),
            revision=same["revision"],
            when=format_datetime(same["created_at"][:19]),
            file=same["file_name"],
        )
        return QMessageBox.question(self, tr("app.name"), text) == QMessageBox.StandardButton.Yes

    def _run_export(self, seal: str | Credentials | None, folder: str) -> None:
        """Export in the background, sealed with the app's key (its passphrase) or the unit's certificate."""
        from cchc_desktop.workspace import Workspace

        if seal is None:
            return

        kind, period = self.selection()
        year, path, eml, to = self.year, self.ws.path, self.eml.isChecked(), self.to.text().strip()

        def work(progress, cancelled):
            with Workspace.open(path) as own:  # never the UI's connection
                return own.exchange.export(
                    kind, year, period, folder, seal, eml=eml, to=to, progress=progress, cancelled=cancelled
                )

        self.job = run_job(self, tr("ui.exchange.export.running"), work, self._exported)

    def _exported(self, result) -> None:
        self.last_result = result
        self.result.setText(result.summary)
        self.ws.remember(FOLDER_SETTING, str(result.path.parent))
        self.ws.remember(SEAL_SETTING, self.seal.currentData())
        self.refresh_outbox()
        self.session.saved.emit()

    def acknowledge(self) -> None:
        package_id = self.outbox.selected_key()
        if package_id is not None and self.session.call(self, lambda: self.ws.exchange.acknowledge([package_id])):
            self.refresh_outbox()

    def _imported(self, batch) -> None:
        """What the superior sent is in: each package's line, and the outbox as the receipts left it."""
        self.result.setText("\n".join([o.line for o in batch.outcomes] + [batch.summary]))
        self.refresh_outbox()
        self.session.saved.emit()


def _status(row) -> str:
    if row["status"] == "acknowledged" and row["acknowledged_by"]:
        return tr("exchange.outbox.status.received", date=format_datetime(row["acknowledged_at"][:19]))
    return tr(f"exchange.outbox.status.{row['status']}")
