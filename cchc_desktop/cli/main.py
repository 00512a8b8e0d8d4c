"""Command line beside the GUI: ``python main.py <command> …``.

Each command group lives in its own module with ``add_commands(subparsers)``; a command
function takes the parsed arguments and returns an exit code. Errors exit non-zero with a
one-line Vietnamese reason on stderr.
"""

from __future__ import annotations

import argparse
import logging
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from cchc_desktop import __version__
from cchc_desktop.cli import (
    argparse_vi,
    assess,
    backup,
    demo,
    framework,
    keys,
    package,
    plan,
    receiver,
    render,
    report,
    transfer,
)
from cchc_desktop.cli.common import fail
from cchc_desktop.kernel.errors import CchcError
from cchc_desktop.kernel.files import describe_os_error, describe_sqlite_error
from cchc_desktop.kernel.i18n import tr
from cchc_desktop.kernel.store.faults import explain_unexpected

#: Command groups in the order ``--help`` lists them; each module has ``add_commands``.
COMMAND_GROUPS = (demo, plan, report, assess, render, keys, package, receiver, backup, transfer, framework)


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
    """Run one command; every failure is one Vietnamese line on stderr and a non-zero exit, never a traceback."""
    parser = build_parser()
    args = parser.parse_args(list(argv))
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return int(handler(args) or 0)
    except CchcError as exc:
        return fail(str(exc), 2)
    except KeyboardInterrupt:
        print(tr("error.cancelled"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        raise  # the reader went away: ``main`` ends quietly
    except Exception as exc:
        explained = _explained(exc, args)
        if explained is not None:  # the data file damaged (with the backup to restore), read-only, on a full disk
            return fail(str(explained), 2)
        return _failed(exc, args, argv)


def _explained(exc: Exception, args: argparse.Namespace) -> CchcError | None:
    db = getattr(args, "db", None)
    return explain_unexpected(exc, Path(db)) if db else None


def _failed(exc: Exception, args: argparse.Namespace, argv: Sequence[str]) -> int:
    if isinstance(exc, OSError):  # a file the command names, or the disk under it
        where = exc.filename if exc.filename is not None else getattr(args, "db", "") or ""
        return fail(tr("cli.error.file", path=os.fspath(where), detail=describe_os_error(exc)), 1)
    if isinstance(exc, sqlite3.Error):
        return fail(tr("cli.error.database", path=getattr(args, "db", "") or "", detail=describe_sqlite_error(exc)), 1)
    # A fault of the program: still one line, the details in the log.
    logging.getLogger(__name__).warning("command %s failed", list(argv)[:2], exc_info=exc)
    return fail(tr("cli.error.unexpected", kind=type(exc).__name__), 1)


def main(argv: Sequence[str]) -> int:
    """``run`` for a real process: output piped into a reader that stops early (``| head``) ends the
    command quietly (not an error of ours: exit 0) instead of a BrokenPipeError."""
    try:
        code = run(argv)
        sys.stdout.flush()
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the flush at exit does not fail again
        return 0
    return code
