"""The yearly free extract, and the recorded decision when a request goes beyond it.

The policy promises one free extract (registerutdrag) per year; GDPR art. 12(5) and 15(3)
let the company charge a reasonable fee for further copies, or refuse requests that are
manifestly unfounded or excessive. The company must be able to show why, so a decision
beyond the allowance cannot be made without a written reason, and a refusal needs
reasoning of some substance.

Which dates to pass as ``previous_extract_dates`` is the caller's choice of policy: the
usual one is the dates extracts were actually provided (free or for a fee). Every request
still counts in the person's history, where repetitiveness can be judged.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Self

from privacy_desk.domain._parsing import parse_member
from privacy_desk.domain.deadlines import add_calendar_months
from privacy_desk.domain.requests import RequestType
from privacy_desk.errors import UserError
from privacy_desk.messages import Message, msg

#: The highest fee the desk accepts unless the company sets another (a setting): a fee must
#: be reasonable and based on administrative cost (art. 12(5), 15(3)), never a deterrent.
DEFAULT_MAX_FEE_SEK = Decimal("500")

#: A refusal is the heaviest decision and the company bears the burden of proof, so its
#: reasoning must be more than a word or two.
MIN_REFUSAL_REASON_CHARS = 40
MIN_REFUSAL_REASON_WORDS = 6


class AllowancePeriod(enum.StrEnum):
    """What "once a year" means: per calendar year (default) or any rolling 12 months."""

    CALENDAR_YEAR = "calendar_year"
    ROLLING_12_MONTHS = "rolling_12_months"

    @classmethod
    def parse(cls, text: str) -> Self:
        """Read a period from settings or user input; UserError if unknown."""
        return parse_member(cls, text, "allowance period")


class AllowanceError(UserError):
    """The allowance was asked about with settings that make no sense."""


def _period(value: AllowancePeriod | str) -> AllowancePeriod:
    """Accept a stored string too, but turn an unknown one into a clear error."""
    try:
        return AllowancePeriod(value)
    except ValueError:
        raise AllowanceError(
            msg("{value} is not a known allowance period.", value=repr(value)),
            msg("Use one of: {choices}.", choices=', '.join(p.value for p in AllowancePeriod)),
        ) from None


def period_start(on: date, period: AllowancePeriod = AllowancePeriod.CALENDAR_YEAR) -> date:
    """The first day of the allowance period that contains ``on``.

    Rolling: the 12 months ending on ``on``, so an extract given on 15 March 2024 no longer
    counts on 15 March 2025 (the anniversary frees a new extract).
    """
    period = _period(period)
    if period is AllowancePeriod.CALENDAR_YEAR:
        return date(on.year, 1, 1)
    return add_calendar_months(on, -12) + timedelta(days=1)


def extracts_in_period(
    previous_extract_dates: Iterable[date],
    on: date,
    period: AllowancePeriod = AllowancePeriod.CALENDAR_YEAR,
) -> int:
    """How many of the earlier extracts fall in the period containing ``on``.

    Dates after ``on`` are ignored, so a request can be re-evaluated as of its own day.
    """
    start = period_start(on, period)
    return sum(1 for d in previous_extract_dates if start <= d <= on)


def _check_free_per_period(free_per_period: int) -> None:
    if free_per_period < 1:
        raise AllowanceError(
            msg("The number of free extracts per period must be at least 1, not "
                "{free_per_period}.", free_per_period=free_per_period),
            msg("The first copy is always free (GDPR art. 15(3)); the policy promises one a "
                "year."),
        )


def is_free(
    previous_extract_dates: Iterable[date],
    on: date,
    period: AllowancePeriod = AllowancePeriod.CALENDAR_YEAR,
    free_per_period: int = 1,
) -> bool:
    """Whether an extract requested on ``on`` is within the free allowance."""
    _check_free_per_period(free_per_period)
    return extracts_in_period(previous_extract_dates, on, period) < free_per_period


def needs_decision(
    previous_extract_dates: Iterable[date],
    on: date,
    period: AllowancePeriod = AllowancePeriod.CALENDAR_YEAR,
    free_per_period: int = 1,
    *,
    request_type: RequestType = RequestType.ACCESS,
) -> bool:
    """Whether an officer must record an :class:`AllowanceDecision` before answering.

    Only extracts (access requests) are counted against the yearly allowance; the other
    rights are answered free of charge unless an officer judges them manifestly unfounded,
    which is a decision the officer starts, not one this rule demands.
    """
    if RequestType(request_type) is not RequestType.ACCESS:
        _check_free_per_period(free_per_period)
        return False
    return not is_free(previous_extract_dates, on, period, free_per_period)


class DecisionKind(enum.StrEnum):
    """What the company does with an extract request beyond the allowance."""

    FREE_ANYWAY = "free_anyway"
    FEE = "fee"
    REFUSED = "refused"

    @classmethod
    def parse(cls, text: str) -> Self:
        """Read a decision kind from user input; UserError if unknown."""
        return parse_member(cls, text, "decision")


class InvalidDecision(UserError):
    """An allowance decision that cannot be recorded as given."""


class MissingReason(InvalidDecision):
    """A decision without the written reason the company needs to show later."""


class InsufficientReasoning(InvalidDecision):
    """A refusal whose reasoning is too thin to carry the burden of proof."""


class InvalidFee(InvalidDecision):
    """A fee that is missing, not positive, not in whole öre, or given where none belongs."""


def _to_fee(value: object) -> Decimal:
    """Read a fee exactly; floats are refused because they cannot hold öre exactly."""
    if isinstance(value, bool | float):
        raise InvalidFee(
            msg("The fee {value} is not an exact amount.", value=repr(value)),
            msg("Give it as a decimal, e.g. 150.00."),
        )
    try:
        fee = Decimal(str(value).strip().replace(",", ".").replace(" ", ""))
    except InvalidOperation:
        raise InvalidFee(
            msg("The fee {value} is not an amount in kronor.", value=repr(value)),
            msg("Give it as a number, e.g. 150."),
        ) from None
    if not fee.is_finite() or fee <= 0:
        raise InvalidFee(
            msg("A fee must be a positive amount, not {value}.", value=value),
            msg("Give the administrative cost in kronor, e.g. 150, or choose 'free anyway'."),
        )
    if fee != fee.quantize(Decimal("0.01")):
        raise InvalidFee(
            msg("The fee {value} has fractions of an öre.", value=value),
            msg("Round it to at most two decimals."),
        )
    return fee


@dataclass(frozen=True)
class AllowanceDecision:
    """The officer's recorded decision on an extract request beyond the free allowance.

    Validated on construction, so a decision that could not be defended is never stored:
    every kind needs a reason, a fee needs a positive amount (kronor, at most two
    decimals), and a refusal needs reasoning of at least a sentence. The reason is kept
    stripped; the fee is normalised to a :class:`~decimal.Decimal`.
    """

    kind: DecisionKind
    reason: str
    fee_sek: Decimal | None = None

    def __post_init__(self) -> None:
        try:
            kind = DecisionKind(self.kind)
        except ValueError:
            raise InvalidDecision(
                msg("{kind} is not a known decision.", kind=repr(self.kind)),
                msg("Use one of: {choices}.", choices=', '.join(k.value for k in DecisionKind)),
            ) from None
        reason = (self.reason or "").strip()
        if not reason:
            raise MissingReason(
                msg("A decision to {verb} needs a written reason.", verb=_VERBS[kind]),
                msg("Write down why; the company must be able to show it later."),
            )
        fee: Decimal | None = None
        if kind is DecisionKind.FEE:
            if self.fee_sek is None:
                raise InvalidFee(
                    msg("A decision to charge a fee needs the amount."),
                    msg("Give the administrative cost in kronor, e.g. 150."),
                )
            fee = _to_fee(self.fee_sek)
        elif self.fee_sek is not None:
            raise InvalidFee(
                msg("A decision to {verb} cannot carry a fee ({fee_sek}).",
                    verb=_VERBS[kind], fee_sek=self.fee_sek),
                msg("Remove the amount, or choose 'fee' as the decision."),
            )
        if kind is DecisionKind.REFUSED and (
            len(reason) < MIN_REFUSAL_REASON_CHARS or len(reason.split()) < MIN_REFUSAL_REASON_WORDS
        ):
            raise InsufficientReasoning(
                msg("A refusal needs written reasoning showing why the request is manifestly "
                    "unfounded or excessive; the reason given is too short."),
                msg("Explain it in at least {words} words and {chars} characters, e.g. how many "
                    "requests came when.",
                    words=MIN_REFUSAL_REASON_WORDS, chars=MIN_REFUSAL_REASON_CHARS),
            )
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "reason", reason)
        object.__setattr__(self, "fee_sek", fee)


def check_fee_limit(decision: AllowanceDecision, max_fee_sek: Decimal) -> None:
    """Refuse a fee above the company's maximum: the law allows a reasonable fee based on
    administrative cost, and the company must be able to show it is one."""
    if decision.fee_sek is not None and decision.fee_sek > max_fee_sek:
        raise InvalidFee(
            msg("A fee of {fee} kr is above the maximum of {max} kr the company has set.",
                fee=decision.fee_sek, max=max_fee_sek),
            msg("A fee must be reasonable and based on the administrative cost of the copy "
                "(GDPR art. 12(5), 15(3)); lower it, or change the maximum in the settings."))


def decision_words(kind: DecisionKind) -> Message:
    """The decision as a case event names it, in the reader's language."""
    return _DECISION_WORDS[kind]


_DECISION_WORDS: dict[DecisionKind, Message] = {
    DecisionKind.FREE_ANYWAY: msg("Free of charge anyway"),
    DecisionKind.FEE: msg("Fee charged"),
    DecisionKind.REFUSED: msg("Refused"),
}

_VERBS: dict[DecisionKind, Message] = {
    DecisionKind.FREE_ANYWAY: msg("give the extract free anyway"),
    DecisionKind.FEE: msg("charge a fee"),
    DecisionKind.REFUSED: msg("refuse the request"),
}
