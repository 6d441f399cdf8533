"""Importing the requests people submitted through the portal into the desk's queue.

The portal is read by :mod:`privacy_desk.portal.requests`, from the tables the data map
names (:class:`~privacy_desk.datamap.request_source.IncomingRequestSource`). Importing is
idempotent: each case remembers its portal reference in the unique ``source_ref``
column, so a second import, or a colleague importing at the same moment, never creates
a duplicate.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from privacy_desk.casestore.models import Case, CaseEvent, CaseIdentifier
from privacy_desk.casestore.persons import portal_identifiers
from privacy_desk.casestore.store import CaseStore
from privacy_desk.casestore.writing import allocate_case_numbers, run_retrying, short_label
from privacy_desk.clock import utcnow
from privacy_desk.datamap.request_source import (
    DEMO_REQUEST_SOURCE,
    CustomerNameSource,
    IncomingRequestSource,
)
from privacy_desk.dburl import explain_connection_error, server_name
from privacy_desk.domain.deadlines import due_date
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import Channel
from privacy_desk.errors import UserError
from privacy_desk.messages import msg
from privacy_desk.portal.requests import IncomingRequest, read_incoming_requests
from privacy_desk.services.roles import Role, require_role

__all__ = ["DEMO_REQUEST_SOURCE", "CustomerNameSource", "ImportResult", "IncomingRequestSource",
           "import_portal_requests"]

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 2000


@dataclass(frozen=True)
class ImportResult:
    """What an import did. ``skipped``: requests with an unknown type or no timestamp."""

    imported: int
    already_known: int
    skipped: int = 0


def _store_batch(session: Session, batch: Sequence[IncomingRequest], actor: str) -> tuple[int, int]:
    """Insert the cases of ``batch`` not yet in the store; return (imported, already known).

    Runs inside :func:`run_retrying`: if a concurrent importer inserts one of these
    requests first, the unique ``source_ref`` raises, the transaction rolls back (numbers
    included) and this runs again, now seeing that request as known.
    """
    refs = [inc.source_ref for inc in batch]
    known = set(session.scalars(select(Case.source_ref).where(Case.source_ref.in_(refs))))
    fresh = [inc for inc in batch if inc.source_ref not in known]
    if not fresh:
        return 0, len(batch)
    by_year: dict[int, list[IncomingRequest]] = defaultdict(list)
    for inc in fresh:
        by_year[inc.received_on.year].append(inc)
    numbers: dict[str, str] = {}
    for year in sorted(by_year):  # always lock counters in the same order: no deadlocks
        for inc, number in zip(by_year[year], allocate_case_numbers(session, year,
                                                                    len(by_year[year])),
                               strict=True):
            numbers[inc.source_ref] = number
    now = utcnow()
    session.execute(Case.metadata.tables["cases"].insert(), [
        {"case_number": numbers[inc.source_ref], "request_type": inc.request_type.value,
         "status": CaseStatus.RECEIVED.value, "channel": Channel.PORTAL.value,
         "received_on": inc.received_on, "received_at": inc.received_at,
         "due_on": due_date(inc.received_on), "extended_due_on": None,
         "person_label": short_label(inc.person_label), "subject_identifiers": inc.identifiers,
         "source_ref": inc.source_ref, "assignee": None, "created_at": now,
         "updated_at": now, "updated_by": actor, "version": 1}
        for inc in fresh
    ])
    ids = {ref: cid for ref, cid in session.execute(
        select(Case.source_ref, Case.id).where(Case.source_ref.in_([i.source_ref for i in fresh]))
    )}
    session.execute(CaseEvent.metadata.tables["case_events"].insert(), [
        {"case_id": ids[inc.source_ref], "at": now, "actor": actor, "kind": "imported",
         "from_status": None, "to_status": CaseStatus.RECEIVED.value,
         # The person's own words stay as they wrote them; the desk's words are a message.
         "note": inc.message or None,
         "message": msg("Imported from portal request {reference}.",
                        reference=inc.reference).to_json()}
        for inc in fresh
    ])
    # Normalised identifiers, so the person's other requests (paper ones too) are found.
    identifier_rows = [{"case_id": ids[inc.source_ref], "kind": kind, "value": value}
                       for inc in fresh for kind, value in portal_identifiers(inc.identifiers)]
    if identifier_rows:
        session.execute(insert(CaseIdentifier), identifier_rows)
    return len(fresh), len(known)


def import_portal_requests(store: CaseStore, portal_engine: Engine,
                           source: IncomingRequestSource = DEMO_REQUEST_SOURCE, *,
                           actor: str | None = None,
                           batch_size: int = DEFAULT_BATCH_SIZE) -> ImportResult:
    """Create a case for every portal request the store does not have yet.

    Each new case is 'received' through the portal channel, received on the Stockholm
    day of its submission timestamp, due one month later, with an 'imported' event.
    Batches commit one by one, so an interrupted import keeps what it finished and the
    next import picks up the rest.
    """
    who = actor or store.actor
    require_role(store, who, Role.OFFICER, action="import portal requests")
    imported = known = 0
    unknown: dict[str, int] = defaultdict(int)
    try:
        with portal_engine.connect() as conn:
            for batch in read_incoming_requests(conn, source, batch_size=batch_size,
                                                unknown=unknown):
                added, seen = run_retrying(
                    store, lambda s, b=batch: _store_batch(s, b, who))  # type: ignore[misc]
                imported += added
                known += seen
            conn.rollback()  # we only read; never leave anything behind on the portal
    except DBAPIError as exc:
        if exc.connection_invalidated or "connect" in str(exc.orig).lower():
            raise explain_connection_error(portal_engine.url, exc) from exc
        raise UserError(
            msg("Reading incoming requests from {url} failed ({error}); {imported} were "
                "imported before that.",
                url=server_name(portal_engine.url), error=type(exc.orig).__name__,
                imported=imported),
            msg("Check the portal connection and the data map, then import again (already "
                "imported requests are not duplicated)."),
        ) from exc
    skipped = sum(unknown.values())
    if skipped:
        log.warning("Skipped %d portal requests with unknown types: %s", skipped,
                    ", ".join(sorted(unknown)))
    log.info("Portal import: %d new, %d already known, %d skipped", imported, known, skipped)
    return ImportResult(imported, known, skipped)
