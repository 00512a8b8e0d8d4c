"""Gửi khung năm…: passphrase, folder, then one signed package per commune, written off the UI thread."""

from __future__ import annotations

from ui.widgets.signed_writing import write_signed


class FrameworkSending:
    """Mixed into the receiver's panel (which asks the passphrase and shows result lines)."""

    def send_framework(self) -> None:
        year = self.year
        write_signed(
            self,
            "ui.framework",
            lambda own, passphrase, folder, progress, cancelled: own.frameworks.export(
                year, folder, passphrase, progress=progress, cancelled=cancelled
            ),
            self._framework_written,
        )

    def _framework_written(self, result) -> None:
        self._say("\n".join([result.summary, *(str(p) for p in result.files)]))
        self.load(self.year)
        self.session.saved.emit()
