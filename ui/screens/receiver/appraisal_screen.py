"""Thẩm định: pick a unit that sent its self-assessment, open a round, type the appraised scores and
comments where the office disagrees, print the notice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from cchc_desktop.kernel.i18n import format_date, format_number, tr
from cchc_desktop.receiver.appraisal import Candidate
from ui.dialogs.passphrase_dialog import AsksPassphrase
from ui.models.rows_table import PAYLOAD_ROLE, RowsModel, TableCell
from ui.screens.receiver.appraisal_table import AppraisalModel, AppraisalTable
from ui.screens.receiver.table_screen import COLOURS, table_view
from ui.session import Session
from ui.widgets import asking
from ui.widgets.document_actions import DocumentActions, DocumentTarget
from ui.widgets.problems_panel import ProblemsPanel
from ui.widgets.signed_writing import write_signed

STATE_COLOURS = {"none": "pending", "open": "draft", "sent": "on_time", "resubmitted": "late", "draft_only": "pending"}


class AppraisalScreen(AsksPassphrase, QWidget):
    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.year = 0
        self.candidate: Candidate | None = None
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.units = RowsModel([tr(f"ui.receiver.appraisal.col.{k}") for k in ("unit", "self", "state")], self)
        self.units_view, self.units_proxy = table_view(self.units, self)
        self.units_view.selectionModel().currentRowChanged.connect(lambda current, _: self._select(current))
        self.buttons = {key: QPushButton(tr(f"ui.receiver.appraisal.{key}")) for key in ("start", "delete", "send")}
        self.buttons["start"].clicked.connect(self.start)
        self.buttons["delete"].clicked.connect(self.delete)
        self.buttons["send"].clicked.connect(self.send)
        self.buttons["send"].setToolTip(tr("ui.receiver.appraisal.send.tip"))
        self.round_label = QLabel()
        self.round_label.setWordWrap(True)
        self.model = AppraisalModel(session, self)
        self.table = AppraisalTable(self.model, self)
        self.problems = ProblemsPanel(self)
        self.problems.activated.connect(lambda p: self.table.show_score(p.row_id, p.field))
        self.documents = DocumentActions(session, self, "appraisal", self._target, self._prepare)
        self._layout()
        session.changed.connect(lambda _: self.isVisible() and self.year and self.load())

    def _layout(self) -> None:
        top = QHBoxLayout()  # the buttons under the heading: one line does not hold both at 1366 px
        top.addStretch(1)
        for button in self.buttons.values():
            top.addWidget(button)
        self.documents.add_to(top)
        lines = QSplitter(Qt.Orientation.Vertical)
        lines.addWidget(self.table)
        lines.addWidget(self.problems)
        lines.setSizes([440, 90])
        right = QWidget()
        box = QVBoxLayout(right)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.round_label)
        box.addWidget(lines, 1)
        splitter = QSplitter()
        splitter.addWidget(self.units_view)
        splitter.addWidget(right)
        splitter.setSizes([330, 790])  # unit names such as «Phường Bắc Hồng Lĩnh» whole
        self.units_view.setColumnWidth(0, 160)
        self.units_view.setColumnWidth(1, 64)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def set_year(self, year: int) -> None:
        self.year = year
        self.heading.setText(tr("ui.receiver.appraisal.heading", year=year))
        self.load()

    def load(self) -> None:
        candidates = self.session.ws.appraisals.candidates(self.year)
        self.units.set_rows([self._cells(c) for c in candidates], candidates)
        row = _row_to_show(candidates, self.candidate)
        if row >= 0:
            self.units_view.selectRow(self.units_proxy.mapFromSource(self.units.index(row, 0)).row())
        self._show(candidates[row] if row >= 0 else None)

    @staticmethod
    def _cells(candidate: Candidate) -> list[TableCell]:
        state = _state_text(candidate)
        colour = COLOURS[STATE_COLOURS[candidate.state]]
        total = candidate.self_total
        return [
            TableCell(candidate.name),
            TableCell(format_number(total) if total is not None else "", total or 0, align_right=True),
            TableCell(state, colour=colour),
        ]

    def _select(self, index) -> None:
        candidate = index.data(PAYLOAD_ROLE) if index.isValid() else None
        if candidate is not None and candidate != self.candidate:
            self._show(candidate)

    def _show(self, candidate: Candidate | None) -> None:
        self.candidate = candidate
        last = candidate.last if candidate else None
        view = self.session.ws.appraisals.view(last.id) if last else None
        self.model.set_view(view)
        self.table.resizeRowsToContents()
        self.problems.set_problems(view.problems() if view and view.appraisal.editable_now else [])
        self.buttons["start"].setEnabled(candidate is not None and candidate.state in ("none", "resubmitted"))
        self.buttons["delete"].setEnabled(last is not None and last.editable_now)
        self.buttons["send"].setEnabled(last is not None and last.editable_now)
        self.documents.set_enabled(view is not None)
        self.round_label.setText(_round_text(candidate, view) if candidate else tr("ui.receiver.appraisal.none_sent"))

    def _target(self) -> DocumentTarget | None:
        return DocumentTarget(self.year) if self.model.view else None

    def _prepare(self, fmt: str):
        view = self.model.view
        return self.session.ws.appraisals.prepare(view.appraisal.id, fmt) if view else None

    def start(self) -> None:
        candidate = self.candidate
        if candidate is None:
            return
        appraisals = self.session.ws.appraisals
        started = self.session.call(
            self,
            lambda: appraisals.start(candidate.province_code, candidate.unit_code, self.year),
            structural=True,
        )
        if started is not None:
            self.load()

    def delete(self) -> None:
        last = self.candidate.last if self.candidate else None
        if last is None or not asking.confirm(
            self, tr("ui.receiver.appraisal.delete.confirm", round=last.round, unit=self.candidate.name)
        ):
            return
        if self.session.call(self, lambda: self.session.ws.appraisals.delete(last.id), structural=True):
            self.load()

    # Sending ############################################################

    def send(self) -> None:
        """Gửi kết quả cho đơn vị: what is left to fix is said first; then passphrase, folder, a job."""
        last = self.candidate.last if self.candidate else None
        view = self.model.view
        if last is None or view is None:
            return
        if view.problems():
            asking.inform(self, tr("receiver.appraisal.has_problems", count=len(view.problems())))
            return
        write_signed(
            self,
            "ui.receiver.appraisal.send",
            lambda own, passphrase, folder, progress, cancelled: own.appraisals.send(
                last.id, folder, passphrase, progress=progress, cancelled=cancelled
            ),
            self._sent,
        )

    def _sent(self, result) -> None:
        self.session.ws.history.clear()  # the round is the unit's now: nothing of it to undo here
        self.session.history_changed.emit()
        self.load()
        self.session.saved.emit()
        asking.inform(self, f"{result.summary}\n{result.path}")


def _row_to_show(candidates: list[Candidate], shown: Candidate | None) -> int:
    """The unit shown before, else the first that needs the office: a round open, a new submission."""
    if shown is not None:
        keep = (shown.province_code, shown.unit_code)
        for row, candidate in enumerate(candidates):
            if (candidate.province_code, candidate.unit_code) == keep:
                return row
    for state in ("open", "resubmitted", "none"):
        for row, candidate in enumerate(candidates):
            if candidate.state == state:
                return row
    return 0 if candidates else -1


def _state_text(candidate: Candidate) -> str:
    last = candidate.last
    rounds = last.round if last else 0
    return tr(f"ui.receiver.appraisal.state.{candidate.state}", round=rounds, next=rounds + 1)


def _round_text(candidate: Candidate, view) -> str:
    if view is None or candidate.state == "resubmitted":
        total = format_number(candidate.self_total) if candidate.self_total is not None else "—"
        return tr(f"ui.receiver.appraisal.what_next.{candidate.state}", unit=candidate.name, total=total)
    appraisal = view.appraisal
    status = (
        tr("ui.receiver.appraisal.round.sent", date=format_date(appraisal.sent_at))
        if appraisal.sent_at
        else tr("ui.receiver.appraisal.round.draft")
    )
    return tr(
        "ui.receiver.appraisal.round",
        unit=candidate.name,
        round=appraisal.round,
        status=status,
        own=format_number(view.self_total),
        appraised=format_number(view.appraised_total),
        changed=view.changed,
    )
