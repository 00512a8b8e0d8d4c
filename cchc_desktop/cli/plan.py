"""``plan show --db PATH --year YYYY --json``: print the whole plan."""

from __future__ import annotations

import argparse

from cchc_desktop.cli.common import add_db, id_arg, open_workspace, print_json, year_arg
from cchc_desktop.kernel.errors import NotFoundError
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.plans.export import plan_to_text


def add_commands(sub: argparse._SubParsersAction) -> None:
    plan = sub.add_parser("plan", help=tr("cli.plan.help"), description=tr("cli.plan.help"))
    actions = plan.add_subparsers(dest="action", metavar="<thao tác>", parser_class=type(plan))
    show = actions.add_parser("show", help=tr("cli.plan.show.help"), description=tr("cli.plan.show.help"))
    add_db(show)
    show.add_argument("--year", type=year_arg, required=True, help=tr("cli.year.help"))
    show.add_argument("--version", type=id_arg, default=None, help=tr("cli.plan.version.help"))
    show.add_argument("--json", action="store_true", help=tr("cli.json.help"))
    show.set_defaults(handler=_show)
    plan.set_defaults(handler=lambda args: plan.print_help() or 2)


def _show(args: argparse.Namespace) -> int:

    with open_workspace(args.db) as ws:
        plan = _pick(ws, args.year, args.version)
        data = ws.plans.to_dict(plan.id)
    if args.json:
        print_json(data)
    else:
        print(plan_to_text(data))
    return 0


def _pick(ws, year: int, version: int | None):
    if version is None:
        return ws.plans.require_current(year)
    for plan in ws.plans.versions(year):
        if plan.version == version:
            return plan

    raise NotFoundError("plan.version.missing", year=year, version=version)
