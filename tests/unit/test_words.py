"""The services' and the domain's words read in Swedish, and servers are named plainly."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from privacy_desk.dburl import connect, explain_connection_error, parse_target, server_name
from privacy_desk.domain.allowance import AllowanceDecision
from privacy_desk.domain.lifecycle import CaseStatus, check_transition
from privacy_desk.errors import ConnectionFailed, UserError
from privacy_desk.identifiers import parse_identifier
from privacy_desk.messages import catalogue, msg, set_language
from privacy_desk.services.roles import action_words


@pytest.fixture
def swedish() -> Iterator[None]:
    set_language("sv")
    yield None
    set_language("en")


def test_a_server_is_named_host_port_database() -> None:
    url = parse_target("postgresql://desk:pw@db.example.com/cases?sslmode=prefer")
    assert server_name(url) == "db.example.com:5432/cases"
    assert server_name(parse_target("mysql://root@127.0.0.1:3307/portal")) == (
        "127.0.0.1:3307/portal")
    assert server_name(parse_target("mariadb://root@db/portal")) == "db:3306/portal"


def test_a_connection_error_names_no_driver_url() -> None:
    url = parse_target("postgresql://desk:s3cret@db.example.com:6543/cases?sslmode=prefer")
    err = explain_connection_error(url, OSError("Connection refused"))
    text = f"{err.message} {err.hint}"
    assert "db.example.com:6543/cases" in text
    for leak in ("postgresql", "psycopg", "sslmode", "://", "s3cret", "desk@"):
        assert leak not in text


def test_an_unreachable_server_is_named_in_swedish(swedish: object) -> None:
    with pytest.raises(ConnectionFailed) as err:
        connect("postgresql://postgres@127.0.0.1:1/postgres?sslmode=prefer", connect_timeout=2)
    assert err.value.message == "Det går inte att nå databasservern för 127.0.0.1:1/postgres."
    assert "Kontrollera värddator och port" in err.value.hint


def test_a_refused_status_change_names_the_statuses_in_the_readers_language() -> None:
    with pytest.raises(UserError) as err:
        check_transition(CaseStatus.CLOSED, CaseStatus.IN_PROGRESS)
    assert err.value.message == "A case cannot move from 'closed' to 'in_progress'."
    set_language("sv")
    try:
        assert err.value.message == "Ett ärende kan inte gå från 'Avslutad' till 'Pågår'."
        assert "registrera ett nytt ärende" in err.value.hint
        with pytest.raises(UserError) as err2:
            check_transition(CaseStatus.RECEIVED, CaseStatus.ANSWERED)
        assert err2.value.hint.startswith("Från 'Inkommen' kan ett ärende gå till: '")
        assert "'Väntar på identitet'" in err2.value.hint
    finally:
        set_language("en")


def test_domain_and_identifier_refusals_read_in_swedish(swedish: object) -> None:
    with pytest.raises(UserError) as err:
        AllowanceDecision("refused", "too short")  # type: ignore[arg-type]
    assert err.value.message.startswith("En vägran kräver en skriftlig motivering")
    with pytest.raises(UserError) as err:
        parse_identifier("not-an-email@", kind="email")
    assert err.value.message == "Det är inte en giltig e-postadress."
    assert str(err.value.args[0]) == "That is not a valid e-mail address."  # logs stay English


def _role_action_phrases() -> set[str]:
    """Every literal action phrase handed to a role check (rendered via action_words)."""
    import ast
    from pathlib import Path

    import privacy_desk

    found: set[str] = {"do this"}
    for path in Path(privacy_desk.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", "")
            if name in {"check_role", "require_role"}:
                found.update(k.value.value for k in node.keywords if k.arg == "action"
                             and isinstance(k.value, ast.Constant))
            elif name in {"_check_writers", "_auditor"} and len(node.args) > 2 \
                    and isinstance(node.args[2], ast.Constant):
                found.add(node.args[2].value)
    return found


def test_every_role_action_phrase_has_a_swedish_translation() -> None:
    phrases = _role_action_phrases()
    assert "register cases" in phrases and "browse the audit trail" in phrases
    assert sorted(p for p in phrases if p not in catalogue("sv")) == []


def test_a_role_refusal_reads_in_swedish(swedish: None) -> None:
    from privacy_desk.services.roles import refusal

    err = refusal("bo", msg("{action} (it needs the {needed} role)",
                            action=action_words("register cases"), needed="officer"))
    assert err.message == "bo får inte registrera ärenden (det kräver rollen officer)."


def test_the_cli_speaks_swedish_when_asked_and_names_the_server(
        capsys: pytest.CaptureFixture[str]) -> None:
    from privacy_desk.cli import main
    from privacy_desk.resources import resource_path

    demo_map = str(resource_path("datamaps", "demo-portal.yaml"))
    try:
        code = main(["--lang", "sv", "datamap", "check", "--map", demo_map,
                     "--portal", "postgresql://u@127.0.0.1:1/db?sslmode=prefer"])
    finally:
        set_language("en")
    err = capsys.readouterr().err
    assert code == 3
    assert "Det går inte att nå databasservern för 127.0.0.1:1/db." in err
    assert "sslmode" not in err and "postgresql" not in err


def test_an_event_renders_its_message_and_keeps_old_notes() -> None:
    from datetime import datetime

    from privacy_desk.casestore.queries import CaseEventRow, _stored_message

    at = datetime(2026, 12, 1, 9, 0)
    old = CaseEventRow(1, at, "anna", "claimed", None, None, "Claimed by anna.")
    assert old.text("sv") == "Claimed by anna."  # a row from before revision 0009
    stored = msg("Claimed by {officer}.", officer="anna").to_json()
    new = CaseEventRow(2, at, "anna", "claimed", None, None, None, _stored_message(stored))
    assert (new.text("en"), new.text("sv")) == ("Claimed by anna.", "Taget av anna.")
    with_note = CaseEventRow(3, at, "anna", "status", None, None, "Many systems",
                             _stored_message(msg("Request registered.").to_json()))
    assert with_note.text("sv") == "Begäran registrerad. — Many systems"
    assert _stored_message("{not json") is None  # a damaged row still shows its note
