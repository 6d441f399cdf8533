"""Reading the requests people submitted through the portal (read only, bound parameters).

The portal is not ours: tables and columns come from an
:class:`~privacy_desk.datamap.request_source.IncomingRequestSource`, each checked to exist
before the query runs, so a map that does not match the schema gets a clear message.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import Row, RowMapping, Select, column, inspect, select, table
from sqlalchemy.engine import Connection
from sqlalchemy.exc import NoSuchTableError
from sqlalchemy.sql.expression import TableClause

from privacy_desk.datamap.request_source import IncomingRequestSource
from privacy_desk.domain.deadlines import receipt_date
from privacy_desk.domain.requests import RequestType
from privacy_desk.errors import UserError
from privacy_desk.messages import msg

#: Prefix of a case's ``source_ref`` for a portal request (``portal:<reference>``).
SOURCE_PREFIX = "portal:"


@dataclass(frozen=True, slots=True)
class IncomingRequest:
    """One portal request as read, before it becomes a case."""

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
            msg("The portal database has no table {where} for incoming requests.",
                where=repr(where)),
            msg("Check the portal connection, or the table names in the data map."),
        )
    missing = [c for c in columns if c not in live]
    if missing:
        raise UserError(
            msg("The portal table {where} has no column(s) {choices}.",
                where=repr(where), choices=', '.join(map(repr, missing))),
            msg("Check the column names in the data map against the portal's schema."),
        )
    return table(name, *(column(c, live[c]) for c in dict.fromkeys(columns)), schema=schema)


def _build_query(conn: Connection, source: IncomingRequestSource) -> Select[Any]:
    col = column_labels(source)
    req = _reflect(conn, source.table, source.schema, list(col))
    stmt = select(*(req.c[c].label(label) for c, label in col.items()))
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


def _zone(source: IncomingRequestSource) -> tzinfo:
    """The zone the portal's naive timestamps are in (the map's ``received_at_timezone``)."""
    try:
        return ZoneInfo(source.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise UserError(msg("{timezone} is not a time zone.", timezone=repr(source.timezone)),
                        msg("Use an IANA zone name such as Europe/Stockholm or UTC for the "
                            "portal's request timestamps.")) from None


def to_utc(ts: datetime, zone: tzinfo) -> datetime:
    """A portal timestamp as naive UTC: a naive one is local time in ``zone``.

    A local time that occurs twice (the autumn hour) is read as the first; one that does
    not occur (the spring hour) as if the clock had not moved yet.
    """
    aware = ts if ts.tzinfo is not None and ts.utcoffset() is not None \
        else ts.replace(tzinfo=zone)
    return aware.astimezone(UTC).replace(tzinfo=None)


def _to_requests(rows: Sequence[Row[Any]], source: IncomingRequestSource,
                 col: dict[str, str], unknown: dict[str, int],
                 zone: tzinfo) -> list[IncomingRequest]:
    out: list[IncomingRequest] = []
    for row in rows:
        m = row._mapping
        reference = _text(m[col[source.reference_column]])
        rtype = source.type_map.get(_text(m[col[source.type_column]]))
        submitted = m[col[source.submitted_at_column]]
        if rtype is None or not isinstance(submitted, datetime) or not reference:
            unknown[_text(m[col[source.type_column]]) if rtype is None else "(no timestamp)"] += 1
            continue
        submitted = to_utc(submitted, zone)
        identifiers = {name: _json_safe(m[col[c]]) for name, c in source.identifier_columns.items()
                       if m[col[c]] is not None and _text(m[col[c]])}
        identifiers["portal_reference"] = reference
        message = _text(m[col[source.message_column]]) if source.message_column else ""
        out.append(IncomingRequest(
            source_ref=f"{SOURCE_PREFIX}{reference}", reference=reference, request_type=rtype,
            received_at=submitted, received_on=receipt_date(submitted),
            person_label=_person_label(m, source, col, reference),
            identifiers=identifiers, message=message or None,
        ))
    return out


def column_labels(source: IncomingRequestSource) -> dict[str, str]:
    """The label each needed portal column is selected under (``r_0``, ``r_1``, ...)."""
    col_names = [source.id_column, source.reference_column, source.submitted_at_column,
                 source.type_column, *source.identifier_columns.values(),
                 *(c for c in (source.customer_id_column, source.email_column,
                               source.message_column) if c)]
    return {c: f"r_{i}" for i, c in enumerate(dict.fromkeys(col_names))}


def read_incoming_requests(conn: Connection, source: IncomingRequestSource, *,
                           batch_size: int, unknown: dict[str, int],
                           ) -> Iterator[list[IncomingRequest]]:
    """The portal's requests, oldest first, in batches of at most ``batch_size``.

    Streams (server-side cursor where the driver has one), so a portal with a million
    requests is never held in memory. Requests with an unknown type or no timestamp are
    counted in ``unknown`` (by type) and left out. Naive timestamps are local time in
    ``source.timezone`` and become UTC, so the receipt day is the day the person sent it.
    """
    zone = _zone(source)
    stmt = _build_query(conn, source)
    col = column_labels(source)
    result = conn.execution_options(stream_results=True, yield_per=batch_size).execute(stmt)
    for rows in result.partitions():
        batch = _to_requests(rows, source, col, unknown, zone)
        if batch:
            yield batch
