"""Turn plain user text into safe ReportLab paragraph markup.

Whatever a user types ("<b>x</b> & <font name=…>", control characters, combining marks)
must print as typed and never be read as markup: text is NFC-normalised (ReportLab does
not compose combining tone marks), ``& < >`` are escaped, control and invisible format characters
(the right-to-left override…) dropped, characters the font cannot draw shown as "□" (the checks warn
about them when they are typed: ``glyphs``), line breaks kept and runs of spaces kept as non-breaking
spaces.
"""

from __future__ import annotations

import re

from cchc_desktop.kernel.documents.glyphs import printed
from cchc_desktop.kernel.text import nfc

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACE_RUN = re.compile(r"  +")


def _keep_spaces(match: re.Match) -> str:
    return " " + "\u00a0" * (len(match.group(0)) - 1)


def markup(text: object) -> str:
    """Escape ``text`` for a ReportLab Paragraph."""
    value = nfc("" if text is None else str(text))
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    value = printed(_CONTROL.sub("", value))
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = _SPACE_RUN.sub(_keep_spaces, value)
    return value.replace("\n", "<br/>")


def bold(text: object) -> str:
    """Escaped text wrapped in <b>."""
    return f"<b>{markup(text)}</b>"
