"""The case lifecycle: every allowed move accepted, every other refused with a clear message."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest

from privacy_desk.domain.lifecycle import (
    OPEN_STATUSES,
    REASON_REQUIRED,
    TERMINAL_STATUSES,
    CaseStatus,
    InvalidTransition,
    Transition,
    allowed_transitions,
    check_transition,
    requires_reason,
    requires_verified_identity,
)
from privacy_desk.errors import UserError

S = CaseStatus

# The lifecycle, written out independently of the module's table so a change there is seen.
EXPECTED: dict[CaseStatus, set[CaseStatus]] = {
    S.RECEIVED: {S.AWAITING_IDENTITY, S.IN_PROGRESS, S.REJECTED, S.WITHDRAWN},
    S.AWAITING_IDENTITY: {S.IN_PROGRESS, S.REJECTED, S.WITHDRAWN},
    S.IN_PROGRESS: {S.AWAITING_IDENTITY, S.EXTENDED, S.ANSWERED, S.REJECTED, S.WITHDRAWN},
    S.EXTENDED: {S.ANSWERED, S.REJECTED, S.WITHDRAWN},
    S.ANSWERED: {S.CLOSED},
    S.CLOSED: set(),
    S.REJECTED: set(),
    S.WITHDRAWN: set(),
}
ALL_PAIRS = list(itertools.product(CaseStatus, CaseStatus))
ALLOWED = [(a, b) for a, b in ALL_PAIRS if b in EXPECTED[a]]
REFUSED = [(a, b) for a, b in ALL_PAIRS if b not in EXPECTED[a]]
AT = datetime(2025, 3, 3, 9, 15, tzinfo=UTC)


def test_stored_values_never_change() -> None:
    assert [s.value for s in CaseStatus] == [
        "received",
        "awaiting_identity",
        "in_progress",
        "extended",
        "answered",
        "closed",
        "rejected",
        "withdrawn",
    ]


def test_the_table_matches_the_documented_lifecycle() -> None:
    assert {s: set(allowed_transitions(s)) for s in CaseStatus} == EXPECTED
    assert allowed_transitions(S.RECEIVED) == allowed_transitions("received")  # type: ignore[arg-type]


def test_open_and_terminal_statuses() -> None:
    assert {S.RECEIVED, S.AWAITING_IDENTITY, S.IN_PROGRESS, S.EXTENDED} == OPEN_STATUSES
    assert {s for s in CaseStatus if not EXPECTED[s]} == TERMINAL_STATUSES
    assert [s for s in CaseStatus if s.is_open] == sorted(OPEN_STATUSES, key=list(S).index)
    # Every open case can still be finished, and every status is reachable from RECEIVED.
    reachable, frontier = {S.RECEIVED}, [S.RECEIVED]
    while frontier:
        for nxt in allowed_transitions(frontier.pop()):
            if nxt not in reachable:
                reachable.add(nxt)
                frontier.append(nxt)
    assert reachable == set(CaseStatus)


@pytest.mark.parametrize(("current", "target"), ALLOWED)
def test_every_allowed_transition_is_accepted(current: CaseStatus, target: CaseStatus) -> None:
    check_transition(current, target, reason="The person asked us to, by letter.")
    if target not in REASON_REQUIRED:
        check_transition(current, target)


@pytest.mark.parametrize(("current", "target"), REFUSED)
def test_every_other_transition_is_refused_with_a_message(
    current: CaseStatus, target: CaseStatus
) -> None:
    with pytest.raises(InvalidTransition) as info:
        check_transition(current, target, reason="any reason at all")
    error = info.value
    assert isinstance(error, UserError)
    assert f"'{current.value}'" in error.message and f"'{target.value}'" in error.message
    if EXPECTED[current]:
        for allowed in EXPECTED[current]:
            assert f"'{allowed.value}'" in error.hint
    else:
        assert "final" in error.hint


@pytest.mark.parametrize("target", sorted(REASON_REQUIRED))
@pytest.mark.parametrize("reason", [None, "", "   \n\t"])
def test_reject_extend_and_withdraw_need_a_reason(target: CaseStatus, reason: str | None) -> None:
    assert requires_reason(target)
    with pytest.raises(InvalidTransition, match="needs a reason"):
        check_transition(S.IN_PROGRESS, target, reason=reason)


def test_reasons_are_required_exactly_for_reject_extend_withdraw() -> None:
    assert {s for s in CaseStatus if requires_reason(s)} == {S.REJECTED, S.EXTENDED, S.WITHDRAWN}


def test_identity_gate() -> None:
    gated = {s for s in CaseStatus if requires_verified_identity(s)}
    assert gated == {S.IN_PROGRESS, S.EXTENDED, S.ANSWERED}
    with pytest.raises(InvalidTransition, match="identity is verified") as info:
        check_transition(S.AWAITING_IDENTITY, S.IN_PROGRESS, identity_verified=False)
    assert "BankID" in info.value.hint
    check_transition(S.AWAITING_IDENTITY, S.IN_PROGRESS, identity_verified=True)
    check_transition(S.AWAITING_IDENTITY, S.IN_PROGRESS)  # not tracked: not checked
    # Rejecting (e.g. because identity could not be shown) needs no verified identity.
    check_transition(S.AWAITING_IDENTITY, S.REJECTED, reason="No proof.", identity_verified=False)


def test_unknown_status_is_a_user_error() -> None:
    with pytest.raises(InvalidTransition, match="'done' is not a known case status"):
        check_transition("done", S.CLOSED)  # type: ignore[arg-type]
    with pytest.raises(UserError, match="case status"):
        CaseStatus.parse("done")
    assert CaseStatus.parse("Awaiting identity") is S.AWAITING_IDENTITY


def test_transition_event_validates_and_normalises() -> None:
    event = Transition(S.IN_PROGRESS, S.EXTENDED, "officer1", AT, "  Many systems to search. ")
    assert event.reason == "Many systems to search."
    assert Transition(S.RECEIVED, S.IN_PROGRESS, "officer1", AT, "  ").reason is None
    stored = Transition("answered", "closed", "officer1", AT)  # type: ignore[arg-type]
    assert stored.from_status is S.ANSWERED and stored.to_status is S.CLOSED
    with pytest.raises(InvalidTransition, match="'closed' to 'received'"):
        Transition(S.CLOSED, S.RECEIVED, "officer1", AT)
    with pytest.raises(InvalidTransition, match="needs a reason"):
        Transition(S.IN_PROGRESS, S.REJECTED, "officer1", AT)
    with pytest.raises(InvalidTransition, match="who made it"):
        Transition(S.RECEIVED, S.IN_PROGRESS, " ", AT)
