"""Chứng thư số tin cậy: the roots, intermediates and CRLs a receiver checks certificate seals against.

The user adds them from files (the Government CA's roots, a CRL downloaded on another machine): a
self-signed CA certificate is a root, another CA certificate an intermediate, a CRL a CRL; the
certificate of a person or an agency is refused (trusting it would bypass the chain). Nothing is
fetched from the network.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cchc_desktop.exchange import store, store_trust
from cchc_desktop.exchange.context import ExchangeWorkspace
from cchc_desktop.exchange.format.cert_seal import CertificatePolicy
from cchc_desktop.exchange.format.keys import normalise_fingerprint
from cchc_desktop.exchange.format.manifest import unit_label
from cchc_desktop.exchange.format.seal_unit import SealUnit
from cchc_desktop.kernel.errors import NotFoundError, ValidationError
from cchc_desktop.kernel.i18n import format_date, tr
from cchc_desktop.kernel.store.records import now_iso

if TYPE_CHECKING:
    from cchc_desktop.signatures.trust import TrustAnchors

KINDS = ("root", "intermediate", "crl")


@dataclass(frozen=True)
class TrustEntry:
    """One trusted item as the list shows it: kind, subject (a CRL: its issuer), validity, file."""

    id: int
    kind: str
    subject: str
    valid_from: str
    valid_to: str
    file_name: str
    added_at: str
    sha256: str = ""

    @property
    def fingerprint(self) -> str:
        """ "3F2A 9C01 …": the SHA-256 of the DER, as the CA publishes its roots' fingerprints."""
        return normalise_fingerprint(self.sha256) or ""

    @property
    def kind_label(self) -> str:
        return tr(f"exchange.trust.kind.{self.kind}")

    @property
    def validity(self) -> str:
        start, end = format_date(self.valid_from[:10]), format_date(self.valid_to[:10])
        return tr("exchange.trust.validity", start=start, end=end)


@dataclass(frozen=True)
class TrustAdded:
    """What adding files did: the new entries, and how many were already held."""

    added: list[TrustEntry]
    already: int

    @property
    def summary(self) -> str:
        return tr("exchange.trust.added", added=len(self.added), already=self.already)


def trust_entries(conn: sqlite3.Connection) -> list[TrustEntry]:
    return [_entry(row) for row in store_trust.trusted(conn)]


def read_trust_files(paths: Iterable[str | Path]) -> list[TrustEntry]:
    """What the files hold, before anything is kept: the user compares a root's fingerprint with the
    one its CA publishes before trusting it (a root trusted by mistake makes every certificate its
    maker issues look genuine). Entries read are not kept yet: their id is 0."""
    return [_entry({"id": 0, "added_at": "", **item}) for path in paths for item in _read(Path(path))]


def add_trust_files(
    ws: ExchangeWorkspace, paths: Iterable[str | Path], confirmed_roots: Collection[str] = ()
) -> TrustAdded:
    """Read every file first (a bad one refuses the whole choice, naming the file), then keep the new
    items in one transaction. A root is kept only when its SHA-256 is in ``confirmed_roots``: the user
    compared its fingerprint (``read_trust_files``) with the one its CA publishes."""
    items = [item for path in paths for item in _read(Path(path))]
    for item in items:
        if item["kind"] == "root" and item["sha256"] not in confirmed_roots:
            raise ValidationError("exchange.trust.root_unconfirmed", subject=item["subject"])
    added: list[TrustEntry] = []
    already = 0
    with ws.transaction() as conn:
        for values in items:
            if store_trust.has_digest(conn, values["sha256"]):
                already += 1
                continue
            values.update(added_at=now_iso(), added_by=ws.actor)
            row_id = store_trust.insert_trusted(conn, values)
            store.audit(conn, ws.actor, "trust_add", "trusted_certificate", row_id, values["subject"])
            added.append(_entry(store_trust.trusted_by_id(conn, row_id)))
    return TrustAdded(added, already)


def remove_trusted(ws: ExchangeWorkspace, row_id: int) -> TrustEntry:
    """Stop trusting one item; packages already imported stay as they are."""
    with ws.transaction() as conn:
        row = store_trust.trusted_by_id(conn, row_id)
        if row is None:
            raise NotFoundError("error.row_missing", what=tr("audit.entity.trusted_certificate"), id=row_id)
        store_trust.delete_trusted(conn, row_id)
        store.audit(conn, ws.actor, "trust_remove", "trusted_certificate", row_id, row["subject"])
    return _entry(row)


def trust_anchors(conn: sqlite3.Connection) -> TrustAnchors:
    from asn1crypto import crl as asn1_crl
    from asn1crypto import x509 as asn1_x509

    from cchc_desktop.signatures.trust import TrustAnchors

    rows = store_trust.trusted(conn)
    of = {kind: [bytes(row["der"]) for row in rows if row["kind"] == kind] for kind in KINDS}
    anchors = TrustAnchors(
        roots=tuple(asn1_x509.Certificate.load(der) for der in of["root"]),
        intermediates=tuple(asn1_x509.Certificate.load(der) for der in of["intermediate"]),
        crls=tuple(asn1_crl.CertificateList.load(der) for der in of["crl"]),
    )
    for item in (*anchors.roots, *anchors.intermediates, *anchors.crls):
        _ = item.native  # parsed here, once: verification reads them from another thread
    return anchors


def certificate_policy(conn: sqlite3.Connection, province_name: str = "") -> CertificatePolicy:
    """What a certificate's seal is checked against here: the trust list, the roster and the province
    (read now, so verification may run in another thread)."""
    units = tuple(_seal_unit(row) for row in store_trust.roster_units(conn))
    return CertificatePolicy(trust_anchors(conn), units, province_name)


def _seal_unit(row: sqlite3.Row) -> SealUnit:
    label = unit_label(row["unit_type"], row["name"], row["province_code"], row["unit_code"])
    codes = (row["province_code"], row["unit_code"])
    return SealUnit(*codes, row["name"], row["unit_type"], label, ("roster", row["id"]), row["valid_to"] or "")


def _read(path: Path) -> list[dict[str, Any]]:
    from cchc_desktop.signatures.errors import TrustFileError
    from cchc_desktop.signatures.trust import load_certificate_file, load_crl_file

    try:
        certificates = load_certificate_file(path)
    except TrustFileError:
        certificates = []
    if certificates:
        return [_certificate_values(cert, path.name) for cert in certificates]
    try:
        return [_crl_values(item, path.name) for item in load_crl_file(path)]
    except TrustFileError:
        raise TrustFileError(file=path.name, detail=tr("exchange.trust.not_readable")) from None


def _certificate_values(cert: Any, file_name: str) -> dict[str, Any]:
    from cchc_desktop.signatures.certs import summarize
    from cchc_desktop.signatures.errors import TrustFileError

    summary = summarize(cert)
    if not summary.is_ca:
        raise TrustFileError(file=file_name, detail=tr("exchange.trust.not_ca", subject=summary.common_name))
    self_signed = cert.self_signed in ("maybe", "yes")
    return {
        "kind": "root" if self_signed else "intermediate",
        "der": summary.der,
        "sha256": hashlib.sha256(summary.der).hexdigest(),
        "subject": summary.common_name or summary.subject,
        "valid_from": summary.not_before.isoformat(),
        "valid_to": summary.not_after.isoformat(),
        "file_name": file_name,
    }


def _crl_values(item: Any, file_name: str) -> dict[str, Any]:
    der = item.dump()
    issuer = item.issuer.native
    next_update = item["tbs_cert_list"]["next_update"].native
    return {
        "kind": "crl",
        "der": der,
        "sha256": hashlib.sha256(der).hexdigest(),
        "subject": issuer.get("common_name") or item.issuer.human_friendly,
        "valid_from": item["tbs_cert_list"]["this_update"].native.isoformat(),
        "valid_to": next_update.isoformat() if next_update else "",
        "file_name": file_name,
    }


def _entry(row: Any) -> TrustEntry:
    return TrustEntry(
        row["id"],
        row["kind"],
        row["subject"],
        row["valid_from"],
        row["valid_to"],
        row["file_name"],
        row["added_at"],
        row["sha256"],
    )
