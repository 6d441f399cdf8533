"""One folding of people's names, the same in Python and in each database's SQL.

Name search must find "Karlström" from "karlstrom" or "KARLSTRÖM" without scanning a
million customers. So the query compares a *folded* name column with a folded token,
and the folding is an expression the database can index:

* PostgreSQL: ``translate(lower(col), 'ÀÁ…àá…', 'aa…aa…')``: immutable, so an expression
  index on it is used (``text_pattern_ops`` also serves the ``LIKE 'anna %'`` prefix
  for a first name of several words).
* SQLite: ``lower()`` folds only ASCII, so the diacritics are removed by nested
  ``replace()``; an index on exactly that expression is used for ``=`` and ranges.
* MariaDB: the column's collation already compares without case and accents
  (``utf8mb4_unicode_ci`` and the ``*_ai_ci`` ones; not ``utf8mb4_swedish_ci``, where ö
  is a letter of its own), so the plain column is compared and its plain index used.

:func:`fold` is the Python side: ``lower()`` and the same table. Both sides map every
letter in :data:`FOLDED_LETTERS`, upper and lower case, so the result does not depend
on whether the database's ``lower()`` knows non-ASCII letters (a ``C`` locale does not).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

#: The letters folded, upper and lower case: those of names in Sweden and its neighbours
#: (and the commonest French, German and Spanish ones). Deliberately short: SQLite folds
#: them with one nested ``replace()`` each, and its parser refuses a name query nesting
#: more than about 26 deep (tests/db/test_find_v2.py runs the deepest query we send).
#: A letter not listed ("ł") is kept as it is on both sides, so it still matches itself.
_LOWER = {"å": "a", "ä": "a", "ö": "o", "ø": "o", "é": "e", "è": "e", "ü": "u", "á": "a",
          "à": "a", "í": "i", "ó": "o", "ú": "u"}
FOLDED_LETTERS: dict[str, str] = {**{k.upper(): v for k, v in _LOWER.items()}, **_LOWER}
_TRANS = str.maketrans(FOLDED_LETTERS)
_FROM = "".join(FOLDED_LETTERS)
_TO = "".join(FOLDED_LETTERS.values())


def fold(text: str) -> str:
    """Lower case, without diacritics, spaces collapsed: what the SQL side computes."""
    text = unicodedata.normalize("NFC", text)
    return re.sub(r"\s+", " ", text.lower().translate(_TRANS)).strip()


def tokens(name: str) -> list[str]:
    """The folded words of a name as typed ("Anna  SVENSSON" -> ["anna", "svensson"])."""
    return [t for t in fold(name).replace(",", " ").split(" ") if t]


def _quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def folded_sql(column_sql: str, backend: str) -> str:
    """The SQL of the folded ``column_sql`` (an already quoted column) on ``backend``.

    On MariaDB this is the column itself: its accent-insensitive collation folds.
    """
    if backend == "postgresql":
        return f"translate(lower({column_sql}), {_quote_literal(_FROM)}, {_quote_literal(_TO)})"
    if backend == "sqlite":
        expr = f"lower({column_sql})"
        for src, dst in FOLDED_LETTERS.items():
            expr = f"replace({expr}, '{src}', '{dst}')"
        return expr
    return column_sql


def index_statement(table: str, column: str, backend: str, quote: Callable[[str], str]) -> str:
    """The ``CREATE INDEX`` that makes name search on ``table.column`` use an index."""
    name = quote(f"ix_{table}_{column}_folded"[:63])
    col = quote(column)
    if backend == "postgresql":
        return (f"CREATE INDEX {name} ON {quote(table)} "
                f"(({folded_sql(col, backend)}) text_pattern_ops);")
    if backend == "sqlite":
        return f"CREATE INDEX {name} ON {quote(table)} (({folded_sql(col, backend)}));"
    plain = quote(f"ix_{table}_{column}"[:64])
    return f"CREATE INDEX {plain} ON {quote(table)} ({col});"


def quoter(backend: str) -> Callable[[str], str]:
    """Quote identifiers the way ``backend`` wants (always quoted: CamelCase survives)."""
    if backend == "mysql":
        return lambda name: "`" + name.replace("`", "``") + "`"
    return lambda name: '"' + name.replace('"', '""') + '"'


def postcode_digits(text: str) -> str:
    """A postcode as compared: digits and letters only, upper case ("123 45" -> "12345")."""
    return re.sub(r"[^0-9A-Za-z]", "", text).upper()


__all__: Sequence[str] = ("FOLDED_LETTERS", "fold", "folded_sql", "index_statement",
                          "postcode_digits", "quoter", "tokens")
