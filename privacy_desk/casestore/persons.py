"""A person across cases: normalised identifiers, request history and the yearly allowance.

Requests spell identifiers every which way (``850714-9876``, ``198507149876``), so each
case stores its identifiers normalised by :mod:`privacy_desk.identifiers` in the indexed
``case_identifiers`` table; a person's history is then one index lookup. Matching uses
only identifiers that name one person (personnummer, organisationsnummer, customer number,
e-mail); phone numbers are shared by households and reassigned, so they never join cases.

The allowance counts earlier *extracts*: access requests of the same person received in
the period before this one, unless rejected, withdrawn or refused by decision (those still
appear in the history, where repetitiveness can be judged).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, insert, or_, select
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from privacy_desk.casestore.models import (
    IDENTIFIER_VALUE_LEN,
    AllowanceDecisionRecord,
    Case,
    CaseIdentifier,
    CaseMinimisation,
)
from privacy_desk.casestore.queries import DecisionRow, load_extras
from privacy_desk.domain.allowance import (
    AllowancePeriod,
    DecisionKind,
    extracts_in_period,
    is_free,
    period_start,
)
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import RequestType
from privacy_desk.errors import UserError
from privacy_desk.identifiers import (
    EMAIL,
    ORGNR,
    PERSONNUMMER,
    PHONE,
    InvalidIdentifier,
    parse_identifier,
)
from privacy_desk.messages import msg
from privacy_desk.secrets import minimisation_key

log = logging.getLogger(__name__)

#: How a minimised identifier starts: a keyed hash, never a valid identifier.
MINIMISED_PREFIX = "h:"


def store_key_name(url: URL) -> str:
    """The name a case store's keys go by in the keyring: the store (backend, host, port,
    database), not the login, so every officer of a desk finds the same key."""
    return f"{url.get_backend_name()}://{url.host or ''}:{url.port or ''}/{_database(url)}"


def legacy_store_key_names(url: URL) -> tuple[str, ...]:
    """The name an older version kept the key under (with the login in it)."""
    return (f"{url.get_backend_name()}://{url.username or ''}@{url.host or ''}:"
            f"{url.port or ''}/{_database(url)}",)


def _database(url: URL) -> str:
    database = url.database or ""
    if url.get_backend_name() == "sqlite" and database and database != ":memory:":
        database = str(Path(database.removeprefix("file:").split("?")[0]).resolve())
    return database


def store_minimisation_key(url: URL, *, create: bool = False) -> bytes | None:
    """The minimisation key of the store at ``url`` in this desk's keyring (or None)."""
    return minimisation_key(store_key_name(url), create=create,
                            legacy_names=legacy_store_key_names(url))


def minimised_value(key: bytes, kind: str, value: str) -> str:
    """The keyed hash a minimised case keeps instead of the identifier ``value``: the same
    person's new request still finds it (the allowance counts), nobody can read it back."""
    digest = hmac.new(key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()
    return MINIMISED_PREFIX + digest[:40]

#: The portal's own customer key, kept as given (it is exact already).
CUSTOMER_ID = "customer_id"
#: Identifier kinds that name one person, so two cases sharing one are the same person.
PERSON_KINDS = frozenset({PERSONNUMMER, ORGNR, "customer_number", CUSTOMER_ID, EMAIL})
#: Requests that do not count against the allowance (they stay in the history).
_NOT_AN_EXTRACT = frozenset({CaseStatus.REJECTED.value, CaseStatus.WITHDRAWN.value})


def normalise_identifiers(given: Iterable[tuple[str | None, str]]) -> list[tuple[str, str]]:
    """Validate what an officer typed: ``(kind or None, text)`` to ``(kind, canonical)``.

    A missing kind is recognised from the text; an invalid or ambiguous identifier raises
    :class:`~privacy_desk.identifiers.InvalidIdentifier` / UserError naming the kind, never
    the value. Duplicates (the same number written twice) are dropped.
    """
    out: list[tuple[str, str]] = []
    for kind, text in given:
        if not text.strip():
            continue
        ident = parse_identifier(text, kind or None)
        if len(ident.value) > IDENTIFIER_VALUE_LEN:
            raise InvalidIdentifier(ident.kind, msg("The {label} is too long.", label=ident.label))
        out.append((ident.kind, ident.value))
    return list(dict.fromkeys(out))


def portal_identifiers(values: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Normalise what a portal request carries; what does not parse is left out.

    Portal data is "as entered": a malformed phone number must not stop an import, it
    just cannot be matched on.
    """
    out: list[tuple[str, str]] = []
    for kind, raw in values.items():
        text = str(raw).strip() if raw is not None else ""
        if not text:
            continue
        if kind == CUSTOMER_ID:
            out.append((CUSTOMER_ID, text[:IDENTIFIER_VALUE_LEN]))
        elif kind in (PERSONNUMMER, ORGNR, EMAIL, PHONE):
            try:
                ident = parse_identifier(text, kind)
            except UserError:
                log.info("Portal request carries an unparseable %s; not matched on it", kind)
                continue
            out.append((ident.kind, ident.value))
    return list(dict.fromkeys(out))


def store_identifiers(session: Session, case_id: int, pairs: Iterable[tuple[str, str]]) -> None:
    rows = [{"case_id": case_id, "kind": k, "value": v} for k, v in dict.fromkeys(pairs)]
    if rows:
        session.execute(insert(CaseIdentifier), rows)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One request of the person, as the history lists it."""

    case_id: int
    case_number: str
    request_type: RequestType
    status: CaseStatus
    received_on: date
    decision: DecisionKind | None
    fee_sek: Decimal | None
    counts_as_extract: bool


@dataclass(frozen=True)
class PersonHistory:
    """Every case of the person a case belongs to, oldest first (the case itself included).

    ``matched_on`` lists the identifier kinds that joined cases; empty when the case has
    no identifier that names one person (then the history is the case alone).
    """

    case_id: int
    matched_on: tuple[str, ...]
    entries: tuple[HistoryEntry, ...]
    #: the store has minimised cases, but this desk holds no key to match them: the
    #: person's minimised cases may be missing (``privacy-desk store key import``)
    minimised_unmatched: bool = False


@dataclass(frozen=True)
class AllowanceStatus:
    """Where an access request stands against the yearly free extract."""

    case_id: int
    applies: bool  # only access requests (extracts) count
    period: AllowancePeriod
    period_start: date
    on: date
    counted_cases: tuple[str, ...]  # case numbers of earlier extracts in the period
    free: bool
    decision: DecisionRow | None
    #: minimised cases could not be matched on this desk (no key): the count may be short
    minimised_unmatched: bool = False

    @property
    def extracts_in_period(self) -> int:
        return len(self.counted_cases)

    @property
    def needs_decision(self) -> bool:
        """Beyond the allowance and not decided yet: the answer must wait for a decision."""
        return self.applies and not self.free and self.decision is None


def _person_case_ids(session: Session, case_id: int
                     ) -> tuple[tuple[str, ...], list[int], bool]:
    pairs = session.execute(
        select(CaseIdentifier.kind, CaseIdentifier.value)
        .where(CaseIdentifier.case_id == case_id, CaseIdentifier.kind.in_(PERSON_KINDS))
    ).all()
    if not pairs:
        return (), [case_id], False
    wanted = [(k, v) for k, v in pairs]
    key = store_minimisation_key(session.get_bind().engine.url)
    unmatched = False
    if key is not None:  # minimised cases keep keyed hashes: they still count
        wanted += [(k, minimised_value(key, k, v)) for k, v in pairs
                   if not v.startswith(MINIMISED_PREFIX)]
    else:  # without the key, say so rather than count short in silence
        unmatched = (session.scalar(select(func.count()).select_from(CaseMinimisation))
                     or 0) > 0
    ids = session.scalars(
        select(CaseIdentifier.case_id).distinct().where(
            or_(*(and_(CaseIdentifier.kind == k, CaseIdentifier.value == v) for k, v in wanted))
        )
    ).all()
    return tuple(sorted({k for k, _ in pairs})), sorted(set(ids) | {case_id}), unmatched


def history_in_session(session: Session, case_id: int) -> PersonHistory:
    matched, ids, unmatched = _person_case_ids(session, case_id)
    rows = session.execute(
        select(Case.id, Case.case_number, Case.request_type, Case.status, Case.received_on,
               AllowanceDecisionRecord.kind, AllowanceDecisionRecord.fee_sek)
        .outerjoin(AllowanceDecisionRecord, AllowanceDecisionRecord.case_id == Case.id)
        .where(Case.id.in_(ids)).order_by(Case.received_on, Case.id)
    ).all()
    entries = tuple(
        HistoryEntry(
            cid, number, RequestType(rtype), CaseStatus(status), received,
            DecisionKind(kind) if kind else None,
            None if fee is None else Decimal(fee),
            counts_as_extract=(rtype == RequestType.ACCESS.value
                               and status not in _NOT_AN_EXTRACT
                               and kind != DecisionKind.REFUSED.value),
        )
        for cid, number, rtype, status, received, kind, fee in rows
    )
    return PersonHistory(case_id, matched, entries, unmatched)


def allowance_in_session(session: Session, case: Case,
                         period: AllowancePeriod) -> AllowanceStatus:
    history = history_in_session(session, case.id)
    on = case.received_on
    earlier = [e for e in history.entries if e.case_id != case.id and e.counts_as_extract
               and (e.received_on, e.case_id) < (on, case.id)]
    start = period_start(on, period)
    counted = tuple(e.case_number for e in earlier if start <= e.received_on <= on)
    assert len(counted) == extracts_in_period([e.received_on for e in earlier], on, period)
    applies = case.request_type == RequestType.ACCESS.value
    decision = load_extras(session, case.id)["decision"]
    return AllowanceStatus(
        case_id=case.id, applies=applies, period=period, period_start=start, on=on,
        counted_cases=counted,
        free=not applies or is_free([e.received_on for e in earlier], on, period),
        decision=decision, minimised_unmatched=history.minimised_unmatched,
    )
