#!/usr/bin/env python3
"""Refresh the Qt translation files: ``python tools/translations.py``.

1. ``pyside6-lupdate`` collects every translatable string in privacy_desk/ui/ into
   resources/translations/privacy_desk_<lang>.ts (new strings are marked unfinished);
2. translate them (Qt Linguist: ``pyside6-linguist FILE.ts``, or edit the XML);
3. run this again: ``pyside6-lrelease`` compiles the .ts into the .qm the app loads.

English is the source language, so privacy_desk_en.ts holds only the plural (numerus)
strings (``lupdate -pluralonly``): ``self.tr("%n row(s)", "", n)`` needs its English
forms, "1 row" / "2 rows", from a .qm like any other language, or English shows "(s)".

The test suite checks that no string is left untranslated and that the shipped .qm
matches its .ts, so a forgotten step fails CI rather than showing English to a user.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("sv", "en")
#: Languages whose .ts carries only the plural strings: the source language's own.
PLURAL_ONLY = frozenset({"en"})


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"{name} not found; install the project first (python3 dev.py test).")
    return found


def ui_sources() -> list[str]:
    return sorted(str(p) for p in (ROOT / "privacy_desk" / "ui").glob("*.py"))


def ts_language(ts_file: Path) -> str:
    """``privacy_desk_sv.ts`` -> ``sv``."""
    return ts_file.stem.rsplit("_", 1)[-1]


def update_ts(ts_file: Path) -> None:
    lang = ts_language(ts_file)
    extra = ["-pluralonly"] if lang in PLURAL_ONLY else []
    subprocess.run([_tool("pyside6-lupdate"), *ui_sources(), "-no-obsolete", *extra,
                    "-source-language", "en", "-target-language", lang, "-ts",
                    str(ts_file)], check=True, capture_output=True)


def release(ts_file: Path, qm_file: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)],
                   check=True, capture_output=True)


def main() -> int:
    for lang in LANGUAGES:
        ts = TS_DIR / f"privacy_desk_{lang}.ts"
        update_ts(ts)
        release(ts, ts.with_suffix(".qm"))
        unfinished = ts.read_text(encoding="utf-8").count('type="unfinished"')
        print(f"{ts.name}: {unfinished} unfinished")
    return 0


if __name__ == "__main__":
    sys.exit(main())
