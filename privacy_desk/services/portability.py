"""Portability requests (art. 20): the provided and observed data, a cover letter, a transfer.

The same functions serve the GUI (:mod:`privacy_desk.ui.portability_panel`) and the CLI
(``privacy-desk case portability ...``):

1. :func:`portability_preview` says, from the data map, which of the person's tables and
   fields go into the copy and which are left out and why (inferred by the company,
   another legal basis, never disclosed, another person, not classified).
2. :func:`export_portability` re-reads the portal and writes the cover letter (PDF) and
   the JSON/CSV zip (manifest, checksums; AES-256 with a password, as the extract) into a
   folder atomically, and records them on the case as an export (the same records as an
   access extract). The gates are the extract's: a portability request, identity
   verified, in progress.
3. :func:`record_transfer`: when the person asks for a direct transfer to another
   controller (art. 20(2)), who sent the copy where, how and when is a recorded decision.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from privacy_desk.casestore.audit import record_audit
from privacy_desk.casestore.exports_models import CaseExport, CaseExportFile
from privacy_desk.casestore.models import Case, CaseEvent
from privacy_desk.casestore.queries import get_case
from privacy_desk.casestore.rights_models import RightsDecisionRecord
from privacy_desk.casestore.store import CaseStore
from privacy_desk.casestore.writing import run_retrying
from privacy_desk.clock import stockholm_today, utcnow
from privacy_desk.datamap.model import DataMap
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import RequestType
from privacy_desk.errors import UserError
from privacy_desk.messages import msg
from privacy_desk.organisation import DEMO_ORGANISATION, Organisation
from privacy_desk.portal.lookup import Candidate, collect
from privacy_desk.reports.atomic import staged_files
from privacy_desk.reports.bundle import build_bundle
from privacy_desk.reports.extract import person_postal_address
from privacy_desk.reports.portability import (
    LeftOut,
    Scope,
    build_portability,
    portability_members,
    portability_scope,
)
from privacy_desk.reports.rights_letters import render_rights_letter, rights_letter_pdf, text
from privacy_desk.reports.templating import in_sentence, listed
from privacy_desk.reports.texts import check_language
from privacy_desk.services.access import (
    ExportFileRow,
    ExportRow,
    _check_still_there,
    check_password,
    datamap_fingerprint,
)
from privacy_desk.services.letters import record_letter
from privacy_desk.services.roles import WRITERS, check_role

__all__ = [
    "LeftOut",
    "PortabilityPreview",
    "PortabilityRefused",
    "PortabilityResult",
    "Transfer",
    "export_portability",
    "portability_preview",
    "record_transfer",
    "transfers",
]

WORKING = frozenset({CaseStatus.IN_PROGRESS, CaseStatus.EXTENDED})
MAX_TEXT_LEN = 500


class PortabilityRefused(UserError):
    """The case may not produce a portability copy (yet)."""


@dataclass(frozen=True)
class PortabilityPreview:
    """What goes into the copy (table -> fields, row counts) and what is left out, why."""

    case_number: str
    included: dict[str, tuple[str, ...]]
    rows: dict[str, int]
    left_out: dict[LeftOut, dict[str, tuple[str, ...]]]


@dataclass(frozen=True)
class PortabilityResult:
    export: ExportRow
    case_number: str
    left_out: dict[LeftOut, dict[str, tuple[str, ...]]]

    @property
    def files(self) -> tuple[ExportFileRow, ...]:
        return self.export.files


@dataclass(frozen=True)
class Transfer:
    id: int
    case_id: int
    recipient: str
    channel: str
    sent_on: date
    file_sha256: str
    decided_by: str
    decided_at: datetime


def _check_case(case: Case) -> None:
    """The extract's gate: a verified portability request in progress."""
    if case.request_type != RequestType.PORTABILITY.value:
        raise PortabilityRefused(msg("Case {case} is not a portability request.",
                                     case=case.case_number),
                                 msg("Open the person's portability request instead."))
    if case.identity_verified_on is None:
        raise PortabilityRefused(msg("The person's identity is not verified in case {case}.",
                                     case=case.case_number),
                                 msg("Verify the identity first; no data is shown before "
                                     "that."))
    if CaseStatus(case.status) not in WORKING:
        raise PortabilityRefused(msg("Case {case} is '{status}'; a portability copy is made "
                                     "while the case is in progress.", case=case.case_number,
                                     status=case.status),
                                 msg("Move the case to 'in progress' first."))


def _grouped(scope: Scope, tables: set[str]) -> dict[LeftOut, dict[str, tuple[str, ...]]]:
    out: dict[LeftOut, dict[str, tuple[str, ...]]] = {}
    for reason in LeftOut:
        found = {t: cs for t, cs in scope.tables_left_out(reason).items() if t in tables}
        if found:
            out[reason] = found
    return out


def portability_preview(store: CaseStore, portal: Engine, datamap: DataMap, case_id: int,
                        candidate: Candidate, *, actor: str | None = None
                        ) -> PortabilityPreview:
    """The scope of the copy for this person, from the map; recorded as a view."""
    who = actor or store.actor
    with store.sessions() as session:
        check_role(session, who, *WRITERS, action="view a person's data")
        case = get_case(session, case_id)
        _check_case(case)
        number = case.case_number
    person = collect(portal, datamap, candidate)
    scope = portability_scope(datamap)
    tables = {r.table for r in person.rows}
    rows: dict[str, int] = {}
    for r in person.rows:
        if r.table in scope.included:
            rows[r.table] = rows.get(r.table, 0) + 1

    def work(session: Session) -> None:
        record_audit(session, actor=who, action="portability_previewed", case_id=case_id,
                     details={"rows": sum(rows.values()),
                              "tables": ",".join(sorted(rows))[:200]})

    run_retrying(store, work)
    return PortabilityPreview(number, {t: cs for t, cs in scope.included.items() if t in tables},
                              rows, _grouped(scope, tables))


def _column_words(datamap: DataMap, table: str, columns: tuple[str, ...], lang: str) -> str:
    """'Fakturor (energi (kWh))': the table's title, its field titles in lower case."""
    spec = datamap.tables[table]
    fields = listed([in_sentence(spec.column_title(c, lang)) for c in columns], lang)
    return f"{spec.title_in(lang)} ({fields})"


_LEFT_KEYS = {LeftOut.INFERRED: "left_inferred", LeftOut.BASIS: "left_basis",
              LeftOut.UNDISCLOSED: "left_undisclosed", LeftOut.OTHER_PERSON: "left_undisclosed",
              LeftOut.UNCLASSIFIED: "left_unclassified"}


def _cover_lines(datamap: DataMap, scope: Scope, rows: dict[str, int], tables: set[str],
                 lang: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    included = tuple(text(lang, "included_row", what=_column_words(datamap, t, cs, lang),
                          count=rows[t]) for t, cs in scope.included.items() if t in rows)
    left: list[str] = []
    for reason, by_table in _grouped(scope, tables).items():
        if reason is not LeftOut.BASIS:  # one line per reason: the reason said once
            words = [_column_words(datamap, t, cols, lang) for t, cols in by_table.items()]
            what = listed([words[0], *(in_sentence(w) for w in words[1:])], lang)
            left.append(text(lang, _LEFT_KEYS[reason], what=what))
            continue
        for table, cols in by_table.items():
            what = _column_words(datamap, table, cols, lang)
            bases = sorted({text(lang, f"basis_{b.value}") for c in cols
                            for b in datamap.categories[
                                datamap.tables[table].columns[c].category or ""].bases})
            left.append(text(lang, "left_basis", what=what, basis=", ".join(bases)))
    return included, tuple(left)


def export_portability(store: CaseStore, portal: Engine, datamap: DataMap, case_id: int,
                       candidate: Candidate, *, out_dir: Path | str, lang: str = "sv",
                       password: str | None = None,
                       organisation: Organisation = DEMO_ORGANISATION,
                       config_dir: Path | None = None, actor: str | None = None,
                       now: datetime | None = None
                       ) -> PortabilityResult:
    """Write the cover letter and the copy into ``out_dir`` and record them on the case.

    Any failure leaves no file and the case unchanged (as the extract's export).
    """
    who = actor or store.actor
    check_language(lang)
    check_password(password)
    produced_at = (now or utcnow()).replace(microsecond=0)
    with store.sessions() as session:
        check_role(session, who, *WRITERS, action="export portability copies")
        case = get_case(session, case_id)
        _check_case(case)
        number, received_on, label = case.case_number, case.received_on, case.person_label
    person = collect(portal, datamap, candidate)
    _check_still_there(person)
    extract, scope = build_portability(person, case_number=number, received_on=received_on,
                                       produced_at=produced_at)
    members = portability_members(extract, scope, person, lang)
    bundle = build_bundle(extract, password=password, lang=lang, members=members)
    stamp = produced_at.strftime("%Y%m%d-%H%M%S")
    stem = ("dataportabilitet" if lang == "sv" else "portability") + f"-{number}-{stamp}"
    tables = {r.table for r in person.rows}
    rows = {t: len(rs) for t, rs in extract.table_rows.items()}
    included, left = _cover_lines(datamap, scope, rows, tables, lang)
    facts = {"bundle": f"{stem}.zip", "encrypted": bool(password), "included": list(included),
             "left_out": list(left)}
    # the letter goes to the postal address the portal holds (as the extract's does)
    address = person_postal_address(person)[1]
    letter = render_rights_letter("portability", lang, org=organisation, case_number=number,
                                  received_on=received_on, person_label=label, facts=facts,
                                  day=produced_at.date(), config_dir=config_dir,
                                  address=address)
    pdf = rights_letter_pdf(letter, org=organisation, case_number=number, person_label=label,
                            day=produced_at.date(), address=address)
    left_fields = sum(1 for r in person.rows for c in r.values
                      if (r.table, c) in scope.left_out)
    fingerprint = datamap_fingerprint(datamap)

    with staged_files(Path(out_dir).expanduser(),
                      [(f"{stem}.pdf", pdf), (f"{stem}.zip", bundle)]) as publish, \
            store.sessions() as session, session.begin():
        check_role(session, who, *WRITERS, action="export portability copies")
        _check_case(get_case(session, case_id))
        record = CaseExport(case_id=case_id, produced_at=produced_at, produced_by=who,
                            lang=lang, password_protected=bool(password),
                            row_count=extract.row_count, withheld_count=left_fields,
                            datamap_fingerprint=fingerprint)
        session.add(record)
        session.flush()
        files = []
        for kind, f in zip(("pdf", "bundle"), publish(), strict=True):
            session.add(CaseExportFile(export_id=record.id, kind=kind, filename=f.name,
                                       size_bytes=f.size_bytes, sha256=f.sha256,
                                       note="portability (art. 20)"))
            if kind == "pdf":  # the cover letter is one of the case's letters too
                record_letter(session, case_id=case_id, kind="portability", lang=lang,
                              written=f, template=letter.template, actor=who,
                              letter_date=produced_at.date(), recipient_name=label)
            files.append(ExportFileRow(kind, f.name, f.size_bytes, f.sha256, f.path))
        facts = {"lang": lang, "rows": extract.row_count, "left_out": left_fields,
                 "files": "; ".join(f"{f.filename} sha256 {f.sha256}" for f in files)}
        said = (msg("Portability copy ({lang}, password protected): {rows} row(s), "
                    "{left_out} field(s) left out per the data map; {files}", **facts)
                if password else
                msg("Portability copy ({lang}): {rows} row(s), {left_out} field(s) left out "
                    "per the data map; {files}", **facts))
        session.add(CaseEvent(
            case_id=case_id, at=utcnow(), actor=who, kind="portability_produced",
            message=said.to_json()))
        session.flush()
        record_audit(session, actor=who, action="portability_exported", case_id=case_id,
                     details={"rows": extract.row_count, "left_out": left_fields,
                              "lang": lang, "files": len(files),
                              "tables": ",".join(sorted(extract.table_rows))[:200]})
        row = ExportRow(record.id, case_id, produced_at, who, lang, bool(password),
                        extract.row_count, left_fields, fingerprint, tuple(files))
    return PortabilityResult(row, number, _grouped(scope, tables))


def _clean(value: str) -> str:
    v = " ".join(value.split())
    if not v:
        raise PortabilityRefused(msg("A direct transfer needs the recipient and the channel."),
                                 msg("Say who received the copy, and how it was sent."))
    if len(v) > MAX_TEXT_LEN:
        raise PortabilityRefused(msg("The recipient or the channel is longer than {n} "
                                     "characters.", n=MAX_TEXT_LEN), msg("Shorten it."))
    return v


def record_transfer(store: CaseStore, case_id: int, *, recipient: str, channel: str,
                    sent_on: date | None = None, actor: str | None = None) -> Transfer:
    """Record that the case's latest copy was sent directly to another controller."""
    who = actor or store.actor
    to = _clean(recipient)
    how = _clean(channel)
    day = sent_on or stockholm_today()

    def work(session: Session) -> Transfer:
        check_role(session, who, *WRITERS, action="record a direct transfer")
        case = get_case(session, case_id)
        _check_case(case)
        bundle = session.execute(
            select(CaseExportFile.sha256, CaseExportFile.filename)
            .join(CaseExport, CaseExport.id == CaseExportFile.export_id)
            .where(CaseExport.case_id == case_id, CaseExportFile.kind == "bundle")
            .order_by(CaseExport.id.desc()).limit(1)).first()
        if bundle is None:
            raise PortabilityRefused(msg("Case {case} has no portability copy to transfer.",
                                         case=case.case_number),
                                     msg("Produce the copy first, then record where it was "
                                         "sent."))
        now = utcnow()
        rec = RightsDecisionRecord(case_id=case_id, kind="direct_transfer", outcome="sent",
                                   details=json.dumps({"recipient": to, "channel": how,
                                                       "sent_on": day.isoformat(),
                                                       "file": bundle[1],
                                                       "sha256": bundle[0]},
                                                      ensure_ascii=False, sort_keys=True),
                                   reason="art. 20(2)", decided_by=who, decided_at=now)
        session.add(rec)
        session.add(CaseEvent(case_id=case_id, at=now, actor=who, kind="direct_transfer",
                              message=msg("Copy {file} (sha256 {sha256}) sent to {recipient} "
                                          "by {channel} on {day} (art. 20(2)).",
                                          file=bundle[1], sha256=bundle[0], recipient=to,
                                          channel=how, day=day).to_json()))
        session.flush()
        record_audit(session, actor=who, action="portability_transferred", case_id=case_id,
                     details={"decision": rec.id})
        return Transfer(rec.id, case_id, to, how, day, bundle[0], who, now)

    return run_retrying(store, work)


def transfers(store: CaseStore, case_id: int) -> list[Transfer]:
    """The case's recorded direct transfers, oldest first."""
    with store.sessions() as session:
        recs = session.scalars(select(RightsDecisionRecord).where(
            RightsDecisionRecord.case_id == case_id,
            RightsDecisionRecord.kind == "direct_transfer").order_by(
            RightsDecisionRecord.id)).all()
        out = []
        for r in recs:
            d = json.loads(r.details)
            out.append(Transfer(r.id, r.case_id, d["recipient"], d["channel"],
                                date.fromisoformat(d["sent_on"]), d["sha256"], r.decided_by,
                                r.decided_at))
        return out
