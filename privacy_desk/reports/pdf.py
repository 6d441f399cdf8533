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

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from privacy_desk.reports.extract import Extract, ExtractTable
from privacy_desk.reports.extract_letter import extract_letter
from privacy_desk.reports.fonts import register_fonts
from privacy_desk.reports.letter_pdf import FRAME_PADDING, TEXT_WIDTH, build_letter_pdf
from privacy_desk.reports.letterhead import Letterhead
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
              password: str | None = None, config_dir: Path | None = None) -> bytes:
    """Render ``extract`` as a PDF and return its bytes.

    The words are the company's template (:mod:`~privacy_desk.reports.extract_letter`),
    rendered (and so checked) before anything is laid out; the tables of the person's data
    are laid out here, where the template says ``%% data``."""
    letter = extract_letter(extract, lang=lang, letterhead=letterhead, config_dir=config_dir)
    texts = letter_texts(lang)
    return build_letter_pdf(
        letter, letterhead=letterhead, case_number=extract.case_number,
        letter_date=extract.produced_at.date(),
        recipient=[extract.person_label, *extract.address],
        data=lambda: data_flowables(extract, lang), password=password,
        title=f"{texts.get('document_title')} {extract.case_number}")


def data_flowables(extract: Extract, lang: str) -> list[Any]:
    """The person's data: per category a heading, per table a caption and the table
    (headers repeating on every page, columns sized to their content)."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, Paragraph, Table, TableStyle

    regular, bold = register_fonts()
    texts = letter_texts(lang)
    base = ParagraphStyle("base", fontName=regular, fontSize=10, leading=14)
    h2 = ParagraphStyle("h2", base, fontName=bold, fontSize=12, leading=16, spaceBefore=10,
                        spaceAfter=4, keepWithNext=1)
    h3 = ParagraphStyle("h3", base, fontName=bold, fontSize=10, leading=14, spaceBefore=6,
                        spaceAfter=2, keepWithNext=1)
    cell = ParagraphStyle("cell", base, fontSize=CELL_SIZE, leading=9)
    head = ParagraphStyle("head", cell, fontName=bold)
    # A column head wraps at spaces only: "Kundnummer", never "Kundnum|mer".
    data_head = ParagraphStyle("data-head", head, splitLongWords=0)
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
    width = TEXT_WIDTH - 2 * FRAME_PADDING  # the frame's own padding too: never sticks out
    story: list[Any] = []
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
    return story


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
