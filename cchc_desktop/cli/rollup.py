"""``receiver rollup`` (a district: sign and write its consolidation for the province) and ``receiver
rollups`` (a province: the districts' consolidations it received, as text or JSON)."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from cchc_desktop.cli.common import add_db, open_workspace, print_json, year_arg
from cchc_desktop.cli.keys import add_passphrase, read_passphrase
from cchc_desktop.kernel.i18n import tr


def add_rollup_commands(actions) -> None:
    rollup = actions.add_parser("rollup", help=tr("cli.receiver.rollup"), description=tr("cli.receiver.rollup"))
    add_db(rollup)
    add_passphrase(rollup)
    rollup.add_argument("--year", type=year_arg, required=True, help=tr("cli.year.help"))
    rollup.add_argument("--period", required=True, metavar="KỲ", help=tr("cli.receiver.rollup.period"))
    rollup.add_argument("-o", "--output", required=True, metavar="THƯ_MỤC", help=tr("cli.receiver.rollup.out"))
    rollup.set_defaults(handler=_rollup)
    listing = actions.add_parser("rollups", help=tr("cli.receiver.rollups"), description=tr("cli.receiver.rollups"))
    add_db(listing)
    listing.add_argument("--json", action="store_true", help=tr("cli.json.help"))
    listing.set_defaults(handler=_rollups)


def _rollup(args: argparse.Namespace) -> int:
    with open_workspace(args.db) as ws:
        ws.rollup.check(args.year, args.period)  # refused before the passphrase is asked
        passphrase, _ = read_passphrase(args)
        folder = Path(args.output)
        folder.mkdir(parents=True, exist_ok=True)
        written = ws.rollup.write(args.year, args.period, folder, passphrase)
    print(written.summary)
    return 0


def _rollups(args: argparse.Namespace) -> int:
    with open_workspace(args.db) as ws:
        reports = ws.rollup.received()
    if args.json:
        print_json([dataclasses.asdict(r) for r in reports])
        return 0
    if not reports:
        print(tr("rollup.view.none"))
    for report in reports:
        print(report.label)
        for item in report.indicators:
            print(f"  {item.code or '—'} {item.text}: {item.figure_text}")
    return 0
