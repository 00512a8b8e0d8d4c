"""Thư nháp: an ``.eml`` draft carrying a package, which Outlook opens as an unsent message.

The ``X-Unsent: 1`` header makes Outlook open the file as a draft ready to send; other mail programs
open it as a message with the attachment. Subject and body are Vietnamese. Written atomically.
"""

from __future__ import annotations

import email.policy
import email.utils
from email.message import EmailMessage
from pathlib import Path

from cchc_desktop.exchange.format.errors import PackageReadError, PackageWriteError
from cchc_desktop.exchange.format.labels import package_title
from cchc_desktop.exchange.format.manifest import Manifest
from cchc_desktop.kernel.atomic import write_bytes_atomic
from cchc_desktop.kernel.files import describe_os_error, display_name
from cchc_desktop.kernel.i18n import format_number, tr

#: Many mail servers refuse larger attachments; above this, suggest a USB stick.
EMAIL_ATTACHMENT_SOFT_LIMIT = 20 * 1024 * 1024
#: Python 3.11's default header folding drops the space between two RFC 2047 encoded words
#: ("xã Kỳ" arrives as "xãKỳ"); the compat32 generator encodes long Vietnamese subjects correctly.
_OUTPUT_POLICY = email.policy.compat32.clone(linesep="\r\n")


def _body(manifest: Manifest, file: str, size: int) -> str:
    signer = manifest.signer
    return tr(
        "exchange.eml.body",
        receiver=manifest.receiver.name,
        title=package_title(manifest),
        file=file,
        size=format_number(size / 1024 / 1024, 1),
        fingerprint=manifest.signature.key_fingerprint,
        signer=" ".join(part for part in (signer.on_behalf_of, signer.role, signer.name) if part),
    )


def eml_message(package: bytes, file: str, manifest: Manifest, to: str = "") -> EmailMessage:
    """The draft message with ``package`` attached as application/octet-stream named ``file``."""
    message = EmailMessage()
    message["Subject"] = tr("exchange.eml.subject", title=package_title(manifest))
    if to:
        message["To"] = to
    message["Date"] = email.utils.formatdate(localtime=True)
    message["X-Unsent"] = "1"
    message.set_content(_body(manifest, file, len(package)), cte="base64")
    message.add_attachment(package, maintype="application", subtype="octet-stream", filename=file)
    return message


def build_eml_draft(package_path: str | Path, out_path: str | Path, manifest: Manifest, to: str = "") -> Path:
    """Write an .eml draft for the package at ``package_path`` to ``out_path`` (atomically)."""
    source = Path(package_path)
    try:
        package = source.read_bytes()
    except OSError as exc:
        raise PackageReadError(source, detail=describe_os_error(exc)) from None
    message = eml_message(package, display_name(source), manifest, to)
    write_bytes_atomic(out_path, message.as_bytes(policy=_OUTPUT_POLICY), PackageWriteError)
    return Path(out_path)
