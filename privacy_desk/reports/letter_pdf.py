"""A letter as a PDF: the common letterhead, the person's address, the template's text.

Every letter kind of :mod:`privacy_desk.reports.templating` is laid out here the same
way: the company's letterhead (:func:`~privacy_desk.reports.layout.letter_top`), the
address block where a window envelope shows it, the subject, the blocks, and a footer
with the company, its organisation number and "page X of Y".
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from privacy_desk.reports.fonts import register_fonts
from privacy_desk.reports.layout import letter_top
from privacy_desk.reports.letterhead import Letterhead
from privacy_desk.reports.templating import RenderedLetter, fmt_date
from privacy_desk.reports.texts import letter_texts

#: The text's width on an A4 page with 20 mm margins, and the padding reportlab's frame
#: keeps inside it on each side (a table of the full width would stick out by that much).
TEXT_WIDTH = (210 - 40) * 72 / 25.4
FRAME_PADDING = 6.0


def numbered_canvas(letterhead: Letterhead, *, header: str, page_label: str,
                    org_label: str) -> type:
    """A canvas class that draws 'page X of Y', the footer and (from page 2) a header."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    regular, _ = register_fonts()

    class NumberedCanvas(Canvas):  # type: ignore[misc]
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
                self.drawString(20 * mm, 287 * mm, header)
                self.line(20 * mm, 285.5 * mm, width - 20 * mm, 285.5 * mm)
            self.drawRightString(width - 20 * mm, 10 * mm,
                                 page_label.format(page=number, pages=total))
            self.drawString(20 * mm, 10 * mm,
                            f"{letterhead.company} · {org_label} {letterhead.org_number}")
            self.restoreState()

    return NumberedCanvas


def build_letter_pdf(letter: RenderedLetter, *, letterhead: Letterhead, case_number: str,
                     letter_date: date, recipient: Sequence[str],
                     data: Callable[[], list[Any]] | None = None,
                     password: str | None = None, title: str | None = None) -> bytes:
    """The PDF bytes of ``letter`` to ``recipient`` (name and address lines).

    ``data`` makes the flowables that replace the template's ``%% data`` line (the
    extract's tables); ``password`` encrypts the file (128-bit, see
    docs/decisions/0005-export-encryption.md); ``title`` is the document's title."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    lang = letter.lang
    texts = letter_texts(lang)
    regular, bold = register_fonts()
    base = ParagraphStyle("letter", fontName=regular, fontSize=10, leading=14, spaceAfter=5)
    h1 = ParagraphStyle("letter-h1", base, fontName=bold, fontSize=13, leading=17,
                        spaceAfter=8)
    # A heading never ends a page: it stays with what it introduces.
    h2 = ParagraphStyle("letter-h2", base, fontName=bold, fontSize=11.5, leading=15,
                        spaceBefore=8, spaceAfter=3, keepWithNext=1)
    h3 = ParagraphStyle("letter-h3", base, fontName=bold, fontSize=10, leading=14,
                        spaceBefore=5, spaceAfter=2, keepWithNext=1)
    bullet = ParagraphStyle("letter-bullet", base, leftIndent=12, bulletIndent=2,
                            spaceAfter=2)
    address = ParagraphStyle("letter-address", base, spaceAfter=0)
    label = ParagraphStyle("letter-label", base, fontName=bold, spaceAfter=2)
    cell = ParagraphStyle("letter-cell", base, spaceAfter=2)

    story: list[Any] = letter_top(
        letterhead, date_line=f"{texts.get('date_label')}: {fmt_date(letter_date, lang)}",
        case_line=f"{texts.get('case_label')}: {case_number}")
    story.append(Spacer(1, 12 * mm))
    story += [Paragraph(escape(line), address) for line in recipient if line.strip()]
    story += [Spacer(1, 12 * mm), Paragraph(escape(letter.subject), h1)]
    rows: list[tuple[str, str]] = []
    heading_above = False  # the rows follow a heading: keep the two on one page

    def end_rows() -> None:
        if rows:
            heading = story.pop() if heading_above else None
            story.append(_row_table(rows, label, cell, heading))
            rows.clear()

    for i, block in enumerate(letter.blocks):
        if block.kind == "row":
            if not rows:
                heading_above = i > 0 and letter.blocks[i - 1].kind in ("heading",
                                                                        "subheading")
            rows.append((block.text, block.value))
            continue
        end_rows()
        text = escape(block.text)
        if block.kind == "heading":
            story.append(Paragraph(text, h2))
        elif block.kind == "subheading":
            story.append(Paragraph(text, h3))
        elif block.kind == "bullet":
            story.append(Paragraph(text, bullet, bulletText="•"))
        elif block.kind == "page":
            story.append(PageBreak())
        elif block.kind == "data":
            story += data() if data is not None else []
        else:
            story.append(Paragraph(text, base))
    end_rows()
    canvas = numbered_canvas(
        letterhead, header=f"{letterhead.company} · {texts.get('case_label')} {case_number}",
        page_label=texts.get("page", page="{page}", pages="{pages}"),
        org_label=texts.get("org_number_label"))
    buf = io.BytesIO()
    encrypt = StandardEncryption(password, canModify=0, strength=128) if password else None
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=18 * mm, bottomMargin=20 * mm,
                            title=title or f"{letter.subject} {case_number}",
                            author=letterhead.company, subject=letter.subject, lang=lang,
                            encrypt=encrypt)
    doc.build(story, canvasmaker=canvas)
    return buf.getvalue()


def _row_table(rows: Sequence[tuple[str, str]], label: Any, cell: Any,
               heading: Any | None) -> Any:
    """Rows of ``| label | text``: a two-column table as wide as the text, kept on one
    page with the heading above it where it fits."""
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Table, TableStyle

    width = TEXT_WIDTH - 2 * FRAME_PADDING
    table = Table([[Paragraph(escape(a), label), Paragraph(escape(b), cell)] for a, b in rows],
                  colWidths=[35 * mm, width - 35 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 4)]))
    return KeepTogether([heading, table] if heading is not None else [table])
