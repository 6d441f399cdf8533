"""Every file location the app uses, in one place.

Defaults come from platformdirs (per-user data, config, log and cache directories).
An override base directory (``--base-dir`` or ``PRIVACY_DESK_HOME``) puts everything
under one folder instead, which the tests and portable installs use. Nothing here
creates a directory on import; :meth:`AppPaths.ensure` does so when asked.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import PlatformDirs

from privacy_desk import APP_ID, ORG_NAME

ENV_HOME = "PRIVACY_DESK_HOME"


@dataclass(frozen=True)
class AppPaths:
    """The directories the app reads and writes."""

    data_dir: Path
    config_dir: Path
    log_dir: Path
    cache_dir: Path

    @classmethod
    def default(cls, base_dir: Path | str | None = None) -> AppPaths:
        """Paths under ``base_dir`` (or ``$PRIVACY_DESK_HOME``), else the platform's."""
        base = base_dir if base_dir is not None else os.environ.get(ENV_HOME)
        if base:
            root = Path(base).expanduser().resolve()
            return cls(root / "data", root / "config", root / "logs", root / "cache")
        dirs = PlatformDirs(APP_ID, ORG_NAME)
        return cls(
            Path(dirs.user_data_dir),
            Path(dirs.user_config_dir),
            Path(dirs.user_log_dir),
            Path(dirs.user_cache_dir),
        )

    def ensure(self) -> AppPaths:
        """Create the directories (private to the user) and return self."""
        for d in (self.data_dir, self.config_dir, self.log_dir, self.cache_dir):
            d.mkdir(parents=True, exist_ok=True, mode=0o700)
        return self

    @property
    def case_store_file(self) -> Path:
        """The embedded SQLite case store."""
        return self.data_dir / "casestore.sqlite3"

    @property
    def demo_portal_file(self) -> Path:
        """The synthetic demo portal created by ``--demo``."""
        return self.data_dir / "demo-portal.sqlite3"

    @property
    def backup_dir(self) -> Path:
        """Copies of the SQLite case store taken before each migration."""
        return self.data_dir / "backups"

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "privacy-desk.log"
