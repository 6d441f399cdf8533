"""``privacy-desk store``: the owner's setup of a server case store (grants for officers)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from privacy_desk.cli.common import app_paths, ask_password_on_terminal


def register(subparsers: Any) -> None:
    store = subparsers.add_parser("store", help="set up a server case store (its owner)")
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
