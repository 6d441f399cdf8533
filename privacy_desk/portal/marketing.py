"""Stopping direct marketing for one person (art. 21(2)-(3)), driven by the map's channels.

Each channel of the map's ``marketing:`` section names a table and either a column set to
a value (``allow_sms = false``; ``unsubscribed_at = now`` where still empty) or, without a
column, the person's rows deleted. :func:`stop_marketing` does every channel in ONE portal
transaction, on the person's rows only (their primary keys, from
:func:`~privacy_desk.portal.lookup.collect`); :func:`channels_still_open` reads the person
again and names the channels that would still reach them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import and_, delete, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError

from privacy_desk.datamap.model import MarketingChannel
from privacy_desk.dburl import backend
from privacy_desk.errors import UserError
from privacy_desk.messages import msg
from privacy_desk.portal.lookup import PersonData, Row, _Sql


class MarketingStopFailed(UserError):
    """The portal transaction failed; no channel was changed."""


def _open(channel: MarketingChannel, row: Row) -> bool:
    """Whether this row still lets the channel reach the person."""
    if channel.deletes:
        return True
    assert channel.column is not None
    value = row.values.get(channel.column)
    if channel.stamps:
        return value is None
    if isinstance(channel.value, bool):
        return value is None or bool(value) != channel.value
    return value != channel.value


def channel_rows(person: PersonData) -> dict[str, list[Row]]:
    """channel name -> the person's rows of its table that still reach them."""
    by_table = person.tables()
    return {name: [r for r in by_table.get(ch.table, []) if _open(ch, r)]
            for name, ch in person.datamap.marketing.items()}


def channels_still_open(person: PersonData) -> list[str]:
    return [name for name, rows in channel_rows(person).items() if rows]


def stop_marketing(engine: Engine, person: PersonData, now: dt.datetime) -> Mapping[str, int]:
    """Close every marketing channel for the person in one transaction; rows per channel."""
    datamap = person.datamap
    sql = _Sql(datamap, backend(engine.url))
    todo = channel_rows(person)
    done: dict[str, int] = {}
    try:
        with engine.connect() as conn, conn.begin():
            for name, rows in todo.items():
                ch = datamap.marketing[name]
                tbl = sql.t(ch.table)
                for r in rows:
                    cond = and_(*(tbl.c[k] == v for k, v in r.key.items()))
                    stmt: Any
                    if ch.deletes:
                        stmt = delete(tbl).where(cond)
                    else:
                        assert ch.column is not None
                        value: Any = now if ch.stamps else ch.value
                        stmt = update(tbl).where(cond).values({ch.column: value})
                    conn.execute(stmt)
                done[name] = len(rows)
    except (OperationalError, DBAPIError) as exc:
        raise MarketingStopFailed(
            msg("The portal refused the change or lost the connection ({error}); the "
                "transaction was rolled back and no channel was changed.",
                error=type(exc.orig).__name__),
            msg("Check the connection and the rights of the portal login, then try again.")) \
            from exc
    return done
