"""Khóa công khai trong phiếu đăng ký: the card PDF carries the unit's ``.pub.pem`` as an embedded file.

A card sent electronically is then enough on its own: the receiver opens the PDF and the app reads the
key from it (``key_in_card``). The embedded key is a convenience, not a proof, exactly like the file
beside the card: it is trusted only once its fingerprint matches the signed paper card (§6.4). Cards
printed before this carry no key; their ``.pub.pem`` beside them is read as before.

pyHanko (already used for PAdES signatures) appends the file to the ReportLab PDF as an incremental
update, so a card signed later with a token keeps it. Reading is bounded: a PDF larger than a card can
be, a deep or wide name tree, or a damaged file gives "no key", never an exception from the parser.
"""

from __future__ import annotations

import io
import logging
from pathlib import Path

from cchc_desktop.exchange.format.pubfile import (
    MAX_PUB_FILE,
    PUB_SUFFIX,
    PublicKeyFile,
    find_pub_beside,
    parse_pub_file,
    read_pub_file,
)
from cchc_desktop.exchange.import_errors import SenderIdentityError
from cchc_desktop.kernel.text import printable

MAX_CARD_PDF = 20 * 1024 * 1024  # a card is about 60 KB; a signed or rescanned one stays far below this
_MAX_DEPTH = 6
_MAX_ENTRIES = 64
PEM_MIME = "application/x-pem-file"
log = logging.getLogger(__name__)


def embed_key(pdf: bytes, file_name: str, pub_text: bytes, description: str) -> bytes:
    """``pdf`` with ``pub_text`` attached as ``file_name`` (shown by PDF readers as an attachment)."""
    from pyhanko.pdf_utils import embed
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    data = embed.EmbeddedFileObject.from_file_data(writer, pub_text, mime_type=PEM_MIME)
    spec = embed.FileSpec(file_spec_string=file_name, file_name=file_name, embedded_data=data, description=description)
    embed.embed_file(writer, spec)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def is_card(path: Path) -> bool:
    return path.suffix.lower() == ".pdf"


def read_key_source(path: Path, *, by_name_only: bool = False) -> PublicKeyFile:
    """A ``.pub.pem`` file, or a card PDF: its embedded key, else the ``.pub.pem`` beside it (found by name
    only when many cards lie together, never as "the only key file there")."""
    if not (is_card(path) and path.is_file()):
        return read_pub_file(path)
    embedded = key_in_card(path)
    if embedded is not None:
        return parse_pub_file(embedded)
    beside = find_pub_beside(path, only_one=not by_name_only)
    if beside is None:
        raise SenderIdentityError("exchange.enrol.pub_not_found", card=printable(path.name))
    return read_pub_file(beside)


def key_in_card(path: Path) -> bytes | None:
    """The ``.pub.pem`` text embedded in the card PDF at ``path``; None when it holds none (an older card,
    another PDF) or cannot be read as a PDF."""
    try:
        if path.stat().st_size > MAX_CARD_PDF:
            return None
        raw = path.read_bytes()
    except OSError:
        return None
    return key_in_pdf(raw)


def key_in_pdf(raw: bytes) -> bytes | None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(raw), strict=False)
        tree = reader.root["/Names"]["/EmbeddedFiles"]
        for name, spec in _entries(tree, 0, [0]):
            if name.lower().endswith(PUB_SUFFIX):
                data = spec["/EF"]["/F"].get_object().data
                return data if len(data) <= MAX_PUB_FILE else None
    except Exception as exc:  # any damage or oddity of a PDF the user picked means "no key in it"
        log.info("no key read from a card PDF: %s", type(exc).__name__)
    return None


def _entries(node, depth: int, seen: list[int]):
    """(name, file spec) pairs of a PDF name tree, flat or with kids, within fixed bounds."""
    node = node.get_object()
    if depth > _MAX_DEPTH:
        return
    names = node.get("/Names")
    if names is not None:
        names = names.get_object()
        for index in range(0, len(names) - 1, 2):
            seen[0] += 1
            if seen[0] > _MAX_ENTRIES:
                return
            yield str(names[index]), names[index + 1].get_object()
    for kid in node.get("/Kids", ()):
        yield from _entries(kid, depth + 1, seen)
