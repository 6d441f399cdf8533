"""The demo portal's synthetic streams, without a database."""

from __future__ import annotations

import datetime as dt

from privacy_desk.portal.demo import schema
from privacy_desk.portal.demo.synth import STREAMS, Pools, Population, format_phone


def test_every_table_has_a_stream_with_matching_columns() -> None:
    assert set(STREAMS) == set(schema.metadata.tables)
    pop = Population(60, 5, dt.date(2025, 12, 1), Pools.build(5))
    for name, table in schema.metadata.tables.items():
        first = next(STREAMS[name](pop), None)
        if first is None:  # a table a new portal leaves empty (the restriction register)
            assert name == "processing_restrictions"
            continue
        assert len(first) == len(table.columns), name


def test_phone_formats_are_the_ones_people_type() -> None:
    digits = "0701234567"
    assert [format_phone(digits, s) for s in range(5)] == [
        "070-123 45 67", "0701234567", "+46 70 123 45 67", "+46701234567", "070-1234567"]


def test_nothing_is_dated_after_as_of() -> None:
    as_of = dt.date(2025, 12, 1)
    pop = Population(200, 9, as_of, Pools.build(9))
    limit = dt.datetime.combine(as_of, dt.time())
    for name, stream in STREAMS.items():
        for row in stream(pop):
            for v in row:
                if isinstance(v, dt.datetime):
                    assert v <= limit, name
                elif isinstance(v, dt.date):
                    assert v < as_of or name == "invoices", name
