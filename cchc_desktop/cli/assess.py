"""``assess show`` and ``assess import-criteria``: the index self-assessment from the command line."""

from __future__ import annotations

import argparse

from cchc_desktop.assessment.catalogue import CatalogueImportError
from cchc_desktop.assessment.export import assessment_to_dict, assessment_to_text
from cchc_desktop.assessment.service import CatalogueWouldDropError
from cchc_desktop.cli.common import add_db, fail, open_workspace, print_json, year_arg
from cchc_desktop.kernel.i18n import tr


def add_commands(sub: argparse._SubParsersAction) -> None:
    assess = sub.add_parser("assess", help=tr("cli.assess.help"), description=tr("cli.assess.help"))
    actions = assess.add_subparsers(dest="action", metavar="<thao tác>", parser_class=type(assess))
    show = actions.add_parser("show", help=tr("cli.assess.show.help"), description=tr("cli.assess.show.help"))
    add_db(show)
    show.add_argument("--year", type=year_arg, required=True, help=tr("cli.year.help"))
    show.add_argument("--json", action="store_true", help=tr("cli.json.help"))
    show.set_defaults(handler=_show)
    load = actions.add_parser(
        "import-criteria", help=tr("cli.assess.import.help"), description=tr("cli.assess.import.help")
    )
    add_db(load)
    load.add_argument("file", metavar="FILE", help=tr("cli.assess.import.file"))
    load.add_argument("--year", type=year_arg, default=None, help=tr("cli.assess.import.year"))
    load.add_argument("--replace", action="store_true", help=tr("cli.assess.import.replace"))
    load.set_defaults(handler=_import)
    assess.set_defaults(handler=lambda args: assess.print_help() or 2)


def _show(args: argparse.Namespace) -> int:

    with open_workspace(args.db) as ws:
        data = assessment_to_dict(ws.assessment.view(args.year))
    if args.json:
        print_json(data)
    else:
        print(assessment_to_text(data))
    return 0


def _import(args: argparse.Namespace) -> int:

    with open_workspace(args.db) as ws:
        try:
            result = ws.assessment.import_catalogue(args.file, year=args.year, replace=args.replace)
        except CatalogueImportError as exc:
            lines = [tr("cli.assess.import.failed", count=len(exc.errors)), *(f"  – {line}" for line in exc.errors)]
            return fail("\n".join(lines), 2)
        except CatalogueWouldDropError as exc:
            return fail(f"{exc}\n  – {tr('cli.assess.import.use_replace')}", 2)
    print(result.summary())
    return 0
