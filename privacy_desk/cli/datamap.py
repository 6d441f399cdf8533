"""``privacy-desk datamap check`` and ``privacy-desk find``: the data map from the command line.

Both run the same service functions as the app. ``find`` prints JSON on stdout (for
scripts and for checking a map by hand); messages go to stderr. Heavy imports happen
inside the handlers so ``privacy-desk --help`` stays fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def register(subparsers: Any) -> None:
    """Add ``datamap check`` and ``find`` to the top-level parser."""
    dm = subparsers.add_parser("datamap", help="work with data maps (where personal data lives)")
    dm_sub = dm.add_subparsers(dest="datamap_command", metavar="ACTION", required=True)
    check = dm_sub.add_parser(
        "check", help="check a data map against a live portal database",
        description="Reflect the portal's schema and report, with the map's file and line, "
        "missing tables or columns, wrong types, references that do not join, identity "
        "columns without an index, and columns that look personal but are not mapped. "
        "Exit 0 only when the map is sound.")
    check.add_argument("--portal", required=True, metavar="URL",
                       help="portal database URL or SQLite file path")
    check.add_argument("--map", required=True, metavar="FILE", help="data map file (YAML)")
    check.add_argument("--strict", action="store_true",
                       help="treat warnings (missing indexes, unmentioned columns) as errors")
    check.set_defaults(handler=run_check)
    upgrade = dm_sub.add_parser(
        "upgrade", help="rewrite a version 1 data map as version 2, keeping its comments",
        description="Read a data map of format version 1 and write it as version 2 (every "
        "subject table gets 'kind: customer'; nothing else changes). Comments and order are "
        "kept. The result is loaded again before it is written. Without --out it is printed.")
    upgrade.add_argument("--map", required=True, metavar="FILE", help="data map file (YAML)")
    upgrade.add_argument("--out", metavar="FILE",
                         help="where to write the upgraded map (may be the same file)")
    upgrade.set_defaults(handler=run_upgrade)

    find = subparsers.add_parser(
        "find", help="find a person in the portal and print what it holds about them as JSON",
        description="Recognise IDENTIFIER (personnummer, organisationsnummer, e-mail, phone, "
        "customer or invoice number), or with --kind name search a person's name, list "
        "every candidate person it matches (of every kind: customers, employees, ...) with "
        "what tells them apart, and all their mapped rows with provenance. Never merges "
        "candidates. Read-only.")
    find.add_argument("identifier", metavar="IDENTIFIER",
                      help="the identifier, or the name with --kind name (\"Anna Svensson\")")
    find.add_argument("--portal", required=True, metavar="URL",
                      help="portal database URL or SQLite file path")
    find.add_argument("--map", required=True, metavar="FILE", help="data map file (YAML)")
    find.add_argument("--kind", metavar="KIND",
                      help="the identifier's kind when it could be read several ways "
                      "(personnummer, orgnr, email, phone, customer_number, invoice_number), "
                      "or 'name' to search by the person's name")
    find.add_argument("--postcode", metavar="POSTCODE",
                      help="with --kind name: only people with this postcode")
    find.set_defaults(handler=run_find)


def run_check(args: argparse.Namespace) -> int:
    from privacy_desk.datamap.check import check_datamap
    from privacy_desk.datamap.loader import load_datamap
    from privacy_desk.dburl import connect_portal

    datamap = load_datamap(args.map)
    engine = connect_portal(args.portal)
    try:
        report = check_datamap(engine, datamap)
    finally:
        engine.dispose()
    print(report.render())
    if not report.sound:
        return 1
    return 1 if args.strict and report.findings else 0


def run_upgrade(args: argparse.Namespace) -> int:
    from pathlib import Path

    from privacy_desk.datamap.upgrade import upgrade_datamap
    from privacy_desk.errors import UserError
    from privacy_desk.reports.audit_report import write_atomically

    source = Path(args.map)
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"The data map {source} cannot be read ({type(exc).__name__}).",
                        "Give the path of a readable data map file (YAML).") from exc
    upgraded = upgrade_datamap(text, source=source)
    if not args.out:
        sys.stdout.write(upgraded)
        return 0
    write_atomically(Path(args.out), upgraded.encode("utf-8"))
    print(f"Wrote {args.out} (data map format version 2).", file=sys.stderr)
    return 0


def run_find(args: argparse.Namespace) -> int:
    from privacy_desk.cli.common import open_signed_in
    from privacy_desk.datamap.loader import load_datamap
    from privacy_desk.dburl import connect_portal
    from privacy_desk.services.person_search import search_person, view_person_data

    datamap = load_datamap(args.map)
    store, who = open_signed_in(args)  # every look at a person is checked and audited
    engine = connect_portal(args.portal)
    try:
        result = search_person(store, engine, datamap, args.identifier, actor=who,
                               kind=args.kind, postcode=args.postcode)
        people = [view_person_data(store, engine, datamap, c, actor=who).to_json()
                  for c in result.candidates]
    finally:
        engine.dispose()
        store.close()
    out = {
        "readings": [r.kind for r in result.readings],
        "ambiguous": result.ambiguous,
        "truncated": result.truncated,
        "candidates": people,
    }
    json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    if not people:
        what = "name" if args.kind == "name" else "identifier"
        print(f"No one in the portal matches that {what}.", file=sys.stderr)
    elif result.truncated:
        print(f"More people match than the {len(people)} listed: narrow the search "
              "(--postcode).", file=sys.stderr)
    return 0
