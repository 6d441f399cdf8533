"""``privacy-desk datamap check|upgrade|draft`` and ``privacy-desk find``: data maps, from the
command line.

Both run the same service functions as the app. ``find`` prints JSON on stdout (for
scripts and for checking a map by hand); messages go to stderr. Heavy imports happen
inside the handlers so ``privacy-desk --help`` stays fast.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from privacy_desk.messages import msg


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
    _register_draft(dm_sub)

    find = subparsers.add_parser(
        "find", help="find a person in the portal and print what it holds about them as JSON",
        description="Recognise IDENTIFIER (personnummer, organisationsnummer, e-mail, phone, "
        "customer or invoice number), or with --kind name search a person's name, list "
        "every candidate person it matches (of every kind: customers, employees, ...) with "
        "what tells them apart, and all their mapped rows with provenance. Never merges "
        "candidates. Read-only.")
    find.add_argument("identifier", metavar="IDENTIFIER", nargs="?",
                      help="the identifier, or the name with --kind name (\"Anna Svensson\"); "
                      "'-' reads it from standard input (asked for on a terminal when left "
                      "out)")
    find.add_argument("--portal", required=True, metavar="URL",
                      help="portal database URL or SQLite file path")
    find.add_argument("--map", required=True, metavar="FILE", help="data map file (YAML)")
    find.add_argument("--kind", metavar="KIND",
                      help="the identifier's kind when it could be read several ways "
                      "(personnummer, orgnr, email, phone, customer_number, invoice_number), "
                      "or 'name' to search by the person's name")
    find.add_argument("--postcode", metavar="POSTCODE",
                      help="with --kind name: only people with this postcode; '-' reads it "
                      "from standard input (after the identifier's line)")
    find.add_argument("--case", metavar="CASE", dest="case_number",
                      help="the case the look-up is for (its number, PD-...)")
    find.add_argument("--reason", metavar="TEXT",
                      help="why you look without a case (required then; kept in the audit "
                      "trail, so no personal data in it)")
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
        raise UserError(msg("The data map {source} cannot be read ({error}).",
                            source=source, error=type(exc).__name__),
                        msg("Give the path of a readable data map file (YAML).")) from exc
    upgraded = upgrade_datamap(text, source=source)
    if not args.out:
        sys.stdout.write(upgraded)
        return 0
    write_atomically(Path(args.out), upgraded.encode("utf-8"))
    print(f"Wrote {args.out} (data map format version 2).", file=sys.stderr)
    return 0


def run_find(args: argparse.Namespace) -> int:
    from privacy_desk.cli.common import open_signed_in
    from privacy_desk.cli.personal_input import personal_value
    from privacy_desk.datamap.loader import load_datamap
    from privacy_desk.dburl import connect_portal
    from privacy_desk.services.person_search import (
        ReasonRequired,
        search_person,
        view_person_data,
    )
    from privacy_desk.services.queue import case_id_by_number

    if args.case_number is None and not (args.reason or "").strip():
        raise ReasonRequired("A look-up without a case needs a reason; nothing was looked up.",
                             "Give --case CASE, or --reason 'why you look' (kept in the "
                             "audit trail).")
    identifier = personal_value(args.identifier, what="identifier", option="IDENTIFIER")
    assert identifier is not None
    postcode = None
    if args.postcode is not None:
        postcode = personal_value(args.postcode, what="postcode", option="--postcode")
    datamap = load_datamap(args.map)
    store, who = open_signed_in(args)  # every look at a person is checked and audited
    engine = connect_portal(args.portal)
    try:
        case_id = (case_id_by_number(store, args.case_number)
                   if args.case_number is not None else None)
        result = search_person(store, engine, datamap, identifier, actor=who,
                               kind=args.kind, postcode=postcode, case_id=case_id,
                               reason=args.reason)
        people = [view_person_data(store, engine, datamap, c, actor=who, case_id=case_id,
                                   reason=args.reason).to_json()
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


def _register_draft(dm_sub: Any) -> None:
    draft = dm_sub.add_parser(
        "draft", help="draft a data map for a portal from its catalogue and sampled values",
        description="Read the portal's tables, keys and foreign keys and at most --sample rows "
        "per table (read-only), and write a format-2 data map: person tables, references, "
        "personal columns, identifiers, holds and excluded tables, each guess with a comment "
        "saying why and 'review: true' where it is unsure. Never writes to the portal.")
    draft.add_argument("--portal", required=True, metavar="URL",
                       help="portal database URL or SQLite file path")
    draft.add_argument("--schema", metavar="NAME", help="the schema to draft (default: the "
                       "login's default schema)")
    draft.add_argument("--out", metavar="FILE", help="where to write the map (default: stdout)")
    draft.add_argument("--sample", type=int, default=500, metavar="N",
                       help="rows read per table at most (default 500; 0: names only)")
    draft.add_argument("--update", metavar="FILE",
                       help="an edited map to extend with what is new in the schema (its "
                       "edits are kept); written to --out, or back to FILE without --out")
    draft.set_defaults(handler=run_draft)


def run_draft(args: argparse.Namespace) -> int:
    from pathlib import Path

    from privacy_desk.datamap.draft import draft_datamap
    from privacy_desk.dburl import backend, connect_portal, parse_target
    from privacy_desk.errors import UserError
    from privacy_desk.reports.audit_report import write_atomically

    url = parse_target(args.portal)
    if backend(url) == "sqlite" and not Path(url.database or "").is_file():
        raise UserError(msg("The SQLite portal {database} does not exist.", database=url.database),
                        msg("Give the path of the portal's database file; the draft never "
                            "creates one."))
    old: str | None = None
    if args.update:
        try:
            old = Path(args.update).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(msg("The data map {update} cannot be read ({error}).",
                                update=args.update, error=type(exc).__name__),
                            msg("Give the path of the map to update (YAML).")) from exc
    step = {"next": 0}

    def progress(done: int, total: int, _table: str) -> None:
        if done >= step["next"] or done == total:  # about 20 lines for any schema
            print(f"draft: sampled {done}/{total} tables", file=sys.stderr)
            step["next"] = done + max(1, total // 20)

    engine = connect_portal(url)
    try:
        result = draft_datamap(engine, schema=args.schema, sample=args.sample,
                               progress=progress, update=old,
                               update_name=Path(args.update).name if args.update else "")
    finally:
        engine.dispose()
    out = args.out or args.update
    if out:
        write_atomically(Path(out), result.text.encode("utf-8"))
        print(f"Wrote {out}: {result.tables} tables in {result.seconds:.1f} s.",
              file=sys.stderr)
    else:
        sys.stdout.write(result.text)
    if args.update:
        print(f"Added {len(result.added)}: " + (", ".join(result.added) or "nothing new"),
              file=sys.stderr)
    print(f"{len(result.review)} item(s) to review:", file=sys.stderr)
    for note in result.review:
        print(f"  {note.path}: {note.reason}", file=sys.stderr)
    return 0
