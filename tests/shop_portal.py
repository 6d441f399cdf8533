"""A portal of another shape than the demo, for end-to-end tests of the data map.

A record shop (loosely shaped like the well-known Chinook sample schema, with every value
synthetic): CamelCase names, two kinds of person (customers and the employees who serve
them), a music catalogue with no person in it, invoice lines that have no date of their
own, NOT NULL and foreign-key constraints the portal enforces, one table whose link to the
customer is not declared as a foreign key, and phone numbers of several countries. Its map
is docs/examples/shop-datamap.yaml.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from sqlalchemy import (
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
    insert,
)
from sqlalchemy.engine import Engine

MAP_FILE = Path(__file__).resolve().parents[1] / "docs" / "examples" / "shop-datamap.yaml"

md = MetaData()
Artist = Table("Artist", md, Column("ArtistId", Integer, primary_key=True),
               Column("Name", String(120)))
Album = Table("Album", md, Column("AlbumId", Integer, primary_key=True),
              Column("Title", String(160), nullable=False),
              Column("ArtistId", Integer, ForeignKey("Artist.ArtistId"), nullable=False))
Genre = Table("Genre", md, Column("GenreId", Integer, primary_key=True),
              Column("Name", String(120)))
Track = Table("Track", md, Column("TrackId", Integer, primary_key=True),
              Column("Name", String(200), nullable=False),
              Column("AlbumId", Integer, ForeignKey("Album.AlbumId")),
              Column("GenreId", Integer, ForeignKey("Genre.GenreId")),
              Column("Composer", String(220)),
              Column("UnitPrice", Numeric(10, 2), nullable=False))
Employee = Table(
    "Employee", md,
    Column("EmployeeId", Integer, primary_key=True),
    Column("LastName", String(20), nullable=False),
    Column("FirstName", String(20), nullable=False),
    Column("Title", String(30)),
    Column("ReportsTo", Integer, ForeignKey("Employee.EmployeeId")),
    Column("BirthDate", Date),
    Column("HireDate", Date),
    Column("City", String(40)),
    Column("PostalCode", String(10)),
    Column("Phone", String(24)),
    Column("Email", String(60), nullable=False),
    Index("IFK_EmployeeReportsTo", "ReportsTo"),
    Index("IX_Employee_Email", "Email"),
    Index("IX_Employee_Phone", "Phone"),
)
Customer = Table(
    "Customer", md,
    Column("CustomerId", Integer, primary_key=True),
    Column("FirstName", String(40), nullable=False),
    Column("LastName", String(20), nullable=False),
    Column("Company", String(80)),
    Column("Address", String(70)),
    Column("City", String(40)),
    Column("PostalCode", String(10)),
    Column("Country", String(40)),
    Column("Phone", String(24)),
    Column("Email", String(60), nullable=False),
    Column("SupportRepId", Integer, ForeignKey("Employee.EmployeeId")),
    Index("IFK_CustomerSupportRepId", "SupportRepId"),
    Index("IX_Customer_Email", "Email"),
    Index("IX_Customer_Phone", "Phone"),
)
Invoice = Table(
    "Invoice", md,
    Column("InvoiceId", Integer, primary_key=True),
    Column("CustomerId", Integer, ForeignKey("Customer.CustomerId"), nullable=False),
    Column("InvoiceDate", DateTime, nullable=False),
    Column("BillingAddress", String(70)),
    Column("BillingCity", String(40)),
    Column("BillingPostalCode", String(10)),
    Column("Total", Numeric(10, 2), nullable=False),
    Index("IFK_InvoiceCustomerId", "CustomerId"),
)
InvoiceLine = Table(
    "InvoiceLine", md,
    Column("InvoiceLineId", Integer, primary_key=True),
    Column("InvoiceId", Integer, ForeignKey("Invoice.InvoiceId"), nullable=False),
    Column("TrackId", Integer, ForeignKey("Track.TrackId"), nullable=False),
    Column("UnitPrice", Numeric(10, 2), nullable=False),
    Column("Quantity", Integer, nullable=False),
    Index("IFK_InvoiceLineInvoiceId", "InvoiceId"),
)
# The shop's support log links to customers by convention only: no declared foreign key.
SupportCall = Table(
    "SupportCall", md,
    Column("CallId", Integer, primary_key=True),
    Column("CustomerRef", Integer, nullable=False),
    Column("CalledAt", DateTime, nullable=False),
    Column("Notes", String(400)),
    Index("IX_SupportCall_CustomerRef", "CustomerRef"),
)
# Sign-ups from the web shop's footer: people who may never have bought anything.
NewsletterSignup = Table(
    "NewsletterSignup", md,
    Column("SignupId", Integer, primary_key=True),
    Column("EmailAddress", String(60), nullable=False),
    Column("SignedUpAt", DateTime, nullable=False),
    Index("IX_NewsletterSignup_Email", "EmailAddress"),
)

#: Synthetic people: (id, first, last, city, postcode, country, phone as the shop stores it,
#: e-mail, support rep). The Swedish mobile is from the range PTS reserves for fiction.
CUSTOMERS = [
    (1, "Astrid", "Lindqvist", "Uppsala", "753 20", "Sweden", "070-174 06 05",
     "astrid.lindqvist@example.se", 3),
    (2, "Ingrid", "Haugen", "Oslo", "0150", "Norway", "+47 22 00 00 01",
     "ingrid.haugen@example.no", 3),
    (3, "Luiz", "Barros", "São José dos Campos", "12227-000", "Brazil", "+55 (12) 3900-0001",
     "luiz.barros@example.com.br", 4),
    (4, "August", "Karlström", "Malmö", "211 20", "Sweden", "040-600 00 01",
     "august.k@example.se", 4),
    (5, "August", "Karlström", "Luleå", "972 31", "Sweden", None,
     "a.karlstrom@example.se", 4),
]
EMPLOYEES = [
    (1, "Nyberg", "Sara", "General Manager", None, dt.date(1971, 2, 18), "Stockholm", "111 20",
     "+46 8 000 00 01", "sara@shop.example"),
    (3, "Ek", "Jonas", "Sales Support Agent", 1, dt.date(1985, 8, 29), "Stockholm", "113 30",
     "+46 8 000 00 03", "jonas@shop.example"),
    (4, "Moreau", "Claire", "Sales Support Agent", 1, dt.date(1990, 5, 3), "Göteborg",
     "411 01", "+33 1 00 00 00 04", "claire@shop.example"),
]
#: Invoices per customer: (invoice id, customer, date, total); lines follow their invoice.
INVOICES = [
    (10, 1, dt.datetime(2016, 5, 3, 10, 0), Decimal("1.98")),   # old: erasable
    (11, 1, dt.datetime(2025, 9, 15, 14, 30), Decimal("3.96")),  # held (bookkeeping)
    (12, 2, dt.datetime(2024, 2, 1, 9, 0), Decimal("0.99")),
    (13, 3, dt.datetime(2026, 1, 20, 12, 0), Decimal("1.98")),
]
LINES = [(100, 10, 1, 2), (101, 11, 1, 2), (102, 11, 2, 2), (103, 12, 2, 1), (104, 13, 1, 2)]


def create_shop_portal(engine: Engine) -> None:
    """Create the shop's tables on ``engine`` (an empty database) and fill in synthetic rows."""
    md.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(Artist), [{"ArtistId": 1, "Name": "Kvartetten Nord"},
                                      {"ArtistId": 2, "Name": "Orkester Syd"}])
        conn.execute(insert(Album), [{"AlbumId": 1, "Title": "Vinterljus", "ArtistId": 1},
                                     {"AlbumId": 2, "Title": "Sommarnatt", "ArtistId": 2}])
        conn.execute(insert(Genre), [{"GenreId": 1, "Name": "Jazz"},
                                     {"GenreId": 2, "Name": "Folk"}])
        conn.execute(insert(Track), [
            {"TrackId": 1, "Name": "Första snön", "AlbumId": 1, "GenreId": 1,
             "Composer": "Okänd", "UnitPrice": Decimal("0.99")},
            {"TrackId": 2, "Name": "Midsommar", "AlbumId": 2, "GenreId": 2,
             "Composer": None, "UnitPrice": Decimal("0.99")},
        ])
        conn.execute(insert(Employee), [
            {"EmployeeId": e, "LastName": last, "FirstName": first, "Title": title,
             "ReportsTo": boss, "BirthDate": born, "HireDate": dt.date(2015, 1, 1),
             "City": city, "PostalCode": pc, "Phone": phone, "Email": email}
            for e, last, first, title, boss, born, city, pc, phone, email in EMPLOYEES])
        conn.execute(insert(Customer), [
            {"CustomerId": c, "FirstName": first, "LastName": last, "Company": None,
             "Address": f"Gatan {c}", "City": city, "PostalCode": pc, "Country": country,
             "Phone": phone, "Email": email, "SupportRepId": rep}
            for c, first, last, city, pc, country, phone, email, rep in CUSTOMERS])
        conn.execute(insert(Invoice), [
            {"InvoiceId": i, "CustomerId": c, "InvoiceDate": d, "BillingAddress": f"Gatan {c}",
             "BillingCity": "Uppsala", "BillingPostalCode": "753 20", "Total": total}
            for i, c, d, total in INVOICES])
        conn.execute(insert(InvoiceLine), [
            {"InvoiceLineId": line, "InvoiceId": inv, "TrackId": track,
             "UnitPrice": Decimal("0.99"), "Quantity": qty}
            for line, inv, track, qty in LINES])
        conn.execute(insert(SupportCall), [
            {"CallId": 1, "CustomerRef": 1, "CalledAt": dt.datetime(2026, 10, 1, 9, 15),
             "Notes": "Frågade om leveranstid."},
            {"CallId": 2, "CustomerRef": 3, "CalledAt": dt.datetime(2026, 10, 2, 11, 0),
             "Notes": None},
        ])
        conn.execute(insert(NewsletterSignup), [
            {"SignupId": 1, "EmailAddress": "astrid.lindqvist@example.se",
             "SignedUpAt": dt.datetime(2024, 4, 1, 8, 0)},
            {"SignupId": 2, "EmailAddress": "nils.okand@example.org",
             "SignedUpAt": dt.datetime(2025, 6, 1, 8, 0)},
        ])
