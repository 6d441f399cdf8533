"""The confirmation letter after an erasure or consent withdrawal (PDF, Swedish or English).

It tells the person what was erased, what was kept, why (the law) and until when, which
fields were only pseudonymised (not anonymised), who was told (art. 19) and that they may
complain to IMY. Built from the executed plan (counts per category and table, hold end
dates), never from the erased values themselves. The words are the company's template
``erasure_confirmation.txt.j2`` (one for consent withdrawals too): each line of the letter
is one of its macros, so the letter and the lines the desk shows are worded once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from privacy_desk.datamap.model import DataMap, Erasure
from privacy_desk.organisation import Organisation
from privacy_desk.portal.erasure import Action, ErasurePlan, KeepReason
from privacy_desk.reports.letter_pdf import build_letter_pdf
from privacy_desk.reports.letterhead import DEMO_LETTERHEAD, Letterhead
from privacy_desk.reports.templating import (
    RenderedLetter,
    in_sentence,
    render_letter,
    template_macros,
)
from privacy_desk.reports.texts import check_language

KIND = "erasure_confirmation"


@dataclass(frozen=True)
class LetterLines:
    """The letter's content as plain lines (also what tests and the panel show)."""

    erased: tuple[str, ...]
    pseudonymised: tuple[str, ...]
    kept: tuple[str, ...]
    recipients: tuple[str, ...]


_ANONYMISING = (Erasure.SET_NULL, Erasure.REPLACE)

#: "Bokföringslagen (1999:1078) 7 kap. 2 §": a Swedish statute's name, SFS number, place.
_STATUTE = re.compile(r"^(?P<name>[A-ZÅÄÖ][\wåäö]*lagen) \((?P<sfs>\d{4}:\d+)\)"
                      r"(?: (?P<chapter>\d+) kap\.)?(?: (?P<section>\d+) §)?$")
#: English names of the statutes a hold usually rests on.
_STATUTES_EN = {"Bokföringslagen": "the Swedish Accounting Act",
                "Mervärdesskattelagen": "the Swedish VAT Act",
                "Skatteförfarandelagen": "the Swedish Tax Procedure Act"}


def law_text(law: str, lang: str) -> str:
    """The law as a sentence names it: 'bokföringslagen (1999:1078) 7 kap. 2 §' in Swedish
    (a statute's name is lower case inside a sentence), 'the Swedish Accounting Act
    (Bokföringslagen 1999:1078), chapter 7, section 2' in English; other text as written."""
    m = _STATUTE.match(law.strip())
    if m is None:
        return law
    name = m["name"]
    if lang == "sv":
        return name[0].lower() + law.strip()[1:]
    place = "".join(part for part in (
        f", chapter {m['chapter']}" if m["chapter"] else "",
        f", section {m['section']}" if m["section"] else ""))
    english = _STATUTES_EN.get(name, "the Swedish statute")
    return f"{english} ({name} {m['sfs']}){place}"


def _primary(categories: Sequence[str]) -> str:
    """The one category a row is listed under (its first): a row is said once."""
    return categories[0] if categories else ""


def letter_facts(plan: ErasurePlan, datamap: DataMap, lang: str,
                 told: Sequence[tuple[str, date]] = ()) -> dict[str, Any]:
    """What the letter may say, from the executed plan, as plain values for the template
    (see docs/letters.md, "The erasure confirmation"): every row erased, anonymised,
    pseudonymised or kept (with its reason), and who was told (``told``: name, day).

    Each row is counted once, under its first category, so the counts add up to the
    rows of the plan (the yearly report counts rows too)."""

    def title(cat: str) -> str:
        info = datamap.categories.get(cat)
        return info.title.get(lang) if info else cat

    def where(cat: str, tname: str) -> str:
        """'Adressuppgifter (Adresser)'; one title when the two are the same."""
        spec = datamap.tables.get(tname)
        table = spec.title_in(lang) if spec else tname
        return title(cat) if table == title(cat) else f"{title(cat)} ({table})"

    def column(tname: str, col: str) -> str:
        spec = datamap.tables.get(tname)
        return spec.column_title(col, lang) if spec else col

    deleted: dict[tuple[str, str], int] = {}
    changed: dict[tuple[str, str, bool], tuple[int, set[str]]] = {}
    held: dict[tuple[str, str, str, date, int], int] = {}
    kept_rows: dict[tuple[str, str, KeepReason], int] = {}
    for r in plan.rows:
        cat = _primary(r.categories)
        if r.action is Action.DELETE:
            deleted[(cat, r.table)] = deleted.get((cat, r.table), 0) + 1
        elif r.action is Action.UPDATE:
            for pseudo in (False, True):
                cols = {c.column for c in r.changes if (
                    c.strategy is Erasure.PSEUDONYMISE) == pseudo
                    and c.strategy in (*_ANONYMISING, Erasure.PSEUDONYMISE)}
                if cols:
                    first = next(c.category for c in r.changes if c.column in cols)
                    n, seen = changed.get((first, r.table, pseudo), (0, set()))
                    changed[(first, r.table, pseudo)] = (n + 1, seen | cols)
        if r.hold is not None:  # each held row until its own end: one line per end date
            k = (cat, r.table, r.hold.law, r.hold.ends_on, r.hold.date.year)
            held[k] = held.get(k, 0) + 1
        elif r.action is Action.KEEP and r.kept_because in (KeepReason.SHARED,
                                                            KeepReason.STRATEGY):
            k2 = (cat, r.table, r.kept_because)
            kept_rows[k2] = kept_rows.get(k2, 0) + 1

    def fields(tb: str, cols: set[str]) -> list[str]:
        return [in_sentence(column(tb, x)) for x in sorted(cols, key=lambda x: column(tb, x))]

    cats = sorted({c for r in plan.rows if r.action is not Action.KEEP for c in r.categories})
    named = datamap.recipients_of(cats)
    first_told: dict[str, date] = {}
    for name, day in told:  # a notice sent in both languages told the recipient once
        first_told.setdefault(name, day)
    return {
        "consent": plan.kind == "consent_withdrawal",
        "deleted": [{"where": where(c, tb), "rows": n}
                    for (c, tb), n in sorted(deleted.items())],
        "anonymised": [{"where": where(c, tb), "rows": n, "fields": fields(tb, cols)}
                       for (c, tb, pseudo), (n, cols) in sorted(changed.items()) if not pseudo],
        "pseudonymised": [{"where": where(c, tb), "rows": n, "fields": fields(tb, cols)}
                          for (c, tb, pseudo), (n, cols) in sorted(changed.items()) if pseudo],
        "held": [{"where": where(c, tb), "rows": n, "law": law_text(law, lang), "year": year,
                  "until": ends_on - timedelta(days=1)}
                 for (c, tb, law, ends_on, year), n in sorted(held.items())],
        "shared": [{"where": where(c, tb), "rows": n}
                   for (c, tb, why), n in sorted(kept_rows.items()) if why is KeepReason.SHARED],
        "unchanged": [{"where": where(c, tb), "rows": n}
                      for (c, tb, why), n in sorted(kept_rows.items())
                      if why is KeepReason.STRATEGY],
        "decisions": [{"category": title(d.category), "reason": d.reason}
                      for d in plan.decisions],
        "told": [{"name": name, "day": day} for name, day in first_told.items()],
        "to_tell": [r.title for r in named if r.title not in first_told],
        # the map names no recipient: each category's own words on its recipients
        "category_recipients": ([{"category": title(c),
                                  "text": datamap.categories[c].recipients.get(lang)}
                                 for c in cats if c in datamap.categories]
                                if not named and not told else []),
    }


def _context(facts: Mapping[str, Any], *, case_number: str, person_label: str,
             letterhead: Letterhead, organisation: Organisation | None) -> dict[str, Any]:
    # An e-mail address is how the request came, not a name to greet someone by.
    name = person_label.strip() if person_label.strip() and "@" not in person_label else ""
    org = organisation if organisation is not None else letterhead.organisation()
    return {"org": org, "person": {"name": name}, "case": {"number": case_number},
            "facts": facts}


def letter_lines(plan: ErasurePlan, datamap: DataMap, lang: str,
                 told: Sequence[tuple[str, date]] = (), *,
                 config_dir: Path | None = None) -> LetterLines:
    """The letter's lines, each as the template's own macro words it (one wording)."""
    facts = letter_facts(plan, datamap, lang, told)
    lines = template_macros(KIND, lang, _context(
        facts, case_number="", person_label="", letterhead=DEMO_LETTERHEAD,
        organisation=None), config_dir=config_dir)
    erased = [lines.call("deleted", g) for g in facts["deleted"]]
    erased += [lines.call("anonymised", g) for g in facts["anonymised"]]
    kept = [lines.call("held", g) for g in facts["held"]]
    kept += [lines.call("shared", g) for g in facts["shared"]]
    kept += [lines.call("unchanged", g) for g in facts["unchanged"]]
    kept += [lines.call("decision", g) for g in facts["decisions"]]
    recipients = [lines.call("told", g) for g in facts["told"]]
    recipients += [lines.call("to_tell", g) for g in facts["to_tell"]]
    recipients += [lines.call("category_recipients", g) for g in facts["category_recipients"]]
    return LetterLines(tuple(erased),
                       tuple(lines.call("pseudonymised", g) for g in facts["pseudonymised"]),
                       tuple(kept), tuple(recipients))


def erasure_letter_text(plan: ErasurePlan, datamap: DataMap, *, case_number: str,
                        person_label: str, letterhead: Letterhead, lang: str = "sv",
                        told: Sequence[tuple[str, date]] = (),
                        organisation: Organisation | None = None,
                        config_dir: Path | None = None) -> RenderedLetter:
    """The confirmation as a letter's text (subject and blocks) from the company's
    ``erasure_confirmation.txt.j2``, laid out like every other letter by
    :func:`~privacy_desk.reports.letter_pdf.build_letter_pdf`."""
    check_language(lang)
    facts = letter_facts(plan, datamap, lang, told)
    return render_letter(KIND, lang, _context(
        facts, case_number=case_number, person_label=person_label, letterhead=letterhead,
        organisation=organisation), config_dir=config_dir)


def build_erasure_letter(plan: ErasurePlan, datamap: DataMap, *, case_number: str,
                         person_label: str, letterhead: Letterhead, produced_on: date,
                         lang: str = "sv", told: Sequence[tuple[str, date]] = (),
                         organisation: Organisation | None = None,
                         config_dir: Path | None = None, address: Sequence[str] = ()) -> bytes:
    """The confirmation letter as PDF bytes, with the letterhead, address block, footer
    and page numbers of every other letter."""
    letter = erasure_letter_text(plan, datamap, case_number=case_number,
                                 person_label=person_label, letterhead=letterhead, lang=lang,
                                 told=told, organisation=organisation, config_dir=config_dir)
    name = person_label if person_label and "@" not in person_label else ""
    block = [x for x in (name, *address) if x.strip()]
    return build_letter_pdf(letter, letterhead=letterhead, case_number=case_number,
                            letter_date=produced_on, recipient=block)
