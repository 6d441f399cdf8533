"""``privacy-desk audit|profile|officer``: the trail, connection profiles and officers.

Each command opens the case store the app would use (``--case-store``, else the active
case-store profile, else the default SQLite file), signs in as the OS user and calls
the same services as the GUI, so roles apply here exactly as there.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from privacy_desk.casestore.store import CaseStore
    from privacy_desk.paths import AppPaths


def register(subparsers: Any) -> None:
    audit = subparsers.add_parser("audit", help="verify and export the audit trail")
    a_sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = a_sub.add_parser("verify", help="check the hash chain; exit 1 if tampered")
    verify.set_defaults(handler=run_audit_verify)
    export = a_sub.add_parser("export", help="write a period's entries as CSV or PDF")
    export.add_argument("--from", dest="start", required=True, type=_date, metavar="DATE")
    export.add_argument("--to", dest="end", required=True, type=_date, metavar="DATE")
    export.add_argument("--format", choices=["csv", "pdf"], default="csv")
    export.add_argument("--out", required=True, metavar="FILE")
    export.set_defaults(handler=run_audit_export)
    dba = a_sub.add_parser("dba-sql", help="print the PostgreSQL grants for the app's role")
    dba.add_argument("--role", required=True)
    dba.add_argument("--database", required=True)
    dba.set_defaults(handler=run_dba_sql)

    prof = subparsers.add_parser("profile", help="connection profiles (passwords in keyring)")
    p_sub = prof.add_subparsers(dest="profile_command", metavar="ACTION", required=True)
    p_sub.add_parser("list", help="list profiles").set_defaults(handler=run_profile_list)
    add = p_sub.add_parser("add", help="add or replace a profile")
    add.add_argument("name")
    add.add_argument("--kind", choices=["portal", "case_store"], required=True)
    add.add_argument("--backend", choices=["sqlite", "postgresql", "mariadb"], required=True)
    add.add_argument("--host", default="")
    add.add_argument("--port", type=int)
    add.add_argument("--database", required=True, help="database name, or SQLite file path")
    add.add_argument("--user", default="")
    add.add_argument("--tls-mode", default="")
    add.add_argument("--ca-file", default="")
    add.add_argument("--use", action="store_true", help="make it the active profile")
    add.set_defaults(handler=run_profile_add)
    rm = p_sub.add_parser("remove", help="remove a profile and forget its password")
    rm.add_argument("name")
    rm.set_defaults(handler=run_profile_remove)
    use = p_sub.add_parser("use", help="make a profile the one the app starts with")
    use.add_argument("name")
    use.set_defaults(handler=run_profile_use)
    pw = p_sub.add_parser("set-password", help="store a profile's password in the keyring "
                          "(read from the terminal, or one line of stdin)")
    pw.add_argument("name")
    pw.set_defaults(handler=run_profile_password)

    off = subparsers.add_parser("officer", help="who may use the case store, in which role")
    o_sub = off.add_subparsers(dest="officer_command", metavar="ACTION", required=True)
    o_sub.add_parser("list", help="list officers").set_defaults(handler=run_officer_list)
    oadd = o_sub.add_parser("add", help="add an officer (administrators only)")
    oadd.add_argument("name")
    oadd.add_argument("--role", action="append", required=True,
                      help="officer, approver or auditor (repeatable)")
    oadd.add_argument("--admin", action="store_true")
    oadd.set_defaults(handler=run_officer_add)
    oset = o_sub.add_parser("set-roles", help="replace an officer's roles")
    oset.add_argument("name")
    oset.add_argument("--role", action="append", default=[])
    oset.add_argument("--admin", action=argparse.BooleanOptionalAction, default=None)
    oset.add_argument("--active", action=argparse.BooleanOptionalAction, default=None)
    oset.set_defaults(handler=run_officer_set)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _paths(args: argparse.Namespace) -> AppPaths:
    from privacy_desk.paths import AppPaths

    return AppPaths.default(args.base_dir)


def ask_password_on_terminal(profile: Any) -> str | None:
    """The ``ask_password`` of the CLI: a hidden prompt, or None without a terminal."""
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(f"Password for {profile.user}@{profile.host} ({profile.name}): ")


def open_signed_in(args: argparse.Namespace) -> tuple[CaseStore, str]:
    """The case store the app would use, signed in as the OS user."""
    from privacy_desk.bootstrap import current_officer
    from privacy_desk.casestore.store import open_case_store
    from privacy_desk.config import load_settings, resolve_url
    from privacy_desk.dburl import parse_target
    from privacy_desk.roles import sign_in

    paths = _paths(args).ensure()
    settings = load_settings(paths)
    name = getattr(args, "case_store_profile", None) or settings.active_case_store
    if getattr(args, "case_store", None):
        url = parse_target(args.case_store)
    elif name:
        url = resolve_url(settings.profile(name), ask_password=ask_password_on_terminal)
    else:
        url = parse_target(paths.case_store_file)
    who = current_officer()
    store = open_case_store(url, backup_dir=paths.backup_dir, actor=who)
    try:
        sign_in(store, who)
    except BaseException:
        store.close()
        raise
    return store, who


def _settings_changed(args: argparse.Namespace, change: str, profile: str) -> None:
    """Record a settings change in the trail of the case store in use."""
    from privacy_desk.casestore.audit import record_audit

    store, who = open_signed_in(args)
    try:
        with store.sessions.begin() as session:
            record_audit(session, actor=who, action="settings_changed",
                         details={"change": change, "profile": profile})
    finally:
        store.close()


def run_audit_verify(args: argparse.Namespace) -> int:
    from privacy_desk.casestore.audit_export import verify_trail

    store, who = open_signed_in(args)
    try:
        result = verify_trail(store, actor=who)
    finally:
        store.close()
    for p in result.problems:
        print(f"{p.kind.value.upper():10} {p.message}")
    state = "intact" if result.ok else f"TAMPERED ({len(result.problems)} problem(s))"
    print(f"Audit trail {state}: {result.entries} entries, head #{result.head_seq} "
          f"{result.head_hash}")
    return 0 if result.ok else 1


def run_audit_export(args: argparse.Namespace) -> int:
    from privacy_desk.casestore.audit_export import ExportFormat, Period, export_audit

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
    from privacy_desk.casestore.audit import app_role_sql
    from privacy_desk.errors import UserError

    try:
        statements = app_role_sql(args.role, database=args.database)
    except ValueError as exc:
        raise UserError(str(exc), "Use a lower-case role name such as privacy_desk_app.") \
            from None
    for s in statements:
        print(s + ";")
    print("-- then set a password: ALTER ROLE ... PASSWORD '...'; see docs/audit.md")
    return 0


def run_profile_list(args: argparse.Namespace) -> int:
    from privacy_desk import secrets
    from privacy_desk.config import load_settings

    settings = load_settings(_paths(args))
    for p in settings.profiles:
        active = "*" if p.name in (settings.active_portal, settings.active_case_store) else " "
        where = p.database if p.backend == "sqlite" else (
            f"{p.user}@{p.host}:{p.port}/{p.database} tls={p.tls_mode}")
        print(f"{active} {p.name:20} {p.kind.value:10} {p.backend.value:10} {where}")
    print(secrets.secure_keyring().message, file=sys.stderr)
    return 0


def run_profile_add(args: argparse.Namespace) -> int:
    from privacy_desk.config import (
        Backend,
        ConnectionProfile,
        ProfileKind,
        load_settings,
        save_settings,
    )

    paths = _paths(args)
    profile = ConnectionProfile(args.name, ProfileKind(args.kind), Backend(args.backend),
                                args.host, args.port, args.database, args.user,
                                args.tls_mode, args.ca_file)
    settings = load_settings(paths).with_profile(profile)
    if args.use:
        settings = settings.activated(profile.name)
    save_settings(paths, settings)
    _settings_changed(args, "profile_saved", profile.name)
    print(f"Saved profile {profile.name}.", file=sys.stderr)
    return 0


def run_profile_remove(args: argparse.Namespace) -> int:
    from privacy_desk import secrets
    from privacy_desk.config import load_settings, save_settings

    paths = _paths(args)
    save_settings(paths, load_settings(paths).without_profile(args.name))
    secrets.delete_password(args.name)
    _settings_changed(args, "profile_removed", args.name)
    return 0


def run_profile_use(args: argparse.Namespace) -> int:
    from privacy_desk.config import load_settings, save_settings

    paths = _paths(args)
    save_settings(paths, load_settings(paths).activated(args.name))
    _settings_changed(args, "profile_activated", args.name)
    return 0


def run_profile_password(args: argparse.Namespace) -> int:
    from privacy_desk import secrets
    from privacy_desk.config import load_settings
    from privacy_desk.errors import UserError

    load_settings(_paths(args)).profile(args.name)
    if sys.stdin.isatty():
        password = getpass.getpass(f"Password for profile {args.name}: ")
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    if not password:
        raise UserError("No password was given.", "Type the database user's password.")
    secrets.store_password(args.name, password)
    _settings_changed(args, "password_stored", args.name)
    print(f"Stored the password of {args.name} in the keyring.", file=sys.stderr)
    return 0


def run_officer_list(args: argparse.Namespace) -> int:
    from privacy_desk.roles import list_officers

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
    from privacy_desk.roles import add_officer, parse_roles

    roles = parse_roles(args.role)
    store, who = open_signed_in(args)
    try:
        add_officer(store, args.name, roles, actor=who, admin=args.admin)
    finally:
        store.close()
    return 0


def run_officer_set(args: argparse.Namespace) -> int:
    from privacy_desk.roles import parse_roles, set_roles

    roles = parse_roles(args.role)
    store, who = open_signed_in(args)
    try:
        set_roles(store, args.name, roles, actor=who, admin=args.admin, active=args.active)
    finally:
        store.close()
    return 0
