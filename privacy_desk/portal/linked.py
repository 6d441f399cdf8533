"""The names of other persons a person's rows point at, for links the map discloses.

A column with ``person: {disclose: disclosed}`` (a customer's account manager, say) is shown
in an extract as that person's label, never as a bare id. This reads those labels: one
read-only query per linked table, keyed by the linked table's key column. Links shown as a
role only, or withheld, are never looked up: their names do not leave the portal.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import column, select, table
from sqlalchemy.engine import Engine

from privacy_desk.datamap.model import DataMap, Disclosure, PersonLink
from privacy_desk.datamap.readonly import read_only
from privacy_desk.portal.lookup import Row

log = logging.getLogger(__name__)

#: (linked table, its key column) -> {str(key value): label}
LinkedLabels = Mapping[tuple[str, str], Mapping[str, str]]


def link_key_column(datamap: DataMap, link: PersonLink) -> str:
    """The linked table's column the link holds: as the map says, else its primary key."""
    return link.column or datamap.tables[link.table].primary_key[0]


def label_columns(datamap: DataMap, table_name: str) -> tuple[str, ...]:
    spec = datamap.tables[table_name]
    return spec.label_columns or spec.name_columns


def linked_labels(engine: Engine, datamap: DataMap, rows: Iterable[Row]) -> LinkedLabels:
    """The labels of every other person the rows point at through a disclosed link."""
    wanted: dict[tuple[str, str], set[Any]] = {}
    for row in rows:
        spec = datamap.tables[row.table]
        for name, value in row.values.items():
            col = spec.columns.get(name)
            link = col.person if col else None
            if link is None or link.disclose is not Disclosure.DISCLOSED or value is None:
                continue
            if not label_columns(datamap, link.table):
                continue
            wanted.setdefault((link.table, link_key_column(datamap, link)), set()).add(value)
    if not wanted:
        return {}
    out: dict[tuple[str, str], dict[str, str]] = {}
    with read_only(engine) as conn:
        for (tname, key_col), values in wanted.items():
            labels = label_columns(datamap, tname)
            tbl = table(tname, *(column(c) for c in dict.fromkeys((key_col, *labels))))
            query = select(tbl.c[key_col], *(tbl.c[c] for c in labels)).where(
                tbl.c[key_col].in_(sorted(values, key=repr)))
            found = out.setdefault((tname, key_col), {})
            for r in conn.execute(query):
                text = " ".join(str(v) for v in r[1:] if v not in (None, ""))
                if text:
                    found[str(r[0])] = text
    log.info("Read the labels of %d linked person(s)", sum(len(v) for v in out.values()))
    return out
