"""Gửi gói (xã): the unit's key, the export form with what blocks it, and the outbox."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
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
from ui.dialogs.passphrase_dialog import PassphraseDialog
from ui.errors import show_error
from ui.jobs import run_job
from ui.screens.exchange_tables import ReadOnlyTable
from ui.widgets.problems_panel import ProblemsPanel

KINDS = ("plan", "report", "assessment")
FOLDER_SETTING = "exchange.last_folder"


class CommunePanel(QWidget):
    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.year = 0
        self.dialog = None  # the dialog open now (tests drive it)
        self.job = None
        self.last_result = None
        layout = QVBoxLayout(self)
        layout.addWidget(self._key_box())
        layout.addWidget(self._export_box(), 1)
        layout.addWidget(self._outbox_box(), 1)

    @property
    def ws(self):
        return self.session.ws

    # Building ###########################################################

    def _key_box(self) -> QGroupBox:
        box = QGroupBox(tr("ui.exchange.key.box"))
        self.key_label = QLabel()
        self.key_label.setWordWrap(True)
        self.fingerprint = QLabel()
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSize(13)
        mono.setWeight(QFont.Weight.Bold)
        self.fingerprint.setFont(mono)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.create_button = QPushButton(tr("ui.exchange.key.create"))
        self.card_button = QPushButton(tr("ui.exchange.key.card"))
        self.rotate_button = QPushButton(tr("ui.exchange.key.rotate"))
        self.lost_button = QPushButton(tr("ui.exchange.key.lost"))
        self.create_button.clicked.connect(self.create_key)
        self.card_button.clicked.connect(self.write_card)
        self.rotate_button.clicked.connect(self.rotate_key)
        self.lost_button.clicked.connect(self.replace_lost_key)
        buttons = QHBoxLayout()
        for button in (self.create_button, self.card_button, self.rotate_button, self.lost_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.key_label)
        layout.addWidget(self.fingerprint)
        layout.addLayout(buttons)
        return box

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
        )
        for row, (label, widget) in enumerate(rows):
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(widget, row, 1)
        grid.addWidget(browse, 2, 2)
        grid.addWidget(self.eml, 4, 1)
        grid.addWidget(self.problems, 5, 0, 1, 3)
        grid.addWidget(self.export_button, 6, 1)
        grid.addWidget(self.result, 7, 0, 1, 3)

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
        self.refresh_key()
        self._fill_periods()
        self.refresh_problems()
        self.refresh_outbox()

    def refresh_key(self) -> None:
        info = self.ws.exchange.key_info()
        if info is None:
            self.key_label.setText(tr("ui.exchange.key.none"))
        else:
            self.key_label.setText(tr("ui.exchange.key.active", created=format_datetime(info.created_at)))
        self.fingerprint.setText(info.fingerprint if info else "")
        self.fingerprint.setVisible(info is not None)
        self.create_button.setVisible(info is None)
        for button in (self.card_button, self.rotate_button, self.lost_button):
            button.setVisible(info is not None)

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
            problems = self.ws.exchange.export_problems(kind, self.year, period)
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
                        tr(f"exchange.outbox.status.{row['status']}"),
                    ),
                )
            )
        self.outbox.fill(rows)

    def refresh(self) -> None:
        if self.year:
            self.load(self.year)

    # Key actions ########################################################

    def _ask(self, title_key: str, explain_key: str, on_ok, *, new: bool = False, check=None) -> PassphraseDialog:
        self.dialog = PassphraseDialog(self, tr(title_key), tr(explain_key), new=new, check=check)
        self.dialog.accepted.connect(lambda d=self.dialog: on_ok(d.passphrase))
        self.dialog.open()
        return self.dialog

    def create_key(self) -> PassphraseDialog:
        def create(passphrase: str) -> None:
            if self.session.call(self, lambda: self.ws.exchange.create_key(passphrase, passphrase)) is not None:
                self.refresh()

        return self._ask("ui.exchange.key.create.title", "ui.exchange.key.create.explain", create, new=True)

    def replace_lost_key(self) -> PassphraseDialog | None:
        answer = QMessageBox.question(self, tr("app.name"), tr("ui.exchange.key.lost.confirm"))
        if answer != QMessageBox.StandardButton.Yes:
            return None

        def replace(passphrase: str) -> None:
            if self.session.call(self, lambda: self.ws.exchange.replace_lost_key(passphrase, passphrase)):
                self.refresh()

        return self._ask("ui.exchange.key.lost", "ui.exchange.key.lost.explain", replace, new=True)

    def rotate_key(self) -> PassphraseDialog | None:
        folder = self._folder()
        if not folder or not Path(folder).is_dir():
            self.result.setText(tr("ui.exchange.export.folder.missing"))
            return None

        def with_old(old: str) -> None:
            self._ask(
                "ui.exchange.key.rotate.new",
                "ui.exchange.key.rotate.new.explain",
                lambda new: self._rotate(old, new, folder),
                new=True,
            )

        return self._ask(
            "ui.exchange.key.rotate",
            "ui.exchange.key.rotate.explain",
            with_old,
            check=self.ws.exchange.check_passphrase,
        )

    def _rotate(self, old: str, new: str, folder: str) -> None:
        result = self.session.call(
            self, lambda: self.ws.exchange.rotate_key(old, new, new, folder, eml=self.eml.isChecked())
        )
        if result is not None:
            self.result.setText(tr("ui.exchange.key.rotated", file=str(result.path)))
            self.refresh()

    def write_card(self) -> None:
        start = Path(self._folder() or Path.home()) / self.ws.exchange.default_card_name()
        chosen, _ = QFileDialog.getSaveFileName(self, tr("ui.exchange.key.card"), str(start), "PDF (*.pdf)")
        if chosen:
            paths = self.session.call(self, lambda: self.ws.exchange.write_card(chosen))
            if paths is not None:
                self.result.setText(tr("cli.keys.card.done", card=str(paths[0]), pub=str(paths[1])))

    # Export #############################################################

    def _folder(self) -> str:
        return self.folder.text().strip()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, tr("ui.exchange.export.folder"), self._folder())
        if chosen:
            self.folder.setText(chosen)

    def export(self) -> PassphraseDialog | None:
        folder = self._folder()
        if not folder or not Path(folder).is_dir():
            self.result.setText(tr("ui.exchange.export.folder.missing"))
            return None
        return self._ask(
            "ui.exchange.export.unlock",
            "ui.exchange.export.unlock.explain",
            lambda passphrase: self._run_export(passphrase, folder),
            check=self.ws.exchange.check_passphrase,
        )

    def _run_export(self, passphrase: str, folder: str) -> None:
        from cchc_desktop.workspace import Workspace

        kind, period = self.selection()
        year, path, eml, to = self.year, self.ws.path, self.eml.isChecked(), self.to.text().strip()

        def work(progress, cancelled):
            with Workspace.open(path) as own:  # never the UI's connection
                return own.exchange.export(
                    kind, year, period, folder, passphrase, eml=eml, to=to, progress=progress, cancelled=cancelled
                )

        self.job = run_job(self, tr("ui.exchange.export.running"), work, self._exported)

    def _exported(self, result) -> None:
        self.last_result = result
        self.result.setText(result.summary)
        self.ws.remember(FOLDER_SETTING, str(result.path.parent))
        self.refresh_outbox()
        self.session.saved.emit()

    def acknowledge(self) -> None:
        package_id = self.outbox.selected_key()
        if package_id is not None and self.session.call(self, lambda: self.ws.exchange.acknowledge([package_id])):
            self.refresh_outbox()
