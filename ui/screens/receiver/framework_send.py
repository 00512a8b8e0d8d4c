"""Gửi khung năm…: passphrase, folder, then one signed package per commune, written off the UI thread."""

from __future__ import annotations

from cchc_desktop.kernel.i18n import tr
from ui.jobs import run_job
from ui.widgets import asking


class FrameworkSending:
    """Mixed into the receiver's panel (which asks the passphrase and shows result lines)."""

    def send_framework(self) -> None:
        if self.ws.exchange.key_info() is None:
            self._say(tr("ui.framework.no_key"))
            return
        self._ask(
            "ui.framework.unlock",
            "ui.framework.unlock.explain",
            self._framework_folder,
            check=self.ws.exchange.check_passphrase,
        )

    def _framework_folder(self, passphrase: str) -> None:
        folder = asking.choose_folder(self, tr("ui.framework.folder"))
        if folder:
            self.run_framework(passphrase, folder)

    def run_framework(self, passphrase: str, folder: str) -> None:
        from cchc_desktop.workspace import Workspace

        path, year = self.ws.path, self.year

        def work(progress, cancelled):
            with Workspace.open(path) as own:  # never the UI's connection
                return own.frameworks.export(year, folder, passphrase, progress=progress, cancelled=cancelled)

        self.job = run_job(self, tr("ui.framework.running"), work, self._framework_written)

    def _framework_written(self, result) -> None:
        self._say("\n".join([result.summary, *(str(p) for p in result.files)]))
        self.load(self.year)
        self.session.saved.emit()
