"""Write the draft as a format-v2 map with comments saying why, and merge a re-run into an
edited map without losing the DBA's edits.

ruamel.yaml writes the file so a DBA edits it in place and the next ``--update`` keeps the
edits and the comments: the draft only *adds* what is new in the schema (tables, columns,
the categories and patterns they need), each with a comment saying so.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from privacy_desk.datamap.draft.catalogue import Catalogue, ColumnInfo, TableInfo
from privacy_desk.datamap.draft.classify import ColumnGuess, joined
from privacy_desk.datamap.draft.infer import (
    BUILTIN_IDENTITY,
    KIND_TITLES,
    Note,
    Structure,
    reached_persons,
    table_category,
)
from privacy_desk.datamap.loader import DataMapError, parse_datamap
from privacy_desk.datamap.model import FORMAT_VERSION
from privacy_desk.errors import UserError
from privacy_desk.messages import Message, msg

#: The map file's comments stay English (the DBA's file, read next to the CLI's output);
#: the review notes carry the same words as messages for the desk's language.
MAP_LANGUAGE = "en"

#: Generic art. 15(1) texts per category: a start, never the company's own words (each
#: category is marked for review).
CATEGORY_TEXTS: dict[str, tuple[tuple[str, str], ...]] = {
    "identity": (("Identitetsuppgifter", "Identity data"),
                 ("Att veta vem du är.", "To know who you are.")),
    "contact": (("Kontaktuppgifter", "Contact details"),
                ("Att kunna kontakta dig.", "To be able to contact you.")),
    "address": (("Adressuppgifter", "Addresses"),
                ("Att leverera och fakturera till rätt adress.",
                 "To deliver and invoice to the right address.")),
    "financial": (("Ekonomiska uppgifter", "Financial data"),
                  ("Fakturering, betalning och bokföring.",
                   "Invoicing, payment and bookkeeping.")),
    "usage": (("Användning av våra tjänster", "Use of our services"),
              ("Att ge dig inloggning och skydda ditt konto.",
               "To let you log in and protect your account.")),
    "communication": (("Kommunikation", "Communication"),
                      ("Att besvara och hålla reda på kontakter med dig.",
                       "To answer and keep track of contacts with you.")),
    "consent": (("Samtycken och val", "Consents and choices"),
                ("Att respektera de val du gjort.", "To respect the choices you made.")),
    "employment": (("Anställning", "Employment"),
                   ("Att administrera anställningen.", "To administer the employment.")),
    "other": (("Övriga uppgifter", "Other data"),
              ("Det ändamål uppgifterna samlades in för.",
               "The purpose the data was collected for.")),
}
BOOKKEEPING_LAW = "Bokföringslagen (1999:1078) 7 kap. 2 §"
TODO_TEXT = {"sv": "ATT GÖRA: skriv bolagets egen text.",
             "en": "TODO: write the company's own text."}


def _yaml() -> YAML:
    y = YAML()
    y.preserve_quotes = True
    y.width = 4096
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def _flow(**items: Any) -> CommentedMap:
    m = CommentedMap()
    for k, v in items.items():
        if v is not None:
            m[k] = v
    m.fa.set_flow_style()
    return m


def _text(sv: str, en: str) -> CommentedMap:
    return _flow(sv=sv, en=en)


class _Writer:
    def __init__(self, cat: Catalogue, st: Structure,
                 guesses: dict[str, dict[str, ColumnGuess]], patterns: dict[str, str],
                 failures: dict[str, str]) -> None:
        self.cat, self.st, self.guesses = cat, st, guesses
        self.patterns, self.failures = patterns, failures
        self.notes: list[Note] = list(st.notes)
        self.used_categories: set[str] = set()

    def note(self, path: str, reason: Message) -> None:
        """A review item; ``reason`` reads in the desk's language, English in the map."""
        self.notes.append(Note(path, reason.render(MAP_LANGUAGE), reason))

    # --------------------------------------------------------------------------- tables
    def mapped(self, t: TableInfo) -> CommentedMap:
        st, name = self.st, t.name
        path = f"tables.{name}"
        g = self.guesses[name]
        person = st.persons.get(name)
        out = CommentedMap()
        table_reasons: list[Message] = []
        review = False
        if person is not None:
            out["subject"] = True
            out["kind"] = person.kind
            if person.kind in KIND_TITLES:
                sv, en = KIND_TITLES[person.kind]
                out["kind_title"] = _text(sv, en)
            table_reasons.append(msg("a person table: {why}", why=_listed(person.reasons)))
            if person.review:
                review = True
        key = t.key
        if not key:
            key = tuple(c.name for c in t.columns.values() if c.kind not in ("text", "binary",
                                                                                "other"))
            review = True
            table_reasons.append(msg("no primary key or unique index: rows cannot be told "
                                     "apart; the key below is every column, add a real one"))
        out["primary_key"] = key[0] if len(key) == 1 else _seq(key)
        if not t.primary_key and t.key:
            out.yaml_add_eol_comment("a unique index: the table has no primary key",
                                     "primary_key")
        first = [c for c, x in g.items() if x.name_part == "first"]
        last = [c for c, x in g.items() if x.name_part == "last"]
        full = [c for c, x in g.items() if x.name_part == "full"]
        names = [*first, *last] if first and last else full[:1]
        company = [c for c, x in g.items() if x.category == "identity" and "company" in
                   x.comment()]
        label = [*names, *company[:1]]
        if label:
            out["label"] = label[0] if len(label) == 1 else _seq(label)
        if person is not None and names:
            out["name"] = names[0] if len(names) == 1 else _seq(names)
        identity = self.identity(t, person is not None)
        if identity:
            out["identity"] = identity
        refs = st.references.get(name, [])
        links = {c: p for (tab, c), p in st.links.items() if tab == name}
        if refs and person is None:
            seq = CommentedSeq()
            for i, e in enumerate(refs):
                entry = _flow(table=e.dst, on=_flow(**dict(e.on)))
                if not e.declared:
                    entry["review"] = True
                    self.note(f"{path}.references[{i}]", e.words or _said(e.reason))
                seq.append(entry)
                seq.yaml_add_eol_comment(e.reason, i)
            out["references"] = seq
            reached = reached_persons(st, name)
            if len(reached) > 1:
                review = True
                table_reasons.append(msg(
                    "its rows lead to several person tables ({tables}); if one of them is "
                    "another person (a handler, a manager), make that column a 'person:' link "
                    "instead of a reference", tables=", ".join(sorted(reached))))
        hold = st.holds.get(name)
        if hold is not None and person is None:
            h = _flow(rule="bookkeeping", date_column=hold.date_column, via=hold.via)
            if hold.review:
                h["review"] = True
                self.note(f"{path}.hold", hold.words or _said(hold.reason))
            out["hold"] = h
            out.yaml_add_eol_comment(hold.reason, "hold")
        if person is None:
            out["erasure"] = "delete_row"
        if name in self.failures:
            review = True
            table_reasons.append(msg("could not be sampled ({error}); columns were judged by "
                                     "name only", error=self.failures[name]))
        default_category = table_category(name, st.persons, st.holds)
        joins = {a for e in refs for a, _ in e.on} | {
            a for e in st.edges if e.src == name and (e.dst in st.distance or e.dst == name)
            for a, _ in e.on}
        columns = CommentedMap()
        for c in t.columns.values():
            entry, comment, col_review = self.column(t, c.name, default_category, joins,
                                                     links=links, subject=person is not None)
            if col_review:
                entry["review"] = True
                self.note(f"{path}.columns.{c.name}", comment or _said(""))
            columns[c.name] = entry
            if comment is not None:
                columns.yaml_add_eol_comment(comment.render(MAP_LANGUAGE), c.name)
        out["columns"] = columns
        if review:
            out.insert(0, "review", True)
            self.note(path, _joined(table_reasons))
        if table_reasons:
            out.yaml_set_start_comment(_joined(table_reasons).render(MAP_LANGUAGE), indent=4)
        return out

    def identity(self, t: TableInfo, subject: bool) -> CommentedSeq | None:
        seq = CommentedSeq()
        keys = t.single_keys()
        for c, g in self.guesses[t.name].items():
            col = t.columns[c]
            if g.kind is None:
                continue
            if g.kind in BUILTIN_IDENTITY:
                if col.kind not in ("str", "int"):
                    continue
                if g.kind in ("email", "phone") and col.kind != "str":
                    continue
            elif not (subject or c in keys) or g.pattern is None:
                continue
            entry = _flow(column=c, kind=g.kind)
            if col.kind == "int":
                entry["numeric"] = True
            if g.review:
                entry["review"] = True
                self.note(f"tables.{t.name}.identity[{len(seq)}]",
                          msg("{column} as {kind}: {why}", column=c, kind=g.kind,
                              why=g.words()))
            seq.append(entry)
            seq.yaml_add_eol_comment(g.comment() or f"{g.kind}", len(seq) - 1)
        return seq or None

    def column(self, t: TableInfo, c: str, default_category: str, joins: set[str], *,
               links: dict[str, str], subject: bool) -> tuple[CommentedMap, Message | None, bool]:
        """The column's entry, why (None: nothing to say) and whether it needs review."""
        g = self.guesses[t.name][c]
        info = t.columns[c]
        reasons = list(g.reasons)
        if c in links:
            target = links[c]
            role = KIND_TITLES.get(self.st.persons[target].kind, (target, target))
            entry = _flow(personal=False, reason=f"points at another person ({target})",
                          person=_flow(table=target,
                                       role=_text(f"en {role[0]} hos oss",
                                                  f"{_a(role[1])} of ours"),
                                       disclose="role"))
            return entry, msg("a foreign key into the person table {table}: not a path to "
                              "this row's person; how much an extract shows is for you to say",
                              table=target), True
        pattern_id = g.pattern is not None and g.kind is not None and c in t.single_keys()
        if (c in t.primary_key and not pattern_id and not g.looks_personal) or \
                (c in joins and not pattern_id):
            why = "the table's key" if c in t.primary_key else "joins to another table"
            if c in joins and c not in t.primary_key:
                dst = next((e.dst for e in self.st.edges if e.src == t.name
                            and c in dict(e.on)), None)
                why = f"joins to {dst}" if dst else why
            return _flow(personal=False, reason=why), None, False
        category = g.category or default_category
        if subject and category in ("communication", "other", "usage") and not g.looks_personal:
            category = default_category
        self.used_categories.add(category)
        entry = _flow(category=category)
        if subject:
            erasure, value = ("keep", None) if c in t.primary_key else _subject_erasure(
                info, c in t.single_keys(), g)
            entry["erasure"] = erasure
            if value is not None:
                entry["value"] = value
        if not g.disclose:
            entry["disclose"] = False
        if g.meaning:
            entry["meaning"] = g.meaning
        review = g.review
        if g.free_text:
            reasons.append(msg("free text: may hold anything, also about other people"))
            review = True
        if info.kind in ("binary", "other"):
            reasons.append(msg("type {type} not sampled", type=info.type_text))
        if not reasons:
            reasons.append(msg("about the person: in a table that leads to one ({category})",
                               category=category))
        return entry, _joined(reasons), review

    def excluded(self, t: TableInfo) -> tuple[Any, str]:
        g = self.guesses[t.name]
        looks = {c: x for c, x in g.items() if x.looks_personal}
        reason = "no reference leads from it to a person table and no column holds an " \
                 "identifier: it describes things, not people"
        if not looks:
            return reason, ""
        entry = CommentedMap()
        entry["review"] = True
        entry["reason"] = reason
        cols = CommentedMap()
        for c, x in looks.items():
            cols[c] = f"not about a person: the table has no path to one (looked like " \
                      f"{x.comment() or 'personal data'})"
        cols.fa.set_flow_style()
        entry["columns"] = cols
        why = msg("columns look personal ({columns}) but nothing links the table to a person: "
                  "confirm it holds none, or add a reference and map it",
                  columns=", ".join(looks))
        self.note(f"excluded_tables.{t.name}", why)
        return entry, why.render(MAP_LANGUAGE)


#: what ``pseudonymise`` writes (an HMAC in 12 characters) and ``replace`` writes here
PSEUDONYM_LENGTH = 12
ERASED = "(raderad)"


def _subject_erasure(info: ColumnInfo, unique: bool, g: ColumnGuess) -> tuple[str, str | None]:
    """What erasing a person does to a column of their own row, within its constraints
    (NOT NULL, UNIQUE, the column's length): the strategy and, for replace, the value."""
    room = info.length
    identifying = g.kind in ("personnummer", "orgnr", "customer_number") or (
        unique and info.kind == "str")
    if identifying and (info.kind == "text" or room is None or room >= PSEUDONYM_LENGTH):
        return "pseudonymise", None
    if info.nullable:
        return "set_null", None
    if info.kind in ("str", "text") and not unique:
        return "replace", ERASED if room is None or room >= len(ERASED) else "-"
    return "keep", None


_joined = joined


def _said(text: str) -> Message:
    """A reason that has no words of its own (never met: every edge and hold has them)."""
    return msg("{text}", text=text)


def _listed(parts: list[Message]) -> Message:
    """Reasons in a list, ``, ``-separated in every language."""
    if not parts:
        return msg("{text}", text="")
    if len(parts) == 1:
        return parts[0]
    return msg("{first}, {rest}", first=parts[0], rest=_listed(parts[1:]))


def _a(noun: str) -> str:
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


def _seq(items: Iterable[str]) -> CommentedSeq:
    s = CommentedSeq(list(items))
    s.fa.set_flow_style()
    return s


def build_document(cat: Catalogue, st: Structure, guesses: dict[str, dict[str, ColumnGuess]],
                   *, patterns: dict[str, str], failures: dict[str, str], portal: str,
                   sample: int) -> tuple[CommentedMap, list[Note]]:
    w = _Writer(cat, st, guesses, patterns, failures)
    tables = CommentedMap()
    excluded = CommentedMap()
    for t in cat.tables.values():
        mapped = t.name in st.distance or any(
            g.kind in BUILTIN_IDENTITY and t.columns[c].kind == "str"
            for c, g in guesses[t.name].items())
        if mapped:
            tables[t.name] = w.mapped(t)
            if t.name not in st.distance:
                tables.yaml_set_comment_before_after_key(
                    t.name, before="no path to a person table: found by its identifiers "
                    "only (people who may not be customers)", indent=2)
        else:
            entry, why = w.excluded(t)
            excluded[t.name] = entry
            if why:
                excluded.yaml_add_eol_comment(why, t.name)
    for v in cat.views:
        excluded[v] = CommentedMap([("review", True), (
            "reason", "a view: find and erasure read the tables it is built on")])
        w.note(f"excluded_tables.{v}", msg("a view: mapped through its tables; map it only "
                                           "if it holds data no table holds"))
    doc = CommentedMap()
    doc["datamap_version"] = FORMAT_VERSION
    doc["name"] = f"Draft of {portal}"
    doc["description"] = (f"Drafted by privacy-desk datamap draft on {dt.date.today()} from "
                          f"the portal's catalogue and at most {sample} sampled rows per "
                          "table. Confirm every 'review: true' and remove the marker.")
    doc["phone_region"] = "SE"
    doc.yaml_add_eol_comment("numbers without a country code are read as Swedish",
                             "phone_region")
    if patterns:
        doc["identifier_patterns"] = CommentedMap(sorted(patterns.items()))
        doc.yaml_add_eol_comment("derived from the sampled values", "identifier_patterns")
    categories = CommentedMap()
    used = w.used_categories or {"identity"}
    for name in [c for c in CATEGORY_TEXTS if c in used]:
        categories[name] = _category(name)
        w.note(f"categories.{name}", msg("generic texts: write the company's own purpose, "
                                         "legal basis, recipients and retention (art. 15(1))"))
    doc["categories"] = categories
    if st.holds:
        doc["holds"] = CommentedMap([("bookkeeping", _bookkeeping())])
        w.note("holds.bookkeeping", msg("7 years after the financial year: confirm the "
                                        "company's financial year (financial_year_start) and "
                                        "the law"))
    if excluded:
        doc["excluded_tables"] = excluded
    doc["tables"] = tables
    doc.yaml_set_start_comment(
        f"Data map DRAFT for {portal}, written by privacy-desk datamap draft.\n"
        "Every guess says why in a comment; 'review: true' marks what a person must confirm\n"
        "(the loader and check list them). Re-run with --update FILE to add what is new in\n"
        "the schema; your edits are kept.")
    return doc, w.notes


def _category(name: str) -> CommentedMap:
    (tsv, ten), (psv, pen) = CATEGORY_TEXTS[name]
    m = CommentedMap()
    m["review"] = True
    m["title"] = _text(tsv, ten)
    m["purpose"] = _text(psv, pen)
    for key in ("legal_basis", "recipients", "retention"):
        m[key] = _text(TODO_TEXT["sv"], TODO_TEXT["en"])
    return m


def _bookkeeping() -> CommentedMap:
    m = CommentedMap()
    m["review"] = True
    m["law"] = BOOKKEEPING_LAW
    m["description"] = _text(
        "Räkenskapsinformation sparas till och med det sjunde året efter utgången av det "
        "kalenderår då räkenskapsåret avslutades.",
        "Accounting records are kept until the end of the seventh year after the calendar "
        "year in which the financial year ended.")
    m["years_after_year_end"] = 7
    m.yaml_add_eol_comment("add financial_year_start: \"07-01\" for a July-June year",
                           "years_after_year_end")
    return m


def dump(doc: CommentedMap) -> str:
    out = io.StringIO()
    _yaml().dump(doc, out)
    return out.getvalue()


def merge_update(old_text: str, new: CommentedMap, *,
                 file: str = "<data map>") -> tuple[str, list[str]]:
    """The edited map ``old_text`` plus what ``new`` (a fresh draft) has that it lacks.

    Only adds: tables, columns of mapped tables, the categories, patterns and hold rule they
    use. Nothing the DBA wrote is changed. Returns the text and what was added.
    """
    try:
        old = _yaml().load(old_text)
    except YAMLError as exc:
        raise UserError(msg("{file} cannot be read as YAML ({error}).",
                            file=file, error=type(exc).__name__),
                        msg("Fix the file, or draft a new map without --update.")) from exc
    if not isinstance(old, CommentedMap) or not isinstance(old.get("tables"), CommentedMap):
        raise UserError(msg("{file} is not a data map (no 'tables:').", file=file),
                        msg("Give the map the draft wrote, or draft a new one without --update."))
    added: list[str] = []
    old_tables: CommentedMap = old["tables"]
    old_excluded = old.get("excluded_tables") or CommentedMap()
    new_tables: CommentedMap = new["tables"]
    new_excluded: CommentedMap = new.get("excluded_tables") or CommentedMap()
    needed: set[str] = set()
    for name, spec in new_tables.items():
        if name in old_excluded:
            continue
        if name not in old_tables:
            old_tables[name] = spec
            old_tables.yaml_set_comment_before_after_key(
                name, before="NEW in the schema since the map was written", indent=2)
            added.append(f"table {name}")
            needed |= _categories_of(spec)
            continue
        old_cols = old_tables[name].get("columns")
        if not isinstance(old_cols, CommentedMap):
            continue
        for col, centry in spec["columns"].items():
            if col not in old_cols:
                if isinstance(centry, CommentedMap) and "review" not in centry:
                    centry["review"] = True
                old_cols[col] = centry
                old_cols.yaml_add_eol_comment("NEW column in the schema", col)
                added.append(f"column {name}.{col}")
                needed |= _categories_of(CommentedMap(columns=CommentedMap([(col, centry)])))
    for name, entry in new_excluded.items():
        if name not in old_excluded and name not in old_tables:
            if "excluded_tables" not in old:
                old.insert(list(old).index("tables"), "excluded_tables", CommentedMap())
                old_excluded = old["excluded_tables"]
            old_excluded[name] = entry
            old_excluded.yaml_add_eol_comment("NEW in the schema", name)
            added.append(f"excluded table {name}")
    categories = old.get("categories")
    if isinstance(categories, CommentedMap):
        for c in sorted(needed - set(categories)):
            categories[c] = new["categories"][c] if c in new["categories"] else _category(c)
            added.append(f"category {c}")
    for key in ("identifier_patterns", "holds"):
        if key in new:
            if key not in old:
                old.insert(list(old).index("categories") + 1, key, new[key])
                added.append(key)
            else:
                for k, v in new[key].items():
                    if k not in old[key]:
                        old[key][k] = v
                        added.append(f"{key}.{k}")
    text = dump(old)
    try:
        parse_datamap(text)
    except DataMapError as exc:
        raise UserError(msg("The updated map would not load: {problem}", problem=exc.problem),
                        msg("Fix the edited map so it loads, then run --update again.")) from exc
    return text, added


def _categories_of(spec: Any) -> set[str]:
    out: set[str] = set()
    cols = spec.get("columns") if isinstance(spec, CommentedMap) else None
    if isinstance(cols, CommentedMap):
        for entry in cols.values():
            if isinstance(entry, CommentedMap) and "category" in entry:
                out.add(str(entry["category"]))
    return out
