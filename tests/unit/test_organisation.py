"""The controller's settings: validated (org.nr by python-stdnum), saved with the rest of
the settings, required before any letter."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from privacy_desk.config import ConnectionProfile, load_settings, save_settings
from privacy_desk.organisation import (
    DEMO_ORGANISATION,
    InvalidOrganisation,
    OrganisationMissing,
    ensure_demo_organisation,
    load_organisation,
    require_organisation,
    save_organisation,
)
from privacy_desk.paths import AppPaths

OWN = replace(DEMO_ORGANISATION, legal_name="Provbolaget Värme AB", org_number="5560000001",
              email="integritet@provbolaget.example", dpo="")


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths.default(tmp_path)


def test_no_letter_without_an_organisation(paths: AppPaths) -> None:
    with pytest.raises(OrganisationMissing) as err:
        require_organisation(paths)
    assert "organisation set" in err.value.hint


def test_saved_normalised_and_the_rest_of_the_settings_kept(paths: AppPaths) -> None:
    profile = ConnectionProfile("portal", "portal", "sqlite", database=str(paths.data_dir / "p"))
    save_settings(paths, load_settings(paths).with_profile(profile))
    saved = save_organisation(paths, OWN)
    assert saved.org_number == "556000-0001"
    assert load_organisation(paths) == saved
    assert load_settings(paths).profiles[0].name == "portal"
    raw = json.loads(paths.settings_file.read_text(encoding="utf-8"))
    assert raw["organisation"]["legal_name"] == "Provbolaget Värme AB"


@pytest.mark.parametrize(("change", "words"), [
    ({"org_number": "556000-0000"}, "not a valid Swedish organisation number"),
    ({"org_number": "12345"}, "not a valid Swedish organisation number"),
    ({"legal_name": "  "}, "needs a legal name"),
    ({"email": "nobody"}, "not an e-mail address"),
    ({"street": ""}, "needs a street address"),
    ({"logo": "/no/such/logo.png"}, "not a PNG or JPEG"),
    ({"texts": {"sources": {"de": "x"}}}, "sv or en"),
    ({"texts": {"weather": {"sv": "x"}}}, "no standing text"),
])
def test_bad_fields_are_refused_and_nothing_saved(paths: AppPaths, change: dict[str, object],
                                                  words: str) -> None:
    with pytest.raises(InvalidOrganisation, match=words):
        save_organisation(paths, replace(OWN, **change))  # type: ignore[arg-type]
    assert load_organisation(paths) is None


def test_standing_texts_default_and_own(paths: AppPaths) -> None:
    org = save_organisation(paths, replace(OWN, texts={"transfers": {
        "sv": "Vi använder en molntjänst i USA med EU:s standardavtalsklausuler (artikel 46)."}}))
    assert "standardavtalsklausuler" in org.text("transfers", "sv")
    assert "outside the EU/EEA" in org.text("transfers", "en")  # the default
    assert "IMY" in org.text("complaint", "sv")


def test_the_demo_never_overwrites_a_real_company(paths: AppPaths) -> None:
    assert ensure_demo_organisation(paths).legal_name == "Kundportalen Energi AB"
    save_organisation(paths, OWN)
    assert ensure_demo_organisation(paths).legal_name == "Provbolaget Värme AB"


def test_english_letters_take_the_english_dpo_and_signature_lines() -> None:
    from datetime import date

    from privacy_desk.organisation import DEMO_ENGLISH_LINES, DEMO_ORGANISATION
    from privacy_desk.reports.templating import render_letter

    demo = replace(DEMO_ORGANISATION, texts=DEMO_ENGLISH_LINES)

    context = {"person": {"name": "Test Testsson", "address": []},
               "case": {"number": "PD-2026-00007", "request_label": "x",
                        "received_on": date(2026, 11, 20), "due_on": date(2026, 12, 21),
                        "identity_verified": True, "late": False},
               "facts": {}, "letter_date": date(2026, 12, 1)}
    en = render_letter("acknowledgement", "en", {**context, "org": demo}).text
    sv = render_letter("acknowledgement", "sv", {**context, "org": demo}).text
    assert "Data protection officer: Exempel Ombudsson" in en and "Dataskyddsombud" not in en
    assert en.rstrip().endswith("Data Protection Officer, Kundportalen Energi AB")
    assert "Dataskyddsombud: Exempel Ombudsson" in sv
    assert sv.rstrip().endswith("Dataskyddsansvarig, Kundportalen Energi AB")
    # a company that wrote no English lines prints its fields as they are
    plain = replace(DEMO_ORGANISATION, texts={})
    en = render_letter("acknowledgement", "en", {**context, "org": plain}).text
    assert "Dataskyddsombud: Exempel Ombudsson" in en


def test_a_company_renamed_from_the_demo_does_not_sign_in_english_as_the_demo(
        paths: AppPaths) -> None:
    demo = ensure_demo_organisation(paths)
    assert demo.signature_line("en") == "Data Protection Officer, Kundportalen Energi AB"
    renamed = save_organisation(paths, replace(demo, legal_name="Provbolaget Värme AB",
                                               signature="Dataskyddsansvarig, Provbolaget"))
    assert renamed.signature_line("en") == "Dataskyddsansvarig, Provbolaget"  # as written
    assert "Kundportalen" not in renamed.signature_line("en")
    # a line given in the same save as its field is kept
    both = save_organisation(paths, replace(renamed, signature="DSA, Provbolaget", texts={
        **renamed.texts, "signature": {"en": "DPO, Provbolaget"}}))
    assert both.signature_line("en") == "DPO, Provbolaget"
