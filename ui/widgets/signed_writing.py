"""Writing packages the office signs (receipts, the year's framework, an appraisal round): the office's
key must exist, its passphrase is asked, then the folder (a USB stick), and the packages are written
off the UI thread by the workspace's own connection.

Each flow names its words by a catalogue prefix: ``<prefix>.no_key``, ``.unlock``, ``.unlock.explain``,
``.folder`` and ``.running``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cchc_desktop.kernel.i18n import tr
from ui.jobs import run_job
from ui.widgets import asking

#: work(workspace, passphrase, folder, progress, cancelled) → what the job returns
SignedWork = Callable[[Any, str, str, Any, Any], Any]


def write_signed(owner: Any, prefix: str, work: SignedWork, done: Callable[[Any], None]) -> None:
    """``owner`` is a widget with ``session`` and the passphrase mixin's ``_ask``; it keeps the job."""
    ws = owner.session.ws
    if ws.exchange.key_info() is None:
        asking.inform(owner, tr(f"{prefix}.no_key"))
        return
    path = ws.path

    def with_passphrase(passphrase: str) -> None:
        folder = asking.choose_folder(owner, tr(f"{prefix}.folder"))
        if not folder:
            return

        def job(progress, cancelled):
            from cchc_desktop.workspace import Workspace

            with Workspace.open(path) as own:  # never the UI's connection
                return work(own, passphrase, folder, progress, cancelled)

        owner.job = run_job(owner, tr(f"{prefix}.running"), job, done)

    owner._ask(f"{prefix}.unlock", f"{prefix}.unlock.explain", with_passphrase, check=ws.exchange.check_passphrase)
