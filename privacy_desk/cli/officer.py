"""``privacy-desk officer``: who may use the case store, in which role (admins change it)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from privacy_desk.cli.common import open_signed_in


def register(subparsers: Any) -> None:
    off = subparsers.add_parser("officer", help="who may use the case store, in which role")
    o_sub = off.add_subparsers(dest="officer_command", metavar="ACTION", required=True)
    o_sub.add_parser("list", help="list officers").set_defaults(handler=run_officer_list)
    oadd = o_sub.add_parser("add", help="add an officer (administrators only)")
    oadd.add_argument("name")
    oadd.add_argument("--role", action="append", required=True,
                      help="officer, approver or auditor (repeatable)")
    oadd.add_argument("--admin", action="store_true")
    oadd.add_argument("--apply", action="store_true",
                      help="on a server store: also create the officer's database login "
                      "(you must be connected as the store's owner); else it is printed")
    oadd.add_argument("--group", metavar="ROLE",
                      help="the officers' group role (default: DATABASE_officers)")
    oadd.set_defaults(handler=run_officer_add)
    oset = o_sub.add_parser("set-roles", help="replace an officer's roles")
    oset.add_argument("name")
    oset.add_argument("--role", action="append", default=[])
    oset.add_argument("--admin", action=argparse.BooleanOptionalAction, default=None)
    oset.add_argument("--active", action=argparse.BooleanOptionalAction, default=None)
    oset.set_defaults(handler=run_officer_set)


def run_officer_list(args: argparse.Namespace) -> int:
    from privacy_desk.services.roles import list_officers

    store, who = open_signed_in(args)
    try:
        for o in list_officers(store, actor=who):
            roles = ",".join(sorted(r.value for r in o.roles))
            flags = ("admin " if o.admin else "") + ("" if o.active else "inactive")
            print(f"{o.name:20} {roles:28} {flags}".rstrip())
    finally:
        store.close()
    return 0


def run_officer_add(args: argparse.Namespace) -> int:
    from privacy_desk.services.roles import add_officer, parse_roles
    from privacy_desk.services.store_guard import officer_login

    roles = parse_roles(args.role)
    store, who = open_signed_in(args)
    try:
        login = None
        if store.backend != "sqlite":
            # The officer is their database login: the DBA's statement comes first.
            login = officer_login(store, args.name, group=args.group, apply=args.apply)
        add_officer(store, args.name, roles, actor=who, admin=args.admin)
    finally:
        store.close()
    if login is not None and not login.applied:
        print(f"-- {args.name} is an officer now; the DBA gives them their own login:")
        for sql in login.statements:
            print(sql + ";")
        print(f"-- then a password (ALTER ROLE {args.name} PASSWORD '...') or the site's "
              "Kerberos/certificates; the officer keeps it in the keyring "
              "(privacy-desk profile set-password)")
    elif login is not None:
        print(f"Created the database login {args.name} in {login.group}.", file=sys.stderr)
    return 0


def run_officer_set(args: argparse.Namespace) -> int:
    from privacy_desk.services.roles import parse_roles, set_roles

    roles = parse_roles(args.role)
    store, who = open_signed_in(args)
    try:
        set_roles(store, args.name, roles, actor=who, admin=args.admin, active=args.active)
    finally:
        store.close()
    return 0
