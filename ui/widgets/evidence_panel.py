"""Tài liệu kiểm chứng of one row (a criterion, a task, an indicator actual): attach, open, remove.

Files are dropped on the panel or picked with «Đính kèm…»; they are stored in the workspace.
Opening writes a temporary copy and hands it to the system's viewer. A file marked mật says,
next to its name, that it never goes into a package.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cchc_desktop.evidence.model import Evidence, format_size
from cchc_desktop.kernel.i18n import format_datetime, tr
from ui.session import Session
from ui.widgets import asking

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


def open_evidence(parent: QWidget, session: Session, evidence_id: int) -> Path | None:
    """Write a temporary copy of the file and open it with the system viewer; returns the copy."""

    def write() -> Path:
        item = session.ws.evidence.get(evidence_id)
        folder = Path(tempfile.gettempdir()) / "cchc-tai-lieu"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{item.id}-{_UNSAFE.sub('_', item.name)}"
        path.write_bytes(session.ws.evidence.read(evidence_id))
        return path

    path = session.call(parent, write)
    if path is not None:
        asking.open_url(QUrl.fromLocalFile(str(path)))
    return path


def item_text(evidence: Evidence) -> str:
    text = f"{evidence.name}\n{evidence.kind_label} · {format_size(evidence.size)}"
    return text + f" · {tr('evidence.secret.note')}" if evidence.secret else text


class EvidencePanel(QWidget):
    files_changed = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        session.ws.evidence  # noqa: B018 - registers the evidence records
        self.target: tuple[str, int] | None = None
        self.year: int | None = None
        self.read_only = True
        self.title = QLabel(tr("ui.evidence.panel.title"))
        self.title.setStyleSheet("font-weight: bold;")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.currentRowChanged.connect(self._show_selected)
        self.list.itemActivated.connect(lambda _: self.open_selected())
        self.secret = QCheckBox(tr("ui.evidence.secret"))
        self.secret.setToolTip(tr("ui.evidence.secret.tip"))
        self.secret.clicked.connect(self._set_secret)
        self.buttons = self._buttons()
        self._layout()
        self.setAcceptDrops(True)
        self.set_target(None)

    def _buttons(self) -> dict[str, QPushButton]:
        buttons = {}
        for key, slot in (
            ("attach", self.pick_and_attach),
            ("open", self.open_selected),
            ("remove", self.remove_selected),
        ):
            button = QPushButton(tr(f"ui.evidence.{key}"))
            button.setToolTip(tr(f"ui.evidence.{key}.tip"))
            button.clicked.connect(slot)
            buttons[key] = button
        return buttons

    def _layout(self) -> None:
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.secret)
        layout.addLayout(row)

    # Target ##############################################################

    def set_target(
        self, target: tuple[str, int] | None, *, read_only: bool = False, year: int | None = None, hint: str = ""
    ) -> None:
        """Show the files of (entity, row id); None shows an empty, disabled panel."""
        self.target, self.year = target, year
        self.read_only = read_only or target is None
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.reload()

    def reload(self) -> None:
        current = self.selected_id()
        self.list.clear()
        files = self.session.ws.evidence.for_row(*self.target) if self.target else []
        for evidence in files:
            item = QListWidgetItem(item_text(evidence))
            item.setData(Qt.ItemDataRole.UserRole, evidence.id)
            item.setToolTip(
                tr("ui.evidence.added", when=format_datetime(evidence.added_at), who=evidence.added_by or "—")
            )
            if evidence.secret:
                item.setForeground(QBrush(QColor("#a4262c")))
            self.list.addItem(item)
            if evidence.id == current:
                self.list.setCurrentItem(item)
        if self.target and not files:
            self.list.addItem(QListWidgetItem(tr("ui.evidence.none")))
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self.buttons["attach"].setEnabled(not self.read_only)
        self._show_selected()

    def files(self) -> list[int]:
        ids = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
        return [i for i in ids if i is not None]

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _show_selected(self, *args) -> None:
        evidence_id = self.selected_id()
        chosen = evidence_id is not None
        self.buttons["open"].setEnabled(chosen)
        self.buttons["remove"].setEnabled(chosen and not self.read_only)
        self.secret.setEnabled(chosen and not self.read_only)
        self.secret.setChecked(chosen and self.session.ws.evidence.get(evidence_id).secret)

    # Actions ############################################################

    def pick_and_attach(self) -> None:
        if self.read_only:
            return
        paths = asking.open_files(self, tr("ui.evidence.pick.title"), tr("ui.evidence.pick.filter"))
        self.attach_files(paths)

    def attach_files(self, paths: list[str]) -> int:
        """Attach each file; a refused file is explained and the others still go in."""
        if self.read_only or self.target is None:
            return 0
        entity, row_id = self.target
        attached = 0
        for path in paths:
            done = self.session.call(
                self, lambda p=path: self.session.ws.evidence.attach(entity, row_id, p, year=self.year)
            )
            attached += done is not None
        if attached:
            self.reload()
            self.files_changed.emit()
        return attached

    def open_selected(self) -> None:
        evidence_id = self.selected_id()
        if evidence_id is not None:
            open_evidence(self, self.session, evidence_id)

    def remove_selected(self) -> None:
        evidence_id = self.selected_id()
        if evidence_id is None or self.read_only:
            return
        name = self.session.ws.evidence.get(evidence_id).name
        if not asking.confirm(self, tr("ui.evidence.remove.confirm", name=name)):
            return
        if self.session.call(self, lambda: self.session.ws.evidence.remove(evidence_id), structural=True):
            self.reload()
            self.files_changed.emit()

    def _set_secret(self, checked: bool) -> None:
        evidence_id = self.selected_id()
        if (
            evidence_id is not None
            and self.session.call(self, lambda: self.session.ws.evidence.set_secret(evidence_id, checked)) is not None
        ):
            self.reload()
        else:
            self._show_selected()

    # Drag and drop ######################################################

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and not self.read_only:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.attach_files(paths)
            event.acceptProposedAction()
