#!/usr/bin/env python3
"""Keep the message catalogues complete: ``python tools/messages.py check|add FILE.po``.

Every ``msg("English template", ...)`` in privacy_desk/ (outside ui/, which uses Qt's own
translations) must have a Swedish entry in resources/messages/sv/*.po with the same
placeholders. ``check`` lists what is missing or mismatched; ``add FILE.po`` appends the
missing templates to FILE.po with an empty translation (fill them in, then run check).
"""

from __future__ import annotations

import ast
import string
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "privacy_desk"
CATALOGUES = ROOT / "resources" / "messages"


@dataclass(frozen=True)
class Use:
    template: str
    file: Path
    line: int


def message_uses() -> Iterator[Use]:
    """Every literal template passed to ``msg(...)`` in the package, with where it is."""
    for path in sorted(PACKAGE.rglob("*.py")):
        if "ui" in path.relative_to(PACKAGE).parts[:1]:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "msg" and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                yield Use(node.args[0].value, path.relative_to(ROOT), node.lineno)


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def read_catalogue(language: str) -> dict[str, str]:
    """The translations the app would use (fuzzy and empty entries count as missing)."""
    from privacy_desk.catalogues import read_catalogue as read

    return read(language, CATALOGUES)


def problems(language: str = "sv") -> list[str]:
    """What a reader of ``language`` would see in English or broken, one line each."""
    found = read_catalogue(language)
    out: list[str] = []
    seen: set[str] = set()
    for use in message_uses():
        if use.template in seen:
            continue
        seen.add(use.template)
        text = found.get(use.template)
        where = f"{use.file}:{use.line}"
        if not text:
            out.append(f"{where}: no {language} translation of {use.template!r}")
        elif placeholders(text) != placeholders(use.template):
            out.append(f"{where}: the {language} translation of {use.template!r} has "
                       f"placeholders {sorted(placeholders(text))}, the template "
                       f"{sorted(placeholders(use.template))}")
    return out


def add_missing(po_file: Path, language: str = "sv") -> int:
    found = read_catalogue(language)
    missing: list[Use] = []
    seen: set[str] = set()
    for use in message_uses():
        if use.template not in found and use.template not in seen:
            seen.add(use.template)
            missing.append(use)
    po_file.parent.mkdir(parents=True, exist_ok=True)
    header = "" if po_file.exists() else (
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        f'"Language: {language}\\n"\n\n')
    with po_file.open("a", encoding="utf-8") as fh:
        fh.write(header)
        for use in missing:
            fh.write(f"#: {use.file}:{use.line}\nmsgid {_po_quote(use.template)}\n"
                     'msgstr ""\n\n')
    return len(missing)


def _po_quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def main(argv: list[str]) -> int:
    if argv[:1] == ["check"]:
        found = problems()
        print("\n".join(found) or "Every message has a Swedish translation.")
        return 1 if found else 0
    if argv[:1] == ["add"] and len(argv) == 2:
        print(f"{add_missing(Path(argv[1]))} templates added to {argv[1]}")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
