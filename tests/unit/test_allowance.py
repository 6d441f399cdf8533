"""The yearly free extract and the recorded decision on requests beyond it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privacy_desk.domain.allowance import (
    AllowanceDecision,
    AllowanceError,
    AllowancePeriod,
    DecisionKind,
    InsufficientReasoning,
    InvalidDecision,
    InvalidFee,
    MissingReason,
    extracts_in_period,
    is_free,
    needs_decision,
    period_start,
)
from privacy_desk.domain.requests import RequestType
from privacy_desk.errors import UserError

CAL = AllowancePeriod.CALENDAR_YEAR
ROLL = AllowancePeriod.ROLLING_12_MONTHS
SOLID_REASON = (
    "Fourth identical request this year; the previous three extracts were sent "
    "on 3 February, 4 March and 2 April and nothing has changed since."
)


# --- periods ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("on", "period", "start"),
    [
        (date(2025, 1, 1), CAL, date(2025, 1, 1)),
        (date(2025, 12, 31), CAL, date(2025, 1, 1)),
        (date(2025, 3, 15), ROLL, date(2024, 3, 16)),
        (date(2025, 1, 1), ROLL, date(2024, 1, 2)),
        (date(2025, 3, 1), ROLL, date(2024, 3, 2)),
        (date(2025, 2, 28), ROLL, date(2024, 2, 29)),
        (date(2024, 2, 29), ROLL, date(2023, 3, 1)),
    ],
)
def test_period_start(on: date, period: AllowancePeriod, start: date) -> None:
    assert period_start(on, period) == start


def test_default_period_is_the_calendar_year() -> None:
    assert period_start(date(2025, 7, 1)) == date(2025, 1, 1)
    assert AllowancePeriod.parse("rolling 12 months") is ROLL


def test_unknown_period_is_a_user_error() -> None:
    with pytest.raises(AllowanceError, match="'monthly' is not a known allowance period"):
        period_start(date(2025, 1, 1), "monthly")  # type: ignore[arg-type]


# --- around the year end ----------------------------------------------------------------


def test_calendar_year_resets_on_new_years_day() -> None:
    history = [date(2024, 12, 30)]
    assert not is_free(history, date(2024, 12, 31), CAL)
    assert is_free(history, date(2025, 1, 1), CAL)  # a new calendar year, a new free extract


def test_rolling_twelve_months_does_not_reset_on_new_years_day() -> None:
    history = [date(2024, 12, 30)]
    assert not is_free(history, date(2025, 1, 1), ROLL)
    assert not is_free(history, date(2025, 12, 29), ROLL)
    assert is_free(history, date(2025, 12, 30), ROLL)  # the anniversary frees a new one


def test_january_extract_blocks_the_whole_calendar_year_but_not_longer() -> None:
    history = [date(2025, 1, 2)]
    assert not is_free(history, date(2025, 12, 31), CAL)
    assert not is_free(history, date(2025, 12, 31), ROLL)
    assert is_free(history, date(2026, 1, 2), ROLL)
    assert is_free(history, date(2026, 1, 1), CAL)


def test_counting_ignores_later_and_earlier_dates() -> None:
    history = [date(2023, 6, 1), date(2024, 6, 1), date(2025, 2, 1), date(2025, 9, 1)]
    assert extracts_in_period(history, date(2025, 5, 1), CAL) == 1
    assert extracts_in_period(history, date(2025, 5, 1), ROLL) == 2
    assert extracts_in_period(history, date(2025, 9, 1), CAL) == 2  # the same day counts
    assert extracts_in_period(iter(history), date(2022, 1, 1), CAL) == 0  # any iterable


def test_more_free_extracts_per_period() -> None:
    history = [date(2025, 2, 1)]
    assert is_free(history, date(2025, 3, 1), CAL, free_per_period=2)
    assert not is_free([*history, date(2025, 3, 1)], date(2025, 3, 2), CAL, free_per_period=2)
    with pytest.raises(AllowanceError, match="at least 1"):
        is_free(history, date(2025, 3, 1), CAL, free_per_period=0)


dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31))


@given(st.lists(dates, max_size=6), dates, st.sampled_from(list(AllowancePeriod)))
@settings(max_examples=300, deadline=None, derandomize=True)
def test_period_properties(history: list[date], on: date, period: AllowancePeriod) -> None:
    start = period_start(on, period)
    assert start <= on
    assert (on - start).days <= 365  # never longer than a year (366 days incl. both ends)
    count = extracts_in_period(history, on, period)
    assert count == len([d for d in history if start <= d <= on])
    assert is_free(history, on, period) == (count == 0)
    # The first copy ever is always free.
    assert is_free([d for d in history if d > on], on, period)


# --- needs_decision ---------------------------------------------------------------------


def test_only_extracts_beyond_the_allowance_need_a_decision() -> None:
    history = [date(2025, 2, 1)]
    assert not needs_decision([], date(2025, 3, 1))
    assert needs_decision(history, date(2025, 3, 1))
    assert needs_decision(history, date(2025, 3, 1), ROLL)
    assert not needs_decision(history, date(2026, 1, 1), CAL)
    assert needs_decision(history, date(2026, 1, 1), ROLL)
    for other in RequestType:
        if other is not RequestType.ACCESS:
            assert not needs_decision(history, date(2025, 3, 1), request_type=other)
    with pytest.raises(AllowanceError):
        needs_decision(history, date(2025, 3, 1), free_per_period=-1)
    with pytest.raises(AllowanceError):
        needs_decision([], date(2025, 3, 1), free_per_period=0, request_type=RequestType.ERASURE)


# --- decisions --------------------------------------------------------------------------


def test_valid_decisions() -> None:
    free = AllowanceDecision(DecisionKind.FREE_ANYWAY, "  Our earlier extract was incomplete. ")
    assert free.reason == "Our earlier extract was incomplete." and free.fee_sek is None
    fee = AllowanceDecision(DecisionKind.FEE, "Second extract within the year.", Decimal("150"))
    assert fee.fee_sek == Decimal("150.00") and fee.kind is DecisionKind.FEE
    refused = AllowanceDecision(DecisionKind.REFUSED, SOLID_REASON)
    assert refused.kind is DecisionKind.REFUSED
    stored = AllowanceDecision("fee", "Second extract.", "99,50")  # type: ignore[arg-type]
    assert stored.kind is DecisionKind.FEE and stored.fee_sek == Decimal("99.50")
    assert AllowanceDecision(DecisionKind.FEE, "Second.", 200).fee_sek == Decimal(200)  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", list(DecisionKind))
@pytest.mark.parametrize("reason", ["", "   "])
def test_every_decision_needs_a_reason(kind: DecisionKind, reason: str) -> None:
    fee = Decimal(100) if kind is DecisionKind.FEE else None
    with pytest.raises(MissingReason, match="needs a written reason") as info:
        AllowanceDecision(kind, reason, fee)
    assert isinstance(info.value, InvalidDecision) and isinstance(info.value, UserError)
    assert info.value.hint


@pytest.mark.parametrize(
    ("fee", "match"),
    [
        (None, "needs the amount"),
        (Decimal(0), "positive"),
        (Decimal(-50), "positive"),
        (Decimal("NaN"), "positive"),
        (Decimal("Infinity"), "positive"),
        (Decimal("12.345"), "fractions of an öre"),
        (150.0, "not an exact amount"),
        (True, "not an exact amount"),
        ("a lot", "not an amount"),
    ],
)
def test_fee_must_be_a_positive_exact_amount(fee: object, match: str) -> None:
    with pytest.raises(InvalidFee, match=match):
        AllowanceDecision(DecisionKind.FEE, "Second extract this year.", fee)  # type: ignore[arg-type]


@pytest.mark.parametrize("kind", [DecisionKind.FREE_ANYWAY, DecisionKind.REFUSED])
def test_only_a_fee_decision_carries_an_amount(kind: DecisionKind) -> None:
    with pytest.raises(InvalidFee, match="cannot carry a fee"):
        AllowanceDecision(kind, SOLID_REASON, Decimal(100))


@pytest.mark.parametrize(
    "reason",
    [
        "Excessive.",
        "Manifestly unfounded request, repeated.",  # 5 words
        "a b c d e f g h",  # 8 words but 15 characters
    ],
)
def test_refusal_needs_reasoning_of_substance(reason: str) -> None:
    with pytest.raises(InsufficientReasoning, match="manifestly unfounded or excessive"):
        AllowanceDecision(DecisionKind.REFUSED, reason)
    # The same reason is enough for the lighter decisions.
    AllowanceDecision(DecisionKind.FREE_ANYWAY, reason)


def test_unknown_decision_kind_is_a_user_error() -> None:
    with pytest.raises(InvalidDecision, match="'waived' is not a known decision"):
        AllowanceDecision("waived", "Because.")  # type: ignore[arg-type]
    assert DecisionKind.parse("Free anyway") is DecisionKind.FREE_ANYWAY


def test_decisions_are_immutable() -> None:
    decision = AllowanceDecision(DecisionKind.FREE_ANYWAY, "Goodwill after a complaint.")
    with pytest.raises(AttributeError):
        decision.reason = "changed"  # type: ignore[misc]
