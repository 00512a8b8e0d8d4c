"""``package``: export (commune), import and verify (receiver), the outbox.

``package import`` prints one Vietnamese line per package and, with ``--dry-run``, what would
change; it exits 0 when nothing was refused, 1 otherwise. ``package verify`` exits 0 for a valid
package and 2 with the reason otherwise.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cchc_desktop.cli import package_held
from cchc_desktop.cli.common import add_db, open_workspace, print_json, year_arg
from cchc_desktop.cli.keys import add_passphrase, read_passphrase
from cchc_desktop.exchange.format.labels import kind_label, period_label
from cchc_desktop.kernel.i18n import format_datetime, tr

DIFF_LINES_SHOWN = 30


def add_commands(sub: argparse._SubParsersAction) -> None:
    package = sub.add_parser("package", help=tr("cli.package.help"), description=tr("cli.package.help"))
    actions = package.add_subparsers(dest="action", metavar="<thao tác>", parser_class=type(package))
    export = _command(actions, "export", "cli.package.export.help", _export)
    export.add_argument("--kind", required=True, choices=("plan", "report", "assessment"), help=tr("cli.package.kind"))
    export.add_argument("--year", type=year_arg, required=True, help=tr("cli.year.help"))
    export.add_argument("--period", metavar="KỲ", help=tr("cli.package.period"))
    export.add_argument("-o", "--output", required=True, metavar="GÓI.cchc", help=tr("cli.package.output"))
    export.add_argument("--eml", action="store_true", help=tr("cli.package.eml"))
    export.add_argument("--to", default="", metavar="THƯ", help=tr("cli.package.to"))
    export.add_argument("--p12", metavar="TỆP.p12", help=tr("cli.package.p12"))
    add_passphrase(export)
    imp = _command(actions, "import", "cli.package.import.help", _import)
    imp.add_argument("paths", nargs="+", metavar="TỆP_HOẶC_THƯ_MỤC", help=tr("cli.package.import.paths"))
    imp.add_argument("--dry-run", action="store_true", help=tr("cli.package.import.dry_run"))
    package_held.add_commands(actions, _command)
    verify = _command(actions, "verify", "cli.package.verify.help", _verify)
    verify.add_argument("file", metavar="GÓI.cchc", help=tr("cli.package.verify.file"))
    outbox = _command(actions, "outbox", "cli.package.outbox.help", _outbox)
    outbox.add_argument("--json", action="store_true", help=tr("cli.json.help"))
    ack = _command(actions, "acknowledge", "cli.package.ack.help", _acknowledge)
    ack.add_argument("package_ids", nargs="+", metavar="MÃ_GÓI", help=tr("cli.package.ack.ids"))
    package.set_defaults(handler=lambda args: package.print_help() or 2)


def _command(actions, name: str, help_key: str, handler) -> argparse.ArgumentParser:
    parser = actions.add_parser(name, help=tr(help_key), description=tr(help_key))
    add_db(parser)
    parser.set_defaults(handler=handler)
    return parser


def _export(args: argparse.Namespace) -> int:
    from cchc_desktop.signing.keys import p12_key
    from cchc_desktop.signing.task import Credentials

    out = Path(args.output)
    folder, name = (out.parent, out.name) if out.suffix.lower() == ".cchc" else (out, None)
    by_certificate = bool(args.p12)
    with open_workspace(args.db) as ws:
        for problem in ws.exchange.export_problems(args.kind, args.year, args.period, by_certificate=by_certificate):
            if not problem.blocking:
                print(tr("cli.package.warning", message=problem.message))
        secret, _ = read_passphrase(args)  # the .p12's password when sealing with it
        seal = Credentials(p12_key(args.p12), secret) if by_certificate else secret
        result = ws.exchange.export(
            args.kind, args.year, args.period, folder, seal, eml=args.eml, to=args.to, file_name=name
        )
    print(result.summary)
    return 0


def _import(args: argparse.Namespace) -> int:
    with open_workspace(args.db) as ws:
        batch = ws.exchange.import_packages(args.paths, dry_run=args.dry_run, on_outcome=_print_outcome)
    print(batch.summary)
    if batch.backup_file is not None:
        print(tr("exchange.import.backup", file=str(batch.backup_file)))
    return 1 if batch.count("refused") else 0


def _print_outcome(outcome) -> None:
    print(outcome.line, flush=True)
    _print_diff(outcome.diff)


def _print_diff(lines) -> None:
    for line in lines[:DIFF_LINES_SHOWN]:
        print(f"    {line.text}")
    if len(lines) > DIFF_LINES_SHOWN:
        print("    " + tr("cli.package.diff_more", count=len(lines) - DIFF_LINES_SHOWN))


def _verify(args: argparse.Namespace) -> int:
    with open_workspace(args.db) as ws:
        result = ws.exchange.verify(args.file)
    print(result.line)
    return 0


def _outbox(args: argparse.Namespace) -> int:

    with open_workspace(args.db) as ws:
        rows = ws.exchange.outbox()
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        print(
            tr(
                "cli.package.outbox.line",
                kind=kind_label(row["kind"]),
                period=period_label(row["period"] or None, row["year"]),
                revision=row["revision"],
                when=format_datetime(row["created_at"][:19]),
                file=row["file_name"],
                status=tr(f"exchange.outbox.status.{row['status']}"),
                package_id=row["package_id"],
            )
        )
    return 0


def _acknowledge(args: argparse.Namespace) -> int:
    with open_workspace(args.db) as ws:
        count = ws.exchange.acknowledge(args.package_ids)
    print(tr("cli.package.ack.done", count=count))
    return 0
