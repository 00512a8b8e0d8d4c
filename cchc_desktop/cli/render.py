"""``render pdf|xlsx --db PATH --doc plan|report|assessment --year YYYY [--period Q1] -o OUT``.

Prints a document to a file, written atomically (temporary file, then rename). Errors (no
plan for the year, no report for the period, unknown period) exit 2 with one Vietnamese line.
"""

from __future__ import annotations

import argparse

from cchc_desktop.cli.common import add_db, open_workspace, year_arg
from cchc_desktop.kernel.i18n import format_number, tr

DOCS = ("plan", "report", "assessment")


def add_commands(sub: argparse._SubParsersAction) -> None:
    render = sub.add_parser("render", help=tr("cli.render.help"), description=tr("cli.render.help"))
    formats = render.add_subparsers(dest="format", metavar="<định dạng>", parser_class=type(render))
    for fmt in ("pdf", "xlsx"):
        help_text = tr(f"cli.render.{fmt}.help")
        command = formats.add_parser(fmt, help=help_text, description=help_text)
        add_db(command)
        command.add_argument("--doc", required=True, choices=DOCS, help=tr("cli.render.doc.help"))
        command.add_argument("--year", type=year_arg, required=True, help=tr("cli.year.help"))
        command.add_argument("--period", metavar="KỲ", default=None, help=tr("cli.render.period.help"))
        command.add_argument("-o", "--output", metavar="OUT", required=True, help=tr("cli.render.out.help"))
        command.add_argument("--draft", action="store_true", help=tr("cli.render.draft.help"))
        command.set_defaults(handler=_render, fmt=fmt)
    render.set_defaults(handler=lambda args: render.print_help() or 2)


def _render(args: argparse.Namespace) -> int:
    from cchc_desktop.rendering import prepare

    with open_workspace(args.db) as ws:
        prepared = prepare(ws, args.doc, args.fmt, args.year, args.period, draft_mark=args.draft)
    path = prepared.save(args.output)
    size = format_number(max(1, round(path.stat().st_size / 1024)))
    print(tr("cli.render.done", path=str(path), size=size))
    return 0
