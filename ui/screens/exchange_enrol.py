"""Khóa của các đơn vị gửi (nơi nhận): enrolling one key (a file, a card or pasted text) or a province's
worth at once (files, a folder or a USB stick, read off the UI thread, then the batch table), revoking
a key, and importing the packages held until their unit's key was enrolled (chờ xác nhận khóa).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QInputDialog

from cchc_desktop.kernel.errors import CchcError
from cchc_desktop.kernel.i18n import tr
from ui.dialogs.enrol_dialog import EnrolDialog
from ui.dialogs.key_batch_dialog import KeyBatchDialog
from ui.errors import show_error
from ui.jobs import run_job
from ui.widgets import asking


def read_keys_work(db_path: Path, paths: list[Path]):
    """Reading the cards and key files, on a worker thread, with its own connection to the file."""
    from cchc_desktop.workspace import Workspace

    def work(progress, cancelled):
        with Workspace.open(db_path) as own:
            return own.receiver.read_key_files(paths)

    return work


def held_work(db_path: Path, units: list[tuple[str, str]] | None):
    from cchc_desktop.workspace import Workspace

    def work(progress, cancelled):
        with Workspace.open(db_path) as own:
            return own.exchange.import_held(units, progress=progress, cancelled=cancelled)

    return work


class SenderKeys:
    """Mixed into the receiver's panel, which has ``session``, ``ws``, ``job``, ``dialog``, ``senders``,
    ``results``, ``tabs``, ``load()`` and ``_imported(batch)``."""

    # Many keys ##########################################################

    def choose_key_files(self) -> None:
        chosen = asking.open_files(self, tr("ui.keys.enrol_files"), tr("ui.keys.files_filter"))
        if chosen:
            self.enrol_batch_from([Path(p) for p in chosen])

    def choose_key_folder(self) -> None:
        chosen = asking.choose_folder(self, tr("ui.keys.enrol_folder"), str(Path.home()))
        if chosen:
            self.enrol_batch_from([Path(chosen)])

    def enrol_batch_from(self, paths: list[Path]) -> None:
        """Read the keys off the UI thread (a stick of 170 cards), then the batch table."""
        self.job = run_job(self, tr("ui.keys.reading"), read_keys_work(self.ws.path, paths), self._batch)

    def _batch(self, candidates) -> None:
        if not candidates:
            self._say(tr("ui.keys.batch.nothing"))
            return
        self.dialog = dialog = KeyBatchDialog(self, candidates)
        dialog.enrol_requested.connect(lambda choices: self._enrol_batch(dialog, choices))
        dialog.single_requested.connect(lambda path: self.enrol_from(Path(path)))
        dialog.open()

    def _enrol_batch(self, dialog: KeyBatchDialog, choices) -> None:
        """All confirmed rows in one call (one transaction), then the held packages of those units."""
        result = self.session.call(dialog, lambda: self.ws.receiver.enrol_keys(choices))
        if result is None:
            return
        dialog.accept()
        self.load()
        lines = [tr("cli.keys.enrolled", sender=k.sender_label, fingerprint=k.fingerprint) for k in result.enrolled]
        self._say("\n".join([result.summary, *lines]))
        if result.held and asking.confirm(
            self, tr("ui.keys.batch.done_held", summary=result.summary, count=result.held_total)
        ):
            self.import_held(list(result.held))

    # One key ############################################################

    def paste_key(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self, tr("ui.exchange.senders.paste"), tr("ui.exchange.senders.paste.prompt")
        )
        if ok and text.strip():
            self.enrol_from(text.encode("utf-8"))

    def enrol_from(self, source: Path | bytes) -> EnrolDialog | None:
        """The enrolment dialog for a .pub.pem or a card, or for pasted PEM text."""
        try:
            pub = self.ws.exchange.read_public_key(source)
        except CchcError as exc:
            show_error(self, exc)
            return None
        known = pub.identity is not None and self.ws.exchange.has_active_key(pub.identity)
        self.dialog = EnrolDialog(self, pub, already_enrolled=known)
        self.dialog.accepted.connect(lambda d=self.dialog: self._enrol(d))
        self.dialog.open()
        return self.dialog

    def _enrol(self, dialog: EnrolDialog) -> None:
        exchange = self.ws.exchange
        key = self.session.call(
            self,
            lambda: exchange.enrol(
                dialog.pub, dialog.pub.fingerprint, dialog.identity(), revoke_old=dialog.revoke_old.isChecked()
            ),
        )
        self.load()
        unit = [(key.province_code, key.unit_code)] if key is not None else []
        held = exchange.held(unit) if unit else []
        if held and asking.confirm(self, tr("ui.keys.held_after_enrol", unit=key.sender_label, count=len(held))):
            self.import_held(unit)

    def revoke(self) -> None:
        key_id = self.senders.selected_key()
        if key_id is not None and asking.confirm(self, tr("ui.exchange.senders.revoke.confirm")):
            self.session.call(self, lambda: self.ws.exchange.revoke(int(key_id)))
            self.load()

    # Held packages ######################################################

    def import_held(self, units: list[tuple[str, str]] | None = None) -> None:
        """Nhập các gói đang giữ (of ``units``, else all), in the background; results as after an import."""
        self.job = run_job(self, tr("ui.keys.held.importing"), held_work(self.ws.path, units), self._imported)
