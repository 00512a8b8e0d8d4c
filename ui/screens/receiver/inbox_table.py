"""Gói đã nhận as a real table: sorted, searched without tone marks, replaced revisions hidden on
request, and a double-click opens the package's official PDF. Packages held until their unit's key is
enrolled (chờ xác nhận khóa) are rows too, with buttons to import them or drop them."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.exchange.held import HeldPackage
from cchc_desktop.kernel.documents.file_names import document_file_name
from cchc_desktop.kernel.errors import NotFoundError, ValidationError
from cchc_desktop.kernel.i18n import format_datetime, tr
from cchc_desktop.receiver.inbox import InboxRow
from ui.errors import show_error
from ui.models.rows_table import PAYLOAD_ROLE, RowsModel, TableCell
from ui.screens.receiver.table_screen import COLOURS, table_view
from ui.widgets import asking

COLUMNS = ("unit", "code", "what", "revision", "status", "signed", "late", "received", "signer")
WIDTHS = (170, 70, 250, 50, 150, 120, 80, 120)


class InboxTable(QWidget):
    import_held_requested = Signal()

    def __init__(self, session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = RowsModel([tr(f"ui.receiver.inbox.col.{c}") for c in COLUMNS], self)
        self.view, self.proxy = table_view(self.model, self)
        self.view.doubleClicked.connect(lambda index: self.open_document(index.data(PAYLOAD_ROLE)))
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(tr("ui.receiver.inbox.filter"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.proxy.set_text)
        self.current_only = QCheckBox(tr("ui.receiver.inbox.current_only"))
        self.current_only.toggled.connect(self._filter_current)
        self.open_button = QPushButton(tr("ui.receiver.inbox.open"))
        self.open_button.clicked.connect(lambda: self.open_document(self.selected()))
        self.import_held = QPushButton(tr("ui.receiver.inbox.import_held"))
        self.import_held.setToolTip(tr("ui.receiver.inbox.held_tip"))
        self.import_held.clicked.connect(self.import_held_requested.emit)
        self.remove_held = QPushButton(tr("ui.receiver.inbox.remove_held"))
        self.remove_held.clicked.connect(self.remove_selected_held)
        self.count = QLabel()
        self.count.setWordWrap(True)  # the held packages add a sentence: never wider than the window
        tools = QHBoxLayout()
        tools.addWidget(self.filter_box, 1)
        tools.addWidget(self.current_only)
        tools.addWidget(self.open_button)
        tools.addWidget(self.import_held)
        tools.addWidget(self.remove_held)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        for column, width in enumerate(WIDTHS):
            self.view.setColumnWidth(column, width)
        self.view.sortByColumn(COLUMNS.index("received"), Qt.SortOrder.DescendingOrder)  # newest first

    def load(self) -> None:
        rows = self.session.ws.receiver.inbox()
        held = self.session.ws.exchange.held()
        names = {(u.province_code, u.unit_code): u.full_name for u in self.session.ws.receiver.roster()}
        held_cells = [_held_cells(h, names.get(h.unit, h.unit_label)) for h in held]
        self.model.set_rows([_cells(r) for r in rows] + held_cells, [*rows, *held])
        current = sum(1 for r in rows if r.current)
        text = tr("ui.receiver.inbox.count", total=len(rows), current=current)
        self.count.setText(text + (tr("ui.receiver.inbox.held_count", count=len(held)) if held else ""))
        self.import_held.setVisible(bool(held))
        self.remove_held.setVisible(bool(held))

    def selected(self) -> InboxRow | HeldPackage | None:
        index = self.view.currentIndex()
        return index.data(PAYLOAD_ROLE) if index.isValid() else None

    def _filter_current(self, on: bool) -> None:
        self.proxy.set_test((lambda row: isinstance(row, InboxRow) and row.current) if on else None)

    def remove_selected_held(self) -> None:
        """Bỏ gói chờ khóa: the held rows selected, after the user confirms."""
        rows = {index.row() for index in self.view.selectionModel().selectedRows()}
        held = [h for h in (self.proxy.index(r, 0).data(PAYLOAD_ROLE) for r in rows) if isinstance(h, HeldPackage)]
        if not held:
            return
        question = tr("ui.receiver.inbox.remove_held.confirm", count=len(held))
        if asking.confirm(self, question):
            self.session.call(self, lambda: self.session.ws.exchange.remove_held([h.id for h in held]))
            self.load()

    def open_document(self, row: InboxRow | HeldPackage | None) -> Path | None:
        """The package's own document.pdf, written to a temporary file and opened in the PDF reader."""
        if row is None:
            return None
        if isinstance(row, HeldPackage):  # its signature is not checked: nothing of it is opened
            show_error(self, ValidationError("ui.receiver.inbox.held_not_verified", what=row.what, unit=row.unit_label))
            return None
        try:
            data = self.session.ws.exchange.received_document(row.id)
            if data is None:
                raise NotFoundError("ui.receiver.inbox.no_document", what=row.what, unit=row.unit_name)
        except Exception as exc:
            show_error(self, exc)
            return None
        name = document_file_name([row.code, row.kind, row.period or str(row.year), f"lan{row.revision}"], "pdf")
        path = Path(tempfile.mkdtemp(prefix="cchc-goi-")) / name
        path.write_bytes(data)
        asking.open_url(QUrl.fromLocalFile(str(path)))
        return path


def _cells(row: InboxRow) -> list[TableCell]:
    late = tr("ui.receiver.inbox.late", days=row.days_late) if row.days_late else ""
    status_colour = COLOURS["on_time"] if row.current and row.submitted else COLOURS["draft"] if row.current else ""
    return [
        TableCell(row.unit_name),
        TableCell(row.code),
        TableCell(row.what, (row.year, row.kind, row.period)),
        TableCell(str(row.revision), row.revision, align_right=True),
        TableCell(row.status_text, colour=status_colour),
        TableCell(format_datetime(row.created_at), row.created_at),
        TableCell(late, row.days_late or 0, colour=COLOURS["late"] if late else "", align_right=True),
        TableCell(format_datetime(row.received_at), row.received_at),
        _signer_cell(row),
    ]


def _signer_cell(row: InboxRow) -> TableCell:
    """The signer, "đã ký số" with the certificate's name when the document carries signatures, and the
    certificate that sealed the package when it was not the app's key."""
    text, colour = row.signer_name, ""
    if row.pdf_signature:
        text = tr(f"ui.receiver.inbox.pdf_{row.pdf_signature}", name=row.signer_name, signer=row.pdf_signer)
        colour = COLOURS["late"] if row.pdf_signature != "ok" else ""
    tip = tr("ui.receiver.inbox.sealed_tip", subject=row.seal_certificate) if row.seal_certificate else ""
    if row.seal_certificate:
        text = tr("ui.receiver.inbox.sealed", text=text)
    return TableCell(text, row.signer_name, colour=colour, tooltip=tip)


def _held_cells(row: HeldPackage, unit_name: str) -> list[TableCell]:
    tip = tr("ui.receiver.inbox.held_tip")
    return [
        TableCell(unit_name, tooltip=tip),
        TableCell(row.code),
        TableCell(row.what, (row.year, row.kind, row.period)),
        TableCell(str(row.revision), row.revision, align_right=True),
        TableCell(tr("ui.receiver.inbox.held"), colour=COLOURS["late"], tooltip=tip),
        TableCell(format_datetime(row.created_at[:19]), row.created_at),
        TableCell("", 0),
        TableCell(format_datetime(row.held_at[:19]), row.held_at),
        TableCell(""),
    ]
