"""``demo --db PATH``: create the demo workspace."""

from __future__ import annotations

import argparse

from cchc_desktop.cli.common import add_db
from cchc_desktop.kernel.i18n import tr


def add_commands(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("demo", help=tr("cli.demo.help"), description=tr("cli.demo.help"))
    add_db(parser, help_key="cli.demo.db")
    parser.add_argument("--year", type=int, default=None, help=tr("cli.demo.year"))
    parser.add_argument("--receiver", action="store_true", help=tr("cli.demo.receiver"))
    parser.add_argument("--province", default="42", metavar="MÃ", help=tr("cli.demo.province"))
    parser.add_argument("--units", type=_unit_count, default=30, metavar="SỐ", help=tr("cli.demo.units"))
    parser.set_defaults(handler=_demo)


def _unit_count(text: str) -> int:
    count = int(text) if text.strip().isdigit() else 0
    if not 1 <= count <= 200:
        raise argparse.ArgumentTypeError(tr("cli.demo.units.invalid", value=text))
    return count


def _demo(args: argparse.Namespace) -> int:
    if args.receiver:
        from cchc_desktop.demo.receiver import create_receiver_demo

        ws = create_receiver_demo(args.db, year=args.year, count=args.units, province=args.province.strip())
    else:
        from cchc_desktop.demo import create_demo

        ws = create_demo(args.db, year=args.year)
    try:
        print(tr("cli.demo.done", path=args.db, unit=ws.profile.get().short_name))
    finally:
        ws.close()
    return 0
