"""A third portal shape, for the draft's tests and benchmark only: a utility's ERP.

Swedish column names (kundnr, personnr, epost, telefon, postnr, gatuadress), integer
customer numbers as keys, two kinds of person (kunder and the anställda who handle their
cases), some links the schema never declares as foreign keys (fakturor and ärenden point at
the customer by convention, invoice lines at their invoice), a meter-reading table with no
primary key (only a unique index), a catalogue of tariffs, a postcode register, a view, and
foreign phone numbers. Every value is synthetic; personnummer get a valid check digit from
the Luhn rule computed here. Its hand-written map is ``erp-datamap.yaml`` beside it.
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
    Text,
    insert,
    text,
)
from sqlalchemy.engine import Engine

MAP_FILE = Path(__file__).with_name("erp-datamap.yaml")

md = MetaData()
kunder = Table(
    "kunder", md,
    Column("kundnr", Integer, primary_key=True, autoincrement=False),
    Column("personnr", String(13)),
    Column("fornamn", String(40), nullable=False),
    Column("efternamn", String(40), nullable=False),
    Column("epost", String(120)),
    Column("telefon", String(24)),
    Column("gatuadress", String(80)),
    Column("postnr", String(6)),
    Column("postort", String(40)),
    Column("skapad", DateTime, nullable=False),
    Index("ix_kunder_personnr", "personnr"),
    Index("ix_kunder_epost", "epost"),
    Index("ix_kunder_telefon", "telefon"),
)
anstallda = Table(
    "anstallda", md,
    Column("anstnr", Integer, primary_key=True, autoincrement=False),
    Column("fornamn", String(40), nullable=False),
    Column("efternamn", String(40), nullable=False),
    Column("epost", String(120), nullable=False),
    Column("befattning", String(40)),
    Index("ix_anstallda_epost", "epost"),
)
anlaggningar = Table(
    "anlaggningar", md,
    Column("anlnr", Integer, primary_key=True, autoincrement=False),
    Column("kundnr", Integer, ForeignKey("kunder.kundnr"), nullable=False),
    Column("gatuadress", String(80), nullable=False),
    Column("postnr", String(6), nullable=False),
    Column("anslutningsdatum", Date),
    Index("ix_anlaggningar_kundnr", "kundnr"),
)
# Meter readings: no primary key, only a unique index over the facility and the day.
matarvarden = Table(
    "matarvarden", md,
    Column("anlnr", Integer, ForeignKey("anlaggningar.anlnr"), nullable=False),
    Column("avlast", Date, nullable=False),
    Column("kwh", Integer, nullable=False),
    Index("ux_matarvarden", "anlnr", "avlast", unique=True),
)
# No declared foreign key to the customer: the ERP's convention.
fakturor = Table(
    "fakturor", md,
    Column("fakturanr", String(10), primary_key=True),
    Column("kundnr", Integer, nullable=False),
    Column("fakturadatum", Date, nullable=False),
    Column("forfallodatum", Date, nullable=False),
    Column("belopp", Numeric(12, 2), nullable=False),
    Column("ocr", String(20)),
    Index("ix_fakturor_kundnr", "kundnr"),
)
fakturarader = Table(
    "fakturarader", md,
    Column("fakturanr", String(10), primary_key=True),
    Column("radnr", Integer, primary_key=True, autoincrement=False),
    Column("tariffkod", String(8), ForeignKey("tariffer.tariffkod"), nullable=False),
    Column("antal", Integer, nullable=False),
    Column("belopp", Numeric(12, 2), nullable=False),
)
betalningar = Table(
    "betalningar", md,
    Column("betalningsid", Integer, primary_key=True, autoincrement=False),
    Column("fakturanr", String(10), ForeignKey("fakturor.fakturanr"), nullable=False),
    Column("betaldatum", Date, nullable=False),
    Column("belopp", Numeric(12, 2), nullable=False),
    Column("iban", String(34)),
    Index("ix_betalningar_fakturanr", "fakturanr"),
)
arenden = Table(
    "arenden", md,
    Column("arendenr", Integer, primary_key=True, autoincrement=False),
    Column("kundnr", Integer, nullable=False),
    Column("handlaggare", Integer, ForeignKey("anstallda.anstnr")),
    Column("skapad", DateTime, nullable=False),
    Column("anteckning", Text),
    Index("ix_arenden_kundnr", "kundnr"),
)
tariffer = Table(
    "tariffer", md,
    Column("tariffkod", String(8), primary_key=True),
    Column("benamning", String(80), nullable=False),
    Column("pris", Numeric(10, 4), nullable=False),
)
postorter = Table(
    "postorter", md,
    Column("postnr", String(6), primary_key=True),
    Column("ort", String(40), nullable=False),
)

IBAN = "SE4550000000058398257466"  # the format's published example number


def personnummer(yymmdd: str, serial: str) -> str:
    """A 10-digit personnummer with the Luhn check digit (synthetic)."""
    digits = yymmdd + serial
    total = 0
    for i, ch in enumerate(digits):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return f"19{yymmdd}-{serial}{(10 - total % 10) % 10}"


#: (kundnr, personnr, first, last, e-mail, phone as stored, street, postcode, city)
KUNDER = [
    (1001, personnummer("810101", "123"), "Karin", "Berg", "karin.berg@example.se",
     "070-174 06 01", "Storgatan 1", "753 20", "Uppsala"),
    (1002, personnummer("750505", "456"), "Olof", "Sund", "olof.sund@example.se",
     "+46 70 174 06 02", "Lillgatan 2", "111 20", "Stockholm"),
    (1003, personnummer("900909", "789"), "Kari", "Nordmann", "kari@example.no",
     "+47 22 00 00 03", "Kvarngatan 3", "211 20", "Malmö"),
    (1004, None, "Eva", "Ek", "EVA.EK@example.se", None, "Ekvägen 4", "972 31", "Luleå"),
]
ANSTALLDA = [(1, "Sara", "Lind", "sara@energi.example", "Kundtjänst"),
             (2, "Nils", "Holm", "nils@energi.example", "Mätning")]


def create_erp_portal(engine: Engine) -> None:
    """Create the ERP's tables and view on ``engine`` (an empty database), with rows."""
    md.create_all(engine)
    with engine.begin() as conn:
        conn.execute(text("CREATE VIEW v_kundsaldo AS SELECT kundnr, SUM(belopp) AS saldo "
                          "FROM fakturor GROUP BY kundnr"))
        conn.execute(insert(postorter), [{"postnr": p, "ort": o} for p, o in (
            ("753 20", "Uppsala"), ("111 20", "Stockholm"), ("211 20", "Malmö"),
            ("972 31", "Luleå"))])
        conn.execute(insert(tariffer), [
            {"tariffkod": "FV1", "benamning": "Fjärrvärme bas", "pris": Decimal("0.95")},
            {"tariffkod": "FV2", "benamning": "Fjärrvärme plus", "pris": Decimal("1.10")}])
        conn.execute(insert(kunder), [
            {"kundnr": k, "personnr": p, "fornamn": f, "efternamn": e, "epost": m,
             "telefon": t, "gatuadress": g, "postnr": pn, "postort": o,
             "skapad": dt.datetime(2020, 1, 1, 8, 0)}
            for k, p, f, e, m, t, g, pn, o in KUNDER])
        conn.execute(insert(anstallda), [
            {"anstnr": a, "fornamn": f, "efternamn": e, "epost": m, "befattning": b}
            for a, f, e, m, b in ANSTALLDA])
        conn.execute(insert(anlaggningar), [
            {"anlnr": 50 + i, "kundnr": k[0], "gatuadress": k[6], "postnr": k[7],
             "anslutningsdatum": dt.date(2019, 5, 1)} for i, k in enumerate(KUNDER)])
        conn.execute(insert(matarvarden), [
            {"anlnr": 50 + i, "avlast": dt.date(2026, m, 1), "kwh": 900 + 10 * m}
            for i in range(len(KUNDER)) for m in (1, 2)])
        conn.execute(insert(fakturor), [
            {"fakturanr": f"F{n:05d}", "kundnr": k, "fakturadatum": d,
             "forfallodatum": d + dt.timedelta(days=30), "belopp": Decimal("1234.50"),
             "ocr": f"{n:010d}"}
            for n, k, d in ((1, 1001, dt.date(2017, 1, 31)), (2, 1001, dt.date(2026, 1, 31)),
                            (3, 1002, dt.date(2026, 2, 28)), (4, 1003, dt.date(2025, 3, 31)))])
        conn.execute(insert(fakturarader), [
            {"fakturanr": f"F{n:05d}", "radnr": r, "tariffkod": "FV1" if r == 1 else "FV2",
             "antal": 100 * r, "belopp": Decimal("617.25")}
            for n in (1, 2, 3, 4) for r in (1, 2)])
        conn.execute(insert(betalningar), [
            {"betalningsid": i, "fakturanr": f"F{n:05d}", "betaldatum": dt.date(2026, 3, i),
             "belopp": Decimal("1234.50"), "iban": IBAN} for i, n in ((1, 1), (2, 2), (3, 3))])
        conn.execute(insert(arenden), [
            {"arendenr": 7001, "kundnr": 1001, "handlaggare": 1,
             "skapad": dt.datetime(2026, 4, 1, 10, 0),
             "anteckning": "Kunden ringde om en hög faktura och bad om en avbetalningsplan."},
            {"arendenr": 7002, "kundnr": 1003, "handlaggare": None,
             "skapad": dt.datetime(2026, 4, 2, 10, 0), "anteckning": None}])
