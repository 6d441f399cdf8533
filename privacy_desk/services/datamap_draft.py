"""Draft a data map for the portal of a connection profile (the app's "Ny datakarta…").

The same draft as ``privacy-desk datamap draft``: the profile gives the URL (its password
from the argument or the keyring), the engine gets the portal's statement timeout, the map
is written atomically where the officer chose. Read-only on the portal; a SQLite portal
that does not exist is refused rather than created.
"""

from __future__ import annotations

import logging
from pathlib import Path

from privacy_desk import secrets
from privacy_desk.config import Backend, ConnectionProfile, ProfileKind, profile_url
from privacy_desk.datamap.draft import DEFAULT_SAMPLE, DraftResult, ProgressFn, draft_datamap
from privacy_desk.dburl import PORTAL_STATEMENT_TIMEOUT_S, check_connection, make_engine
from privacy_desk.errors import UserError
from privacy_desk.messages import msg
from privacy_desk.reports.audit_report import write_atomically

__all__ = ["DraftResult", "draft_for_profile"]

log = logging.getLogger(__name__)


def draft_for_profile(profile: ConnectionProfile, password: str | None, out: Path, *,
                      sample: int = DEFAULT_SAMPLE,
                      progress: ProgressFn | None = None) -> DraftResult:
    """Draft the map of ``profile``'s portal into ``out``; the result lists what to review."""
    p = profile.validated()
    if p.kind != ProfileKind.PORTAL:
        raise UserError(msg("A data map is drafted from a portal profile, not a case store."),
                        msg("Choose or create a profile used for the portal."))
    if p.backend == Backend.SQLITE and not Path(p.database).is_file():
        raise UserError(msg("The SQLite file {database} does not exist.", database=p.database),
                        msg("Choose the portal's database file; the draft never creates one."))
    if p.backend != Backend.SQLITE and not password:
        password = secrets.get_password(p.name)
    engine = make_engine(profile_url(p, password), connect_timeout=5,
                         statement_timeout_s=PORTAL_STATEMENT_TIMEOUT_S)
    try:
        check_connection(engine)
        result = draft_datamap(engine, sample=sample, progress=progress)
    finally:
        engine.dispose()
    write_atomically(out, result.text.encode("utf-8"))
    log.info("Drafted a data map of profile %s: %d tables, %d to review", p.name,
             result.tables, len(result.review))
    return result
