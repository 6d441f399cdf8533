"""The auditor's workflows: browse the trail, verify it, export a period as CSV or PDF.

Only the auditor role (read-only) and administrators browse and export; exporting is
itself an audit entry. Periods are calendar dates in Europe/Stockholm, converted to the
trail's naive UTC so "March" means the officers' March.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from privacy_desk import secrets
from privacy_desk.casestore.audit import (
    AnchorPoint,
    AuditProblem,
    AuditRow,
    AuditTrailBlocked,
    AuditVerification,
    Tampering,
    app_role_sql,
    count_entries,
    read_entries,
    read_head,
    record_audit,
    verify_audit_trail,
)
from privacy_desk.casestore.store import CaseStore
from privacy_desk.clock import STOCKHOLM, local_time
from privacy_desk.errors import UserError
from privacy_desk.messages import msg
from privacy_desk.reports.audit_report import audit_csv, audit_pdf, write_atomically
from privacy_desk.services.roles import NotPermitted, Role, action_words, check_role

__all__ = [
    "AnchorWritten",
    "AuditRow",
    "AuditVerification",
    "ExportFormat",
    "Period",
    "anchor_trail",
    "app_role_sql",
    "browse_audit",
    "export_audit",
    "local_time",
    "verify_trail",
]


class ExportFormat(StrEnum):
    CSV = "csv"
    PDF = "pdf"


@dataclass(frozen=True)
class Period:
    """[start, end] as Stockholm calendar dates, both inclusive."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise UserError(msg("The period ends before it starts."),
                            msg("Give --from before (or equal to) --to."))

    def utc_bounds(self) -> tuple[datetime, datetime]:
        def utc(d: date) -> datetime:
            return datetime.combine(d, time(), STOCKHOLM).astimezone(UTC).replace(tzinfo=None)
        return utc(self.start), utc(self.end + timedelta(days=1))


def _auditor(store: CaseStore, actor: str, action: str) -> None:
    with store.sessions() as session:
        info = check_role(session, actor)
        if not (info.has(Role.AUDITOR) or info.admin):
            raise NotPermitted(msg("{actor} may not {action} (it needs the auditor role).",
                                   actor=actor, action=action_words(action)),
                               msg("Ask an administrator to give you the auditor role."))


def browse_audit(store: CaseStore, *, actor: str, period: Period | None = None,
                 limit: int = 500, offset: int = 0) -> tuple[list[AuditRow], int]:
    """One page of entries (and the total) in a period, for the auditor's view."""
    _auditor(store, actor, "browse the audit trail")
    start, end = period.utc_bounds() if period else (None, None)
    with store.sessions() as session:
        return (read_entries(session, start=start, end=end, limit=limit, offset=offset),
                count_entries(session, start=start, end=end))


def verify_trail(store: CaseStore, *, actor: str, anchors: Path | None = None,
                 trusted_keys: Sequence[str] = ()) -> AuditVerification:
    """Check the whole chain (auditors and administrators), against the signed anchors in
    the folder ``anchors`` if given; the check is itself recorded, unless the trail is
    blocked (then the result says why, and nothing is appended).

    ``trusted_keys`` are the key ids (or whole public keys) the auditor got from a place of
    their own (what ``audit anchor`` printed): an anchor signed with any other key is a
    problem, because whoever rewrote the trail could sign new anchors with a key of their
    own. Without them, each anchor's own key is believed (the folder must then be kept out
    of officers' reach)."""
    _auditor(store, actor, "verify the audit trail")
    points, anchor_problems = (read_anchors(anchors, store, trusted_keys) if anchors
                               else ([], []))
    with store.sessions() as session:
        result = verify_audit_trail(session, points)
    if anchor_problems:
        result = AuditVerification(result.entries, result.head_seq, result.head_hash,
                                   tuple(anchor_problems) + result.problems)
    try:
        with store.sessions.begin() as session:
            record_audit(session, actor=actor, action="audit_verified",
                         details={"entries": result.entries, "problems": len(result.problems),
                                  "anchors": len(points)})
    except AuditTrailBlocked:
        pass  # the problems above say what is wrong; verifying must still work
    return result


# --------------------------------------------------------------------------- anchors

ANCHOR_FORMAT = "privacy-desk-audit-anchor/1"


@dataclass(frozen=True)
class AnchorWritten:
    path: Path
    seq: int
    entry_hash: str
    key_id: str


def store_label(store: CaseStore) -> str:
    """Which store an anchor belongs to: backend, host and database, not the login."""
    url = store.url
    if store.backend == "sqlite":
        return f"sqlite:{Path(url.database or '').name}"
    return f"{store.backend}://{url.host or 'localhost'}:{url.port or ''}/{url.database}"


def _signing_key(auditor: str) -> Ed25519PrivateKey:
    key_hex = secrets.get_anchor_key(auditor)
    if key_hex is None:
        key = Ed25519PrivateKey.generate()
        raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
        secrets.store_anchor_key(auditor, raw.hex())
        return key
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(key_hex))


def _public_hex(key: Ed25519PublicKey) -> str:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


def _signed_part(doc: dict[str, Any]) -> bytes:
    body = {k: v for k, v in doc.items() if k != "signature"}
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode("utf-8")


def anchor_trail(store: CaseStore, *, actor: str, out_dir: Path) -> AnchorWritten:
    """Sign the trail's head with the auditor's Ed25519 key (kept in the keyring) and write
    it as a new file into ``out_dir``, which the auditor keeps outside the store."""
    _auditor(store, actor, "anchor the audit trail")
    with store.sessions() as session:
        head = read_head(session)
        result = verify_audit_trail(session)
    if head is None or not result.ok:
        raise UserError(msg("The audit trail has problems ({count}); it is not anchored.",
                            count=len(result.problems)),
                        msg("Run 'privacy-desk audit verify' and have the trail repaired "
                            "first: an anchor vouches for what it signs."))
    seq, entry = head
    key = _signing_key(actor)
    doc: dict[str, Any] = {"format": ANCHOR_FORMAT, "store": store_label(store), "seq": seq,
                           "entry_hash": entry, "signed_by": actor,
                           "signed_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
                           "public_key": _public_hex(key.public_key())}
    doc["signature"] = key.sign(_signed_part(doc)).hex()
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    path = out_dir / f"anchor-{seq:08d}-{stamp}.json"
    try:
        with path.open("x", encoding="utf-8") as fh:  # a new file, never overwritten
            json.dump(doc, fh, indent=2, sort_keys=True)
            fh.write("\n")
    except OSError as exc:
        raise UserError(msg("The anchor could not be written to {folder} ({error}).",
                            folder=str(out_dir), error=type(exc).__name__),
                        msg("Give a folder you can write to.")) from exc
    with store.sessions.begin() as session:
        record_audit(session, actor=actor, action="audit_anchored",
                     details={"seq": seq})
    return AnchorWritten(path, seq, entry, doc["public_key"][:16])


def _trusted(public_hex: str, trusted_keys: Sequence[str]) -> bool:
    wanted = [k.strip().lower() for k in trusted_keys if k.strip()]
    return not wanted or any(public_hex.startswith(k) for k in wanted)


def read_anchors(folder: Path, store: CaseStore, trusted_keys: Sequence[str] = ()
                 ) -> tuple[list[AnchorPoint], list[AuditProblem]]:
    """The anchors of ``store`` in ``folder`` whose signatures verify with a trusted key,
    and the problems with the others (unreadable, signed wrongly: someone edited them, or
    signed with a key the auditor did not name)."""
    if not folder.is_dir():
        raise UserError(msg("{folder} is not a folder of anchors.", folder=str(folder)),
                        msg("Give the folder 'privacy-desk audit anchor --out' wrote to."))
    points: list[AnchorPoint] = []
    problems: list[AuditProblem] = []
    label = store_label(store)
    for path in sorted(folder.glob("anchor-*.json")):
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            if doc.get("format") != ANCHOR_FORMAT:
                raise ValueError("not an anchor")
            if doc["store"] != label:
                continue  # another store's anchor
            public = Ed25519PublicKey.from_public_bytes(bytes.fromhex(doc["public_key"]))
            public.verify(bytes.fromhex(doc["signature"]), _signed_part(doc))
            if not _trusted(str(doc["public_key"]).lower(), trusted_keys):
                problems.append(AuditProblem(
                    Tampering.ANCHOR, None,
                    msg("Anchor {anchor} is signed with key {key}, which is not one of the "
                        "keys you trust.", anchor=path.name, key=str(doc["public_key"])[:16])))
                continue
            points.append(AnchorPoint(path.name, int(doc["seq"]), str(doc["entry_hash"])))
        except InvalidSignature:
            problems.append(AuditProblem(Tampering.ANCHOR, None,
                                         msg("Anchor {anchor} was altered: its signature "
                                             "does not match.", anchor=path.name)))
        except (OSError, ValueError, KeyError, TypeError):
            problems.append(AuditProblem(Tampering.ANCHOR, None,
                                         msg("Anchor {anchor} cannot be read.",
                                             anchor=path.name)))
    return points, problems


def export_audit(store: CaseStore, *, actor: str, period: Period, fmt: ExportFormat,
                 target: Path) -> int:
    """Write the period's entries to ``target`` (atomically); return how many."""
    _auditor(store, actor, "export the audit trail")
    start, end = period.utc_bounds()
    with store.sessions() as session:
        rows = read_entries(session, start=start, end=end)
    data = audit_csv(rows) if fmt == ExportFormat.CSV else audit_pdf(rows, period.start,
                                                                     period.end)
    write_atomically(target, data)
    with store.sessions.begin() as session:
        record_audit(session, actor=actor, action="audit_exported",
                     details={"format": fmt.value, "entries": len(rows),
                              "from": period.start.isoformat(), "to": period.end.isoformat()})
    return len(rows)
