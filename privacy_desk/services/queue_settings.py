"""The queue's settings: how often to import from the portal, and what "a year" means.

Stored under the key ``"queue"`` of the user's settings.json (see :mod:`privacy_desk.paths`),
e.g. ``{"queue": {"intake_interval_seconds": 300, "allowance_period": "rolling_12_months"}}``.
A missing file or key means the defaults; a value that makes no sense is a clear error
rather than a silent default, because the allowance period decides who pays.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from privacy_desk.domain.allowance import DEFAULT_MAX_FEE_SEK, AllowancePeriod
from privacy_desk.errors import UserError
from privacy_desk.messages import msg

DEFAULT_INTAKE_SECONDS = 300
#: Importing more often than this only loads the portal; less often than daily misses the point.
MIN_INTAKE_SECONDS, MAX_INTAKE_SECONDS = 10, 24 * 3600
#: The default retention before minimising a finished case: three years (the general
#: limitation period for claims, preskriptionslagen 2 §, was the company's choice here).
DEFAULT_MINIMISE_MONTHS = 36
MIN_MINIMISE_MONTHS, MAX_MINIMISE_MONTHS = 1, 600


@dataclass(frozen=True)
class QueueSettings:
    intake_interval_seconds: int = DEFAULT_INTAKE_SECONDS
    allowance_period: AllowancePeriod = AllowancePeriod.CALENDAR_YEAR
    #: Count the month from the day identity was verified, not from receipt (policy).
    clock_stops_for_identity: bool = False
    #: The highest fee an allowance decision may charge, in kronor (art. 12(5), 15(3)).
    max_fee_sek: Decimal = DEFAULT_MAX_FEE_SEK
    #: Months after which an erased or closed case's identifiers are minimised (the
    #: company's retention rule; ``privacy-desk store minimise`` applies it).
    minimise_after_months: int = DEFAULT_MINIMISE_MONTHS

    @classmethod
    def load(cls, settings_file: Path) -> QueueSettings:
        """Read the settings; defaults when the file or the section is absent."""
        try:
            raw = json.loads(settings_file.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as exc:
            raise UserError(msg("The settings file {settings_file} cannot be read ({exc}).",
                                settings_file=settings_file, exc=exc),
                            msg("Fix or delete it; the defaults are used when it is "
                                "absent.")) from exc
        section = raw.get("queue", {}) if isinstance(raw, dict) else None
        if not isinstance(section, dict):
            raise UserError(msg("The 'queue' settings in {settings_file} are not a JSON object.",
                                settings_file=settings_file),
                            msg("Write them as "
                                "{{\"queue\": {{\"intake_interval_seconds\": 300}}}}."))
        interval = section.get("intake_interval_seconds", DEFAULT_INTAKE_SECONDS)
        if (not isinstance(interval, int) or isinstance(interval, bool)
                or not MIN_INTAKE_SECONDS <= interval <= MAX_INTAKE_SECONDS):
            raise UserError(
                msg("intake_interval_seconds in {settings_file} must be a whole number of "
                    "seconds between {min_intake_seconds} and {max_intake_seconds}.",
                    settings_file=settings_file, min_intake_seconds=MIN_INTAKE_SECONDS,
                    max_intake_seconds=MAX_INTAKE_SECONDS),
                msg("Fix the value; 300 (five minutes) is the default."))
        period = AllowancePeriod.parse(str(section.get("allowance_period",
                                                       AllowancePeriod.CALENDAR_YEAR.value)))
        stops = section.get("clock_stops_for_identity", False)
        if not isinstance(stops, bool):
            raise UserError(msg("clock_stops_for_identity in {settings_file} must be true or "
                                "false.",
                                settings_file=settings_file),
                            msg("Fix the value; false (the clock runs from receipt) is the "
                                "default."))
        raw_max = section.get("max_fee_sek", str(DEFAULT_MAX_FEE_SEK))
        try:
            max_fee = Decimal(str(raw_max))
        except InvalidOperation:
            max_fee = Decimal(-1)
        if isinstance(raw_max, bool) or not max_fee.is_finite() or max_fee <= 0:
            raise UserError(f"max_fee_sek in {settings_file} must be a positive amount in kronor.",
                            f"Fix the value; {DEFAULT_MAX_FEE_SEK} is the default.")
        months = section.get("minimise_after_months", DEFAULT_MINIMISE_MONTHS)
        if (not isinstance(months, int) or isinstance(months, bool)
                or not MIN_MINIMISE_MONTHS <= months <= MAX_MINIMISE_MONTHS):
            raise UserError(
                f"minimise_after_months in {settings_file} must be a whole number of months "
                f"between {MIN_MINIMISE_MONTHS} and {MAX_MINIMISE_MONTHS}.",
                f"Fix the value; {DEFAULT_MINIMISE_MONTHS} is the default.")
        return cls(interval, period, stops, max_fee, months)
