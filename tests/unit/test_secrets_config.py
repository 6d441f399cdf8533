"""Connection profiles and passwords: the keyring holds the password, no file does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from privacy_desk import secrets
from privacy_desk.config import (
    Backend,
    ConnectionProfile,
    ProfileKind,
    Settings,
    SettingsError,
    load_settings,
    profile_url,
    resolve_url,
    save_settings,
)
from privacy_desk.errors import UserError
from privacy_desk.paths import AppPaths
from tests.keyrings import MemoryKeyring

PASSWORD = "Hemligt-lösen-7319!"

PG = ConnectionProfile("portal-prod", ProfileKind.PORTAL, Backend.POSTGRESQL,
                       host="db.example.net", database="portal", user="desk_reader",
                       tls_mode="require")


def _files_containing(root: Path, needle: str) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()
            and needle.encode("utf-8") in p.read_bytes()]


def test_password_lives_in_the_keyring_and_in_no_file(
        app_paths: AppPaths, memory_keyring: MemoryKeyring) -> None:
    save_settings(app_paths, Settings().with_profile(PG).activated("portal-prod"))
    secrets.store_password("portal-prod", PASSWORD)
    assert memory_keyring.secrets[(secrets.SERVICE, "portal-prod")] == PASSWORD
    url = resolve_url(load_settings(app_paths).profile("portal-prod"))
    assert url.password == PASSWORD
    assert PASSWORD not in url.render_as_string(hide_password=True)
    root = app_paths.config_dir.parent
    assert _files_containing(root, PASSWORD) == []
    saved = json.loads(app_paths.settings_file.read_text(encoding="utf-8"))
    assert "password" not in json.dumps(saved).lower()
    assert app_paths.settings_file.stat().st_mode & 0o077 == 0


def test_no_secure_keyring_is_reported_and_nothing_is_stored(
        app_paths: AppPaths, failing_keyring: object) -> None:
    status = secrets.secure_keyring()
    assert not status.secure
    assert "ask" in status.message
    with pytest.raises(secrets.NoSecureKeyring):
        secrets.store_password("portal-prod", PASSWORD)
    with pytest.raises(UserError, match="No password"):
        resolve_url(PG)
    asked: list[str] = []
    url = resolve_url(PG, ask_password=lambda p: asked.append(p.name) or PASSWORD)
    assert asked == ["portal-prod"] and url.password == PASSWORD
    assert _files_containing(app_paths.config_dir.parent, PASSWORD) == []


def test_plaintext_backend_counts_as_insecure() -> None:
    from keyring.backends import null

    assert not secrets._is_secure(null.Keyring())
    assert secrets._is_secure(MemoryKeyring())


def test_settings_keep_other_sections_and_round_trip(app_paths: AppPaths) -> None:
    app_paths.settings_file.write_text('{"queue": {"intake_interval_seconds": 60}}',
                                       encoding="utf-8")
    lite = ConnectionProfile("local", ProfileKind.CASE_STORE, Backend.SQLITE,
                             database=str(app_paths.data_dir / "cs.sqlite3"))
    settings = load_settings(app_paths).with_profile(PG).with_profile(lite).activated("local")
    save_settings(app_paths, settings)
    again = load_settings(app_paths)
    assert again.profiles == settings.profiles
    assert again.active_case_store == "local"
    raw = json.loads(app_paths.settings_file.read_text(encoding="utf-8"))
    assert raw["queue"] == {"intake_interval_seconds": 60}
    assert list(app_paths.config_dir.iterdir()) == [app_paths.settings_file]


def test_tls_options_reach_the_url(tmp_path: Path) -> None:
    ca = tmp_path / "ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    pg = profile_url(ConnectionProfile("p", ProfileKind.PORTAL, Backend.POSTGRESQL, "h",
                                       None, "d", "u", "verify-full", str(ca)), "pw")
    assert pg.query == {"sslmode": "verify-full", "sslrootcert": str(ca)}
    assert (pg.port, pg.password) == (5432, "pw")
    my = profile_url(ConnectionProfile("m", ProfileKind.PORTAL, Backend.MARIADB, "h",
                                       None, "d", "u", "verify-ca", str(ca)))
    assert my.query == {"ssl_ca": str(ca), "ssl_check_hostname": "false"}
    assert my.port == 3306


@pytest.mark.parametrize(("profile", "message"), [
    (ConnectionProfile("", ProfileKind.PORTAL, Backend.SQLITE, database="x"), "short name"),
    (ConnectionProfile("p", ProfileKind.PORTAL, Backend.POSTGRESQL, database="d"),
     "host and a user"),
    (ConnectionProfile("p", ProfileKind.PORTAL, Backend.POSTGRESQL, "h", None, "d", "u",
                       "verify-full"), "needs a CA file"),
    (ConnectionProfile("p", ProfileKind.PORTAL, Backend.MARIADB, "h", None, "d", "u",
                       "require"), "not available"),
    (ConnectionProfile("p", ProfileKind.PORTAL, Backend.POSTGRESQL, "h", 70000, "d", "u"),
     "not a valid port"),
])
def test_bad_profiles_are_refused_clearly(profile: ConnectionProfile, message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        Settings().with_profile(profile)


def test_unreadable_settings_file_is_a_clear_error(app_paths: AppPaths) -> None:
    app_paths.settings_file.write_text("{not json", encoding="utf-8")
    with pytest.raises(SettingsError, match="cannot be read"):
        load_settings(app_paths)
