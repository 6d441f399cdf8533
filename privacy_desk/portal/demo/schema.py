"""The demo portal's schema, shaped after the company's privacy policy.

This is *not* a schema Privacy Desk owns: real portals differ, and the app reaches
them only through a data map. The demo exists so the app, tests and benchmarks
have a realistic, entirely synthetic portal to work against. Names are English;
stored values (names, streets, texts) are Swedish like the real portal's.

Timestamps are stored as naive UTC (SQLite and MariaDB keep no zone); dates are
calendar dates in Europe/Stockholm.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Table,
    Text,
    UniqueConstraint,
    func,
)

metadata = MetaData()

#: Private ("private") and business ("business") customers.
customers = Table(
    "customers",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("customer_number", String(16), nullable=False, unique=True),
    Column("kind", String(10), nullable=False),  # 'private' | 'business'
    Column("personnummer", String(12)),  # YYYYMMDDNNNN, private customers only
    Column("org_number", String(10)),  # NNNNNNNNNN, business customers only
    Column("first_name", String(80)),
    Column("last_name", String(80)),
    Column("company_name", String(160)),
    Column("email", String(254)),  # as entered: mixed case happens
    Column("phone", String(32)),  # as entered: '070-123 45 67', '+46701234567', ...
    Column("created_at", DateTime, nullable=False),
    Column("closed_at", DateTime),
    # art. 18: the portal keeps a restricted customer's data but does not use it (no
    # notices, no marketing, no changes) while this is true
    Column("processing_restricted", Boolean, nullable=False, default=False),
    Index("ix_customers_personnummer", "personnummer"),
    Index("ix_customers_org_number", "org_number"),
    Index("ix_customers_email", "email"),
    Index("ix_customers_phone", "phone"),
)

#: Billing and facility (delivery point) addresses.
addresses = Table(
    "addresses",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("customer_id", Integer, ForeignKey("customers.id"), nullable=False),
    Column("kind", String(10), nullable=False),  # 'billing' | 'facility'
    Column("street", String(120), nullable=False),
    Column("postal_code", String(6), nullable=False),  # '123 45'
    Column("city", String(80), nullable=False),
    Index("ix_addresses_customer_id", "customer_id"),
)

#: Logins to "Min sida". One account may manage several customers (a household,
#: a company's contact person), hence the link table below.
portal_accounts = Table(
    "portal_accounts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("username", String(254), nullable=False, unique=True),
    Column("email", String(254), nullable=False),
    Column("password_hash", String(128), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("last_login_at", DateTime),
    Index("ix_portal_accounts_email", "email"),
)

account_customers = Table(
    "account_customers",
    metadata,
    Column("account_id", Integer, ForeignKey("portal_accounts.id"), primary_key=True),
    Column("customer_id", Integer, ForeignKey("customers.id"), primary_key=True),
    Column("role", String(12), nullable=False),  # 'owner' | 'co_holder' | 'contact'
    Index("ix_account_customers_customer_id", "customer_id"),
)

#: Login history: reaches a person over two hops (account -> link -> customer).
login_events = Table(
    "login_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("account_id", Integer, ForeignKey("portal_accounts.id"), nullable=False),
    Column("logged_in_at", DateTime, nullable=False),
    Column("ip_address", String(45), nullable=False),
    Column("method", String(12), nullable=False),  # 'password' | 'bankid'
    Index("ix_login_events_account_id", "account_id"),
)

#: Monthly invoices; kept seven years after the invoice year (Bokföringslagen 7:2).
invoices = Table(
    "invoices",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("invoice_number", String(16), nullable=False, unique=True),
    Column("customer_id", Integer, ForeignKey("customers.id"), nullable=False),
    Column("period", String(7), nullable=False),  # 'YYYY-MM'
    Column("invoice_date", Date, nullable=False),
    Column("due_date", Date, nullable=False),
    Column("energy_kwh", Integer, nullable=False),
    Column("amount_sek", Numeric(12, 2), nullable=False),
    Column("paid_at", Date),
    Index("ix_invoices_customer_id", "customer_id"),
)

#: Bank details for autogiro (direct debit) and refunds.
bank_accounts = Table(
    "bank_accounts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("customer_id", Integer, ForeignKey("customers.id"), nullable=False),
    Column("bank_name", String(60), nullable=False),
    Column("clearing_number", String(5), nullable=False),
    Column("account_number", String(16), nullable=False),
    Column("autogiro", Boolean, nullable=False),
    Column("mandate_signed_on", Date),
    Index("ix_bank_accounts_customer_id", "customer_id"),
)

#: The web site's contact form: also used by people who are not customers, who
#: can only be matched by e-mail or phone.
contact_messages = Table(
    "contact_messages",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("received_at", DateTime, nullable=False),
    Column("name", String(160), nullable=False),
    Column("email", String(254)),
    Column("phone", String(32)),
    Column("subject", String(200), nullable=False),
    Column("body", Text, nullable=False),
    Column("customer_id", Integer, ForeignKey("customers.id")),  # set when staff matched it
    Index("ix_contact_messages_email", "email"),
    Index("ix_contact_messages_phone", "phone"),
    Index("ix_contact_messages_customer_id", "customer_id"),
)

#: Newsletter opt-ins (consent); anyone may subscribe, customer or not.
newsletter_subscriptions = Table(
    "newsletter_subscriptions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("email", String(254), nullable=False),
    Column("customer_id", Integer, ForeignKey("customers.id")),
    Column("subscribed_at", DateTime, nullable=False),
    Column("unsubscribed_at", DateTime),
    Column("source", String(20), nullable=False),  # 'min_sida' | 'web_form' | 'event'
    Index("ix_newsletter_subscriptions_email", "email"),
    Index("ix_newsletter_subscriptions_customer_id", "customer_id"),
)

#: "May we contact you by e-mail / SMS", set under Min sida.
contact_preferences = Table(
    "contact_preferences",
    metadata,
    Column("customer_id", Integer, ForeignKey("customers.id"), primary_key=True),
    Column("allow_email", Boolean, nullable=False),
    Column("allow_sms", Boolean, nullable=False),
    Column("updated_at", DateTime, nullable=False),
)

#: Operational messages sent: price changes, outage (driftstörning) notices.
notices_sent = Table(
    "notices_sent",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("customer_id", Integer, ForeignKey("customers.id"), nullable=False),
    Column("kind", String(16), nullable=False),  # 'price_change' | 'outage'
    Column("channel", String(8), nullable=False),  # 'email' | 'sms' | 'letter'
    Column("sent_at", DateTime, nullable=False),
    Column("subject", String(200), nullable=False),
    Index("ix_notices_sent_customer_id", "customer_id"),
)

#: Requests submitted through "Min sida" (the desk imports these into its queue).
incoming_requests = Table(
    "incoming_requests",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("reference", String(20), nullable=False),  # 'MS-2026-000123'
    Column("submitted_at", DateTime, nullable=False),  # naive UTC
    # 'access' | 'rectification' | 'erasure' | 'consent_withdrawal'
    Column("request_type", String(24), nullable=False),
    Column("customer_id", Integer, ForeignKey("customers.id")),
    Column("personnummer", String(12)),
    Column("email", String(254)),
    Column("phone", String(32)),
    Column("message", Text),
    UniqueConstraint("reference", name="uq_incoming_requests_reference"),
    Index("ix_incoming_requests_submitted_at", "submitted_at"),
    Index("ix_incoming_requests_customer_id", "customer_id"),
)

#: The portal's restriction register (art. 18): a row here means the named portal row (or
#: one field of it) is kept but not used. The portal's jobs read it before they process a
#: row; the desk writes and deletes its rows. Empty in a new demo portal.
processing_restrictions = Table(
    "processing_restrictions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("table_name", String(128), nullable=False),
    Column("row_key", String(400), nullable=False),
    Column("column_name", String(128)),
    Column("ground", String(32), nullable=False),
    Column("restricted_at", DateTime, nullable=False),
    Index("ix_processing_restrictions_row", "table_name", "row_key"),
)

#: Matomo web statistics: anonymous by design (no IP, no user id) — left out of the
#: data map on purpose, which the map documents.
web_statistics = Table(
    "web_statistics",
    metadata,
    Column("day", Date, primary_key=True),
    Column("page", String(120), primary_key=True),
    Column("visits", Integer, nullable=False),
)

#: Case-insensitive e-mail lookups (``lower(email) = ?``) need an expression index on
#: PostgreSQL and SQLite, as a real portal searched by e-mail has. MariaDB compares under
#: its case-insensitive collation, where the plain index already serves.
_LOWER_EMAIL_DIALECTS = ("postgresql", "sqlite")
for _table, _name in ((customers, "ix_customers_email_lower"),
                      (portal_accounts, "ix_portal_accounts_email_lower"),
                      (contact_messages, "ix_contact_messages_email_lower"),
                      (newsletter_subscriptions, "ix_newsletter_subscriptions_email_lower")):
    Index(_name, func.lower(_table.c.email), info={"dialects": _LOWER_EMAIL_DIALECTS}).ddl_if(
        dialect=_LOWER_EMAIL_DIALECTS)  # type: ignore[arg-type]  # a tuple is documented


def indexes_for(table: Table, dialect: str) -> list[Index]:
    """The table's secondary indexes that apply on ``dialect``, in a stable order."""
    return sorted(
        (i for i in table.indexes if dialect in i.info.get("dialects", (dialect,))),
        key=lambda i: str(i.name),
    )


#: Table names in foreign-key order: parents first (load order; reverse to drop).
TABLES_IN_LOAD_ORDER = [t.name for t in metadata.sorted_tables]
