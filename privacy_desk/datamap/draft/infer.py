"""From catalogue, samples and column guesses to a draft map: persons, paths, holds.

The draft's structure, decided here and written by :mod:`.writer`:

- **joins**: declared foreign keys (also composite), plus joins guessed where none is
  declared, from names and types and checked against sampled values (always for review);
  a link table (its key made of foreign keys) may be walked from either side;
- **person tables**: identity columns (a personnummer, a name) and being the target of
  references, or a table named for people (kund, employee, medlem); the kind from the name;
- **paths**: each other table references the neighbours one step closer to a person
  table (so the references never loop); links between person tables are ``person:``
  links, never paths;
- **holds**: invoices, payments, orders and their lines, with a date and an amount;
  a line without a date follows its parent's (``via``);
- tables with no path and no identifier go to ``excluded_tables``, with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Engine

from privacy_desk.datamap.draft.catalogue import Catalogue, TableInfo
from privacy_desk.datamap.draft.classify import ColumnGuess, snake
from privacy_desk.datamap.draft.sampling import share_found
from privacy_desk.messages import SOURCE_LANGUAGE, Message, msg

BUILTIN_IDENTITY = ("personnummer", "orgnr", "email", "phone")
#: Table-name words for people, with the kind they suggest.
PERSON_WORDS: tuple[tuple[str, str], ...] = (
    (r"customer|(^|_)kund(er|erna)?($|_)|client", "customer"),
    (r"employee|anstalld|(^|_)staff|(^|_)personal($|_)|medarbetar|worker|handlaggar",
     "employee"),
    (r"(^|_)member|medlem", "member"),
    (r"patient", "patient"),
    (r"student|(^|_)elev", "student"),
    (r"tenant|hyresgast", "tenant"),
    (r"(^|_)persons?($|_)|(^|_)person(er)?($|_)|(^|_)people($|_)", "person"),
    (r"^contacts?$|^kontakt(er|person|personer)?$", "contact"),
)
KIND_TITLES = {
    "customer": ("kund", "customer"), "employee": ("anställd", "employee"),
    "member": ("medlem", "member"), "patient": ("patient", "patient"),
    "student": ("elev", "student"), "tenant": ("hyresgäst", "tenant"),
    "person": ("person", "person"), "contact": ("kontaktperson", "contact"),
}
_ACCOUNTING = re.compile(r"invoice|faktur|payment|betalning|inbetalning|(^|_)orders?($|_)|"
                         r"(^|_)order_?(line|item|row|rad)|ordrar|(^|_)order|receipt|kvitto|"
                         r"verifikat|transaction|transaktion|credit_?note|bokforing")
_LINE = re.compile(r"(line|lines|rad|rader|row|rows|item|items|position|detail|details)$|"
                   r"_(line|rad|row|item)s?_")
_AMOUNT = re.compile(r"amount|belopp|total|summa|(^|_)sum($|_)|price|pris|netto|brutto|moms|"
                     r"(^|_)vat($|_)|(^|_)tax|kostnad|cost|avgift|fee|quantity|antal")
_NOT_HOLD_DATE = re.compile(r"due|forfall|updated|andrad|changed|deleted")
_TABLE_CATEGORY: tuple[tuple[str, str], ...] = (
    (r"login|session|(^|_)events?($|_)|(^|_)logs?($|_)|audit|access|inloggning|account", "usage"),
    (r"message|meddelande|contact|ticket|support|call|arende|samtal|notice|notif|utskick|"
     r"chat|mail|kommunikation", "communication"),
    (r"newsletter|consent|preference|samtycke|prenumer|subscri|nyhetsbrev", "consent"),
    (r"address|adress", "address"),
    (r"bank|konto|card|kort", "financial"),
)
_SUFFIXES = ("ies", "es", "s", "er", "ar", "or", "na", "en", "a", "e")
_KEY_SUFFIX = re.compile(r"_?(id|ref|nr|no|num|number|nummer|key|fk|code)$")


@dataclass
class Edge:
    """A join from ``src`` to ``dst`` (local column -> remote column)."""

    src: str
    dst: str
    on: tuple[tuple[str, str], ...]
    declared: bool
    reason: str = ""
    #: walking a link table's foreign key backwards (portal_accounts -> account_customers)
    backwards: bool = False
    #: ``reason`` as a message, for the desk's language (see :class:`Note`)
    words: Message | None = field(default=None, compare=False)


@dataclass
class Note:
    """A review item the draft raises: the map element's path and why it is unsure.

    ``reason`` is the English text (the CLI and the map's comments); ``words`` is the same
    reason as a message, so the Swedish desk reads it in Swedish (:meth:`text`).
    """

    path: str
    reason: str
    words: Message | None = field(default=None, compare=False)

    def text(self, language: str | None = None) -> str:
        """The reason in ``language`` (default: the current one)."""
        return self.words.render(language) if self.words is not None else self.reason


@dataclass
class Person:
    table: str
    kind: str
    reasons: list[Message]
    review: bool = False


@dataclass
class Hold:
    date_column: str
    via: str | None
    reason: str
    review: bool = False
    #: ``reason`` as a message, for the desk's language (see :class:`Note`)
    words: Message | None = field(default=None, compare=False)

    @classmethod
    def worded(cls, date_column: str, via: str | None, words: Message, *,
               review: bool) -> Hold:
        return cls(date_column, via, words.render(SOURCE_LANGUAGE), review, words)


@dataclass
class Structure:
    """What the draft decided about the schema, before it is written."""

    persons: dict[str, Person]
    edges: list[Edge]
    #: table -> the edges it references (towards a person)
    references: dict[str, list[Edge]]
    #: (table, column) -> the person table it points at (not a path)
    links: dict[tuple[str, str], str]
    holds: dict[str, Hold]
    #: table -> distance to the nearest person table
    distance: dict[str, int]
    notes: list[Note] = field(default_factory=list)


def variants(word: str) -> set[str]:
    """A word and its plural-stripped forms: ``kunder`` -> {kunder, kund}."""
    out = {word}
    for s in _SUFFIXES:
        if word.endswith(s) and len(word) - len(s) >= 3:
            out.add(word[: -len(s)])
    return out


def _kind_words(name: str) -> str | None:
    s = snake(name)
    for pattern, kind in PERSON_WORDS:
        if re.search(pattern, s):
            return kind
    return None


def _type_match(a: str, b: str) -> bool:
    group = {"int": "n", "num": "n", "str": "s", "text": "s"}
    return group.get(a, a) == group.get(b, b)


def declared_edges(cat: Catalogue) -> list[Edge]:
    """Foreign keys as joins, and link tables walked backwards."""
    out: list[Edge] = []
    for t in cat.tables.values():
        link_table = len(t.foreign_keys) >= 2 and bool(t.primary_key) \
            and t.fk_columns() >= set(t.primary_key)
        for fk in t.foreign_keys:
            if fk.target not in cat.tables:
                continue
            on = tuple(zip(fk.columns, fk.target_columns, strict=False))
            words = msg("foreign key {table}({columns})", table=t.name,
                        columns=", ".join(fk.columns))
            out.append(Edge(t.name, fk.target, on, True, words.render(SOURCE_LANGUAGE),
                            words=words))
            if link_table and fk.target != t.name and set(fk.columns) <= set(t.primary_key):
                words = msg("through the link table {table}", table=t.name)
                out.append(Edge(fk.target, t.name, tuple((b, a) for a, b in on), True,
                                words.render(SOURCE_LANGUAGE), backwards=True, words=words))
    return out


def guessed_edges(cat: Catalogue, samples: dict[str, dict[str, list[Any]]],
                  engine: Engine, schema: str | None) -> list[Edge]:
    """Joins no foreign key declares, from names and types, checked by sampled values."""
    out: list[Edge] = []
    for t in cat.tables.values():
        fk_cols = t.fk_columns()
        for c in t.columns.values():
            if c.name in fk_cols or c.kind not in ("int", "str"):
                continue
            own_pk = t.primary_key == (c.name,)
            sc = snake(c.name)
            stem = _KEY_SUFFIX.sub("", sc) or sc
            for u in cat.tables.values():
                if u.name == t.name:
                    continue
                key = u.primary_key[0] if len(u.primary_key) == 1 else None
                if key is None or not _type_match(c.kind, u.columns[key].kind):
                    continue
                same_key = sc == snake(key) and snake(key) not in ("id", "key", "nr")
                named = bool(variants(stem) & variants(snake(u.name)))
                if not (named or (same_key and not own_pk)):
                    continue
                if any(fk.target == u.name and fk.columns == (c.name,) for fk in t.foreign_keys):
                    continue
                values = samples.get(t.name, {}).get(c.name, [])
                why = (msg("name {column} matches {table}.{key}", column=c.name, table=u.name,
                           key=key) if named
                       else msg("{column} has the name of {table}'s key", column=c.name,
                                table=u.name))
                if values:
                    share = share_found(engine, u.name, key, values, schema)
                    if share is None or share < 0.9:
                        continue
                    why = msg("{why}, types match, {share} of {count} sampled values found in "
                              "{table}.{key}", why=why, share=f"{share:.0%}",
                              count=len(set(values)), table=u.name, key=key)
                else:
                    why = msg("{why}, types match; no values to check", why=why)
                words = msg("no declared foreign key: {why}", why=why)
                out.append(Edge(t.name, u.name, ((c.name, key),), False,
                                words.render(SOURCE_LANGUAGE), words=words))
    return out


def _identity_strength(guesses: dict[str, ColumnGuess]) -> tuple[int, list[Message]]:
    score, why = 0, []
    parts = {g.name_part for g in guesses.values() if g.name_part}
    kinds = {g.kind for g in guesses.values() if g.kind}
    if "personnummer" in kinds:
        score += 3
        why.append(msg("a personnummer column"))
    if {"first", "last"} <= parts:
        score += 2
        why.append(msg("first and family names"))
    elif parts:
        score += 1
        why.append(msg("a name column"))
    for k, label in (("email", msg("an e-mail address")), ("phone", msg("a phone number"))):
        if k in kinds:
            score += 1
            why.append(label)
    if any(g.meaning == "birth_date" for g in guesses.values()):
        score += 1
        why.append(msg("a date of birth"))
    return score, why


def find_persons(cat: Catalogue, guesses: dict[str, dict[str, ColumnGuess]],
                 edges: list[Edge]) -> dict[str, Person]:
    """The person tables and their kinds."""
    incoming: dict[str, set[str]] = {t: set() for t in cat.tables}
    for e in edges:
        if not e.backwards:
            incoming[e.dst].add(e.src)
    persons: dict[str, Person] = {}
    scored: list[tuple[int, str, list[Message]]] = []
    for name in cat.tables:
        g = guesses[name]
        score, why = _identity_strength(g)
        parts = {x.name_part for x in g.values() if x.name_part}
        kinds = {x.kind for x in g.values() if x.kind}
        person_like = bool(parts) or "personnummer" in kinds
        word = _kind_words(name)
        refs = len(incoming[name])
        if refs:
            why.append(msg("referenced from {count} table(s)", count=refs))
        scored.append((score + refs, name, why))
        points_at_person = any(e.src == name and e.dst != name and not e.backwards
                               for e in edges)
        if person_like and score >= 2 and (refs >= 1 or (word is not None
                                                          and not points_at_person)):
            persons[name] = Person(name, word or "", why)
    if not persons:
        best = max((s for s in scored if s[0] > 0), default=None)
        if best is None:
            return {}
        persons[best[1]] = Person(best[1], _kind_words(best[1]) or "", best[2], review=True)
    used: set[str] = set()
    for p in sorted(persons.values(), key=lambda p: -len(incoming[p.table])):
        kind = p.kind or "customer"
        if kind in used:
            kind = snake(p.table)
            p.review = True
        if not p.kind:
            p.review = True
            p.reasons.append(msg("kind {kind} guessed: the name says no kind of person",
                                 kind=repr(kind)))
        used.add(kind)
        p.kind = kind
    return persons


def structure(cat: Catalogue, guesses: dict[str, dict[str, ColumnGuess]],
              edges: list[Edge]) -> Structure:
    persons = find_persons(cat, guesses, edges)
    links: dict[tuple[str, str], str] = {}
    for e in edges:
        if e.src in persons and e.dst in persons and not e.backwards and len(e.on) == 1:
            links[(e.src, e.on[0][0])] = e.dst
    usable = [e for e in edges if e.src not in persons and e.src != e.dst
              and (e.dst not in persons
                   or {b for _, b in e.on} == set(cat.tables[e.dst].primary_key))]
    dist = {t: 0 for t in persons}
    changed = True
    while changed:
        changed = False
        for e in usable:
            if e.dst in dist and dist.get(e.src, 10**9) > dist[e.dst] + 1:
                dist[e.src] = dist[e.dst] + 1
                changed = True
    references: dict[str, list[Edge]] = {}
    for e in usable:
        if e.src in dist and e.dst in dist and dist[e.dst] == dist[e.src] - 1:
            refs = references.setdefault(e.src, [])
            if not any(r.dst == e.dst and r.on == e.on for r in refs):
                refs.append(e)
    notes: list[Note] = []
    incoming = {p: sum(1 for e in edges if e.dst == p and e.src != p) for p in persons}
    for name, refs in references.items():
        direct = [e for e in refs if e.dst in persons and len(e.on) == 1]
        if len({e.dst for e in direct}) < 2:
            continue
        # A ticket points at its customer and at the employee handling it: the person most
        # tables lead to is the path; the others are other people (person: links).
        keep = max(direct, key=lambda e: (persons[e.dst].kind == "customer", incoming[e.dst]))
        for e in direct:
            if e.dst != keep.dst:
                refs.remove(e)
                links[(name, e.on[0][0])] = e.dst
    st = Structure(persons, edges, references, links, {}, dist, notes)
    st.holds = find_holds(cat, st)
    return st


def reached_persons(st: Structure, table: str) -> set[str]:
    if table in st.persons:
        return {table}
    out: set[str] = set()
    for e in st.references.get(table, []):
        out |= reached_persons(st, e.dst)
    return out


def _date_columns(t: TableInfo) -> list[str]:
    return [c.name for c in t.columns.values() if c.kind in ("date", "datetime")]


def find_holds(cat: Catalogue, st: Structure) -> dict[str, Hold]:
    """Accounting-looking tables and their hold dates; lines follow their parent's."""
    holds: dict[str, Hold] = {}
    lines: list[str] = []
    for t in cat.tables.values():
        s = snake(t.name)
        if t.name not in st.distance or t.name in st.persons or not _ACCOUNTING.search(s):
            continue
        amounts = [c.name for c in t.columns.values()
                   if c.kind in ("num", "int") and _AMOUNT.search(snake(c.name))]
        if not amounts:
            continue
        if _LINE.search(s):
            lines.append(t.name)
            continue
        dates = [d for d in _date_columns(t) if not _NOT_HOLD_DATE.search(snake(d))]
        if not dates:
            lines.append(t.name)  # perhaps it takes a date from a parent
            continue
        stem = _ACCOUNTING.search(s)
        prefer = [d for d in dates if stem and stem.group(0).strip("_")[:5] in snake(d)]
        chosen = (prefer or [d for d in dates if re.search(r"date|datum", snake(d))] or dates)[0]
        reason = msg("looks like accounting records: the name {table}, a date ({date}) and an "
                     "amount ({amount})", table=repr(t.name), date=chosen, amount=amounts[0])
        holds[t.name] = Hold.worded(chosen, None, reason, review=len(prefer or dates) > 1)
    for name in lines:
        t = cat.tables[name]
        own = [d for d in _date_columns(t) if not _NOT_HOLD_DATE.search(snake(d))]
        if own:
            holds[name] = Hold.worded(own[0], None, msg(
                "an accounting line with a date of its own ({date})", date=own[0]),
                review=True)
            continue
        parents = [e for e in st.edges if e.src == name and e.dst in holds
                   and holds[e.dst].via is None and not e.backwards
                   and st.distance.get(e.dst, 10**9) <= st.distance[name]]
        if not parents:
            continue
        parent = parents[0]
        refs = st.references.setdefault(name, [])
        if not any(r.dst == parent.dst for r in refs):
            refs.append(parent)  # ``via`` must be one of the table's references
        holds[name] = Hold.worded(holds[parent.dst].date_column, parent.dst, msg(
            "lines of {table}: no date of their own, so they are kept as long as their "
            "{table} ({date})", table=parent.dst, date=holds[parent.dst].date_column),
            review=not parent.declared)
    return holds


def table_category(name: str, persons: dict[str, Person], holds: dict[str, Hold]) -> str:
    """The category for a table's columns that their names do not place."""
    if name in persons:
        return "employment" if persons[name].kind == "employee" else "identity"
    if name in holds:
        return "financial"
    s = snake(name)
    for pattern, category in _TABLE_CATEGORY:
        if re.search(pattern, s):
            return category
    return "other"


ProgressFn = Callable[[int, int, str], None]
