"""Rewrite a version 1 data map as version 2, keeping its comments and layout.

Version 2 only adds keys, so a v1 map keeps loading; upgrading makes the one thing v2
requires explicit: every subject table says which kind of person its rows are (a v1
subject table is read as ``customer``). ruamel.yaml round-trips the file, so the DBA's
comments and ordering survive; the result is loaded again before it is returned, so an
upgrade never produces a map that does not load.
"""

from __future__ import annotations

import io
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from privacy_desk.datamap.loader import DataMapError, parse_datamap
from privacy_desk.datamap.model import FORMAT_VERSION
from privacy_desk.messages import msg

#: The kind a version 1 subject table is read as.
V1_SUBJECT_KIND = "customer"


def upgrade_datamap(text: str, *, source: Path | None = None) -> str:
    """The v2 text of a v1 map (unchanged when it already is v2)."""
    parsed = parse_datamap(text, source=source)  # refuse a broken map with file:line first
    if parsed.version >= FORMAT_VERSION:
        return text
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the author's lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    try:
        doc = yaml.load(text)
    except YAMLError as exc:  # parse_datamap accepted it, so this is unexpected
        raise DataMapError(source.name if source else "<data map>", 0,
                           msg("cannot be rewritten ({error}).", error=type(exc).__name__)) from exc
    doc["datamap_version"] = FORMAT_VERSION
    tables = doc["tables"]
    for name in tables:
        table = tables[name]
        if isinstance(table, CommentedMap) and table.get("subject") is True \
                and "kind" not in table:
            position = list(table).index("subject") + 1
            table.insert(position, "kind", V1_SUBJECT_KIND)
    out = io.StringIO()
    yaml.dump(doc, out)
    upgraded = out.getvalue()
    parse_datamap(upgraded, source=source)
    return upgraded
