"""Command line beside the GUI: ``python main.py <command> …`` (:mod:`cchc_desktop.cli.main`).

Each command group lives in its own module with ``add_commands(subparsers)``. This package's
``__init__`` stays empty so that deciding between the GUI and a command (:mod:`cchc_desktop.cli.entry`)
loads nothing else.
"""
