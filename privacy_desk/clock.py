"""What "now" and "today" mean for the desk, in one place.

Timestamps in the case store are naive UTC (SQLite and MariaDB keep no zone); dates that
count for deadlines are calendar dates where the company is, Europe/Stockholm.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

STOCKHOLM = ZoneInfo("Europe/Stockholm")


def utcnow() -> datetime:
    """Naive UTC, the form every timestamp in the case store takes."""
    return datetime.now(UTC).replace(tzinfo=None)


def stockholm_today() -> date:
    """Today's date where the company is: what 'today' means for deadlines."""
    return datetime.now(STOCKHOLM).date()


def local_time(at: datetime) -> datetime:
    """A stored timestamp (naive UTC) in Stockholm time, for people to read."""
    return at.replace(tzinfo=UTC).astimezone(STOCKHOLM)
