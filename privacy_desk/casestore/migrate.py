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
from privacy_desk.dburl import server_name
from privacy_desk.errors import SchemaTooNew, TargetNotEmpty, UserError
from privacy_desk.logging_setup import USER_NOTICE
from privacy_desk.messages import msg

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
    where = server_name(connection.engine.url)
    tables = set(inspect(connection).get_table_names())
    if VERSION_TABLE not in tables:
        if tables:
            raise TargetNotEmpty(
                msg("The database at {where} already holds {count} tables that are not a "
                    "Privacy Desk case store; nothing was changed.",
                    where=where, count=len(tables)),
                msg("Give the case store a database of its own (an empty one is set up "
                    "automatically)."),
            )
        return SchemaState((), empty=True)
    revisions = current_revisions(connection)
    scripts = script_directory()
    known = {rev.revision for rev in scripts.walk_revisions()}
    unknown = [rev for rev in revisions if rev not in known]
    if unknown:
        raise SchemaTooNew(
            msg("The case store at {where} was set up by a newer version of Privacy Desk "
                "(schema revision {revisions}); this version, Privacy Desk {version} (schema "
                "revision {head_revision}), cannot use it and has changed nothing.",
                where=where, revisions=", ".join(unknown), version=__version__,
                head_revision=head_revision()),
            msg("Upgrade Privacy Desk from {version} to the version your colleagues use.",
                version=__version__),
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
            msg("Could not back up the case store before updating it ({exc}); nothing was "
                "changed.", exc=exc),
            msg("Check that {backup_dir} is writable and has free space.", backup_dir=backup_dir),
        ) from exc
    # A notice: the person sees it (stderr, and a dialog in the app), not only the log.
    log.warning("Privacy Desk %s is updating the case store's schema (revision %s to %s). "
                "A copy of the case store as it was is kept at %s; restore it from there "
                "if the update causes trouble.", __version__, rev, head_revision(), target,
                extra={USER_NOTICE: True})
    return target
