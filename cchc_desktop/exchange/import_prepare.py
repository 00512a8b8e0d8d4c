"""What an import works out ahead of the database, on the preparing thread: a content package's rows (or
the payload's refusal, reported in its place in the order of checks) and data.json as it is stored."""

from __future__ import annotations

from dataclasses import dataclass

from cchc_desktop.exchange import store
from cchc_desktop.exchange.format.verify import VerifiedPackage
from cchc_desktop.exchange.payload_check import PayloadRows
from cchc_desktop.exchange.payload_rows import payload_rows
from cchc_desktop.exchange.payloads import RECEIVED_KINDS
from cchc_desktop.kernel.errors import CchcError


@dataclass
class PreparedContent:
    """What can be worked out ahead of the database: the rows (or the payload's refusal, reported in its
    place in the order of checks, after the revision) and data.json as stored."""

    rows: PayloadRows | None
    error: CchcError | None
    data_zlib: bytes

    def checked_rows(self) -> PayloadRows:
        """The rows; the payload's refusal is raised in their place."""
        if self.error is not None:
            raise self.error
        if self.rows is None:
            raise ValueError("prepared content holds neither rows nor a refusal")
        return self.rows


def prepare_content(package: VerifiedPackage, file: str) -> PreparedContent | None:
    """The content of a content package worked out ahead; None for any other kind."""
    if package.manifest.kind not in RECEIVED_KINDS:
        return None
    return prepare(package, file)


def prepare(package: VerifiedPackage, file: str) -> PreparedContent:
    try:
        rows, error = payload_rows(package.manifest, package.data, file), None
    except CchcError as exc:
        rows, error = None, exc
    return PreparedContent(rows, error, store.compress_data(package.data_bytes))
