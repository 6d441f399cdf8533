"""Every audit action the code records has a name in the interface (issue 15).

The trail stores short codes; the audit view shows :func:`audit_action_labels` words.
This walks the package with :mod:`ast` (``record_audit(action=...)`` calls) and reads the
server-side SQL (``privacy_desk_audit_append(..., 'code', ...)`` in the guard and its
migration), so a new action without words fails here before an officer sees a code.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from privacy_desk.ui.labels import audit_action_label, audit_action_labels

PACKAGE = Path(__file__).resolve().parents[2] / "privacy_desk"
#: A server-side append with a literal action: the second argument, quoted.
SQL_APPEND = re.compile(r"privacy_desk_audit_append\(\s*[^,()]*,\s*'([a-z_]+)'")


def _called(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _actions(value: ast.expr, where: str) -> set[str]:
    """The codes an ``action=`` expression can take; fails on one the test cannot see."""
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return {value.value}
    if isinstance(value, ast.IfExp):
        return _actions(value.body, where) | _actions(value.orelse, where)
    raise AssertionError(f"{where}: record_audit's action is not a literal the test can read")


def recorded_actions() -> dict[str, str]:
    """Every recorded action code, with one place that records it."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        where_file = str(path.relative_to(PACKAGE.parent))
        for node in ast.walk(ast.parse(source, filename=str(path))):
            if isinstance(node, ast.Call) and _called(node.func) == "record_audit":
                where = f"{where_file}:{node.lineno}"
                action = next((k.value for k in node.keywords if k.arg == "action"), None)
                if action is None:  # record_audit's own definition passes it on
                    continue
                if isinstance(action, ast.Name) and where_file.endswith("casestore/audit.py"):
                    continue
                for code in _actions(action, where):
                    found.setdefault(code, where)
        for match in SQL_APPEND.finditer(source):
            found.setdefault(match.group(1), where_file)
    return found


def test_the_walk_finds_the_actions_it_should() -> None:
    found = recorded_actions()
    # Services, the server-side approval (0007_guard) and the guard's bootstrap.
    assert {"case_registered", "extract_exported", "erasure_approved",
            "officer_bootstrapped", "login"} <= found.keys()
    assert len(found) >= 50


def test_every_recorded_action_has_words() -> None:
    labels = audit_action_labels()
    missing = {code: where for code, where in recorded_actions().items() if code not in labels}
    assert missing == {}, f"audit actions without a label in ui/labels.py: {missing}"


def test_no_label_for_an_action_nobody_records() -> None:
    stale = audit_action_labels().keys() - recorded_actions().keys()
    assert stale == set()


def test_an_unknown_action_is_shown_as_stored() -> None:
    assert audit_action_label("some_newer_action") == "some_newer_action"
    assert audit_action_label("status_changed") == "Status changed"
