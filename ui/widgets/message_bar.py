"""A non-modal message bar at the top of the window: errors that must not interrupt typing."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton

from cchc_desktop.kernel.i18n import tr


class MessageBar(QFrame):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setStyleSheet("#messageBar { background: #fff4ce; border: 1px solid #e0b400; border-radius: 3px; }")
        self.label = QLabel()
        self.label.setWordWrap(True)
        close = QToolButton()
        close.setText("✕")
        close.setToolTip(tr("ui.close"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.hide()

    def show_message(self, message: str) -> None:
        from PySide6.QtCore import Qt  # the Qt namespace is costly to load; not needed at start-up

        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setText(message)
        self.show()

    @property
    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""
