"""Refusals of the importer's own steps (docs/package-format.md §5.1) and of key enrolment.

Verification refusals (steps 1–7) live in ``exchange.errors``; these come after: addressing, kind and
mode, payload validation, rollback, enrolment. Each names the file or the unit and says what to do.
"""

from __future__ import annotations

from typing import Any

from cchc_desktop.exchange.format.errors import FieldShapeError, PackageError
from cchc_desktop.kernel.errors import CchcError, NotFoundError, ValidationError


class PayloadError(FieldShapeError):
    """data.json does not have the shape its kind requires."""

    key = "exchange.error.payload"


class CatalogueUnknownError(PackageError):
    """A self-assessment scores a criterion the receiver's catalogue does not have."""

    key = "exchange.error.catalogue_unknown"

    def __init__(self, file: str, *, field: str, code: str, catalogue: str) -> None:
        self.field = field
        super().__init__(file, field=field, code=code, catalogue=catalogue)


class PayloadTooNewError(PackageError):
    key = "exchange.error.payload_too_new"


class OtherProvinceError(PackageError):
    key = "exchange.error.other_province"


class KindNotHandledError(PackageError):
    key = "exchange.error.kind_not_handled"


class NotForThisModeError(PackageError):
    key = "exchange.error.wrong_mode"


class DownAtReceiverError(PackageError):
    """A package going down to a commune was opened at a receiving unit."""

    key = "exchange.error.wrong_mode.down"


class NotForThisUnitError(PackageError):
    """A package going down that is not from this commune's superior, or not for this commune."""

    key = "exchange.error.not_for_unit"


class ConcurrentImportError(PackageError):
    key = "exchange.error.concurrent"


class PackageIdReusedError(PackageError):
    """The package id is already that of another imported package (other content, maybe another series)."""

    key = "exchange.error.id_reused"


class ImportWriteError(PackageError):
    """Writing the checked package failed (disk full, read-only…); nothing of it was kept."""

    key = "exchange.error.store_write"


class UnexpectedImportError(PackageError):
    """A fault in the program itself while handling one package; the batch goes on without it."""

    key = "exchange.error.unexpected"


class ImportNotFoundError(NotFoundError):
    key = "exchange.rollback.not_found"


class RollbackRefusedError(ValidationError):
    key = "exchange.rollback.refused"


class NoKeyError(ValidationError):
    key = "exchange.key.none"


class KeyExistsError(ValidationError):
    key = "exchange.key.exists"


class PassphraseMismatchError(ValidationError):
    key = "exchange.key.passphrase_mismatch"


class FingerprintMismatchError(ValidationError):
    key = "exchange.enrol.fingerprint_mismatch"


class FingerprintNeededError(ValidationError):
    key = "exchange.enrol.fingerprint_needed"


class FingerprintTailNeededError(ValidationError):
    key = "exchange.enrol.tail_needed"


class FingerprintTailFormatError(ValidationError):
    key = "exchange.enrol.tail_format"


class FingerprintTailMismatchError(ValidationError):
    key = "exchange.enrol.tail_mismatch"


class BatchKeyUnusableError(ValidationError):
    key = "exchange.enrol.batch_unusable"


class RevokeChoiceNeededError(ValidationError):
    key = "exchange.enrol.revoke_choice_needed"


class BatchUnitTwiceError(ValidationError):
    key = "exchange.enrol.unit_twice"


class SenderIdentityError(ValidationError):
    key = "exchange.enrol.identity_needed"


class AlreadyEnrolledError(ValidationError):
    key = "exchange.enrol.already"


class PackageStoreError(CchcError):
    """The folder kept packages go in cannot be used (a file has its name, no permission…)."""

    key = "exchange.store.unwritable"


class OutboxReserveError(CchcError):
    """The outbox row could not be reserved; no package was written."""

    key = "exchange.export.reserve_failed"

    def __init__(self, **params: Any) -> None:
        super().__init__(None, **params)


class OutboxRecordError(CchcError):
    """The package was written but its outbox row could not be completed (its revision stays taken)."""

    key = "exchange.export.record_failed"

    def __init__(self, **params: Any) -> None:
        super().__init__(None, **params)


class NotReceiverError(CchcError):
    key = "exchange.receiver.only"

    def __init__(self, **params: Any) -> None:
        super().__init__(None, **params)
