"""Issue 15: every ``datamap check`` finding and every draft reason reads in Swedish.

A portal of another shape than the demo (Swedish names, a text column where a date belongs,
no indexes, a NOT NULL column the map empties, tables the map does not know) is checked and
drafted on SQLite; each finding and each review reason must read differently in Swedish,
with every message inside it (the reason in "looks personal by its name", the fix after a
constraint problem) translated: no English template is left in the Swedish desk.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Column, Date, Integer, MetaData, Numeric, String, Table, insert
from sqlalchemy.engine import URL, Engine

from privacy_desk import messages
from privacy_desk.cli import main
from privacy_desk.datamap import load_datamap
from privacy_desk.datamap.check import CheckReport, FindingKind, check_datamap
from privacy_desk.datamap.draft import draft_datamap
from privacy_desk.dburl import make_engine
from privacy_desk.messages import Message, translate
from tests.db.constraint_shop import shop_portal
from tests.db.test_constraints import BAD_COLUMNS, BAD_DELETE

md = MetaData()
Table("Kund", md,
      Column("KundId", Integer, primary_key=True, autoincrement=False),
      Column("Epost", String(100)),  # identity without an index
      Column("Telefon", String(30)),  # phone numbers spelled as find will not match
      Column("Personnr", String(13)),  # text, but the map says numeric
      Column("Fornamn", String(40), nullable=False),  # NOT NULL, the map says set_null
      Column("Skapad", String(10)),  # a date kept as text: the hold cannot count from it
      Column("Mobilnr", String(20)),  # personal by name, not in the map
      Column("Gata", String(60)),  # personal by name, the map says not personal, no reason
      Column("Hobby", String(40)))  # harmless
Table("Ordrar", md,
      Column("OrderId", Integer, primary_key=True, autoincrement=False),
      Column("KundRef", String(10)),  # joins Kund.KundId (integer): types do not match
      Column("Datum", Date),
      Column("Anteckning", String(200)),  # not in the map, holds e-mail addresses
      Column("Status", String(10)))  # harmless, not in the map
Table("Rader", md,
      Column("RadId", Integer, primary_key=True, autoincrement=False),
      Column("OrderId", Integer),  # joins Ordrar without an index
      Column("Belopp", Numeric(10, 2)))
Table("Logg", md,  # neither mapped nor excluded
      Column("LoggId", Integer, primary_key=True, autoincrement=False))

MAP = """\
datamap_version: 2
name: Butik
phone_region: SE
categories:
  c:
    title: {sv: Kund, en: Customer}
    purpose: {sv: Avtal, en: Contract}
    legal_basis: {sv: Avtal, en: Contract}
    recipients: {sv: Inga, en: None}
    retention: {sv: Avtalstiden, en: The contract}
holds:
  bfl:
    law: Bokföringslagen (1999:1078) 7 kap. 2 §
    description: {sv: a, en: a}
    years_after_year_end: 7
tables:
  Kund:
    subject: true
    kind: customer
    primary_key: KundId
    label: [Fornamn]
    identity:
      - {column: Epost, kind: email}
      - {column: Telefon, kind: phone, match: exact}
      - {column: Personnr, kind: personnummer, numeric: true}
    hold: {rule: bfl, date_column: Skapad}
    columns:
      KundId: {personal: false}
      Epost: {category: c}
      Telefon: {category: c}
      Personnr: {category: c}
      Fornamn: {category: c, erasure: set_null}
      Skapad: {category: c}
      Skostorlek: {category: c}
      Gata: {personal: false}
      Hobby: {personal: false}
  Ordrar:
    primary_key: OrderId
    references:
      - {table: Kund, on: {KundRef: KundId}}
    columns:
      OrderId: {personal: false}
      KundRef: {personal: false}
      Datum: {category: c, review: true}
  Rader:
    primary_key: Belopp
    references:
      - {table: Ordrar, on: {OrderId: OrderId}}
    columns:
      RadId: {personal: false}
      OrderId: {personal: false}
      Belopp: {personal: false}
  Borta:
    primary_key: id
    references:
      - {table: Kund, on: {KundId: KundId}}
    columns:
      id: {personal: false}
      KundId: {personal: false}
excluded_tables:
  Arkiv:
    reason: An old archive, no person in it.
"""

#: the kinds of finding the portal above must give (each one's Swedish is checked)
EXPECTED = {FindingKind.MISSING_TABLE, FindingKind.MISSING_COLUMN, FindingKind.PRIMARY_KEY,
            FindingKind.TYPE_MISMATCH, FindingKind.BAD_REFERENCE, FindingKind.MISSING_INDEX,
            FindingKind.PHONE_SPELLING, FindingKind.UNMAPPED_TABLE,
            FindingKind.UNMAPPED_COLUMN, FindingKind.LOOKS_PERSONAL, FindingKind.NEEDS_REASON,
            FindingKind.CONSTRAINT, FindingKind.REVIEW}


@pytest.fixture
def butik(sqlite_url: URL) -> Iterator[Engine]:
    engine = make_engine(sqlite_url)
    md.create_all(engine)
    with engine.begin() as conn:
        conn.execute(insert(md.tables["Kund"]), [
            {"KundId": i, "Epost": f"kund{i}@example.se", "Telefon": f"070-{i:03} 45 67",
             "Personnr": "19121212-1212", "Fornamn": f"Namn{i}", "Skapad": "2020-01-01"}
            for i in range(1, 6)])
        conn.execute(insert(md.tables["Ordrar"]), [
            {"OrderId": i, "KundRef": str(i), "Anteckning": f"svar{i}@example.se"}
            for i in range(1, 6)])
    yield engine
    engine.dispose()


def untranslated(message: Message) -> list[str]:
    """The English templates in ``message`` (nested ones too) that Swedish leaves as they
    are; a template of placeholders only ("{first}; {rest}") has no words to translate."""
    out: list[str] = []
    bare = message.template
    for name in message.params:
        bare = bare.replace("{" + name + "}", "")
    if any(ch.isalpha() for ch in bare) and translate(message.template, "sv") == \
            message.template:
        out.append(message.template)
    for value in message.params.values():
        if isinstance(value, Message):
            out += untranslated(value)
    return out


def assert_swedish(report: CheckReport) -> None:
    for f in report.findings:
        assert f.words is not None, f"an English-only finding: {f.message}"
        assert f.text("en") == f.message
        assert f.text("sv") != f.text("en"), f.message
        assert untranslated(f.words) == [], f.message
    swedish = report.render("sv")
    assert "Datakartan" in swedish and "The data map" not in swedish
    assert ": error:" not in swedish and ": warning:" not in swedish
    assert "proposed:" not in swedish
    assert report.render("en") == report.render()  # the CLI without --lang: English


def test_every_check_finding_reads_in_swedish(butik: Engine, tmp_path: Path) -> None:
    path = tmp_path / "butik.yaml"
    path.write_text(MAP, encoding="utf-8")
    report = check_datamap(butik, load_datamap(path))
    assert {f.kind for f in report.findings} >= EXPECTED, report.render()
    assert_swedish(report)
    # the words a privacy officer reads, spot-checked
    sv = {f.kind: f.text("sv") for f in report.findings}
    assert sv[FindingKind.UNMAPPED_TABLE] == \
        "tabellen 'Logg' är varken kartlagd eller listad under excluded_tables."
    constraint = [f.text("sv") for f in report.of_kind(FindingKind.CONSTRAINT)
                  if f.column == "Fornamn"]
    assert constraint == ["erasure: set_null på Kund.Fornamn skulle misslyckas när raderingen "
                          "verkställs: kolumnen är NOT NULL; använd 'replace' med ett värde "
                          "som får plats (t.ex. '-'), eller 'keep'."]
    looks = [f.text("sv") for f in report.of_kind(FindingKind.LOOKS_PERSONAL)]
    assert any("att döma av namnet" in t for t in looks), looks
    assert any("att döma av värdena (e-postadresser)" in t for t in looks), looks


def test_constraint_and_foreign_key_findings_read_in_swedish(sqlite_url: URL,
                                                            tmp_path: Path) -> None:
    """The shop of tests/db/constraint_shop.py: every strategy and foreign-key problem."""
    with shop_portal(sqlite_url) as engine:
        for text in (BAD_COLUMNS, BAD_DELETE):
            path = tmp_path / "shop.yaml"
            path.write_text(text, encoding="utf-8")
            report = check_datamap(engine, load_datamap(path))
            assert report.of_kind(FindingKind.CONSTRAINT), report.render()
            assert_swedish(report)


def test_the_draft_review_reads_in_swedish(butik: Engine) -> None:
    """Every reason the draft review shows (the column guesses too) is Swedish."""
    result = draft_datamap(butik)
    assert result.review
    for note in result.review:
        assert note.words is not None, f"an English-only reason: {note.path}: {note.reason}"
        assert note.text("en") == note.reason
        assert untranslated(note.words) == [], (note.path, note.reason)
        assert note.text("sv") != note.reason, (note.path, note.reason)
    # a column guess: the evidence from the sampled values, in Swedish in the desk
    messages.set_language("sv")
    texts = " | ".join(n.text() for n in result.review)
    assert "värdena: 100% giltiga e-postadresser" in texts, texts
    assert "values:" not in texts and "name: " not in texts, texts


def test_the_cli_prints_the_check_in_swedish_with_lang_sv(
        butik: Engine, sqlite_url: URL, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "butik.yaml"
    path.write_text(MAP, encoding="utf-8")
    portal = sqlite_url.render_as_string(hide_password=False)
    assert main(["--lang", "sv", "datamap", "check", "--portal", portal,
                 "--map", str(path)]) == 1
    out = capsys.readouterr().out
    borta = next(i for i, ln in enumerate(MAP.splitlines(), 1) if ln == "  Borta:")
    assert f"butik.yaml:{borta}: fel: tabellen 'Borta' finns inte i portalen." in out, out
    assert "    förslag: CREATE INDEX" in out
    assert out.rstrip().endswith("Datakartan håller INTE: 10 fel, 9 varning(ar).")
    messages.set_language("en")
    assert main(["datamap", "check", "--portal", portal, "--map", str(path)]) == 1
    assert "error: table 'Borta' does not exist in the portal." in capsys.readouterr().out
