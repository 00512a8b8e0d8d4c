"""Typed refusals of the exchange package, one class per reason (docs/package-format.md §5).

Every class is a ``CchcError``: ``str(err)`` is a Vietnamese message that names the file, says what is
wrong and what to do. Verification refusals derive from ``PackageError``; problems while writing a
package derive from ``PackageBuildError``; key-file problems from ``KeyFileError``.
"""

from __future__ import annotations

import os
from typing import Any

from cchc_desktop.kernel.errors import CchcError, ValidationError
from cchc_desktop.kernel.files import FileWriteError, display_name
from cchc_desktop.kernel.text import printable

# Verification refusals ###################################################


class PackageError(CchcError):
    """Gói không hợp lệ: a package was refused; ``file`` is its name."""

    key = "exchange.error.invalid"

    def __init__(self, file: str | os.PathLike[str], **params: Any) -> None:
        # Names and values come from the package or the disk: shown only as visible text (no escapes).
        self.file = printable(display_name(file))
        shown = {name: printable(value) if isinstance(value, str) else value for name, value in params.items()}
        super().__init__(None, file=self.file, **shown)


class PackageReadError(PackageError):
    key = "exchange.error.read"


class PackageTooLargeError(PackageError):
    key = "exchange.error.package_too_large"


class NotAZipError(PackageError):
    key = "exchange.error.not_zip"


class TruncatedPackageError(PackageError):
    key = "exchange.error.truncated"


class TooManyMembersError(PackageError):
    key = "exchange.error.too_many_members"


class MemberTooLargeError(PackageError):
    key = "exchange.error.member_too_large"


class TotalTooLargeError(PackageError):
    key = "exchange.error.total_too_large"


class CompressionBombError(PackageError):
    key = "exchange.error.bomb"


class UnsafeMemberNameError(PackageError):
    """A member name that could write outside the target folder if extracted naively."""

    key = "exchange.error.bad_name"


class AbsolutePathError(UnsafeMemberNameError):
    key = "exchange.error.absolute_path"


class PathTraversalError(UnsafeMemberNameError):
    key = "exchange.error.path_traversal"


class BackslashNameError(UnsafeMemberNameError):
    key = "exchange.error.backslash"


class BadMemberNameError(UnsafeMemberNameError):
    key = "exchange.error.bad_name"


class SymlinkMemberError(PackageError):
    key = "exchange.error.symlink"


class DirectoryMemberError(PackageError):
    key = "exchange.error.directory"


class DuplicateMemberError(PackageError):
    key = "exchange.error.duplicate"


class UnsupportedCompressionError(PackageError):
    key = "exchange.error.compression"


class EncryptedMemberError(PackageError):
    key = "exchange.error.zip_encrypted"


class OverlappingMembersError(PackageError):
    key = "exchange.error.overlap"


class CorruptMemberError(PackageError):
    key = "exchange.error.corrupt_member"


class HiddenDataError(PackageError):
    """Bytes the seal does not cover: inside a member's compressed stream beyond its declared content
    (``member`` names it), or outside every member (``member`` is empty)."""

    key = "exchange.error.hidden_data"

    def __init__(self, file: str | os.PathLike[str], *, member: str) -> None:
        if not member:
            self.key = "exchange.error.hidden_data_outside"
        super().__init__(file, member=member)


class ManifestMissingError(PackageError):
    key = "exchange.error.manifest_missing"


class SignatureMissingError(PackageError):
    key = "exchange.error.signature_missing"


class ManifestSyntaxError(PackageError):
    key = "exchange.error.manifest_syntax"


class NotAPackageError(PackageError):
    key = "exchange.error.not_package"


class FieldShapeError(PackageError):
    """A field of the package's JSON is missing or has the wrong shape; ``field`` is its dotted path."""

    def __init__(self, file: str | os.PathLike[str], *, field: str, reason: str) -> None:
        self.field = printable(field)
        self.reason = printable(reason)
        super().__init__(file, field=field, reason=reason)


class ManifestFieldError(FieldShapeError):
    """A manifest field is missing or has the wrong shape."""

    key = "exchange.error.manifest_field"


class UnsupportedSignatureTypeError(PackageError):
    key = "exchange.error.signature_type"


class UnknownSenderError(PackageError):
    key = "exchange.error.unknown_sender"


class WrongKeyError(PackageError):
    key = "exchange.error.wrong_key"


class SignatureMismatchError(PackageError):
    key = "exchange.error.signature_mismatch"


class RevokedKeyError(PackageError):
    """Signed with an enrolled key that the receiver revoked."""

    key = "exchange.error.key_revoked"


class RetiredKeyError(PackageError):
    """Signed with a key a rotation replaced: it proves old packages, not new imports."""

    key = "exchange.error.key_retired"


class NoTrustRootsError(PackageError):
    """Sealed with a certificate, and this unit holds no trust root to check it against."""

    key = "exchange.error.seal_no_roots"


class UntrustedSealError(PackageError):
    """Sealed with a certificate that does not chain to a trust root held here."""

    key = "exchange.error.seal_untrusted"


class CertificateSealError(PackageError):
    """Sealed with a certificate refused for another reason (expired, revoked, not for signing…)."""

    key = "exchange.error.seal_certificate"


class SealUnitUnknownError(PackageError):
    """Sealed with a valid certificate by a unit that is not on the roster."""

    key = "exchange.error.seal_unit_unknown"


class SealUnitMismatchError(PackageError):
    """Sealed with a valid certificate that names another unit than the package's sender."""

    key = "exchange.error.seal_unit_mismatch"


class MissingMemberError(PackageError):
    key = "exchange.error.member_missing"


class UnlistedMemberError(PackageError):
    key = "exchange.error.member_unlisted"


class MemberSizeMismatchError(PackageError):
    key = "exchange.error.member_size"


class MemberHashMismatchError(PackageError):
    key = "exchange.error.member_hash"


class FormatTooNewError(PackageError):
    key = "exchange.error.format_too_new"


class DataJsonError(PackageError):
    key = "exchange.error.data_json"


class AnnouncedKeyError(PackageError):
    key = "exchange.error.announced_key"


class PackageChangedError(PackageError):
    key = "exchange.error.changed"


class RevisionOlderError(PackageError):
    key = "exchange.error.revision_older"


class RevisionConflictError(PackageError):
    key = "exchange.error.revision_conflict"


# Writing a package #######################################################


class PackageBuildError(CchcError):
    """Không tạo được gói."""

    key = "exchange.build.error"


class OutputNameError(PackageBuildError):
    key = "exchange.build.output_name"


class SecretEvidenceError(PackageBuildError):
    key = "exchange.build.secret_evidence"


class EvidenceTooLargeError(PackageBuildError):
    key = "exchange.build.evidence_too_large"


class EvidenceReadError(PackageBuildError):
    key = "exchange.build.evidence_read"


class InvalidDocumentError(PackageBuildError):
    key = "exchange.build.document_not_pdf"


class PackageOverLimitError(PackageBuildError):
    key = "exchange.build.over_limit"


class PackageWriteError(PackageBuildError, FileWriteError):
    key = "exchange.build.write"


class PackageFieldError(ValidationError):
    """The fields given to the builder would not make a valid manifest; ``field`` is its dotted path."""

    key = "exchange.build.field"

    def __init__(self, *, field: str, reason: str) -> None:
        super().__init__(None, field=field, name=field, reason=reason)


# Keys ####################################################################


class KeyFileError(CchcError):
    """Tệp khóa không dùng được."""

    key = "exchange.key.file_damaged"


class WrongPassphraseError(KeyFileError):
    key = "exchange.key.wrong_passphrase"


class PrivateKeyNotEncryptedError(KeyFileError):
    key = "exchange.key.not_encrypted"


class NotEd25519KeyError(KeyFileError):
    key = "exchange.key.not_ed25519"


class KeyFileNotFoundError(KeyFileError):
    """The key file named is missing, is a folder, or cannot be read (not a damaged key)."""

    key = "exchange.key.file_missing"


class PublicKeyFileError(KeyFileError):
    key = "exchange.key.public_damaged"


class PassphraseTooShortError(ValidationError):
    key = "exchange.key.passphrase_short"
