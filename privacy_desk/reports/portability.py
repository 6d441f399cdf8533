"""The portability copy (art. 20): only what the person provided, or the company observed.

Which columns are in scope is the data map's word (docs/datamap.md, "Portability"): a
personal column is **included** when its category rests on consent or a contract (art.
20(1)(a)) and its provenance is ``provided`` or ``observed`` (the EDPB's WP242 reading:
meter readings, usage, login history count as provided). Everything else is **left out**
with the reason the cover letter gives: inferred or created by the company, another legal
basis, never disclosed (a password hash), a link to another person, or not classified in
the map. The copy reuses the extract's JSON/CSV layout (:mod:`privacy_desk.reports.bundle`)
under its own format name, with the left-out columns listed in the manifest.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from privacy_desk.datamap.model import ColumnSpec, DataMap
from privacy_desk.portal.lookup import PersonData, Row
from privacy_desk.reports.bundle import bundle_members
from privacy_desk.reports.extract import Extract, build_extract

FORMAT = "privacy-desk-portability/1"
DATA_NAME = "portability.json"


class LeftOut(enum.StrEnum):
    """Why a personal column is not in the portability copy."""

    INFERRED = "inferred"  # inferred, derived or created by the company
    BASIS = "basis"  # processed on another legal basis than consent or contract
    UNDISCLOSED = "undisclosed"  # never disclosed, even to the person (a password hash)
    OTHER_PERSON = "other_person"  # points at another person (art. 20(4))
    UNCLASSIFIED = "unclassified"  # the map does not say where it came from


@dataclass(frozen=True)
class Scope:
    """table -> included columns, and (table, column) -> why it is left out."""

    included: Mapping[str, tuple[str, ...]]
    left_out: Mapping[tuple[str, str], LeftOut]

    def tables_left_out(self, reason: LeftOut) -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {}
        for (t, c), r in self.left_out.items():
            if r is reason:
                out.setdefault(t, []).append(c)
        return {t: tuple(cs) for t, cs in out.items()}


def column_scope(datamap: DataMap, col: ColumnSpec) -> LeftOut | None:
    """None when the column belongs in the portability copy, else why not."""
    category = datamap.categories.get(col.category or "")
    if col.person is not None:
        return LeftOut.OTHER_PERSON
    if not col.disclose:
        return LeftOut.UNDISCLOSED
    if col.provenance is None or category is None or not category.bases:
        return LeftOut.UNCLASSIFIED
    if not col.provenance.portable:
        return LeftOut.INFERRED
    if not category.portable_basis:
        return LeftOut.BASIS
    return None


def portability_scope(datamap: DataMap) -> Scope:
    """What the map puts in and leaves out of a portability copy, for every table."""
    included: dict[str, tuple[str, ...]] = {}
    left: dict[tuple[str, str], LeftOut] = {}
    for spec in datamap.tables.values():
        cols = []
        for col in spec.columns.values():
            if not col.personal or not col.category:
                continue
            why = column_scope(datamap, col)
            if why is None:
                cols.append(col.name)
            else:
                left[(spec.name, col.name)] = why
        if cols:
            included[spec.name] = tuple(cols)
    return Scope(included, left)


def portable_person(person: PersonData, scope: Scope) -> PersonData:
    """The person's rows cut down to the included columns (rows with none dropped)."""
    rows = []
    for r in person.rows:
        keep = scope.included.get(r.table, ())
        if keep:
            rows.append(Row(r.table, r.key, {c: r.values[c] for c in keep if c in r.values}))
    return dataclasses.replace(person, rows=tuple(rows))


def build_portability(person: PersonData, *, case_number: str, received_on: date,
                      produced_at: datetime) -> tuple[Extract, Scope]:
    """The portable part of the person's data as an :class:`Extract`, and the scope."""
    scope = portability_scope(person.datamap)
    cut = portable_person(person, scope)
    extract = build_extract(cut, [], case_number=case_number, received_on=received_on,
                            produced_at=produced_at)
    columns = {t: (keys, tuple(c for c in cols if c in scope.included.get(t, ())))
               for t, (keys, cols) in extract.table_columns.items()}
    return dataclasses.replace(extract, table_columns=columns), scope


def left_out_json(scope: Scope, person: PersonData) -> list[dict[str, str]]:
    """The left-out columns of tables the person has rows in, for the manifest."""
    tables = {r.table for r in person.rows}
    return [{"table": t, "column": c, "reason": why.value}
            for (t, c), why in sorted(scope.left_out.items()) if t in tables]


def portability_members(extract: Extract, scope: Scope, person: PersonData,
                        lang: str = "sv") -> dict[str, bytes]:
    return bundle_members(extract, lang, fmt=FORMAT, data_name=DATA_NAME,
                          manifest_extra={"left_out": left_out_json(scope, person)})
