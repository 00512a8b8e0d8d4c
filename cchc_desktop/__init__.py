"""cchc-desktop core: plans, reports, self-assessment and signed packages for CCHC work.

This package is pure Python. It never imports Qt or the ``ui`` package.
"""

import os

__version__ = "0.1.0"

# pyHanko (chữ ký số) pulls in lxml, and openpyxl writes and reads differently when lxml is present
# (a CR inside a cell survives as "&#13;" instead of becoming a line feed). Keep openpyxl on the
# standard library's XML, as before, unless the environment asks otherwise.
os.environ.setdefault("OPENPYXL_LXML", "False")
