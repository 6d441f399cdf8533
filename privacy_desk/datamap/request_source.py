"""Where a portal keeps the requests people submit to it: a declarative description.

The data map's ``incoming_requests`` section becomes an :class:`IncomingRequestSource`
(:meth:`privacy_desk.datamap.model.DataMap.incoming_request_source`);
:data:`DEMO_REQUEST_SOURCE` describes the demo portal. Reading them is
:mod:`privacy_desk.portal.requests`; turning them into cases is
:mod:`privacy_desk.services.intake`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from privacy_desk.domain.requests import RequestType


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
    #: the IANA zone of the portal's naive timestamps (aware ones carry their own)
    timezone: str = "UTC"


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
