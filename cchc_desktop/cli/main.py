"""Command line beside the GUI: ``python main.py <command> …``.

Each command group lives in its own module with ``add_commands(subparsers)``; a command
function takes the parsed arguments and returns an exit code. Errors exit non-zero with a
one-line Vietnamese reason on stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from cchc_desktop import __version__
from cchc_desktop.cli import (
    argparse_vi,
    assess,
    backup,
    demo,
    keys,
    package,
    plan,
    receiver,
    render,
    report,
    transfer,
)
from cchc_desktop.kernel.errors import CchcError
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.store.faults import explain_unexpected

#: Command groups in the order ``--help`` lists them; each module has ``add_commands``.
COMMAND_GROUPS = (demo, plan, report, assess, render, keys, package, receiver, backup, transfer)


class _Parser(argparse.ArgumentParser):
    """Argument errors as one Vietnamese line on stderr, exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        print(tr("cli.usage_error", message=message, prog=self.prog), file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    argparse_vi.install()
    parser = _Parser(
        prog="main.py",
        description=tr("cli.description"),
        epilog=tr("cli.epilog"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--version", action="version", version=f"cchc-desktop {__version__}", help=tr("cli.version.help")
    )
    parser.add_argument("--db", metavar="PATH", help=tr("cli.db.help"))
    sub = parser.add_subparsers(dest="command", metavar="<lệnh>", title=tr("cli.commands"), parser_class=_Parser)
    for group in COMMAND_GROUPS:
        group.add_commands(sub)
    return parser


def run(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv))
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return int(handler(args) or 0)
    except CchcError as exc:
        print(tr("cli.error", message=str(exc)), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(tr("error.cancelled"), file=sys.stderr)
        return 130
    except Exception as exc:
        explained = _explained(exc, args)
        if explained is None:
            raise  # a fault of the program, not of the file or the disk
        print(tr("cli.error", message=str(explained)), file=sys.stderr)
        return 2


def _explained(exc: Exception, args: argparse.Namespace) -> CchcError | None:
    """A damaged file, a read-only or full disk met by a command: said in words, not as a traceback."""
    db = getattr(args, "db", None)
    return explain_unexpected(exc, Path(db)) if db else None
