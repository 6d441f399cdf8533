"""Every message the services give people has a Swedish translation that fits it."""

from __future__ import annotations

from datetime import date

from privacy_desk.errors import UserError
from privacy_desk.messages import Message, catalogue, msg, render, set_language
from tools import messages as tool


def test_every_message_in_the_code_has_a_swedish_translation() -> None:
    assert tool.problems("sv") == []


def test_the_extractor_finds_msg_calls() -> None:
    # The completeness test above is only worth something if the extractor sees calls.
    templates = {use.template for use in tool.message_uses()}
    assert "Refresh the queue to see who holds it." in templates


def test_a_message_renders_in_the_language_asked_for() -> None:
    m = msg("Case {case} is closed.", case="PD-2026-00001")
    assert m.render("en") == "Case PD-2026-00001 is closed."
    assert m.render("sv") == "Ärende PD-2026-00001 är stängt."


def test_a_stored_message_comes_back_with_nested_messages_and_dates() -> None:
    inner = msg("Case {case} is closed.", case="PD-2026-00002")
    m = Message("{what} ({when})", {"what": inner, "when": date(2026, 12, 1)})
    again = Message.from_json(m.to_json())
    assert again.render("sv") == "Ärende PD-2026-00002 är stängt. (2026-12-01)"


def test_a_user_error_speaks_the_current_language() -> None:
    err = UserError(msg("Case {case} is closed.", case="PD-2026-00003"))
    set_language("sv")
    assert err.message == "Ärende PD-2026-00003 är stängt."
    assert str(err.args[0]) == "Case PD-2026-00003 is closed."  # logs and tracebacks: English
    set_language("en")
    assert err.message == "Case PD-2026-00003 is closed."
    assert render("plain text", "sv") == "plain text"


def test_the_catalogue_is_read_from_every_po_file() -> None:
    assert catalogue("sv")["Case {case} is closed."] == "Ärende {case} är stängt."
