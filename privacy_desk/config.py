"""Settings and connection profiles, in one JSON file in the user's config directory.

A profile says where a database is (backend, host, port, database, user, TLS mode and
CA file; for SQLite a file path) and never holds a password: the password lives in the
keyring (:mod:`privacy_desk.secrets`) and joins the URL only in memory, in
:func:`profile_url`. The file is written atomically (a temporary file renamed over the
old one) and private to the user, so a crash never leaves half a settings file.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL

from privacy_desk.errors import UserError
from privacy_desk.messages import msg
from privacy_desk.paths import AppPaths

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1
DEFAULT_IDLE_LOCK_MINUTES = 10
NAME_MAX = 60


class ProfileKind(StrEnum):
    PORTAL = "portal"
    CASE_STORE = "case_store"


class Backend(StrEnum):
    SQLITE = "sqlite"
    POSTGRESQL = "postgresql"
    MARIADB = "mariadb"


#: TLS modes offered per backend. PostgreSQL's are libpq's ``sslmode``; for MariaDB
#: (PyMySQL) TLS is on exactly when a CA file is given, so only verifying modes exist.
TLS_MODES: Mapping[Backend, tuple[str, ...]] = {
    Backend.POSTGRESQL: ("prefer", "disable", "require", "verify-ca", "verify-full"),
    Backend.MARIADB: ("disable", "verify-ca", "verify-full"),
    Backend.SQLITE: ("",),
}
DEFAULT_PORTS = {Backend.POSTGRESQL: 5432, Backend.MARIADB: 3306}
_DRIVERS = {Backend.SQLITE: "sqlite+pysqlite", Backend.POSTGRESQL: "postgresql+psycopg",
            Backend.MARIADB: "mysql+pymysql"}


class SettingsError(UserError):
    """The settings file or a profile is unusable; nothing was written."""


@dataclass(frozen=True)
class ConnectionProfile:
    """Where one database is. For SQLite, ``database`` is the file path."""

    name: str
    kind: ProfileKind
    backend: Backend
    host: str = ""
    port: int | None = None
    database: str = ""
    user: str = ""
    tls_mode: str = ""
    ca_file: str = ""

    @property
    def needs_password(self) -> bool:
        return self.backend != Backend.SQLITE

    def validated(self) -> ConnectionProfile:
        """This profile, normalised, or a :class:`SettingsError` naming what to fix."""
        name = self.name.strip()
        if not name or len(name) > NAME_MAX or "/" in name:
            raise SettingsError(msg("A profile needs a short name (no slashes)."),
                                msg("Use at most {name_max} characters, e.g. 'portal-prod'.",
                                    name_max=NAME_MAX))
        try:
            kind, be = ProfileKind(self.kind), Backend(self.backend)
        except ValueError:
            raise SettingsError(msg("Unknown profile kind or database type."),
                                msg("Kind is portal or case_store; type is sqlite, postgresql "
                                    "or mariadb.")) from None
        database = self.database.strip()
        if not database:
            raise SettingsError(msg("Profile {name} names no database.", name=repr(name)),
                                msg("Give the SQLite file path or the database name."))
        if be == Backend.SQLITE:
            return ConnectionProfile(name, kind, be,
                                     database=str(Path(database).expanduser()))
        host, user = self.host.strip(), self.user.strip()
        if not host or not user:
            raise SettingsError(msg("Profile {name} needs a host and a user name.",
                                    name=repr(name)),
                                msg("Fill in the server's host name and the database user."))
        port = self.port or DEFAULT_PORTS[be]
        if not 0 < port < 65536:
            raise SettingsError(msg("Port {port} is not a valid port.", port=port),
                                msg("Use 1-65535."))
        mode = self.tls_mode.strip() or TLS_MODES[be][0]
        if mode not in TLS_MODES[be]:
            raise SettingsError(msg("TLS mode {mode} is not available for {be}.",
                                    mode=repr(mode), be=be.value),
                                msg("Use one of: {choices}.", choices=', '.join(TLS_MODES[be])))
        ca = self.ca_file.strip()
        if mode.startswith("verify") and not ca:
            raise SettingsError(msg("TLS mode {mode} needs a CA file.", mode=mode),
                                msg("Give the CA certificate the server's certificate is signed "
                                    "with."))
        if ca and not Path(ca).expanduser().is_file():
            raise SettingsError(msg("The CA file {ca} does not exist.", ca=ca),
                                msg("Choose the CA certificate file (PEM)."))
        return ConnectionProfile(name, kind, be, host, port, database, user, mode,
                                 str(Path(ca).expanduser()) if ca else "")


def profile_url(profile: ConnectionProfile, password: str | None = None) -> URL:
    """The SQLAlchemy URL of ``profile``, with ``password`` only in this in-memory object."""
    p = profile.validated()
    if p.backend == Backend.SQLITE:
        return URL.create(_DRIVERS[p.backend], database=str(Path(p.database).resolve()))
    query: dict[str, str] = {}
    if p.backend == Backend.POSTGRESQL:
        query["sslmode"] = p.tls_mode
        if p.ca_file:
            query["sslrootcert"] = p.ca_file
    elif p.tls_mode != "disable":
        query["ssl_ca"] = p.ca_file
        query["ssl_check_hostname"] = "true" if p.tls_mode == "verify-full" else "false"
    return URL.create(_DRIVERS[p.backend], username=p.user, password=password or None,
                      host=p.host, port=p.port, database=p.database, query=query)


def resolve_url(profile: ConnectionProfile, *,
                ask_password: Callable[[ConnectionProfile], str | None] | None = None) -> URL:
    """The profile's URL with the keyring's password, or one asked for when none is stored."""
    from privacy_desk import secrets

    password: str | None = None
    if profile.needs_password:
        password = secrets.get_password(profile.name)
        if password is None and ask_password is not None:
            password = ask_password(profile)
        if password is None:
            hint = (msg("Store it with 'privacy-desk profile set-password'.")
                    if secrets.secure_keyring().secure else secrets.KeyringStatus(
                        False, "").text)
            raise UserError(msg("No password is available for profile {profile}.",
                                profile=repr(profile.name)), hint)
    return profile_url(profile, password)


# --------------------------------------------------------------------------- settings


@dataclass(frozen=True)
class Settings:
    """Everything the user configures; immutable, saved whole."""

    profiles: tuple[ConnectionProfile, ...] = ()
    active_portal: str | None = None
    active_case_store: str | None = None
    portal_datamap: str | None = None
    idle_lock_minutes: int = DEFAULT_IDLE_LOCK_MINUTES
    extra: Mapping[str, Any] = field(default_factory=dict)

    def profile(self, name: str) -> ConnectionProfile:
        for p in self.profiles:
            if p.name == name:
                return p
        raise SettingsError(msg("There is no connection profile named {name}.", name=repr(name)),
                            msg("List them with 'privacy-desk profile list'."))

    def with_profile(self, profile: ConnectionProfile) -> Settings:
        """Add or replace ``profile`` (validated)."""
        p = profile.validated()
        rest = tuple(q for q in self.profiles if q.name != p.name)
        return replace(self, profiles=(*rest, p))

    def without_profile(self, name: str) -> Settings:
        self.profile(name)
        return replace(
            self, profiles=tuple(p for p in self.profiles if p.name != name),
            active_portal=None if self.active_portal == name else self.active_portal,
            active_case_store=None if self.active_case_store == name
            else self.active_case_store)

    def activated(self, name: str) -> Settings:
        """Make ``name`` the profile used at start for its kind."""
        p = self.profile(name)
        if p.kind == ProfileKind.PORTAL:
            return replace(self, active_portal=name)
        return replace(self, active_case_store=name)


def _profile_from(raw: Mapping[str, Any]) -> ConnectionProfile:
    known = {f for f in ConnectionProfile.__dataclass_fields__}
    values = {k: v for k, v in raw.items() if k in known}
    return ConnectionProfile(**values).validated()


def load_settings(paths: AppPaths) -> Settings:
    """The saved settings, or the defaults when there is no file yet."""
    path = paths.settings_file
    if not path.exists():
        return Settings()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise TypeError("not an object")
        profiles = tuple(_profile_from(p) for p in raw.get("profiles", []))
        minutes = int(raw.get("idle_lock_minutes", DEFAULT_IDLE_LOCK_MINUTES))
    except (ValueError, TypeError, KeyError) as exc:
        raise SettingsError(msg("The settings file {path} cannot be read.", path=path),
                            msg("Fix or delete it; the app then starts with default "
                                "settings.")) from exc
    extra = {k: v for k, v in raw.items() if k not in {
        "version", "profiles", "active_portal", "active_case_store", "portal_datamap",
        "idle_lock_minutes"}}
    return Settings(profiles, raw.get("active_portal"), raw.get("active_case_store"),
                    raw.get("portal_datamap"), max(0, minutes), extra)


def save_settings(paths: AppPaths, settings: Settings) -> None:
    """Write the settings atomically, readable by the user only."""
    paths.config_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    data: dict[str, Any] = dict(settings.extra)
    data.update({
        "version": SETTINGS_VERSION,
        "profiles": [{k: v for k, v in asdict(p).items()} for p in settings.profiles],
        "active_portal": settings.active_portal,
        "active_case_store": settings.active_case_store,
        "portal_datamap": settings.portal_datamap,
        "idle_lock_minutes": settings.idle_lock_minutes,
    })
    target = paths.settings_file
    fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".json", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=2, sort_keys=True)
            fh.write("\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    log.info("Saved settings (%d connection profiles)", len(settings.profiles))
