"""Legal deadlines for answering a request (GDPR art. 12(3)), counted the Swedish way.

A period of months ends on the same date in the later month, or on that month's last day
when it has no such date (Regulation 1182/71, EDPB guidelines 01/2022); a deadline that
falls on a Saturday, Sunday or public holiday moves to the next working day. Swedish law on
deadlines (lag 1930:173) also treats midsommarafton, julafton and nyårsafton as holidays;
that is the default here and can be switched off.

Holiday years are computed once per process and cached, because the case list computes a
due date for every open case on each refresh.
"""

from __future__ import annotations

import enum
import functools
from calendar import monthrange
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import holidays
from holidays.countries.sweden import Sweden

from privacy_desk.errors import UserError
from privacy_desk.messages import msg

#: The company's time zone: a request is received on the Stockholm calendar day.
STOCKHOLM = ZoneInfo("Europe/Stockholm")

#: Months to answer in, and months once extended by "two further months".
ANSWER_MONTHS = 1
EXTENDED_MONTHS = 3

_ONE_DAY = timedelta(days=1)
_SATURDAY = 5


class DeadlineError(UserError):
    """A deadline question that cannot be answered as asked (bad dates or settings)."""


class ExtensionTooLate(DeadlineError):
    """The person was told of an extension after the first month had run out."""


@functools.cache
def _swedish_holidays(year: int) -> dict[date, str]:
    """Public holidays of one year, from the `holidays` package, without plain Sundays.

    The package's Sweden calendar can list every Sunday as a holiday ("Söndag"); older
    releases did so by default. Weekends are handled by weekday here, so Sundays are
    excluded explicitly to keep holiday names meaningful and results version-independent.
    """
    first = getattr(Sweden, "start_year", 1953)
    last = getattr(Sweden, "end_year", 2100)
    if not first <= year <= last:
        raise DeadlineError(
            msg("Swedish holidays are only known for the years {first}-{last}, not {year}.",
                first=first, last=last, year=year),
            msg("Check the date; it is probably mistyped."),
        )
    calendar_ = holidays.country_holidays("SE", years=year, include_sundays=False, language="sv")
    return {day: str(name) for day, name in calendar_.items()}


def _midsummer_eve(year: int) -> date:
    """Midsommarafton: the Friday between 19 and 25 June (the eve of Midsommardagen)."""
    june_19 = date(year, 6, 19)
    return june_19 + timedelta(days=(4 - june_19.weekday()) % 7)


@functools.cache
def _non_working_days(year: int, eves_are_holidays: bool) -> dict[date, str]:
    """Weekday holidays and eves of one year, by date, with their Swedish names."""
    days = dict(_swedish_holidays(year))
    if eves_are_holidays:
        days[_midsummer_eve(year)] = "Midsommarafton"
        days[date(year, 12, 24)] = "Julafton"
        days[date(year, 12, 31)] = "Nyårsafton"
    return days


class SwedishCalendar:
    """Which days count as working days for deadlines.

    ``eves_are_holidays`` adds midsommarafton, julafton and nyårsafton to the public
    holidays (the default, following lag 1930:173); turn it off to treat them as working
    days. Instances are cheap: the holiday tables are shared and cached per year.
    """

    __slots__ = ("eves_are_holidays",)

    def __init__(self, *, eves_are_holidays: bool = True) -> None:
        self.eves_are_holidays = eves_are_holidays

    def __repr__(self) -> str:
        return f"SwedishCalendar(eves_are_holidays={self.eves_are_holidays})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SwedishCalendar):
            return NotImplemented
        return self.eves_are_holidays == other.eves_are_holidays

    def __hash__(self) -> int:
        return hash(self.eves_are_holidays)

    def holiday_name(self, d: date) -> str | None:
        """The Swedish name of the holiday (or eve) on ``d``, or None if there is none."""
        return _non_working_days(d.year, self.eves_are_holidays).get(d)

    def is_working_day(self, d: date) -> bool:
        """Monday to Friday and neither a public holiday nor (if configured) an eve."""
        return d.weekday() < _SATURDAY and d not in _non_working_days(
            d.year, self.eves_are_holidays
        )

    def next_working_day_on_or_after(self, d: date) -> date:
        """``d`` itself if it is a working day, else the first working day after it."""
        while not self.is_working_day(d):
            d += _ONE_DAY
        return d


DEFAULT_CALENDAR = SwedishCalendar()


def add_calendar_months(d: date, months: int) -> date:
    """The same date ``months`` later, or the last day of that month if it has no such date.

    31 January + 1 month is 28 (or 29) February; 30 April + 1 month is 30 May.
    """
    index = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise DeadlineError(msg("{d} plus {months} months is out of range.",
                                d=d.isoformat(), months=months))
    last_day = monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(d.day, last_day))


def due_date(
    received: date, months: int = ANSWER_MONTHS, calendar: SwedishCalendar | None = None
) -> date:
    """The last day to answer a request received on ``received`` (art. 12(3)).

    ``months`` calendar months after receipt, moved to the next working day when it falls on
    a weekend, a holiday or (by default) an eve.
    """
    if months < 1:
        raise DeadlineError(
            msg("A deadline must be at least one month, not {months}.", months=months),
            msg("Use 1 for the normal deadline or 3 for an extended one."),
        )
    cal = calendar or DEFAULT_CALENDAR
    return cal.next_working_day_on_or_after(add_calendar_months(received, months))


def extended_due_date(received: date, calendar: SwedishCalendar | None = None) -> date:
    """The last day to answer once extended by two further months: three months from receipt."""
    return due_date(received, EXTENDED_MONTHS, calendar)


def check_extension(received: date, told_on: date, calendar: SwedishCalendar | None = None) -> None:
    """Raise unless telling the person of an extension on ``told_on`` is in time.

    The person must be told, with reasons, within the first month (the normal due date);
    after it, the deadline has already been missed and can no longer be extended.
    """
    if told_on < received:
        raise DeadlineError(
            msg("The extension notice ({told_on}) cannot be dated before the request was "
                "received ({received}).",
                told_on=told_on.isoformat(), received=received.isoformat()),
            msg("Check both dates."),
        )
    last_day = due_date(received, ANSWER_MONTHS, calendar)
    if told_on > last_day:
        raise ExtensionTooLate(
            msg("Too late to extend: the person had to be told by {last_day}, one month after "
                "receipt on {received}, not on {told_on}.",
                last_day=last_day.isoformat(), received=received.isoformat(),
                told_on=told_on.isoformat()),
            msg("Answer the request as soon as possible instead; the deadline has passed."),
        )


def receipt_date(ts: datetime) -> date:
    """The Stockholm calendar day of a timestamp: the day the request counts as received.

    An aware timestamp is converted; a naive one is taken to be UTC (as databases often
    store them), so a portal request at 23:30 UTC in summer is received the next day.
    """
    aware = ts if ts.tzinfo is not None and ts.utcoffset() is not None else ts.replace(tzinfo=UTC)
    return aware.astimezone(STOCKHOLM).date()


def deadline_start(
    received: date, identity_verified_on: date | None, *, clock_stops_for_identity: bool
) -> date:
    """The day the deadline is counted from, under the company's identity-wait policy.

    By default the clock runs from receipt. If the policy stops it while waiting for proof
    of identity (EDPB: the period starts when the controller can identify the person), it
    runs from the day identity was verified; until then there is no deadline, and the
    receipt day is returned as the conservative answer.
    """
    if identity_verified_on is not None and identity_verified_on < received:
        raise DeadlineError(
            msg("Identity cannot be verified ({identity_verified_on}) before the request was "
                "received ({received}).",
                identity_verified_on=identity_verified_on.isoformat(),
                received=received.isoformat()),
            msg("Check both dates."),
        )
    if clock_stops_for_identity and identity_verified_on is not None:
        return identity_verified_on
    return received


def days_left(due: date, today: date) -> int:
    """Calendar days from ``today`` to ``due``: 0 on the due day, negative once overdue."""
    return (due - today).days


class Urgency(enum.StrEnum):
    """How pressing a case is, for colouring and sorting the case list."""

    PLENTY = "plenty"
    SOON = "soon"
    OVERDUE = "overdue"
    DONE = "done"


def urgency(due: date, today: date, soon_days: int = 7, *, done: bool = False) -> Urgency:
    """PLENTY, SOON (at most ``soon_days`` left, the due day included) or OVERDUE.

    A deadline ends at the end of its day, so a case is overdue only from the day after.
    ``done`` (a case no longer open) gives DONE whatever the dates.
    """
    if soon_days < 0:
        raise DeadlineError(
            msg("The warning period must not be negative ({soon_days} days).",
                soon_days=soon_days),
            msg("Use 0 or more days."),
        )
    if done:
        return Urgency.DONE
    left = days_left(due, today)
    if left < 0:
        return Urgency.OVERDUE
    if left <= soon_days:
        return Urgency.SOON
    return Urgency.PLENTY
