"""The letterhead every letter the desk writes starts with, so they all look alike."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from privacy_desk.reports.fonts import register_fonts
from privacy_desk.reports.letterhead import Letterhead

#: The rule under the letterhead.
BRAND_COLOUR = "#1f4e79"


def letter_top(letterhead: Letterhead, *, date_line: str, case_line: str) -> list[Any]:
    """Company name and address on the left, date and case number on the right, a rule.

    ``date_line`` and ``case_line`` come already translated ("Datum: 2026-11-25").
    """
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table, TableStyle

    regular, bold = register_fonts()
    small = ParagraphStyle("lt-small", fontName=regular, fontSize=8.5, leading=11)
    right = ParagraphStyle("lt-right", small, alignment=TA_RIGHT)
    company = ParagraphStyle("lt-company", fontName=bold, fontSize=15, leading=19)
    sender = "<br/>".join(escape(x) for x in (*letterhead.address_lines, letterhead.email,
                                               letterhead.phone))
    meta = f"{escape(date_line)}<br/>{escape(case_line)}"
    top = Table([[Paragraph(escape(letterhead.company), company), Paragraph(meta, right)],
                 [Paragraph(sender, small), ""]], colWidths=[110 * mm, 60 * mm])
    top.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                             ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                             ("LINEBELOW", (0, 1), (-1, 1), 0.6, colors.HexColor(BRAND_COLOUR))]))
    if letterhead.logo:
        return [_logo(letterhead.logo), top]
    return [top]


def _logo(path: str) -> Any:
    """The company's logo, 14 mm high, aligned left (its proportions kept)."""
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    width, height = ImageReader(path).getSize()
    image = Image(path, width=14 * mm * width / max(1, height), height=14 * mm)
    image.hAlign = "LEFT"
    return image
