"""What goes into an extract: the person's data by category and table, minus what is withheld.

Built once from :class:`~privacy_desk.portal.lookup.PersonData` and the officer's
withholdings, then rendered by :mod:`~privacy_desk.reports.pdf` and
:mod:`~privacy_desk.reports.bundle` alike, so a withheld field can reach neither output:
its value is dropped here, before any renderer sees it. The same goes for a column that
points at another person (art. 15(4)): its id is replaced here by what the map allows
(:class:`~privacy_desk.reports.words.OtherPerson`: the role, or the person's name), or the
field is withheld.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from functools import cached_property
from typing import Any

from privacy_desk.casestore.persons import HistoryEntry
from privacy_desk.clock import stockholm_today, utcnow
from privacy_desk.datamap.model import (
    Category,
    ColumnSpec,
    DataMap,
    Disclosure,
    Recipient,
    TableSpec,
)
from privacy_desk.identifiers import PHONE, phone_text
from privacy_desk.organisation import Organisation
from privacy_desk.portal.linked import LinkedLabels, link_key_column
from privacy_desk.portal.lookup import PersonData, jsonable
from privacy_desk.reports.words import OtherPerson, cell_text


def row_key_json(key: Mapping[str, Any]) -> str:
    """A row's primary key as canonical JSON: how withholdings name a row, never by content."""
    return json.dumps({k: jsonable(v) for k, v in key.items()}, sort_keys=True,
                      separators=(",", ":"), ensure_ascii=False)


@dataclass(frozen=True)
class Withholding:
    """Leave out one field (``column``) or a whole row (``column`` None) of ``table``."""

    table: str
    row_key: str
    column: str | None = None


@dataclass(frozen=True)
class ExtractRow:
    """One row's values for one category, with its provenance (table + primary key).

    ``withheld`` names the fields marked withheld (their values are None here).
    """

    key: Mapping[str, Any]
    values: Mapping[str, Any]
    withheld: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExtractTable:
    name: str
    columns: tuple[str, ...]
    rows: tuple[ExtractRow, ...]
    #: the map's table: its words (title, column titles, value labels)
    spec: TableSpec | None = None
    #: the map's country for numbers written without one (phone numbers read nationally)
    phone_region: str = "SE"

    def title(self, lang: str) -> str:
        return self.spec.title_in(lang) if self.spec else self.name

    def column_title(self, name: str, lang: str) -> str:
        return self.spec.column_title(name, lang) if self.spec else name

    def cell(self, row: ExtractRow, name: str, lang: str, mark: str) -> str:
        """The cell as the person reads it: ``mark`` for a withheld field."""
        if name in row.withheld:
            return mark
        col = self.spec.column(name) if self.spec else None
        value = row.values.get(name)
        places = self._decimals.get(name)
        if places and isinstance(value, int) and not isinstance(value, bool):
            # SQLite keeps 12.00 as 12: in a column of amounts it still reads "12,00".
            value = Decimal(value).quantize(Decimal(1).scaleb(-places))
        elif col is not None and col.meaning == "quantity" and isinstance(value, int) \
                and not isinstance(value, bool):
            value = Decimal(value)  # a measured amount (kWh) reads "2 877" like money
        elif isinstance(value, str) and name in self._personnummer_columns:
            value = _personnummer_text(value)
        elif isinstance(value, str) and name in self._phone_columns:
            value = phone_text(value, self.phone_region)
        return cell_text(col, value, lang)

    @cached_property
    def _phone_columns(self) -> frozenset[str]:
        if self.spec is None:
            return frozenset()
        return frozenset(i.column for i in self.spec.identity if i.kind == PHONE)

    @cached_property
    def _personnummer_columns(self) -> frozenset[str]:
        if self.spec is None:
            return frozenset()
        return frozenset(i.column for i in self.spec.identity if i.kind == "personnummer")

    @cached_property
    def _decimals(self) -> dict[str, int]:
        """column -> the decimal places its amounts are written with (when it has any)."""
        out: dict[str, int] = {}
        for row in self.rows:
            for name, value in row.values.items():
                places = 0
                if isinstance(value, Decimal) and isinstance(value.as_tuple().exponent, int):
                    places = max(0, -int(value.as_tuple().exponent))
                elif isinstance(value, float) and value != round(value):
                    places = 2 if round(value, 2) == value else 0
                if places:
                    out[name] = max(out.get(name, 0), places)
        return out


@dataclass(frozen=True)
class ExtractCategory:
    name: str
    info: Category | None
    tables: tuple[ExtractTable, ...]

    def title(self, lang: str) -> str:
        return self.info.title.get(lang) if self.info else self.name

    @property
    def row_count(self) -> int:
        return sum(len(t.rows) for t in self.tables)


@dataclass(frozen=True)
class WithheldCounts:
    """What was left out, counted as the letter tells it.

    ``rows`` and ``fields`` concern other people (the officer's withholdings, links the map
    withholds); ``undisclosed`` are fields the map never discloses (a password hash).
    """

    rows: int = 0
    fields: int = 0
    undisclosed: int = 0

    @property
    def total(self) -> int:
        return self.rows + self.fields + self.undisclosed


@dataclass(frozen=True)
class Extract:
    """Everything an extract shows, independent of its format."""

    case_number: str
    received_on: date
    produced_at: datetime
    person_label: str
    datamap_name: str
    categories: tuple[ExtractCategory, ...]
    #: table -> (key columns, personal columns) for the per-table CSV files
    table_columns: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]]
    #: table -> rows (key + every personal column) for the per-table CSV files
    table_rows: Mapping[str, tuple[ExtractRow, ...]]
    withheld: WithheldCounts
    #: the map's tables that appear in the extract (their words go into the manifest)
    tables: Mapping[str, TableSpec] = field(default_factory=dict)
    # --- the covering letter (issue 13), set by the service from the case and settings
    #: the person's postal address from the portal (lines under their name)
    address: tuple[str, ...] = ()
    #: the case's recorded allowance decision: a fee (amount, reason), or None (free)
    fee_sek: Decimal | None = None
    fee_reason: str = ""
    #: the controller (standing texts: sources, automated decisions, transfers, complaint)
    organisation: Organisation | None = None
    #: the map's named recipients of the categories in the extract (art. 15(1)(c), 15(2))
    recipients: tuple[Recipient, ...] = ()
    #: what the desk itself holds about the person: their requests and the decisions
    desk_records: tuple[HistoryEntry, ...] = ()
    #: the answer's last day (art. 12(3)) when the extract comes after it: the letter
    #: apologises instead of passing over the delay
    late_since: date | None = None

    @property
    def row_count(self) -> int:
        return sum(len(rows) for rows in self.table_rows.values())

    @property
    def withheld_count(self) -> int:
        """Every row and field left out or marked withheld, whatever the reason."""
        return self.withheld.total


def _personnummer_text(value: str) -> str:
    """'200312247307' as a Swede writes it, '20031224-7307' (python-stdnum); anything that
    is no valid personnummer as it is stored."""
    from stdnum import se
    from stdnum.exceptions import ValidationError

    try:
        return str(se.personnummer.format(se.personnummer.validate(value)))
    except ValidationError:
        return value


def shown_value(col: ColumnSpec, value: Any, linked: LinkedLabels,
                key_column: str | None) -> Any:
    """A link to another person as the map lets it be shown; any other value unchanged."""
    link = col.person
    if link is None or value is None:
        return value
    name = None
    if link.disclose is Disclosure.DISCLOSED and key_column is not None:
        name = linked.get((link.table, key_column), {}).get(str(value))
    return OtherPerson(link.role, name)


def build_extract(person: PersonData, withholdings: Iterable[Withholding], *, case_number: str,
                  received_on: date, produced_at: datetime,
                  linked: LinkedLabels | None = None) -> Extract:
    """Split the person's rows by category and drop every withheld row and value.

    ``linked`` holds the names of other persons behind disclosed links
    (:func:`privacy_desk.portal.linked.linked_labels`); without it they show their role.
    """
    dm = person.datamap
    labels: LinkedLabels = linked or {}
    rows_out: set[tuple[str, str]] = set()
    fields_out: dict[tuple[str, str], set[str]] = {}
    for w in withholdings:
        if w.column is None:
            rows_out.add((w.table, w.row_key))
        else:
            fields_out.setdefault((w.table, w.row_key), set()).add(w.column)

    cats: dict[str, dict[str, list[ExtractRow]]] = {}
    per_table: dict[str, list[ExtractRow]] = {}
    rows_withheld = fields_withheld = undisclosed = 0
    for row in person.rows:
        spec = dm.tables[row.table]
        rk = row_key_json(row.key)
        if (row.table, rk) in rows_out:
            rows_withheld += 1
            continue
        shown = [n for n in row.values
                 if spec.columns[n].personal and spec.columns[n].category]
        by_officer = fields_out.get((row.table, rk), set()) & set(shown)
        # Fields the map never discloses (a password hash) are named and marked, not shown;
        # so is a link to another person the map withholds (when there is one).
        by_map = {n for n in shown if n not in by_officer and not spec.columns[n].disclose}
        links_out = {n for n in shown if n not in by_officer | by_map
                     and _withheld_link(spec.columns[n]) and row.values[n] is not None}
        fields_withheld += len(by_officer) + len(links_out)
        undisclosed += len(by_map)
        hidden = by_officer | by_map | links_out
        personal = {
            n: None if n in hidden else shown_value(
                spec.columns[n], row.values[n], labels, _key_column(dm, spec.columns[n]))
            for n in shown}
        withheld = tuple(n for n in personal if n in hidden)
        per_table.setdefault(row.table, []).append(ExtractRow(row.key, personal, withheld))
        split: dict[str, dict[str, Any]] = {}
        for name, value in personal.items():
            split.setdefault(spec.columns[name].category or "", {})[name] = value
        for cat, values in split.items():
            cats.setdefault(cat, {}).setdefault(row.table, []).append(
                ExtractRow(row.key, values, tuple(n for n in withheld if n in values)))

    order = list(dm.categories) + sorted(set(cats) - set(dm.categories))
    table_order = {name: i for i, name in enumerate(dm.tables)}
    categories = tuple(
        ExtractCategory(
            name, dm.categories.get(name),
            tuple(ExtractTable(t, _columns(dm.tables[t].columns, name), tuple(rows),
                               dm.tables[t], dm.phone_region)
                  for t, rows in sorted(cats[name].items(), key=lambda i: table_order[i[0]])))
        for name in order if name in cats)
    table_columns = {
        t: (dm.tables[t].primary_key,
            tuple(n for n, c in dm.tables[t].columns.items() if c.personal and c.category))
        for t in per_table}
    return Extract(case_number, received_on, produced_at, person.candidate.label, dm.name,
                   categories, table_columns, {t: tuple(r) for t, r in per_table.items()},
                   WithheldCounts(rows_withheld, fields_withheld, undisclosed),
                   {t: dm.tables[t] for t in per_table})


def _withheld_link(col: ColumnSpec) -> bool:
    return col.person is not None and col.person.disclose is Disclosure.WITHHELD


def _key_column(dm: DataMap, col: ColumnSpec) -> str | None:
    if col.person is None or col.person.table not in dm.tables:
        return None
    return link_key_column(dm, col.person)


def _columns(columns: Mapping[str, Any], category: str) -> tuple[str, ...]:
    return tuple(n for n, c in columns.items() if c.personal and c.category == category)


#: Which address a letter goes to when the person has several (the first kind found).
PREFERRED_ADDRESS_KINDS = ("billing", "postal", "home", "facility")
#: A country the letters are posted in: no country line for these (any case).
HOME_COUNTRIES = frozenset({"se", "swe", "sweden", "sverige"})


def postal_address(extract: Extract) -> tuple[str, ...]:
    """The person's postal address from their own data in the extract: the street line,
    'postcode town' and, for an address abroad, the country, from the columns the map marks
    ``meaning: street``/``postcode``/``city``/``country`` (a billing address first). Empty
    when the map marks none; withheld values never show."""
    found: list[tuple[int, tuple[str, ...]]] = []
    for cat in extract.categories:
        for table in cat.tables:
            if table.spec is None:
                continue
            meant = {c.meaning: name for name, c in table.spec.columns.items() if c.meaning}
            if "street" not in meant and "postcode" not in meant:
                continue
            for row in table.rows:
                def value(meaning: str, row: ExtractRow = row,
                          meant: Mapping[str, str] = meant) -> str:
                    col = meant.get(meaning)
                    if col is None or col in row.withheld:
                        return ""
                    v = row.values.get(col)
                    return "" if v is None else " ".join(str(v).split())
                street, town = value("street"), " ".join(
                    x for x in (value("postcode"), value("city")) if x)
                lines = tuple(x for x in (street, town) if x)
                if not lines:
                    continue
                country = value("country")
                if country and country.casefold() not in HOME_COUNTRIES:
                    lines += (country.upper(),)  # the country last, in capitals (UPU)
                kinds = [str(v) for v in row.values.values() if isinstance(v, str)]
                rank = min((PREFERRED_ADDRESS_KINDS.index(k) for k in kinds
                            if k in PREFERRED_ADDRESS_KINDS),
                           default=len(PREFERRED_ADDRESS_KINDS))
                found.append((rank, lines))
    return min(found, key=lambda f: f[0])[1] if found else ()


def person_postal_address(person: PersonData) -> tuple[str, tuple[str, ...]]:
    """The person's name and postal address (:func:`postal_address`) from the data the
    portal holds, without any withholding: what a letter is addressed to."""

    extract = build_extract(person, (), case_number="", received_on=stockholm_today(),
                            produced_at=utcnow())
    return extract.person_label, postal_address(extract)
