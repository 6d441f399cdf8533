"""``datamap draft``: a reviewed format-v2 data map for a portal the desk has never seen.

Reads the catalogue (tables, keys, unique indexes, foreign keys) and at most ``sample``
rows per table, read-only; classifies columns by name and by validated values; finds the
person tables, the paths to them, the accounting tables a hold keeps; and writes a map
whose every guess says why in a comment and carries ``review: true`` where it is unsure.
Never writes to the portal. See docs/decisions/0009-datamap-draft.md.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine

from privacy_desk.datamap.draft.catalogue import read_catalogue
from privacy_desk.datamap.draft.classify import ColumnGuess, classify_column
from privacy_desk.datamap.draft.infer import Note, declared_edges, guessed_edges, structure
from privacy_desk.datamap.draft.sampling import SampleFailed, sample_table
from privacy_desk.datamap.draft.writer import build_document, dump, merge_update
from privacy_desk.datamap.loader import DataMapError, parse_datamap
from privacy_desk.datamap.readonly import read_only
from privacy_desk.dburl import describe_url
from privacy_desk.errors import UserError
from privacy_desk.messages import msg

__all__ = ["DEFAULT_SAMPLE", "DraftResult", "Note", "ProgressFn", "draft_datamap"]

log = logging.getLogger(__name__)

DEFAULT_SAMPLE = 500
#: ``progress(done, total, what)``: tables sampled so far (what never holds data)
ProgressFn = Callable[[int, int, str], None]


@dataclass
class DraftResult:
    """The map's text and the items it marks for review, each with its reason."""

    text: str
    review: list[Note]
    tables: int
    seconds: float
    #: with ``update``: what was added to the edited map
    added: list[str] = field(default_factory=list)


def draft_datamap(engine: Engine, *, schema: str | None = None, sample: int = DEFAULT_SAMPLE,
                  progress: ProgressFn | None = None, update: str | None = None,
                  update_name: str = "<data map>", region: str = "SE") -> DraftResult:
    """Draft a map of the portal behind ``engine`` (or, with ``update``, extend that map).

    The result always loads; a draft that would not is a bug, raised as a UserError
    with the loader's message rather than written.
    """
    t0 = time.perf_counter()
    if sample < 0:
        raise UserError(msg("--sample must be 0 or more rows."))
    with read_only(engine) as conn:
        cat = read_catalogue(conn, schema)
    if not cat.tables:
        raise UserError(msg("The portal has no tables this login can see."),
                        msg("Check the database, the --schema and the login's rights."))
    total = len(cat.tables)
    samples: dict[str, dict[str, list[object]]] = {}
    failures: dict[str, str] = {}
    guesses: dict[str, dict[str, ColumnGuess]] = {}
    for i, t in enumerate(cat.tables.values(), 1):
        try:
            samples[t.name] = sample_table(engine, t, sample, schema)
        except SampleFailed as exc:
            failures[t.name] = str(exc)
            samples[t.name] = {}
        guesses[t.name] = {c.name: classify_column(c, samples[t.name].get(c.name, []), region)
                           for c in t.columns.values()}
        if progress:
            progress(i, total, t.name)
    edges = declared_edges(cat) + guessed_edges(cat, samples, engine, schema)
    st = structure(cat, guesses, edges)
    if not st.persons:
        raise UserError(msg("No table looks like a table of persons (no personnummer, name, "
                            "e-mail or phone column was found)."),
                        msg("Check that the login sees the portal's tables (--schema), or write "
                            "the map by hand (docs/datamap.md)."))
    patterns: dict[str, str] = {}
    for name, g in guesses.items():
        for c, x in g.items():
            if x.pattern and x.kind and (name in st.persons or
                                         c in cat.tables[name].single_keys()):
                patterns.setdefault(x.kind, x.pattern)
    doc, notes = build_document(cat, st, guesses, patterns=patterns, failures=failures,
                                portal=describe_url(engine.url) + (
                                    f", schema {schema}" if schema else ""), sample=sample)
    text = dump(doc)
    try:
        parse_datamap(text)
    except DataMapError as exc:
        log.error("Draft does not load: %s", exc.problem)
        raise UserError(msg("The draft could not be made into a map that loads ({problem}).",
                            problem=exc.problem),
                        msg("Please report this; the schema has a shape the draft does not "
                            "handle yet.")) from exc
    added: list[str] = []
    if update is not None:
        text, added = merge_update(update, doc, file=update_name)
        notes = [n for n in notes if any(n.path.startswith(_path_of(a)) for a in added)]
    return DraftResult(text, notes, total, time.perf_counter() - t0, added)


def _path_of(added: str) -> str:
    kind, _, name = added.partition(" ")
    if kind == "table":
        return f"tables.{name}"
    if kind == "column":
        table, _, col = name.partition(".")
        return f"tables.{table}.columns.{col}"
    if kind == "excluded":
        return f"excluded_tables.{name.removeprefix('table ')}"
    return name
