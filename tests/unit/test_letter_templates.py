"""The letter template engine: shipped templates compile, the company's own win, a broken
template fails with file:line before anything is produced, formats are Swedish."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from privacy_desk.organisation import DEMO_ORGANISATION
from privacy_desk.reports.templating import (
    LetterTemplateError,
    check_template,
    fmt_date,
    fmt_money,
    parse_blocks,
    render_letter,
    template_kinds,
)

CONTEXT = {
    "org": DEMO_ORGANISATION,
    "person": {"name": "Test Testsson", "address": ["Provgatan 1", "111 11 Provstad"]},
    "case": {"number": "PD-2026-00007", "request_label": "registerutdrag",
             "received_on": date(2026, 11, 20), "due_on": date(2026, 12, 21),
             "identity_verified": True, "late": False},
    "facts": {},
    "letter_date": date(2026, 12, 1),
}


def test_both_languages_ship_the_same_letters_and_all_compile() -> None:
    kinds = template_kinds("sv")
    assert kinds == template_kinds("en")
    assert {"acknowledgement", "identity_request", "fee_notice", "refusal", "extension",
            "rectification", "restriction", "objection", "recipient_notice"} <= set(kinds)
    for lang in ("sv", "en"):
        for kind in kinds:
            assert check_template(kind, lang).endswith(f"{kind}.txt.j2")


def test_swedish_formats() -> None:
    assert fmt_money(Decimal("4358.7"), "sv").replace("\xa0", " ") == "4 358,70 kr"
    assert fmt_money(250, "en").replace("\xa0", " ") == "SEK 250.00"
    assert fmt_date(date(2026, 12, 1), "sv") == "1 december 2026"
    assert fmt_date(date(2026, 12, 1), "en") == "1 December 2026"


def test_the_companys_own_template_replaces_the_shipped_one(tmp_path: Path) -> None:
    own = tmp_path / "letters" / "sv"
    own.mkdir(parents=True)
    (own / "acknowledgement.txt.j2").write_text(
        "# Tack för ditt brev\nHej {{ person.name }}, ärende {{ case.number }}.\n"
        "{% include '_closing.txt.j2' %}\n", encoding="utf-8")
    letter = render_letter("acknowledgement", "sv", CONTEXT, config_dir=tmp_path)
    assert letter.subject == "Tack för ditt brev"
    assert "Hej Test Testsson, ärende PD-2026-00007." in letter.text
    assert "Kundportalen Energi AB" in letter.text  # the shipped include still works
    assert letter.template == str(own / "acknowledgement.txt.j2")
    # English is untouched
    assert render_letter("acknowledgement", "en", CONTEXT, config_dir=tmp_path).subject == \
        "We have received your request"


def test_a_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    own = tmp_path / "letters" / "en"
    own.mkdir(parents=True)
    (own / "refusal.txt.j2").write_text("# Decision\n\nline two\n{% if x %}\nno end\n",
                                        encoding="utf-8")
    with pytest.raises(LetterTemplateError) as err:
        check_template("refusal", "en", tmp_path)
    assert f"{own / 'refusal.txt.j2'}:" in err.value.message
    assert "nothing was produced" in err.value.hint


def test_an_unknown_placeholder_names_file_and_line(tmp_path: Path) -> None:
    own = tmp_path / "letters" / "sv"
    own.mkdir(parents=True)
    (own / "refusal.txt.j2").write_text("# Beslut\n\nHej {{ person.name }},\n"
                                        "Belopp: {{ facts.amount_typo }}\n", encoding="utf-8")
    with pytest.raises(LetterTemplateError) as err:
        render_letter("refusal", "sv", CONTEXT, config_dir=tmp_path)
    assert f"{own / 'refusal.txt.j2'}:4" in err.value.message
    assert "amount_typo" in err.value.message


def test_a_template_without_subject_is_refused(tmp_path: Path) -> None:
    own = tmp_path / "letters" / "sv"
    own.mkdir(parents=True)
    (own / "refusal.txt.j2").write_text("Hej\n", encoding="utf-8")
    with pytest.raises(LetterTemplateError, match="no subject"):
        render_letter("refusal", "sv", CONTEXT, config_dir=tmp_path)


def test_unknown_letter_kind() -> None:
    with pytest.raises(LetterTemplateError, match="no letter template"):
        check_template("love_letter", "sv")


def test_blocks() -> None:
    subject, blocks = parse_blocks("# Ämne\nRad ett\nrad två\n\n## Rubrik\n- punkt\n  fortsätter\n"
                                   "- två\n\nslut\n")
    assert subject == "Ämne"
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "Rad ett rad två"), ("heading", "Rubrik"),
        ("bullet", "punkt fortsätter"), ("bullet", "två"), ("paragraph", "slut")]
