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
    assert "12 poster från 2023" in kept and "till och med 31 december 2030" in kept
    assert "1 post från 2025" in kept and "till och med 31 december 2032" in kept
    assert "hör till en annan person" in kept  # the shared login is kept, and said so
    assert "(s)" not in kept and "(er)" not in kept


def test_recipients_told_and_to_tell(datamap: DataMap) -> None:
    lines = letter_lines(_plan(), datamap, "en",
                         told=[("Exempeltryckeriet AB", date(2026, 12, 1)),
                               ("Exempeltryckeriet AB", date(2026, 12, 2))])  # sv and en
    assert "Exempeltryckeriet AB: told on 1 December 2026." in lines.recipients
    assert "Utskicksbolaget Exempel AB: will be told of the erasure." in lines.recipients
    assert sum("Exempeltryckeriet" in r for r in lines.recipients) == 1


def test_each_row_is_said_once_under_its_first_category(datamap: DataMap) -> None:
    """Review item 8: a row of two categories was listed (and counted) twice."""
    rows = (RowPlan("newsletter_subscriptions", {"id": 1}, Action.DELETE, (),
                    ("consent", "contact")),
            RowPlan("portal_accounts", {"id": 2}, Action.DELETE, (), ("usage", "contact")))
    lines = letter_lines(ErasurePlan("erasure", {}, date(2026, 12, 1), rows), datamap, "sv")
    assert len(lines.erased) == 2
    assert sum("Prenumeration på nyhetsbrevet" in x for x in lines.erased) == 1
    assert sum("Konto på Min sida" in x for x in lines.erased) == 1
    assert not any(x.startswith("Kontaktuppgifter") for x in lines.erased)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_dates_laws_and_fields_read_as_sentences(datamap: DataMap, lang: str) -> None:
    """Review items 3, 10, 11, 12: dates in words, the law in the sentence's language,
    field titles lower case joined with 'och'/'and', no 'Addresses (Addresses)'."""
    rows = (RowPlan("customers", {"id": 7}, Action.UPDATE,
                    (FieldChange("email", Erasure.SET_NULL, "contact"),
                     FieldChange("phone", Erasure.SET_NULL, "contact")), ("contact",)),
            RowPlan("addresses", {"id": 1}, Action.DELETE, (), ("address",)),
            _invoice(1, 2023))
    lines = letter_lines(ErasurePlan("erasure", {}, date(2026, 12, 1), rows), datamap, lang)
    text = " | ".join((*lines.erased, *lines.kept))
    if lang == "sv":
        assert "e-postadress och telefonnummer har tömts" in text
        assert "enligt bokföringslagen (1999:1078) 7 kap. 2 § till och med 31 december 2030" \
            in text
    else:
        assert "e-mail address and phone number emptied" in text
        assert ("under the Swedish Accounting Act (Bokföringslagen 1999:1078), chapter 7, "
                "section 2 until 31 December 2030") in text
        assert "Addresses: 1 record deleted entirely." in text
        assert "Addresses (Addresses)" not in text
    assert "2030-12-31" not in text and "Bokföringslagen (1999" not in text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_letter_has_the_house_style(datamap: DataMap, lang: str) -> None:
    """Review item 7: footer with org.nr and 'page x of y', the date in words, the address
    block, the contact line with the case number and the DPO, no greeting by e-mail."""
    import io
    import re

    from pypdf import PdfReader

    from privacy_desk.reports.erasure_letter import build_erasure_letter
    from privacy_desk.reports.letterhead import DEMO_LETTERHEAD

    many = (*_plan().rows, *(_invoice(n, 2000 + n % 20) for n in range(100, 160)))
    pdf = build_erasure_letter(ErasurePlan("erasure", {}, date(2026, 12, 1), many), datamap,
                               case_number="PD-2026-00019", person_label="axel@example.org",
                               letterhead=DEMO_LETTERHEAD, produced_on=date(2026, 12, 1),
                               lang=lang, address=["Provgatan 1", "111 11 Provstad"])
    pages = [re.sub(r"\s+", " ", (p.extract_text() or "").replace("\xa0", " "))
             for p in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) >= 2
    text = " ".join(pages)
    sv = lang == "sv"
    assert ("Datum: 1 december 2026" if sv else "Date: 1 December 2026") in text
    assert "Provgatan 1 111 11 Provstad" in text
    assert "axel@example.org" not in text and ("Hej," if sv else "Hello,") in text
    assert DEMO_LETTERHEAD.org_number in pages[-1]
    assert (f"Sida {len(pages)} av {len(pages)}" if sv
            else f"Page {len(pages)} of {len(pages)}") in pages[-1]
    # the running header on page 2
    assert f"{DEMO_LETTERHEAD.company} · {'Ärende' if sv else 'Case'} PD-2026-00019" in pages[1]
    assert ("Ange ärendenummer PD-2026-00019" if sv else "quoting case number PD-2026-00019") \
        in text
    assert DEMO_LETTERHEAD.dpo and DEMO_LETTERHEAD.dpo in text
