"""The controller for tests that write letters: no letter is produced without one."""

from __future__ import annotations

from pathlib import Path

from privacy_desk.organisation import DEMO_ORGANISATION, save_organisation
from privacy_desk.paths import AppPaths


def set_demo_organisation(where: AppPaths | Path | str | None = None) -> AppPaths:
    """Save the demo company as the organisation of ``where`` (a base dir, or the paths;
    None: ``$PRIVACY_DESK_HOME``, which tests/conftest.py points at the test's folder)."""
    paths = where if isinstance(where, AppPaths) else AppPaths.default(where)
    save_organisation(paths, DEMO_ORGANISATION)
    return paths
