"""Every details key the code records in the audit trail has a label in the audit view.

The trail stores details as ``key=value`` codes; the audit view shows
:func:`privacy_desk.ui.audit_words.detail_key_labels` words. This walks the package with
:mod:`ast`: each ``record_audit(details=...)`` call's dict literal, following ``**spread``
and a ``details`` variable to the dict (or the function returning it) they come from,
and reads the server-side SQL appends' JSON keys. A key the walk cannot resolve fails
the test too, so a new key without words cannot slip past it.
"""

from __future__ import annotations

import ast
import enum
import importlib
import re
from pathlib import Path

from privacy_desk.ui.audit_words import (
    detail_key_label,
    detail_key_labels,
    detail_value_text,
    details_codes,
)

PACKAGE = Path(__file__).resolve().parents[2] / "privacy_desk"
#: JSON keys in a server-side append's details literal ('{"plan":' or '{\"admin\":1').
SQL_KEY = re.compile(r'\\?"([a-z_]+)\\?":')
SQL_APPEND = re.compile(r"privacy_desk_audit_append\(.*?\)\s*[;\"']", re.S)


def _called(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


class _Module:
    """One parsed module: its functions by name (methods too) and its imports."""

    def __init__(self, tree: ast.Module) -> None:
        self.functions: dict[str, ast.FunctionDef] = {}
        self.imports: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef):
                self.functions.setdefault(node.name, node)
            elif isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    self.imports[alias.asname or alias.name] = node.module


_Defs = dict[str, list[tuple[_Module, ast.FunctionDef]]]


def _all_functions(modules: dict[Path, _Module]) -> _Defs:
    out: _Defs = {}
    for mod in modules.values():
        for name, fn in mod.functions.items():
            out.setdefault(name, []).append((mod, fn))
    return out


class _Walker:
    def __init__(self) -> None:
        self.modules: dict[Path, _Module] = {}
        self.trees: dict[Path, ast.Module] = {}
        for path in sorted(PACKAGE.rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            self.trees[path] = tree
            self.modules[path] = _Module(tree)
        self.functions = _all_functions(self.modules)

    def keys(self, value: ast.expr, mod: _Module, scope: ast.AST, where: str) -> set[str]:
        """The keys a details expression can hold; fails on one it cannot read."""
        if isinstance(value, ast.Dict):
            found: set[str] = set()
            for k, v in zip(value.keys, value.values, strict=True):
                if k is None:  # **spread
                    found |= self.keys(v, mod, scope, where)
                elif isinstance(k, ast.Constant) and isinstance(k.value, str):
                    found.add(k.value)
                else:
                    raise AssertionError(f"{where}: a details key is not a literal")
            return found
        if isinstance(value, ast.DictComp):
            return self._comprehension_keys(value, mod, where)
        if isinstance(value, ast.Name):
            return self._variable_keys(value.id, mod, scope, where)
        if isinstance(value, ast.Call):
            name = _called(value.func)
            defs = self.functions.get(name, [])
            if not defs:
                raise AssertionError(f"{where}: details from {name}(), which the test "
                                     "cannot find")
            found = set()
            for fmod, fn in defs:
                for node in ast.walk(fn):
                    if isinstance(node, ast.Return) and node.value is not None:
                        found |= self.keys(node.value, fmod, fn, f"{where} via {name}()")
            return found
        raise AssertionError(f"{where}: details the test cannot read: {ast.unparse(value)}")

    def _variable_keys(self, name: str, mod: _Module, scope: ast.AST, where: str) -> set[str]:
        found: set[str] = set()
        assigned = False
        for node in ast.walk(scope):
            if isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for t in targets:
                    if isinstance(t, ast.Name) and t.id == name and node.value is not None:
                        found |= self.keys(node.value, mod, scope, where)
                        assigned = True
                    elif (isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name)
                          and t.value.id == name):
                        if not (isinstance(t.slice, ast.Constant)
                                and isinstance(t.slice.value, str)):
                            raise AssertionError(f"{where}: {name}[...] is not a literal key")
                        found.add(t.slice.value)
        if not assigned:
            raise AssertionError(f"{where}: {name} is not assigned a dict the test can read")
        return found

    def _comprehension_keys(self, comp: ast.DictComp, mod: _Module, where: str) -> set[str]:
        """``{m.value: ... for m in SomeEnum}``: the enum's values."""
        gen = comp.generators[0]
        if (len(comp.generators) == 1 and isinstance(gen.iter, ast.Name)
                and isinstance(comp.key, ast.Attribute) and comp.key.attr == "value"
                and gen.iter.id in mod.imports):
            enum_cls = getattr(importlib.import_module(mod.imports[gen.iter.id]), gen.iter.id)
            assert issubclass(enum_cls, enum.Enum)
            return {str(m.value) for m in enum_cls}
        raise AssertionError(f"{where}: a details comprehension the test cannot read")

    def recorded(self) -> dict[str, str]:
        """Every details key, with one place that records it."""
        found: dict[str, str] = {}
        for path, tree in self.trees.items():
            mod = self.modules[path]
            rel = str(path.relative_to(PACKAGE.parent))
            scopes = [n for n in ast.walk(tree)
                      if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
            for scope in scopes:
                for node in ast.walk(scope):
                    if not (isinstance(node, ast.Call) and _called(node.func) == "record_audit"):
                        continue
                    details = next((k.value for k in node.keywords if k.arg == "details"),
                                   None)
                    if details is None or (rel.endswith("casestore/audit.py")
                                           and isinstance(details, ast.Name)):
                        continue  # no details, or record_audit passing its own on
                    for key in self.keys(details, mod, scope, f"{rel}:{node.lineno}"):
                        found.setdefault(key, f"{rel}:{node.lineno}")
            source = path.read_text(encoding="utf-8")
            for call in SQL_APPEND.finditer(source):
                for key in SQL_KEY.findall(call.group(0)):
                    found.setdefault(key, rel)
        return found


def recorded_keys() -> dict[str, str]:
    return _Walker().recorded()


def test_the_walk_finds_the_keys_it_should() -> None:
    found = recorded_keys()
    # Literal keys, **_counts(plan) (erasure), **plan.counts() (restriction mechanisms),
    # a details variable with a subscript key (person search), the server-side SQL.
    assert {"from", "to", "plan", "lang", "deleted", "held", "flag", "register",
            "postcode", "candidates", "reason", "four_eyes_enforced", "admin"} <= found.keys()
    assert len(found) >= 60


def test_every_recorded_details_key_has_words() -> None:
    labels = detail_key_labels()
    missing = {key: where for key, where in recorded_keys().items() if key not in labels}
    assert missing == {}, f"audit details keys without a label in ui/audit_words.py: {missing}"


def test_no_label_for_a_key_nobody_records() -> None:
    assert detail_key_labels().keys() - recorded_keys().keys() == set()


def test_values_that_are_codes_get_words_and_others_stay() -> None:
    assert detail_key_label("some_newer_key") == "some_newer_key"
    assert detail_value_text("from", "in_progress") == "In progress"
    assert detail_value_text("from", "2026-03-01") == "2026-03-01"  # an export's period
    assert detail_value_text("lang", "sv") == "Swedish"
    assert detail_value_text("verified", 1) == "yes"
    assert detail_value_text("roles", "approver,officer") == "approver, officer"
    assert detail_value_text("kind", "acknowledgement") == "acknowledgement of receipt"
    assert detail_value_text("kind", "fee") == "Charge a fee"
    assert detail_value_text("tables", "customers,orders") == "customers,orders"
    assert detail_value_text("change", "profile_saved") == "profile saved"
    assert detail_value_text("outcome", "not written") == "not written"
    assert detail_value_text("outcome", "stop") == "processing stopped"
    assert details_codes({"to": "closed", "from": "answered"}) == "from=answered, to=closed"
