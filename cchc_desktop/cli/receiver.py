"""``receiver``: the receiving unit's workspace — create it, list what was received, the import log,
roll an import back by name."""

from __future__ import annotations

import argparse

from cchc_desktop.cli.common import add_db, open_workspace, print_json, year_arg
from cchc_desktop.cli.rollup import add_rollup_commands
from cchc_desktop.exchange.format.labels import kind_label, period_label
from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.i18n import format_datetime, tr
from cchc_desktop.receiver.export import indicators_to_dict, matrix_to_dict, status_lines
from cchc_desktop.workspace import create_receiver


def add_commands(sub: argparse._SubParsersAction) -> None:
    receiver = sub.add_parser("receiver", help=tr("cli.receiver.help"), description=tr("cli.receiver.help"))
    actions = receiver.add_subparsers(dest="action", metavar="<thao tác>", parser_class=type(receiver))
    init = _command(actions, "init", "cli.receiver.init.help", _init)
    init.add_argument("--name", required=True, help=tr("cli.receiver.init.name"))
    init.add_argument("--province", required=True, metavar="MÃ_TỈNH", help=tr("cli.receiver.init.province"))
    init.add_argument("--level", default="tinh", choices=("tinh", "huyen"), help=tr("cli.receiver.init.level"))
    init.add_argument("--district-code", default="", metavar="MÃ_HUYỆN", help=tr("cli.receiver.init.district_code"))
    init.add_argument("--superior", default="", metavar="TÊN", help=tr("cli.receiver.init.superior"))
    packages = _command(actions, "packages", "cli.receiver.packages.help", _packages)
    packages.add_argument("--current", action="store_true", help=tr("cli.receiver.packages.current"))
    packages.add_argument("--json", action="store_true", help=tr("cli.json.help"))
    log = _command(actions, "log", "cli.receiver.log.help", _log)
    log.add_argument("--json", action="store_true", help=tr("cli.json.help"))
    status = _command(actions, "status", "cli.receiver.status.help", _status)
    status.add_argument("--year", type=year_arg, required=True, help=tr("cli.year.help"))
    status.add_argument("--period", metavar="KỲ", help=tr("cli.receiver.status.period"))
    status.add_argument("--json", action="store_true", help=tr("cli.json.help"))
    rollback = _command(actions, "rollback", "cli.receiver.rollback.help", _rollback)
    rollback.add_argument("name", metavar="TÊN_LẦN_NHẬN", help=tr("cli.receiver.rollback.name"))
    add_rollup_commands(actions)
    receiver.set_defaults(handler=lambda args: receiver.print_help() or 2)


def _command(actions, name: str, help_key: str, handler) -> argparse.ArgumentParser:
    parser = actions.add_parser(name, help=tr(help_key), description=tr(help_key))
    add_db(parser)
    parser.set_defaults(handler=handler)
    return parser


def _init(args: argparse.Namespace) -> int:

    province = args.province.strip().zfill(2)
    extra = {"district_code": args.district_code, "superior_name": args.superior}
    with create_receiver(args.db, args.name, province, args.level, **extra) as ws:
        name = ws.profile.get().name
    print(tr("cli.receiver.init.done", name=name, path=args.db))
    return 0


def _packages(args: argparse.Namespace) -> int:

    with open_workspace(args.db) as ws:
        rows = ws.exchange.received(current_only=args.current)
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        print(
            tr(
                "cli.receiver.packages.line",
                unit=f"{row['unit_name']} ({row['province_code']}-{row['unit_code']})",
                kind=kind_label(row["kind"]),
                period=period_label(row["period"] or None, row["year"]),
                revision=row["revision"],
                state=tr(f"exchange.received.state.{row['state']}"),
                when=format_datetime(row["received_at"]),
            )
        )
    return 0


def _log(args: argparse.Namespace) -> int:

    with open_workspace(args.db) as ws:
        rows = ws.exchange.import_log()
    if args.json:
        print_json(rows)
        return 0
    for row in rows:
        state = tr("cli.receiver.log.rolled_back") if row["rolled_back_at"] else ""
        print(
            tr(
                "cli.receiver.log.line",
                id=row["id"],
                name=row["name"],
                when=format_datetime(row["at"]),
                line=row["result_line"],
                state=state,
            ).rstrip()
        )
    return 0


def _status(args: argparse.Namespace) -> int:
    """Who sent what for the year and, with ``--period``, the period's consolidated indicators."""
    with open_workspace(args.db) as ws:
        if not ws.exchange.is_receiver:
            raise ValidationError("cli.receiver.status.not_receiver")
        matrix = ws.receiver.completeness(args.year)
        period = args.period.strip().upper() if args.period else None
        if period is not None and period not in {c.key for c in matrix.columns if c.kind == "report"}:
            raise ValidationError("receiver.letter.period_unknown", period=period, year=args.year)
        indicators = ws.receiver.indicators(args.year, period) if period else None
        unit = ws.profile.get().name
    if args.json:
        data = {"unit": unit, **matrix_to_dict(matrix)}
        if indicators is not None:
            data["indicators"] = indicators_to_dict(period or "", indicators)
        print_json(data)
        return 0
    print(tr("cli.receiver.status.heading", unit=unit, year=args.year))
    for line in status_lines(matrix):
        print(f"  {line}")
    for item in indicators or []:
        print(
            tr(
                "cli.receiver.status.indicator",
                code=item.code,
                text=item.text,
                units=item.reporting,
                value=item.combined_text() or tr("cli.receiver.status.no_figure"),
            )
        )
    return 0


def _rollback(args: argparse.Namespace) -> int:
    with open_workspace(args.db) as ws:
        result = ws.exchange.rollback(args.name)
    print(result.line)
    print(tr("exchange.import.backup", file=str(result.backup_file)))
    return 0
