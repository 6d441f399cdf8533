"""No table cell of the extract overflows its column (reportlab's own wrap sizes): heads
wrap at spaces only, values that do not fit become paragraphs that fit, amounts and
timestamps keep their width."""

from __future__ import annotations

from typing import Any

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from privacy_desk.reports.fonts import register_fonts
from privacy_desk.reports.pdf import CELL_PAD, CELL_SIZE, _chunks, column_widths

WIDTH = A4[0] - 40 * mm

TABLES = {
    "logins": (["Inloggad", "IP-adress", "Inloggningsmetod", "Användarnamn"],
               [["2023-06-09 01:17", "203.0.113.116", "BankID", "asa.testsson@example.invalid"]]
               * 5),
    "invoices": (["Fakturanummer", "Fakturadatum", "Förfallodag", "Belopp", "Status",
                  "Betalsätt", "Referens", "Meddelande till kunden"],
                 [["F-2026-000123", "2026-03-01", "2026-03-31", "4 358,70 kr", "Betald",
                   "Autogiro", "OCR 1234567890123",
                   "Tack för att du är kund hos oss. Ditt pris ändras från 1 juli enligt "
                   "det brev du har fått."]] * 3),
    "wide": ([f"Kolumn nummer {i}" for i in range(14)],
             [[f"värde{i}-{'x' * (i % 4)}" for i in range(14)]] * 2),
}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_no_cell_overflows_its_column(name: str) -> None:
    regular, bold = register_fonts()
    heads, rows = TABLES[name]
    widths, heads_fit = column_widths(heads, rows, WIDTH, regular=regular, bold=bold)
    assert sum(widths) == pytest.approx(WIDTH)
    cell = ParagraphStyle("cell", fontName=regular, fontSize=CELL_SIZE, leading=9)
    head = ParagraphStyle("head", cell, fontName=bold, splitLongWords=0 if heads_fit else 1)
    for i, h in enumerate(heads):
        p = Paragraph(h, head)
        w, _ = p.wrap(widths[i] - 2 * CELL_PAD, 1000)
        assert w <= widths[i] - 2 * CELL_PAD + 0.01
        if heads_fit:  # a head never breaks inside a word
            assert p.minWidth() <= widths[i] - 2 * CELL_PAD + 0.01, h
    for chunk in _chunks(rows, widths, regular, cell, Paragraph):
        for i, value in enumerate(chunk[0]):
            room = widths[i] - 2 * CELL_PAD
            if isinstance(value, str):
                assert stringWidth(value, regular, CELL_SIZE) <= room + 0.01, value
            else:
                para: Any = value
                w, _ = para.wrap(room, 1000)
                assert w <= room + 0.01
                assert all(stringWidth(line_text(line), regular, CELL_SIZE) <= room + 0.5
                           for line in para.blPara.lines)


def line_text(line: Any) -> str:
    """The text of one line reportlab broke a paragraph into."""
    words = line[1] if isinstance(line, tuple) else getattr(line, "words", [])
    return " ".join(w if isinstance(w, str) else getattr(w, "text", "") for w in words)
