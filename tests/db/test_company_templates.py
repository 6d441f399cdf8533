"""Every letter is a template the company can edit, the extract and the erasure confirmation
too: the company's own file wins, a broken one fails with file:line before any file or record
exists, and an extract template without the place for the person's data is refused."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from privacy_desk.datamap.loader import load_datamap
from privacy_desk.organisation import DEMO_ORGANISATION
from privacy_desk.portal.erasure import Action, ErasurePlan, RowPlan
from privacy_desk.reports.erasure_letter import build_erasure_letter, letter_lines
from privacy_desk.reports.letterhead import DEMO_LETTERHEAD
from privacy_desk.reports.templating import LetterTemplateError, parse_blocks, render_letter
from privacy_desk.resources import resource_path
from privacy_desk.services.access import export_extract, list_exports
from tests.db.test_export import Env, _candidate, sqlite_env  # noqa: F401 (fixture)


def _own(config: Path, lang: str, kind: str, text: str) -> Path:
    folder = config / "letters" / lang
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{kind}.txt.j2"
    path.write_text(text, encoding="utf-8")
    return path


def _pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(p.extract_text() or "" for p in reader.pages)
                  .replace("\xa0", " "))


def _export(e: Env, out: Path, config: Path, lang: str = "sv") -> str:
    out.mkdir(exist_ok=True)
    result = export_extract(e.store, e.portal, e.datamap, e.case_id, _candidate(e),
                            out_dir=out, lang=lang, organisation=DEMO_ORGANISATION,
                            actor="anna", config_dir=config)
    pdf = next(f.path for f in result.files if f.kind == "pdf")
    return _pdf_text(pdf.read_bytes())


def test_the_companys_own_extract_template_is_used(sqlite_env: Env,  # noqa: F811
                                                   tmp_path: Path) -> None:
    config = tmp_path / "config"
    _own(config, "sv", "extract", (
        "# Ditt registerutdrag från oss\n"
        "Hej {{ person.name }}, här är allt vi har: "
        "{{ plural(row_count, '1 post', '{n} poster') }}.\n"
        "{% for c in categories %}\n### {{ c.title }}\n| Varför | {{ c.purpose }}\n{% endfor %}\n"
        "%% page\n%% data\n"))
    got = _export(sqlite_env, tmp_path / "out", config)
    assert "Ditt registerutdrag från oss" in got and "här är allt vi har:" in got
    assert "Varför" in got and "Kontaktuppgifter" in got
    assert "Så behandlar vi dina uppgifter" not in got  # the shipped text is replaced
    assert "Kunduppgifter: 1 post" in got  # the data tables are where %% data is
    # English has no own template: the shipped one
    assert "Copy of your personal data under Article 15" in _export(
        sqlite_env, tmp_path / "out-en", config, "en")


@pytest.mark.parametrize(("text", "where"), [
    ("# Utdrag\nHej\n{% if %}\n%% data\n", "extract.txt.j2:3"),
    ("# Utdrag\nHej {{ nobody.name }}\n%% data\n", "extract.txt.j2:2"),
    ("# Utdrag\nHej {{ person.name }}\n", "'%% data'"),
    ("# Utdrag\n%% tabeller\n", "%% tabeller"),
])
def test_a_broken_extract_template_produces_nothing(sqlite_env: Env,  # noqa: F811
                                                    tmp_path: Path, text: str,
                                                    where: str) -> None:
    config = tmp_path / "config"
    _own(config, "sv", "extract", text)
    out = tmp_path / "out"
    with pytest.raises(LetterTemplateError) as failed:
        _export(sqlite_env, out, config)
    assert where in str(failed.value)
    assert list(out.iterdir()) == []  # no file
    assert list_exports(sqlite_env.store, sqlite_env.case_id, actor="anna") == ()  # no record


def _erasure_plan() -> ErasurePlan:
    rows = (RowPlan("addresses", {"id": 1}, Action.DELETE, (), ("address",)),
            RowPlan("addresses", {"id": 2}, Action.DELETE, (), ("address",)))
    return ErasurePlan("erasure", {}, date(2026, 12, 1), rows)


def test_the_companys_own_erasure_template_words_the_letter_and_the_lines(
        tmp_path: Path) -> None:
    datamap = load_datamap(resource_path("datamaps", "demo-portal.yaml"))
    shipped = (resource_path("letters", "templates", "sv", "erasure_confirmation.txt.j2")
               .read_text(encoding="utf-8"))
    own = shipped.replace("har raderats helt.", "är borttagna för gott.")
    assert own != shipped
    _own(tmp_path, "sv", "erasure_confirmation", own)
    lines = letter_lines(_erasure_plan(), datamap, "sv", config_dir=tmp_path)
    assert lines.erased == ("Adressuppgifter (Adresser): 2 poster är borttagna för gott.",)
    pdf = build_erasure_letter(_erasure_plan(), datamap, case_number="PD-2026-00001",
                               person_label="Test Testsson", letterhead=DEMO_LETTERHEAD,
                               produced_on=date(2026, 12, 1), config_dir=tmp_path)
    assert "2 poster är borttagna för gott." in _pdf_text(pdf)
    # a company template that lost a line's macro says which
    lost = own.replace("{% macro deleted(g) %}", "{% macro borta(g) %}")
    line = next(n for n, text in enumerate(lost.splitlines(), 1) if "{{ deleted(g) }}" in text)
    _own(tmp_path, "sv", "erasure_confirmation", lost)
    with pytest.raises(LetterTemplateError,
                       match=rf"erasure_confirmation.txt.j2:{line} .*'deleted' is undefined"):
        letter_lines(_erasure_plan(), datamap, "sv", config_dir=tmp_path)


def test_the_line_marks() -> None:
    subject, blocks = parse_blocks("# Ämne\n### Del\n| Ändamål | Att fakturera | el |\n"
                                   "| Lagringstid | 7 år\n%% page\ntext\n%% data\n")
    assert subject == "Ämne"
    assert [(b.kind, b.text, b.value) for b in blocks] == [
        ("subheading", "Del", ""), ("row", "Ändamål", "Att fakturera | el"),
        ("row", "Lagringstid", "7 år"), ("page", "", ""), ("paragraph", "text", ""),
        ("data", "", "")]


def test_the_shipped_extract_template_leaves_nothing_empty() -> None:
    for lang in ("sv", "en"):
        with pytest.raises(LetterTemplateError, match=r"extract\.txt\.j2:\d+ .*undefined"):
            render_letter("extract", lang, {})
