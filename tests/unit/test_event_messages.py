"""The case history stays in the reader's language: no English sentence in a case event's note.

A case event says what happened as ``message=msg(...).to_json()`` (rendered in Swedish or
English when read); ``note=`` is only the officer's own text. These tests walk the package's
source with :mod:`ast`, so a new ``CaseEvent(note=f"...")`` fails here before it reaches a
history, and so does a new event kind with no name in the interface.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from privacy_desk.ui.labels import event_labels

PACKAGE = Path(__file__).resolve().parents[2] / "privacy_desk"
SERVICES = PACKAGE / "services"


@dataclass(frozen=True)
class EventCall:
    """One place that writes a case event: a ``CaseEvent(...)`` call or an insert row."""

    where: str
    keywords: dict[str, ast.expr]


def _event_calls(root: Path) -> Iterator[EventCall]:
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            where = f"{path.relative_to(PACKAGE.parent)}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Call) and _called(node.func) == "CaseEvent":
                yield EventCall(where, {k.arg: k.value for k in node.keywords if k.arg})
            elif isinstance(node, ast.Dict):
                # Bulk inserts into case_events (intake) pass rows as dict literals.
                keys = {k.value: v for k, v in zip(node.keys, node.values, strict=True)
                        if isinstance(k, ast.Constant) and isinstance(k.value, str)}
                if {"case_id", "actor", "kind", "at"} <= keys.keys():
                    yield EventCall(where, keys)


def _called(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _is_made_up_text(value: ast.expr) -> bool:
    """A sentence written in the code: a literal, an f-string, text glued or formatted."""
    if isinstance(value, ast.Constant):
        return isinstance(value.value, str)
    if isinstance(value, ast.JoinedStr):
        return True
    if isinstance(value, ast.BinOp):  # "a" + b, "%s" % b
        return True
    if isinstance(value, ast.IfExp):
        return _is_made_up_text(value.body) or _is_made_up_text(value.orelse)
    if isinstance(value, ast.BoolOp):  # why or "none given"
        return any(_is_made_up_text(v) for v in value.values)
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute):
        # "...".format(...), ", ".join(...) and the like
        return value.func.attr in {"format", "join"} or _is_made_up_text(value.func.value)
    return False


def _kinds(value: ast.expr, where: str) -> set[str]:
    """The event kinds an expression can take; fails on one the test cannot see."""
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return {value.value}
    if isinstance(value, ast.IfExp):
        return _kinds(value.body, where) | _kinds(value.orelse, where)
    if isinstance(value, ast.Subscript) and isinstance(value.value, ast.Dict):
        return set().union(*(_kinds(v, where) for v in value.value.values))
    raise AssertionError(f"{where}: the event kind is computed ({ast.unparse(value)}); "
                         "write it as a literal (or a literal choice) so it gets a label")


def written_kinds() -> dict[str, str]:
    """Every event kind the services write, with one place that writes it."""
    out: dict[str, str] = {}
    for call in _event_calls(SERVICES):
        if "kind" in call.keywords:
            for kind in _kinds(call.keywords["kind"], call.where):
                out.setdefault(kind, call.where)
    return out


def test_the_walker_finds_the_event_writers() -> None:
    # The checks below are only worth something if the walker sees the calls.
    calls = list(_event_calls(PACKAGE))
    assert len(calls) >= 30
    assert any("intake.py" in c.where for c in calls)  # the bulk insert rows too
    kinds = written_kinds()
    assert {"imported", "letter", "restriction_lifted", "erasure_changed",
            "restriction_active"} <= kinds.keys()


def test_no_case_event_note_is_a_sentence_of_the_code() -> None:
    bad = [f"{c.where}: note={ast.unparse(c.keywords['note'])[:80]}"
           for c in _event_calls(PACKAGE)
           if "note" in c.keywords and _is_made_up_text(c.keywords["note"])]
    assert bad == [], ("Case events say what happened with message=msg(...).to_json(); "
                       "note= is only the officer's own text:\n" + "\n".join(bad))


def test_every_case_event_the_services_write_says_what_happened() -> None:
    silent = [c.where for c in _event_calls(SERVICES) if "message" not in c.keywords]
    assert silent == [], "case events without message=msg(...).to_json(): " + ", ".join(silent)


@pytest.mark.parametrize("source", [
    'CaseEvent(kind="x", note="Done.")',
    'CaseEvent(kind="x", note=f"Done {n}.")',
    'CaseEvent(kind="x", note="Done " + n)',
    'CaseEvent(kind="x", note="Done %s" % n)',
    'CaseEvent(kind="x", note="Done {}".format(n))',
    'CaseEvent(kind="x", note=", ".join(parts))',
    'CaseEvent(kind="x", note=why if why else "none")',
    'CaseEvent(kind="x", note=why or "none given")',
])
def test_the_check_catches_english_in_a_note(source: str) -> None:
    call = ast.parse(source, mode="eval").body
    assert isinstance(call, ast.Call)
    note = next(k.value for k in call.keywords if k.arg == "note")
    assert _is_made_up_text(note)


@pytest.mark.parametrize("source", ['note=why', 'note=check.evidence', 'note=inc.message or None',
                                    'note=rec.lift_reason'])
def test_the_check_lets_the_officers_own_text_through(source: str) -> None:
    call = ast.parse(f"CaseEvent({source})", mode="eval").body
    assert isinstance(call, ast.Call)
    assert not _is_made_up_text(call.keywords[0].value)


def test_a_computed_event_kind_is_refused() -> None:
    expr = ast.parse('"restriction_" + state.replace(" ", "_")', mode="eval").body
    with pytest.raises(AssertionError, match="computed"):
        _kinds(expr, "x.py:1")


def test_every_event_kind_the_services_write_has_a_label() -> None:
    labels = event_labels()
    missing = {kind: where for kind, where in written_kinds().items() if kind not in labels}
    assert missing == {}, f"event kinds with no label in privacy_desk/ui/labels.py: {missing}"
    assert all(text.strip() for text in labels.values())
