"""Every interface string has a Swedish translation, and the shipped .qm is current."""

from __future__ import annotations

import shutil
from pathlib import Path

from tools.translations import LANGUAGES, TS_DIR, release, update_ts


def test_every_ui_string_is_translated(tmp_path: Path) -> None:
    for lang in LANGUAGES:
        ts = tmp_path / f"privacy_desk_{lang}.ts"
        shutil.copy(TS_DIR / ts.name, ts)
        update_ts(ts)  # adds any string in the code that the .ts does not have yet
        text = ts.read_text(encoding="utf-8")
        assert "<message" in text
        assert 'type="unfinished"' not in text, (
            f"untranslated strings in {ts.name}: run tools/translations.py and translate them"
        )


def test_shipped_qm_matches_its_ts(tmp_path: Path) -> None:
    for lang in LANGUAGES:
        fresh = tmp_path / f"privacy_desk_{lang}.qm"
        release(TS_DIR / f"privacy_desk_{lang}.ts", fresh)
        assert fresh.read_bytes() == (TS_DIR / fresh.name).read_bytes(), (
            "the .qm is stale: run tools/translations.py"
        )
