"""``report show --db PATH --year YYYY --period Q1|H1|Q3|Y|<mã kỳ> [--json]``: one period and its report."""

from __future__ import annotations

import argparse

from cchc_desktop.cli.common import add_db, open_workspace, print_json, year_arg
from cchc_desktop.kernel.i18n import tr


def add_commands(sub: argparse._SubParsersAction) -> None:
    report = sub.add_parser("report", help=tr("cli.report.help"), description=tr("cli.report.help"))
    actions = report.add_subparsers(dest="action", metavar="<thao tác>", parser_class=type(report))
    show = actions.add_parser("show", help=tr("cli.report.show.help"), description=tr("cli.report.show.help"))
    add_db(show)
    show.add_argument("--year", type=year_arg, required=True, help=tr("cli.year.help"))
    show.add_argument("--period", required=True, metavar="KỲ", help=tr("cli.report.period.help"))
    show.add_argument("--json", action="store_true", help=tr("cli.json.help"))
    show.set_defaults(handler=_show)
    report.set_defaults(handler=lambda args: report.print_help() or 2)


def _show(args: argparse.Namespace) -> int:
    from cchc_desktop.reports.export import report_to_text

    with open_workspace(args.db) as ws:
        data = ws.reports.to_dict(args.year, args.period)
    if args.json:
        print_json(data)
    else:
        print(report_to_text(data))
    return 0
