"""``backup``: the rotating set of backups beside the file — list what each holds, back up now, restore,
set how many are kept."""

from __future__ import annotations

import argparse
from pathlib import Path

from cchc_desktop.backup_preview import BackupPreview, previews
from cchc_desktop.cli.common import add_db, open_workspace, print_json
from cchc_desktop.kernel.errors import WorkspaceError
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.workspace import Workspace


def add_commands(sub: argparse._SubParsersAction) -> None:
    backup = sub.add_parser("backup", help=tr("cli.backup.help"), description=tr("cli.backup.help"))
    actions = backup.add_subparsers(dest="action", metavar="<thao tác>", parser_class=type(backup))
    listing = _command(actions, "list", "cli.backup.list.help", _list)
    listing.add_argument("--json", action="store_true", help=tr("cli.json.help"))
    _command(actions, "now", "cli.backup.now.help", _now)
    restore = _command(actions, "restore", "cli.backup.restore.help", _restore)
    restore.add_argument("which", metavar="BẢN_SAO_LƯU", help=tr("cli.backup.restore.which"))
    keep = _command(actions, "keep", "cli.backup.keep.help", _keep)
    keep.add_argument("count", type=int, metavar="SỐ_BẢN", help=tr("cli.backup.keep.count"))
    backup.set_defaults(handler=lambda args: backup.print_help() or 2)


def _command(actions, name: str, help_key: str, handler) -> argparse.ArgumentParser:
    parser = actions.add_parser(name, help=tr(help_key), description=tr(help_key))
    add_db(parser)
    parser.set_defaults(handler=handler)
    return parser


def _state(item: BackupPreview) -> str:
    return tr("backup.state.damaged" if not item.intact else "backup.state.newer" if item.newer else "backup.state.ok")


def _list(args: argparse.Namespace) -> int:
    with open_workspace(args.db) as ws:
        items = previews(ws)
        folder = ws.path.parent / "backups"
    if args.json:
        print_json([_as_dict(index, item) for index, item in enumerate(items, 1)])
        return 0
    if not items:
        print(tr("cli.backup.none", folder=str(folder)))
    for index, item in enumerate(items, 1):
        print(
            tr(
                "cli.backup.line",
                index=index,
                when=item.when,
                reason=item.reason_text,
                state=_state(item),
                unit=item.unit_text,
                years=item.years_text,
                change=item.last_change_text,
                size=item.size_text,
                file=item.path.name,
            )
        )
    return 0


def _as_dict(index: int, item: BackupPreview) -> dict:
    change = item.last_change
    last = None if change is None else {"at": change.at, "actor": change.actor, "text": item.last_change_text}
    return {
        "index": index,
        "file": str(item.path),
        "made_at": item.made_at.isoformat(),
        "reason": item.reason,
        "intact": item.intact,
        "newer": item.newer,
        "unit": item.unit,
        "years": item.years,
        "last_change": last,
        "size": item.size,
    }


def _now(args: argparse.Namespace) -> int:
    with open_workspace(args.db) as ws:
        made = ws.backups.before("manual")
    print(tr("cli.backup.made", file=str(made)))
    return 0


def chosen_backup(ws: Workspace, which: str) -> Path:
    """A backup named by its file name (or path) or by its number in the list (#1: the newest)."""
    listed = ws.backups.list()
    text = which.strip()
    if text.startswith("#") and text[1:].isdigit():
        index = int(text[1:])
        if 1 <= index <= len(listed):
            return listed[index - 1].path
    else:
        name = Path(text).name
        for backup in listed:
            if backup.path.name == name:
                return backup.path
    raise WorkspaceError("cli.backup.which.unknown", which=which)


def _restore(args: argparse.Namespace) -> int:
    with open_workspace(args.db) as ws:
        restored = ws.backups.restore(chosen_backup(ws, args.which))
    print(tr("cli.backup.restored", file=Path(args.db).name, source=restored.source.name, before=str(restored.before)))
    return 0


def _keep(args: argparse.Namespace) -> int:
    with open_workspace(args.db) as ws:
        keep = ws.backups.set_keep(args.count)
    print(tr("cli.backup.kept", keep=keep))
    return 0
