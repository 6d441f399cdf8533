"""Read a data map file into :class:`~privacy_desk.datamap.model.DataMap`, or say exactly why not.

The map is edited by hand by a privacy officer or DBA, so every complaint names the
file and line: YAML syntax, unknown or duplicate keys (a typo must not silently drop
a column from an erasure), references to undeclared tables, categories or hold rules,
and reference loops. Loading is pure: it never touches a database.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

import phonenumbers
import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from privacy_desk.datamap.model import (
    MAX_HOLD_YEARS,
    MEANINGS,
    SUPPORTED_VERSIONS,
    Category,
    ColumnSpec,
    DataMap,
    Disclosure,
    Erasure,
    ExcludedTable,
    HoldRule,
    IdentityColumn,
    LawfulBasis,
    MarketingChannel,
    Match,
    PersonLink,
    Provenance,
    Recipient,
    Reference,
    RequestSourceSpec,
    RestrictionMechanism,
    RestrictionRegister,
    RestrictionSpec,
    ReviewItem,
    TableHold,
    TableSpec,
    Text,
)
from privacy_desk.errors import UserError
from privacy_desk.identifiers import (
    EMAIL,
    KNOWN_KINDS,
    PATTERN_KINDS,
    IdentifierPattern,
    InvalidPattern,
    compile_pattern,
)
from privacy_desk.messages import Message, msg, render

#: RequestType values (privacy_desk.domain.requests), repeated so the map loads standalone.
REQUEST_TYPES = frozenset({"access", "rectification", "erasure", "restriction", "portability",
                           "objection", "consent_withdrawal"})
#: Fields of an incoming request the desk can read; ``id``, ``received_at``, ``type`` required.
REQUEST_FIELDS = frozenset({"id", "reference", "received_at", "type", "customer_id",
                            "personnummer", "orgnr", "email", "phone", "name", "message"})


#: The fields of a restriction register; the first four are required.
REGISTER_FIELDS = ("table", "key", "ground", "since", "column")

_E = TypeVar("_E", Erasure, Match, Disclosure, Provenance, LawfulBasis, RestrictionMechanism)


class DataMapError(UserError):
    """A data map that cannot be used; names the file and line to fix."""

    def __init__(self, file: str, line: int, problem: str | Message,
                 hint: str | Message = "") -> None:
        where = f"{file}:{line}" if line else file
        super().__init__(msg("{where}: {problem}", where=where, problem=problem),
                         hint or msg("Fix the data map (see docs/datamap.md) and load it again."))
        self.file = file
        self.line = line
        self._problem = problem

    @property
    def problem(self) -> str:
        """What is wrong, without the file and line, in the reader's language."""
        return render(self._problem)


class _Node:
    """A YAML node with its line, read through typed accessors that record what was used."""

    def __init__(self, node: Node, file: str, path: str,
                 review: list[ReviewItem] | None = None) -> None:
        self.node = node
        self.file = file
        self.path = path
        self.line = node.start_mark.line + 1
        #: every ``review: true`` marker of the file (shared by all nodes of one parse)
        self.review: list[ReviewItem] = review if review is not None else []

    def fail(self, problem: str | Message, hint: str | Message = "") -> DataMapError:
        return DataMapError(self.file, self.line, problem, hint)

    # scalars ---------------------------------------------------------------
    def scalar(self) -> Any:
        if not isinstance(self.node, ScalarNode):
            raise self.fail(msg("{path} must be a single value.", path=self.path))
        try:
            return SafeConstructor().construct_object(self.node, deep=True)
        except (ValueError, OverflowError, yaml.YAMLError) as exc:  # a 4,300-digit number
            raise self.fail(msg("{path} has a value that cannot be read ({error}).",
                                path=self.path, error=type(exc).__name__),
                            msg("Write an ordinary number, date or text there.")) from None

    def text(self) -> str:
        """A text as written: ``en: No`` is the word, not YAML 1.1's false (nor Norway's)."""
        if not isinstance(self.node, ScalarNode):
            raise self.fail(msg("{path} must be a single value.", path=self.path))
        value = str(self.node.value)
        if not value.strip():
            raise self.fail(msg("{path} must be a non-empty text.", path=self.path))
        return value.strip()

    def integer(self, low: int = 0, high: int = 10**6) -> int:
        value = self.scalar()
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(msg("{path} must be a whole number.", path=self.path))
        if not low <= value <= high:
            raise self.fail(msg("{path} must be between {low} and {high}.",
                                path=self.path, low=low, high=high))
        return value

    def boolean(self) -> bool:
        value = self.scalar()
        if not isinstance(value, bool):
            raise self.fail(msg("{path} must be true or false.", path=self.path))
        return value

    def names(self) -> tuple[str, ...]:
        """A name or a list of names (column lists)."""
        if isinstance(self.node, ScalarNode):
            return (self.text(),)
        return tuple(item.text() for item in self.items())

    def bilingual(self) -> Text:
        m = self.mapping()
        out = Text(sv=m.req("sv").text(), en=m.req("en").text())
        m.done()
        return out

    # collections -------------------------------------------------------------
    def items(self) -> list[_Node]:
        if not isinstance(self.node, SequenceNode):
            raise self.fail(msg("{path} must be a list.", path=self.path))
        return [_Node(n, self.file, f"{self.path}[{i}]", self.review)
                for i, n in enumerate(self.node.value)]

    def mapping(self) -> _Map:
        if not isinstance(self.node, MappingNode):
            raise self.fail(msg("{path} must be a mapping of keys to values.", path=self.path))
        return _Map(self)


class _Map:
    """A YAML mapping: rejects duplicate keys, and unknown keys when :meth:`done` is called."""

    def __init__(self, owner: _Node) -> None:
        self.owner = owner
        self.entries: dict[str, tuple[int, _Node]] = {}
        self.used: set[str] = set()
        assert isinstance(owner.node, MappingNode)
        for key_node, value_node in owner.node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, ScalarNode):
                raise DataMapError(owner.file, line, msg("{path} has a key that is not a name.",
                                                         path=owner.path))
            key = str(key_node.value)
            if key in self.entries:
                raise DataMapError(owner.file, line,
                                   msg("{key} appears twice in {path} (first on line {line}).",
                                       key=repr(key), path=owner.path,
                                       line=self.entries[key][0]))
            child_path = f"{owner.path}.{key}" if owner.path else key
            self.entries[key] = (line, _Node(value_node, owner.file, child_path, owner.review))
        marker = self.entries.get("review")
        # A draft's "check this" marker, allowed on any element; listed, never obeyed. (A
        # column *named* review is a mapping, not a true/false, and is left alone.)
        if marker and owner.path and isinstance(marker[1].node, ScalarNode) \
                and marker[1].boolean():
            self.used.add("review")
            owner.review.append(ReviewItem(owner.path, marker[0]))
        elif marker and isinstance(marker[1].node, ScalarNode):
            self.used.add("review")  # review: false

    def keys(self) -> list[str]:
        return list(self.entries)

    def get(self, key: str) -> _Node | None:
        self.used.add(key)
        entry = self.entries.get(key)
        return entry[1] if entry else None

    def req(self, key: str) -> _Node:
        node = self.get(key)
        if node is None:
            raise self.owner.fail(msg("{value} needs {key}.",
                                      value=self.owner.path or 'the map', key=repr(key)))
        return node

    def key_line(self, key: str) -> int:
        return self.entries[key][0]

    def children(self) -> list[tuple[str, int, _Node]]:
        self.used.update(self.entries)
        return [(k, line, n) for k, (line, n) in self.entries.items()]

    def done(self) -> None:
        for key, (line, _node) in self.entries.items():
            if key not in self.used:
                where = self.owner.path or "the top level"
                raise DataMapError(self.owner.file, line, msg("unknown key {key} in {where}.",
                                                              key=repr(key), where=where),
                                   msg("Check the spelling against docs/datamap.md."))


def load_datamap(path: str | Path) -> DataMap:
    """Read and validate a data map file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise UserError(msg("The data map {path} does not exist.", path=path),
                        msg("Give the path of a data map file (YAML).")) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(msg("The data map {path} cannot be read ({error}).",
                            path=path, error=type(exc).__name__),
                        msg("Check that it is a readable UTF-8 text file.")) from exc
    return parse_datamap(text, source=path)


def parse_datamap(text: str, *, source: Path | None = None) -> DataMap:
    """Validate a data map given as YAML text (``source`` names it in messages)."""
    file = source.name if source else "<data map>"
    root = _compose(text, file)
    root_node = _Node(root, file, "")
    top = root_node.mapping()
    version_node = top.req("datamap_version")
    version = version_node.integer(0, 99)
    if version not in SUPPORTED_VERSIONS:
        raise version_node.fail(msg("data map format version {version} is not supported.",
                                    version=version),
                                msg("This Privacy Desk reads versions {choices}.",
                                    choices=', '.join(map(str, SUPPORTED_VERSIONS))))
    name = top.req("name").text()
    desc_node = top.get("description")
    description = desc_node.text() if desc_node else ""
    region_node = top.get("phone_region")
    phone_region = region_node.text().upper() if region_node else "SE"
    if region_node and phone_region not in phonenumbers.SUPPORTED_REGIONS:
        raise region_node.fail(msg("phone_region {phone_region} is not a region code.",
                                   phone_region=repr(phone_region)),
                               msg("Use a two-letter country code such as SE, NO or DE."))

    patterns: dict[str, IdentifierPattern] = {}
    pat_node = top.get("identifier_patterns")
    if pat_node:
        for kind, _line, node in pat_node.mapping().children():
            try:
                patterns[kind] = compile_pattern(node.text())
            except InvalidPattern as exc:
                raise node.fail(msg("the pattern for {kind} cannot be used: {message}",
                                    kind=repr(kind), message=exc.message),
                                exc.hint) from None

    categories: dict[str, Category] = {}
    for cname, line, node in top.req("categories").mapping().children():
        m = node.mapping()
        title, purpose, legal_basis = (m.req("title").bilingual(), m.req("purpose").bilingual(),
                                       m.req("legal_basis").bilingual())
        told, retention = m.req("recipients").bilingual(), m.req("retention").bilingual()
        basis_node = m.get("basis")
        bases: tuple[LawfulBasis, ...] = ()
        if basis_node is not None:
            items = [basis_node] if isinstance(basis_node.node, ScalarNode) \
                else basis_node.items()
            bases = tuple(_enum(LawfulBasis, b, "legal basis") for b in items)
        prov_node = m.get("provenance")
        provenance = _enum(Provenance, prov_node, "provenance") if prov_node else None
        categories[cname] = Category(cname, title, purpose, legal_basis, told, retention,
                                     line, bases, provenance)
        m.done()

    holds: dict[str, HoldRule] = {}
    holds_node = top.get("holds")
    if holds_node:
        for hname, line, node in holds_node.mapping().children():
            m = node.mapping()
            years_node = m.req("years_after_year_end")
            years = years_node.integer(0, MAX_HOLD_YEARS)
            fy_node = m.get("financial_year_start")
            fy = _month_day(fy_node) if fy_node else (1, 1)
            holds[hname] = HoldRule(hname, m.req("law").text(), m.req("description").bilingual(),
                                    years, line, fy)
            m.done()

    recipients = _recipients(top.get("recipients"), categories)

    excluded: dict[str, ExcludedTable] = {}
    ex_node = top.get("excluded_tables")
    if ex_node:
        for tname, line, node in ex_node.mapping().children():
            excluded[tname] = _excluded(tname, line, node)

    tables: dict[str, TableSpec] = {}
    for tname, line, node in top.req("tables").mapping().children():
        if tname in excluded:
            raise DataMapError(file, line, msg("table {tname} is both mapped and excluded.",
                                               tname=repr(tname)))
        tables[tname] = _table(tname, line, node, categories=categories, holds=holds,
                                patterns=patterns, version=version)

    req_node = top.get("requests")
    register_node = top.get("restriction_register")
    marketing_node = top.get("marketing")
    top.done()

    for table in tables.values():
        for ref in table.references:
            if ref.table not in tables:
                raise DataMapError(file, ref.line,
                                   msg("table {table} refers to {table2}, which is not a table "
                                       "in the map.",
                                       table=repr(table.name), table2=repr(ref.table)),
                                   msg("Add that table under 'tables:' or fix the name."))
            target = tables[ref.table]
            if target.subject and set(ref.remote_columns) != set(target.primary_key):
                raise DataMapError(file, ref.line,
                                   msg("the reference from {table} to subject table {table2} "
                                       "must join on its whole primary key ({choices}).",
                                       table=repr(table.name), table2=repr(ref.table),
                                       choices=', '.join(target.primary_key)))
            for remote in ref.remote_columns:
                if remote not in target.columns and remote not in target.primary_key:
                    raise DataMapError(file, ref.line,
                                       msg("the reference from {table} joins on "
                                           "{table2}.{remote}, which the map does not declare.",
                                           table=repr(table.name), table2=ref.table, remote=remote))
    subjects = [t for t in tables.values() if t.subject]
    if not subjects:
        raise DataMapError(file, top.key_line("tables"),
                           msg("no table is marked 'subject: true'."),
                           msg("Mark the table whose rows are persons (e.g. customers)."))
    kinds: dict[str, TableSpec] = {}
    for t in subjects:
        if t.kind in kinds:
            raise DataMapError(file, t.line, msg("subject tables {name} and {t} both have kind "
                                                 "{kind}.",
                                                 name=repr(kinds[t.kind].name), t=repr(t.name),
                                                 kind=repr(t.kind)),
                               msg("Give each kind of person its own 'kind'."))
        kinds[t.kind] = t
    _check_links(tables, file)
    requests = _requests(req_node, subjects) if req_node else None
    paths = _paths(tables, file)
    _check_hold_via(tables, paths, file)
    register = _register(register_node, tables) if register_node else None
    for table in tables.values():
        r = table.restriction
        if r is not None and r.mechanism is RestrictionMechanism.REGISTER and register is None:
            raise DataMapError(file, r.line, f"table {table.name!r} is restricted through the "
                               "restriction register, but the map has no "
                               "'restriction_register'.",
                               "Describe the portal's restriction table under "
                               "'restriction_register:' (see docs/datamap.md).")
    for rec in recipients.values():
        unknown = [t for t in rec.tables if t not in tables]
        if unknown:
            raise DataMapError(file, rec.line, f"recipient {rec.name!r} names table "
                               f"{unknown[0]!r}, which is not in 'tables:'.",
                               "Use a table of the map.")
    marketing = _marketing(marketing_node, tables) if marketing_node else {}
    return DataMap(name=name, version=version, tables=MappingProxyType(tables),
                   categories=MappingProxyType(categories), holds=MappingProxyType(holds),
                   excluded=MappingProxyType(excluded),
                   identifier_patterns=MappingProxyType(patterns), requests=requests,
                   source=source, description=description, paths=MappingProxyType(paths),
                   phone_region=phone_region, review=tuple(root_node.review),
                   restriction_register=register, marketing=MappingProxyType(marketing),
                   recipients=MappingProxyType(recipients))


def _register(node: _Node, tables: Mapping[str, TableSpec]) -> RestrictionRegister:
    """The portal's restriction table: where a restricted row is written (art. 18)."""
    m = node.mapping()
    tnode = m.req("table")
    table = tnode.text()
    if table in tables:
        raise tnode.fail(f"the restriction register {table!r} is a mapped table; it holds "
                         "markers, not a person's data.",
                         "List it under excluded_tables with the reason instead.")
    columns: dict[str, str] = {}
    for name, _line, cnode in m.req("columns").mapping().children():
        if name not in REGISTER_FIELDS:
            raise cnode.fail(f"unknown restriction register field {name!r}.",
                             f"Use: {', '.join(REGISTER_FIELDS)}.")
        columns[name] = cnode.text()
    for needed in REGISTER_FIELDS[:4]:
        if needed not in columns:
            raise node.fail(f"restriction_register.columns needs {needed!r}.")
    m.done()
    return RestrictionRegister(table, MappingProxyType(columns), node.line)


def _marketing(node: _Node, tables: Mapping[str, TableSpec]) -> dict[str, MarketingChannel]:
    """Channels of direct marketing, each stopped by deleting rows or setting a column."""
    out: dict[str, MarketingChannel] = {}
    for name, line, cnode in node.mapping().children():
        m = cnode.mapping()
        title = m.req("title").bilingual()
        tnode = m.req("table")
        table = tnode.text()
        spec = tables.get(table)
        if spec is None:
            raise tnode.fail(f"marketing channel {name!r} names table {table!r}, which is not "
                             "a table in the map.")
        col_node, value_node = m.get("column"), m.get("value")
        column = col_node.text() if col_node else None
        value = value_node.scalar() if value_node else None
        if column is not None and column not in spec.columns:
            assert col_node is not None
            raise col_node.fail(f"column {column!r} of marketing channel {name!r} is not "
                                f"declared under tables.{table}.columns.")
        if column is not None and value_node is None:
            raise cnode.fail(f"marketing channel {name!r} sets {column!r} but gives no "
                             "'value' (false, 0, now, ...).")
        if column is None and value_node is not None:
            assert value_node is not None
            raise value_node.fail("'value' needs a 'column'; without one the person's rows "
                                  "of the table are deleted.")
        m.done()
        out[name] = MarketingChannel(name, title, table, column, value, line)
    return out


def _restriction(node: _Node, columns: Mapping[str, ColumnSpec], tname: str) -> RestrictionSpec:
    m = node.mapping()
    mechanism = _enum(RestrictionMechanism, m.req("mechanism"), "restriction mechanism")
    col_node, value_node, tell_node = m.get("column"), m.get("value"), m.get("tell")
    tell = tell_node.names() if tell_node else ()
    column = ""
    value: str | int | bool | None = None
    if mechanism in (RestrictionMechanism.FLAG, RestrictionMechanism.STATUS):
        if col_node is None or value_node is None:
            raise node.fail(f"a {mechanism.value} restriction needs 'column' and 'value'.")
        column = col_node.text()
        if column not in columns:
            raise col_node.fail(f"restriction column {column!r} of {tname!r} is not declared "
                                "under 'columns'.")
        value = value_node.scalar()
        if mechanism is RestrictionMechanism.FLAG and value not in (True, 1):
            raise value_node.fail("a flag restriction sets its column to true (or 1).",
                                  "For another value use 'mechanism: status'.")
        if mechanism is RestrictionMechanism.STATUS and not isinstance(value, str):
            raise value_node.fail("a status restriction sets its column to a text value "
                                  "('restricted').")
    elif col_node is not None or value_node is not None:
        bad = col_node or value_node
        assert bad is not None
        raise bad.fail(f"'column' and 'value' belong to flag and status restrictions, "
                       f"not {mechanism.value!r}.")
    if mechanism is RestrictionMechanism.NONE and not tell:
        raise node.fail(f"table {tname!r} has no restriction mechanism: say which systems "
                        "must be told with 'tell: [...]'.")
    m.done()
    return RestrictionSpec(mechanism, column, value, tell, node.line)


def _recipients(node: _Node | None, categories: Mapping[str, Category]
                ) -> dict[str, Recipient]:
    """The optional ``recipients:`` section: who the data is disclosed to, by category."""
    out: dict[str, Recipient] = {}
    if node is None:
        return out
    for key, line, child in node.mapping().children():
        m = child.mapping()
        cats_node = m.req("categories")
        cats = cats_node.names()
        for cat in cats:
            if cat not in categories:
                raise cats_node.fail(f"recipient {key!r} names category {cat!r}, which is not "
                                     "in 'categories:'.", "Use a category of the map.")
        address_node = m.get("address")
        address = address_node.names() if address_node else ()
        email_node, country_node = m.get("email"), m.get("third_country")
        safe_node = m.get("safeguards")
        country = country_node.text() if country_node else ""
        if country and safe_node is None:
            raise child.fail(f"recipient {key!r} is in a third country but names no safeguards "
                             "(art. 15(2), 46).",
                             "Add 'safeguards: {sv: ..., en: ...}', e.g. the EU's standard "
                             "contractual clauses.")
        tables_node = m.get("tables")
        out[key] = Recipient(key, m.req("name").text(), address,
                             email_node.text() if email_node else "", cats, country,
                             safe_node.bilingual() if safe_node else None, line,
                             tables_node.names() if tables_node else ())
        m.done()
    return out


def _compose(text: str, file: str) -> Node:
    """The YAML node tree, or a DataMapError (syntax, absurd nesting)."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise DataMapError(file, line, msg("not valid YAML: {value}.",
                                           value=exc.problem or exc.context),
                           msg("Check indentation, colons and quotes on that line.")) from exc
    except yaml.YAMLError as exc:
        raise DataMapError(file, 0, msg("not valid YAML.")) from exc
    except RecursionError:
        raise DataMapError(file, 0, msg("the data map is nested too deeply to be a data map."),
                           msg("A data map nests a few levels (tables, columns, keys).")) from None
    if root is None:
        raise DataMapError(file, 1, msg("the data map is empty."))
    depth = _depth(root)
    if depth > 20:
        raise DataMapError(file, 0, msg("the data map is nested {depth} levels deep.", depth=depth),
                           msg("A data map nests a few levels (tables, columns, keys)."))
    return root


def _depth(node: Node) -> int:
    """Nesting depth, iteratively (a hostile file must not exhaust the stack)."""
    deepest, stack = 0, [(node, 1)]
    while stack:
        n, d = stack.pop()
        deepest = max(deepest, d)
        if deepest > 20:
            return deepest
        if isinstance(n, SequenceNode):
            stack.extend((c, d + 1) for c in n.value)
        elif isinstance(n, MappingNode):
            stack.extend((v, d + 1) for _k, v in n.value)
    return deepest


def _month_day(node: _Node) -> tuple[int, int]:
    """'07-01' -> (7, 1): the first day of a financial year."""
    value = str(node.scalar()).strip()
    try:
        month, day = (int(p) for p in value.split("-"))
        dt.date(2001, month, day)  # not a leap year: 02-29 cannot start a financial year
    except ValueError:
        raise node.fail(msg("{path} must be a month and day as MM-DD (07-01 for July).",
                            path=node.path))\
            from None
    return month, day


def _excluded(tname: str, line: int, node: _Node) -> ExcludedTable:
    """``table: reason`` or ``table: {reason: ..., columns: {col: reason}}``."""
    if isinstance(node.node, ScalarNode):
        return ExcludedTable(tname, node.text(), line)
    m = node.mapping()
    reason = m.req("reason").text()
    columns: dict[str, str] = {}
    cols_node = m.get("columns")
    if cols_node:
        for cname, _l, cnode in cols_node.mapping().children():
            columns[cname] = cnode.text()
    m.done()
    return ExcludedTable(tname, reason, line, MappingProxyType(columns))


def _check_links(tables: Mapping[str, TableSpec], file: str) -> None:
    """Columns that point at another person must point at a subject table, and are never
    the start of a path to the row's own person."""
    for table in tables.values():
        for ref in table.references:
            linked = [c for c in ref.local_columns
                      if (spec := table.columns.get(c)) is not None and spec.person is not None]
            if linked:
                raise DataMapError(file, ref.line,
                                   msg("{table}.{linked} points at another person ('person:'), "
                                       "so it cannot also be a reference to the row's own "
                                       "person.",
                                       table=table.name, linked=linked[0]),
                                   msg("Remove the reference, or the 'person:' link if the row "
                                       "really belongs to that person."))
        for col in table.columns.values():
            link = col.person
            if link is None:
                continue
            target = tables.get(link.table)
            if target is None or not target.subject:
                raise DataMapError(file, link.line,
                                   msg("{table}.{col} points at a person in {table2}, which is "
                                       "not a subject table of the map.",
                                       table=table.name, col=col.name, table2=repr(link.table)),
                                   msg("Name a table marked 'subject: true'."))
            if not link.column and len(target.primary_key) != 1:
                raise DataMapError(file, link.line,
                                   msg("{table} has a composite key: say which 'column' "
                                       "{table2}.{col} holds.",
                                       table=repr(link.table), table2=table.name, col=col.name))


def _check_hold_via(tables: Mapping[str, TableSpec],
                    paths: Mapping[str, tuple[tuple[Reference, ...], ...]], file: str) -> None:
    for table in tables.values():
        hold = table.hold
        if hold is None or hold.via is None:
            continue
        via = tables.get(hold.via)
        if via is None or not any(r.table == hold.via for r in table.references):
            raise DataMapError(file, hold.line,
                               msg("the hold of {table} takes its date via {via}, which is not "
                                   "one of its references.",
                                   table=repr(table.name), via=repr(hold.via)),
                               msg("Name a table this table refers to (its invoice, say)."))
        if hold.date_column not in via.columns:
            raise DataMapError(file, hold.line,
                               msg("the hold of {table} counts from {via}.{date_column}, which "
                                   "the map does not declare under {via}.",
                                   table=repr(table.name), via=hold.via,
                                   date_column=hold.date_column))


def _table(tname: str, line: int, node: _Node, *, categories: Mapping[str, Category],
           holds: Mapping[str, HoldRule], patterns: Mapping[str, IdentifierPattern],
           version: int) -> TableSpec:
    m = node.mapping()
    pk = m.req("primary_key").names()
    subject_node = m.get("subject")
    subject = subject_node.boolean() if subject_node else False
    label_node = m.get("label")
    labels = label_node.names() if label_node else ()
    desc_node = m.get("description")
    description = desc_node.text() if desc_node else ""
    title_node = m.get("title")
    title = title_node.bilingual() if title_node else None
    person_kind_node = m.get("kind")
    kind_title_node = m.get("kind_title")
    name_node = m.get("name")
    if not subject:
        for key_node, key in ((person_kind_node, "kind"), (kind_title_node, "kind_title"),
                              (name_node, "name")):
            if key_node is not None:
                raise key_node.fail(msg("{key} is for subject tables (persons); {tname} is not "
                                        "marked 'subject: true'.",
                                        key=repr(key), tname=repr(tname)))
    if subject and person_kind_node is None and version >= 2:
        raise DataMapError(node.file, line, msg("subject table {tname} needs a 'kind' "
                                                "(customer, employee, contact, ...).",
                                                tname=repr(tname)))
    person_kind = person_kind_node.text() if person_kind_node else \
        ("customer" if subject else "")
    kind_title = kind_title_node.bilingual() if kind_title_node else None
    name_columns = name_node.names() if name_node else (labels if subject else ())
    default_erasure_node = m.get("erasure")
    default_erasure = _erasure(default_erasure_node) if default_erasure_node else Erasure.KEEP

    columns: dict[str, ColumnSpec] = {}
    for cname, cline, cnode in m.req("columns").mapping().children():
        columns[cname] = _column(cname, cline, cnode, categories, default_erasure)
    for col in (*pk, *labels, *name_columns):
        if col not in columns:
            raise node.fail(msg("table {tname} names column {col} (primary key, label or name) "
                                "without declaring it under 'columns'.",
                                tname=repr(tname), col=repr(col)))

    identity: list[IdentityColumn] = []
    id_node = m.get("identity")
    if id_node:
        for item in id_node.items():
            im = item.mapping()
            col = im.req("column").text()
            kind_node = im.req("kind")
            kind = kind_node.text()
            if kind not in KNOWN_KINDS and kind not in patterns:
                raise kind_node.fail(msg("unknown identifier kind {kind}.", kind=repr(kind)),
                                     msg("Use one of {choices}, or give a pattern for it under "
                                         "identifier_patterns.",
                                         choices=', '.join(sorted(KNOWN_KINDS))))
            if kind in PATTERN_KINDS and kind not in patterns:
                raise kind_node.fail(msg("identifier kind {kind} needs a pattern under "
                                         "identifier_patterns (its format differs per portal).",
                                         kind=repr(kind)))
            match_node = im.get("match")
            default = Match.CASEFOLD if kind == EMAIL else Match.FORMS
            match = _enum(Match, match_node, "match") if match_node else default
            numeric_node = im.get("numeric")
            numeric = numeric_node.boolean() if numeric_node else False
            if numeric and match is Match.CASEFOLD:
                raise item.fail(msg("a numeric identity column cannot be matched with casefold."))
            if col not in columns:
                raise item.fail(msg("identity column {col} of {tname} is not declared under "
                                    "'columns'.",
                                    col=repr(col), tname=repr(tname)))
            identity.append(IdentityColumn(col, kind, match, item.line, numeric))
            im.done()

    references: list[Reference] = []
    ref_node = m.get("references")
    if ref_node:
        if subject:
            raise ref_node.fail(msg("subject table {tname} cannot have references: its rows are "
                                    "the persons that other tables lead to.",
                                    tname=repr(tname)))
        for item in ref_node.items():
            rm = item.mapping()
            target = rm.req("table").text()
            on_pairs: list[tuple[str, str]] = []
            for local, _l, remote_node in rm.req("on").mapping().children():
                if local not in columns:
                    raise remote_node.fail(msg("reference column {local} of {tname} is not "
                                               "declared under 'columns'.",
                                               local=repr(local), tname=repr(tname)))
                on_pairs.append((local, remote_node.text()))
            if not on_pairs:
                raise item.fail(msg("a reference needs at least one column pair under 'on'."))
            references.append(Reference(target, tuple(on_pairs), item.line))
            rm.done()

    restriction_node = m.get("restriction")
    restriction = _restriction(restriction_node, columns, tname) if restriction_node else None

    hold: TableHold | None = None
    hold_node = m.get("hold")
    if hold_node:
        hm = hold_node.mapping()
        rule_node = hm.req("rule")
        rule = rule_node.text()
        if rule not in holds:
            raise rule_node.fail(msg("unknown hold rule {rule}.", rule=repr(rule)),
                                 msg("Declare it under 'holds:' at the top of the map."))
        date_col = hm.req("date_column").text()
        via_node = hm.get("via")
        via = via_node.text() if via_node else None
        if via is None and date_col not in columns:
            raise hold_node.fail(msg("hold date column {date_col} of {tname} is not declared "
                                     "under 'columns'.",
                                     date_col=repr(date_col), tname=repr(tname)),
                                 msg("If the date is in the row this table refers to (an "
                                     "invoice line's invoice), add 'via: <that table>'."))
        hold = TableHold(rule, date_col, hold_node.line, via)
        hm.done()
    m.done()
    if not subject and not identity and not references:
        raise node.fail(msg("table {tname} has no way to reach a person: give it identity "
                            "columns or references.",
                            tname=repr(tname)),
                        msg("If it holds no personal data, list it under excluded_tables "
                            "instead."))
    return TableSpec(tname, pk, subject, labels, tuple(identity), tuple(references),
                     MappingProxyType(columns), hold, description, line, person_kind, title,
                     kind_title, name_columns, restriction)


def _column(name: str, line: int, node: _Node, categories: Mapping[str, Category],
            default_erasure: Erasure) -> ColumnSpec:
    m = node.mapping()
    personal_node = m.get("personal")
    personal = personal_node.boolean() if personal_node else True
    cat_node = m.get("category")
    category = cat_node.text() if cat_node else None
    if category is not None and category not in categories:
        assert cat_node is not None
        raise cat_node.fail(msg("unknown category {category}.", category=repr(category)),
                            msg("Use one declared under 'categories:' ({choices}).",
                                choices=', '.join(sorted(categories))))
    if personal and category is None:
        raise node.fail(msg("personal column {name} needs a category.", name=repr(name)))
    er_node = m.get("erasure")
    erasure = _erasure(er_node) if er_node else (default_erasure if personal else Erasure.KEEP)
    replacement: str | None = None
    value_node = m.get("value")
    hold_node = m.get("erasure_under_hold")
    under_hold = _erasure(hold_node) if hold_node else Erasure.KEEP
    if under_hold is Erasure.DELETE_ROW:
        assert hold_node is not None
        raise hold_node.fail(msg("erasure_under_hold can be set_null, replace, pseudonymise or "
                                 "keep: a held row is never deleted."))
    if Erasure.REPLACE in (erasure, under_hold):
        # one fixed value serves both: a NOT NULL e-mail on a held row is replaced, not emptied
        if value_node is None:
            raise node.fail(msg("column {name} is erased by 'replace' but has no 'value'.",
                                name=repr(name)))
        replacement = str(value_node.scalar())
    elif value_node is not None:
        raise value_node.fail(msg("'value' is only used with erasure (or erasure_under_hold): "
                                  "replace."))
    desc_node = m.get("description")
    description = desc_node.text() if desc_node else ""
    disclose_node = m.get("disclose")
    disclose = disclose_node.boolean() if disclose_node else True
    title_node = m.get("title")
    title = title_node.bilingual() if title_node else None
    values: dict[str, Text] = {}
    values_node = m.get("values")
    if values_node:
        for code, _l, vnode in values_node.mapping().children():
            values[code] = vnode.bilingual()
    reason_node = m.get("reason")
    reason = reason_node.text() if reason_node else ""
    if reason and personal:
        assert reason_node is not None
        raise reason_node.fail(msg("'reason' says why a column is not personal; this one is "
                                   "personal."),
                               msg("Add 'personal: false', or remove the reason."))
    meaning_node = m.get("meaning")
    meaning = meaning_node.text() if meaning_node else None
    if meaning is not None and meaning not in MEANINGS:
        assert meaning_node is not None
        raise meaning_node.fail(msg("unknown meaning {meaning}.", meaning=repr(meaning)),
                                msg("Use one of: {choices}.",
                                    choices=", ".join(sorted(MEANINGS))))
    prov_node = m.get("provenance")
    provenance = _enum(Provenance, prov_node, "provenance") if prov_node else None
    if provenance is not None and not personal:
        assert prov_node is not None
        raise prov_node.fail("'provenance' describes personal data; this column is "
                             "'personal: false'.")
    if provenance is None and category is not None:
        provenance = categories[category].provenance
    person_node = m.get("person")
    person = _person_link(person_node) if person_node else None
    if person is not None and erasure is Erasure.PSEUDONYMISE:
        raise node.fail(msg("{name} points at another person; pseudonymising it would break the "
                            "portal's link.", name=repr(name)),
                        msg("Use set_null, delete_row or keep."))
    m.done()
    return ColumnSpec(name, category, personal, erasure, replacement, under_hold, description,
                      line, disclose, title, MappingProxyType(values), reason, person, meaning,
                      provenance)


def _person_link(node: _Node) -> PersonLink:
    m = node.mapping()
    table = m.req("table").text()
    role = m.req("role").bilingual()
    disclose_node = m.get("disclose")
    disclose = _enum(Disclosure, disclose_node, "disclosure") if disclose_node \
        else Disclosure.ROLE
    col_node = m.get("column")
    col = col_node.text() if col_node else ""
    m.done()
    return PersonLink(table, role, disclose, col, node.line)


def _enum(cls: type[_E], node: _Node, what: str) -> _E:
    value = node.text()
    try:
        return cls(value)
    except ValueError:
        raise node.fail(msg("unknown {what} {value}.", what=what, value=repr(value)),
                        msg("Use one of: {choices}.",
                            choices=', '.join(e.value for e in cls))) from None


def _erasure(node: _Node) -> Erasure:
    return _enum(Erasure, node, "erasure strategy")


def _requests(node: _Node, subjects: list[TableSpec]) -> RequestSourceSpec:
    m = node.mapping()
    table = m.req("table").text()
    columns: dict[str, str] = {}
    for field_name, _line, cnode in m.req("columns").mapping().children():
        if field_name not in REQUEST_FIELDS:
            raise cnode.fail(msg("unknown request field {field_name}.",
                                 field_name=repr(field_name)),
                             msg("Use: {choices}.", choices=', '.join(sorted(REQUEST_FIELDS))))
        columns[field_name] = cnode.text()
    for needed in ("id", "received_at", "type"):
        if needed not in columns:
            raise node.fail(msg("requests.columns needs {needed}.", needed=repr(needed)))
    type_values: dict[str, str] = {}
    tv = m.get("type_values")
    if tv:
        for portal_value, _line, vnode in tv.mapping().children():
            desk_value = vnode.text()
            if desk_value not in REQUEST_TYPES:
                raise vnode.fail(msg("unknown request type {desk_value}.",
                                     desk_value=repr(desk_value)),
                                 msg("Use: {choices}.", choices=', '.join(sorted(REQUEST_TYPES))))
            type_values[portal_value] = desk_value
    tz_node = m.get("received_at_timezone")
    tz = tz_node.text() if tz_node else "UTC"
    if tz_node is not None:
        try:
            zoneinfo.ZoneInfo(tz)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise tz_node.fail(msg("{tz} is not a time zone.", tz=repr(tz)),
                               msg("Use an IANA zone name such as Europe/Stockholm or UTC.")) \
                from None
    customer_node = m.get("customer_table")
    customer_table: str | None = None
    if customer_node is not None:
        customer_table = customer_node.text()
        if customer_table not in {t.name for t in subjects}:
            raise customer_node.fail(msg("customer_table {customer_table} is not a subject "
                                         "table of the map.",
                                         customer_table=repr(customer_table)))
    elif "customer_id" in columns:
        customers = [t for t in subjects if t.kind == "customer"]
        if len(subjects) == 1:
            customer_table = subjects[0].name
        elif len(customers) == 1:
            customer_table = customers[0].name
        else:
            raise node.fail(msg("requests.columns has 'customer_id' but the map has several "
                                "kinds of person."), msg("Say which table it points into with "
                                                    "'customer_table: <subject table>'."))
    m.done()
    return RequestSourceSpec(table, MappingProxyType(columns), MappingProxyType(type_values),
                             tz, node.line, customer_table)


def _paths(tables: Mapping[str, TableSpec],
           file: str) -> dict[str, tuple[tuple[Reference, ...], ...]]:
    """Every chain of references from each table to a subject table; loops are errors."""
    out: dict[str, tuple[tuple[Reference, ...], ...]] = {}

    def walk(name: str, trail: tuple[str, ...]) -> tuple[tuple[Reference, ...], ...]:
        table = tables[name]
        if table.subject:
            return ((),)
        if name in out:
            return out[name]
        chains: list[tuple[Reference, ...]] = []
        for ref in table.references:
            if ref.table in trail:
                cycle = [*trail[trail.index(ref.table):], ref.table]
                raise DataMapError(file, ref.line,
                                   "the references loop: " + " -> ".join(cycle) + ".",
                                   msg("References must lead up to a subject table without "
                                       "coming back."))
            chains.extend((ref, *rest) for rest in walk(ref.table, (*trail, ref.table)))
        out[name] = tuple(chains)
        return out[name]

    for name in tables:
        walk(name, (name,))
    return out
