"""Nhận gói (nơi nhận): enrolled senders, importing files or folders (chosen or dropped) with a preview
first, one result line per package, the packages received (and those held until their unit's key is
enrolled), and rolling an import back by name. Enrolling keys is ``exchange_enrol``'s part."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.kernel.i18n import format_datetime, tr
from cchc_desktop.receiver.inbox import InboxRow
from ui.dialogs.passphrase_dialog import AsksPassphrase
from ui.screens.exchange_enrol import SenderKeys
from ui.screens.exchange_import import PackageImport
from ui.screens.exchange_key import KeyBox
from ui.screens.exchange_tables import ReadOnlyTable
from ui.screens.exchange_trust import TrustPage
from ui.screens.receiver.district_page import DistrictPage
from ui.screens.receiver.framework_page import FrameworkPage
from ui.screens.receiver.framework_send import FrameworkSending
from ui.screens.receiver.inbox_table import InboxTable
from ui.screens.receiver.rollup_actions import RollupActions
from ui.widgets.signed_writing import write_signed


class ReceiverPanel(AsksPassphrase, PackageImport, SenderKeys, FrameworkSending, RollupActions, QWidget):
    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.dialog = None  # the dialog open now (tests drive it)
        self.job = None
        self.last_batch = None
        self.year = 0
        self.setAcceptDrops(True)
        # A district sends its consolidation up (its own tab); a province reads those it received.
        self.rollup_button = QPushButton(tr("ui.rollup.button"))
        self.rollup_button.setToolTip(tr("ui.rollup.tip"))
        self.rollup_button.clicked.connect(self.send_rollup)
        self.inbox = InboxTable(session, self)
        self.inbox.import_held_requested.connect(lambda: self.import_held(None))
        self.tabs = QTabWidget()
        self.tabs.addTab(self.inbox, tr("ui.receiver.inbox.tab"))
        self.tabs.addTab(self._results_page(), tr("ui.exchange.import.results"))
        self.tabs.addTab(self._senders_page(), tr("ui.exchange.senders.box"))
        self.trust = TrustPage(session, self)
        self.tabs.addTab(self.trust, tr("ui.exchange.trust.tab"))
        self.tabs.addTab(self._log_page(), tr("ui.exchange.log.box"))
        self.framework = FrameworkPage(session, self.send_framework, self)
        self.tabs.addTab(self.framework, tr("ui.framework.tab"))
        self.district = DistrictPage(session, self.rollup_button, self.choose_files, self)
        self.tabs.addTab(self.district, tr("ui.rollup.tab"))
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
        self.key = KeyBox(self.session, self._ask, self._say, lambda: "", can_rotate=False)
        self.senders = ReadOnlyTable(
            [tr(f"ui.exchange.senders.col.{c}") for c in ("unit", "code", "fingerprint", "status", "source", "since")]
        )
        enrol = QPushButton(tr("ui.keys.enrol_files"))
        enrol.clicked.connect(self.choose_key_files)
        folder = QPushButton(tr("ui.keys.enrol_folder"))
        folder.clicked.connect(self.choose_key_folder)
        paste = QPushButton(tr("ui.exchange.senders.paste"))
        paste.clicked.connect(self.paste_key)
        revoke = QPushButton(tr("ui.exchange.senders.revoke"))
        revoke.clicked.connect(self.revoke)
        layout = QVBoxLayout(page)
        layout.addWidget(self.key)
        layout.addWidget(self.senders, 1)
        layout.addLayout(self._buttons(enrol, folder, paste, revoke))
        return page

    def _import_row(self) -> QHBoxLayout:
        files = QPushButton(tr("ui.exchange.import.files"))
        files.clicked.connect(self.choose_files)
        folder = QPushButton(tr("ui.exchange.import.folder"))
        folder.clicked.connect(self.choose_folder)
        hint = QLabel(tr("ui.exchange.import.drop"))
        hint.setStyleSheet("border: 2px dashed #9cc3e6; padding: 4px 8px; color: #35577a;")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)  # the hint gives way to the buttons on a narrow screen, not the other way
        self.receipts_button = QPushButton(tr("ui.exchange.receipts.button"))
        self.receipts_button.setToolTip(tr("ui.exchange.receipts.tip"))
        self.receipts_button.clicked.connect(self.write_receipts)
        self.rollups_button = QPushButton(tr("ui.rollup.view.button"))
        self.rollups_button.clicked.connect(self.open_rollups)
        row = QHBoxLayout()
        row.addWidget(files)
        row.addWidget(folder)
        row.addWidget(hint, 1)
        row.addWidget(self.receipts_button)
        row.addWidget(self.rollups_button)
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
        self.year = year or self.year
        if self.year:
            self.framework.load(self.year)
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
        self.trust.load()
        self.key.refresh()
        profile = self.ws.profile.get()
        self.tabs.setTabVisible(self.tabs.indexOf(self.district), profile.is_district)
        if profile.is_district:
            self.district.load()
        received = {r.kind for r in self.inbox.model.payloads if isinstance(r, InboxRow)}
        self.rollups_button.setVisible(profile.receiver_level == "tinh" and "consolidation" in received)
        due = len(self.ws.receipts.due())
        self.receipts_button.setEnabled(due > 0)
        self.receipts_button.setText(
            tr("ui.exchange.receipts.button.count", count=due) if due else tr("ui.exchange.receipts.button")
        )
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

    # Import #############################################################

    def _imported(self, batch) -> None:
        self.last_batch = batch
        self.results.clear()
        self.results.addItems([o.line for o in batch.outcomes] + [batch.summary])
        if batch.backup_file is not None:
            self.results.addItem(tr("exchange.import.backup", file=str(batch.backup_file)))
        self.load()
        self.tabs.setCurrentWidget(self.results)
        self.session.saved.emit()

    # Receipts ###########################################################

    def _say(self, text: str) -> None:
        self.results.clear()
        self.results.addItems(text.split("\n"))
        self.tabs.setCurrentWidget(self.results)

    def write_receipts(self) -> None:
        """Biên nhận for every unit that sent something since its last one: passphrase, folder, then a job."""
        write_signed(
            self,
            "ui.exchange.receipts",
            lambda own, passphrase, folder, progress, cancelled: own.receipts.write(
                folder, passphrase, progress=progress, cancelled=cancelled
            ),
            self._receipts_written,
        )

    def _receipts_written(self, result) -> None:
        self._say("\n".join([result.summary, *(str(p) for p in result.files)]))
        self.load()
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
