"""Small bar charts painted with QPainter, for the overview (decision 0017).

No chart library: QtCharts needs the PySide6-Addons wheel (much larger than the
installer's Qt today) and pyqtgraph brings numpy. The overview needs a handful of bar
charts of at most twelve bars; a ``paintEvent`` draws them in well under a millisecond,
follows the palette (dark mode) and the font, and scales with the widget.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

#: Colour-blind safe colours (Okabe-Ito), the same as the yearly report's PDF.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#999999")


@dataclass(frozen=True)
class Series:
    """One coloured series; a ``None`` value draws no bar (nothing to show that month)."""

    label: str
    values: Sequence[float | None]
    color: str


def nice_ceiling(value: float) -> float:
    """The axis maximum: ``value`` rounded up to a round multiple of a power of ten."""
    if value <= 0:
        return 1
    power = 10.0 ** math.floor(math.log10(value))
    for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if value <= step * power:
            return step * power
    return 10 * power


class BarChart(QWidget):
    """Vertical bars per category, stacked when there are several series, with a legend.

    ``value_text`` formats the axis maximum and the bar labels (e.g. "80 %"); ``maximum``
    fixes the scale (100 for shares), otherwise it is the highest stack.
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.categories: list[str] = []
        self.series: list[Series] = []
        self.maximum: float | None = None
        self.value_text: Callable[[float], str] = lambda v: f"{v:g}"
        self.show_values = False
        self.setMinimumSize(220, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:
        return QSize(360, 200)

    def set_data(self, categories: Sequence[str], series: Sequence[Series], *,
                 maximum: float | None = None,
                 value_text: Callable[[float], str] | None = None,
                 show_values: bool = False) -> None:
        self.categories = list(categories)
        self.series = list(series)
        self.maximum = maximum
        if value_text is not None:
            self.value_text = value_text
        self.show_values = show_values
        self.setToolTip(self.describe())
        self.update()

    def stack(self, index: int) -> float:
        return sum(s.values[index] or 0 for s in self.series if index < len(s.values))

    def describe(self) -> str:
        """The chart's numbers as text (tooltip and accessible description)."""
        lines = [self.title]
        for i, cat in enumerate(self.categories):
            parts = [f"{s.label}: {self.value_text(v)}" for s in self.series
                     if i < len(s.values) and (v := s.values[i]) is not None and v != 0]
            if parts:
                lines.append(f"{cat}: " + ", ".join(parts))
        text = "\n".join(lines)
        self.setAccessibleDescription(text)
        return text

    def _legend_layout(self, fm: QFontMetrics, left: float,
                       right: float) -> list[tuple[float, int, Series]]:
        """Where each series' legend entry goes: (x, row, series), wrapping into rows."""
        if len(self.series) < 2:
            return []
        out, x, row = [], left, 0
        line = fm.height()
        for s in self.series:
            w = fm.horizontalAdvance(s.label) + line * 1.6
            if x + w > right and x > left:
                x, row = left, row + 1
            out.append((x, row, s))
            x += w
        return out

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        text_color = pal.color(QPalette.ColorRole.WindowText)
        grid = QColor(text_color)
        grid.setAlpha(50)
        fm = p.fontMetrics()
        line = fm.height()
        rect = QRectF(self.rect()).adjusted(4, 2, -4, -2)
        p.setPen(text_color)
        bold = p.font()
        bold.setBold(True)
        p.setFont(bold)
        p.drawText(rect.adjusted(0, 0, 0, -rect.height() + line),
                   Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self.title)
        p.setFont(self.font())
        legend = self._legend_layout(fm, rect.left() + 2, rect.right())
        legend_rows = (max(y for _, y, _ in legend) + 1) if legend else 0
        n = len(self.categories)
        if not n:
            p.end()
            return
        top = (rect.top() + line * (1.2 + legend_rows + (0.6 if legend_rows else 0))
               + (line * 0.8 if self.show_values else 0))  # room for the bars' labels
        bottom = rect.bottom() - line * 1.2
        highest = self.maximum or nice_ceiling(max((self.stack(i) for i in range(n)),
                                                   default=0))
        axis_w = fm.horizontalAdvance(self.value_text(highest)) + 6
        left = rect.left() + axis_w
        plot = QRectF(left, top, rect.right() - left, max(10.0, bottom - top))
        # axis: zero and the maximum, with a faint grid line at each
        p.setPen(grid)
        p.drawLine(plot.bottomLeft(), plot.bottomRight())
        p.drawLine(plot.topLeft(), plot.topRight())
        p.setPen(text_color)
        p.drawText(QRectF(rect.left(), plot.top() - line / 2, axis_w - 4, line),
                   Qt.AlignmentFlag.AlignRight, self.value_text(highest))
        p.drawText(QRectF(rect.left(), plot.bottom() - line / 2, axis_w - 4, line),
                   Qt.AlignmentFlag.AlignRight, self.value_text(0))
        slot = plot.width() / n
        bar_w = max(2.0, slot * 0.65)
        step = max(1, int(fm.horizontalAdvance("MMM") * 1.1 // slot) + 1)
        for i, cat in enumerate(self.categories):
            x = plot.left() + i * slot + (slot - bar_w) / 2
            y = plot.bottom()
            for s in self.series:
                v = s.values[i] if i < len(s.values) else None
                if not v:
                    continue
                h = plot.height() * min(v, highest) / highest
                p.fillRect(QRectF(x, y - h, bar_w, h), QColor(s.color))
                y -= h
            if self.show_values and len(self.series) == 1:
                v = self.series[0].values[i]
                if v is not None:
                    p.drawText(QRectF(x - slot / 2, y - line, bar_w + slot, line),
                               Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                               self.value_text(v))
            if i % step == 0:
                p.drawText(QRectF(plot.left() + i * slot - slot, plot.bottom() + 1, slot * 3,
                                  line), Qt.AlignmentFlag.AlignHCenter, cat)
        for x, row, s in legend:
            y = rect.top() + line * (1.2 + row)
            p.fillRect(QRectF(x, y + line * 0.2, line * 0.6, line * 0.6), QColor(s.color))
            p.drawText(QRectF(x + line * 0.8, y, fm.horizontalAdvance(s.label) + 2, line),
                       Qt.AlignmentFlag.AlignLeft, s.label)
        p.end()
