"""The mechanics every write to the case store shares: retried transactions, case numbers.

Two officers (or two importers) writing at the same moment must never get the same case
number or lose a write to a deadlock; the database decides, and :func:`run_retrying` runs
the losing transaction again. Workflows (:mod:`privacy_desk.services`) build on these.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import insert, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from privacy_desk.casestore.models import LABEL_LEN, CaseNumberCounter
from privacy_desk.casestore.store import CaseStore

log = logging.getLogger(__name__)

T = TypeVar("T")

CASE_NUMBER_PREFIX = "PD"
#: How often a write is retried after losing a race (duplicate key, deadlock).
MAX_ATTEMPTS = 5


def format_case_number(year: int, number: int) -> str:
    return f"{CASE_NUMBER_PREFIX}-{year}-{number:05d}"


def allocate_case_numbers(session: Session, year: int, count: int) -> list[str]:
    """Reserve ``count`` consecutive case numbers of ``year`` in the session's transaction.

    The counter row is incremented *before* it is read, so the row lock (the database
    write lock on SQLite) is held from the first statement to commit: two officers, or
    two importers, can never receive the same number. When the year has no counter yet,
    two first-timers may race to insert it; the loser gets an IntegrityError (or a
    deadlock on MariaDB) and must retry the whole transaction (see :func:`run_retrying`).
    """
    if count < 1:
        return []
    result = session.execute(
        update(CaseNumberCounter).where(CaseNumberCounter.year == year)
        .values(last_number=CaseNumberCounter.last_number + count)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount == 1:  # type: ignore[attr-defined]
        last = session.scalar(
            select(CaseNumberCounter.last_number).where(CaseNumberCounter.year == year)
        )
        assert last is not None
    else:
        session.execute(insert(CaseNumberCounter).values(year=year, last_number=count))
        last = count
    return [format_case_number(year, n) for n in range(last - count + 1, last + 1)]


def new_case_number(session: Session, year: int) -> str:
    """One new case number such as ``PD-2026-00001`` (see :func:`allocate_case_numbers`)."""
    return allocate_case_numbers(session, year, 1)[0]


def is_retryable(exc: DBAPIError) -> bool:
    """Whether the database refused only because of a concurrent transaction."""
    if isinstance(exc, IntegrityError):
        return True
    orig = exc.orig
    sqlstate = getattr(orig, "sqlstate", None)  # psycopg
    if sqlstate in {"40001", "40P01"}:  # serialization failure, deadlock
        return True
    args: tuple[Any, ...] = getattr(orig, "args", ())
    return bool(args) and args[0] in {1213, 1205}  # MariaDB deadlock, lock wait timeout


def run_retrying(store: CaseStore, work: Callable[[Session], T]) -> T:
    """Run ``work`` in a transaction; on a lost race roll back and run it again."""
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            with store.sessions.begin() as session:
                return work(session)
        except DBAPIError as exc:
            if attempt == MAX_ATTEMPTS or not is_retryable(exc):
                raise
            log.info("Write lost a race (%s); retrying, attempt %d", type(exc).__name__,
                     attempt + 1)
    raise AssertionError("unreachable")  # pragma: no cover


def short_label(label: str) -> str:
    """A queue label that fits its column (names can be long; the column is not)."""
    label = " ".join(label.split())
    return label if len(label) <= LABEL_LEN else label[: LABEL_LEN - 1] + "…"


