"""The machine-readable copy (art. 20): JSON with provenance and one CSV per table, zipped.

``extract.json`` holds every category and table with each row's primary key (provenance)
and values; ``csv/<table>.csv`` has one file per portal table (UTF-8 with BOM so Excel
shows åäö); ``manifest.json`` lists every other member with its size and SHA-256, so the
person (or IMY) can check nothing was changed, and the words for the machine names: each
table's and column's title and the labels of coded values, in Swedish and English, so a
program reading the copy can present it as the letter does. A column pointing at another
person holds what the letter shows (the role, or the person's name), never their id.

With a password the members are encrypted with WinZip AES-256 (pyzipper; see
docs/decisions/0005-export-encryption.md), which 7-Zip, WinZip and macOS's Archive
Utility open.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from typing import Any

from privacy_desk.datamap.model import TableSpec, Text, words
from privacy_desk.portal.lookup import jsonable
from privacy_desk.reports.extract import Extract, ExtractRow
from privacy_desk.reports.words import OtherPerson

FORMAT = "privacy-desk-extract/1"
MANIFEST = "manifest.json"


def extract_json(extract: Extract, fmt: str = FORMAT) -> dict[str, Any]:
    """The structured copy: categories -> tables -> rows with key and values."""

    def row(r: ExtractRow) -> dict[str, Any]:
        out: dict[str, Any] = {"key": {k: jsonable(v) for k, v in r.key.items()},
                               "values": {k: _json_value(v) for k, v in r.values.items()
                                          if k not in r.withheld}}
        if r.withheld:
            out["withheld"] = list(r.withheld)
        return out

    return {
        "format": fmt,
        "case_number": extract.case_number,
        "received_on": extract.received_on.isoformat(),
        "produced_at": extract.produced_at.isoformat(timespec="seconds") + "Z",
        "data_map": extract.datamap_name,
        "person": extract.person_label,
        "row_count": extract.row_count,
        "withheld_count": extract.withheld_count,
        "withheld": {"rows": extract.withheld.rows, "fields": extract.withheld.fields,
                     "undisclosed_fields": extract.withheld.undisclosed},
        "categories": {
            cat.name: {
                "title": {"sv": cat.info.title.sv, "en": cat.info.title.en} if cat.info else None,
                "purpose": cat.info.purpose.en if cat.info else None,
                "legal_basis": cat.info.legal_basis.en if cat.info else None,
                "recipients": cat.info.recipients.en if cat.info else None,
                "retention": cat.info.retention.en if cat.info else None,
                "tables": {t.name: [row(r) for r in t.rows] for t in cat.tables},
            }
            for cat in extract.categories
        },
    }


def _json_value(value: Any) -> Any:
    return value.to_json() if isinstance(value, OtherPerson) else jsonable(value)


def _bilingual(text: Text | None, fallback: str) -> dict[str, str]:
    return {"sv": words(text, "sv", fallback), "en": words(text, "en", fallback)}


def labels_json(extract: Extract) -> dict[str, Any]:
    """table -> its title and its shown columns' titles, value labels and person links."""

    def table(spec: TableSpec) -> dict[str, Any]:
        _keys, shown = extract.table_columns.get(spec.name, ((), ()))
        columns: dict[str, Any] = {}
        for name in shown:
            col = spec.columns[name]
            entry: dict[str, Any] = {"title": _bilingual(col.title, name)}
            if col.values:
                entry["values"] = {code: {"sv": t.sv, "en": t.en}
                                   for code, t in col.values.items()}
            if col.person is not None:
                entry["person"] = {"role": {"sv": col.person.role.sv,
                                            "en": col.person.role.en},
                                   "disclose": col.person.disclose.value}
            if not col.disclose:
                entry["disclosed"] = False
            columns[name] = entry
        return {"title": _bilingual(spec.title, spec.name), "columns": columns}

    return {name: table(spec) for name, spec in sorted(extract.tables.items())}


def table_csv(extract: Extract, table: str, lang: str = "sv") -> bytes:
    """One table's rows: its key columns, then its personal columns (withheld left empty);
    a link to another person as the letter in ``lang`` shows it."""
    keys, cols = extract.table_columns[table]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([*keys, *cols])
    for r in extract.table_rows[table]:
        writer.writerow([_cell(r.key.get(k)) for k in keys]
                        + ["" if c in r.withheld else _cell(r.values.get(c), lang)
                           for c in cols])
    return buf.getvalue().encode("utf-8-sig")


def _cell(value: Any, lang: str = "sv") -> str:
    if isinstance(value, OtherPerson):
        return value.text(lang)
    value = jsonable(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def bundle_members(extract: Extract, lang: str = "sv", *, fmt: str = FORMAT,
                   data_name: str = "extract.json",
                   manifest_extra: dict[str, Any] | None = None) -> dict[str, bytes]:
    """Every member of the zip (manifest included), name -> bytes.

    ``fmt``, ``data_name`` and ``manifest_extra`` let the portability copy (art. 20) reuse
    the layout under its own format name, with what it left out in the manifest.
    """
    members: dict[str, bytes] = {
        data_name: json.dumps(extract_json(extract, fmt), ensure_ascii=False,
                              indent=2).encode("utf-8"),
    }
    for table in sorted(extract.table_rows):
        members[f"csv/{table}.csv"] = table_csv(extract, table, lang)
    manifest = {
        "format": fmt,
        "case_number": extract.case_number,
        "algorithm": "sha256",
        "files": [{"name": n, "size": len(b), "sha256": hashlib.sha256(b).hexdigest()}
                  for n, b in members.items()],
        "tables": labels_json(extract),
        **(manifest_extra or {}),
    }
    members[MANIFEST] = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
    return members


def build_bundle(extract: Extract, *, password: str | None = None, lang: str = "sv",
                 members: dict[str, bytes] | None = None) -> bytes:
    """The zip's bytes; AES-256 encrypted members when ``password`` is given."""
    members = members if members is not None else bundle_members(extract, lang)
    buf = io.BytesIO()
    if password:
        import pyzipper  # type: ignore[import-untyped]

        with pyzipper.AESZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED,
                                 encryption=pyzipper.WZ_AES) as zf:
            zf.setpassword(password.encode("utf-8"))
            zf.setencryption(pyzipper.WZ_AES, nbits=256)
            for name, data in members.items():
                zf.writestr(name, data)
    else:
        with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, data in members.items():
                zf.writestr(name, data)
    return buf.getvalue()
