"""Shared helpers for command modules."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from cchc_desktop.kernel.errors import CchcError
from cchc_desktop.workspace import Workspace


def add_db(parser: argparse.ArgumentParser, *, required: bool = True, help_key: str = "cli.db.help") -> None:
    from cchc_desktop.kernel.i18n import tr

    parser.add_argument("--db", metavar="PATH", required=required, help=tr(help_key))


def open_workspace(path: str) -> Workspace:
    """The file a command works on. Its lock is taken before the first write: a command that only
    reads works beside the window that has the file open; one that writes is told who has it."""
    return Workspace.open(path, lock="write")


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def year_arg(value: str) -> int:
    try:
        year = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"năm không hợp lệ: {value}") from None
    if not 2000 <= year <= 2100:
        raise argparse.ArgumentTypeError(f"năm không hợp lệ: {value}")
    return year


def fail(message: str, code: int) -> int:
    """Print ``message`` as the command's error, "Lỗi: …" (control characters shown, not obeyed)."""
    from cchc_desktop.kernel.i18n import tr
    from cchc_desktop.kernel.text import printable

    print(tr("cli.error", message=printable(message, keep="\n")), file=sys.stderr)
    return code


def id_arg(value: str) -> int:
    """A row number (an id, a version): a positive integer the database can hold."""
    from cchc_desktop.kernel.i18n import tr

    text = value.strip()
    if not text.isdigit() or len(text) > 18 or int(text) < 1:
        raise argparse.ArgumentTypeError(tr("cli.id.invalid", value=value[:24]))
    return int(text)


__all__ = ["CchcError", "add_db", "fail", "id_arg", "open_workspace", "print_json", "year_arg"]
