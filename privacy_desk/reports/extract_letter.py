"""The extract's letter text from the company's template (``extract.txt.j2``).

Everything the person reads on the extract's pages, except the tables of their data, is
the template's: the covering letter, the art. 15(1)(a)-(h), 15(2) and 15(3) information,
what the desk holds about the person and what was left out. The template places the data
with a ``%% data`` line; :mod:`~privacy_desk.reports.pdf` lays the tables out there.
This module only gathers the facts the template may use, as plain values.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from privacy_desk.messages import msg
from privacy_desk.organisation import Organisation
from privacy_desk.reports.extract import Extract
from privacy_desk.reports.letterhead import Letterhead
from privacy_desk.reports.templating import LetterTemplateError, RenderedLetter, render_letter
from privacy_desk.reports.texts import check_language, letter_texts

KIND = "extract"


def organisation_for(extract: Extract, letterhead: Letterhead) -> Organisation:
    """The extract's controller: the organisation it names, else one made from the
    letterhead (a letter built in tests with the demo letterhead alone)."""
    if extract.organisation is not None:
        return extract.organisation
    return letterhead.organisation()


def extract_context(extract: Extract, lang: str, letterhead: Letterhead) -> dict[str, Any]:
    """What ``extract.txt.j2`` may use (see docs/letters.md, "The extract")."""
    texts = letter_texts(lang)
    categories = [{
        "name": cat.name, "title": cat.title(lang), "rows": cat.row_count,
        "purpose": cat.info.purpose.get(lang), "legal_basis": cat.info.legal_basis.get(lang),
        "recipients": cat.info.recipients.get(lang), "retention": cat.info.retention.get(lang),
    } for cat in extract.categories if cat.info is not None]
    recipients = [{"name": r.title, "country": r.third_country,
                   "safeguards": r.safeguards.get(lang) if r.safeguards else ""}
                  for r in extract.recipients]
    desk = [{"case": e.case_number, "received_on": e.received_on,
             "request": texts.get(f"request_{e.request_type.value}"),
             "status": texts.get(f"status_{e.status.value}"),
             "fee": e.fee_sek,
             "refused": e.decision is not None and e.decision.value == "refused"}
            for e in extract.desk_records]
    w = extract.withheld
    return {
        "org": organisation_for(extract, letterhead),
        "person": {"name": extract.person_label, "address": list(extract.address)},
        "case": {"number": extract.case_number, "received_on": extract.received_on,
                 "late_since": extract.late_since},
        "fee": ({"amount": extract.fee_sek, "reason": extract.fee_reason.strip()}
                if extract.fee_sek else None),
        "categories": categories,
        "recipients": [r["name"] for r in recipients],
        "transfers": [r for r in recipients if r["country"]],
        "desk_records": desk,
        "withheld": {"rows": w.rows, "fields": w.fields, "undisclosed": w.undisclosed,
                     "others": w.rows + w.fields, "mark": texts.get("withheld_mark")},
        "row_count": extract.row_count,
        "produced_on": extract.produced_at.date(),
    }


def extract_letter(extract: Extract, *, lang: str, letterhead: Letterhead,
                   config_dir: Path | None = None) -> RenderedLetter:
    """The extract's text in ``lang``, from the company's template or the shipped one."""
    check_language(lang)
    letter = render_letter(KIND, lang, extract_context(extract, lang, letterhead),
                           config_dir=config_dir)
    if not any(b.kind == "data" for b in letter.blocks):
        # an extract without the person's data is no extract (art. 15(3))
        raise LetterTemplateError(
            msg("The letter template {file} has no line '%% data' for the person's data.",
                file=letter.template),
            msg("Add the line where the tables of the person's data belong (see the shipped "
                "template); nothing was produced."))
    return letter
