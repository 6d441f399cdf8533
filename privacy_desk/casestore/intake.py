"""Importing the requests people submitted through the portal into the desk's queue.

The portal is not ours: it is read only, through SQLAlchemy Core with bound parameters,
from tables and columns named by an :class:`IncomingRequestSource` (a later data-map
feature builds these from a file; :data:`DEMO_REQUEST_SOURCE` describes the demo
portal). Importing is idempotent: each case remembers its portal reference in the
unique ``source_ref`` column, so a second import, or a colleague importing at the same
moment, never creates a duplicate.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from types import MappingProxyType
from typing import Any

from sqlalchemy import Row, RowMapping, Select, column, insert, inspect, select, table
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, NoSuchTableError
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import TableClause

from privacy_desk.casestore.access import Role, require_role
from privacy_desk.casestore.cases import allocate_case_numbers, run_retrying, short_label, utcnow
from privacy_desk.casestore.models import Case, CaseEvent, CaseIdentifier
from privacy_desk.casestore.persons import portal_identifiers
from privacy_desk.casestore.store import CaseStore
from privacy_desk.dburl import display_url, explain_connection_error
from privacy_desk.domain.deadlines import due_date, receipt_date
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.errors import UserError

log = logging.getLogger(__name__)

SOURCE_PREFIX = "portal:"
DEFAULT_BATCH_SIZE = 2000


@dataclass(frozen=True)
class CustomerNameSource:
    """Where to find the display name of the customer a request belongs to.

    ``name_columns`` are joined with spaces (first and last name); when they are all
    empty, ``company_name_column`` is used (business customers).
    """

    table: str
    id_column: str
    name_columns: tuple[str, ...]
    company_name_column: str | None = None
    schema: str | None = None


@dataclass(frozen=True)
class IncomingRequestSource:
    """Where a portal keeps the requests submitted to it, and how to read them.

    ``type_map`` maps the portal's type values to ours; a request whose type is not in
    it is skipped (and counted) rather than guessed. ``identifier_columns`` maps an
    identifier name (``personnummer``, ``email``, ...) to the column holding it; those
    values are kept with the case to find the person's data later.
    """

    table: str
    id_column: str
    reference_column: str
    submitted_at_column: str
    type_column: str
    type_map: Mapping[str, RequestType]
    identifier_columns: Mapping[str, str] = field(default_factory=dict)
    customer_id_column: str | None = None
    customer: CustomerNameSource | None = None
    email_column: str | None = None
    message_column: str | None = None
    schema: str | None = None


DEMO_REQUEST_SOURCE = IncomingRequestSource(
    table="incoming_requests",
    id_column="id",
    reference_column="reference",
    submitted_at_column="submitted_at",
    type_column="request_type",
    type_map=MappingProxyType({t.value: t for t in RequestType}),
    identifier_columns=MappingProxyType({
        "customer_id": "customer_id", "personnummer": "personnummer",
        "email": "email", "phone": "phone",
    }),
    customer_id_column="customer_id",
    customer=CustomerNameSource(
        table="customers", id_column="id", name_columns=("first_name", "last_name"),
        company_name_column="company_name",
    ),
    email_column="email",
    message_column="message",
)


@dataclass(frozen=True)
class ImportResult:
    """What an import did. ``skipped``: requests with an unknown type or no timestamp."""

    imported: int
    already_known: int
    skipped: int = 0


@dataclass(frozen=True, slots=True)
class _Incoming:
    source_ref: str
    reference: str
    request_type: RequestType
    received_at: datetime
    received_on: date
    person_label: str
    identifiers: dict[str, Any]
    message: str | None


def _reflect(conn: Connection, name: str, schema: str | None,
             columns: Sequence[str]) -> TableClause:
    """The portal table's needed columns with their types, checked to exist.

    Only the columns are reflected (not indexes, which SQLite cannot reflect when they
    are expression indexes, and which intake does not need); this also keeps the check
    free of warnings-filter juggling, which is not thread-safe.
    """
    where = f"{schema}.{name}" if schema else name
    try:
        live = {c["name"]: c["type"] for c in inspect(conn).get_columns(name, schema=schema)}
    except NoSuchTableError:
        live = {}
    if not live:
        raise UserError(
            f"The portal database has no table {where!r} for incoming requests.",
            "Check the portal connection, or the table names in the data map.",
        )
    missing = [c for c in columns if c not in live]
    if missing:
        raise UserError(
            f"The portal table {where!r} has no column(s) {', '.join(map(repr, missing))}.",
            "Check the column names in the data map against the portal's schema.",
        )
    return table(name, *(column(c, live[c]) for c in dict.fromkeys(columns)), schema=schema)


def _build_query(conn: Connection, source: IncomingRequestSource) -> Select[Any]:
    req_cols = [source.id_column, source.reference_column, source.submitted_at_column,
                source.type_column, *source.identifier_columns.values()]
    for extra in (source.customer_id_column, source.email_column, source.message_column):
        if extra:
            req_cols.append(extra)
    req_cols = list(dict.fromkeys(req_cols))
    req = _reflect(conn, source.table, source.schema, req_cols)
    labels = [req.c[c].label(f"r_{i}") for i, c in enumerate(req_cols)]
    stmt = select(*labels)
    cust = source.customer
    if cust is not None and source.customer_id_column:
        name_cols = list(cust.name_columns)
        if cust.company_name_column:
            name_cols.append(cust.company_name_column)
        ctab = _reflect(conn, cust.table, cust.schema, [cust.id_column, *name_cols])
        stmt = stmt.add_columns(*[ctab.c[c].label(f"c_{c}") for c in name_cols]).select_from(
            req.outerjoin(ctab, req.c[source.customer_id_column] == ctab.c[cust.id_column])
        )
    return stmt.order_by(req.c[source.submitted_at_column], req.c[source.id_column])


def _json_safe(value: Any) -> Any:
    return value if isinstance(value, str | int | float | bool) else str(value)


def _text(value: Any) -> str:
    return str(value).strip() if value is not None else ""


def _person_label(m: RowMapping, source: IncomingRequestSource, col: dict[str, str],
                  reference: str) -> str:
    """The customer's name (or company), else the e-mail; never the personnummer."""
    cust = source.customer
    if cust is not None and source.customer_id_column:
        name = " ".join(p for p in (_text(m[f"c_{c}"]) for c in cust.name_columns) if p)
        if name:
            return name
        if cust.company_name_column and _text(m[f"c_{cust.company_name_column}"]):
            return _text(m[f"c_{cust.company_name_column}"])
    if source.email_column and _text(m[col[source.email_column]]):
        return _text(m[col[source.email_column]])
    return f"Portal request {reference}"


def _to_incoming(rows: Sequence[Row[Any]], source: IncomingRequestSource,
                 col: dict[str, str], unknown: dict[str, int]) -> list[_Incoming]:
    out: list[_Incoming] = []
    for row in rows:
        m = row._mapping
        reference = _text(m[col[source.reference_column]])
        rtype = source.type_map.get(_text(m[col[source.type_column]]))
        submitted = m[col[source.submitted_at_column]]
        if rtype is None or not isinstance(submitted, datetime) or not reference:
            unknown[_text(m[col[source.type_column]]) if rtype is None else "(no timestamp)"] += 1
            continue
        if submitted.tzinfo is not None:
            submitted = submitted.astimezone(UTC).replace(tzinfo=None)
        identifiers = {name: _json_safe(m[col[c]]) for name, c in source.identifier_columns.items()
                       if m[col[c]] is not None and _text(m[col[c]])}
        identifiers["portal_reference"] = reference
        message = _text(m[col[source.message_column]]) if source.message_column else ""
        out.append(_Incoming(
            source_ref=f"{SOURCE_PREFIX}{reference}", reference=reference, request_type=rtype,
            received_at=submitted, received_on=receipt_date(submitted),
            person_label=short_label(_person_label(m, source, col, reference)),
            identifiers=identifiers, message=message or None,
        ))
    return out


def _store_batch(session: Session, batch: Sequence[_Incoming], actor: str) -> tuple[int, int]:
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
    by_year: dict[int, list[_Incoming]] = defaultdict(list)
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
         "person_label": inc.person_label, "subject_identifiers": inc.identifiers,
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
         "note": f"Imported from portal request {inc.reference}."
         + (f"\n\n{inc.message}" if inc.message else "")}
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
            stmt = _build_query(conn, source)
            col_names = [source.id_column, source.reference_column, source.submitted_at_column,
                         source.type_column, *source.identifier_columns.values(),
                         *(c for c in (source.customer_id_column, source.email_column,
                                       source.message_column) if c)]
            col = {c: f"r_{i}" for i, c in enumerate(dict.fromkeys(col_names))}
            result = conn.execution_options(stream_results=True,
                                            yield_per=batch_size).execute(stmt)
            for rows in result.partitions():
                batch = _to_incoming(rows, source, col, unknown)
                if batch:
                    added, seen = run_retrying(
                        store, lambda s, b=batch: _store_batch(s, b, who))  # type: ignore[misc]
                    imported += added
                    known += seen
            conn.rollback()  # we only read; never leave anything behind on the portal
    except DBAPIError as exc:
        if exc.connection_invalidated or "connect" in str(exc.orig).lower():
            raise explain_connection_error(portal_engine.url, exc) from exc
        raise UserError(
            f"Reading incoming requests from {display_url(portal_engine.url)} failed "
            f"({type(exc.orig).__name__}); {imported} were imported before that.",
            "Check the portal connection and the data map, then import again "
            "(already imported requests are not duplicated).",
        ) from exc
    skipped = sum(unknown.values())
    if skipped:
        log.warning("Skipped %d portal requests with unknown types: %s", skipped,
                    ", ".join(sorted(unknown)))
    log.info("Portal import: %d new, %d already known, %d skipped", imported, known, skipped)
    return ImportResult(imported, known, skipped)
