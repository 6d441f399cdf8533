"""Read a data map file into :class:`~privacy_desk.datamap.model.DataMap`, or say exactly why not.

The map is edited by hand by a privacy officer or DBA, so every complaint names the
file and line: YAML syntax, unknown or duplicate keys (a typo must not silently drop
a column from an erasure), references to undeclared tables, categories or hold rules,
and reference loops. Loading is pure: it never touches a database.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from privacy_desk.datamap.model import (
    FORMAT_VERSION,
    Category,
    ColumnSpec,
    DataMap,
    Erasure,
    ExcludedTable,
    HoldRule,
    IdentityColumn,
    Match,
    Reference,
    RequestSourceSpec,
    TableHold,
    TableSpec,
    Text,
)
from privacy_desk.errors import UserError
from privacy_desk.identifiers import EMAIL, KNOWN_KINDS, PATTERN_KINDS

#: RequestType values (privacy_desk.domain.requests), repeated so the map loads standalone.
REQUEST_TYPES = frozenset({"access", "rectification", "erasure", "restriction", "portability",
                           "objection", "consent_withdrawal"})
#: Fields of an incoming request the desk can read; ``id``, ``received_at``, ``type`` required.
REQUEST_FIELDS = frozenset({"id", "reference", "received_at", "type", "customer_id",
                            "personnummer", "orgnr", "email", "phone", "name", "message"})


_E = TypeVar("_E", Erasure, Match)


class DataMapError(UserError):
    """A data map that cannot be used; names the file and line to fix."""

    def __init__(self, file: str, line: int, problem: str, hint: str = "") -> None:
        where = f"{file}:{line}" if line else file
        super().__init__(f"{where}: {problem}",
                         hint or "Fix the data map (see docs/datamap.md) and load it again.")
        self.file = file
        self.line = line
        self.problem = problem


class _Node:
    """A YAML node with its line, read through typed accessors that record what was used."""

    def __init__(self, node: Node, file: str, path: str) -> None:
        self.node = node
        self.file = file
        self.path = path
        self.line = node.start_mark.line + 1

    def fail(self, problem: str, hint: str = "") -> DataMapError:
        return DataMapError(self.file, self.line, problem, hint)

    # scalars ---------------------------------------------------------------
    def scalar(self) -> Any:
        if not isinstance(self.node, ScalarNode):
            raise self.fail(f"{self.path} must be a single value.")
        return SafeConstructor().construct_object(self.node, deep=True)

    def text(self) -> str:
        value = self.scalar()
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{self.path} must be a non-empty text.")
        return value.strip()

    def integer(self) -> int:
        value = self.scalar()
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(f"{self.path} must be a whole number.")
        return value

    def boolean(self) -> bool:
        value = self.scalar()
        if not isinstance(value, bool):
            raise self.fail(f"{self.path} must be true or false.")
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
            raise self.fail(f"{self.path} must be a list.")
        return [_Node(n, self.file, f"{self.path}[{i}]") for i, n in enumerate(self.node.value)]

    def mapping(self) -> _Map:
        if not isinstance(self.node, MappingNode):
            raise self.fail(f"{self.path} must be a mapping of keys to values.")
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
                raise DataMapError(owner.file, line, f"{owner.path} has a key that is not a name.")
            key = str(key_node.value)
            if key in self.entries:
                raise DataMapError(owner.file, line,
                                   f"{key!r} appears twice in {owner.path} "
                                   f"(first on line {self.entries[key][0]}).")
            child_path = f"{owner.path}.{key}" if owner.path else key
            self.entries[key] = (line, _Node(value_node, owner.file, child_path))

    def keys(self) -> list[str]:
        return list(self.entries)

    def get(self, key: str) -> _Node | None:
        self.used.add(key)
        entry = self.entries.get(key)
        return entry[1] if entry else None

    def req(self, key: str) -> _Node:
        node = self.get(key)
        if node is None:
            raise self.owner.fail(f"{self.owner.path or 'the map'} needs {key!r}.")
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
                raise DataMapError(self.owner.file, line, f"unknown key {key!r} in {where}.",
                                   "Check the spelling against docs/datamap.md.")


def load_datamap(path: str | Path) -> DataMap:
    """Read and validate a data map file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise UserError(f"The data map {path} does not exist.",
                        "Give the path of a data map file (YAML).") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"The data map {path} cannot be read ({type(exc).__name__}).",
                        "Check that it is a readable UTF-8 text file.") from exc
    return parse_datamap(text, source=path)


def parse_datamap(text: str, *, source: Path | None = None) -> DataMap:
    """Validate a data map given as YAML text (``source`` names it in messages)."""
    file = source.name if source else "<data map>"
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        raise DataMapError(file, line, f"not valid YAML: {exc.problem or exc.context}.",
                           "Check indentation, colons and quotes on that line.") from exc
    except yaml.YAMLError as exc:
        raise DataMapError(file, 0, "not valid YAML.") from exc
    if root is None:
        raise DataMapError(file, 1, "the data map is empty.")
    top = _Node(root, file, "").mapping()
    version_node = top.req("datamap_version")
    version = version_node.integer()
    if version != FORMAT_VERSION:
        raise version_node.fail(f"data map format version {version} is not supported.",
                                f"This Privacy Desk reads version {FORMAT_VERSION}.")
    name = top.req("name").text()
    desc_node = top.get("description")
    description = desc_node.text() if desc_node else ""

    patterns: dict[str, re.Pattern[str]] = {}
    pat_node = top.get("identifier_patterns")
    if pat_node:
        for kind, _line, node in pat_node.mapping().children():
            try:
                patterns[kind] = re.compile(node.text())
            except re.error as exc:
                raise node.fail(f"the pattern for {kind!r} is not a valid regular "
                                f"expression: {exc.msg}.") from exc

    categories: dict[str, Category] = {}
    for cname, line, node in top.req("categories").mapping().children():
        m = node.mapping()
        categories[cname] = Category(
            cname, m.req("title").bilingual(), m.req("purpose").bilingual(),
            m.req("legal_basis").bilingual(), m.req("recipients").bilingual(),
            m.req("retention").bilingual(), line)
        m.done()

    holds: dict[str, HoldRule] = {}
    holds_node = top.get("holds")
    if holds_node:
        for hname, line, node in holds_node.mapping().children():
            m = node.mapping()
            years_node = m.req("years_after_year_end")
            years = years_node.integer()
            if years < 0:
                raise years_node.fail("years_after_year_end cannot be negative.")
            holds[hname] = HoldRule(hname, m.req("law").text(), m.req("description").bilingual(),
                                    years, line)
            m.done()

    excluded: dict[str, ExcludedTable] = {}
    ex_node = top.get("excluded_tables")
    if ex_node:
        for tname, line, node in ex_node.mapping().children():
            excluded[tname] = ExcludedTable(tname, node.text(), line)

    tables: dict[str, TableSpec] = {}
    for tname, line, node in top.req("tables").mapping().children():
        if tname in excluded:
            raise DataMapError(file, line, f"table {tname!r} is both mapped and excluded.")
        tables[tname] = _table(tname, line, node, categories=categories, holds=holds,
                                patterns=patterns)

    req_node = top.get("requests")
    requests = _requests(req_node) if req_node else None
    top.done()

    for table in tables.values():
        for ref in table.references:
            if ref.table not in tables:
                raise DataMapError(file, ref.line,
                                   f"table {table.name!r} refers to {ref.table!r}, which is not "
                                   "a table in the map.",
                                   "Add that table under 'tables:' or fix the name.")
            target = tables[ref.table]
            if target.subject and set(ref.remote_columns) != set(target.primary_key):
                raise DataMapError(file, ref.line,
                                   f"the reference from {table.name!r} to subject table "
                                   f"{ref.table!r} must join on its whole primary key "
                                   f"({', '.join(target.primary_key)}).")
            for remote in ref.remote_columns:
                if remote not in target.columns and remote not in target.primary_key:
                    raise DataMapError(file, ref.line,
                                       f"the reference from {table.name!r} joins on "
                                       f"{ref.table}.{remote}, which the map does not declare.")
    if not any(t.subject for t in tables.values()):
        raise DataMapError(file, top.key_line("tables"),
                           "no table is marked 'subject: true'.",
                           "Mark the table whose rows are persons (e.g. customers).")
    paths = _paths(tables, file)
    return DataMap(name=name, version=version, tables=MappingProxyType(tables),
                   categories=MappingProxyType(categories), holds=MappingProxyType(holds),
                   excluded=MappingProxyType(excluded),
                   identifier_patterns=MappingProxyType(patterns), requests=requests,
                   source=source, description=description, paths=MappingProxyType(paths))


def _table(tname: str, line: int, node: _Node, *, categories: Mapping[str, Category],
           holds: Mapping[str, HoldRule], patterns: Mapping[str, re.Pattern[str]]) -> TableSpec:
    m = node.mapping()
    pk = m.req("primary_key").names()
    subject_node = m.get("subject")
    subject = subject_node.boolean() if subject_node else False
    label_node = m.get("label")
    labels = label_node.names() if label_node else ()
    desc_node = m.get("description")
    description = desc_node.text() if desc_node else ""
    default_erasure_node = m.get("erasure")
    default_erasure = _erasure(default_erasure_node) if default_erasure_node else Erasure.KEEP

    columns: dict[str, ColumnSpec] = {}
    for cname, cline, cnode in m.req("columns").mapping().children():
        columns[cname] = _column(cname, cline, cnode, categories, default_erasure)
    for col in (*pk, *labels):
        if col not in columns:
            raise node.fail(f"table {tname!r} names column {col!r} (primary key or label) "
                            "without declaring it under 'columns'.")

    identity: list[IdentityColumn] = []
    id_node = m.get("identity")
    if id_node:
        for item in id_node.items():
            im = item.mapping()
            col = im.req("column").text()
            kind_node = im.req("kind")
            kind = kind_node.text()
            if kind not in KNOWN_KINDS and kind not in patterns:
                raise kind_node.fail(f"unknown identifier kind {kind!r}.",
                                     f"Use one of {', '.join(sorted(KNOWN_KINDS))}, or give "
                                     "a pattern for it under identifier_patterns.")
            if kind in PATTERN_KINDS and kind not in patterns:
                raise kind_node.fail(f"identifier kind {kind!r} needs a pattern under "
                                     "identifier_patterns (its format differs per portal).")
            match_node = im.get("match")
            default = Match.CASEFOLD if kind == EMAIL else Match.FORMS
            match = _enum(Match, match_node, "match") if match_node else default
            if col not in columns:
                raise item.fail(f"identity column {col!r} of {tname!r} is not declared under "
                                "'columns'.")
            identity.append(IdentityColumn(col, kind, match, item.line))
            im.done()

    references: list[Reference] = []
    ref_node = m.get("references")
    if ref_node:
        if subject:
            raise ref_node.fail(f"subject table {tname!r} cannot have references: its rows "
                                "are the persons that other tables lead to.")
        for item in ref_node.items():
            rm = item.mapping()
            target = rm.req("table").text()
            on_pairs: list[tuple[str, str]] = []
            for local, _l, remote_node in rm.req("on").mapping().children():
                if local not in columns:
                    raise remote_node.fail(f"reference column {local!r} of {tname!r} is not "
                                           "declared under 'columns'.")
                on_pairs.append((local, remote_node.text()))
            if not on_pairs:
                raise item.fail("a reference needs at least one column pair under 'on'.")
            references.append(Reference(target, tuple(on_pairs), item.line))
            rm.done()

    hold: TableHold | None = None
    hold_node = m.get("hold")
    if hold_node:
        hm = hold_node.mapping()
        rule_node = hm.req("rule")
        rule = rule_node.text()
        if rule not in holds:
            raise rule_node.fail(f"unknown hold rule {rule!r}.",
                                 "Declare it under 'holds:' at the top of the map.")
        date_col = hm.req("date_column").text()
        if date_col not in columns:
            raise hold_node.fail(f"hold date column {date_col!r} of {tname!r} is not declared "
                                 "under 'columns'.")
        hold = TableHold(rule, date_col, hold_node.line)
        hm.done()
    m.done()
    if not subject and not identity and not references:
        raise node.fail(f"table {tname!r} has no way to reach a person: give it identity "
                        "columns or references.",
                        "If it holds no personal data, list it under excluded_tables instead.")
    return TableSpec(tname, pk, subject, labels, tuple(identity), tuple(references),
                     MappingProxyType(columns), hold, description, line)


def _column(name: str, line: int, node: _Node, categories: Mapping[str, Category],
            default_erasure: Erasure) -> ColumnSpec:
    m = node.mapping()
    personal_node = m.get("personal")
    personal = personal_node.boolean() if personal_node else True
    cat_node = m.get("category")
    category = cat_node.text() if cat_node else None
    if category is not None and category not in categories:
        assert cat_node is not None
        raise cat_node.fail(f"unknown category {category!r}.",
                            f"Use one declared under 'categories:' "
                            f"({', '.join(sorted(categories))}).")
    if personal and category is None:
        raise node.fail(f"personal column {name!r} needs a category.")
    er_node = m.get("erasure")
    erasure = _erasure(er_node) if er_node else (default_erasure if personal else Erasure.KEEP)
    replacement: str | None = None
    value_node = m.get("value")
    if erasure is Erasure.REPLACE:
        if value_node is None:
            raise node.fail(f"column {name!r} is erased by 'replace' but has no 'value'.")
        replacement = str(value_node.scalar())
    elif value_node is not None:
        raise value_node.fail("'value' is only used with erasure: replace.")
    hold_node = m.get("erasure_under_hold")
    under_hold = _erasure(hold_node) if hold_node else Erasure.KEEP
    if under_hold in (Erasure.DELETE_ROW, Erasure.REPLACE):
        assert hold_node is not None
        raise hold_node.fail("erasure_under_hold can be set_null, pseudonymise or keep: a held "
                             "row is never deleted.")
    desc_node = m.get("description")
    description = desc_node.text() if desc_node else ""
    disclose_node = m.get("disclose")
    disclose = disclose_node.boolean() if disclose_node else True
    m.done()
    return ColumnSpec(name, category, personal, erasure, replacement, under_hold, description,
                      line, disclose)


def _enum(cls: type[_E], node: _Node, what: str) -> _E:
    value = node.text()
    try:
        return cls(value)
    except ValueError:
        raise node.fail(f"unknown {what} {value!r}.",
                        f"Use one of: {', '.join(e.value for e in cls)}.") from None


def _erasure(node: _Node) -> Erasure:
    return _enum(Erasure, node, "erasure strategy")


def _requests(node: _Node) -> RequestSourceSpec:
    m = node.mapping()
    table = m.req("table").text()
    columns: dict[str, str] = {}
    for field_name, _line, cnode in m.req("columns").mapping().children():
        if field_name not in REQUEST_FIELDS:
            raise cnode.fail(f"unknown request field {field_name!r}.",
                             f"Use: {', '.join(sorted(REQUEST_FIELDS))}.")
        columns[field_name] = cnode.text()
    for needed in ("id", "received_at", "type"):
        if needed not in columns:
            raise node.fail(f"requests.columns needs {needed!r}.")
    type_values: dict[str, str] = {}
    tv = m.get("type_values")
    if tv:
        for portal_value, _line, vnode in tv.mapping().children():
            desk_value = vnode.text()
            if desk_value not in REQUEST_TYPES:
                raise vnode.fail(f"unknown request type {desk_value!r}.",
                                 f"Use: {', '.join(sorted(REQUEST_TYPES))}.")
            type_values[portal_value] = desk_value
    tz_node = m.get("received_at_timezone")
    tz = tz_node.text() if tz_node else "UTC"
    m.done()
    return RequestSourceSpec(table, MappingProxyType(columns), MappingProxyType(type_values),
                             tz, node.line)


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
                                   "References must lead up to a subject table without "
                                   "coming back.")
            chains.extend((ref, *rest) for rest in walk(ref.table, (*trail, ref.table)))
        out[name] = tuple(chains)
        return out[name]

    for name in tables:
        walk(name, (name,))
    return out
