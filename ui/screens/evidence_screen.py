"""Tài liệu kiểm chứng của năm: every file, what it is attached to, its type, size and mật flag."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from cchc_desktop.audit.labels import entity_label
from cchc_desktop.evidence.model import MIB, format_size
from cchc_desktop.kernel.i18n import format_datetime, format_number, tr
from ui.models.record_table import Column, RecordTableModel
from ui.session import Session
from ui.widgets import asking
from ui.widgets.evidence_panel import open_evidence
from ui.widgets.grid import FilterProxy, GridView


class EvidenceScreen(QWidget):
    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        session.ws.evidence  # noqa: B018 - registers the evidence records
        self.year = 0
        self.targets: dict[int, str] = {}
        self.model = RecordTableModel(session, "evidence", self._columns(), self)
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = GridView(self)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.model.view_widget = self.view
        for i, column in enumerate(self.model.columns):
            self.view.setColumnWidth(i, column.width)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.filter_box = QLineEdit()
        self.filter_box.setPlaceholderText(tr("ui.grid.filter.placeholder"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self.proxy.set_query)
        self.limit = QLineEdit()
        self.limit.setMaximumWidth(70)
        self.limit.editingFinished.connect(self._set_limit)
        self.buttons = {key: QPushButton(tr(f"ui.evidence.{key}")) for key in ("attach", "open", "remove")}
        self._layout()
        self._connect()

    def _columns(self) -> list[Column]:
        return [
            Column("name", 250),
            Column(
                "row_id",
                330,
                editable=False,
                title=tr("evidence.col.target"),
                display=lambda r: self.targets.get(r.id, ""),
            ),
            Column("extension", 140, editable=False, title=tr("evidence.col.kind"), display=lambda r: r.kind_label),
            Column(
                "size",
                90,
                editable=False,
                title=tr("evidence.col.size"),
                display=lambda r: format_size(r.size),
                sort_key=lambda r: r.size,
            ),
            Column("secret", 200, choices=[(False, tr("common.no")), (True, tr("evidence.secret.note"))]),
            Column("doc_ref", 170),
            Column(
                "added_at",
                130,
                editable=False,
                title=tr("evidence.col.added"),
                display=lambda r: format_datetime(r.added_at),
                sort_key=lambda r: r.added_at,
            ),
            Column("added_by", 150, editable=False, title=tr("evidence.col.added_by")),
            Column("note", 220),
        ]

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        for button in self.buttons.values():
            top.addWidget(button)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("ui.grid.filter")))
        bar.addWidget(self.filter_box, 1)
        bar.addWidget(QLabel(tr("ui.evidence.limit")))
        bar.addWidget(self.limit)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    def _connect(self) -> None:
        self.buttons["attach"].clicked.connect(self.attach)
        self.buttons["open"].clicked.connect(self.open_selected)
        self.buttons["remove"].clicked.connect(self.remove_selected)
        self.view.add_requested.connect(lambda _: self.attach())
        self.view.delete_requested.connect(self._remove)
        self.session.changed.connect(self._on_changed)

    # Loading ############################################################

    def set_year(self, year: int) -> None:
        self.year = year
        self.reload()

    def reload(self) -> None:
        ws = self.session.ws
        items = ws.evidence.for_year(self.year)
        self.targets = {item.evidence.id: item.target for item in items}
        self.model.set_records([item.evidence for item in items], None, False)
        self.heading.setText(tr("ui.evidence.heading", year=self.year))
        secret = sum(1 for item in items if item.evidence.secret)
        self.summary.setText(
            tr(
                "ui.evidence.summary",
                count=len(items),
                secret=secret,
                size=format_size(sum(item.evidence.size for item in items)),
            )
        )
        self.limit.setText(format_number(round(ws.evidence.max_bytes() / MIB, 1)))

    def _on_changed(self, changes) -> None:
        if self.year and self.isVisible():
            self.reload()

    def selected_ids(self) -> list[int]:
        return [self.model.record(row).id for row in self.view.selected_source_rows()]

    # Actions ############################################################

    def attach(self) -> None:
        """Pick what to attach to (a criterion, a task…), then the files."""
        targets = self.session.ws.evidence.targets(self.year)
        labels = [f"{entity_label(entity)}: {label}" for entity, _, label in targets]
        chosen = asking.choose(self, tr("ui.evidence.target.title"), tr("ui.evidence.target.prompt"), labels)
        if chosen is None:
            return
        entity, row_id, _ = targets[chosen]
        for path in asking.open_files(self, tr("ui.evidence.pick.title"), tr("ui.evidence.pick.filter")):
            self.session.call(self, lambda p=path: self.session.ws.evidence.attach(entity, row_id, p, year=self.year))
        self.reload()

    def open_selected(self) -> None:
        for evidence_id in self.selected_ids()[:5]:
            open_evidence(self, self.session, evidence_id)

    def remove_selected(self) -> None:
        self._remove(self.selected_ids())

    def _remove(self, ids: list[int]) -> None:
        if not ids:
            return
        names = ", ".join(self.session.ws.evidence.get(i).name for i in ids[:3]) + (" …" if len(ids) > 3 else "")
        if not asking.confirm(self, tr("ui.evidence.remove.confirm", name=names)):
            return
        for evidence_id in ids:
            self.session.call(self, lambda e=evidence_id: self.session.ws.evidence.remove(e), structural=True)
        self.reload()

    def _set_limit(self) -> None:
        text = self.limit.text()
        if text == format_number(round(self.session.ws.evidence.max_bytes() / MIB, 1)):
            return
        if self.session.call(self, lambda: self.session.ws.evidence.set_max_mb(text)) is None:
            self.limit.setText(format_number(round(self.session.ws.evidence.max_bytes() / MIB, 1)))
