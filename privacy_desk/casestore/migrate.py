"""Bringing a case store's schema to the version this Privacy Desk knows (Alembic).

The Alembic scripts live inside the package and are configured in code, not through
an alembic.ini, so migrations also run from a frozen (PyInstaller) build.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Connection, Engine

from privacy_desk import __version__
from privacy_desk.dburl import display_url
from privacy_desk.errors import SchemaTooNew, TargetNotEmpty, UserError
from privacy_desk.logging_setup import USER_NOTICE

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic config pointing at the packaged scripts, optionally bound to a connection."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("path_separator", "os")
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    """The newest schema revision this version of the app knows."""
    head = script_directory().get_current_head()
    assert head is not None, "the case store has no migrations"
    return head


def current_revisions(connection: Connection) -> tuple[str, ...]:
    """The revision(s) recorded in the database; empty when it has never been migrated."""
    return tuple(MigrationContext.configure(connection).get_current_heads())


@dataclass(frozen=True)
class SchemaState:
    """What a database holds before migrating: its revisions, and whether it is empty."""

    revisions: tuple[str, ...]
    empty: bool

    @property
    def needs_upgrade(self) -> bool:
        return self.revisions != (head_revision(),)


def check_schema_state(connection: Connection) -> SchemaState:
    """Raise if this app must not migrate the database; else say where its schema stands.

    Refuses a store written by a newer app (unknown revision) and a database that
    holds someone else's tables; both leave the database untouched.
    """
    where = display_url(connection.engine.url)
    tables = set(inspect(connection).get_table_names())
    if VERSION_TABLE not in tables:
        if tables:
            raise TargetNotEmpty(
                f"The database at {where} already holds {len(tables)} tables that are not "
                "a Privacy Desk case store; nothing was changed.",
                "Give the case store a database of its own (an empty one is set up "
                "automatically).",
            )
        return SchemaState((), empty=True)
    revisions = current_revisions(connection)
    scripts = script_directory()
    known = {rev.revision for rev in scripts.walk_revisions()}
    unknown = [rev for rev in revisions if rev not in known]
    if unknown:
        raise SchemaTooNew(
            f"The case store at {where} was set up by a newer version of Privacy Desk "
            f"(schema revision {', '.join(unknown)}); this version, Privacy Desk "
            f"{__version__} (schema revision {head_revision()}), cannot use it and has "
            "changed nothing.",
            f"Upgrade Privacy Desk from {__version__} to the version your colleagues use.",
        )
    return SchemaState(revisions, empty=False)


def upgrade_to_head(engine: Engine) -> None:
    """Run every pending migration in one connection (and, where DDL allows, one transaction)."""
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")


def backup_sqlite_file(database: Path, backup_dir: Path, revisions: Collection[str]) -> Path:
    """Copy a SQLite case store with sqlite3's online backup API; return the copy's path.

    The backup API gives a consistent copy even if another process has the file open,
    which a plain file copy would not.
    """
    backup_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    rev = "-".join(revisions) or "none"
    target = backup_dir / f"{database.stem}-{stamp}-rev{rev}{database.suffix or '.sqlite3'}"
    try:
        src = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(target)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error as exc:
        raise UserError(
            f"Could not back up the case store before updating it ({exc}); nothing was changed.",
            f"Check that {backup_dir} is writable and has free space.",
        ) from exc
    # A notice: the person sees it (stderr, and a dialog in the app), not only the log.
    log.warning("Privacy Desk %s is updating the case store's schema (revision %s to %s). "
                "A copy of the case store as it was is kept at %s; restore it from there "
                "if the update causes trouble.", __version__, rev, head_revision(), target,
                extra={USER_NOTICE: True})
    return target
