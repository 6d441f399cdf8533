#!/usr/bin/env python3
"""Every letter the desk writes, in Swedish and English, for a person to read.

    .venv/bin/python tools/sample_letters.py OUT_DIR

Makes a throwaway demo portal and case store (SQLite, in a temporary folder; synthetic
data only), registers the cases the letters need and produces each letter through the
real services, as the desk and the CLI do: ``services.letters.produce_letter`` (the
acknowledgement on time and late, the request for proof of identity, the fee notice, the
refusal, the extension, the rectification, the restriction, the objection and the notices
to recipients), ``services.access.export_extract`` (the extract free and with a fee),
``services.portability.export_portability`` (the cover letter), and
``services.erasure.write_letter`` (the erasure confirmation, four eyes: a second officer
approves, and the consent-withdrawal confirmation). Every PDF lands in OUT_DIR as
``<name>-<lang>.pdf`` (:data:`NAMES`). To look at them:

    for f in OUT_DIR/*.pdf; do pdftoppm -r 70 -png "$f" "${f%.pdf}"; done
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import URL, Engine

from privacy_desk.casestore import CaseStore, open_case_store
from privacy_desk.datamap.loader import load_datamap
from privacy_desk.datamap.model import DataMap
from privacy_desk.dburl import make_engine
from privacy_desk.domain.allowance import AllowanceDecision, DecisionKind
from privacy_desk.domain.identity import IdentityMethod
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.organisation import DEMO_ORGANISATION
from privacy_desk.portal.demo.generator import generate_demo_portal
from privacy_desk.resources import resource_path
from privacy_desk.services.access import case_subject, export_extract
from privacy_desk.services.cases import register_case, transition_case
from privacy_desk.services.casework import record_allowance_decision, verify_identity
from privacy_desk.services.erasure import (
    approve_plan,
    create_plan,
    erasure_subject,
    execute,
    write_letter,
)
from privacy_desk.services.letters import produce_letter
from privacy_desk.services.portability import export_portability
from privacy_desk.services.queue import case_detail
from privacy_desk.services.rectify import rectify, withdraw_consent
from privacy_desk.services.roles import Role, add_officer, sign_in

TODAY = date(2026, 12, 1)
LANGS = ("sv", "en")
#: What an officer writes into a letter, in the letter's language.
_WORDS = {
    "sv": {"payment": "Bankgiro 123-4567, ange ärendenumret",
           "refusal": "Det här är din fjärde begäran om samma uppgifter på två veckor, och "
                      "uppgifterna har inte ändrats sedan förra svaret.",
           "extension": "Dina uppgifter finns i tre system som vi måste gå igenom ett efter ett.",
           "what": "Dina fakturor från 2025", "why": "Du har bestritt att fakturorna är riktiga.",
           "stopped": "Nyhetsbrevet",
           "kept": "Fakturorna, som bokföringslagen kräver att vi sparar"},
    "en": {"payment": "Bankgiro 123-4567, quoting the case number",
           "refusal": "This is your fourth request for the same data in two weeks, and the data "
                      "has not changed since our last answer.",
           "extension": "Your data is held in three systems that we must go through one by one.",
           "what": "Your invoices from 2025", "why": "You have contested that the invoices are "
                                                     "correct.",
           "stopped": "The newsletter",
           "kept": "The invoices, which the Accounting Act requires us to keep"},
}
#: Every sample, as ``<name>-<lang>.pdf`` in the output folder.
NAMES = ("acknowledgement", "acknowledgement-late", "identity_request", "fee_notice",
         "refusal", "extension", "rectification", "recipient_notice-rectification",
         "recipient_notice-erasure", "restriction", "objection", "extract-free",
         "extract-fee", "portability", "erasure_confirmation", "consent_withdrawal")


@dataclass
class _Desk:
    portal: Engine
    store: CaseStore
    datamap: DataMap
    scratch: Path
    out: Path

    def keep(self, made: Path, name: str, lang: str) -> Path:
        target = self.out / f"{name}-{lang}.pdf"
        shutil.copyfile(made, target)
        return target

    def folder(self, name: str) -> Path:
        path = self.scratch / name
        path.mkdir(parents=True, exist_ok=True)
        return path


def _person(portal: Engine, sql: str) -> tuple[str, str]:
    """(personnummer, name) of the portal's first person the query finds (synthetic)."""
    with portal.connect() as conn:
        pnr, first, last = conn.execute(text(sql)).one()
    return str(pnr), f"{first} {last}"


_MOST_INVOICES = (
    "SELECT c.personnummer, c.first_name, c.last_name FROM customers c "
    "JOIN invoices i ON i.customer_id = c.id WHERE c.kind = 'private' "
    "AND c.phone IS NOT NULL AND c.personnummer IS NOT NULL "
    "GROUP BY c.id, c.personnummer, c.first_name, c.last_name ORDER BY count(*) DESC, c.id "
    "LIMIT 1")
_SUBSCRIBER = (
    "SELECT c.personnummer, c.first_name, c.last_name FROM customers c "
    "JOIN newsletter_subscriptions n ON n.customer_id = c.id "
    "JOIN contact_preferences p ON p.customer_id = c.id "
    "WHERE c.kind = 'private' AND c.personnummer IS NOT NULL ORDER BY c.id DESC LIMIT 1")
_OTHER = (
    "SELECT c.personnummer, c.first_name, c.last_name FROM customers c "
    "JOIN invoices i ON i.customer_id = c.id WHERE c.kind = 'private' "
    "AND c.personnummer IS NOT NULL "
    "GROUP BY c.id, c.personnummer, c.first_name, c.last_name ORDER BY count(*) DESC, c.id "
    "LIMIT 1 OFFSET 1")


def _case(desk: _Desk, kind: RequestType, who: tuple[str, str], *,
          received_on: date = date(2026, 11, 20), verified: bool = True) -> int:
    pnr, name = who
    d = register_case(desk.store, request_type=kind, channel=Channel.PAPER,
                      received_on=received_on, person_label=name,
                      identifiers=[(None, pnr)], today=TODAY, actor="anna")
    if not verified:
        return d.case_id
    d = verify_identity(desk.store, d.case_id, method=IdentityMethod.E_ID, evidence="BankID",
                        verified_on=received_on, expected_version=d.version, actor="anna",
                        today=TODAY)
    transition_case(desk.store, d.case_id, CaseStatus.IN_PROGRESS, actor="anna", reason=None,
                    expected_version=d.version, today=TODAY)
    return d.case_id


def _letter(desk: _Desk, case_id: int, kind: str, name: str, lang: str,
            **facts: object) -> list[Path]:
    made = produce_letter(desk.store, case_id, kind, out_dir=desk.folder(f"{name}-{lang}"),
                          organisation=DEMO_ORGANISATION, lang=lang, facts=facts,
                          datamap=desk.datamap, portal=desk.portal, today=TODAY,
                          actor="anna")
    if len(made) == 1:
        return [desk.keep(made[0].path, name, lang)]
    kept = [desk.keep(made[0].path, name, lang)]  # the first under the plain name
    for letter in made[1:]:
        kept.append(desk.keep(letter.path, f"{name}-{letter.recipient}", lang))
    return kept


def _answered(desk: _Desk, case_id: int) -> None:
    d = case_detail(desk.store, case_id)
    transition_case(desk.store, case_id, CaseStatus.ANSWERED, actor="anna", reason=None,
                    expected_version=d.version, today=TODAY)


def _extract(desk: _Desk, case_id: int, name: str, lang: str) -> Path:
    [cand] = case_subject(desk.store, desk.portal, desk.datamap, case_id).candidates
    result = export_extract(desk.store, desk.portal, desk.datamap, case_id, cand,
                            out_dir=desk.folder(f"{name}-{lang}"), lang=lang,
                            organisation=DEMO_ORGANISATION, actor="anna",
                            now=datetime.combine(TODAY, time(10, 0)))
    pdf = next(f.path for f in result.files if f.kind == "pdf")
    assert pdf is not None
    return desk.keep(pdf, name, lang)


def _letters(desk: _Desk) -> list[Path]:
    """The letters of produce_letter, the extracts and the portability cover letter."""
    main = _person(desk.portal, _MOST_INVOICES)
    kept: list[Path] = []
    # the free extract first (the first copy is free), then a second one with a fee
    first = _case(desk, RequestType.ACCESS, main, received_on=date(2026, 11, 2))
    for lang in LANGS:
        kept.append(_extract(desk, first, "extract-free", lang))
    _answered(desk, first)
    second = _case(desk, RequestType.ACCESS, main)
    record_allowance_decision(desk.store, second, AllowanceDecision(
        DecisionKind.FEE, "Det är din andra begäran om en kopia i år.", "250"),
        actor="anna", expected_version=case_detail(desk.store, second).version)
    on_time = _case(desk, RequestType.ACCESS, main, verified=False)
    late = _case(desk, RequestType.ACCESS, main, received_on=date(2026, 10, 25),
                 verified=False)
    refused = _case(desk, RequestType.ACCESS, main)
    restricted = _case(desk, RequestType.RESTRICTION, main)
    objected = _case(desk, RequestType.CONSENT_WITHDRAWAL, main)
    corrected = _case(desk, RequestType.RECTIFICATION, main)
    [cand] = erasure_subject(desk.store, desk.portal, desk.datamap, corrected).candidates
    with desk.portal.connect() as conn:
        customer = conn.execute(text("SELECT id FROM customers WHERE personnummer = :p"),
                                {"p": main[0]}).scalar_one()
    rectify(desk.store, desk.portal, desk.datamap, corrected, cand, table="customers",
            key={"id": customer}, column="phone", new_value="+46701234567",
            reason="Nytt nummer enligt kundens brev", actor="anna")
    portable = _case(desk, RequestType.PORTABILITY, main)
    [pcand] = erasure_subject(desk.store, desk.portal, desk.datamap, portable).candidates
    for lang in LANGS:
        words = _WORDS[lang]
        kept += _letter(desk, on_time, "acknowledgement", "acknowledgement", lang)
        kept += _letter(desk, late, "acknowledgement", "acknowledgement-late", lang,
                        answer_by=date(2026, 12, 8))
        kept += _letter(desk, on_time, "identity_request", "identity_request", lang)
        kept += _letter(desk, second, "fee_notice", "fee_notice", lang,
                        payment=words["payment"],
                        pay_by=date(2026, 12, 31))
        kept.append(_extract(desk, second, "extract-fee", lang))
        kept += _letter(desk, refused, "refusal", "refusal", lang,
                        reason=words["refusal"])
        # a case of its own per language: the notice is the telling
        extended = _case(desk, RequestType.ACCESS, main)
        kept += _letter(desk, extended, "extension", "extension", lang,
                        reason=words["extension"])
        kept += _letter(desk, corrected, "rectification", "rectification", lang)
        kept += _letter(desk, corrected, "recipient_notice", "recipient_notice-rectification",
                        lang)
        kept += _letter(desk, restricted, "restriction", "restriction", lang,
                        what=[words["what"]], categories=["financial"], reason=words["why"],
                        until=date(2027, 1, 31))
        kept += _letter(desk, objected, "objection", "objection", lang,
                        stopped=[words["stopped"]], kept=[words["kept"]])
        result = export_portability(desk.store, desk.portal, desk.datamap, portable, pcand,
                                    out_dir=desk.folder(f"portability-{lang}"), lang=lang,
                                    organisation=DEMO_ORGANISATION, actor="anna",
                                    now=datetime.combine(TODAY, time(10, 0)))
        pdf = next(f.path for f in result.files if f.kind == "pdf")
        assert pdf is not None
        kept.append(desk.keep(pdf, "portability", lang))
    return kept


def _erasures(desk: _Desk) -> list[Path]:
    """The erasure confirmation (four eyes) and the consent-withdrawal confirmation."""
    kept: list[Path] = []
    erased = _case(desk, RequestType.ERASURE, _person(desk.portal, _OTHER))
    [cand] = erasure_subject(desk.store, desk.portal, desk.datamap, erased).candidates
    view = create_plan(desk.store, desk.portal, desk.datamap, erased, cand, actor="anna",
                       today=TODAY)
    approve_plan(desk.store, view.id, expected_sha256=view.sha256, actor="bertil")
    execute(desk.store, desk.portal, desk.datamap, view.id, actor="anna", today=TODAY)
    withdrawn = _case(desk, RequestType.CONSENT_WITHDRAWAL, _person(desk.portal, _SUBSCRIBER))
    [cand] = erasure_subject(desk.store, desk.portal, desk.datamap, withdrawn).candidates
    done = withdraw_consent(desk.store, desk.portal, desk.datamap, withdrawn, cand,
                            actor="anna", today=TODAY)
    for lang in LANGS:
        for plan, name in ((view.id, "erasure_confirmation"), (done.view.id,
                                                               "consent_withdrawal")):
            letter = write_letter(desk.store, desk.datamap, plan,
                                  out_dir=desk.folder(f"{name}-{lang}"), lang=lang,
                                  organisation=DEMO_ORGANISATION, actor="anna", today=TODAY)
            kept.append(desk.keep(letter.path, name, lang))
        # the notices to recipients come after the erasure: they say what it did
        kept += _letter(desk, erased, "recipient_notice", "recipient_notice-erasure", lang)
    return kept


@contextmanager
def _desk(out: Path) -> Iterator[_Desk]:
    with tempfile.TemporaryDirectory(prefix="sample-letters-") as tmp:
        scratch = Path(tmp)
        portal_url = URL.create("sqlite+pysqlite", database=str(scratch / "portal.sqlite3"))
        store_url = URL.create("sqlite+pysqlite", database=str(scratch / "store.sqlite3"))
        generate_demo_portal(portal_url, customers=30, seed=5, as_of=TODAY)
        portal = make_engine(portal_url)
        store = open_case_store(store_url, actor="anna")
        try:
            sign_in(store, "anna")
            add_officer(store, "bertil", [Role.APPROVER], actor="anna")
            yield _Desk(portal, store, load_datamap(resource_path("datamaps",
                                                                  "demo-portal.yaml")),
                        scratch / "made", out)
        finally:
            store.close()
            portal.dispose()


def sample_letters(out: Path) -> list[Path]:
    """Write every sample into ``out`` (created); the paths, in the order made."""
    out.mkdir(parents=True, exist_ok=True)
    steps: tuple[Callable[[_Desk], list[Path]], ...] = (_letters, _erasures)
    with _desk(out) as desk:
        return [path for step in steps for path in step(desk)]


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    for path in sample_letters(Path(argv[0])):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
