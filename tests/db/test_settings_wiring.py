"""Settings the officer edits reach the services that apply them."""

from __future__ import annotations

import json

from privacy_desk.bootstrap import open_context
from privacy_desk.domain.allowance import AllowancePeriod
from privacy_desk.paths import AppPaths


def test_the_allowance_period_setting_reaches_the_case_store(app_paths: AppPaths) -> None:
    """settings.json {"queue": {"allowance_period": ...}} decides what 'a year' means."""
    app_paths.settings_file.write_text(
        json.dumps({"queue": {"allowance_period": "rolling_12_months"}}), encoding="utf-8")
    ctx = open_context(app_paths, demo=True)
    try:
        assert ctx.case_store.allowance_period is AllowancePeriod.ROLLING_12_MONTHS
    finally:
        ctx.close()
    app_paths.settings_file.write_text("{}", encoding="utf-8")
    ctx = open_context(app_paths, demo=True)
    try:
        assert ctx.case_store.allowance_period is AllowancePeriod.CALENDAR_YEAR
    finally:
        ctx.close()
