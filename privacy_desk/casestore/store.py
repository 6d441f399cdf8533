"""Opening the case store: connect, check the schema's version, back up, migrate.

A :class:`CaseStore` is what every service function takes. It holds an engine and a
sessionmaker and nothing else, so the GUI can hand it to a worker thread.
"""

from __future__ import annotations

import getpass
import logging
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

import privacy_desk.casestore.audit_models  # registers its tables with Base.metadata
import privacy_desk.casestore.erasure_models  # registers its tables
import privacy_desk.casestore.exports_models  # registers its tables
import privacy_desk.casestore.letters_models  # registers its tables
import privacy_desk.casestore.rights_models  # noqa: F401  (registers its tables)
from privacy_desk.casestore import guard, migrate
from privacy_desk.dburl import (
    backend,
    check_connection,
    display_url,
    explain_connection_error,
    make_engine,
    server_name,
)
from privacy_desk.domain.allowance import DEFAULT_MAX_FEE_SEK, AllowancePeriod
from privacy_desk.errors import UserError
from privacy_desk.messages import msg

log = logging.getLogger(__name__)


def default_actor() -> str:
    """The OS login name: who is at the keyboard, recorded on every change."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (some containers, services)
        return "unknown"


@dataclass(frozen=True)
class CaseStore:
    """An open case store: engine, session factory, the officer using it, and the policy.

    ``allowance_period`` is the company's reading of "one free extract a year" (a setting),
    applied wherever the allowance is checked. ``clock_stops_for_identity`` is the policy of
    counting the month from the day identity was verified rather than from receipt
    (DOMAIN.md: a choice the EDPB allows; default off, the clock runs from receipt).
    """

    engine: Engine
    sessions: sessionmaker[Session]
    actor: str
    allowance_period: AllowancePeriod = AllowancePeriod.CALENDAR_YEAR
    clock_stops_for_identity: bool = False
    #: the highest fee an allowance decision may charge (a setting; art. 12(5), 15(3))
    max_fee_sek: Decimal = DEFAULT_MAX_FEE_SEK
    #: The server login of this store's connections (None on SQLite).
    login: str | None = None
    #: Whether that login is the store's owner, whom the server lets name the actor
    #: (the DBA's, migrations' and tests' connection); an officer's own login is not.
    trusted: bool = True

    @property
    def officer_is_login(self) -> bool:
        """Whether the server itself says who acts (a server store, an officer's login)."""
        return self.login is not None and not self.trusted

    @property
    def url(self) -> URL:
        return self.engine.url

    @property
    def backend(self) -> str:
        return backend(self.engine.url)

    def close(self) -> None:
        """Release every pooled connection (call once, when the app or test is done)."""
        self.engine.dispose()


def open_case_store(url: URL, *, backup_dir: Path | None = None,
                    actor: str | None = None,
                    allowance_period: AllowancePeriod = AllowancePeriod.CALENDAR_YEAR,
                    clock_stops_for_identity: bool = False,
                    max_fee_sek: Decimal = DEFAULT_MAX_FEE_SEK,
                    ) -> CaseStore:
    """Connect to the case store at ``url`` and bring its schema up to date.

    A SQLite file that needs migrating is first copied to ``backup_dir`` (default: a
    ``backups`` folder next to it). Refuses, touching nothing, a store from a newer
    Privacy Desk (:class:`~privacy_desk.errors.SchemaTooNew`) and a database holding
    unrelated tables (:class:`~privacy_desk.errors.TargetNotEmpty`).
    """
    engine = make_engine(url)
    try:
        check_connection(engine)
        with engine.connect() as conn:
            state = migrate.check_schema_state(conn)
        if state.needs_upgrade:
            revisions = state.revisions
            if backend(url) == "sqlite" and not state.empty and url.database:
                database = Path(url.database)
                migrate.backup_sqlite_file(
                    database, backup_dir or database.parent / "backups", revisions
                )
            log.info("Migrating the case store at %s from %s to %s", display_url(url),
                     ",".join(revisions) or "empty", migrate.head_revision())
            try:
                migrate.upgrade_to_head(engine)
            except DBAPIError as exc:
                raise UserError(
                    msg("Updating the case store at {server} failed ({error}).",
                        server=server_name(url), error=type(exc.orig).__name__),
                    msg("Restore the backup (SQLite) or ask the DBA to check the database, then "
                        "try again."),
                ) from exc
        with engine.connect() as conn:
            login, trusted = guard.identity(conn)
    except DBAPIError as exc:
        engine.dispose()
        raise explain_connection_error(url, exc) from exc
    except BaseException:
        engine.dispose()
        raise
    # On a server store an officer's login *is* the officer: no name given by the app,
    # $USER or a flag changes that (the server records the login anyway).
    who = login if (login is not None and not trusted) else (actor or default_actor())
    return CaseStore(engine, sessionmaker(engine, expire_on_commit=False),
                     who, AllowancePeriod(allowance_period),
                     clock_stops_for_identity, max_fee_sek=Decimal(max_fee_sek),
                     login=login, trusted=trusted)
