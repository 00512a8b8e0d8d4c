"""In / xuất: "In / xem trước…", "Lưu PDF…" and "Lưu Excel…" for the plan, report and
assessment screens.

The screen says what to print (``target()`` → year, period, plan version); the plain model
is read here, on the UI thread, through ``services.rendering``; the bytes are rendered and
written in a background job with progress and Cancel, so the window never freezes. The last
folder used is remembered in the workspace settings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QBoxLayout, QPushButton, QWidget

from cchc_desktop.kernel.i18n import tr
from ui.errors import show_error
from ui.session import Session
from ui.widgets.signing_actions import SigningActions

if TYPE_CHECKING:
    from cchc_desktop.rendering import PreparedDocument
    from ui.dialogs.print_preview import SavedDialog
    from ui.jobs import Job

FOLDER_SETTING = "documents.last_folder"
SIGNED_KINDS = ("plan", "report", "assessment")  # the documents that are signed and sent
_FILTERS = {"pdf": "ui.print.filter.pdf", "xlsx": "ui.print.filter.xlsx"}


@dataclass(frozen=True)
class DocumentTarget:
    """What a screen shows: the year, the report period's code, the plan version's id."""

    year: int
    period: str | None = None
    plan_id: int | None = None


class DocumentActions(QObject):
    """The three buttons and Ctrl+P for one screen; ``kind`` is plan, report or assessment."""

    def __init__(
        self,
        session: Session,
        screen: QWidget,
        kind: str,
        target: Callable[[], DocumentTarget | None],
        prepare: Callable[[str], PreparedDocument | None] | None = None,
    ) -> None:
        super().__init__(screen)
        self.session, self.screen, self.kind, self.target = session, screen, kind, target
        self.prepare_with = prepare  # a screen whose documents are not plan/report/assessment reads its own
        self.job: Job | None = None
        self.saved_dialog: SavedDialog | None = None
        self.buttons = {
            "preview": self._button("ui.print.preview", self.preview),
            "pdf": self._button("ui.print.save_pdf", self.save_pdf),
            "xlsx": self._button("ui.print.save_xlsx", self.save_xlsx),
        }
        self.print_action = QAction(tr("ui.print.preview"), screen)
        self.print_action.setShortcuts([QKeySequence("Ctrl+P")])
        self.print_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.print_action.triggered.connect(self.preview)
        screen.addAction(self.print_action)
        self.signing = (
            SigningActions(session, screen, kind, target) if kind in SIGNED_KINDS and prepare is None else None
        )

    def _button(self, key: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(tr(key))
        button.setToolTip(tr(f"{key}.tip"))
        button.clicked.connect(slot)
        return button

    def add_to(self, layout: QBoxLayout) -> None:
        for button in self.buttons.values():
            layout.addWidget(button)
        if self.signing is not None:
            self.signing.add_to(layout)

    def refresh(self) -> None:
        """The document on screen changed (another year, period or version): show its signed state."""
        if self.signing is not None:
            self.signing.refresh()

    def set_enabled(self, enabled: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(enabled)
        self.print_action.setEnabled(enabled)

    # Actions ############################################################

    def preview(self) -> None:
        """Render the PDF to the preview folder and open it in the system viewer (print from there)."""
        from ui.dialogs import print_preview

        prepared = self._prepare("pdf")
        if prepared is not None:
            path = print_preview.preview_path(prepared.file_name)
            self._run(prepared, path, lambda saved: print_preview.show_opened(self.screen, saved))

    def save_pdf(self) -> None:
        self._save("pdf")

    def save_xlsx(self) -> None:
        self._save("xlsx")

    def _save(self, fmt: str) -> None:
        from ui.dialogs import print_preview

        prepared = self._prepare(fmt)
        if prepared is None:
            return
        path = print_preview.ask_save_path(
            self.screen, tr("ui.print.save_title", what=prepared.title), self._suggested(prepared), tr(_FILTERS[fmt])
        )
        if path is None:
            return
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(f"{path.name}.{fmt}")
        self._remember_folder(path.parent)
        self._run(prepared, path, lambda saved: self._show_saved(saved, prepared.title))

    def _prepare(self, fmt: str) -> PreparedDocument | None:
        """Commit a field still being typed in, then read the document's model (UI thread)."""
        from cchc_desktop.rendering import prepare

        focused = QApplication.focusWidget()
        if focused is not None and hasattr(focused, "commit"):
            focused.commit()
        target = self.target()
        if target is None:
            return None
        try:
            if self.prepare_with is not None:
                return self.prepare_with(fmt)
            return prepare(self.session.ws, self.kind, fmt, target.year, target.period, plan_id=target.plan_id)
        except Exception as exc:
            show_error(self.screen, exc)
            return None

    def _run(self, prepared: PreparedDocument, path: Path, on_done: Callable[[Path], None]) -> None:
        from ui.jobs import run_job

        title = tr("ui.print.rendering", what=prepared.title)
        self.job = run_job(
            self.screen, title, lambda progress, cancelled: prepared.save(path, progress, cancelled), on_done
        )

    def _show_saved(self, path: Path, what: str) -> None:
        from ui.dialogs import print_preview

        self.saved_dialog = print_preview.SavedDialog(path, what, self.screen)
        self.saved_dialog.open()

    # The folder last used ###############################################

    def _suggested(self, prepared: PreparedDocument) -> Path:
        folder = self.session.ws.get_setting(FOLDER_SETTING)
        if not folder or not Path(folder).is_dir():
            documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            folder = documents or str(Path.home())
        return Path(folder) / prepared.file_name

    def _remember_folder(self, folder: Path) -> None:
        self.session.ws.remember(FOLDER_SETTING, str(folder))
