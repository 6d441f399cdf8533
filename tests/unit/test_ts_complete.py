"""The Swedish .ts is complete and every translation fits its source string.

tests/unit/test_translations.py checks for ``type="unfinished"``; this one is stricter: an
entry the code no longer has, an empty translation, or a translation that drops or renames
a ``{placeholder}`` (the UI formats ``self.tr("… {files}").format(files=…)``) or a Qt ``%n``
marker would show English, a blank or a crash to the Swedish officer.
"""

from __future__ import annotations

import re
import shutil
import string
import xml.etree.ElementTree as ET
from pathlib import Path

from tools.translations import LANGUAGES, PLURAL_ONLY, TS_DIR, update_ts

_QT_ARG = re.compile(r"%(?:n|L?\d)")


def _placeholders(text: str) -> set[str]:
    try:
        names = {n for _, n, _, _ in string.Formatter().parse(text) if n is not None}
    except ValueError:  # braces that are not a format string (e.g. CSS): nothing to keep
        names = set()
    return names | set(_QT_ARG.findall(text))


def _problems(ts_file: Path) -> list[str]:
    out: list[str] = []
    root = ET.parse(ts_file).getroot()
    for context in root.iter("context"):
        where = context.findtext("name") or "?"
        for m in context.iter("message"):
            source = m.findtext("source") or ""
            tr = m.find("translation")
            label = f"{where}: {source[:60]!r}"
            if tr is None:
                out.append(f"{label}: no translation element")
                continue
            kind = tr.get("type")
            if kind in {"unfinished", "vanished", "obsolete"}:
                out.append(f"{label}: {kind}")
                continue
            forms = [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
            for text in forms:
                if source.strip() and not text.strip():
                    out.append(f"{label}: empty translation")
                elif _placeholders(text) != _placeholders(source):
                    out.append(f"{label}: placeholders {sorted(_placeholders(text))} in the "
                               f"translation, {sorted(_placeholders(source))} in the source")
    return out


def test_the_shipped_ts_has_every_string_of_the_code_and_nothing_else(tmp_path: Path) -> None:
    for lang in LANGUAGES:
        shipped = TS_DIR / f"privacy_desk_{lang}.ts"
        fresh = tmp_path / shipped.name
        shutil.copy(shipped, fresh)
        update_ts(fresh)  # adds what the code has and the file lacks, drops what it lost
        assert _problems(fresh) == []
        count = len(ET.parse(shipped).getroot().findall(".//message"))
        assert len(ET.parse(fresh).getroot().findall(".//message")) == count, (
            f"{shipped.name} is out of step with the code: run tools/translations.py")


def _tr_calls_in_the_code() -> list[tuple[str, str, bool]]:
    """Every literal ``self.tr("…")`` / ``translate(ctx, "…")`` in ui/, seen by Python itself.

    lupdate does not look inside f-strings, so ``f"{self.tr('Loading…')}"`` never reaches the
    .ts and shows English in the Swedish desk; the AST sees it. The flag says whether
    the call is a plural one (``self.tr("%n row(s)", "", n)``).
    """
    import ast

    from tools.translations import ui_sources

    found: list[tuple[str, str, bool]] = []
    for source in ui_sources():
        path = Path(source)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", "")
            index = {"tr": 0, "translate": 1}.get(name)
            if index is None or len(node.args) <= index:
                continue
            arg = node.args[index]
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                plural = len(node.args) > index + 2 or any(k.arg == "n" for k in node.keywords)
                found.append((f"{path.name}:{node.lineno}", arg.value, plural))
    return found


def test_every_tr_call_in_the_code_is_in_the_ts() -> None:
    calls = _tr_calls_in_the_code()
    assert len(calls) > 100  # the scan sees the interface's strings
    for lang in LANGUAGES:
        root = ET.parse(TS_DIR / f"privacy_desk_{lang}.ts").getroot()
        sources = {m.findtext("source") for m in root.iter("message")}
        wanted = [(where, text) for where, text, plural in calls
                  if plural or lang not in PLURAL_ONLY]
        assert [f"{where}: {text!r}" for where, text in wanted if text not in sources] == []


def test_the_english_file_holds_the_plurals_and_only_them() -> None:
    """English is the source: its .ts carries the numerus forms ("%n row" / "%n rows")
    that Qt needs to drop "(s)", and nothing else to keep up to date."""
    assert "en" in PLURAL_ONLY and "en" in LANGUAGES
    plurals = {text for _, text, plural in _tr_calls_in_the_code() if plural}
    assert plurals  # the interface has plural strings
    root = ET.parse(TS_DIR / "privacy_desk_en.ts").getroot()
    messages = list(root.iter("message"))
    assert all(m.get("numerus") == "yes" for m in messages)
    assert {m.findtext("source") for m in messages} == plurals
    for m in messages:
        forms = [f.text or "" for f in m.iter("numerusform")]
        assert len(forms) == 2 and not any("(s)" in f for f in forms), m.findtext("source")


def test_the_checker_sees_a_missing_placeholder_and_an_empty_translation(
        tmp_path: Path) -> None:
    bad = tmp_path / "bad.ts"
    bad.write_text(
        '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="sv">'
        "<context><name>X</name>"
        "<message><source>Extract written: {files}</source>"
        "<translation>Utdraget skrevs</translation></message>"
        "<message><source>Open</source><translation></translation></message>"
        "<message><source>Close</source><translation type=\"vanished\">Stäng</translation>"
        "</message></context></TS>", encoding="utf-8")
    problems = _problems(bad)
    assert len(problems) == 3
    assert "placeholders" in problems[0] and "empty" in problems[1] and "vanished" in problems[2]
