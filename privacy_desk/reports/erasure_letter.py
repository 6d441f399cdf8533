"""The confirmation letter after an erasure or consent withdrawal (PDF, Swedish or English).

It tells the person what was erased, what was kept, why (the law) and until when, which
fields were only pseudonymised (not anonymised), who was told (art. 19) and that they may
complain to IMY. Built from the executed plan (counts per category and table, hold end
dates), never from the erased values themselves. Uses the extract's building blocks:
the shipped DejaVu font, the letterhead and atomic staged writes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date, timedelta
from xml.sax.saxutils import escape

from privacy_desk.datamap.model import DataMap, Erasure
from privacy_desk.portal.erasure import Action, ErasurePlan
from privacy_desk.reports.fonts import register_fonts
from privacy_desk.reports.layout import letter_top
from privacy_desk.reports.letterhead import Letterhead
from privacy_desk.reports.texts import check_language

TEXTS: dict[str, dict[str, str]] = {
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
        "erased_row": "{category}: {count} uppgift(er) i {table}",
        "pseudonymised": "Följande uppgifter har ersatts med en nyckelkod (pseudonymisering, "
                         "inte anonymisering): {fields}.",
        "kept_heading": "Det här har vi sparat, och varför",
        "kept_hold": "{category} ({table}): {count} post(er) sparas enligt {law} till och med "
                     "{until}. Därefter raderas de.",
        "kept_decision": "{category}: sparas. Skäl: {reason}",
        "nothing_kept": "Vi har inte sparat något om dig.",
        "recipients_heading": "Mottagare som underrättas (artikel 19)",
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
        "erased_row": "{category}: {count} item(s) in {table}",
        "pseudonymised": "These fields were replaced by a keyed code (pseudonymisation, not "
                         "anonymisation): {fields}.",
        "kept_heading": "What we kept, and why",
        "kept_hold": "{category} ({table}): {count} record(s) are kept under {law} until the "
                     "end of {until}. They are erased after that.",
        "kept_decision": "{category}: kept. Reason: {reason}",
        "nothing_kept": "We have kept nothing about you.",
        "recipients_heading": "Recipients we inform (article 19)",
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


def letter_lines(plan: ErasurePlan, datamap: DataMap, lang: str) -> LetterLines:
    """What the letter says, per category and table, from the executed plan."""
    t = TEXTS[lang]

    def title(cat: str) -> str:
        info = datamap.categories.get(cat)
        return info.title.get(lang) if info else cat

    erased: list[str] = []
    kept: list[str] = []
    for s in plan.summary():
        n = s.deleted + s.updated
        if n:
            erased.append(t["erased_row"].format(category=title(s.category), count=n,
                                                 table=s.table))
    held: dict[tuple[str, str, str, date], int] = {}
    for r in plan.rows:  # each held row until its own end: one line per end date
        if r.hold is None:
            continue
        for cat in r.categories:
            k = (cat, r.table, r.hold.law, r.hold.ends_on)
            held[k] = held.get(k, 0) + 1
    for (cat, table, law, ends_on), count in sorted(held.items()):
        last_day = ends_on - timedelta(days=1)
        kept.append(t["kept_hold"].format(category=title(cat), table=table, count=count,
                                          law=law, until=last_day.isoformat()))
    kept += [t["kept_decision"].format(category=title(d.category), reason=d.reason)
             for d in plan.decisions]
    pseudo = sorted({f"{r.table}.{c.column}" for r in plan.rows if r.action is Action.UPDATE
                     for c in r.changes if c.strategy is Erasure.PSEUDONYMISE})
    cats = sorted({c for r in plan.rows if r.action is not Action.KEEP for c in r.categories})
    recipients = tuple(f"{title(c)}: {datamap.categories[c].recipients.get(lang)}"
                       for c in cats if c in datamap.categories)
    return LetterLines(tuple(erased), tuple(pseudo), tuple(kept), recipients)


def build_erasure_letter(plan: ErasurePlan, datamap: DataMap, *, case_number: str,
                         person_label: str, letterhead: Letterhead, produced_on: date,
                         lang: str = "sv") -> bytes:
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
    lines = letter_lines(plan, datamap, lang)
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
    story += [p("• " + line) for line in lines.erased]
    if lines.pseudonymised:
        story.append(p(t["pseudonymised"].format(fields=", ".join(lines.pseudonymised))))
    story.append(p(t["kept_heading"], h2))
    story += [p("• " + line) for line in lines.kept] or [p(t["nothing_kept"])]
    story.append(p(t["recipients_heading"], h2))
    story += [p("• " + line) for line in lines.recipients]
    story += [p(t["complaint_heading"], h2), p(t["complaint"]), Spacer(1, 8 * mm),
              p(t["regards"]), p(letterhead.company)]
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=18 * mm, bottomMargin=18 * mm,
                            title=f"{t['subject_erasure']} {case_number}",
                            author=letterhead.company, lang=lang)
    doc.build(story)
    return buf.getvalue()
