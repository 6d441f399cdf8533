"""Letters of the rights workflows (PDF, Swedish or English): portability cover letter,
restriction confirmation, notice before lifting a restriction, objection confirmation.

Each is built from what the workflow recorded (tables, categories, grounds, channels),
never from personal data beyond the person's name on the letter. They share the erasure
letter's building blocks: the shipped DejaVu font, the letterhead, and the paragraph on
the right to complain to IMY. (The ``letters`` branch's template engine may replace
the layout code here; the texts are the part to keep.)
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from privacy_desk.reports.fonts import register_fonts
from privacy_desk.reports.layout import letter_top
from privacy_desk.reports.letterhead import Letterhead
from privacy_desk.reports.texts import check_language

COMMON: dict[str, dict[str, str]] = {
    "sv": {
        "greeting": "Hej {name},",
        "complaint_heading": "Om du inte är nöjd",
        "complaint": "Du har rätt att lämna klagomål till Integritetsskyddsmyndigheten (IMY), "
                     "Box 8114, 104 20 Stockholm, www.imy.se, och att vända dig till "
                     "domstol.",
        "regards": "Med vänliga hälsningar",
        "date_label": "Datum", "case_label": "Ärende",
    },
    "en": {
        "greeting": "Dear {name},",
        "complaint_heading": "If you are not satisfied",
        "complaint": "You have the right to complain to the Swedish Authority for Privacy "
                     "Protection, Integritetsskyddsmyndigheten (IMY), Box 8114, "
                     "SE-104 20 Stockholm, www.imy.se, and to go to court.",
        "regards": "Kind regards",
        "date_label": "Date", "case_label": "Case",
    },
}

TEXTS: dict[str, dict[str, str]] = {
    "sv": {
        "portability_subject": "Dina personuppgifter i maskinläsbart format (dataportabilitet)",
        "portability_intro": "Vi har behandlat din begäran om dataportabilitet (artikel 20 i "
                             "dataskyddsförordningen), ärende {case}. Bifogad fil {bundle} "
                             "innehåller de uppgifter du själv har lämnat till oss och "
                             "uppgifter om din användning av våra tjänster, som JSON och CSV "
                             "med en innehållsförteckning och kontrollsummor (SHA-256).",
        "portability_password": "Filen är krypterad (AES-256). Lösenordet skickar vi separat.",
        "portability_included": "Det här ingår",
        "portability_left_out": "Det här ingår inte, och varför",
        "left_inferred": "{what}: uppgifter som vi själva har räknat fram eller skapat "
                         "(till exempel fakturabelopp och fakturanummer) omfattas inte av "
                         "rätten till dataportabilitet.",
        "left_basis": "{what}: behandlas med stöd av {basis}, inte samtycke eller avtal, och "
                      "omfattas därför inte av rätten till dataportabilitet (artikel 20.1).",
        "left_undisclosed": "{what}: lämnas inte ut (till exempel ditt krypterade lösenord).",
        "left_unclassified": "{what}: vår registerkarta anger inte varifrån uppgiften kommer; "
                             "den ingår därför i ett registerutdrag men inte här.",
        "portability_access": "Alla uppgifter vi har om dig, även de som inte ingår här, kan "
                              "du få i ett registerutdrag (artikel 15).",
        "transfer": "Du kan be oss att skicka filen direkt till en annan "
                    "personuppgiftsansvarig när det är tekniskt möjligt.",
        "restriction_subject": "Bekräftelse på begränsning av behandling",
        "restriction_intro": "Vi har begränsat behandlingen av dina personuppgifter (artikel "
                             "18 i dataskyddsförordningen), ärende {case}. Skäl: {ground}. "
                             "Uppgifterna finns kvar men används inte, utom för att fastställa, "
                             "göra gällande eller försvara rättsliga anspråk, med ditt "
                             "samtycke eller för att skydda någon annans rättigheter.",
        "restriction_what": "Det här är begränsat",
        "restriction_row": "{table}: {count} post(er)",
        "restriction_told": "Vi har också underrättat: {systems}.",
        "restriction_lift_promise": "Vi meddelar dig innan begränsningen hävs.",
        "lift_subject": "Besked om att begränsningen av behandling hävs",
        "lift_intro": "Den begränsning av behandlingen av dina personuppgifter som vi "
                      "införde i ärende {case} (skäl: {ground}) kommer att hävas. Enligt "
                      "artikel 18.3 i dataskyddsförordningen meddelar vi dig detta innan "
                      "den hävs. Skäl till att den hävs: {reason}",
        "objection_subject": "Bekräftelse på din invändning",
        "objection_marketing": "Vi har registrerat din invändning mot direktmarknadsföring "
                               "(artikel 21.2 och 21.3 i dataskyddsförordningen), ärende "
                               "{case}. Vi har slutat använda dina uppgifter för "
                               "marknadsföring i alla kanaler:",
        "objection_stop": "Vi har prövat din invändning (artikel 21.1), ärende {case}, och "
                          "slutar behandla uppgifterna. Det här gör vi nu: {plan}",
        "objection_grounds": "Vi har prövat din invändning (artikel 21.1), ärende {case}. Vi "
                             "har tvingande berättigade skäl som väger tyngre än dina "
                             "intressen: {reason}",
        "ground_accuracy_contested": "du har bestritt att uppgifterna är korrekta, och vi "
                                     "kontrollerar dem",
        "ground_unlawful": "behandlingen är olaglig men du vill inte att uppgifterna raderas",
        "ground_legal_claims": "du behöver uppgifterna för rättsliga anspråk",
        "ground_objection_pending": "du har invänt mot behandlingen och vi prövar "
                                    "invändningen",
    },
    "en": {
        "portability_subject": "Your personal data in a machine-readable format (portability)",
        "portability_intro": "We have handled your request for data portability (GDPR "
                             "article 20), case {case}. The enclosed file {bundle} holds the "
                             "data you gave us and the data about your use of our services, "
                             "as JSON and CSV with a manifest and checksums (SHA-256).",
        "portability_password": "The file is encrypted (AES-256). We send the password "
                                "separately.",
        "portability_included": "What is included",
        "portability_left_out": "What is left out, and why",
        "left_inferred": "{what}: data we computed or created ourselves (such as invoice "
                         "amounts and invoice numbers) is not covered by the right to data "
                         "portability.",
        "left_basis": "{what}: processed on the basis of {basis}, not consent or a contract, "
                      "so not covered by the right to data portability (article 20(1)).",
        "left_undisclosed": "{what}: not disclosed (such as your encrypted password).",
        "left_unclassified": "{what}: our data map does not say where it came from; it is in "
                             "an access extract, not here.",
        "portability_access": "All the data we hold about you, including what is left out "
                              "here, is in an access extract (article 15) if you ask for one.",
        "transfer": "You may ask us to send the file directly to another controller where "
                    "that is technically feasible.",
        "restriction_subject": "Confirmation that processing is restricted",
        "restriction_intro": "We have restricted the processing of your personal data (GDPR "
                             "article 18), case {case}. Ground: {ground}. The data is kept "
                             "but not used, except to establish, exercise or defend legal "
                             "claims, with your consent, or to protect another person's "
                             "rights.",
        "restriction_what": "What is restricted",
        "restriction_row": "{table}: {count} record(s)",
        "restriction_told": "We have also informed: {systems}.",
        "restriction_lift_promise": "We will tell you before the restriction is lifted.",
        "lift_subject": "Notice that the restriction of processing will be lifted",
        "lift_intro": "The restriction of the processing of your personal data that we "
                      "applied in case {case} (ground: {ground}) will be lifted. Under GDPR "
                      "article 18(3) we tell you before it is lifted. Why it is lifted: "
                      "{reason}",
        "objection_subject": "Confirmation of your objection",
        "objection_marketing": "We have recorded your objection to direct marketing (GDPR "
                               "article 21(2) and (3)), case {case}. We have stopped using "
                               "your data for marketing in every channel:",
        "objection_stop": "We have considered your objection (article 21(1)), case {case}, and "
                          "stop the processing. This is what we do now: {plan}",
        "objection_grounds": "We have considered your objection (article 21(1)), case {case}. "
                             "We have compelling legitimate grounds that override your "
                             "interests: {reason}",
        "ground_accuracy_contested": "you contest the accuracy of the data and we are "
                                     "checking it",
        "ground_unlawful": "the processing is unlawful but you do not want the data erased",
        "ground_legal_claims": "you need the data for legal claims",
        "ground_objection_pending": "you have objected and we are considering the objection",
    },
}


def text(lang: str, key: str, **params: object) -> str:
    """One text of the letters in ``lang``, filled in."""
    return TEXTS[lang][key].format(**params)


@dataclass(frozen=True)
class Section:
    heading: str
    lines: tuple[str, ...]


def build_letter(*, subject: str, paragraphs: Sequence[str], sections: Sequence[Section] = (),
                 closing: Sequence[str] = (), case_number: str, person_label: str,
                 letterhead: Letterhead, produced_on: date, lang: str) -> bytes:
    """A one-subject letter: heading, paragraphs, bulleted sections, the IMY paragraph."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    check_language(lang)
    t = COMMON[lang]
    regular, bold = register_fonts()
    base = ParagraphStyle("base", fontName=regular, fontSize=10, leading=14, spaceAfter=4)
    h1 = ParagraphStyle("h1", base, fontName=bold, fontSize=14, leading=18, spaceAfter=8)
    h2 = ParagraphStyle("h2", base, fontName=bold, fontSize=11, leading=15, spaceBefore=8,
                        keepWithNext=1)

    def p(value: str, style: ParagraphStyle = base) -> Paragraph:
        return Paragraph(escape(value), style)

    story = [*letter_top(letterhead, date_line=f"{t['date_label']}: {produced_on.isoformat()}",
                         case_line=f"{t['case_label']}: {case_number}"),
             Spacer(1, 14 * mm), p(person_label), Spacer(1, 12 * mm), p(subject, h1),
             p(t["greeting"].format(name=person_label))]
    story += [p(par) for par in paragraphs]
    for s in sections:
        if s.heading:
            story.append(p(s.heading, h2))
        story += [p("• " + line) for line in s.lines]
    story += [p(par) for par in closing]
    story += [p(t["complaint_heading"], h2), p(t["complaint"]), Spacer(1, 8 * mm),
              p(t["regards"]), p(letterhead.company)]
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=18 * mm, bottomMargin=18 * mm,
                            title=f"{subject} {case_number}", author=letterhead.company,
                            lang=lang)
    doc.build(story)
    return buf.getvalue()
