"""Read a bounded sample of a portal table, read-only, and check guessed joins by value.

At most ``limit`` rows per table (``LIMIT``, no ``ORDER BY``: the server returns whatever
rows are cheapest, which on a table of millions is what keeps the draft fast). Each table
is read in a read-only transaction of its own, so a table the login may not read, or one
that hits the statement timeout, becomes a review item instead of ending the draft.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy import column, func, select, table
from sqlalchemy.engine import Engine

from privacy_desk.datamap.draft.catalogue import TableInfo
from privacy_desk.datamap.readonly import read_only
from privacy_desk.errors import UserError

log = logging.getLogger(__name__)

#: Column kinds whose values the classifier looks at.
SAMPLED_KINDS = frozenset({"str", "text", "int", "num", "date", "datetime"})


class SampleFailed(Exception):
    """A table could not be read (rights, timeout); the message never holds data."""


def sample_table(engine: Engine, info: TableInfo, limit: int,
                 schema: str | None = None) -> dict[str, list[Any]]:
    """column -> its non-null sampled values (at most ``limit`` rows read)."""
    names = [c.name for c in info.columns.values() if c.kind in SAMPLED_KINDS]
    out: dict[str, list[Any]] = {n: [] for n in names}
    if not names or limit <= 0:
        return out
    tbl = table(info.name, *(column(n) for n in names), schema=schema)
    query = select(*(tbl.c[n] for n in names)).limit(limit)
    try:
        with read_only(engine) as conn:
            for row in conn.execute(query):
                for n, v in zip(names, row, strict=True):
                    if v is not None:
                        out[n].append(v)
    except UserError as exc:
        log.info("Draft: table %s could not be sampled", info.name)
        raise SampleFailed(exc.message) from exc
    return out


def share_found(engine: Engine, target: str, target_column: str, values: Sequence[Any],
                schema: str | None = None) -> float | None:
    """The share of ``values`` (distinct) found in ``target.target_column``; None if unreadable.

    One indexed ``IN`` query per guess, bounded by the sample: the guess that
    ``SupportCall.CustomerRef`` joins ``Customer.CustomerId`` is checked, not assumed.
    """
    distinct = list(dict.fromkeys(values))[:500]
    if not distinct:
        return None
    tbl = table(target, column(target_column), schema=schema)
    query = select(func.count(func.distinct(tbl.c[target_column]))).where(
        tbl.c[target_column].in_(distinct))
    try:
        with read_only(engine) as conn:
            found = int(conn.execute(query).scalar_one())
    except UserError:
        return None
    return found / len(distinct)
