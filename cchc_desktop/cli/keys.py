"""``keys``: this unit's key (init, card, rotate, replace-lost, show) and, at a receiver, senders' keys
(enroll, list, revoke).

Passphrases come from ``--passphrase-file`` or the environment variable ``CCHC_PASSPHRASE`` (for a
new key in ``keys rotate``: ``--new-passphrase-file`` / ``CCHC_NEW_PASSPHRASE``); at a terminal they
are asked for (twice for a new key). Enrolling needs the fingerprint read from the card
(``--fingerprint``), asked for at a terminal, required otherwise.
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import os
import sys
from pathlib import Path

from cchc_desktop.cli import keys_batch
from cchc_desktop.cli.common import add_db, id_arg, open_workspace, print_json
from cchc_desktop.exchange.format.pubfile import UnitIdentity
from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.files import describe_os_error
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.units import district_unit_code, normalise_commune_code

PASSPHRASE_ENV = "CCHC_PASSPHRASE"
NEW_PASSPHRASE_ENV = "CCHC_NEW_PASSPHRASE"


def add_passphrase(parser: argparse.ArgumentParser, *, new: bool = False) -> None:
    parser.add_argument("--passphrase-file", metavar="TỆP", help=tr("cli.keys.passphrase_file"))
    if new:
        parser.add_argument("--new-passphrase-file", metavar="TỆP", help=tr("cli.keys.new_passphrase_file"))


def read_passphrase(
    args: argparse.Namespace, *, new: bool = False, attr: str = "passphrase_file", env: str = PASSPHRASE_ENV
) -> tuple[str, str | None]:
    """(passphrase, confirmation): from the file, the environment, or typed at a terminal."""
    path = getattr(args, attr, None)
    if path:
        try:
            text = Path(path).read_bytes().decode("utf-8-sig")
        except OSError as exc:
            detail = describe_os_error(exc)
            raise ValidationError("cli.keys.passphrase_file_unreadable", path=path, detail=detail) from None
        except UnicodeDecodeError:
            raise ValidationError("cli.keys.passphrase_file_not_text", path=path) from None
        return text.rstrip("\r\n"), None
    if os.environ.get(env):
        return os.environ[env], None
    if not sys.stdin.isatty():
        raise ValidationError("cli.keys.passphrase_needed", env=env)
    first = getpass.getpass(tr("cli.keys.prompt.new" if new else "cli.keys.prompt"))
    return first, getpass.getpass(tr("cli.keys.prompt.again")) if new else None


def add_commands(sub: argparse._SubParsersAction) -> None:
    keys = sub.add_parser("keys", help=tr("cli.keys.help"), description=tr("cli.keys.help"))
    actions = keys.add_subparsers(dest="action", metavar="<thao tác>", parser_class=type(keys))
    _command(actions, "init", "cli.keys.init.help", _init, passphrase=True)
    _command(actions, "replace-lost", "cli.keys.replace_lost.help", _replace_lost, passphrase=True)
    _command(actions, "show", "cli.keys.show.help", _show)
    card = _command(actions, "card", "cli.keys.card.help", _card)
    card.add_argument("-o", "--output", required=True, metavar="PHIẾU.pdf", help=tr("cli.keys.card.output"))
    rotate = _command(actions, "rotate", "cli.keys.rotate.help", _rotate)
    add_passphrase(rotate, new=True)
    rotate.add_argument("-o", "--output", required=True, metavar="THƯ_MỤC", help=tr("cli.keys.rotate.output"))
    rotate.add_argument("--eml", action="store_true", help=tr("cli.package.eml"))
    enroll = _command(actions, "enroll", "cli.keys.enroll.help", _enroll)
    enroll.add_argument("file", metavar="PHIẾU_HOẶC_KHÓA", help=tr("cli.keys.enroll.file"))
    enroll.add_argument("--fingerprint", help=tr("cli.keys.enroll.fingerprint"))
    enroll.add_argument("--province", help=tr("cli.keys.enroll.province"))
    enroll.add_argument("--unit", help=tr("cli.keys.enroll.unit"))
    enroll.add_argument("--name", help=tr("cli.keys.enroll.name"))
    enroll.add_argument(
        "--type", default="xa", choices=("xa", "phuong", "dac_khu", "huyen", "tinh"), help=tr("cli.keys.enroll.type")
    )
    enroll.add_argument("--revoke-old", action="store_true", help=tr("cli.keys.enroll.revoke_old"))
    keys_batch.add_command(actions, _command)
    listing = _command(actions, "list", "cli.keys.list.help", _list)
    listing.add_argument("--json", action="store_true", help=tr("cli.json.help"))
    revoke = _command(actions, "revoke", "cli.keys.revoke.help", _revoke)
    revoke.add_argument("--id", type=id_arg, required=True, help=tr("cli.keys.revoke.id"))
    revoke.add_argument("--reason", default="", help=tr("cli.keys.revoke.reason"))
    keys.set_defaults(handler=lambda args: keys.print_help() or 2)


def _command(actions, name: str, help_key: str, handler, *, passphrase: bool = False) -> argparse.ArgumentParser:
    parser = actions.add_parser(name, help=tr(help_key), description=tr(help_key))
    add_db(parser)
    if passphrase:
        add_passphrase(parser)
    parser.set_defaults(handler=handler)
    return parser


def _init(args: argparse.Namespace) -> int:
    with open_workspace(args.db) as ws:
        passphrase, confirm = read_passphrase(args, new=True)
        info = ws.exchange.create_key(passphrase, confirm)
    print(tr("cli.keys.created", fingerprint=info.fingerprint))
    return 0


def _replace_lost(args: argparse.Namespace) -> int:
    with open_workspace(args.db) as ws:
        passphrase, confirm = read_passphrase(args, new=True)
        info = ws.exchange.replace_lost_key(passphrase, confirm)
    print(tr("cli.keys.replaced", fingerprint=info.fingerprint))
    return 0


def _show(args: argparse.Namespace) -> int:
    with open_workspace(args.db) as ws:
        info = ws.exchange.key_info()
    print(
        tr("cli.keys.show.line", fingerprint=info.fingerprint, created=info.created_at)
        if info
        else tr("exchange.key.none")
    )
    return 0 if info else 1


def _card(args: argparse.Namespace) -> int:
    with open_workspace(args.db) as ws:
        output = Path(args.output)
        if output.is_dir():  # a folder: the card gets its usual name there
            output = output / ws.exchange.default_card_name()
        card, pub = ws.exchange.write_card(output)
    print(tr("cli.keys.card.done", card=str(card), pub=str(pub)))
    return 0


def _rotate(args: argparse.Namespace) -> int:
    from cchc_desktop.exchange.import_errors import NoKeyError

    with open_workspace(args.db) as ws:
        old, _ = read_passphrase(args)
        new, confirm = read_passphrase(args, new=True, attr="new_passphrase_file", env=NEW_PASSPHRASE_ENV)
        result = ws.exchange.rotate_key(old, new, confirm, args.output, eml=args.eml)
        info = ws.exchange.key_info()
    if info is None:
        raise NoKeyError()
    print(tr("cli.keys.rotated", file=str(result.path), fingerprint=info.fingerprint))
    return 0


def _enroll(args: argparse.Namespace) -> int:

    source = sys.stdin.buffer.read() if args.file == "-" else args.file
    with open_workspace(args.db) as ws:
        pub = ws.exchange.read_public_key(source)
        identity = None
        if args.province or args.unit or args.name:
            code = district_unit_code if args.type == "huyen" else normalise_commune_code
            identity = UnitIdentity((args.province or "").zfill(2), code(args.unit or ""), args.name or "", args.type)
        confirmed = args.fingerprint or _ask_fingerprint(pub)
        key = ws.exchange.enrol(pub, confirmed, identity, revoke_old=args.revoke_old)
    print(tr("cli.keys.enrolled", sender=key.sender_label, fingerprint=key.fingerprint))
    return 0


def _ask_fingerprint(pub) -> str | None:
    if not sys.stdin.isatty():
        return None
    print(tr("cli.keys.enroll.compare", fingerprint=pub.fingerprint))
    return input(tr("cli.keys.enroll.prompt"))


def _list(args: argparse.Namespace) -> int:
    with open_workspace(args.db) as ws:
        keys = ws.exchange.senders()
    if args.json:
        print_json([dataclasses.asdict(k) for k in keys])
        return 0
    for key in keys:
        print(
            tr(
                "cli.keys.list.line",
                id=key.id,
                sender=key.sender_label,
                fingerprint=key.fingerprint,
                status=key.status_label,
            )
        )
    return 0


def _revoke(args: argparse.Namespace) -> int:
    with open_workspace(args.db) as ws:
        key = ws.exchange.revoke(args.id, args.reason)
    print(tr("cli.keys.revoked", sender=key.sender_label, fingerprint=key.fingerprint))
    return 0
