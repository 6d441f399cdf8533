"""The extract as a PDF letter (reportlab): covering letter, art. 15 information, the data.

Page 1 is a letter as a company sends it: letterhead, the person's name, case number and
date, the covering text. Then what art. 15(1)-(3) requires (purposes, categories,
recipients, retention, rights, complaint to IMY, source, automated decisions), then the
data as one table per category and portal table, headers repeating on every page and
"page X of Y" in the footer. Set in the shipped DejaVu font, optionally encrypted with
the PDF standard security handler so a mailed copy needs a password: 128-bit (revision
3), because reportlab's 256-bit mode writes revision 5, which poppler and pypdf cannot
open (see docs/decisions/0005-export-encryption.md).

Long tables are cut into chunks of :data:`CHUNK_ROWS` rows: reportlab splits a table
across pages by re-measuring the remainder, which for one table of 10,000 rows costs far
more than laying out many short ones; the reader sees no difference.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from typing import Any
from xml.sax.saxutils import escape

from privacy_desk.organisation import DEFAULT_TEXTS
from privacy_desk.reports.extract import Extract, ExtractTable
from privacy_desk.reports.fonts import register_fonts
from privacy_desk.reports.layout import letter_top
from privacy_desk.reports.letter_pdf import numbered_canvas
from privacy_desk.reports.letterhead import Letterhead
from privacy_desk.reports.templating import fmt_date, fmt_money
from privacy_desk.reports.texts import LetterTexts, letter_texts

#: Rows per reportlab Table (see the module docstring).
CHUNK_ROWS = 60
#: Cell text longer than this is wrapped in a Paragraph (slower, so only where needed).
WRAP_OVER = 28
#: The data tables' font size, and the padding either side of a cell.
CELL_SIZE = 7.5
CELL_PAD = 1.5
#: A column is never given more than this share of the page's width to begin with.
MAX_SHARE = 0.4
#: A value's longest word is kept whole up to this share of the page's width.
MAX_WORD = 0.25


def build_pdf(extract: Extract, *, lang: str = "sv", letterhead: Letterhead,
              password: str | None = None) -> bytes:
    """Render ``extract`` as a PDF and return its bytes."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        CondPageBreak,
        KeepTogether,
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    regular, bold = register_fonts()
    texts = letter_texts(lang)
    base = ParagraphStyle("base", fontName=regular, fontSize=10, leading=14)
    h1 = ParagraphStyle("h1", base, fontName=bold, fontSize=14, leading=18, spaceAfter=6)
    # A heading never ends a page: it stays with what it introduces (keepWithNext).
    h2 = ParagraphStyle("h2", base, fontName=bold, fontSize=12, leading=16, spaceBefore=10,
                        spaceAfter=4, keepWithNext=1)
    h3 = ParagraphStyle("h3", base, fontName=bold, fontSize=10, leading=14, spaceBefore=6,
                        spaceAfter=2, keepWithNext=1)
    cell = ParagraphStyle("cell", base, fontSize=CELL_SIZE, leading=9)
    head = ParagraphStyle("head", cell, fontName=bold)
    # The art. 15 information per category is text to read, in the body's size.
    info_cell = ParagraphStyle("info-cell", base)
    info_head = ParagraphStyle("info-head", base, fontName=bold)
    # A column head wraps at spaces only: "Kundnummer", never "Kundnum|mer".
    data_head = ParagraphStyle("data-head", head, splitLongWords=0)

    page_label = texts.get("page", page="{page}", pages="{pages}")
    header_text = f"{letterhead.company} · {texts.get('case_label')} {extract.case_number}"

    canvas_class = numbered_canvas(letterhead, header=header_text, page_label=page_label,
                                   org_label=texts.get("org_number_label"))

    story: list[Any] = []
    # --- letterhead and covering letter
    produced = fmt_date(extract.produced_at, lang)
    top = letter_top(letterhead, date_line=f"{texts.get('date_label')}: {produced}",
                     case_line=f"{texts.get('case_label')}: {extract.case_number}")
    address = "<br/>".join(escape(x) for x in (extract.person_label, *extract.address))
    story += [*top, Spacer(1, 14 * mm),
              Paragraph(address, base), Spacer(1, 12 * mm),
              Paragraph(escape(texts.get("subject")), h1),
              Paragraph(escape(texts.get("greeting", name=extract.person_label)), base),
              Spacer(1, 3 * mm)]
    received = fmt_date(extract.received_on, lang)
    # Free, or the fee the case's recorded decision charges: never "free" for a fee case.
    price = (texts.get("fee", fee=fmt_money(extract.fee_sek, lang),
                       reason=extract.fee_reason.strip())
             if extract.fee_sek else texts.get("free"))
    contact = (f"{letterhead.email} {texts.get('contact_or')} {letterhead.phone}"
               if letterhead.phone else letterhead.email)
    late = (" " + texts.get("late", due_on=fmt_date(extract.late_since, lang))
            if extract.late_since else "")
    for text in (texts.get("intro", received_on=received) + late + " " + price,
                 texts.get("machine_readable"),
                 texts.get("closing", contact=contact, case=extract.case_number),
                 letterhead.dpo):
        if text:  # the DPO line, as every other letter has it (art. 13(1)(b))
            story += [Paragraph(escape(text), base), Spacer(1, 3 * mm)]
    signature = (letterhead.signature if letterhead.signature
                 else texts.get("signature", company=letterhead.company))
    story += [Spacer(1, 6 * mm), Paragraph(escape(texts.get("regards")), base),
              Spacer(1, 8 * mm), Paragraph(escape(signature), base), PageBreak()]

    # --- art. 15 information
    story.append(Paragraph(escape(texts.get("processing_heading")), h2))
    for cat in extract.categories:
        if cat.info is None:
            continue
        info = cat.info
        rows = [[Paragraph(escape(texts.get(label)), info_head),
                 Paragraph(escape(t.get(lang)), info_cell)]
                for label, t in (("category_purpose", info.purpose),
                                 ("category_legal_basis", info.legal_basis),
                                 ("category_recipients", info.recipients),
                                 ("category_retention", info.retention))]
        tbl = Table(rows, colWidths=[35 * mm, 135 * mm])
        tbl.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 2)]))
        story.append(KeepTogether([Paragraph(escape(cat.title(lang)), h3), tbl]))
    org = extract.organisation
    if extract.recipients:  # art. 15(1)(c): the recipients by name, where the map names them
        names = ", ".join(r.title for r in extract.recipients).rstrip(".")  # "Inc." ends it
        story += [Paragraph(escape(texts.get("named_recipients_heading")), h3),
                  Paragraph(escape(texts.get("named_recipients", names=names)), base)]
    for heading, body, own in (("rights_heading", "rights", None),
                               ("complaint_heading", "complaint", "complaint"),
                               ("source_heading", "source", "sources"),
                               ("automated_heading", "automated", "automated")):
        text = org.text(own, lang) if org is not None and own else texts.get(body)
        story += [Paragraph(escape(texts.get(heading)), h3), Paragraph(escape(text), base)]
    # art. 15(2): transfers to third countries and their safeguards, from the map
    abroad = [r for r in extract.recipients if r.third_country]
    story.append(Paragraph(escape(texts.get("transfers_heading")), h3))
    if abroad:
        story += [Paragraph(escape(texts.get(
            "transfer_line", name=r.title, country=r.third_country,
            safeguards=r.safeguards.get(lang) if r.safeguards else "")), base) for r in abroad]
    elif org is not None:
        story.append(Paragraph(escape(org.text("transfers", lang)), base))
    else:
        story.append(Paragraph(escape(DEFAULT_TEXTS["transfers"][lang]), base))
    story += _desk_paragraphs(extract, texts, base, h3, Paragraph)
    story += _withheld_paragraphs(extract, texts, base, h3, Paragraph)
    story.append(PageBreak())

    # --- the data
    story += [Paragraph(escape(texts.get("data_heading")), h2),
              Paragraph(escape(texts.count("data_intro", extract.row_count)), base)]
    style = TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), regular), ("FONTSIZE", (0, 0), (-1, -1), 7.5),
        ("LEADING", (0, 0), (-1, -1), 9), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dce6f1")),
        ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.HexColor("#1f4e79")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f4f6f9")]),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ])
    width = A4[0] - 40 * mm
    for cat in extract.categories:
        story += [CondPageBreak(40 * mm), Paragraph(escape(cat.title(lang)), h2)]
        for table in cat.tables:
            story.append(Paragraph(escape(texts.count("table_caption", len(table.rows),
                                                      table=table.title(lang))), h3))
            heads = [table.column_title(c, lang) for c in table.columns]
            cells = _texts(table, texts)
            widths, heads_fit = column_widths(heads, cells, width, regular=regular,
                                             bold=bold)
            # Only a table with more head words than room may break one (rather than overlap).
            header = [Paragraph(escape(h), data_head if heads_fit else head) for h in heads]
            for chunk in _chunks(cells, widths, regular, cell, Paragraph):
                t = Table([header, *chunk], colWidths=widths, repeatRows=1)
                t.setStyle(style)
                story.append(t)
    buf = io.BytesIO()
    encrypt = (StandardEncryption(password, canModify=0, strength=128)
               if password else None)
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=18 * mm, bottomMargin=18 * mm,
                            title=f"{texts.get('document_title')} {extract.case_number}",
                            author=letterhead.company, subject=texts.get("subject"),
                            lang=lang, encrypt=encrypt)
    doc.build(story, canvasmaker=canvas_class)
    return buf.getvalue()


def _desk_paragraphs(extract: Extract, texts: LetterTexts, base: Any, h3: Any,
                     paragraph: Any) -> list[Any]:
    """What the desk itself holds about the person: their requests and our decisions."""
    if not extract.desk_records:
        return []
    lang = texts.lang
    out = [paragraph(escape(texts.get("desk_heading")), h3),
           paragraph(escape(texts.get("desk_intro")), base)]
    for e in extract.desk_records:
        decision = ""
        if e.fee_sek:
            decision = texts.get("desk_fee", fee=fmt_money(e.fee_sek, lang))
        elif e.decision is not None and e.decision.value == "refused":
            decision = texts.get("desk_refused")
        out.append(paragraph(escape(texts.get(
            "desk_line", case=e.case_number, received=fmt_date(e.received_on, lang),
            request=texts.get(f"request_{e.request_type.value}"),
            status=texts.get(f"status_{e.status.value}"), decision=decision)), base,
            bulletText="•"))
    return out


def _withheld_paragraphs(extract: Extract, texts: LetterTexts, base: Any, h3: Any,
                         paragraph: Any) -> list[Any]:
    """What was left out and why, each count as it is: other people's data (art. 15(4)),
    and fields the map never discloses."""
    from reportlab.lib.styles import ParagraphStyle

    counts = extract.withheld
    if not counts.total:
        return []
    mark = texts.get("withheld_mark")
    out = [paragraph(escape(texts.get("withheld_heading")), h3)]
    base = ParagraphStyle("withheld", base, spaceAfter=4)
    others = counts.rows + counts.fields
    if others:
        text = texts.count("withheld", others, items=texts.items(counts.rows, counts.fields))
        if counts.fields:
            text += " " + texts.get("withheld_marked", mark=mark)
        out.append(paragraph(escape(text), base))
    if counts.undisclosed:
        out.append(paragraph(escape(texts.count("undisclosed", counts.undisclosed, mark=mark)),
                             base))
    return out


def _texts(table: ExtractTable, texts: LetterTexts) -> list[list[str]]:
    mark = texts.get("withheld_mark")
    return [[table.cell(row, c, texts.lang, mark) for c in table.columns] for row in table.rows]


def column_widths(heads: Sequence[str], rows: Sequence[Sequence[str]], total: float, *,
                  regular: str, bold: str, size: float = CELL_SIZE) -> tuple[list[float], bool]:
    """Widths that fit each head's longest word (heads wrap at spaces, never inside a
    word), shared out by how much text each column holds, filling ``total``; and whether
    every head's longest word fits (False only for a table of very many columns)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    pad = 2 * CELL_PAD + 0.5
    floor = [max((stringWidth(w, bold, size) for w in h.split()), default=0) + pad
             for h in heads]
    # Values, too, should break at spaces ("2023-06-09 01:17"), when there is room for it.
    words = [max(f, min(max((stringWidth(w, regular, size) for r in rows[:200]
                             for w in r[i].split()), default=0) + pad, total * MAX_WORD))
             for i, f in enumerate(floor)]
    if sum(words) <= total:
        floor = words
    # What each column would like: its widest value (heads wrap, values ideally do not).
    natural = [max(floor[i], min(max((stringWidth(r[i], regular, size) for r in rows[:200]),
                                     default=0) + pad, total * MAX_SHARE))
               for i in range(len(heads))]
    if sum(floor) > total:  # more words than room: share out by the heads' needs
        return [total * f / sum(floor) for f in floor], False
    if sum(natural) <= total:  # room to spare: first unwrap the heads, then widen alike
        whole = [max(n, stringWidth(h, bold, size) + pad) for n, h in zip(natural, heads,
                                                                            strict=True)]
        if sum(whole) <= total:
            natural = whole
        spare = (total - sum(natural)) / max(1, len(heads))
        return [n + spare for n in natural], True
    # Too little room: short values (dates, amounts) keep their width, the widest columns
    # are cut to one common width (never below their head's longest word) and wrap.
    low, high = 0.0, max(natural)
    for _ in range(40):
        cap = (low + high) / 2
        if sum(max(f, min(n, cap)) for f, n in zip(floor, natural, strict=True)) > total:
            high = cap
        else:
            low = cap
    widths = [max(f, min(n, low)) for f, n in zip(floor, natural, strict=True)]
    spare = (total - sum(widths)) / len(widths)
    return [w + spare for w in widths], True


def _chunks(cells: Sequence[Sequence[str]], widths: Sequence[float], font: str, style: Any,
            paragraph: Any) -> Iterator[list[list[Any]]]:
    """Rows of at most CHUNK_ROWS; a cell wider than its column becomes a Paragraph (wraps)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    room = [w - 2 * CELL_PAD for w in widths]
    chunk: list[list[Any]] = []
    for row in cells:
        chunk.append([
            paragraph(escape(text), style)
            if len(text) > WRAP_OVER or stringWidth(text, font, CELL_SIZE) > room[i] else text
            for i, text in enumerate(row)])
        if len(chunk) == CHUNK_ROWS:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
