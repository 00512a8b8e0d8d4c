"""Tài liệu kiểm chứng: which files may be attached, and the attachment record.

A file is accepted when its extension is on the allow-list *and* its first bytes are what
that extension promises (a ".pdf" that is really a renamed Word file is refused), and when
it is within the size limit. Refusals name the file and the limit, in Vietnamese.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from cchc_desktop.kernel.errors import ValidationError
from cchc_desktop.kernel.fields import editable
from cchc_desktop.kernel.i18n import format_number, tr

DEFAULT_MAX_MB = 20
MIB = 1024 * 1024

MIME_TYPES = {
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xls": "application/vnd.ms-excel",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
}
ALLOWED_EXTENSIONS = tuple(MIME_TYPES)

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MEMBER = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml"}
_ODT_MIME = b"application/vnd.oasis.opendocument.text"


class EvidenceRefusedError(ValidationError):
    """Tệp không được nhận làm tài liệu kiểm chứng."""


@dataclass
class Evidence:
    """Một tệp đính kèm: its bytes are in ``evidence_blobs`` under ``sha256``."""

    id: int
    uid: str
    sha256: str
    entity: str
    row_id: int
    year: int
    name: str = editable("text", "evidence.col.name", required=True)
    extension: str = ""
    mime: str = ""
    size: int = 0
    secret: bool = editable("bool", "evidence.col.secret")
    doc_ref: str = editable("text", "evidence.col.doc_ref")
    note: str = editable("text", "evidence.col.note", multiline=True)
    added_at: str = ""
    added_by: str = ""

    @property
    def kind_label(self) -> str:
        return tr(f"evidence.kind.{self.extension}")


def extension_of(name: str) -> str:
    return PurePath(name).suffix.lower().lstrip(".")


def format_size(size: int) -> str:
    """1536 → "1,5 KB"; 2 500 000 → "2,4 MB"."""
    if size < 1024:
        return tr("evidence.size.bytes", size=size)
    if size < MIB:
        return tr("evidence.size.kb", size=format_number(round(size / 1024, 1)))
    return tr("evidence.size.mb", size=format_number(round(size / MIB, 1)))


def check_size(name: str, size: int, max_bytes: int) -> None:
    if size == 0:
        raise EvidenceRefusedError("evidence.refused.empty", name=name)
    if size > max_bytes:
        raise EvidenceRefusedError(
            "evidence.refused.too_large",
            name=name,
            size=format_number(round(size / MIB, 1)),
            limit=format_number(round(max_bytes / MIB, 1)),
        )


def check_type(name: str, data: bytes) -> tuple[str, str]:
    """(extension, mime type) of an acceptable file; EvidenceRefusedError otherwise."""
    extension = extension_of(name)
    if extension not in MIME_TYPES:
        raise EvidenceRefusedError("evidence.refused.type", name=name, allowed=tr("evidence.allowed"))
    if not content_matches(extension, data):
        raise EvidenceRefusedError(
            "evidence.refused.content", name=name, extension=extension, kind=tr(f"evidence.kind.{extension}")
        )
    return extension, MIME_TYPES[extension]


def content_matches(extension: str, data: bytes) -> bool:
    """Do the bytes look like what the extension says (magic numbers, and the parts of a zip)?"""
    if extension == "pdf":
        return b"%PDF-" in data[:1024]
    if extension in ("jpg", "jpeg"):
        return data[:3] == b"\xff\xd8\xff"
    if extension == "png":
        return data[:8] == b"\x89PNG\r\n\x1a\n"
    if extension in ("doc", "xls"):
        return data[:8] == _OLE
    return data[:4] == b"PK\x03\x04" and _zip_matches(extension, data)


def _zip_matches(extension: str, data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if extension == "odt":
                return archive.read("mimetype").strip() == _ODT_MIME
            return _ZIP_MEMBER[extension] in archive.namelist()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return False
