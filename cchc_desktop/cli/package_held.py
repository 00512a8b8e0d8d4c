"""``package held``, ``package import-held``, ``package remove-held``: packages a receiver holds until their
unit's key is enrolled (chờ xác nhận khóa) — list them, import them once the key is enrolled, or drop them.
"""

from __future__ import annotations

import argparse
import dataclasses

from cchc_desktop.cli.common import id_arg, open_workspace, print_json
from cchc_desktop.kernel.i18n import format_datetime, tr


def add_commands(actions, command) -> None:
    """``command(actions, name, help_key, handler)`` makes the parser (with ``--db``) as ``package`` does."""
    listing = command(actions, "held", "cli.package.held.help", _held)
    listing.add_argument("--json", action="store_true", help=tr("cli.json.help"))
    imp = command(actions, "import-held", "cli.package.import_held.help", _import_held)
    imp.add_argument("--unit", action="append", default=[], metavar="MÃ", help=tr("cli.package.import_held.unit"))
    remove = command(actions, "remove-held", "cli.package.remove_held.help", _remove_held)
    remove.add_argument("ids", nargs="+", type=id_arg, metavar="SỐ", help=tr("cli.package.remove_held.ids"))


def _held(args: argparse.Namespace) -> int:
    with open_workspace(args.db) as ws:
        held = ws.exchange.held()
    if args.json:
        print_json([dataclasses.asdict(h) for h in held])
        return 0
    for h in held:
        print(
            tr(
                "cli.package.held.line",
                id=h.id,
                unit=h.unit_label,
                what=h.what,
                revision=h.revision,
                file=h.source_file,
                when=format_datetime(h.held_at[:19]),
            )
        )
    if not held:
        print(tr("exchange.held.none", units=""))
    return 0


def _import_held(args: argparse.Namespace) -> int:
    from cchc_desktop.cli.keys_batch import unit_of

    units = [unit_of(text) for text in args.unit] or None
    with open_workspace(args.db) as ws:
        batch = ws.exchange.import_held(units, on_outcome=lambda o: print(o.line, flush=True))
    if not batch.outcomes:
        print(tr("exchange.held.none", units=tr("exchange.held.none_units") if units else ""))
        return 0
    print(batch.summary)
    if batch.backup_file is not None:
        print(tr("exchange.import.backup", file=str(batch.backup_file)))
    return 1 if batch.count("refused") else 0


def _remove_held(args: argparse.Namespace) -> int:
    with open_workspace(args.db) as ws:
        count = ws.exchange.remove_held(args.ids)
    print(tr("exchange.held.removed", count=count))
    return 0
