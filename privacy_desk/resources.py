"""Where the files in ``resources/`` are, in a source checkout and in a frozen build.

The repository keeps ``resources/`` beside the package (icons, translations, data
maps, fonts). PyInstaller copies it into the bundle (see build.spec), where it sits
under ``sys._MEIPASS``. ``PRIVACY_DESK_RESOURCES`` overrides both.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from privacy_desk.errors import UserError
from privacy_desk.messages import msg


def resources_dir() -> Path:
    """The resources folder of this installation."""
    override = os.environ.get("PRIVACY_DESK_RESOURCES")
    if override:
        return Path(override)
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """A file under resources/, with a clear error when the installation lacks it."""
    path = resources_dir().joinpath(*parts)
    if not path.exists():
        raise UserError(
            msg("The installation is missing {choices}.", choices='/'.join(parts)),
            msg("Reinstall Privacy Desk; when running from source, run from a full checkout."),
        )
    return path
