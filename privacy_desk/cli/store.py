"""``privacy-desk store``: the case store itself: the owner's setup (grants for officers),
settling what a stopped desk left behind, and minimising finished cases."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from privacy_desk.cli.common import (
    app_paths,
    ask_password_on_terminal,
    open_signed_in,
    secret_from_stdin,
)
from privacy_desk.messages import msg


def register(subparsers: Any) -> None:
    store = subparsers.add_parser("store",
                                  help="the case store: secure (its owner), check, minimise")
    s_sub = store.add_subparsers(dest="store_command", metavar="ACTION", required=True)
    sec = s_sub.add_parser("secure", help="print (or --apply) the grants that let the server "
                           "enforce the officers' roles")
    sec.add_argument("--group", metavar="ROLE",
                     help="the officers' group role (default: DATABASE_officers)")
    sec.add_argument("--admin", metavar="LOGIN",
                     help="register LOGIN as the first administrator (an empty store)")
    sec.add_argument("--apply", action="store_true",
                     help="run the statements now (connected as the store's owner)")
    sec.set_defaults(handler=run_store_secure)
    check = s_sub.add_parser(
        "check", help="settle what a desk that stopped mid-way left behind",
        description="Exports whose files were being put in place when a desk stopped: "
        "complete files are recorded on the case, missing ones reported. With the global "
        "--portal/--map (or --demo), erasures whose outcome is not known are compared with "
        "the portal and recorded as committed, not executed or changed.")
    check.set_defaults(handler=run_check)
    register_minimise(s_sub)
    register_key(s_sub)


def run_store_secure(args: argparse.Namespace) -> int:
    from privacy_desk.services.context import open_owner_store
    from privacy_desk.services.store_guard import secure_store

    store = open_owner_store(app_paths(args), case_store=getattr(args, "case_store", None),
                             profile=getattr(args, "case_store_profile", None),
                             ask_password=ask_password_on_terminal)
    try:
        result = secure_store(store, group=args.group, admin=args.admin, apply=args.apply)
    finally:
        store.close()
    if result.applied:
        print(f"Secured the case store for group role {result.group}: officers' logins in "
              "it work only through their roles.", file=sys.stderr)
    else:
        for sql in result.statements:
            print(sql + ";")
        print("-- run as the store's owner, or again with --apply; repeat after each upgrade")
    return 0


def register_minimise(s_sub: Any) -> None:
    mini = s_sub.add_parser(
        "minimise", help="replace finished cases' identifiers by keyed hashes",
        description="A closed, rejected or withdrawn case, or one whose erasure was "
        "executed, keeps the person's identifiers only for the company's retention period "
        "(settings: queue.minimise_after_months, default 36). After it, the identifiers "
        "become keyed hashes (the key in the OS keyring), so the yearly allowance still "
        "counts the case; the person's label, identity evidence and rectified values go. "
        "See docs/erasure.md.")
    mini.add_argument("--dry-run", action="store_true",
                      help="list the cases that would be minimised; change nothing")
    mini.add_argument("--after-months", type=int, metavar="N",
                      help="the retention period in months (default: the setting)")
    mini.set_defaults(handler=run_minimise)


def run_minimise(args: argparse.Namespace) -> int:
    from privacy_desk.errors import UserError
    from privacy_desk.services.minimise import minimise_cases
    from privacy_desk.services.queue_settings import (
        MAX_MINIMISE_MONTHS,
        MIN_MINIMISE_MONTHS,
        QueueSettings,
    )

    months = args.after_months
    if months is None:
        months = QueueSettings.load(app_paths(args).settings_file).minimise_after_months
    if not MIN_MINIMISE_MONTHS <= months <= MAX_MINIMISE_MONTHS:
        raise UserError(f"--after-months must be between {MIN_MINIMISE_MONTHS} and "
                        f"{MAX_MINIMISE_MONTHS}.", "Give the company's retention period.")
    store, who = open_signed_in(args)
    try:
        done = minimise_cases(store, after_months=months, actor=who, dry_run=args.dry_run)
    finally:
        store.close()
    verb = "would be minimised" if args.dry_run else "minimised"
    for m in done:
        print(f"{m.case_number}: finished {m.finished_on.isoformat()}, {m.identifiers} "
              f"identifier(s) {verb}")
    print(f"{len(done)} case(s) {verb} (retention {months} months)"
          + ("; nothing was changed" if args.dry_run else ""))
    return 0


def run_check(args: argparse.Namespace) -> int:
    from privacy_desk.services.outcomes import start_checks

    if args.portal or args.demo or args.portal_profile:
        from privacy_desk.cli.erasure import _context

        ctx = _context(args)
        try:
            report = start_checks(ctx.case_store, ctx.portal, ctx.datamap, actor=ctx.officer)
        finally:
            ctx.close()
    else:
        store, who = open_signed_in(args)
        try:
            report = start_checks(store, actor=who)
        finally:
            store.close()
    lines = report.lines()
    for line in lines:
        print(line)
    if not lines:
        print("Nothing left behind: every outcome is recorded.")
    return 0


def register_key(s_sub: Any) -> None:
    key = s_sub.add_parser(
        "key", help="carry the minimisation key to another desk",
        description="A minimised case keeps keyed hashes; the key is in the keyring of the "
        "desk that minimised. Another desk needs it to count the person's minimised cases in "
        "the yearly allowance. An administrator exports it to a file encrypted with a "
        "passphrase and imports it on the other desk; both print the same key id.")
    k_sub = key.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    out = k_sub.add_parser("export", help="write the key, encrypted, to a new file")
    out.add_argument("--out", required=True, metavar="FILE")
    out.add_argument("--passphrase-stdin", action="store_true",
                     help="read the passphrase from the first line of standard input")
    out.set_defaults(handler=run_key_export)
    into = k_sub.add_parser("import", help="keep the key from an exported file in the keyring")
    into.add_argument("file", metavar="FILE")
    into.add_argument("--passphrase-stdin", action="store_true",
                      help="read the passphrase from the first line of standard input")
    into.set_defaults(handler=run_key_import)


def _passphrase(args: argparse.Namespace, *, twice: bool) -> str:
    import getpass

    from privacy_desk.errors import UserError

    if args.passphrase_stdin:
        return secret_from_stdin()
    first = getpass.getpass("Passphrase: ")
    if twice and getpass.getpass("Passphrase again: ") != first:
        raise UserError(msg("The two passphrases differ."), msg("Type the same one twice."))
    return first


def run_key_export(args: argparse.Namespace) -> int:
    from privacy_desk.services.minimise_key import export_key

    passphrase = _passphrase(args, twice=True)
    store, who = open_signed_in(args)
    try:
        written = export_key(store, actor=who, passphrase=passphrase, out=Path(args.out))
    finally:
        store.close()
    print(f"Minimisation key {written.key_id} written to {written.path}")
    return 0


def run_key_import(args: argparse.Namespace) -> int:
    from privacy_desk.errors import UserError
    from privacy_desk.services.minimise_key import import_key

    source = Path(args.file).expanduser()
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise UserError(msg("The key file {file} cannot be read ({error}).", file=str(source),
                            error=type(exc).__name__),
                        msg("Give the file 'privacy-desk store key export' wrote.")) from exc
    passphrase = _passphrase(args, twice=False)
    store, who = open_signed_in(args)
    try:
        ident = import_key(store, actor=who, data=data, passphrase=passphrase)
    finally:
        store.close()
    print(f"Minimisation key {ident} kept in this desk's keyring")
    return 0
