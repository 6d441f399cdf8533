"""Upgrading Privacy Desk keeps the case store: the backup is shown, a downgrade refused.

Run through the command line as IT or an officer would after installing a new version
over an old one: the older schema is brought up to date after a backup whose place is
printed; a store from a newer version is left exactly as it was, and the message says
which version this is.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine

from privacy_desk import __version__
from privacy_desk.casestore import open_case_store
from privacy_desk.casestore.migrate import alembic_config, head_revision, script_directory
from privacy_desk.cli import main
from privacy_desk.dburl import parse_target
from privacy_desk.paths import AppPaths


def _store_at(paths: AppPaths, revision: str | None = None) -> Path:
    """The default case store file of ``paths``, its schema at ``revision`` (or head)."""
    paths.ensure()
    url = parse_target(paths.case_store_file)
    open_case_store(url).close()
    if revision is None:
        return paths.case_store_file
    engine = create_engine(url)
    with engine.begin() as conn:
        command.downgrade(alembic_config(conn), revision)
    engine.dispose()
    return paths.case_store_file


def test_an_update_shows_where_the_backup_is(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    paths = AppPaths.default(tmp_path / "desk")
    previous = script_directory().get_revision(head_revision()).down_revision
    assert isinstance(previous, str)
    _store_at(paths, previous)

    assert main(["--base-dir", str(tmp_path / "desk"), "case", "list"]) == 0
    err = capsys.readouterr().err
    backups = list(paths.backup_dir.glob("*.sqlite3"))
    assert len(backups) == 1
    assert f"A copy of the case store as it was is kept at {backups[0]}" in err
    assert f"Privacy Desk {__version__} is updating" in err
    assert f"revision {previous} to {head_revision()}" in err
    con = sqlite3.connect(backups[0])
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchall() == \
            [(previous,)]
    finally:
        con.close()
    log = (paths.log_file).read_text(encoding="utf-8")
    assert str(backups[0]) in log

    # The next start has nothing to update: no second backup, no notice.
    assert main(["--base-dir", str(tmp_path / "desk"), "case", "list"]) == 0
    assert "A copy of the case store" not in capsys.readouterr().err
    assert len(list(paths.backup_dir.glob("*.sqlite3"))) == 1


def test_a_downgrade_is_refused_untouched_naming_this_version(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = AppPaths.default(tmp_path / "desk")
    store = _store_at(paths)
    con = sqlite3.connect(store)
    con.execute("UPDATE alembic_version SET version_num = 'f00d_from_0_9'")
    con.commit()
    con.close()
    before = hashlib.sha256(store.read_bytes()).hexdigest()

    code = main(["--base-dir", str(tmp_path / "desk"), "case", "list"])
    err = capsys.readouterr().err
    assert code == 2
    assert "set up by a newer version of Privacy Desk (schema revision f00d_from_0_9)" in err
    assert f"this version, Privacy Desk {__version__} (schema revision {head_revision()})" \
        in err
    assert f"Upgrade Privacy Desk from {__version__}" in err
    assert "Traceback" not in err
    assert hashlib.sha256(store.read_bytes()).hexdigest() == before
    assert not paths.backup_dir.exists()
