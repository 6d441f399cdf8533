"""The allowance line of the case form counts in words: no "(s)" in English, the Swedish
from the translation, and the note when minimised cases cannot be matched."""

from __future__ import annotations

from datetime import date

import pytest
from pytestqt.qtbot import QtBot

from privacy_desk.casestore.persons import AllowanceStatus
from privacy_desk.domain.allowance import AllowancePeriod
from privacy_desk.ui.case_detail import _allowance_text

pytestmark = pytest.mark.gui


def _status(counted: int, *, unmatched: bool = False) -> AllowanceStatus:
    return AllowanceStatus(case_id=1, applies=True, period=AllowancePeriod.CALENDAR_YEAR,
                           period_start=date(2026, 1, 1), on=date(2026, 12, 1),
                           counted_cases=tuple(f"PD-2026-{n:05d}" for n in range(counted)),
                           free=True, decision=None, minimised_unmatched=unmatched)


def test_the_free_allowance_in_words(qtbot: QtBot) -> None:
    assert _allowance_text(_status(0)) == "Free: no earlier extract since 2026-01-01"
    assert _allowance_text(_status(1)) == "Free: 1 earlier extract since 2026-01-01"
    assert _allowance_text(_status(2)) == "Free: 2 earlier extracts since 2026-01-01"
    assert "store key import" in _allowance_text(_status(0, unmatched=True))
