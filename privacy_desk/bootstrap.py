"""Building the app's services once, for the GUI and the CLI alike.

:class:`AppContext` is the small application-context object ARCHITECTURE.md asks for:
built once in ``main`` (on the worker thread, since it connects to databases) and
passed to whoever needs it — no global singletons.
"""

from __future__ import annotations

import getpass
import logging
import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.engine import URL, Engine

from privacy_desk.casestore.intake import (
    ImportResult,
    IncomingRequestSource,
    import_portal_requests,
)
from privacy_desk.casestore.store import CaseStore, open_case_store
from privacy_desk.datamap.loader import load_datamap
from privacy_desk.datamap.model import DataMap
from privacy_desk.dburl import connect, describe_url, display_url, parse_target
from privacy_desk.errors import UserError
from privacy_desk.paths import AppPaths
from privacy_desk.resources import resource_path

log = logging.getLogger(__name__)

#: Size of the demo portal built on first use of ``--demo``: big enough to look real,
#: small enough to build in seconds on an office PC.
DEMO_CUSTOMERS = 1000
DEMO_SEED = 1
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
    request_source: IncomingRequestSource
    officer: str
    demo: bool

    @property
    def portal_label(self) -> str:
        return describe_url(self.portal_url)

    @property
    def case_store_label(self) -> str:
        return describe_url(self.case_store_url)

    def import_requests(self) -> ImportResult:
        """Bring new portal requests into the queue (idempotent)."""
        return import_portal_requests(
            self.case_store, self.portal, self.request_source, actor=self.officer
        )

    def close(self) -> None:
        self.portal.dispose()
        self.case_store.close()


def ensure_demo_portal(paths: AppPaths, *, customers: int = DEMO_CUSTOMERS,
                       seed: int = DEMO_SEED, as_of: date | None = None) -> URL:
    """The demo portal's URL, generating it first if this user has none yet."""
    from privacy_desk.portal.demo.generator import generate_demo_portal

    target = paths.demo_portal_file
    url = parse_target(target)
    if not target.exists():
        paths.ensure()
        log.info("Creating the demo portal (%d synthetic customers)", customers)
        generate_demo_portal(url, customers=customers, seed=seed, as_of=as_of)
    return url


def open_context(
    paths: AppPaths,
    *,
    demo: bool = False,
    portal: str | None = None,
    case_store: str | None = None,
    datamap: str | Path | None = None,
    officer: str | None = None,
) -> AppContext:
    """Connect to the portal and the case store (migrating it), ready for work.

    The data map says where the portal keeps personal data and incoming requests;
    the demo uses the map shipped in resources/datamaps/.
    """
    paths.ensure()
    if datamap is None and not demo and portal:
        raise UserError(
            "No data map is given for this portal.",
            "Give --map FILE: the map says where the portal keeps personal data "
            "(see docs/datamap.md).",
        )
    the_map = load_datamap(Path(datamap) if datamap else resource_path(*DEMO_MAP))
    source = the_map.incoming_request_source()
    if source is None:
        raise UserError(
            "The data map does not say where the portal keeps incoming requests.",
            "Add a 'requests:' section to the map (see docs/datamap.md).",
        )
    if demo:
        portal_url = ensure_demo_portal(paths)
    elif portal:
        portal_url = parse_target(portal)
    else:
        raise UserError(
            "No portal database is configured.",
            "Start with --demo to try the app, or give --portal URL.",
        )
    store_url = parse_target(case_store) if case_store else parse_target(paths.case_store_file)
    portal_engine = connect(portal_url)
    try:
        store = open_case_store(store_url, backup_dir=paths.backup_dir)
    except BaseException:
        portal_engine.dispose()
        raise
    log.info("Connected to portal %s and case store %s",
             display_url(portal_url), display_url(store_url))
    return AppContext(
        paths=paths,
        portal_url=portal_url,
        portal=portal_engine,
        case_store=store,
        case_store_url=store_url,
        datamap=the_map,
        request_source=source,
        officer=officer or current_officer(),
        demo=demo,
    )
