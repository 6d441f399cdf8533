"""Whether name search can use an index on this portal, and the ``CREATE INDEX`` if not.

Name search compares the *folded* name columns (:mod:`privacy_desk.datamap.names`); without
an index on exactly that expression every search reads the whole subject table. On
MariaDB the plain column is compared, so it needs a plain index and an accent-insensitive
collation (``utf8mb4_swedish_ci`` tells ö from o: "Karlstrom" would not find "Karlström").

``check_datamap`` calls :func:`name_index_findings`; the findings are warnings, like the
other missing indexes: the map is still sound, search is only slower.
"""

from __future__ import annotations

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from privacy_desk.datamap.findings import Finding, FindingKind, Severity
from privacy_desk.datamap.model import DataMap, TableSpec
from privacy_desk.datamap.names import FOLDED_LETTERS, index_statement, quoter
from privacy_desk.dburl import backend
from privacy_desk.messages import msg

#: MariaDB collations that compare without accents (besides any ``*_ai_ci``).
_ACCENT_INSENSITIVE = ("utf8mb4_unicode_ci", "utf8mb4_unicode_520_ci", "utf8mb4_general_ci",
                       "utf8mb3_unicode_ci", "utf8mb3_general_ci", "utf8_unicode_ci",
                       "utf8_general_ci", "utf8mb4_uca1400_ai_ci")


def name_index_findings(conn: Connection, datamap: DataMap) -> list[Finding]:
    """A warning, with the index to propose, for each name column search cannot index."""
    be = backend(conn.engine.url)
    quote = quoter(be)
    out: list[Finding] = []
    for spec in datamap.name_searchable:
        indexed = _indexed_columns(conn, be, spec)
        for col in spec.name_columns:
            line = spec.columns[col].line or spec.line
            if col not in indexed:
                out.append(Finding.worded(
                    FindingKind.MISSING_INDEX, Severity.WARNING,
                    msg("name search on {table}.{column} reads the whole table: no index on "
                        "the folded name (case and accents removed).", table=spec.name,
                        column=col), spec.name, col, line,
                    index_statement(spec.name, col, be, quote)))
        if be == "mysql":
            out += _collation_findings(conn, spec)
    return out


def _indexed_columns(conn: Connection, be: str, spec: TableSpec) -> set[str]:
    """Name columns of ``spec`` that have the index name search uses."""
    found: set[str] = set()
    if be == "postgresql":
        defs = [r[0] for r in conn.execute(text(
            "SELECT indexdef FROM pg_indexes WHERE tablename = :t"), {"t": spec.name})]
        to = "".join(FOLDED_LETTERS.values())
        for col in spec.name_columns:
            names = (f'"{col}"', col) if col == col.lower() else (f'"{col}"',)
            for d in defs:
                # PostgreSQL writes it back as translate(lower((col)::text), '…'::text, …)
                if "translate(lower(" in d and f"'{to}'" in d and \
                        any(f"({n})" in d or f"({n}::" in d or f"(({n})" in d for n in names):
                    found.add(col)
    elif be == "sqlite":
        sqls = [r[0] or "" for r in conn.execute(text(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = :t"),
            {"t": spec.name})]
        for col in spec.name_columns:
            if any("replace(" in s and f'lower("{col}")' in s for s in sqls):
                found.add(col)
    else:
        for ix in inspect(conn).get_indexes(spec.name):
            cols = ix.get("column_names") or []
            if cols and cols[0] in spec.name_columns:
                found.add(str(cols[0]))
    return found


def _collation_findings(conn: Connection, spec: TableSpec) -> list[Finding]:
    rows = conn.execute(text(
        "SELECT column_name, collation_name FROM information_schema.columns "
        "WHERE table_schema = DATABASE() AND table_name = :t"), {"t": spec.name}).all()
    collation = {str(r[0]): str(r[1] or "") for r in rows}
    out = []
    for col in spec.name_columns:
        coll = collation.get(col, "")
        if coll and not (coll.endswith("_ai_ci") or coll in _ACCENT_INSENSITIVE):
            out.append(Finding.worded(
                FindingKind.TYPE_MISMATCH, Severity.WARNING,
                msg("{table}.{column} has collation {collation}, which tells accented letters "
                    "from plain ones: name search will not find 'Karlström' from 'Karlstrom'.",
                    table=spec.name, column=col, collation=coll),
                spec.name, col, spec.columns[col].line or spec.line,
                f"ALTER TABLE `{spec.name}` MODIFY `{col}` ... COLLATE utf8mb4_unicode_ci;"))
    return out
