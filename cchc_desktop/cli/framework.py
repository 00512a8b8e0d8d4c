"""``framework``: the receiving unit sends the year's framework to its communes (khung năm).

``framework export`` writes one signed package per commune whose key the office enrolled into the
folder given; a year whose framework was never prepared is prepared from the app's default first.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cchc_desktop.cli.common import add_db, open_workspace, year_arg
from cchc_desktop.cli.keys import add_passphrase, read_passphrase
from cchc_desktop.kernel.i18n import tr


def add_commands(sub: argparse._SubParsersAction) -> None:
    group = sub.add_parser("framework", help=tr("cli.framework.help"), description=tr("cli.framework.help"))
    actions = group.add_subparsers(dest="action", metavar="<thao tác>", parser_class=type(group))
    export = actions.add_parser(
        "export", help=tr("cli.framework.export.help"), description=tr("cli.framework.export.help")
    )
    add_db(export)
    export.add_argument("--year", type=year_arg, required=True, help=tr("cli.year.help"))
    export.add_argument("-o", "--output", required=True, metavar="THƯ_MỤC", help=tr("cli.framework.output"))
    add_passphrase(export)
    export.set_defaults(handler=_export)
    group.set_defaults(handler=lambda args: group.print_help() or 2)


def _export(args: argparse.Namespace) -> int:
    folder = Path(args.output)
    with open_workspace(args.db) as ws:
        frameworks = ws.frameworks
        if frameworks.get(args.year) is None:
            frameworks.prepare(args.year)
            print(tr("cli.framework.prepared", year=args.year))
        passphrase, _ = read_passphrase(args)
        folder.mkdir(parents=True, exist_ok=True)
        result = frameworks.export(args.year, folder, passphrase)
    for path in result.files:
        print(path)
    print(result.summary)
    return 0
