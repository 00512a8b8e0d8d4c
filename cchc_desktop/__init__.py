"""cchc-desktop core: plans, reports, self-assessment and signed packages for CCHC work.

This package is pure Python. It never imports Qt or the ``ui`` package.
"""

import logging

__version__ = "0.1.0"

# Core logs details (a fault's traceback) for the GUI's log file; with no log configured (the command
# line), they go nowhere instead of to the terminal.
logging.getLogger(__name__).addHandler(logging.NullHandler())
