"""Letters of the rights workflows, as templates of the letter engine (Swedish, English).

The portability cover letter (``portability``), the notice before a restriction is lifted
(``restriction_lift``) and the objection decision when processing goes on
(``objection_balancing``) are templates of their own in ``resources/letters/templates``;
the restriction and objection confirmations use the engine's ``restriction`` and
``objection`` templates. Each letter is rendered to text first (a broken template fails
with file:line before anything is written) and laid out by
:func:`privacy_desk.reports.letter_pdf.build_letter_pdf`. The facts are what the workflow
recorded (tables, categories, grounds, channels), never personal data beyond the name.
The item lines below (one bullet each) are words of the desk, in the reader's language.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from privacy_desk.organisation import Organisation
from privacy_desk.reports.letter_pdf import build_letter_pdf
from privacy_desk.reports.letterhead import Letterhead
from privacy_desk.reports.templating import RenderedLetter, render_letter

TEXTS: dict[str, dict[str, str]] = {
    "sv": {
        "basis_consent": "samtycke",
        "basis_contract": "avtal",
        "basis_legal_obligation": "rättslig förpliktelse",
        "basis_legitimate_interest": "berättigat intresse",
        "basis_public_task": "uppgift av allmänt intresse",
        "basis_vital_interests": "grundläggande intressen",
        "channel_row": "{channel} (direktmarknadsföring, artikel 21.3)",
        "ground_accuracy_contested": "du har bestritt att uppgifterna är korrekta, och vi "
                                     "kontrollerar dem",
        "ground_legal_claims": "du behöver uppgifterna för rättsliga anspråk",
        "ground_objection_pending": "du har invänt mot behandlingen och vi prövar invändningen",
        "ground_unlawful": "behandlingen är olaglig men du vill inte att uppgifterna raderas",
        "included_row": "{what}: {count} poster",
        "included_row_one": "{what}: 1 post",
        "left_basis": "{what}: behandlas med stöd av {basis}, inte samtycke eller avtal, och "
                      "omfattas därför inte av rätten till dataportabilitet (artikel 20.1).",
        "left_inferred": "{what}: uppgifter som vi själva har räknat fram eller skapat (till "
                         "exempel fakturabelopp och fakturanummer) omfattas inte av rätten till "
                         "dataportabilitet.",
        "left_unclassified": "{what}: vår registerkarta anger inte varifrån uppgiften kommer; "
                             "den ingår därför i ett registerutdrag men inte här.",
        "left_undisclosed": "{what}: lämnas inte ut (till exempel ditt krypterade lösenord).",
        "restriction_row": "{table}: {count} poster",
        "restriction_row_one": "{table}: 1 post",
    },
    "en": {
        "basis_consent": "consent",
        "basis_contract": "contract",
        "basis_legal_obligation": "legal obligation",
        "basis_legitimate_interest": "legitimate interest",
        "basis_public_task": "a task in the public interest",
        "basis_vital_interests": "vital interests",
        "channel_row": "{channel} (direct marketing, article 21(3))",
        "ground_accuracy_contested": "you contest the accuracy of the data and we are checking it",
        "ground_legal_claims": "you need the data for legal claims",
        "ground_objection_pending": "you have objected and we are considering the objection",
        "ground_unlawful": "the processing is unlawful but you do not want the data erased",
        "included_row": "{what}: {count} records",
        "included_row_one": "{what}: 1 record",
        "left_basis": "{what}: processed on the basis of {basis}, not consent or a contract, so "
                      "not covered by the right to data portability (article 20(1)).",
        "left_inferred": "{what}: data we computed or created ourselves (such as invoice amounts "
                         "and invoice numbers) is not covered by the right to data portability.",
        "left_unclassified": "{what}: our data map does not say where it came from; it is in an "
                             "access extract, not here.",
        "left_undisclosed": "{what}: not disclosed (such as your encrypted password).",
        "restriction_row": "{table}: {count} records",
        "restriction_row_one": "{table}: 1 record",
    },
}


def text(lang: str, key: str, **params: object) -> str:
    """One item line of the letters in ``lang``, filled in; a line that counts (``count``)
    has its own words for one ("1 post", never "1 post(er)")."""
    if params.get("count") == 1 and f"{key}_one" in TEXTS[lang]:
        key = f"{key}_one"
    return TEXTS[lang][key].format(**params)


def render_rights_letter(kind: str, lang: str, *, org: Organisation, case_number: str,
                         received_on: date, person_label: str, facts: Mapping[str, Any],
                         day: date, config_dir: Path | None = None,
                         address: Sequence[str] = ()) -> RenderedLetter:
    """The letter's text from its template (LetterTemplateError before anything is made)."""
    person = {"name": person_label, "address": [a for a in address if a.strip()]}
    context = {"org": org, "person": person, "facts": dict(facts), "letter_date": day,
               "recipient": person,
               "case": {"number": case_number, "received_on": received_on}}
    return render_letter(kind, lang, context, config_dir=config_dir)


def rights_letter_pdf(letter: RenderedLetter, *, org: Organisation, case_number: str,
                      person_label: str, day: date, address: Sequence[str] = ()) -> bytes:
    """The PDF of a rendered letter, on the organisation's letterhead, addressed to the
    person's name and postal address (lines) when known."""
    return build_letter_pdf(letter, letterhead=Letterhead.of(org), case_number=case_number,
                            letter_date=day,
                            recipient=[person_label, *(a for a in address if a.strip())])
