"""Shared fixtures: isolated app directories, throwaway databases, offscreen Qt."""

from __future__ import annotations

import os

# Headless by default; set before anything imports Qt. A developer may override it
# (e.g. QT_QPA_PLATFORM=xcb under Xvfb to watch the tests).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from privacy_desk import catalogues, messages
from privacy_desk.paths import ENV_HOME, AppPaths
from tests.databases import BACKENDS, throwaway_database
from tests.keyrings import MemoryKeyring, installed, no_keyring

catalogues.install()


@pytest.fixture(autouse=True)
def _messages_in_english() -> Iterator[None]:
    """Each test starts with messages in English; a window that switches to Swedish
    (install_translations) does not leak its language into the next test."""
    messages.set_language(messages.SOURCE_LANGUAGE)
    yield
    messages.set_language(messages.SOURCE_LANGUAGE)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test ever touches the real user's data, config or log directories."""
    monkeypatch.setenv(ENV_HOME, str(tmp_path / "home"))


@pytest.fixture
def app_paths(tmp_path: Path) -> AppPaths:
    return AppPaths.default(tmp_path / "home").ensure()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[URL]:
    """A new, empty database on each backend in turn (SQLite, PostgreSQL, MariaDB)."""
    with throwaway_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> Iterator[URL]:
    with throwaway_database("sqlite", tmp_path) as url:
        yield url


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """A working in-memory keyring for the duration of a test."""
    backend = MemoryKeyring()
    with installed(backend):
        yield backend


@pytest.fixture
def failing_keyring() -> Iterator[object]:
    """A computer with no secure keyring (keyring's own 'fail' backend)."""
    with installed(no_keyring()) as backend:
        yield backend
