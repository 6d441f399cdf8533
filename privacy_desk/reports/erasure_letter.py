"""The confirmation letter after an erasure or consent withdrawal (PDF, Swedish or English).

It tells the person what was erased, what was kept, why (the law) and until when, which
fields were only pseudonymised (not anonymised), who was told (art. 19) and that they may
complain to IMY. Built from the executed plan (counts per category and table, hold end
dates), never from the erased values themselves. Uses the extract's building blocks:
the shipped DejaVu font, the letterhead and atomic staged writes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from privacy_desk.datamap.model import DataMap, Erasure
from privacy_desk.portal.erasure import Action, ErasurePlan, KeepReason
from privacy_desk.reports.letter_pdf import build_letter_pdf
from privacy_desk.reports.letterhead import Letterhead
from privacy_desk.reports.templating import Block, RenderedLetter, fmt_date
from privacy_desk.reports.texts import check_language

#: A text that depends on a number is {"one": ..., "other": ...}.
TEXTS: dict[str, dict[str, Any]] = {
    "sv": {
        "subject_erasure": "Bekräftelse på radering av personuppgifter",
        "subject_consent": "Bekräftelse på återkallat samtycke",
        "greeting": "Hej {name},",
        "intro_erasure": "Vi har behandlat din begäran om radering (artikel 17 i "
                         "dataskyddsförordningen), ärende {case}. Här är vad vi har gjort.",
        "intro_consent": "Vi har registrerat att du återkallar ditt samtycke (artikel 7.3 i "
                         "dataskyddsförordningen), ärende {case}. Nyhetsbrev och kontaktval "
                         "har avslutats.",
        "erased_heading": "Det här har raderats",
        "rows": {"one": "1 post", "other": "{count} poster"},
        "deleted": "{category}: {rows} har raderats helt.",
        "anonymised": "{category}: {fields} har tömts eller ersatts med ett fast "
                      "värde i {rows} (anonymisering).",
        "pseudonymised": "{category}: {fields} har ersatts med en nyckelkod i {rows}. "
                         "Det är pseudonymisering, inte anonymisering: med en hemlig nyckel "
                         "som bara vi har kan koden kopplas till dig, så uppgiften är "
                         "fortfarande en personuppgift.",
        "nothing_erased": "Inget har raderats.",
        "kept_heading": "Det här har vi sparat, och varför",
        "kept_hold": "{category}: {rows} från {year} sparas enligt {law} till och "
                     "med {until}. Därefter raderas uppgifterna.",
        "and": "och",
        "contact": "Har du frågor är du välkommen att kontakta oss på {contact}. Ange "
                   "ärendenummer {case}.",
        "greeting_plain": "Hej,",
        "kept_shared": "{category}: {rows} sparas eftersom uppgifterna också hör till "
                       "en annan person, till exempel en inloggning som ni delar.",
        "kept_strategy": "{category}: {rows} sparas oförändrade; de raderas när du "
                         "inte längre är kund eller när lagen inte längre kräver dem.",
        "kept_decision": "{category}: sparas. Skäl: {reason}",
        "nothing_kept": "Vi har inte sparat något om dig.",
        "recipients_heading": "Mottagare som underrättas (artikel 19)",
        "told": "{name}: underrättad den {day}.",
        "or": "eller",
        "to_tell": "{name}: underrättas om raderingen.",
        "no_recipients": "Vi har inte lämnat ut de raderade uppgifterna till någon.",
        "complaint_heading": "Om du inte är nöjd",
        "complaint": "Du har rätt att lämna klagomål till Integritetsskyddsmyndigheten (IMY), "
                     "Box 8114, 104 20 Stockholm, www.imy.se.",
        "regards": "Med vänliga hälsningar",
        "date_label": "Datum", "case_label": "Ärende",
    },
    "en": {
        "subject_erasure": "Confirmation of the erasure of your personal data",
        "subject_consent": "Confirmation that your consent is withdrawn",
        "greeting": "Dear {name},",
        "intro_erasure": "We have handled your request for erasure (GDPR article 17), case "
                         "{case}. This is what we did.",
        "intro_consent": "We have recorded that you withdraw your consent (GDPR article 7(3)), "
                         "case {case}. The newsletter and your contact choices have ended.",
        "erased_heading": "What was erased",
        "rows": {"one": "1 record", "other": "{count} records"},
        "deleted": "{category}: {rows} deleted entirely.",
        "anonymised": "{category}: {fields} emptied or replaced by a fixed value in "
                      "{rows} (anonymisation).",
        "pseudonymised": "{category}: {fields} replaced by a keyed code in {rows}. "
                         "This is pseudonymisation, not anonymisation: with a secret key only "
                         "we hold, the code can be linked to you, so it is still personal data.",
        "nothing_erased": "Nothing was erased.",
        "kept_heading": "What we kept, and why",
        "kept_hold": "{category}: {rows} from {year} are kept under {law} until "
                     "{until}. The data is erased after that.",
        "and": "and",
        "contact": "If you have any questions, please contact us at {contact}, quoting case "
                   "number {case}.",
        "greeting_plain": "Hello,",
        "kept_shared": "{category}: {rows} kept because the data also belongs to "
                       "another person, for example a login you share.",
        "kept_strategy": "{category}: {rows} kept unchanged; they are erased when you "
                         "are no longer a customer or the law no longer requires them.",
        "kept_decision": "{category}: kept. Reason: {reason}",
        "nothing_kept": "We have kept nothing about you.",
        "recipients_heading": "Recipients we inform (article 19)",
        "told": "{name}: told on {day}.",
        "or": "or",
        "to_tell": "{name}: will be told of the erasure.",
        "no_recipients": "We have not disclosed the erased data to anyone.",
        "complaint_heading": "If you are not satisfied",
        "complaint": "You have the right to complain to the Swedish Authority for Privacy "
                     "Protection, Integritetsskyddsmyndigheten (IMY), Box 8114, "
                     "SE-104 20 Stockholm, www.imy.se.",
        "regards": "Kind regards",
        "date_label": "Date", "case_label": "Case",
    },
}


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


def _in_sentence(title: str) -> str:
    """A title inside a sentence: 'E-postadress' -> 'e-postadress' (not 'BankID')."""
    if len(title) > 1 and title[0].isupper() and not title[1].isupper():
        return title[0].lower() + title[1:]
    return title


def _listed(items: Sequence[str], word: str) -> str:
    """'a, b och c' / 'a, b and c'."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def _primary(categories: Sequence[str]) -> str:
    """The one category a row is listed under (its first): a row is said once."""
    return categories[0] if categories else ""


def letter_lines(plan: ErasurePlan, datamap: DataMap, lang: str,
                 told: Sequence[tuple[str, date]] = ()) -> LetterLines:
    """What the letter says, from the executed plan: every row erased, anonymised,
    pseudonymised or kept (with its reason), and who was told (``told``: name, day).

    Each row is counted once, under its first category, so the counts add up to the
    rows of the plan (the yearly report counts rows too)."""
    t = TEXTS[lang]

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

    def rows(n: int) -> str:
        return str(t["rows"]["one" if n == 1 else "other"]).format(count=n)

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
    erased = [str(t["deleted"]).format(category=where(c, tb), rows=rows(n))
              for (c, tb), n in sorted(deleted.items())]
    pseudo_lines: list[str] = []
    for (c, tb, pseudo), (n, cols) in sorted(changed.items()):
        fields = [_in_sentence(column(tb, x)) for x in sorted(cols, key=lambda x: column(tb, x))]
        line = str(t["pseudonymised" if pseudo else "anonymised"]).format(
            category=where(c, tb), rows=rows(n),
            fields=_listed(fields, str(t["and"])))
        (pseudo_lines if pseudo else erased).append(line)
    kept = [str(t["kept_hold"]).format(category=where(c, tb), rows=rows(n),
                                        law=law_text(law, lang), year=year,
                                        until=fmt_date(ends_on - timedelta(days=1), lang))
            for (c, tb, law, ends_on, year), n in sorted(held.items())]
    kept += [str(t["kept_shared" if why is KeepReason.SHARED else "kept_strategy"]).format(
        category=where(c, tb), rows=rows(n))
        for (c, tb, why), n in sorted(kept_rows.items())]
    kept += [str(t["kept_decision"]).format(category=title(d.category), reason=d.reason)
             for d in plan.decisions]
    cats = sorted({c for r in plan.rows if r.action is not Action.KEEP for c in r.categories})
    named = datamap.recipients_of(cats)
    first_told: dict[str, date] = {}
    for name, day in told:  # a notice sent in both languages told the recipient once
        first_told.setdefault(name, day)
    told_names = set(first_told)
    recipients = [str(t["told"]).format(name=name, day=fmt_date(day, lang))
                  for name, day in first_told.items()]
    recipients += [str(t["to_tell"]).format(name=r.title) for r in named
                   if r.title not in told_names]
    if not named and not told:  # the map names none: its category texts, as before
        recipients += [f"{title(c)}: {datamap.categories[c].recipients.get(lang)}"
                       for c in cats if c in datamap.categories]
    return LetterLines(tuple(erased), tuple(pseudo_lines), tuple(kept), tuple(recipients))


def erasure_letter_text(plan: ErasurePlan, datamap: DataMap, *, case_number: str,
                        person_label: str, letterhead: Letterhead, lang: str = "sv",
                        told: Sequence[tuple[str, date]] = (),
                        complaint: str = "") -> RenderedLetter:
    """The confirmation as a letter's text (subject and blocks), laid out like every
    other letter by :func:`~privacy_desk.reports.letter_pdf.build_letter_pdf`."""
    check_language(lang)
    t = TEXTS[lang]
    lines = letter_lines(plan, datamap, lang, told)
    consent = plan.kind == "consent_withdrawal"
    # An e-mail address is how the request came, not a name to greet someone by.
    greeting = (str(t["greeting_plain"]) if not person_label.strip() or "@" in person_label
                else str(t["greeting"]).format(name=person_label))
    blocks = [Block("paragraph", greeting),
              Block("paragraph", str(t["intro_consent" if consent else "intro_erasure"])
                    .format(case=case_number)),
              Block("heading", str(t["erased_heading"]))]
    blocks += [Block("bullet", x) for x in (*lines.erased, *lines.pseudonymised)] or [
        Block("paragraph", str(t["nothing_erased"]))]
    blocks.append(Block("heading", str(t["kept_heading"])))
    blocks += [Block("bullet", x) for x in lines.kept] or [
        Block("paragraph", str(t["nothing_kept"]))]
    blocks.append(Block("heading", str(t["recipients_heading"])))
    blocks += [Block("bullet", x) for x in lines.recipients] or [
        Block("paragraph", str(t["no_recipients"]))]
    contact = (f"{letterhead.email} {t['or']} {letterhead.phone}" if letterhead.phone
               else letterhead.email)
    blocks += [Block("heading", str(t["complaint_heading"])),
               Block("paragraph", complaint or str(t["complaint"])),
               Block("paragraph", str(t["contact"]).format(contact=contact, case=case_number))]
    if letterhead.dpo:
        blocks.append(Block("paragraph", letterhead.dpo))
    blocks += [Block("paragraph", str(t["regards"])),
               Block("paragraph", letterhead.signature_line)]
    subject = str(t["subject_consent" if consent else "subject_erasure"])
    return RenderedLetter("erasure_confirmation", lang, subject, tuple(blocks),
                          "privacy_desk/reports/erasure_letter.py")


def build_erasure_letter(plan: ErasurePlan, datamap: DataMap, *, case_number: str,
                         person_label: str, letterhead: Letterhead, produced_on: date,
                         lang: str = "sv", told: Sequence[tuple[str, date]] = (),
                         complaint: str = "", address: Sequence[str] = ()) -> bytes:
    """The confirmation letter as PDF bytes, with the letterhead, address block, footer
    and page numbers of every other letter."""
    letter = erasure_letter_text(plan, datamap, case_number=case_number,
                                 person_label=person_label, letterhead=letterhead, lang=lang,
                                 told=told, complaint=complaint)
    name = person_label if person_label and "@" not in person_label else ""
    block = [x for x in (name, *address) if x.strip()]
    return build_letter_pdf(letter, letterhead=letterhead, case_number=case_number,
                            letter_date=produced_on, recipient=block)
