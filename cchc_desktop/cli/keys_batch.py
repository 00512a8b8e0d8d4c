"""``keys enroll-batch``: a receiver enrols many units' keys at once, each confirmed by the last two
groups of the fingerprint read from its paper card.

Without a confirmation it lists what it found (one line per key: code, unit, roster, the fingerprint
without its last two groups, state) and enrols nothing. With ``--confirm MÃ=HAI_NHÓM_CUỐI`` (repeated)
or ``--confirm-file`` (one ``mã;hai nhóm cuối`` a line), it enrols every confirmed key in one
transaction, or none and one line per refused row (exit 1). Keys not confirmed are not enrolled.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from cchc_desktop.cli.common import fail, open_workspace, print_json
from cchc_desktop.kernel.errors import CchcError, ValidationError
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.units import normalise_commune_code

_SEPARATOR = re.compile(r"[;,\t]")


def add_command(actions, command) -> None:
    """``command(actions, name, help_key, handler)`` makes the parser (with ``--db``) as ``keys`` does."""
    batch = command(actions, "enroll-batch", "cli.keys.batch.help", _enroll_batch)
    batch.add_argument("paths", nargs="+", metavar="TỆP_HOẶC_THƯ_MỤC", help=tr("cli.keys.batch.paths"))
    batch.add_argument("--confirm", action="append", default=[], metavar="MÃ=NHÓM", help=tr("cli.keys.batch.confirm"))
    batch.add_argument("--confirm-file", metavar="TỆP.csv", help=tr("cli.keys.batch.confirm_file"))
    batch.add_argument("--revoke-old", action="append", default=[], metavar="MÃ", help=tr("cli.keys.batch.revoke"))
    batch.add_argument("--import-held", action="store_true", help=tr("cli.keys.batch.import_held"))
    batch.add_argument("--json", action="store_true", help=tr("cli.json.help"))


def _enroll_batch(args: argparse.Namespace) -> int:
    from cchc_desktop.receiver.key_batch import KeyChoice, check_choice

    confirmed = _confirmations(args.confirm, args.confirm_file)
    revoke = {_code(text) for text in args.revoke_old}
    with open_workspace(args.db) as ws:
        rows = ws.receiver.read_key_files(args.paths)
        if not confirmed:
            return _list(rows, args.json)
        by_code = {row.code: row for row in rows if row.needs_confirmation or row.state == "enrolled"}
        unknown = sorted(set(confirmed) - set(by_code))
        if unknown:
            raise ValidationError("cli.keys.batch.not_found", codes=", ".join(unknown))
        choices = [KeyChoice(by_code[code], tail, code in revoke) for code, tail in confirmed.items()]
        problems = [_refusal(check_choice, choice) for choice in choices]
        if any(problems):
            for problem in filter(None, problems):
                print(problem)
            return fail(tr("cli.keys.batch.nothing_enrolled", count=sum(1 for p in problems if p)), 1)
        result = ws.receiver.enrol_keys(choices)
        for key in result.enrolled:
            print(tr("cli.keys.enrolled", sender=key.sender_label, fingerprint=key.fingerprint))
        for row in rows:
            if row.needs_confirmation and row.code not in confirmed:
                print(tr("cli.keys.batch.unconfirmed", unit=row.label))
        print(result.summary)
        if result.held and args.import_held:
            batch = ws.exchange.import_held(list(result.held), on_outcome=lambda o: print(o.line, flush=True))
            print(batch.summary)
        elif result.held:
            print(tr("cli.keys.batch.held", count=result.held_total, db=args.db))
    return 0


def _refusal(check, choice) -> str:
    try:
        check(choice)
    except CchcError as exc:
        return str(exc)
    return ""


def _list(rows, as_json: bool) -> int:
    if as_json:
        print_json([_row_json(row) for row in rows])
        return 0
    for row in rows:
        notes = " ".join((row.problem, *row.notes)).strip()
        print(
            tr(
                "cli.keys.batch.line",
                code=row.code or "—",
                unit=row.label,
                fingerprint=row.masked_fingerprint or "—",
                state=tr(f"receiver.keys.state.{row.state}"),
                notes=f" {notes}" if notes else "",
            )
        )
    print(tr("cli.keys.batch.hint"))
    return 0


def _row_json(row) -> dict:
    return {
        "code": row.code,
        "unit": row.label,
        "sources": list(row.sources),
        "roster": row.roster,
        "state": row.state,
        "fingerprint_shown": row.masked_fingerprint,
        "held_packages": row.held,
        "notes": list(row.notes),
        "problem": row.problem,
    }


def unit_of(text: str) -> tuple[str, str]:
    """A unit code typed ("42-18544" or "18544") as (province, unit)."""
    province, _, unit = _code(text).partition("-")
    return province, unit


def _code(text: str) -> str:
    """ "42-18544" as given, or "18544" with the province the official list gives it."""
    from cchc_desktop.kernel import divisions

    raw = text.strip()
    if "-" in raw:
        province, _, unit = raw.partition("-")
        return f"{province.strip().zfill(2)}-{normalise_commune_code(unit)}"
    unit = normalise_commune_code(raw)
    found = divisions.commune(unit)
    if found is None:
        raise ValidationError("cli.keys.batch.code_unknown", code=raw[:20])
    return f"{found.province_code}-{unit}"


def _confirmations(pairs: list[str], csv_file: str | None) -> dict[str, str]:
    """Code → the two groups typed, from ``MÃ=NHÓM`` arguments and the file's ``mã;nhóm`` lines."""
    found: dict[str, str] = {}
    entries = [tuple(pair.split("=", 1)) for pair in pairs]
    if csv_file:
        entries += _file_entries(Path(csv_file))
    for entry in entries:
        if len(entry) != 2 or not entry[0].strip():
            raise ValidationError("cli.keys.batch.confirm_bad", value="=".join(entry)[:40])
        found[_code(entry[0])] = entry[1]
    return found


def _file_entries(path: Path) -> list[tuple[str, ...]]:
    """``mã;hai nhóm cuối`` (or a comma or a tab) a line; lines not starting with a digit (a header, a
    ``#`` comment) are skipped."""
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    rows = [tuple(cell.strip() for cell in _SEPARATOR.split(line.strip(), maxsplit=1)) for line in text.splitlines()]
    return [row for row in rows if row[0][:1].isdigit()]
