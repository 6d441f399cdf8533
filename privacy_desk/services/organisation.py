"""The controller's settings for windows and commands: read, save (audited), the demo's.

The settings file is the base module :mod:`privacy_desk.organisation`; this module is how
the GUI and the CLI reach it, so a saved organisation is always validated and, when a case
store is open, the change is in the audit trail (names only).
"""

from __future__ import annotations

from privacy_desk.casestore.store import CaseStore
from privacy_desk.organisation import (
    DEFAULT_TEXTS,
    DEMO_ORGANISATION,
    LINE_KEYS,
    TEXT_KEYS,
    InvalidOrganisation,
    Organisation,
    OrganisationMissing,
    ensure_demo_organisation,
    load_organisation,
    require_organisation,
)
from privacy_desk.organisation import save_organisation as _save
from privacy_desk.paths import AppPaths
from privacy_desk.services.profiles import record_settings_change

__all__ = ["DEFAULT_TEXTS", "DEMO_ORGANISATION", "LINE_KEYS", "TEXT_KEYS", "InvalidOrganisation",
           "Organisation", "OrganisationMissing", "ensure_demo_organisation",
           "load_organisation", "require_organisation", "save_organisation"]


def save_organisation(paths: AppPaths, org: Organisation, *, store: CaseStore | None = None,
                      actor: str = "") -> Organisation:
    """Validate and save ``org``; with ``store``, record the change in its audit trail."""
    saved = _save(paths, org)
    if store is not None:
        record_settings_change(store, actor=actor or store.actor, change="organisation_saved",
                               profile=saved.legal_name)
    return saved
