"""The audit trail: who did what, when, in a hash chain an inspector can check.

Every sensitive action (a view of a person's data, an export, a decision, an approval,
an execution, a login, a settings change) calls :func:`record_audit` inside the same
transaction as the action itself, so the entry exists exactly when the action does.

An entry's hash covers its content and the previous entry's hash (not its position),
so :func:`verify_audit_trail` can say *which* entries were changed (content no longer
matches the hash), removed (a link points at nothing), inserted (not on the chain that
ends at the head) or reordered (chain order differs from stored order). A keyless
chain cannot stop someone who rewrites everything after a point; the head hash that
``audit verify`` prints is the anchor an auditor notes down to catch that too.

Details hold table names, counts, case numbers and ids only: :func:`record_audit`
refuses values that look like an e-mail address, a phone number or a personnummer.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import func, insert, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from privacy_desk.casestore.audit_models import (
    AUDIT_ACTION_LEN,
    GENESIS_HASH,
    AuditChainHead,
    AuditEntry,
)
from privacy_desk.casestore.models import OFFICER_LEN, Case
from privacy_desk.errors import UserError
from privacy_desk.messages import SOURCE_LANGUAGE, Message, msg

HEAD_ID = 1
#: Longest string value accepted in details: enough for table lists, short enough that
#: nobody pastes a letter into the trail.
MAX_DETAIL_LEN = 200

_PERSONAL_SHAPES = (
    re.compile(r"@"),                                   # e-mail
    re.compile(r"(?<!\d)\d{6}(?:\d{2})?[-+]?\d{4}(?!\d)"),  # personnummer / orgnr shape
    re.compile(r"(?:\+|\b0)\d[\d \-]{6,}\d"),              # phone number (+46 / 07...)
)


def _utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def canonical_details(details: Mapping[str, str | int] | None) -> str:
    """Details as canonical JSON (sorted keys, no spaces): what is stored and hashed."""
    clean: dict[str, str | int] = {}
    for key, value in (details or {}).items():
        if not isinstance(key, str) or not key:
            raise ValueError("audit detail keys must be non-empty strings")
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise ValueError(f"audit detail {key!r} must be a string or an integer")
        if isinstance(value, str):
            if len(value) > MAX_DETAIL_LEN:
                raise ValueError(f"audit detail {key!r} is too long for the trail")
            if any(p.search(value) for p in _PERSONAL_SHAPES):
                # A programming error, not a user error: callers pass ids and counts only.
                raise ValueError(f"audit detail {key!r} looks like personal data")
        clean[key] = value
    return json.dumps(clean, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(*, at: datetime, actor: str, action: str, case_id: int | None,
               case_number: str | None, details: str, prev_hash: str) -> str:
    """SHA-256 (hex) of an entry's content and its predecessor's hash, as the server computes it.

    Each field is written as ``length:text;`` (``N;`` for none) after a ``v2;`` tag, which
    PostgreSQL and MariaDB compute in SQL exactly so (migration 0007).
    """
    fields = (at.replace(microsecond=0).isoformat(), actor, action,
              None if case_id is None else str(case_id), case_number, details, prev_hash)
    payload = "v2;" + "".join("N;" if f is None else f"{len(f)}:{f};" for f in fields)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def entry_hash_v1(*, at: datetime, actor: str, action: str, case_id: int | None,
                  case_number: str | None, details: str, prev_hash: str) -> str:
    """The hash of entries written before migration 0007 (JSON payload), still verified."""
    payload = json.dumps(
        [at.replace(microsecond=0).isoformat(), actor, action, case_id, case_number,
         details, prev_hash],
        ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record_audit(session: Session, *, actor: str, action: str, case_id: int | None = None,
                 details: Mapping[str, str | int] | None = None) -> None:
    """Append an entry to the trail in the caller's transaction.

    On PostgreSQL and MariaDB the server appends it (migration 0007's
    ``privacy_desk_audit_append``): it numbers, stamps and hashes the entry and records
    the session's login as the actor, whatever ``actor`` says, unless the session is the
    store's owner. On SQLite the same is done here. Either way the chain head's row lock
    is held until the caller commits, so concurrent writers append one after another;
    call it last in a transaction, after the rows the action changes.

    Raises :class:`AuditTrailBlocked` (nothing appended) when the trail's head does not
    match its last entry, e.g. an entry slipped in after the head.
    """
    if not actor or len(actor) > OFFICER_LEN:
        raise ValueError("audit actor must be a login name of at most 80 characters")
    if not action or len(action) > AUDIT_ACTION_LEN:
        raise ValueError("audit action must be a short name")
    details_json = canonical_details(details)
    dialect = session.get_bind().dialect.name
    if dialect != "sqlite":
        call = ("SELECT privacy_desk_audit_append(:actor, :action, :case_id, :details)"
                if dialect == "postgresql" else
                "CALL privacy_desk_audit_append(:actor, :action, :case_id, :details)")
        try:
            session.execute(text(call), {"actor": actor, "action": action,
                                         "case_id": case_id, "details": details_json})
        except DBAPIError as exc:
            blocked = blocked_by(exc)
            if blocked is not None:
                raise blocked from None
            raise
        return
    case_number = None
    if case_id is not None:
        case_number = session.execute(
            select(Case.case_number).where(Case.id == case_id)).scalar_one_or_none()
    bumped = session.execute(
        update(AuditChainHead).where(AuditChainHead.id == HEAD_ID)
        .values(last_seq=AuditChainHead.last_seq + 1)
        .execution_options(synchronize_session=False))
    last = session.execute(
        select(AuditEntry.seq, AuditEntry.entry_hash).order_by(AuditEntry.seq.desc())
        .limit(1)).first()
    last_seq, last_hash = (last.seq, last.entry_hash) if last else (0, GENESIS_HASH)
    if bumped.rowcount == 0:  # type: ignore[attr-defined]
        # A store built without migration 0004's seed row: start the head from the entries.
        seq, prev = last_seq + 1, last_hash
        session.execute(insert(AuditChainHead).values(id=HEAD_ID, last_seq=seq,
                                                      last_hash=prev))
    else:
        head = session.execute(
            select(AuditChainHead.last_seq, AuditChainHead.last_hash)
            .where(AuditChainHead.id == HEAD_ID)).one()
        seq, prev = head.last_seq, head.last_hash
        if last_seq != seq - 1:
            raise AuditTrailBlocked.entries_after_head(last_seq, seq - 1)
        if last_hash != prev:
            raise AuditTrailBlocked.head_mismatch(seq - 1)
    at = _utc_now()
    digest = entry_hash(at=at, actor=actor, action=action, case_id=case_id,
                        case_number=case_number, details=details_json, prev_hash=prev)
    session.execute(insert(AuditEntry).values(
        seq=seq, at=at, actor=actor, action=action, case_id=case_id,
        case_number=case_number, details=details_json, prev_hash=prev, entry_hash=digest))
    session.execute(update(AuditChainHead).where(AuditChainHead.id == HEAD_ID)
                    .values(last_hash=digest)
                    .execution_options(synchronize_session=False))


class AuditTrailBlocked(UserError):
    """The trail's head does not match its entries: no sensitive action until it is fixed.

    Signing in still works (:func:`privacy_desk.services.roles.sign_in` says why the
    login was not recorded), and so does ``audit verify``.
    """

    exit_code = 5

    @classmethod
    def _because(cls, problem: Message) -> AuditTrailBlocked:
        return cls(msg("The audit trail is blocked: {problem}. Sensitive actions stop until "
                       "it is repaired; nothing was changed.", problem=problem),
                   msg("Ask an auditor to run 'privacy-desk audit verify --anchors DIR' and "
                       "the store's owner to repair the trail."))

    @classmethod
    def entries_after_head(cls, entry: int, head: int) -> AuditTrailBlocked:
        return cls._because(msg("it holds entry #{entry} but its head is #{head}",
                                entry=entry, head=head))

    @classmethod
    def head_mismatch(cls, entry: int) -> AuditTrailBlocked:
        return cls._because(msg("entry #{entry} does not match the chain head", entry=entry))

    @classmethod
    def head_missing(cls) -> AuditTrailBlocked:
        return cls._because(msg("the chain head is missing"))


_SERVER_BLOCKED: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], AuditTrailBlocked]],
                       ...] = (
    (re.compile(r"privacy-desk-trail: the trail holds entry #(\d+) but its head is #(\d+)"),
     lambda m: AuditTrailBlocked.entries_after_head(int(m[1]), int(m[2]))),
    (re.compile(r"privacy-desk-trail: entry #(\d+) does not match the chain head"),
     lambda m: AuditTrailBlocked.head_mismatch(int(m[1]))),
    (re.compile(r"privacy-desk-trail: the chain head is missing"),
     lambda m: AuditTrailBlocked.head_missing()),
)


def blocked_by(exc: DBAPIError) -> AuditTrailBlocked | None:
    """The :class:`AuditTrailBlocked` a server's refusal to append means, if it is one."""
    text_ = str(exc.orig)
    for pattern, make in _SERVER_BLOCKED:
        found = pattern.search(text_)
        if found:
            return make(found)
    return None


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class AuditRow:
    """One entry as read back (details decoded)."""

    seq: int
    at: datetime
    actor: str
    action: str
    case_id: int | None
    case_number: str | None
    details: Mapping[str, str | int]
    prev_hash: str
    entry_hash: str

    def recomputed_hash(self) -> str:
        return entry_hash(at=self.at, actor=self.actor, action=self.action,
                          case_id=self.case_id, case_number=self.case_number,
                          details=canonical_json(self.details), prev_hash=self.prev_hash)

    def hash_matches(self) -> bool:
        """Whether the content still gives the stored hash (either hash format)."""
        if self.recomputed_hash() == self.entry_hash:
            return True
        return entry_hash_v1(at=self.at, actor=self.actor, action=self.action,
                             case_id=self.case_id, case_number=self.case_number,
                             details=canonical_json(self.details),
                             prev_hash=self.prev_hash) == self.entry_hash


def canonical_json(details: Mapping[str, str | int]) -> str:
    return json.dumps(dict(details), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _decode(raw: str) -> dict[str, str | int]:
    try:
        value = json.loads(raw)
    except ValueError:
        return {"<unreadable>": raw[:MAX_DETAIL_LEN]}
    return value if isinstance(value, dict) else {"<unreadable>": str(value)[:MAX_DETAIL_LEN]}


def _row(r: AuditEntry) -> AuditRow:
    return AuditRow(r.seq, r.at, r.actor, r.action, r.case_id, r.case_number,
                    _decode(r.details), r.prev_hash, r.entry_hash)


def read_entries(session: Session, *, start: datetime | None = None,
                 end: datetime | None = None, limit: int | None = None,
                 offset: int = 0) -> list[AuditRow]:
    """Entries in stored order, optionally within [start, end) (naive UTC)."""
    q = select(AuditEntry).order_by(AuditEntry.seq)
    if start is not None:
        q = q.where(AuditEntry.at >= start)
    if end is not None:
        q = q.where(AuditEntry.at < end)
    if offset:
        q = q.offset(offset)
    if limit is not None:
        q = q.limit(limit)
    return [_row(r) for r in session.scalars(q)]


def count_entries(session: Session, *, start: datetime | None = None,
                  end: datetime | None = None) -> int:
    q = select(func.count()).select_from(AuditEntry)
    if start is not None:
        q = q.where(AuditEntry.at >= start)
    if end is not None:
        q = q.where(AuditEntry.at < end)
    return int(session.execute(q).scalar_one())


# --------------------------------------------------------------------------- verifying


class Tampering(StrEnum):
    CHANGED = "changed"
    REMOVED = "removed"
    INSERTED = "inserted"
    REORDERED = "reordered"
    HEAD = "head"
    #: the trail ends before an anchor's entry (entries at the end were cut off)
    TRUNCATED = "truncated"
    #: the anchor's entry differs, or the chain no longer runs through it
    REWRITTEN = "rewritten"
    #: an anchor file that cannot be trusted (unreadable, bad signature)
    ANCHOR = "anchor"


@dataclass(frozen=True)
class AnchorPoint:
    """A signed, dated note of the trail's head kept outside the store (a verified anchor)."""

    name: str
    seq: int
    entry_hash: str


@dataclass(frozen=True)
class AuditProblem:
    """One finding: its kind, the stored position it concerns, and a sentence saying it
    (read in the reader's language with :meth:`text`; :attr:`message` is the English)."""

    kind: Tampering
    seq: int | None
    words: Message

    @property
    def message(self) -> str:
        return self.words.render(SOURCE_LANGUAGE)

    def text(self, language: str | None = None) -> str:
        return self.words.render(language)


@dataclass(frozen=True)
class AuditVerification:
    """The result of checking the whole chain."""

    entries: int
    head_seq: int
    head_hash: str
    problems: tuple[AuditProblem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems

    def of_kind(self, kind: Tampering) -> list[AuditProblem]:
        return [p for p in self.problems if p.kind == kind]


def verify_entries(rows: Sequence[AuditRow], head: tuple[int, str] | None,
                   anchors: Sequence[AnchorPoint] = ()) -> AuditVerification:
    """Check a trail given its rows (in stored order) and its head (last seq, last hash).

    Each of ``anchors`` (heads noted earlier outside the store) must still be on the
    chain: that catches what the chain alone cannot, a cut-off end and a consistent
    rewrite of everything after some point.
    """
    problems: list[AuditProblem] = []
    rows = sorted(rows, key=lambda r: r.seq)
    for r in rows:
        if not r.hash_matches():
            problems.append(AuditProblem(
                Tampering.CHANGED, r.seq,
                msg("Entry #{seq} was changed: its content no longer matches its hash.",
                    seq=r.seq)))
    by_hash: dict[str, AuditRow] = {}
    for r in rows:
        by_hash.setdefault(r.entry_hash, r)
    linked_to = {r.prev_hash for r in rows}
    if head is None:
        problems.append(AuditProblem(Tampering.HEAD, None,
                                     msg("The chain head is missing: the trail's end is "
                                         "unknown.")))
        head_seq = rows[-1].seq if rows else 0
        head_hash = rows[-1].entry_hash if rows else GENESIS_HASH
    else:
        head_seq, head_hash = head

    # Walk back from the head; where a link points at nothing, entries were removed:
    # resume at the newest earlier entry that nothing links to (the end of the piece
    # before the gap).
    chain: list[AuditRow] = []
    on_chain: set[int] = set()
    h = head_hash
    upper = head_seq + 1
    while h != GENESIS_HASH:
        node = by_hash.get(h)
        if node is not None and node.seq not in on_chain:
            chain.append(node)
            on_chain.add(node.seq)
            upper = node.seq
            h = node.prev_hash
            continue
        candidates = [c for c in rows if c.seq < upper and c.seq not in on_chain
                      and c.entry_hash not in linked_to]
        resume = max(candidates, key=lambda c: c.seq) if candidates else None
        low = resume.seq if resume else 0
        if upper - low > 1:
            missing = f"#{low + 1}" if upper - low == 2 else f"#{low + 1}-#{upper - 1}"
            problems.append(AuditProblem(
                Tampering.REMOVED, low + 1,
                msg("Entry {entry} was removed from the trail.", entry=missing)))
        else:
            problems.append(AuditProblem(
                Tampering.REMOVED, upper,
                msg("An entry was removed before #{seq} (the rest were renumbered).", seq=upper)
                if upper <= head_seq else
                msg("An entry was removed at the end (the rest were renumbered).")))
        if resume is None:
            break
        h = resume.entry_hash
    chain.reverse()

    for r in rows:
        if r.seq not in on_chain:
            problems.append(AuditProblem(
                Tampering.INSERTED, r.seq,
                msg("Entry #{seq} was inserted: it is not part of the chain.", seq=r.seq)))
    seqs = [r.seq for r in chain]
    for r, expected in zip(chain, sorted(seqs), strict=True):
        if r.seq != expected:
            problems.append(AuditProblem(
                Tampering.REORDERED, r.seq,
                msg("Entry #{seq} is out of order: the chain puts it at #{expected}.",
                    seq=r.seq, expected=expected)))
    by_seq = {r.seq: r for r in rows}
    last_seq = max((r.seq for r in chain), default=0)
    for a in anchors:
        at = by_seq.get(a.seq)
        if a.seq > last_seq and (at is None or at.seq not in on_chain):
            problems.append(AuditProblem(
                Tampering.TRUNCATED, a.seq,
                msg("The trail ends at #{last}, but anchor {anchor} recorded #{seq}: entries "
                    "at the end were removed.", last=last_seq, anchor=a.name, seq=a.seq)))
        elif at is None or at.entry_hash != a.entry_hash:
            problems.append(AuditProblem(
                Tampering.REWRITTEN, a.seq,
                msg("Entry #{seq} is not the one anchor {anchor} recorded: the trail up to "
                    "it was rewritten.", seq=a.seq, anchor=a.name)))
        elif at.seq not in on_chain:
            problems.append(AuditProblem(
                Tampering.REWRITTEN, a.seq,
                msg("The chain no longer runs through entry #{seq} of anchor {anchor}: the "
                    "trail after it was rewritten.", seq=a.seq, anchor=a.name)))
    problems.sort(key=lambda p: (p.seq if p.seq is not None else -1, p.kind.value))
    return AuditVerification(len(rows), head_seq, head_hash, tuple(problems))


def read_head(conn: Connection | Session) -> tuple[int, str] | None:
    row = conn.execute(select(AuditChainHead.last_seq, AuditChainHead.last_hash)
                       .where(AuditChainHead.id == HEAD_ID)).first()
    return (int(row.last_seq), str(row.last_hash)) if row else None


def verify_audit_trail(session: Session, anchors: Sequence[AnchorPoint] = (),
                       ) -> AuditVerification:
    """Check the whole trail of the store ``session`` is bound to (against ``anchors``)."""
    rows = [_row(r) for r in session.scalars(select(AuditEntry).order_by(AuditEntry.seq))]
    return verify_entries(rows, read_head(session), anchors)


def actions_of(rows: Iterable[AuditRow]) -> list[str]:
    """The action names of ``rows`` in order (handy in tests and summaries)."""
    return [r.action for r in rows]


# --------------------------------------------------------------------------- DBA setup

_ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


def app_role_sql(role: str, *, database: str, schema: str = "public",
                 password: str | None = None) -> list[str]:
    """PostgreSQL statements a DBA runs (as the owner) to give the app a role of its own.

    The role may read and write the case store but only *append* to the audit trail:
    UPDATE, DELETE and TRUNCATE on ``audit_entries`` are withheld (docs/audit.md). Run
    after every schema upgrade, since new tables need their grants too.
    """
    if not _ROLE_NAME.fullmatch(role) or not _ROLE_NAME.fullmatch(schema):
        raise ValueError("role and schema must be lower-case SQL identifiers")
    ident = database.replace('"', '""')
    create = f'CREATE ROLE "{role}" LOGIN'
    if password is not None:
        create += " PASSWORD '" + password.replace("'", "''") + "'"
    return [
        create,
        f'GRANT CONNECT ON DATABASE "{ident}" TO "{role}"',
        f'GRANT USAGE ON SCHEMA "{schema}" TO "{role}"',
        f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "{schema}" TO "{role}"',
        f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA "{schema}" TO "{role}"',
        f'REVOKE UPDATE, DELETE, TRUNCATE ON "{schema}".audit_entries FROM "{role}"',
        # Appending goes through the server's function (migration 0007).
        f'GRANT EXECUTE ON FUNCTION "{schema}".privacy_desk_audit_append'
        f'(text, text, integer, text) TO "{role}"',
    ]
