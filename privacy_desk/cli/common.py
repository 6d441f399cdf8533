"""What the command groups share: parsing a date, a password prompt, a signed-in store.

Every command that touches the case store signs in through
:func:`privacy_desk.services.context.open_signed_in_store`, as the OS user, so the
services' role checks apply to the CLI exactly as to the GUI.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from privacy_desk.paths import AppPaths
    from privacy_desk.services.context import CaseStore


def parse_date(text: str) -> date:
    """An ISO date argument (YYYY-MM-DD), or argparse's own clear error."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def app_paths(args: argparse.Namespace) -> AppPaths:
    from privacy_desk.paths import AppPaths

    return AppPaths.default(args.base_dir)


def ask_password_on_terminal(profile: Any) -> str | None:
    """The ``ask_password`` of the CLI: a hidden prompt, or None without a terminal."""
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(f"Password for {profile.user}@{profile.host} ({profile.name}): ")


def secret_from_stdin() -> str:
    """The first line of standard input without its line end: how a script hands over a
    password or passphrase (never on the command line, where ``ps`` would show it)."""
    return sys.stdin.readline().rstrip("\r\n")


def open_signed_in(args: argparse.Namespace) -> tuple[CaseStore, str]:
    """The case store the app would use (``--case-store``, else the profile, else the
    default file), signed in as the OS user; the caller closes it."""
    from privacy_desk.services.context import open_signed_in_store

    return open_signed_in_store(app_paths(args), case_store=getattr(args, "case_store", None),
                                profile=getattr(args, "case_store_profile", None),
                                ask_password=ask_password_on_terminal)


def settings_changed(args: argparse.Namespace, change: str, profile: str) -> None:
    """Record a settings change in the trail of the case store in use."""
    from privacy_desk.services.profiles import record_settings_change

    store, who = open_signed_in(args)
    try:
        record_settings_change(store, actor=who, change=change, profile=profile)
    finally:
        store.close()
