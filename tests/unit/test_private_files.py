"""Log files, extracts, letters and audit exports are the officer's alone (0600, issue 14)."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from privacy_desk.logging_setup import PrivateRotatingFileHandler, configure_logging
from privacy_desk.paths import AppPaths
from privacy_desk.reports.atomic import staged_files
from privacy_desk.reports.audit_report import write_atomically

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask() -> Iterator[None]:
    """The widest umask a desktop might have: files would be 0666 without the fix."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def restore_logging() -> Iterator[None]:
    root = logging.getLogger("privacy_desk")
    before, level = list(root.handlers), root.level
    yield
    for h in [h for h in root.handlers if h not in before]:
        root.removeHandler(h)
        h.close()
    for h in before:
        if h not in root.handlers:
            root.addHandler(h)
    root.setLevel(level)


def test_a_new_log_file_is_owner_only(tmp_path: Path, open_umask: None,
                                      restore_logging: None) -> None:
    paths = AppPaths.default(str(tmp_path / "home"))
    configure_logging(paths)
    logging.getLogger("privacy_desk.test").info("a line")
    assert paths.log_file.exists() and mode(paths.log_file) == 0o600
    assert mode(paths.log_dir) & 0o077 == 0


def test_an_existing_wider_log_file_and_its_backups_are_tightened_at_start(
        tmp_path: Path, restore_logging: None) -> None:
    paths = AppPaths.default(str(tmp_path / "home"))
    paths.log_dir.mkdir(parents=True, exist_ok=True)
    paths.log_dir.chmod(0o755)
    older = [paths.log_file, paths.log_file.with_name(paths.log_file.name + ".2")]
    for f in older:
        f.write_text("old line\n", encoding="utf-8")
        f.chmod(0o644)
    configure_logging(paths)
    assert [mode(f) for f in older] == [0o600, 0o600]
    assert mode(paths.log_dir) == 0o700
    assert paths.log_file.read_text(encoding="utf-8").startswith("old line\n")  # appended


def test_a_rotated_log_file_is_owner_only_too(tmp_path: Path, open_umask: None) -> None:
    target = tmp_path / "x.log"
    handler = PrivateRotatingFileHandler(target, maxBytes=20, backupCount=2, encoding="utf-8")
    try:
        for i in range(5):
            handler.emit(logging.LogRecord("t", logging.INFO, __file__, 1, "line %d of text",
                                           (i,), None))
    finally:
        handler.close()
    files = sorted(tmp_path.glob("x.log*"))
    assert len(files) == 3 and {mode(f) for f in files} == {0o600}


def test_extracts_letters_and_audit_exports_are_owner_only(tmp_path: Path,
                                                           open_umask: None) -> None:
    with staged_files(tmp_path, [("extract.pdf", b"%PDF"), ("extract.zip", b"PK")]) as publish:
        written = publish()
    assert [mode(w.path) for w in written] == [0o600, 0o600]
    target = tmp_path / "audit" / "trail.csv"
    write_atomically(target, b"seq,at\n")
    assert mode(target) == 0o600
    target.chmod(0o644)  # an export written again over a wider file is owner-only again
    write_atomically(target, b"seq,at\n1,x\n")
    assert mode(target) == 0o600
