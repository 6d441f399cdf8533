"""The confirmation letter after an erasure or consent withdrawal (PDF, Swedish or English).

It tells the person what was erased, what was kept, why (the law) and until when, which
fields were only pseudonymised (not anonymised), who was told (art. 19) and that they may
complain to IMY. Built from the executed plan (counts per category and table, hold end
dates), never from the erased values themselves. Uses the extract's building blocks:
the shipped DejaVu font, the letterhead and atomic staged writes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any
from xml.sax.saxutils import escape

from privacy_desk.datamap.model import DataMap, Erasure
from privacy_desk.portal.erasure import Action, ErasurePlan, KeepReason
from privacy_desk.reports.fonts import register_fonts
from privacy_desk.reports.layout import letter_top
from privacy_desk.reports.letterhead import Letterhead
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
        "deleted": "{category} ({table}): {rows} har raderats helt.",
        "anonymised": "{category} ({table}): {fields} har tömts eller ersatts med ett fast "
                      "värde i {rows} (anonymisering).",
        "pseudonymised": "{category} ({table}): {fields} har ersatts med en nyckelkod i {rows}. "
                         "Det är pseudonymisering, inte anonymisering: med en hemlig nyckel "
                         "som bara vi har kan koden kopplas till dig, så uppgiften är "
                         "fortfarande en personuppgift.",
        "nothing_erased": "Inget har raderats.",
        "kept_heading": "Det här har vi sparat, och varför",
        "kept_hold": "{category} ({table}): {rows} från {year} sparas enligt {law} till och "
                     "med {until}. Därefter raderas uppgifterna.",
        "kept_shared": "{category} ({table}): {rows} sparas eftersom uppgifterna också hör till "
                       "en annan person, till exempel en inloggning som ni delar.",
        "kept_strategy": "{category} ({table}): {rows} sparas oförändrade; de raderas när du "
                         "inte längre är kund eller när lagen inte längre kräver dem.",
        "kept_decision": "{category}: sparas. Skäl: {reason}",
        "nothing_kept": "Vi har inte sparat något om dig.",
        "recipients_heading": "Mottagare som underrättas (artikel 19)",
        "told": "{name}: underrättad den {day}.",
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
        "deleted": "{category} ({table}): {rows} deleted entirely.",
        "anonymised": "{category} ({table}): {fields} emptied or replaced by a fixed value in "
                      "{rows} (anonymisation).",
        "pseudonymised": "{category} ({table}): {fields} replaced by a keyed code in {rows}. "
                         "This is pseudonymisation, not anonymisation: with a secret key only "
                         "we hold, the code can be linked to you, so it is still personal data.",
        "nothing_erased": "Nothing was erased.",
        "kept_heading": "What we kept, and why",
        "kept_hold": "{category} ({table}): {rows} from {year} are kept under {law} until the "
                     "end of {until}. The data is erased after that.",
        "kept_shared": "{category} ({table}): {rows} kept because the data also belongs to "
                       "another person, for example a login you share.",
        "kept_strategy": "{category} ({table}): {rows} kept unchanged; they are erased when you "
                         "are no longer a customer or the law no longer requires them.",
        "kept_decision": "{category}: kept. Reason: {reason}",
        "nothing_kept": "We have kept nothing about you.",
        "recipients_heading": "Recipients we inform (article 19)",
        "told": "{name}: told on {day}.",
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


def letter_lines(plan: ErasurePlan, datamap: DataMap, lang: str,
                 told: Sequence[tuple[str, date]] = ()) -> LetterLines:
    """What the letter says, from the executed plan: every row erased, anonymised,
    pseudonymised or kept (with its reason), and who was told (``told``: name, day)."""
    t = TEXTS[lang]

    def title(cat: str) -> str:
        info = datamap.categories.get(cat)
        return info.title.get(lang) if info else cat

    def table(name: str) -> str:
        spec = datamap.tables.get(name)
        return spec.title_in(lang) if spec else name

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
        if r.action is Action.DELETE:
            for cat in r.categories:
                deleted[(cat, r.table)] = deleted.get((cat, r.table), 0) + 1
        elif r.action is Action.UPDATE:
            for cat in sorted({c.category for c in r.changes}):
                for pseudo in (False, True):
                    cols = {c.column for c in r.changes if c.category == cat and (
                        c.strategy is Erasure.PSEUDONYMISE) == pseudo
                        and c.strategy in (*_ANONYMISING, Erasure.PSEUDONYMISE)}
                    if cols:
                        n, seen = changed.get((cat, r.table, pseudo), (0, set()))
                        changed[(cat, r.table, pseudo)] = (n + 1, seen | cols)
        if r.hold is not None:  # each held row until its own end: one line per end date
            for cat in r.categories:
                k = (cat, r.table, r.hold.law, r.hold.ends_on, r.hold.date.year)
                held[k] = held.get(k, 0) + 1
        elif r.action is Action.KEEP and r.kept_because in (KeepReason.SHARED,
                                                            KeepReason.STRATEGY):
            for cat in r.categories:
                k2 = (cat, r.table, r.kept_because)
                kept_rows[k2] = kept_rows.get(k2, 0) + 1
    erased = [str(t["deleted"]).format(category=title(c), table=table(tb), rows=rows(n))
              for (c, tb), n in sorted(deleted.items())]
    pseudo_lines: list[str] = []
    for (c, tb, pseudo), (n, cols) in sorted(changed.items()):
        line = str(t["pseudonymised" if pseudo else "anonymised"]).format(
            category=title(c), table=table(tb), rows=rows(n),
            fields=", ".join(sorted(column(tb, x) for x in cols)))
        (pseudo_lines if pseudo else erased).append(line)
    kept = [str(t["kept_hold"]).format(category=title(c), table=table(tb), rows=rows(n),
                                        law=law, year=year,
                                        until=(ends_on - timedelta(days=1)).isoformat())
            for (c, tb, law, ends_on, year), n in sorted(held.items())]
    kept += [str(t["kept_shared" if why is KeepReason.SHARED else "kept_strategy"]).format(
        category=title(c), table=table(tb), rows=rows(n))
        for (c, tb, why), n in sorted(kept_rows.items())]
    kept += [str(t["kept_decision"]).format(category=title(d.category), reason=d.reason)
             for d in plan.decisions]
    cats = sorted({c for r in plan.rows if r.action is not Action.KEEP for c in r.categories})
    named = datamap.recipients_of(cats)
    told_names = {name for name, _ in told}
    recipients = [str(t["told"]).format(name=name, day=day.isoformat()) for name, day in told]
    recipients += [str(t["to_tell"]).format(name=r.title) for r in named
                   if r.title not in told_names]
    if not named and not told:  # the map names none: its category texts, as before
        recipients += [f"{title(c)}: {datamap.categories[c].recipients.get(lang)}"
                       for c in cats if c in datamap.categories]
    return LetterLines(tuple(erased), tuple(pseudo_lines), tuple(kept), tuple(recipients))


def build_erasure_letter(plan: ErasurePlan, datamap: DataMap, *, case_number: str,
                         person_label: str, letterhead: Letterhead, produced_on: date,
                         lang: str = "sv", told: Sequence[tuple[str, date]] = (),
                         complaint: str = "") -> bytes:
    """The confirmation letter as PDF bytes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    check_language(lang)
    t = TEXTS[lang]
    regular, bold = register_fonts()
    base = ParagraphStyle("base", fontName=regular, fontSize=10, leading=14, spaceAfter=4)
    h1 = ParagraphStyle("h1", base, fontName=bold, fontSize=14, leading=18, spaceAfter=8)
    # a heading never ends a page: it stays with what it introduces (as in the extract)
    h2 = ParagraphStyle("h2", base, fontName=bold, fontSize=11, leading=15, spaceBefore=8,
                        keepWithNext=1)
    lines = letter_lines(plan, datamap, lang, told)
    consent = plan.kind == "consent_withdrawal"

    def p(text: str, style: ParagraphStyle = base) -> Paragraph:
        return Paragraph(escape(text), style)

    story = [*letter_top(letterhead, date_line=f"{t['date_label']}: {produced_on.isoformat()}",
                         case_line=f"{t['case_label']}: {case_number}"),
             Spacer(1, 14 * mm), p(person_label), Spacer(1, 12 * mm),
             p(t["subject_consent" if consent else "subject_erasure"], h1),
             p(t["greeting"].format(name=person_label)),
             p(t["intro_consent" if consent else "intro_erasure"].format(case=case_number)),
             p(t["erased_heading"], h2)]
    story += [p("• " + line) for line in (*lines.erased, *lines.pseudonymised)] or [
        p(t["nothing_erased"])]
    story.append(p(t["kept_heading"], h2))
    story += [p("• " + line) for line in lines.kept] or [p(t["nothing_kept"])]
    story.append(p(t["recipients_heading"], h2))
    story += [p("• " + line) for line in lines.recipients] or [p(t["no_recipients"])]
    story += [p(t["complaint_heading"], h2), p(complaint or t["complaint"]), Spacer(1, 8 * mm),
              p(t["regards"]), p(letterhead.signature_line)]
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=18 * mm, bottomMargin=18 * mm,
                            title=f"{t['subject_erasure']} {case_number}",
                            author=letterhead.company, lang=lang)
    doc.build(story)
    return buf.getvalue()
