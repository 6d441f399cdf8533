"""Art. 12(3) deadlines: calendar months, rolled past Swedish weekends, holidays and eves."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privacy_desk.domain.deadlines import (
    DeadlineError,
    ExtensionTooLate,
    SwedishCalendar,
    Urgency,
    add_calendar_months,
    check_extension,
    days_left,
    deadline_start,
    due_date,
    extended_due_date,
    receipt_date,
    urgency,
)
from privacy_desk.errors import UserError

WITH_EVES = SwedishCalendar()
WITHOUT_EVES = SwedishCalendar(eves_are_holidays=False)

# Due dates (even 60 days later, extended) stay within 2100, the end of the holiday data.
receipts = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 6, 30))
calendars = st.sampled_from([WITH_EVES, WITHOUT_EVES])
months = st.sampled_from([1, 3])
prop = settings(max_examples=300, deadline=None, derandomize=True)

# The longest run of non-working days: julafton on a Wednesday, then juldagen, annandag
# jul and a weekend (24-28 December); without eves, 25-28 December.
MAX_ROLL_DAYS = {True: 5, False: 4}


# --- the month rule ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year: last day of February
        (date(2025, 1, 31), 1, date(2025, 2, 28)),  # non-leap year
        (date(2100, 1, 31), 1, date(2100, 2, 28)),  # 2100 is not a leap year
        (date(2000, 1, 31), 1, date(2000, 2, 29)),  # 2000 is
        (date(2025, 3, 31), 1, date(2025, 4, 30)),  # 31st into a 30-day month
        (date(2025, 4, 30), 1, date(2025, 5, 30)),  # same date, not end of month
        (date(2025, 1, 30), 1, date(2025, 2, 28)),
        (date(2025, 11, 30), 3, date(2026, 2, 28)),  # across the year end
        (date(2025, 12, 15), 1, date(2026, 1, 15)),
        (date(2025, 3, 15), -12, date(2024, 3, 15)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
    ],
)
def test_add_calendar_months(start: date, n: int, expected: date) -> None:
    assert add_calendar_months(start, n) == expected


@given(receipts, st.integers(min_value=-24, max_value=24))
@prop
def test_add_calendar_months_keeps_the_date_or_clamps_to_month_end(d: date, n: int) -> None:
    result = add_calendar_months(d, n)
    assert (result.year * 12 + result.month) - (d.year * 12 + d.month) == n
    if result.day != d.day:
        assert result.day < d.day
        assert (result + timedelta(days=1)).day == 1  # clamped to the last day


# --- the calendar -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2025, 1, 1), "Nyårsdagen"),
        (date(2025, 1, 6), "Trettondedag jul"),
        (date(2025, 4, 18), "Långfredagen"),  # Good Friday
        (date(2025, 4, 21), "Annandag påsk"),  # Easter Monday
        (date(2025, 5, 1), "Första maj"),
        (date(2025, 5, 29), "Kristi himmelsfärdsdag"),  # Ascension Thursday
        (date(2025, 6, 6), "Nationaldagen"),  # a Friday in 2025
        (date(2025, 6, 20), "Midsommarafton"),
        (date(2025, 12, 24), "Julafton"),
        (date(2025, 12, 25), "Juldagen"),
        (date(2025, 12, 26), "Annandag jul"),
        (date(2025, 12, 31), "Nyårsafton"),
        (date(2024, 3, 29), "Långfredagen"),
        (date(2024, 4, 1), "Annandag påsk"),
        (date(2024, 5, 9), "Kristi himmelsfärdsdag"),
        (date(2024, 6, 21), "Midsommarafton"),
    ],
)
def test_weekday_holidays_and_eves_are_not_working_days(day: date, name: str) -> None:
    assert day.weekday() < 5  # each example is a weekday, so only the holiday stops it
    assert not WITH_EVES.is_working_day(day)
    assert WITH_EVES.holiday_name(day) == name


@pytest.mark.parametrize("day", [date(2025, 6, 20), date(2025, 12, 24), date(2025, 12, 31)])
def test_without_eves_the_eves_are_working_days(day: date) -> None:
    assert WITHOUT_EVES.is_working_day(day)
    assert WITHOUT_EVES.holiday_name(day) is None


def test_midsummer_day_and_weekends_are_not_working_days() -> None:
    assert date(2025, 6, 21).weekday() == 5
    assert WITH_EVES.holiday_name(date(2025, 6, 21)) == "Midsommardagen"
    for cal in (WITH_EVES, WITHOUT_EVES):
        assert not cal.is_working_day(date(2025, 6, 21))
        assert not cal.is_working_day(date(2025, 3, 8))  # an ordinary Saturday
        assert not cal.is_working_day(date(2025, 3, 9))  # an ordinary Sunday
        assert cal.is_working_day(date(2025, 3, 10))  # an ordinary Monday


def test_ordinary_sundays_are_not_named_holidays() -> None:
    """The holidays package can list every Sunday as "Söndag"; we handle weekends ourselves."""
    assert WITH_EVES.holiday_name(date(2025, 3, 9)) is None
    sundays = [date(2025, 1, 5) + timedelta(weeks=w) for w in range(52)]
    named = {WITH_EVES.holiday_name(d) for d in sundays} - {None}
    assert named == {"Påskdagen", "Pingstdagen"}  # the only Sunday holidays in 2025


def test_pentecost_monday_was_a_holiday_until_2004_and_national_day_from_2005() -> None:
    assert WITH_EVES.holiday_name(date(2004, 5, 31)) == "Annandag pingst"
    assert not WITH_EVES.is_working_day(date(2004, 5, 31))
    assert WITH_EVES.is_working_day(date(2005, 5, 16))  # Whit Monday 2005: a working day
    assert WITH_EVES.holiday_name(date(2004, 6, 6)) is None
    assert not WITH_EVES.is_working_day(date(2005, 6, 6))  # a Monday holiday


def test_next_working_day_on_or_after() -> None:
    assert WITH_EVES.next_working_day_on_or_after(date(2025, 3, 10)) == date(2025, 3, 10)
    assert WITH_EVES.next_working_day_on_or_after(date(2025, 3, 8)) == date(2025, 3, 10)
    # Easter 2025: Good Friday 18 April to Easter Monday 21 April.
    assert WITH_EVES.next_working_day_on_or_after(date(2025, 4, 18)) == date(2025, 4, 22)
    # Christmas 2025: Wednesday 24 to Sunday 28 December.
    assert WITH_EVES.next_working_day_on_or_after(date(2025, 12, 24)) == date(2025, 12, 29)
    assert WITHOUT_EVES.next_working_day_on_or_after(date(2025, 12, 24)) == date(2025, 12, 24)


def test_years_without_holiday_data_are_a_clear_error() -> None:
    with pytest.raises(DeadlineError, match="2101"):
        WITH_EVES.is_working_day(date(2101, 3, 1))  # a Tuesday


# --- due dates: examples ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("received", "expected", "why"),
    [
        (date(2025, 3, 10), date(2025, 4, 10), "a plain Thursday"),
        (date(2024, 1, 31), date(2024, 2, 29), "leap year: Thursday 29 February"),
        (date(2025, 1, 31), date(2025, 2, 28), "non-leap year: Friday 28 February"),
        (date(2026, 1, 31), date(2026, 3, 2), "28 February 2026 is a Saturday"),
        (date(2025, 7, 31), date(2025, 9, 1), "31 August 2025 is a Sunday"),
        (date(2025, 4, 30), date(2025, 5, 30), "same date (30 May), not the month end"),
        (date(2025, 3, 18), date(2025, 4, 22), "Good Friday to Easter Monday"),
        (date(2025, 3, 21), date(2025, 4, 22), "Easter Monday 21 April"),
        (date(2025, 4, 29), date(2025, 5, 30), "Ascension Thursday 29 May"),
        (date(2025, 5, 6), date(2025, 6, 9), "National Day Friday 6 June, then a weekend"),
        (date(2025, 5, 20), date(2025, 6, 23), "midsummer eve, midsummer day, Sunday"),
        (date(2025, 11, 24), date(2025, 12, 29), "julafton Wednesday to Sunday 28th"),
        (date(2025, 11, 25), date(2025, 12, 29), "juldagen"),
        (date(2025, 11, 26), date(2025, 12, 29), "annandag jul"),
        (date(2025, 11, 30), date(2025, 12, 30), "an ordinary Tuesday between the holidays"),
        (date(2025, 12, 1), date(2026, 1, 2), "1 January is nyårsdagen; 2 January a Friday"),
        (date(2025, 10, 31), date(2025, 12, 1), "30 Nov Sunday (31 Nov does not exist)"),
    ],
)
def test_due_date_examples(received: date, expected: date, why: str) -> None:
    assert due_date(received) == expected, why


def test_due_date_on_nyarsafton_depends_on_the_eve_setting() -> None:
    # 31 December 2025 (Wednesday) is nyårsafton: with eves it rolls past nyårsdagen.
    assert due_date(date(2025, 10, 31), 2, WITH_EVES) == date(2026, 1, 2)
    assert due_date(date(2025, 10, 31), 2, WITHOUT_EVES) == date(2025, 12, 31)
    assert due_date(date(2025, 5, 20), calendar=WITHOUT_EVES) == date(2025, 6, 20)
    assert due_date(date(2025, 11, 24), calendar=WITHOUT_EVES) == date(2025, 12, 24)


def test_extended_due_date_is_three_months_rolled_the_same_way() -> None:
    assert extended_due_date(date(2025, 9, 24)) == date(2025, 12, 29)  # julafton Wednesday
    assert extended_due_date(date(2025, 9, 24), WITHOUT_EVES) == date(2025, 12, 24)
    assert extended_due_date(date(2023, 11, 30)) == date(2024, 2, 29)


def test_a_deadline_shorter_than_a_month_is_refused() -> None:
    with pytest.raises(DeadlineError, match="at least one month"):
        due_date(date(2025, 1, 1), 0)


# --- due dates: properties over 1990-2100 -------------------------------------------------


@given(receipts, months, calendars)
@prop
def test_due_date_is_a_working_day_soon_after_the_month_date(
    received: date, n: int, cal: SwedishCalendar
) -> None:
    nominal = add_calendar_months(received, n)
    due = due_date(received, n, cal)
    assert due >= nominal
    assert cal.is_working_day(due)
    assert (due - nominal).days <= MAX_ROLL_DAYS[cal.eves_are_holidays]
    # Every day skipped really was a non-working day.
    skipped = [nominal + timedelta(days=i) for i in range((due - nominal).days)]
    assert not any(cal.is_working_day(d) for d in skipped)


@given(receipts, st.integers(min_value=1, max_value=60), months, calendars)
@prop
def test_due_date_is_monotonic_in_the_receipt_date(
    received: date, later_by: int, n: int, cal: SwedishCalendar
) -> None:
    assert due_date(received, n, cal) <= due_date(received + timedelta(days=later_by), n, cal)


@given(receipts, calendars)
@prop
def test_extended_is_never_before_normal_and_eves_only_delay(
    received: date, cal: SwedishCalendar
) -> None:
    assert extended_due_date(received, cal) > due_date(received, 1, cal)
    assert due_date(received, 1, WITH_EVES) >= due_date(received, 1, WITHOUT_EVES)


def test_max_roll_is_reached_exactly() -> None:
    """MAX_ROLL_DAYS above is the real maximum, not a loose bound."""
    worst = {True: 0, False: 0}
    day = date(1990, 1, 1)
    while day <= date(2100, 12, 24):  # later days roll into 2101, beyond the data
        for cal in (WITH_EVES, WITHOUT_EVES):
            gap = (cal.next_working_day_on_or_after(day) - day).days
            worst[cal.eves_are_holidays] = max(worst[cal.eves_are_holidays], gap)
        day += timedelta(days=1)
    assert worst == MAX_ROLL_DAYS


# --- extensions -------------------------------------------------------------------------


def test_extension_must_be_told_within_the_first_month() -> None:
    received = date(2025, 5, 20)  # first-month deadline rolls to Monday 23 June
    check_extension(received, date(2025, 5, 20))
    check_extension(received, date(2025, 6, 23))
    with pytest.raises(ExtensionTooLate, match="2025-06-23") as info:
        check_extension(received, date(2025, 6, 24))
    assert isinstance(info.value, UserError) and info.value.hint


def test_extension_deadline_follows_the_eve_setting() -> None:
    received = date(2025, 5, 20)
    with pytest.raises(ExtensionTooLate):
        check_extension(received, date(2025, 6, 23), WITHOUT_EVES)  # due Friday 20 June


def test_extension_told_before_receipt_is_refused() -> None:
    with pytest.raises(DeadlineError, match="before the request"):
        check_extension(date(2025, 5, 20), date(2025, 5, 19))


# --- receipt day and clock --------------------------------------------------------------


def test_receipt_date_is_the_stockholm_day() -> None:
    # Summer (UTC+2): 22:30 UTC is 00:30 the next day in Stockholm.
    assert receipt_date(datetime(2025, 6, 30, 22, 30)) == date(2025, 7, 1)
    assert receipt_date(datetime(2025, 6, 30, 21, 59, tzinfo=UTC)) == date(2025, 6, 30)
    # Winter (UTC+1): 23:00 UTC is midnight.
    assert receipt_date(datetime(2025, 1, 31, 23, 0)) == date(2025, 2, 1)
    assert receipt_date(datetime(2025, 1, 31, 22, 59, 59)) == date(2025, 1, 31)
    # An aware timestamp from elsewhere is converted, not read as local.
    new_york = ZoneInfo("America/New_York")
    assert receipt_date(datetime(2025, 1, 31, 19, 0, tzinfo=new_york)) == date(2025, 2, 1)
    plus_two = timezone(timedelta(hours=2))
    assert receipt_date(datetime(2025, 1, 1, 0, 30, tzinfo=plus_two)) == date(2024, 12, 31)


def test_receipt_date_across_the_dst_switch() -> None:
    # 30 March 2025, 01:00 UTC: clocks in Stockholm jump from 02:00 to 03:00.
    assert receipt_date(datetime(2025, 3, 29, 22, 59)) == date(2025, 3, 29)
    assert receipt_date(datetime(2025, 3, 29, 23, 0)) == date(2025, 3, 30)
    # 26 October 2025: back from UTC+2 to UTC+1.
    assert receipt_date(datetime(2025, 10, 25, 22, 0)) == date(2025, 10, 26)
    assert receipt_date(datetime(2025, 10, 26, 22, 59)) == date(2025, 10, 26)
    assert receipt_date(datetime(2025, 10, 26, 23, 0)) == date(2025, 10, 27)


def test_deadline_start_under_both_identity_policies() -> None:
    received, verified = date(2025, 3, 3), date(2025, 3, 20)
    assert deadline_start(received, verified, clock_stops_for_identity=False) == received
    assert deadline_start(received, verified, clock_stops_for_identity=True) == verified
    assert deadline_start(received, None, clock_stops_for_identity=True) == received
    with pytest.raises(DeadlineError, match="before the"):
        deadline_start(received, date(2025, 3, 1), clock_stops_for_identity=True)


# --- days left and urgency --------------------------------------------------------------


def test_days_left() -> None:
    due = date(2025, 4, 10)
    assert days_left(due, date(2025, 4, 1)) == 9
    assert days_left(due, due) == 0
    assert days_left(due, date(2025, 4, 12)) == -2


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2025, 4, 1), Urgency.PLENTY),  # 9 days left
        (date(2025, 4, 2), Urgency.PLENTY),  # 8
        (date(2025, 4, 3), Urgency.SOON),  # 7
        (date(2025, 4, 10), Urgency.SOON),  # the due day itself still counts
        (date(2025, 4, 11), Urgency.OVERDUE),
    ],
)
def test_urgency(today: date, expected: Urgency) -> None:
    assert urgency(date(2025, 4, 10), today) is expected


def test_urgency_options() -> None:
    due = date(2025, 4, 10)
    assert urgency(due, date(2025, 4, 1), soon_days=10) is Urgency.SOON
    assert urgency(due, date(2025, 4, 10), soon_days=0) is Urgency.SOON
    assert urgency(due, date(2025, 5, 1), done=True) is Urgency.DONE
    with pytest.raises(DeadlineError, match="negative"):
        urgency(due, due, soon_days=-1)
