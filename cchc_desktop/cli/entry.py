"""GUI or command line: decided from the arguments alone, before anything heavy is imported."""

from __future__ import annotations

from collections.abc import Sequence


def wants_gui(argv: Sequence[str]) -> bool:
    """No command given (only ``--db PATH`` at most): open the GUI."""
    args = list(argv)
    if not args:
        return True
    if args[0] == "--db" and len(args) == 2:
        return True
    return bool(args[0].startswith("--db=") and len(args) == 1)
