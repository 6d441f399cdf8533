"""Issue 15: no ``datamap check`` finding or draft reason is English-only text.

Walks ``privacy_desk/datamap`` with ``ast`` and fails where a finding, a finding's helper
(``_err``, ``_fk_error``), a column guess's reason, a name rule's words or a review note is
given a plain string (a literal, an f-string, a concatenation, a ``.format``/``.join``)
instead of a ``msg(...)``: such a text would read in English in the Swedish desk.
tests/db/test_findings_swedish.py checks the Swedish of what a real check and draft give.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "privacy_desk" / "datamap"

#: callee -> the position (and keyword) of its words for people
WORDED = {"worded": (2, "words"), "_err": (1, "words"), "_fk_error": (2, "words"),
          "NameRule": (1, "what"), "note": (1, "reason"), "append_reason": (0, "reason")}
#: lists of reasons for people: what is appended to them must be a message
REASON_LISTS = ("reasons", "table_reasons", "why")


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def plain_text(node: ast.expr) -> bool:
    """A string that no catalogue can translate ('' says nothing and is allowed)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and node.value != ""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return plain_text(node.left) or plain_text(node.right)
    if isinstance(node, ast.IfExp):
        return plain_text(node.body) or plain_text(node.orelse)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr in ("format", "join") and isinstance(
            node.func.value, ast.Constant | ast.JoinedStr)
    return False


def problems(source: str, where: str) -> list[str]:
    out: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        at = f"{where}:{node.lineno}"
        if name == "Finding" and isinstance(node.func, ast.Name):
            out.append(f"{at}: Finding(...) with an English message: use Finding.worded")
        if name == "Hold" and isinstance(node.func, ast.Name):
            out.append(f"{at}: Hold(...) with an English reason: use Hold.worded")
        if name in ("Edge", "Note") and len(node.args) > (4 if name == "Edge" else 1) \
                and len(node.args) < (7 if name == "Edge" else 3) \
                and not any(k.arg == "words" for k in node.keywords):
            out.append(f"{at}: {name}(...) with a reason but no words=")
        if name in WORDED:
            pos, key = WORDED[name]
            arg = node.args[pos] if len(node.args) > pos else next(
                (k.value for k in node.keywords if k.arg == key), None)
            if arg is not None and plain_text(arg):
                out.append(f"{at}: {name}(...) given plain text, not msg(...)")
        if name in ("append", "insert") and isinstance(node.func, ast.Attribute) \
                and _name(node.func.value) in REASON_LISTS and node.args \
                and plain_text(node.args[-1]):
            out.append(f"{at}: a reason appended as plain text, not msg(...)")
    return out


def test_no_finding_or_draft_reason_is_english_only_text() -> None:
    found: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "findings.py":
            continue  # Finding.worded itself builds the Finding from its message
        found += problems(path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE)))
    assert found == []


def test_the_walk_finds_english_only_findings_and_reasons() -> None:
    """The check above would fail on each way such a text was written before issue 15."""
    source = '''
out.append(_err(FindingKind.MISSING_TABLE, f"table {t!r} does not exist.", t))
_err(FindingKind.REVIEW, "marked for review", t)
out.append(Finding(FindingKind.CONSTRAINT, Severity.ERROR, f"{key}: fails", t, c, 1))
_fk_error(fk, line, "delete_row on " + name + " would fail")
guess.reasons.append(f"name: {rule.what}")
guess.reasons.append("no values to confirm it")
NameRule(_r(r"email"), "an e-mail address", "contact")
self.note(path, "a view: mapped through its tables")
Edge(t.name, fk.target, on, True, f"foreign key {t.name}")
Hold(col, None, "looks like accounting", review=True)
self.notes.append(Note(path, reason))
'''
    assert len(problems(source, "x.py")) == 11, problems(source, "x.py")
    fine = '''
out.append(_err(FindingKind.MISSING_TABLE, msg("table {table} does not exist.", table=t), t))
guess.reasons.append(msg("no values to confirm it"))
NameRule(_r(r"email"), msg("an e-mail address"), "contact")
Edge(t.name, u.name, on, False, words.render("en"), words=words)
self.note(path, comment or _said(""))
self.notes.append(Note(path, reason.render("en"), reason))
'''
    assert problems(fine, "x.py") == []
