"""Reading the message catalogues (``resources/messages/<lang>/*.po``) with Babel.

``install()`` runs at start-up (the CLI's main, the desk's translations, the tests'
conftest) and makes :mod:`privacy_desk.messages` render from these files.
"""

from __future__ import annotations

from pathlib import Path

from privacy_desk import messages
from privacy_desk.resources import resources_dir


def read_catalogue(language: str, folder: Path | None = None) -> dict[str, str]:
    """Every translated, non-fuzzy template of ``language``, merged from its .po files."""
    from babel.messages.pofile import read_po

    base = folder or resources_dir() / "messages"
    entries: dict[str, str] = {}
    for path in sorted((base / language).glob("*.po")):
        with path.open("rb") as fh:
            for m in read_po(fh, locale=language):
                if m.id and isinstance(m.id, str) and m.string and not m.fuzzy:
                    entries[m.id] = str(m.string)
    return entries


def install() -> None:
    messages.use_catalogues(read_catalogue)
