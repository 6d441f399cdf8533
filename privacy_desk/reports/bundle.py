"""The machine-readable copy (art. 20): JSON with provenance and one CSV per table, zipped.

``extract.json`` holds every category and table with each row's primary key (provenance)
and values; ``csv/<table>.csv`` has one file per portal table (UTF-8 with BOM so Excel
shows åäö); ``manifest.json`` lists every other member with its size and SHA-256, so the
person (or IMY) can check nothing was changed. With a password the members are encrypted
with WinZip AES-256 (pyzipper; see docs/decisions/0005-export-encryption.md), which 7-Zip,
WinZip and macOS's Archive Utility open.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from typing import Any

from privacy_desk.portal.lookup import jsonable
from privacy_desk.reports.extract import Extract, ExtractRow

FORMAT = "privacy-desk-extract/1"
MANIFEST = "manifest.json"


def extract_json(extract: Extract) -> dict[str, Any]:
    """The structured copy: categories -> tables -> rows with key and values."""

    def row(r: ExtractRow) -> dict[str, Any]:
        out: dict[str, Any] = {"key": {k: jsonable(v) for k, v in r.key.items()},
                               "values": {k: jsonable(v) for k, v in r.values.items()
                                          if k not in r.withheld}}
        if r.withheld:
            out["withheld"] = list(r.withheld)
        return out

    return {
        "format": FORMAT,
        "case_number": extract.case_number,
        "received_on": extract.received_on.isoformat(),
        "produced_at": extract.produced_at.isoformat(timespec="seconds") + "Z",
        "data_map": extract.datamap_name,
        "person": extract.person_label,
        "row_count": extract.row_count,
        "withheld_count": extract.withheld_count,
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


def table_csv(extract: Extract, table: str) -> bytes:
    """One table's rows: its key columns, then its personal columns (withheld left empty)."""
    keys, cols = extract.table_columns[table]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([*keys, *cols])
    for r in extract.table_rows[table]:
        writer.writerow([_cell(r.key.get(k)) for k in keys]
                        + ["" if c in r.withheld else _cell(r.values.get(c)) for c in cols])
    return buf.getvalue().encode("utf-8-sig")


def _cell(value: Any) -> str:
    value = jsonable(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def bundle_members(extract: Extract) -> dict[str, bytes]:
    """Every member of the zip (manifest included), name -> bytes."""
    members: dict[str, bytes] = {
        "extract.json": json.dumps(extract_json(extract), ensure_ascii=False,
                                   indent=2).encode("utf-8"),
    }
    for table in sorted(extract.table_rows):
        members[f"csv/{table}.csv"] = table_csv(extract, table)
    manifest = {
        "format": FORMAT,
        "case_number": extract.case_number,
        "algorithm": "sha256",
        "files": [{"name": n, "size": len(b), "sha256": hashlib.sha256(b).hexdigest()}
                  for n, b in members.items()],
    }
    members[MANIFEST] = json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8")
    return members


def build_bundle(extract: Extract, *, password: str | None = None) -> bytes:
    """The zip's bytes; AES-256 encrypted members when ``password`` is given."""
    members = bundle_members(extract)
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
