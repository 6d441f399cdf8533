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
import re
from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from xml.sax.saxutils import escape

from privacy_desk.reports.extract import Extract, ExtractTable
from privacy_desk.reports.fonts import register_fonts
from privacy_desk.reports.layout import letter_top
from privacy_desk.reports.letterhead import Letterhead
from privacy_desk.reports.texts import LetterTexts, letter_texts

_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?$")

#: Rows per reportlab Table (see the module docstring).
CHUNK_ROWS = 60
#: Cell text longer than this is wrapped in a Paragraph (slower, so only where needed).
WRAP_OVER = 28


def format_value(value: Any, lang: str) -> str:
    """A cell's text: dates ISO 8601, times to the minute, booleans as words."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return ("ja" if value else "nej") if lang == "sv" else ("yes" if value else "no")
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        text = f"{value:.2f}"
        return text.replace(".", ",") if lang == "sv" else text
    text = str(value)
    # SQLite hands timestamps back as text: show them like datetimes from the servers.
    return text[:16] if _ISO_DATETIME.match(text) else text


def build_pdf(extract: Extract, *, lang: str = "sv", letterhead: Letterhead,
              password: str | None = None) -> bytes:
    """Render ``extract`` as a PDF and return its bytes."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
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
    h2 = ParagraphStyle("h2", base, fontName=bold, fontSize=12, leading=16, spaceBefore=10,
                        spaceAfter=4)
    h3 = ParagraphStyle("h3", base, fontName=bold, fontSize=10, leading=14, spaceBefore=6,
                        spaceAfter=2)
    cell = ParagraphStyle("cell", base, fontSize=7.5, leading=9)
    head = ParagraphStyle("head", cell, fontName=bold)

    page_label = texts.get("page", page="{page}", pages="{pages}")
    header_text = f"{letterhead.company} · {texts.get('case_label')} {extract.case_number}"

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Draws 'page X of Y' once the page count is known (pages are kept until save)."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's API name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, _ = A4
            self.saveState()
            self.setFont(regular, 8)
            self.setFillColor(colors.grey)
            number = self.getPageNumber()
            if number > 1:
                self.drawString(20 * mm, 287 * mm, header_text)
                self.line(20 * mm, 285.5 * mm, width - 20 * mm, 285.5 * mm)
            self.drawRightString(width - 20 * mm, 10 * mm,
                                 page_label.format(page=number, pages=total))
            self.drawString(20 * mm, 10 * mm, f"{letterhead.company} · "
                            f"{texts.get('org_number_label')} {letterhead.org_number}")
            self.restoreState()

    story: list[Any] = []
    produced = extract.produced_at.date().isoformat()
    # --- letterhead and covering letter
    top = letter_top(letterhead, date_line=f"{texts.get('date_label')}: {produced}",
                     case_line=f"{texts.get('case_label')}: {extract.case_number}")
    story += [*top, Spacer(1, 14 * mm),
              Paragraph(escape(extract.person_label), base), Spacer(1, 12 * mm),
              Paragraph(escape(texts.get("subject")), h1),
              Paragraph(escape(texts.get("greeting", name=extract.person_label)), base),
              Spacer(1, 3 * mm)]
    for key in ("intro", "machine_readable", "closing"):
        story += [Paragraph(escape(texts.get(
            key, received_on=extract.received_on.isoformat())), base), Spacer(1, 3 * mm)]
    story += [Spacer(1, 6 * mm), Paragraph(escape(texts.get("regards")), base),
              Spacer(1, 8 * mm),
              Paragraph(escape(texts.get("signature", company=letterhead.company)), base),
              PageBreak()]

    # --- art. 15 information
    story.append(Paragraph(escape(texts.get("processing_heading")), h2))
    for cat in extract.categories:
        if cat.info is None:
            continue
        info = cat.info
        rows = [[Paragraph(escape(texts.get(label)), head), Paragraph(escape(t.get(lang)), cell)]
                for label, t in (("category_purpose", info.purpose),
                                 ("category_legal_basis", info.legal_basis),
                                 ("category_recipients", info.recipients),
                                 ("category_retention", info.retention))]
        tbl = Table(rows, colWidths=[35 * mm, 135 * mm])
        tbl.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                 ("LEFTPADDING", (0, 0), (-1, -1), 2)]))
        story.append(KeepTogether([Paragraph(escape(cat.title(lang)), h3), tbl]))
    for heading, body in (("rights_heading", "rights"), ("complaint_heading", "complaint"),
                          ("source_heading", "source"), ("automated_heading", "automated")):
        story += [Paragraph(escape(texts.get(heading)), h3),
                  Paragraph(escape(texts.get(body)), base)]
    if extract.withheld_count:
        story += [Paragraph(escape(texts.get("withheld_heading")), h3),
                  Paragraph(escape(texts.get("withheld", count=extract.withheld_count)), base)]
    story.append(PageBreak())

    # --- the data
    story += [Paragraph(escape(texts.get("data_heading")), h2),
              Paragraph(escape(texts.get("data_intro", rows=extract.row_count)), base)]
    style = TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), regular), ("FONTSIZE", (0, 0), (-1, -1), 7.5),
        ("LEADING", (0, 0), (-1, -1), 9), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dce6f1")),
        ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.HexColor("#1f4e79")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f4f6f9")]),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ])
    width = A4[0] - 40 * mm
    for cat in extract.categories:
        story += [CondPageBreak(40 * mm), Paragraph(escape(cat.title(lang)), h2)]
        for table in cat.tables:
            story.append(Paragraph(escape(texts.get("table_caption", table=table.name,
                                                    count=len(table.rows))), h3))
            header = [Paragraph(escape(c), head) for c in table.columns]
            widths = [width / max(1, len(table.columns))] * len(table.columns)
            for chunk in _chunks(table, texts, cell, Paragraph):
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
    doc.build(story, canvasmaker=NumberedCanvas)
    return buf.getvalue()


def _chunks(table: ExtractTable, texts: LetterTexts, style: Any,
            paragraph: Any) -> Iterator[list[list[Any]]]:
    mark = texts.get("withheld_mark")
    lang = texts.lang
    chunk: list[list[Any]] = []
    for row in table.rows:
        cells: list[Any] = []
        for col in table.columns:
            text = mark if col in row.withheld else format_value(row.values.get(col), lang)
            cells.append(paragraph(escape(text), style) if len(text) > WRAP_OVER else text)
        chunk.append(cells)
        if len(chunk) == CHUNK_ROWS:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
