"""Every case event kind has a Swedish name in the shipped translation, not the stored kind."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from privacy_desk import messages
from privacy_desk.ui.app import install_translations
from privacy_desk.ui.labels import event_label, event_labels


def test_event_kinds_read_in_swedish_then_english(qapp: QApplication) -> None:
    translators = install_translations(qapp, "sv")
    try:
        sv = event_labels()
        assert sv["restriction_lifted"] == "Begränsning hävd"
        assert sv["portability_produced"] == "Portabilitetskopia framställd"
        assert event_label("letter") == "Brev skrivet"
        assert event_label("some_newer_kind") == "some_newer_kind"  # shown as stored
    finally:
        for t in translators:
            qapp.removeTranslator(t)
        QLocale.setDefault(QLocale("en"))
        messages.set_language("en")
    en = event_labels()
    assert en["restriction_lifted"] == "Restriction lifted"
    # The shipped .qm names every kind: no Swedish label is its English source.
    assert [k for k in en if sv[k] == en[k]] == []
