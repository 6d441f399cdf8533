"""``privacy-desk profile``: connection profiles in settings.json, passwords in the keyring.

Each change is written to the audit trail of the case store in use (names only).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from privacy_desk.cli.common import app_paths, secret_from_stdin, settings_changed
from privacy_desk.messages import msg


def register(subparsers: Any) -> None:
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


def run_profile_list(args: argparse.Namespace) -> int:
    from privacy_desk import secrets
    from privacy_desk.config import load_settings

    settings = load_settings(app_paths(args))
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

    paths = app_paths(args)
    profile = ConnectionProfile(args.name, ProfileKind(args.kind), Backend(args.backend),
                                args.host, args.port, args.database, args.user,
                                args.tls_mode, args.ca_file)
    settings = load_settings(paths).with_profile(profile)
    if args.use:
        settings = settings.activated(profile.name)
    save_settings(paths, settings)
    settings_changed(args, "profile_saved", profile.name)
    print(f"Saved profile {profile.name}.", file=sys.stderr)
    return 0


def run_profile_remove(args: argparse.Namespace) -> int:
    from privacy_desk import secrets
    from privacy_desk.config import load_settings, save_settings

    paths = app_paths(args)
    save_settings(paths, load_settings(paths).without_profile(args.name))
    secrets.delete_password(args.name)
    settings_changed(args, "profile_removed", args.name)
    return 0


def run_profile_use(args: argparse.Namespace) -> int:
    from privacy_desk.config import load_settings, save_settings

    paths = app_paths(args)
    save_settings(paths, load_settings(paths).activated(args.name))
    settings_changed(args, "profile_activated", args.name)
    return 0


def run_profile_password(args: argparse.Namespace) -> int:
    from privacy_desk import secrets
    from privacy_desk.config import load_settings
    from privacy_desk.errors import UserError

    load_settings(app_paths(args)).profile(args.name)
    if sys.stdin.isatty():
        password = getpass.getpass(f"Password for profile {args.name}: ")
    else:
        password = secret_from_stdin()
    if not password:
        raise UserError(msg("No password was given."), msg("Type the database user's password."))
    secrets.store_password(args.name, password)
    settings_changed(args, "password_stored", args.name)
    print(f"Stored the password of {args.name} in the keyring.", file=sys.stderr)
    return 0
