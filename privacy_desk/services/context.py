"""Building the app's services once, for the GUI and the CLI alike.

:class:`AppContext` is the small application-context object ARCHITECTURE.md asks for:
built once in ``main`` (on the worker thread, since it connects to databases) and
passed to whoever needs it — no global singletons.
"""

from __future__ import annotations

import getpass
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import SQLAlchemyError

from privacy_desk.casestore.store import CaseStore, open_case_store
from privacy_desk.clock import stockholm_today
from privacy_desk.config import ConnectionProfile, Settings, load_settings, resolve_url
from privacy_desk.datamap.loader import load_datamap
from privacy_desk.datamap.model import DataMap
from privacy_desk.dburl import connect_portal, describe_url, display_url, parse_target
from privacy_desk.errors import UserError
from privacy_desk.messages import msg
from privacy_desk.paths import AppPaths
from privacy_desk.resources import resource_path
from privacy_desk.services.demo import ensure_demo_portal
from privacy_desk.services.intake import (
    ImportResult,
    IncomingRequestSource,
    import_portal_requests,
)
from privacy_desk.services.outcomes import StartReport
from privacy_desk.services.queue import list_queue
from privacy_desk.services.queue_settings import QueueSettings
from privacy_desk.services.roles import OfficerInfo, Role, sign_in
from privacy_desk.tempfiles import SessionTemp

__all__ = [
    "DEMO_MAP",
    "AppContext",
    "CaseStore",
    "current_officer",
    "open_context",
    "open_owner_store",
    "open_signed_in_store",
]

log = logging.getLogger(__name__)

#: Size of the demo portal built on first use of ``--demo``: big enough to look real,
#: small enough to build in seconds on an office PC.
#: The data map of the demo portal, under resources/.
DEMO_MAP = ("datamaps", "demo-portal.yaml")


def current_officer() -> str:
    """The signed-in OS user, used as the actor on events until login profiles exist."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no passwd entry (some containers)
        return os.environ.get("USERNAME") or os.environ.get("USER") or "officer"


@dataclass
class AppContext:
    """Everything a window or command needs: where things are and open connections."""

    paths: AppPaths
    portal_url: URL
    portal: Engine
    case_store: CaseStore
    case_store_url: URL
    datamap: DataMap
    #: None when the map has no ``requests:`` section: the portal has no intake
    request_source: IncomingRequestSource | None
    officer: str
    demo: bool
    #: The signed-in officer's roles (None only for contexts built without signing in).
    roles: OfficerInfo | None = None
    #: Per-session scratch folder (previews, exports in progress), removed on close.
    temp: SessionTemp | None = field(default=None, repr=False)
    #: A separate portal login with write rights, for erasure, rectification and consent
    #: changes; lookups and previews keep the (ideally read-only) ``portal`` login.
    portal_write_url: URL | None = None
    #: The user's settings and the queue's, read once when connecting (on the worker).
    settings: Settings = field(default_factory=Settings)
    queue: QueueSettings = field(default_factory=QueueSettings)
    _writer: Engine | None = field(default=None, repr=False)
    _start_checked: bool = field(default=False, repr=False)

    @property
    def portal_writer(self) -> Engine:
        """The engine that changes the portal: the write login if one is configured.

        Connected on first use (on the worker thread), so a desk that never erases never
        opens a write connection. Whether it really may write is checked before each
        change (privacy_desk.portal.erasure.check_write_access).
        """
        if self.portal_write_url is None:
            return self.portal
        if self._writer is None:
            self._writer = connect_portal(self.portal_write_url)
        return self._writer

    @property
    def portal_label(self) -> str:
        return describe_url(self.portal_url)

    @property
    def case_store_label(self) -> str:
        return describe_url(self.case_store_url)

    def import_requests(self) -> ImportResult:
        """Bring new portal requests into the queue (idempotent).

        Only officers import: an auditor's or approver's app skips it quietly (the intake
        timer would otherwise report a refusal every few minutes).
        """
        if self.request_source is None or (
                self.roles is not None and not self.roles.has(Role.OFFICER)):
            return ImportResult(0, 0, 0)  # no portal intake, or not an officer
        return import_portal_requests(
            self.case_store, self.portal, self.request_source, actor=self.officer
        )

    def start_checks(self) -> StartReport | None:
        """Once per context (on the worker): settle unknown erasure outcomes and pending
        exports an earlier session left (services.outcomes). None after the first call,
        or when the check itself could not run (logged; the desk works on)."""
        if self._start_checked:
            return None
        self._start_checked = True
        from privacy_desk.services.outcomes import start_checks

        try:
            return start_checks(self.case_store, self.portal, self.datamap,
                                actor=self.officer)
        except (UserError, SQLAlchemyError) as exc:
            log.warning("Start check not done: %s", type(exc).__name__)
            return None

    def close(self) -> None:
        if self.temp is not None:
            self.temp.cleanup()
        if self._writer is not None:
            self._writer.dispose()
        self.portal.dispose()
        self.case_store.close()


def open_context(
    paths: AppPaths,
    *,
    demo: bool = False,
    portal: str | URL | None = None,
    case_store: str | URL | None = None,
    datamap: str | Path | None = None,
    officer: str | None = None,
    portal_write: str | URL | None = None,
    portal_profile: str | None = None,
    case_store_profile: str | None = None,
    ask_password: Callable[[ConnectionProfile], str | None] | None = None,
) -> AppContext:
    """Connect to the portal and the case store (migrating it), sign in, ready for work.

    The data map says where the portal keeps personal data and incoming requests;
    the demo uses the map shipped in resources/datamaps/. Without an explicit URL, the
    named (or else the active) connection profile of the settings is used, its password
    coming from the keyring or ``ask_password``. Signing in checks the officer is known
    to the case store (the first one of an empty store becomes its administrator) and
    records the login in the audit trail.
    """
    paths.ensure()
    settings = load_settings(paths)
    policy = QueueSettings.load(paths.settings_file)
    if portal is None and not demo:
        name = portal_profile or settings.active_portal
        if name:
            portal = resolve_url(settings.profile(name), ask_password=ask_password)
            datamap = datamap or settings.portal_datamap
    store_url = _case_store_url(paths, settings, case_store, case_store_profile, ask_password)
    if datamap is None and not demo and portal:
        raise UserError(
            msg("No data map is given for this portal."),
            msg("Give --map FILE: the map says where the portal keeps personal data (see "
                "docs/datamap.md)."),
        )
    the_map = load_datamap(Path(datamap) if datamap else resource_path(*DEMO_MAP))
    source = the_map.incoming_request_source()  # None: no portal intake, cases by hand
    if demo:
        portal_url = ensure_demo_portal(paths)
    elif portal:
        portal_url = portal if isinstance(portal, URL) else parse_target(portal)
    else:
        raise UserError(
            msg("No portal database is configured."),
            msg("Start with --demo to try the app, or give --portal URL."),
        )
    who = officer or current_officer()
    portal_engine = connect_portal(portal_url)
    try:
        store, info = _open_signed_in(store_url, paths, policy, who)
    except BaseException:
        portal_engine.dispose()
        raise
    who = store.actor  # on a server store with an officer's login: that login
    temp = SessionTemp(paths)
    temp.sweep_orphans()
    log.info("Connected to portal %s and case store %s",
             display_url(portal_url), display_url(store_url))
    ctx = AppContext(
        paths=paths,
        portal_url=portal_url,
        portal=portal_engine,
        case_store=store,
        case_store_url=store_url,
        datamap=the_map,
        request_source=source,
        officer=who,
        demo=demo,
        roles=info,
        temp=temp,
        settings=settings,
        queue=policy,
        portal_write_url=(portal_write if isinstance(portal_write, URL) or portal_write is None
                          else parse_target(portal_write)),
    )
    if demo:
        _give_demo_a_past(ctx)
    return ctx


def _give_demo_a_past(ctx: AppContext) -> None:
    """On a demo's first start, import its requests and answer the old ones."""
    from privacy_desk.services.demo import close_demo_history

    if list_queue(ctx.case_store):
        return
    try:
        ctx.import_requests()
        close_demo_history(ctx.case_store, actor=ctx.officer, today=stockholm_today())
    except BaseException:
        ctx.close()
        raise


def _case_store_url(paths: AppPaths, settings: Settings, case_store: str | URL | None,
                    profile: str | None,
                    ask_password: Callable[[ConnectionProfile], str | None] | None) -> URL:
    """``case_store`` (a URL or SQLite path) if given, else the named or active case-store
    profile, else the default SQLite file in the user data folder."""
    if isinstance(case_store, URL):
        return case_store
    if case_store:
        return parse_target(case_store)
    name = profile or settings.active_case_store
    if name:
        return resolve_url(settings.profile(name), ask_password=ask_password)
    return parse_target(paths.case_store_file)


def _open_signed_in(url: URL, paths: AppPaths, policy: QueueSettings,
                    who: str) -> tuple[CaseStore, OfficerInfo]:
    """Open (and migrate) the case store with the queue's policy and sign its officer in.

    ``who`` names the officer on SQLite and on the owner's connection; with an officer's
    own login to a server store, the login is the officer and ``who`` is ignored.
    """
    store = open_case_store(url, backup_dir=paths.backup_dir, actor=who,
                            allowance_period=policy.allowance_period,
                            clock_stops_for_identity=policy.clock_stops_for_identity,
                            max_fee_sek=policy.max_fee_sek)
    try:
        info = sign_in(store, store.actor)
    except BaseException:
        store.close()
        raise
    return store, info


def open_signed_in_store(paths: AppPaths, *, case_store: str | None = None,
                         profile: str | None = None,
                         ask_password: Callable[[ConnectionProfile], str | None] | None = None,
                         ) -> tuple[CaseStore, str]:
    """The case store the app would use, signed in as the OS user: for headless commands.

    Opened exactly as :func:`open_context` opens it (same URL rules, same queue policy),
    so the services' role checks and deadline rules apply to a command as to the GUI.
    The caller closes the store.
    """
    paths.ensure()
    url = _case_store_url(paths, load_settings(paths), case_store, profile, ask_password)
    store, _info = _open_signed_in(url, paths, QueueSettings.load(paths.settings_file),
                                   current_officer())
    return store, store.actor


def open_owner_store(paths: AppPaths, *, case_store: str | None = None,
                     profile: str | None = None,
                     ask_password: Callable[[ConnectionProfile], str | None] | None = None,
                     ) -> CaseStore:
    """The case store opened (and migrated) without signing in: for the owner's setup
    commands (``privacy-desk store secure``), which need no officer yet."""
    paths.ensure()
    url = _case_store_url(paths, load_settings(paths), case_store, profile, ask_password)
    return open_case_store(url, backup_dir=paths.backup_dir, actor=current_officer())
