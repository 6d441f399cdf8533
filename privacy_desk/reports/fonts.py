"""The TTF fonts extracts are set in, shipped in ``resources/fonts`` (DejaVu, see its LICENSE).

Embedding our own font means Swedish letters (åäö) print the same on every machine,
whatever fonts the officer's PC has; reportlab's built-in Helvetica cannot be embedded.
"""

from __future__ import annotations

import threading

from privacy_desk.resources import resource_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"

_lock = threading.Lock()
_registered: set[str] = set()


def register_fonts() -> tuple[str, str]:
    """Register the fonts with reportlab once per process; return (regular, bold) names."""
    with _lock:
        if not _registered:
            from reportlab.lib.fonts import addMapping
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            pdfmetrics.registerFont(TTFont(REGULAR, str(resource_path("fonts", "DejaVuSans.ttf"))))
            pdfmetrics.registerFont(TTFont(BOLD, str(resource_path("fonts",
                                                                   "DejaVuSans-Bold.ttf"))))
            addMapping(REGULAR, 0, 0, REGULAR)
            addMapping(REGULAR, 1, 0, BOLD)
            addMapping(REGULAR, 0, 1, REGULAR)
            addMapping(REGULAR, 1, 1, BOLD)
            _registered.add(REGULAR)
    return REGULAR, BOLD
