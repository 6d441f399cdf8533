"""The yearly report as PDF (for management and IMY) and CSV (for tools), Swedish or English.

Rendering only: the figures are :class:`privacy_desk.services.statistics.YearReport`'s,
read as SQL aggregates. The charts are reportlab's own graphics
(``reportlab.graphics.charts``), drawn as vectors in the PDF: no image library, no Qt.
Numbers, percentages and dates are formatted with Babel for the chosen language. The
report holds counts and the reasons officers wrote, never a person's name.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from privacy_desk.errors import UserError
from privacy_desk.messages import Message, msg
from privacy_desk.reports.atomic import make_private
from privacy_desk.reports.fonts import register_fonts
from privacy_desk.reports.templating import fmt_date, fmt_money
from privacy_desk.reports.texts import check_language

if TYPE_CHECKING:  # the figures' types only; reports never call the services
    from privacy_desk.casestore.statistics import HandlingTimes, KeyCount
    from privacy_desk.organisation import Organisation

#: The report's words. Request types and statuses use the stored values as keys.
TEXTS: dict[str, dict[str, str]] = {
    "sv": {
        "title": "Årsrapport {year}: de registrerades rättigheter",
        "subtitle": "Begäranden enligt dataskyddsförordningen (artikel 15–21) som kom in "
                    "under {year}, läget den {as_of}. Underlag för ledningen och för att "
                    "visa Integritetsskyddsmyndigheten (IMY) hur vi följer reglerna "
                    "(ansvarsskyldighet, artikel 5.2).",
        "summary": "Sammanfattning",
        "received": "Inkomna begäranden", "answered": "Besvarade (svar eller avslag)",
        "on_time": "Besvarade i tid", "median": "Median handläggningstid",
        "longest": "Längsta handläggningstid", "still_open": "Ännu inte besvarade",
        "withdrawn_n": "Återkallade av den registrerade",
        "days": "{n} dagar", "none": "–",
        "by_type": "Begäranden per typ och utfall",
        "type": "Typ", "total": "Totalt", "open": "Pågående", "answered_col": "Besvarade",
        "rejected": "Avslagna", "withdrawn": "Återkallade",
        "per_month": "Inkomna begäranden per månad",
        "on_time_month": "Andel besvarade i tid per månad (efter månad då begäran kom in)",
        "times_by_type": "Handläggningstid per typ",
        "n_answered": "Besvarade", "share": "I tid", "median_col": "Median (dagar)",
        "longest_col": "Längst (dagar)",
        "channels": "Begäranden per kanal", "channel": "Kanal", "count": "Antal",
        "decisions": "Förlängningar, avgifter och avslag",
        "extensions": "Förlängd svarstid (artikel 12.3): {n}",
        "fees": "Avgift för ytterligare kopia eller uppenbart ogrundad/orimlig begäran "
                "(artikel 12.5, 15.3): {n}, sammanlagt {total}",
        "free_anyway": "Ytterligare registerutdrag som ändå lämnades utan avgift: {n}",
        "refusals": "Avslagna begäranden (artikel 12.4): {n}, varav {m} som uppenbart "
                    "ogrundade eller orimliga (artikel 12.5)",
        "grounds": "Skäl", "no_grounds": "Inga.", "blank_ground": "(inget skäl angivet)",
        "erasures": "Radering (artikel 17)",
        "erasure_counts": "Ärenden med genomförd radering: {cases}. Poster raderade: {deleted}, "
                          "avidentifierade: {updated}, sparade: {kept}.",
        "kept_heading": "Sparade uppgifter och lagen som kräver dem (artikel 17.3)",
        "law": "Lag", "rows": "Poster", "cases": "Ärenden", "hold_ends": "Sparas till och med",
        "may_erase_from": "Får raderas från",
        "nothing_kept": "Inga uppgifter har behövt sparas.",
        "method": "Så räknas siffrorna",
        "method_text": "Rapporten omfattar begäranden som kom in under {year} (mottagningsdag "
                       "i svensk tid). Besvarad betyder att svaret eller avslaget skickades; "
                       "dagen är då ärendet fick statusen besvarad eller avslagen, eller då "
                       "beslutet om avslag skickades. Ett ärende med ett beslut om avslag "
                       "räknas som avslaget även innan statusen har ändrats, men som ännu inte "
                       "besvarat tills beslutet har skickats. I tid "
                       "betyder senast sista svarsdag (en månad, eller tre månader vid "
                       "förlängning, räknat enligt förordning 1182/71). Handläggningstid är "
                       "kalenderdagar från mottagningsdagen. Skälen är de som handläggarna "
                       "skrev.",
        "generated": "Skapad {at} med Privacy Desk", "page": "Sida {n}",
        "org": "{name}, org.nr {number}",
        "months": "jan feb mar apr maj jun jul aug sep okt nov dec",
        "access": "Registerutdrag", "rectification": "Rättelse", "erasure": "Radering",
        "restriction": "Begränsning", "portability": "Dataportabilitet",
        "objection": "Invändning", "consent_withdrawal": "Återkallat samtycke",
        "portal": "Kundportalen", "email": "E-post", "paper": "Brev", "phone": "Telefon",
        "in_person": "Besök",
    },
    "en": {
        "title": "Yearly report {year}: data-subject rights",
        "subtitle": "Requests under the GDPR (articles 15–21) received in {year}, as they "
                    "stood on {as_of}. For management, and to show the Swedish supervisory "
                    "authority (IMY) how the company complies (accountability, article 5(2)).",
        "summary": "Summary",
        "received": "Requests received", "answered": "Answered (answer or refusal)",
        "on_time": "Answered on time", "median": "Median time to answer",
        "longest": "Longest time to answer", "still_open": "Not answered yet",
        "withdrawn_n": "Withdrawn by the person",
        "days": "{n} days", "none": "–",
        "by_type": "Requests by type and outcome",
        "type": "Type", "total": "Total", "open": "Open", "answered_col": "Answered",
        "rejected": "Refused", "withdrawn": "Withdrawn",
        "per_month": "Requests received per month",
        "on_time_month": "Share answered on time per month (by month of receipt)",
        "times_by_type": "Time to answer by type",
        "n_answered": "Answered", "share": "On time", "median_col": "Median (days)",
        "longest_col": "Longest (days)",
        "channels": "Requests by channel", "channel": "Channel", "count": "Count",
        "decisions": "Extensions, fees and refusals",
        "extensions": "Deadline extended (article 12(3)): {n}",
        "fees": "Fee for a further copy or a manifestly unfounded or excessive request "
                "(articles 12(5), 15(3)): {n}, in total {total}",
        "free_anyway": "Further extracts given free of charge anyway: {n}",
        "refusals": "Requests refused (article 12(4)): {n}, of which {m} as manifestly "
                    "unfounded or excessive (article 12(5))",
        "grounds": "Grounds", "no_grounds": "None.", "blank_ground": "(no reason given)",
        "erasures": "Erasure (article 17)",
        "erasure_counts": "Cases with an erasure carried out: {cases}. Records erased: "
                          "{deleted}, anonymised: {updated}, kept: {kept}.",
        "kept_heading": "Data kept and the law that requires it (article 17(3))",
        "law": "Law", "rows": "Records", "cases": "Cases", "hold_ends": "Kept until",
        "may_erase_from": "May be erased from",
        "nothing_kept": "No data had to be kept.",
        "method": "How the figures are counted",
        "method_text": "The report covers requests received in {year} (day of receipt in "
                       "Swedish time). Answered means the answer or the refusal was sent; its "
                       "day is when the case became answered or refused, or when the refusal "
                       "was sent. A case with a decision to refuse counts as refused even "
                       "before its status changes, but as not answered yet until the refusal "
                       "is sent. On time means no "
                       "later than the deadline (one month, or three when extended, counted "
                       "under Regulation 1182/71). Time to answer is calendar days from the "
                       "day of receipt. The grounds are those the officers wrote.",
        "generated": "Made {at} with Privacy Desk", "page": "Page {n}",
        "org": "{name}, corporate identity number {number}",
        "months": "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec",
        "access": "Access (extract)", "rectification": "Rectification", "erasure": "Erasure",
        "restriction": "Restriction", "portability": "Data portability",
        "objection": "Objection", "consent_withdrawal": "Consent withdrawal",
        "portal": "Customer portal", "email": "E-mail", "paper": "Letter", "phone": "Phone",
        "in_person": "In person",
    },
}

#: Which column of the type table each stored status counts in.
OUTCOME_OF = {"received": "open", "awaiting_identity": "open", "in_progress": "open",
              "extended": "open", "answered": "answered_col", "closed": "answered_col",
              "rejected": "rejected", "withdrawn": "withdrawn"}
OUTCOME_COLUMNS = ("answered_col", "rejected", "withdrawn", "open")
#: Colours of the request types in the charts (colour-blind safe, Okabe-Ito).
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#999999")


class Words:
    """One language's words and number formats for the report."""

    def __init__(self, lang: str) -> None:
        self.lang = check_language(lang)
        self.texts = TEXTS[lang]

    def __call__(self, key: str, **values: Any) -> str:
        text = self.texts.get(key)
        if text is None:  # a type, status or channel added later: its stored value
            return key.replace("_", " ")
        return text.format(**values) if values else text

    def number(self, n: int | float) -> str:
        from babel.numbers import format_decimal

        return format_decimal(n, locale=self.lang)

    def percent(self, share: float | None) -> str:
        from babel.numbers import format_percent

        return self("none") if share is None else format_percent(share, "#,##0.0 %",
                                                                 locale=self.lang)

    def days(self, n: float | None) -> str:
        return self("none") if n is None else self("days", n=self.number(n))

    def money(self, amount: Any) -> str:
        """As in the letters: '150,00 kr', 'SEK 150.00'."""
        return fmt_money(amount, self.lang)

    def day(self, d: date) -> str:
        """As in the letters: '1 december 2026', '1 December 2026' (British order)."""
        return fmt_date(d, self.lang)

    def kept_through(self, first_ends_on: date, last_ends_on: date) -> str:
        """The last day rows are kept, from the holds' end dates (the first day a row may
        be erased, as stored): '31 december 2031 – 31 december 2033', like the erasure
        letter's 'till och med'."""
        first, last = (self.day(d - timedelta(days=1)) for d in (first_ends_on, last_ends_on))
        return last if first == last else f"{first} – {last}"

    def month_names(self) -> list[str]:
        return self("months").split()

    def ground(self, text: str) -> str:
        """A reason as stored: plain text, or a message (JSON) rendered in this language."""
        if not text:
            return self("blank_ground")
        if text.startswith('{"p"'):
            try:
                return Message.from_json(text).render(self.lang)
            except (ValueError, KeyError, TypeError):
                pass
        return text


# --------------------------------------------------------------------------- tables


def type_table(report: Any, w: Words) -> list[list[str]]:
    """Rows of [type, total, answered, refused, withdrawn, open]; the last row the totals."""
    counts: dict[str, dict[str, int]] = {}
    for rtype, status, n in report.outcomes:
        col = OUTCOME_OF.get(status, "open")
        counts.setdefault(rtype, dict.fromkeys(OUTCOME_COLUMNS, 0))[col] += n
    rows = []
    totals = dict.fromkeys(OUTCOME_COLUMNS, 0)
    for rtype in sorted(counts, key=w):
        c = counts[rtype]
        for k in OUTCOME_COLUMNS:
            totals[k] += c[k]
        rows.append([w(rtype), w.number(sum(c.values())),
                     *(w.number(c[k]) for k in OUTCOME_COLUMNS)])
    rows.append([w("total"), w.number(sum(totals.values())),
                 *(w.number(totals[k]) for k in OUTCOME_COLUMNS)])
    return rows


def times_row(label: str, t: HandlingTimes, w: Words) -> list[str]:
    return [label, w.number(t.answered), w.percent(t.share_on_time),
            w("none") if t.median_days is None else w.number(t.median_days),
            w("none") if t.longest_days is None else w.number(t.longest_days)]


# --------------------------------------------------------------------------- CSV


def year_report_csv(report: Any, lang: str = "sv") -> bytes:
    """The figures as CSV (UTF-8 with BOM): section, key, detail, label, value.

    ``key`` and ``detail`` are the stored values (stable for tools); ``label`` is in
    ``lang`` for a person reading the file.
    """
    w = Words(lang)
    buf = io.StringIO()
    out = csv.writer(buf)
    out.writerow(["section", "key", "detail", "label", "value"])
    h = report.handling
    out.writerows([
        ["summary", "received", "", w("received"), report.total],
        ["summary", "answered", "", w("answered"), h.answered],
        ["summary", "on_time", "", w("on_time"), h.on_time],
        ["summary", "share_on_time", "", w("on_time"),
         "" if h.share_on_time is None else f"{h.share_on_time:.4f}"],
        ["summary", "median_days", "", w("median"),
         "" if h.median_days is None else h.median_days],
        ["summary", "longest_days", "", w("longest"),
         "" if h.longest_days is None else h.longest_days],
    ])
    for rtype, status, n in report.outcomes:
        out.writerow(["outcome", rtype, status, f"{w(rtype)}: {w(OUTCOME_OF.get(status, 'open'))}",
                      n])
    for m in report.received:
        out.writerow(["per_month", f"{m.year:04d}-{m.month:02d}", m.request_type, w(m.request_type),
                      m.count])
    for rtype in report.request_types:
        t = report.type_handling(rtype)
        out.writerow(["handling", rtype, "answered", w(rtype), t.answered])
        out.writerow(["handling", rtype, "on_time", w(rtype), t.on_time])
        out.writerow(["handling", rtype, "median_days", w(rtype),
                      "" if t.median_days is None else t.median_days])
        out.writerow(["handling", rtype, "longest_days", w(rtype),
                      "" if t.longest_days is None else t.longest_days])
    for c in report.channels:
        out.writerow(["channel", c.key, "", w(c.key), c.count])
    d = report.decisions
    out.writerow(["extensions", "count", "", w("extensions", n=d.extensions), d.extensions])
    for g in d.extension_grounds:
        out.writerow(["extensions", "ground", g.key, w.ground(g.key), g.count])
    out.writerow(["fees", "count", "", w("grounds"), d.fees])
    out.writerow(["fees", "total_sek", "", "SEK", f"{d.fee_total_sek:.2f}"])
    for g in d.fee_grounds:
        out.writerow(["fees", "ground", g.key, w.ground(g.key), g.count])
    out.writerow(["fees", "free_anyway", "", w("free_anyway", n=d.free_anyway), d.free_anyway])
    out.writerow(["refusals", "count", "", w("rejected"), d.refusals])
    out.writerow(["refusals", "manifestly_unfounded_or_excessive", "", "12(5)",
                  d.allowance_refusals])
    for g in d.refusal_grounds:
        out.writerow(["refusals", "ground", g.key, w.ground(g.key), g.count])
    e = report.erasures
    out.writerows([["erasures", "cases", "", w("cases"), e.cases],
                   ["erasures", "rows_deleted", "", "", e.rows_deleted],
                   ["erasures", "rows_updated", "", "", e.rows_updated],
                   ["erasures", "rows_retained", "", "", e.rows_retained]])
    for k in e.kept:
        out.writerow(["kept", k.law, "rows", w("rows"), k.rows])
        out.writerow(["kept", k.law, "cases", w("cases"), k.cases])
        out.writerow(["kept", k.law, "last_ends_on", w("may_erase_from"),
                      k.last_ends_on.isoformat()])
        out.writerow(["kept", k.law, "last_kept_on", w("hold_ends"),
                      (k.last_ends_on - timedelta(days=1)).isoformat()])
    return buf.getvalue().encode("utf-8-sig")


# --------------------------------------------------------------------------- PDF


def axis_step(highest: int, ticks: int = 5) -> int:
    """A round step (1, 2 or 5 times a power of ten, whole requests) for about ``ticks``."""
    rough = max(1.0, highest / ticks)
    power = 1
    while power * 10 <= rough:
        power *= 10
    for m in (1, 2, 5, 10):
        if m * power >= rough:
            return m * power
    return 10 * power


def _month_chart(report: Any, w: Words, font: str) -> Any:
    """Stacked bars: requests received per month, one colour per request type."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    types = report.request_types or ["access"]
    counts = {(m.month, m.request_type): m.count for m in report.received}
    data = [[counts.get((month, t), 0) for month in range(1, 13)] for t in types]
    drawing = Drawing(480, 200)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 30, 300, 155
    chart.data = data
    chart.categoryAxis.categoryNames = w.month_names()
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    highest = max([sum(col) for col in zip(*data, strict=True)] or [0])
    step = axis_step(highest)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = step
    chart.valueAxis.valueMax = step * max(1, -(-highest // step))
    chart.barWidth = 8
    for i in range(len(types)):
        chart.bars[i].fillColor = colors.HexColor(PALETTE[i % len(PALETTE)])
        chart.bars[i].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.x, legend.y = 355, 180
    legend.fontName, legend.fontSize = font, 7
    legend.alignment = "right"
    legend.dx = legend.dy = 7
    legend.deltay = 11
    legend.columnMaximum = len(types)
    legend.colorNamePairs = [(colors.HexColor(PALETTE[i % len(PALETTE)]), w(t))
                             for i, t in enumerate(types)]
    drawing.add(legend)
    return drawing


def _on_time_chart(report: Any, w: Words, font: str) -> Any:
    """Bars: the share answered on time, per month of receipt (0-100 %)."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    shares = []
    for month in range(1, 13):
        s = report.month_handling(month).share_on_time
        shares.append(None if s is None else round(100 * s, 1))  # no bar: nothing answered
    drawing = Drawing(480, 150)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 25, 400, 110
    chart.data = [shares]
    chart.categoryAxis.categoryNames = w.month_names()
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 25
    chart.valueAxis.labelTextFormat = "%d %%"
    chart.bars[0].fillColor = colors.HexColor(PALETTE[2])
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%.0f"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 6
    chart.barLabels.nudge = 6
    drawing.add(chart)
    return drawing


def _grounds_list(grounds: Sequence[KeyCount], w: Words, style: Any) -> list[Any]:
    from reportlab.platypus import Paragraph

    if not grounds:
        return [Paragraph(escape(w("no_grounds")), style)]
    return [Paragraph(f"{escape(w.ground(g.key))} ({w.number(g.count)})", style,
                      bulletText="•") for g in grounds]


def year_report_pdf(report: Any, lang: str = "sv", organisation: Organisation | None = None,
                    ) -> bytes:
    """The report as an A4 PDF with charts, in ``lang`` ('sv' or 'en'); the footer names
    ``organisation`` (the controller whose accountability it shows) when one is set."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        CondPageBreak,
        KeepTogether,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    w = Words(lang)
    regular, bold = register_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=9, leading=12)
    small = ParagraphStyle("small", parent=body, fontSize=8, leading=10, leftIndent=10)
    title = ParagraphStyle("title", fontName=bold, fontSize=16, leading=20, spaceAfter=4)
    h2 = ParagraphStyle("h2", fontName=bold, fontSize=11, leading=14, spaceBefore=10,
                        spaceAfter=4, keepWithNext=1)
    h3 = ParagraphStyle("h3", fontName=bold, fontSize=9, leading=12, spaceBefore=4,
                        keepWithNext=1)

    def table(rows: list[list[str]], widths: Sequence[float], *, total_row: bool = False,
              ) -> Table:
        t = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        style = [("FONT", (0, 0), (-1, -1), regular, 8),
                 ("FONT", (0, 0), (-1, 0), bold, 8),
                 ("LINEBELOW", (0, 0), (-1, 0), 0.5, colors.black),
                 ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                 ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F2F2F2")]),
                 ("VALIGN", (0, 0), (-1, -1), "TOP")]
        if total_row:
            style += [("FONT", (0, -1), (-1, -1), bold, 8),
                      ("LINEABOVE", (0, -1), (-1, -1), 0.5, colors.black)]
        t.setStyle(TableStyle(style))
        return t

    h = report.handling
    withdrawn = sum(n for _, s, n in report.outcomes if s == "withdrawn")
    # Neither answered nor withdrawn: the open cases, and refusals decided but not yet sent.
    still_open = max(0, report.total - h.answered - withdrawn)
    summary = [
        [w("received"), w.number(report.total)],
        [w("answered"), w.number(h.answered)],
        [w("on_time"), f"{w.number(h.on_time)} ({w.percent(h.share_on_time)})"],
        [w("median"), w.days(h.median_days)],
        [w("longest"), w.days(h.longest_days)],
        [w("withdrawn_n"), w.number(withdrawn)],
        [w("still_open"), w.number(still_open)],
    ]
    story: list[Any] = [
        Paragraph(escape(w("title", year=report.year)), title),
        Paragraph(escape(w("subtitle", year=report.year, as_of=w.day(report.as_of))), body),
        Paragraph(escape(w("summary")), h2),
        _plain_table(summary, [80 * mm, 50 * mm], regular, bold),
        Paragraph(escape(w("by_type")), h2),
        table([[w("type"), w("total"), *(w(k) for k in OUTCOME_COLUMNS)],
               *type_table(report, w)],
              [50 * mm, 20 * mm, 24 * mm, 22 * mm, 24 * mm, 22 * mm], total_row=True),
        KeepTogether([Paragraph(escape(w("per_month")), h2),
                      _month_chart(report, w, regular)]),
        KeepTogether([Paragraph(escape(w("on_time_month")), h2),
                      _on_time_chart(report, w, regular)]),
        Paragraph(escape(w("times_by_type")), h2),
        table([[w("type"), w("n_answered"), w("share"), w("median_col"), w("longest_col")],
               *(times_row(w(t), report.type_handling(t), w) for t in
                 sorted(report.request_types, key=w)),
               times_row(w("total"), h, w)],
              [50 * mm, 24 * mm, 24 * mm, 28 * mm, 28 * mm], total_row=True),
        Paragraph(escape(w("channels")), h2),
        table([[w("channel"), w("count")],
               *([w(c.key), w.number(c.count)] for c in report.channels)],
              [50 * mm, 24 * mm]),
    ]
    d = report.decisions
    story += [
        CondPageBreak(60 * mm),
        Paragraph(escape(w("decisions")), h2),
        Paragraph(escape(w("extensions", n=w.number(d.extensions))), h3),
        *_grounds_list(d.extension_grounds, w, small),
        Paragraph(escape(w("fees", n=w.number(d.fees), total=w.money(d.fee_total_sek))), h3),
        *_grounds_list(d.fee_grounds, w, small),
        Paragraph(escape(w("free_anyway", n=w.number(d.free_anyway))), h3),
        Paragraph(escape(w("refusals", n=w.number(d.refusals),
                           m=w.number(d.allowance_refusals))), h3),
        *_grounds_list(d.refusal_grounds, w, small),
    ]
    e = report.erasures
    story += [
        Paragraph(escape(w("erasures")), h2),
        Paragraph(escape(w("erasure_counts", cases=w.number(e.cases),
                           deleted=w.number(e.rows_deleted), updated=w.number(e.rows_updated),
                           kept=w.number(e.rows_retained))), body),
        Paragraph(escape(w("kept_heading")), h3),
    ]
    if e.kept:
        story.append(table(
            [[w("law"), w("rows"), w("cases"), w("hold_ends")],
             *([Paragraph(escape(k.law), ParagraphStyle("cell", fontName=regular, fontSize=8,
                                                        leading=10)),
                w.number(k.rows), w.number(k.cases),
                w.kept_through(k.first_ends_on, k.last_ends_on)]
               for k in e.kept)],
            [68 * mm, 18 * mm, 18 * mm, 70 * mm]))
    else:
        story.append(Paragraph(escape(w("nothing_kept")), body))
    story += [Paragraph(escape(w("method")), h2),
              Paragraph(escape(w("method_text", year=report.year)), body),
              Spacer(1, 6 * mm)]

    generated = w("generated", at=w.day(report.as_of))
    if organisation is not None:
        generated = (f"{w('org', name=organisation.legal_name, number=organisation.org_number)}"
                     f" · {generated}")

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(regular, 7)
        canvas.drawString(18 * mm, 10 * mm, generated)
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, w("page", n=doc.page))
        canvas.restoreState()

    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=16 * mm, bottomMargin=18 * mm,
                            title=w("title", year=report.year), author="Privacy Desk",
                            lang=lang)
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue()


def _plain_table(rows: Iterable[list[str]], widths: Sequence[float], regular: str,
                 bold: str) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    t = Table(list(rows), colWidths=widths, hAlign="LEFT")
    t.setStyle(TableStyle([("FONT", (0, 0), (0, -1), regular, 9),
                           ("FONT", (1, 0), (1, -1), bold, 9),
                           ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                           ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.lightgrey)]))
    return t


def write_report(target: Path, data: bytes) -> None:
    """Write ``target`` whole or not at all, owner-only (0600 on POSIX)."""
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".report-", dir=folder)
    except OSError as exc:
        raise UserError(msg("Cannot write the report to {folder}.", folder=str(folder)),
                        msg("Choose a folder you can write to.")) from exc
    try:
        make_private(fd)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise UserError(msg("Cannot write the report to {folder}.", folder=str(folder)),
                        msg("Choose a folder you can write to.")) from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
