"""cchc-desktop core: plans, reports, self-assessment and signed packages for CCHC work.

This package is pure Python. It never imports Qt or the ``ui`` package.
"""

__version__ = "0.1.0"
