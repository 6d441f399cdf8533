"""Scans kept with a case: signed letters, ID documents seen, envelopes with postmarks.

Only PDF, PNG and JPEG are accepted, recognised by their first bytes rather than the
file name (a renamed .exe stays refused), and only up to :data:`MAX_ATTACHMENT_BYTES`:
the case store is a database, not a file archive. Each scan is stored with its SHA-256
so anyone can later show that the evidence is the file that was received.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from privacy_desk.casestore.audit import record_audit
from privacy_desk.casestore.models import FILENAME_LEN, Case, CaseAttachment, CaseEvent
from privacy_desk.casestore.queries import AttachmentRow, CaseNotFound, fresh_detail
from privacy_desk.casestore.store import CaseStore
from privacy_desk.errors import UserError
from privacy_desk.messages import msg
from privacy_desk.services.roles import WRITERS, check_role

#: 10 MiB: a multi-page 300 dpi scan fits; a video of the letter does not.
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)


class AttachmentRefused(UserError):
    """A file that cannot be kept with a case (wrong type, too large, empty, unreadable)."""


@dataclass(frozen=True)
class AttachmentFile:
    """A file to attach: its name (no folders) and bytes."""

    filename: str
    content: bytes


def _mib(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MiB"


def media_type_of(filename: str, content: bytes, *,
                  max_bytes: int = MAX_ATTACHMENT_BYTES) -> str:
    """The file's media type, or :class:`AttachmentRefused` saying why it cannot be kept."""
    if not content:
        raise AttachmentRefused(msg("The file {filename} is empty.", filename=repr(filename)),
                                msg("Scan the document again."))
    if len(content) > max_bytes:
        raise AttachmentRefused(
            msg("The file {filename} is {count}; the limit is {max_bytes}.",
                filename=repr(filename), count=_mib(len(content)), max_bytes=_mib(max_bytes)),
            msg("Scan at a lower resolution or in black and white, or split the document."),
        )
    for magic, media_type in _SIGNATURES:
        if content.startswith(magic):
            return media_type
    raise AttachmentRefused(
        msg("The file {filename} is not a PDF, PNG or JPEG image.", filename=repr(filename)),
        msg("Save the scan as PDF (preferred), PNG or JPEG and attach that."),
    )


def read_attachment(path: Path | str, *, max_bytes: int = MAX_ATTACHMENT_BYTES) -> AttachmentFile:
    """Read a file to attach, refusing an oversize one before reading it into memory."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise AttachmentRefused(
                msg("The file {p} is {size}; the limit is {max_bytes}.",
                    p=repr(p.name), size=_mib(size), max_bytes=_mib(max_bytes)),
                msg("Scan at a lower resolution or in black and white, or split the document."),
            )
        content = p.read_bytes()
    except OSError as exc:
        raise AttachmentRefused(msg("The file {p} cannot be read ({strerror}).",
                                    p=repr(p.name), strerror=exc.strerror),
                                msg("Check the path and that you may read the file.")) from exc
    media_type_of(p.name, content, max_bytes=max_bytes)
    return AttachmentFile(p.name, content)


def _clean_name(filename: str) -> str:
    name = Path(filename.replace("\\", "/")).name.strip() or "scan"
    if len(name) > FILENAME_LEN:
        stem, dot, ext = name.rpartition(".")
        keep = FILENAME_LEN - len(ext) - 1
        name = f"{stem[:keep]}.{ext}" if dot and keep > 0 else name[:FILENAME_LEN]
    return name


def add_attachments(session: Session, case_id: int, files: list[AttachmentFile], actor: str,
                    now_utc: datetime, *, max_bytes: int = MAX_ATTACHMENT_BYTES) -> None:
    """Store ``files`` with the case in the caller's transaction (all or none)."""
    checked = [(f, media_type_of(f.filename, f.content, max_bytes=max_bytes)) for f in files]
    if not checked:
        return
    for f, media_type in checked:
        digest = hashlib.sha256(f.content).hexdigest()
        session.add(CaseAttachment(
            case_id=case_id, filename=_clean_name(f.filename), media_type=media_type,
            size_bytes=len(f.content), sha256=digest, content=f.content,
            added_by=actor, added_at=now_utc,
        ))
        said = msg("Attached {file} ({media_type}, SHA-256 {digest}…).",
                   file=_clean_name(f.filename), media_type=media_type, digest=digest[:16])
        session.add(CaseEvent(case_id=case_id, at=now_utc, actor=actor, kind="attachment",
                              message=said.to_json()))
    session.flush()  # the rows first, the audit entry last (lock order, see record_audit)
    record_audit(session, actor=actor, action="attachments_added", case_id=case_id,
                 details={"files": len(checked),
                          "bytes": sum(len(f.content) for f, _ in checked)})


def attachment_content(store: CaseStore, attachment_id: int, *,
                       actor: str | None = None) -> tuple[AttachmentRow, bytes]:
    """An attachment's bytes, checked against its stored SHA-256; the view is audited."""
    who = actor or store.actor
    with store.sessions.begin() as session:
        check_role(session, who, action="view scans")
        att = session.get(CaseAttachment, attachment_id)
        if att is None:
            raise CaseNotFound(msg("Attachment {attachment_id} is not in the case store.",
                                   attachment_id=attachment_id),
                               msg("Refresh the case; it may have been removed."))
        content = session.scalar(
            select(CaseAttachment.content).where(CaseAttachment.id == attachment_id))
        assert content is not None
        if hashlib.sha256(content).hexdigest() != att.sha256:
            raise UserError(
                msg("Attachment {filename} no longer matches the checksum taken when it was "
                    "stored.", filename=repr(att.filename)),
                msg("Tell the case store's administrator; do not rely on it."))
        record_audit(session, actor=who, action="attachment_viewed", case_id=att.case_id,
              details={"attachment_id": att.id})
        row = AttachmentRow(att.id, att.filename, att.media_type, att.size_bytes, att.sha256,
                            att.added_by, att.added_at)
    return row, bytes(content)


def attach_to_case(store: CaseStore, case_id: int, files: list[AttachmentFile], *,
                   actor: str | None = None) -> list[AttachmentRow]:
    """Add scans to an existing case (all or none); the case's attachments afterwards."""
    who = actor or store.actor
    with store.sessions.begin() as session:
        check_role(session, who, *WRITERS, action="add scans to cases")
        if session.get(Case, case_id) is None:
            raise CaseNotFound(msg("Case {case_id} is not in the case store.", case_id=case_id),
                               msg("Refresh the queue; it may have been removed."))
        add_attachments(session, case_id, files, who, datetime.now(UTC).replace(tzinfo=None))
    return list(fresh_detail(store, case_id).attachments)
