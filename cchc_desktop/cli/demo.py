"""``demo --db PATH``: create the demo workspace."""

from __future__ import annotations

import argparse

from cchc_desktop.cli.common import add_db
from cchc_desktop.kernel.i18n import tr


def add_commands(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("demo", help=tr("cli.demo.help"), description=tr("cli.demo.help"))
    add_db(parser, help_key="cli.demo.db")
    parser.add_argument("--year", type=int, default=None, help=tr("cli.demo.year"))
    parser.set_defaults(handler=_demo)


def _demo(args: argparse.Namespace) -> int:
    from cchc_desktop.demo import create_demo

    ws = create_demo(args.db, year=args.year)
    try:
        print(tr("cli.demo.done", path=args.db, unit=ws.profile.get().short_name))
    finally:
        ws.close()
    return 0
