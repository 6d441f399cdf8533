"""``privacy-desk audit``: verify the hash-chained trail, export a period, print DBA grants.

Auditors and administrators only (the service checks); verifying and exporting are
themselves entries in the trail.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from privacy_desk.cli.common import open_signed_in, parse_date
from privacy_desk.messages import msg


def register(subparsers: Any) -> None:
    audit = subparsers.add_parser("audit", help="verify and export the audit trail")
    a_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = a_sub.add_parser("verify", help="check the hash chain; exit 1 if tampered")
    verify.add_argument("--anchors", metavar="DIR",
                        help="also check against the signed anchors in DIR (audit anchor)")
    verify.add_argument("--trust", action="append", default=[], metavar="KEY",
                        help="the key id (or whole public key, hex) an anchor must be signed "
                             "with, as 'audit anchor' printed it; repeat for several "
                             "auditors. Without it an anchor's own key is believed")
    verify.set_defaults(handler=run_audit_verify)
    anchor = a_sub.add_parser("anchor", help="sign the trail's head (Ed25519, key in your "
                              "keyring) and write it as a new file into DIR, kept elsewhere")
    anchor.add_argument("--out", required=True, metavar="DIR")
    anchor.set_defaults(handler=run_audit_anchor)
    export = a_sub.add_parser("export", help="write a period's entries as CSV or PDF")
    export.add_argument("--from", dest="start", required=True, type=parse_date, metavar="DATE")
    export.add_argument("--to", dest="end", required=True, type=parse_date, metavar="DATE")
    export.add_argument("--format", choices=["csv", "pdf"], default="csv")
    export.add_argument("--out", required=True, metavar="FILE")
    export.set_defaults(handler=run_audit_export)
    dba = a_sub.add_parser("dba-sql", help="print the PostgreSQL grants for the app's role")
    dba.add_argument("--role", required=True)
    dba.add_argument("--database", required=True)
    dba.set_defaults(handler=run_dba_sql)


def run_audit_verify(args: argparse.Namespace) -> int:
    from privacy_desk.services.audit_trail import verify_trail

    store, who = open_signed_in(args)
    try:
        result = verify_trail(store, actor=who,
                              anchors=Path(args.anchors) if args.anchors else None,
                              trusted_keys=args.trust)
    finally:
        store.close()
    for p in result.problems:
        print(f"{p.kind.value.upper():10} {p.message}")
    state = "intact" if result.ok else f"TAMPERED ({len(result.problems)} problem(s))"
    print(f"Audit trail {state}: {result.entries} entries, head #{result.head_seq} "
          f"{result.head_hash}")
    return 0 if result.ok else 1


def run_audit_anchor(args: argparse.Namespace) -> int:
    from privacy_desk.services.audit_trail import anchor_trail

    store, who = open_signed_in(args)
    try:
        written = anchor_trail(store, actor=who, out_dir=Path(args.out))
    finally:
        store.close()
    print(f"Anchored the audit trail at #{written.seq} {written.entry_hash} "
          f"(key {written.key_id}) in {written.path}")
    return 0


def run_audit_export(args: argparse.Namespace) -> int:
    from privacy_desk.services.audit_trail import ExportFormat, Period, export_audit

    period = Period(args.start, args.end)
    store, who = open_signed_in(args)
    try:
        n = export_audit(store, actor=who, period=period, fmt=ExportFormat(args.format),
                         target=Path(args.out))
    finally:
        store.close()
    print(f"Wrote {n} audit entries to {args.out}", file=sys.stderr)
    return 0


def run_dba_sql(args: argparse.Namespace) -> int:
    from privacy_desk.errors import UserError
    from privacy_desk.services.audit_trail import app_role_sql

    try:
        statements = app_role_sql(args.role, database=args.database)
    except ValueError as exc:
        raise UserError(str(exc), msg("Use a lower-case role name such as privacy_desk_app.")) \
            from None
    for s in statements:
        print(s + ";")
    print("-- then set a password: ALTER ROLE ... PASSWORD '...'; see docs/audit.md")
    return 0
