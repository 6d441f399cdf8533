"""Connection-profile services for the GUI's dialog (and anyone else): save, delete, test.

The settings file and the keyring change together or not at all: the password goes to
the keyring first (and is put back as it was if the settings cannot be written), and
where no secure keyring exists the profile is saved without it and the caller is told
plainly (``password_stored``), so the app asks each time. Testing a profile opens one
real connection and turns any failure into the same clear message the app gives at
start.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from privacy_desk import secrets
from privacy_desk.casestore.audit import record_audit
from privacy_desk.casestore.store import CaseStore
from privacy_desk.config import (
    Backend,
    ConnectionProfile,
    ProfileKind,
    SettingsError,
    load_settings,
    profile_url,
    save_settings,
)
from privacy_desk.dburl import check_connection, describe_url, make_engine
from privacy_desk.errors import ConnectionFailed
from privacy_desk.messages import Message, msg
from privacy_desk.paths import AppPaths

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SavedProfile:
    """What :func:`save_profile` did: the saved profile, and whether the keyring took
    the password (False with no password given, or no secure keyring)."""

    profile: ConnectionProfile
    password_stored: bool


@dataclass(frozen=True)
class ConnectionCheck:
    """A successful test: what was reached (no password in ``where``)."""

    where: str
    #: The server's version, or (a new SQLite case store) a note in the reader's language.
    server_version: str | Message


def save_profile(paths: AppPaths, profile: ConnectionProfile, password: str | None = None,
                 *, activate: bool = False, replaces: str | None = None) -> SavedProfile:
    """Validate and save ``profile`` (renaming ``replaces``), its password in the keyring.

    With no secure keyring the profile is saved but the password is not, and
    ``message`` says so. A keyring refusal stops everything before the file is written.
    """
    p = profile.validated()
    settings = load_settings(paths)
    if replaces and replaces != p.name:
        settings = settings.without_profile(replaces)
    settings = settings.with_profile(p)
    if activate:
        settings = settings.activated(p.name)
    status = secrets.secure_keyring()
    stored = False
    previous: str | None = None
    if password and p.needs_password and status.secure:
        previous = secrets.get_password(p.name)
        secrets.store_password(p.name, password)  # raises NoSecureKeyring if refused
        stored = True
    try:
        save_settings(paths, settings)
    except OSError as exc:
        if stored:
            _restore(p.name, previous)
        raise SettingsError(msg("The settings file could not be written ({error}).",
                                error=type(exc).__name__),
                            msg("Check that the configuration folder is writable.")) from exc
    if replaces and replaces != p.name:
        secrets.delete_password(replaces)
    return SavedProfile(p, stored)


def _restore(name: str, previous: str | None) -> None:
    if previous is None:
        secrets.delete_password(name)
    else:
        secrets.store_password(name, previous)


def delete_profile(paths: AppPaths, name: str) -> None:
    """Remove the profile from the settings and forget its password."""
    save_settings(paths, load_settings(paths).without_profile(name))
    secrets.delete_password(name)


def check_profile(profile: ConnectionProfile, password: str | None = None) -> ConnectionCheck:
    """Open one connection with ``profile`` (``password`` or the keyring's); raise if not.

    A SQLite portal must exist already; a SQLite case store may be a new file in an
    existing folder (the app creates it), so testing never creates a file.
    """
    p = profile.validated()
    if p.backend == Backend.SQLITE:
        path = Path(p.database)
        if not path.exists():
            if p.kind == ProfileKind.CASE_STORE and path.parent.is_dir():
                return ConnectionCheck(f"SQLite {path}", msg("a new file will be created"))
            raise ConnectionFailed(msg("The SQLite file {path} does not exist.", path=path),
                                   msg("Choose an existing portal database file.")
                                   if p.kind == ProfileKind.PORTAL else
                                   msg("Choose a folder that exists for the case store."))
    elif not password:
        password = secrets.get_password(p.name)
    url = profile_url(p, password)
    engine = make_engine(url, connect_timeout=5)
    try:
        check_connection(engine)
        version = ".".join(str(v) for v in (engine.dialect.server_version_info or ()))
    finally:
        engine.dispose()
    log.info("Tested connection profile %s: reachable", p.name)
    return ConnectionCheck(describe_url(url), version)


def record_settings_change(store: CaseStore, *, actor: str, change: str, profile: str) -> None:
    """Write a settings change to the audit trail (names only, never a password)."""
    with store.sessions.begin() as session:
        record_audit(session, actor=actor, action="settings_changed",
                     details={"change": change, "profile": profile})
