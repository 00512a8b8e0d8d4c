"""``transfer``: move a whole workspace to another computer — export it as one file, take that file in."""

from __future__ import annotations

import argparse
from pathlib import Path

from cchc_desktop.cli.common import add_db, open_workspace
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.transfer import export_workspace, import_workspace


def add_commands(sub: argparse._SubParsersAction) -> None:
    transfer = sub.add_parser("transfer", help=tr("cli.transfer.help"), description=tr("cli.transfer.help"))
    actions = transfer.add_subparsers(dest="action", metavar="<thao tác>", parser_class=type(transfer))
    export = actions.add_parser(
        "export", help=tr("cli.transfer.export.help"), description=tr("cli.transfer.export.help")
    )
    add_db(export)
    export.add_argument("-o", "--output", required=True, metavar="TỆP.cchcws", help=tr("cli.transfer.output"))
    export.set_defaults(handler=_export)
    take = actions.add_parser("import", help=tr("cli.transfer.import.help"), description=tr("cli.transfer.import.help"))
    take.add_argument("file", metavar="TỆP.cchcws", help=tr("cli.transfer.file"))
    add_db(take, help_key="cli.transfer.target")
    take.set_defaults(handler=_import)
    transfer.set_defaults(handler=lambda args: transfer.print_help() or 2)


def _export(args: argparse.Namespace) -> int:
    with open_workspace(args.db) as ws:
        summary = export_workspace(ws, args.output)
    print(tr("cli.transfer.exported", file=args.output))
    print(summary.text)
    return 0


def _import(args: argparse.Namespace) -> int:
    summary = import_workspace(args.file, args.db)
    print(tr("cli.transfer.imported", path=str(Path(args.db))))
    print(summary.text)
    return 0
