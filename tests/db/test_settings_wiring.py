"""Settings the officer edits reach the services that apply them."""

from __future__ import annotations

import json
from datetime import date

from privacy_desk.domain.allowance import AllowancePeriod
from privacy_desk.domain.deadlines import ExtensionTooLate
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.paths import AppPaths
from privacy_desk.services.cases import register_case, transition_case
from privacy_desk.services.casework import verify_identity
from privacy_desk.services.context import open_context, open_signed_in_store


def test_the_allowance_period_setting_reaches_the_case_store(app_paths: AppPaths) -> None:
    """settings.json {"queue": {"allowance_period": ...}} decides what 'a year' means."""
    app_paths.settings_file.write_text(
        json.dumps({"queue": {"allowance_period": "rolling_12_months",
                              "intake_interval_seconds": 120}}), encoding="utf-8")
    ctx = open_context(app_paths, demo=True)
    try:
        assert ctx.case_store.allowance_period is AllowancePeriod.ROLLING_12_MONTHS
        assert ctx.queue.intake_interval_seconds == 120  # the main window's intake timer
    finally:
        ctx.close()
    app_paths.settings_file.write_text("{}", encoding="utf-8")
    ctx = open_context(app_paths, demo=True)
    try:
        assert ctx.case_store.allowance_period is AllowancePeriod.CALENDAR_YEAR
    finally:
        ctx.close()


def _case_through_identity_and_extension(app_paths: AppPaths, clock_stops: bool
                                         ) -> tuple[date, date | None, str | None]:
    """Received 31 January, identity verified 10 February, extension told 5 March."""
    app_paths.settings_file.write_text(json.dumps(
        {"queue": {"clock_stops_for_identity": clock_stops}}), encoding="utf-8")
    ctx = open_context(app_paths, demo=True)
    try:
        store = ctx.case_store
        d = register_case(store, request_type=RequestType.ACCESS, channel=Channel.PAPER,
                          received_on=date(2026, 1, 31), person_label="Testperson",
                          today=date(2026, 2, 1))
        d = verify_identity(store, d.case_id, method="id_document", evidence="ID card seen",
                            verified_on=date(2026, 2, 10), expected_version=d.version,
                            today=date(2026, 2, 10))
        due = d.due_on
        d = transition_case(store, d.case_id, CaseStatus.IN_PROGRESS, actor=ctx.officer,
                            reason=None, expected_version=d.version, today=date(2026, 2, 10))
        try:
            d = transition_case(store, d.case_id, CaseStatus.EXTENDED, actor=ctx.officer,
                                reason="Many systems to search", expected_version=d.version,
                                today=date(2026, 3, 5), told_on=date(2026, 3, 5))
            return due, d.extended_due_on, None
        except ExtensionTooLate as exc:
            return due, None, exc.message
    finally:
        ctx.close()


def test_by_default_the_month_runs_from_receipt(app_paths: AppPaths) -> None:
    due, extended, refusal = _case_through_identity_and_extension(app_paths, False)
    assert due == date(2026, 3, 2)  # 28 February is a Saturday: rolled to Monday
    assert extended is None and refusal  # told on 5 March: the first month had passed


def test_policy_can_start_the_month_when_identity_is_verified(app_paths: AppPaths) -> None:
    due, extended, refusal = _case_through_identity_and_extension(app_paths, True)
    assert due == date(2026, 3, 10)  # one month from 10 February
    assert refusal is None and extended == date(2026, 5, 11)  # 10 May is a Sunday


def test_headless_commands_open_the_store_with_the_same_queue_policy(app_paths: AppPaths,
                                                                    ) -> None:
    """A `privacy-desk case ...` command counts deadlines as the GUI does."""
    app_paths.settings_file.write_text(json.dumps(
        {"queue": {"allowance_period": "rolling_12_months", "clock_stops_for_identity": True}}),
        encoding="utf-8")
    store, _who = open_signed_in_store(app_paths)
    try:
        assert store.allowance_period is AllowancePeriod.ROLLING_12_MONTHS
        assert store.clock_stops_for_identity is True
    finally:
        store.close()
