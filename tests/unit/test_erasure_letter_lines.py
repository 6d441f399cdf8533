"""The erasure letter tells the whole truth: erased, anonymised and pseudonymised named as
such, every kept row with its reason (shared logins too), held rows by their own end date and
year, plural words, and who was told (art. 19)."""

from __future__ import annotations

from datetime import date

import pytest

from privacy_desk.datamap.loader import load_datamap
from privacy_desk.datamap.model import DataMap, Erasure
from privacy_desk.portal.erasure import (
    Action,
    ErasurePlan,
    FieldChange,
    HoldInfo,
    KeepReason,
    RowPlan,
)
from privacy_desk.reports.erasure_letter import letter_lines
from privacy_desk.resources import resource_path

LAW = "Bokföringslagen (1999:1078) 7 kap. 2 §"


@pytest.fixture(scope="module")
def datamap() -> DataMap:
    return load_datamap(resource_path("datamaps", "demo-portal.yaml"))


def _invoice(n: int, year: int) -> RowPlan:
    return RowPlan("invoices", {"id": n}, Action.KEEP, (), ("financial",),
                   HoldInfo("bookkeeping", LAW, date(year, 5, 1), date(year + 8, 1, 1)),
                   KeepReason.HOLD)


def _plan() -> ErasurePlan:
    rows = (
        RowPlan("addresses", {"id": 1}, Action.DELETE, (), ("address",)),
        RowPlan("addresses", {"id": 2}, Action.DELETE, (), ("address",)),
        RowPlan("customers", {"id": 7}, Action.UPDATE,
                (FieldChange("phone", Erasure.SET_NULL, "contact"),
                 FieldChange("name", Erasure.PSEUDONYMISE, "identity")), ("contact", "identity")),
        RowPlan("portal_accounts", {"id": 3}, Action.KEEP, (), ("usage", "contact"),
                kept_because=KeepReason.SHARED),
        *(_invoice(n, 2023) for n in range(12)), _invoice(99, 2025),
    )
    return ErasurePlan("erasure", {}, date(2026, 12, 1), rows)


def test_everything_done_and_kept_is_named(datamap: DataMap) -> None:
    lines = letter_lines(_plan(), datamap, "sv")
    assert "Adressuppgifter (Adresser): 2 poster har raderats helt." in lines.erased
    assert any("anonymisering" in x and "1 post" in x for x in lines.erased)
    assert len(lines.pseudonymised) == 1 and "inte anonymisering" in lines.pseudonymised[0]
    kept = " | ".join(lines.kept)
    assert "12 poster från 2023" in kept and "till och med 2030-12-31" in kept
    assert "1 post från 2025" in kept and "till och med 2032-12-31" in kept
    assert "hör till en annan person" in kept  # the shared login is kept, and said so
    assert "(s)" not in kept and "(er)" not in kept


def test_recipients_told_and_to_tell(datamap: DataMap) -> None:
    lines = letter_lines(_plan(), datamap, "en",
                         told=[("Exempeltryckeriet AB", date(2026, 12, 1))])
    assert "Exempeltryckeriet AB: told on 2026-12-01." in lines.recipients
    assert "Utskicksbolaget Exempel AB: will be told of the erasure." in lines.recipients
    assert sum("Exempeltryckeriet" in r for r in lines.recipients) == 1
