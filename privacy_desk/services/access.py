"""Access requests (art. 15): preview a person's data, withhold what is not theirs, export.

The same functions serve the GUI (:mod:`privacy_desk.ui.preview`) and the CLI
(``privacy-desk export``). The flow:

1. :func:`case_subject` finds the case's person in the portal from the identifiers the
   request gave; :func:`preview_case` collects everything the data map says is theirs,
   with the officer's withholdings and a fingerprint of the data map it was read with.
2. :func:`withhold` / :func:`release_withheld` record a field or row that must not be
   disclosed (another person's data, art. 15(4)) with a reason, on the case.
3. :func:`export_extract` re-reads the portal, applies every withholding, writes the PDF
   letter and the JSON/CSV zip atomically into a folder, and records the export (files,
   sizes, SHA-256, who, when) on the case in the same step.

Only a verified access request in progress (or extended) may produce an extract, and not
one beyond the yearly allowance without a decision: the data never leaves before the
identity check (DOMAIN.md, "Identity"). Each view and export is written to the audit trail
with counts and table names only.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import and_, delete, or_, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from privacy_desk.casestore.audit import record_audit
from privacy_desk.casestore.exports_models import (
    PORTAL_NAME_LEN,
    ROW_KEY_LEN,
    CaseExport,
    CaseExportFile,
    WithheldItem,
)
from privacy_desk.casestore.models import Case, CaseEvent, CaseIdentifier
from privacy_desk.casestore.persons import allowance_in_session, history_in_session
from privacy_desk.casestore.queries import get_case
from privacy_desk.casestore.store import CaseStore
from privacy_desk.casestore.writing import run_retrying
from privacy_desk.clock import local_time, utcnow
from privacy_desk.datamap.model import ColumnSpec, DataMap
from privacy_desk.domain.allowance import DecisionKind
from privacy_desk.domain.lifecycle import CaseStatus, status_word
from privacy_desk.domain.requests import RequestType
from privacy_desk.errors import UserError
from privacy_desk.identifiers import Identifier
from privacy_desk.messages import msg
from privacy_desk.organisation import Organisation
from privacy_desk.portal.linked import linked_labels
from privacy_desk.portal.lookup import Candidate, LookupResult, PersonData, collect, find_person
from privacy_desk.reports.atomic import WrittenFile, staged_files
from privacy_desk.reports.bundle import build_bundle
from privacy_desk.reports.extract import (
    Extract,
    Withholding,
    build_extract,
    postal_address,
    row_key_json,
)
from privacy_desk.reports.letterhead import DEMO_LETTERHEAD, Letterhead
from privacy_desk.reports.pdf import build_pdf
from privacy_desk.reports.texts import check_language
from privacy_desk.services.case_subject import find_case_subject
from privacy_desk.services.roles import WRITERS, check_role

log = logging.getLogger(__name__)

#: Statuses in which the officer works on the person's data (identity verified first).
EXPORTABLE_STATUSES = frozenset({CaseStatus.IN_PROGRESS, CaseStatus.EXTENDED})
MAX_REASON_LEN = 2000


#: Test hook (a no-op unless set): "STAGE:FILE" makes an export write FILE and sleep at
#: STAGE ('staged': temporary files written; 'published': files in place, not recorded),
#: so a test can kill it there.
EXPORT_PAUSE_ENV = "PRIVACY_DESK_TEST_EXPORT_PAUSE"
#: An export's record: files being put in place, in place, never put in place, partly.
EXPORT_PENDING, EXPORT_RECORDED, EXPORT_NOT_WRITTEN, EXPORT_INCOMPLETE = (
    "pending", "recorded", "not written", "incomplete")


class ExportUnconfirmed(UserError):
    """The files are in place but the record's COMMIT was not confirmed (start settles it)."""


class ExportRefused(UserError):
    """The case may not produce an extract (yet): not verified, not an access request, ..."""


class PersonGone(UserError):
    """The person (or the candidate the officer chose) is no longer in the portal."""


class DataMapChanged(UserError):
    """The data map differs from the one the preview or a withholding was made with."""


class WithholdingRefused(UserError):
    """A withholding names a table, column or row that the person's data does not have."""


@dataclass(frozen=True)
class WithheldRow:
    """A recorded withholding, as the preview and the case show it."""

    id: int
    table: str
    key: Mapping[str, Any]
    column: str | None
    reason: str
    withheld_by: str
    withheld_at: datetime

    def as_withholding(self) -> Withholding:
        return Withholding(self.table, row_key_json(self.key), self.column)


@dataclass(frozen=True)
class Preview:
    """What the portal holds about a case's person, and what the officer withholds.

    ``shown`` is the person's data as the extract words it, before the officer's
    withholdings: links to other persons as the map says, fields the map never discloses
    marked, so the officer previews what the person will read.
    """

    case_id: int
    case_number: str
    person: PersonData
    withheld: tuple[WithheldRow, ...]
    datamap_fingerprint: str
    shown: Extract | None = None

    def is_withheld(self, table: str, key: Mapping[str, Any], column: str | None) -> bool:
        rk = row_key_json(key)
        return any(w.table == table and row_key_json(w.key) == rk
                   and (w.column is None or w.column == column) for w in self.withheld)


@dataclass(frozen=True)
class ExportFileRow:
    kind: str
    filename: str
    size_bytes: int
    sha256: str
    path: Path | None = None


@dataclass(frozen=True)
class ExportRow:
    """A produced extract as recorded on the case."""

    id: int
    case_id: int
    produced_at: datetime
    produced_by: str
    lang: str
    password_protected: bool
    row_count: int
    withheld_count: int
    datamap_fingerprint: str
    files: tuple[ExportFileRow, ...]


# --------------------------------------------------------------------------- helpers


def datamap_fingerprint(datamap: DataMap) -> str:
    """SHA-256 over what decides an extract's content: tables, keys, columns, categories,
    and what is disclosed (a link to another person shown by name, say)."""
    shape = {
        "tables": {t.name: {"pk": list(t.primary_key),
                            "columns": {c.name: _column_shape(c) for c in t.columns.values()}}
                   for t in datamap.tables.values()},
        "categories": sorted(datamap.categories),
    }
    return hashlib.sha256(json.dumps(shape, sort_keys=True).encode("utf-8")).hexdigest()


def _column_shape(col: ColumnSpec) -> list[Any]:
    shape: list[Any] = [col.personal, col.category]
    if not col.disclose or col.person is not None:  # as before for maps without them
        shape += [col.disclose, col.person.disclose.value if col.person else None]
    return shape


def _check_access_case(case: Case) -> None:
    if case.request_type != RequestType.ACCESS.value:
        raise ExportRefused(msg("Case {case_number} is not an access request; only those get an "
                                "extract.",
                                case_number=case.case_number),
                            msg("Open the person's access request instead."))


def _check_verified(case: Case) -> None:
    """No portal data is shown, let alone sent, before the person's identity is verified."""
    if case.identity_verified_on is None:
        raise ExportRefused(msg("The person's identity is not verified in case {case_number}.",
                                case_number=case.case_number),
                            msg("Verify the identity first; no data is shown before that."))


def _check_exportable(session: Session, case: Case, store: CaseStore) -> None:
    """The gate before any data leaves: verified, in progress, within the allowance."""
    _check_access_case(case)
    _check_verified(case)
    if CaseStatus(case.status) not in EXPORTABLE_STATUSES:
        raise ExportRefused(msg("Case {case_number} is '{status}'; an extract is made while the "
                                "case is in progress.",
                                case_number=case.case_number,
                                status=status_word(CaseStatus(case.status))),
                            msg("Move the case to 'in progress' first."))
    allowance = allowance_in_session(session, case, store.allowance_period)
    if allowance.needs_decision:
        raise ExportRefused(msg("Case {case_number} is beyond the yearly free extract and has "
                                "no decision yet.",
                                case_number=case.case_number),
                            msg("Record the allowance decision first."))
    if allowance.decision is not None and allowance.decision.kind is DecisionKind.REFUSED:
        raise ExportRefused(msg("The extract in case {case_number} was refused by decision.",
                                case_number=case.case_number),
                            msg("Answer the person with the decision instead of an extract."))


def _withheld_rows(session: Session, case_id: int) -> tuple[WithheldRow, ...]:
    items = session.scalars(select(WithheldItem).where(WithheldItem.case_id == case_id)
                            .order_by(WithheldItem.id)).all()
    return tuple(WithheldRow(w.id, w.table_name, json.loads(w.row_key), w.column_name, w.reason,
                             w.withheld_by, w.withheld_at) for w in items)


def list_withheld(store: CaseStore, case_id: int, *,
                  actor: str | None = None) -> tuple[WithheldRow, ...]:
    """The case's withholdings, oldest first (any active officer)."""
    with store.sessions() as session:
        check_role(session, actor or store.actor, action="read cases")
        get_case(session, case_id)
        return _withheld_rows(session, case_id)


# --------------------------------------------------------------------------- finding


def case_subject(store: CaseStore, portal: Engine, datamap: DataMap,
                 case_id: int, *, actor: str | None = None) -> LookupResult:
    """The portal candidates for the case's person, from the identifiers the request gave.

    Tries personnummer, organisationsnummer, customer number, e-mail, phone in that order
    and returns the first lookup that finds anyone (possibly several: the officer chooses).
    """
    with store.sessions() as session:
        check_role(session, actor or store.actor, *WRITERS, action="look up a person")
        case = get_case(session, case_id)
        _check_access_case(case)
        _check_verified(case)
    return find_case_subject(store, portal, datamap, case_id)


def find_export_subject(portal: Engine, datamap: DataMap, subject: str) -> LookupResult:
    """The one person an identifier typed for a headless extract names, or a clear refusal.

    Nobody, or several people (an extract is for one person), is refused: the officer
    uses another identifier, or exports from the app and chooses.
    """
    found = find_person(portal, datamap, subject)
    if not found.candidates:
        raise UserError(msg("Nobody in the portal matches that identifier."),
                        msg("Check it, or search with another identifier of the person."))
    if found.ambiguous:
        raise UserError(msg("{count} people in the portal match that identifier; an extract is "
                            "for one person.",
                            count=len(found.candidates)),
                        msg("Use an identifier that names one person (personnummer or customer "
                            "number), or export from the app and choose."))
    return found


def find_open_access_case(store: CaseStore, readings: Sequence[Identifier]) -> int:
    """The one open access request (in progress or extended) of the person ``readings`` name."""
    statuses = [s.value for s in EXPORTABLE_STATUSES]
    with store.sessions() as session:
        matching = sorted(set(session.scalars(
            select(Case.id).join(CaseIdentifier, CaseIdentifier.case_id == Case.id)
            .where(Case.request_type == RequestType.ACCESS.value, Case.status.in_(statuses),
                   or_(*(and_(CaseIdentifier.kind == r.kind, CaseIdentifier.value == r.value)
                         for r in readings)))).all()))
    if not matching:
        raise ExportRefused(msg("No access request in progress names this person."),
                            msg("Register the request (or move it to 'in progress') first, or "
                                "give the case number with --case."))
    if len(matching) > 1:
        raise ExportRefused(msg("{count} access requests in progress name this person.",
                                count=len(matching)),
                            msg("Give the case number with --case."))
    return matching[0]


# --------------------------------------------------------------------------- preview


def preview_case(store: CaseStore, portal: Engine, datamap: DataMap, case_id: int,
                 candidate: Candidate, *, actor: str | None = None) -> Preview:
    """Collect the candidate's data for the case and record the view in the audit trail."""
    who = actor or store.actor
    with store.sessions() as session:
        check_role(session, who, *WRITERS, action="view a person's data")
        case = get_case(session, case_id)
        _check_access_case(case)
        _check_verified(case)
        number, received_on = case.case_number, case.received_on
    person = collect(portal, datamap, candidate)
    _check_still_there(person)
    linked = linked_labels(portal, datamap, person.rows)

    def work(session: Session) -> tuple[WithheldRow, ...]:
        record_audit(session, actor=who, action="personal_data_viewed", case_id=case_id,
                     details={"rows": len(person.rows),
                              "tables": ",".join(sorted(person.tables()))[:200]})
        return _withheld_rows(session, case_id)

    withheld = run_retrying(store, work)
    shown = build_extract(person, [], case_number=number, received_on=received_on,
                          produced_at=utcnow(), linked=linked)
    return Preview(case_id, number, person, withheld, datamap_fingerprint(datamap), shown)


def _check_still_there(person: PersonData) -> None:
    cand = person.candidate
    if cand.subject_table is not None:
        present = any(r.table == cand.subject_table for r in person.rows)
    else:
        present = bool(person.rows)
    if not present:
        raise PersonGone(msg("The person is no longer in the portal; nothing was produced."),
                         msg("Search again: the customer may have been removed or merged."))


# --------------------------------------------------------------------------- withholding

_SPACE = re.compile(r"\s+")


def withhold(store: CaseStore, case_id: int, datamap: DataMap, *, table: str,
             key: Mapping[str, Any], column: str | None = None, reason: str,
             actor: str | None = None) -> WithheldRow:
    """Record that a field (or, without ``column``, a whole row) is not to be disclosed."""
    who = actor or store.actor
    why = _SPACE.sub(" ", reason).strip()
    if not why:
        raise WithholdingRefused(msg("Withholding data needs a reason."),
                                 msg("Say why, e.g. 'the co-holder's phone number (art. 15(4))'."))
    if len(why) > MAX_REASON_LEN:
        raise WithholdingRefused(msg("The reason is longer than {max_reason_len} characters.",
                                     max_reason_len=MAX_REASON_LEN),
                                 msg("Shorten it."))
    spec = datamap.tables.get(table)
    if spec is None or len(table) > PORTAL_NAME_LEN:
        raise WithholdingRefused(msg("The data map has no table {table}.", table=repr(table)),
                                 msg("Reload the preview: the data map may have changed."))
    if set(key) != set(spec.primary_key):
        raise WithholdingRefused(msg("A row of {table} is named by {choices}.",
                                     table=table, choices=', '.join(spec.primary_key)),
                                 msg("Choose the row in the preview."))
    if column is not None and column not in spec.columns:
        raise WithholdingRefused(msg("The table {table} has no column {column} in the data map.",
                                     table=table, column=repr(column)),
                                 msg("Reload the preview: the data map may have changed."))
    rk = row_key_json(key)
    if len(rk) > ROW_KEY_LEN:
        raise WithholdingRefused(msg("That row's key is too long to record."),
                                 msg("Withhold the field instead, or report this to the DBA."))

    def work(session: Session) -> WithheldRow:
        check_role(session, who, *WRITERS, action="withhold data")
        case = get_case(session, case_id)
        _check_access_case(case)
        if CaseStatus(case.status) not in EXPORTABLE_STATUSES:
            raise ExportRefused(msg("Case {case_number} is '{status}'; data is withheld while "
                                    "the case is in progress.",
                                    case_number=case.case_number,
                                    status=status_word(CaseStatus(case.status))),
                                msg("Move the case to 'in progress' first."))
        now = utcnow()
        item = WithheldItem(case_id=case_id, table_name=table, row_key=rk, column_name=column,
                            reason=why, withheld_by=who, withheld_at=now)
        session.add(item)
        what = f"{table}.{column}" if column else msg("a row of {table}", table=table)
        session.add(CaseEvent(case_id=case_id, at=now, actor=who, kind="data_withheld",
                              note=why, message=msg("Withheld {what}:", what=what).to_json()))
        session.flush()
        record_audit(session, actor=who, action="data_withheld", case_id=case_id,
                     details={"table": table, "column": column or "(row)"})
        return WithheldRow(item.id, table, json.loads(rk), column, why, who, now)

    return run_retrying(store, work)


def release_withheld(store: CaseStore, item_id: int, *, actor: str | None = None) -> None:
    """Undo a withholding (the data will be disclosed after all); recorded as an event."""
    who = actor or store.actor

    def work(session: Session) -> None:
        check_role(session, who, *WRITERS, action="release withheld data")
        item = session.get(WithheldItem, item_id)
        if item is None:
            raise WithholdingRefused(msg("That withholding no longer exists."),
                                     msg("Reload the preview."))
        now = utcnow()
        what = (f"{item.table_name}.{item.column_name}" if item.column_name
                else msg("a row of {table}", table=item.table_name))
        session.add(CaseEvent(case_id=item.case_id, at=now, actor=who, kind="data_released",
                              message=msg("No longer withheld: {what}.", what=what).to_json()))
        case_id = item.case_id
        session.delete(item)
        session.flush()
        record_audit(session, actor=who, action="withholding_released", case_id=case_id,
                     details={"table": item.table_name})

    run_retrying(store, work)


# --------------------------------------------------------------------------- export


@dataclass(frozen=True)
class ExportResult:
    """What :func:`export_extract` wrote and recorded."""

    export: ExportRow
    case_number: str

    @property
    def files(self) -> tuple[ExportFileRow, ...]:
        return self.export.files


def check_password(password: str | None) -> None:
    """Refuse passwords that PDF readers would not all understand the same way.

    The PDF's 128-bit standard security handler takes passwords in PDFDocEncoding, while
    reportlab encodes them as UTF-8; with å, ä, ö the person could not open their copy.
    """
    if password is None:
        return
    if len(password) < 8 or not password.isascii() or not password.isprintable():
        raise UserError(msg("The password must be at least 8 characters of A-Z, a-z, digits and "
                            "punctuation."),
                        msg("PDF readers treat å, ä, ö in passwords differently; choose another."))


def export_file_names(case_number: str, produced_at: datetime, lang: str) -> tuple[str, str]:
    stamp = produced_at.strftime("%Y%m%d-%H%M%S")
    stem = ("registerutdrag" if lang == "sv" else "extract") + f"-{case_number}-{stamp}"
    return f"{stem}.pdf", f"{stem}.zip"


def export_extract(store: CaseStore, portal: Engine, datamap: DataMap, case_id: int,
                   candidate: Candidate, *, out_dir: Path | str, lang: str = "sv",
                   password: str | None = None, letterhead: Letterhead | None = None,
                   organisation: Organisation | None = None,
                   expected_fingerprint: str | None = None, actor: str | None = None,
                   now: datetime | None = None,
                   config_dir: Path | None = None) -> ExportResult:
    """Write the case's extract (PDF + zip) into ``out_dir`` and record it on the case.

    ``expected_fingerprint`` is the preview's :attr:`Preview.datamap_fingerprint`: when
    the map changed since, nothing is produced. Every failure (refused case, person gone,
    unwritable or full folder, database error) leaves no file and the case unchanged.
    The letter is written for ``organisation`` (its letterhead and standing texts; the
    demo company's only when neither it nor ``letterhead`` is given, as in tests), from
    the company's own extract template in ``config_dir`` when it has one.
    """
    who = actor or store.actor
    if letterhead is None:
        letterhead = Letterhead.of(organisation) if organisation else DEMO_LETTERHEAD
    check_language(lang)
    check_password(password)
    folder = Path(out_dir).expanduser()
    produced_at = (now or utcnow()).replace(microsecond=0)
    fingerprint = datamap_fingerprint(datamap)
    if expected_fingerprint is not None and expected_fingerprint != fingerprint:
        raise DataMapChanged(msg("The data map changed since the preview; nothing was produced."),
                             msg("Reload the preview, check the withheld data, then export "
                                 "again."))
    with store.sessions() as session:
        check_role(session, who, *WRITERS, action="export extracts")
        case = get_case(session, case_id)
        _check_exportable(session, case, store)
        number, received_on = case.case_number, case.received_on
        due_on = case.extended_due_on or case.due_on
        withheld = _withheld_rows(session, case_id)
        # The covering letter states the case's real decision (a fee is never "free")
        # and what the desk holds about the person (their requests and our decisions).
        decision = allowance_in_session(session, case, store.allowance_period).decision
        desk_records = history_in_session(session, case_id).entries
    for w in withheld:
        spec = datamap.tables.get(w.table)
        if spec is None or (w.column is not None and w.column not in spec.columns):
            raise DataMapChanged(
                msg("Data withheld in case {number} ({table}) is not in the current data map; "
                    "nothing was produced.", number=number, table=w.table),
                msg("Check the data map, reload the preview and withhold the data again."))
    person = collect(portal, datamap, candidate)
    _check_still_there(person)
    extract = build_extract(person, [w.as_withholding() for w in withheld],
                            case_number=number, received_on=received_on,
                            produced_at=produced_at,
                            linked=linked_labels(portal, datamap, person.rows))
    fee = decision.fee_sek if decision and decision.kind is DecisionKind.FEE else None
    extract = replace(extract, address=postal_address(extract), fee_sek=fee,
                      fee_reason=decision.reason if fee and decision else "",
                      organisation=organisation, desk_records=desk_records,
                      late_since=due_on if local_time(produced_at).date() > due_on
                      else None,
                      recipients=datamap.recipients_of_data(
                          [c.name for c in extract.categories if c.row_count],
                          [t.name for c in extract.categories for t in c.tables if t.rows]))
    pdf = build_pdf(extract, lang=lang, letterhead=letterhead, password=password,
                    config_dir=config_dir)
    bundle = build_bundle(extract, password=password, lang=lang)
    pdf_name, zip_name = export_file_names(number, produced_at, lang)

    files_out = [(pdf_name, pdf), (zip_name, bundle)]
    # 1. The intent: a 'pending' record naming the folder and each file's size and hash,
    #    committed before any file appears, so a file without a record cannot exist.
    def intent(session: Session) -> int:
        check_role(session, who, *WRITERS, action="export extracts")
        _check_exportable(session, get_case(session, case_id), store)
        record = CaseExport(case_id=case_id, produced_at=produced_at, produced_by=who,
                            lang=lang, password_protected=bool(password),
                            row_count=extract.row_count,
                            withheld_count=extract.withheld_count,
                            datamap_fingerprint=fingerprint, state=EXPORT_PENDING,
                            folder=str(folder.resolve()))
        session.add(record)
        session.flush()
        for kind, (name, data) in zip(("pdf", "bundle"), files_out, strict=True):
            session.add(CaseExportFile(export_id=record.id, kind=kind, filename=name,
                                       size_bytes=len(data),
                                       sha256=hashlib.sha256(data).hexdigest()))
        session.flush()
        return record.id

    try:
        export_id = _commit_once(store, intent)
    except SQLAlchemyError as exc:
        raise ExportUnconfirmed(
            msg("The case store did not confirm the export ({error}); no file was written.",
                error=type(exc).__name__),
            msg("Check the connection to the case store and export again.")) from exc
    # 2. The files, durably in place (fsync, rename, fsync of the folder).
    try:
        with staged_files(folder, files_out) as publish:
            _pause("staged")
            written: list[WrittenFile] = publish()
    except BaseException:
        _settle_unwritten(store, export_id)
        raise
    _pause("published")

    # 3. Only now the record: 'recorded', the case event and the audit entry.
    def work(session: Session) -> ExportRow:
        case = get_case(session, case_id)
        _check_exportable(session, case, store)
        record = session.get(CaseExport, export_id)
        assert record is not None
        record.state = EXPORT_RECORDED
        files = [ExportFileRow(kind, f.name, f.size_bytes, f.sha256, f.path)
                 for kind, f in zip(("pdf", "bundle"), written, strict=True)]
        _record_export_event(session, record, who, files, extract.table_rows)
        return ExportRow(record.id, case_id, produced_at, who, lang, bool(password),
                         extract.row_count, extract.withheld_count, fingerprint,
                         tuple(files))

    try:
        row = _commit_once(store, work)
    except UserError:
        # Refused before anything was committed (the case moved on meanwhile): the files
        # go again, and the pending record says they were never handed over.
        for f in written:
            with contextlib.suppress(OSError):
                f.path.unlink()
        _settle_unwritten(store, export_id)
        raise
    except SQLAlchemyError as exc:
        # The record's COMMIT may or may not have landed: the files stay (complete,
        # durable); the next start finds the pending record and settles it.
        raise ExportUnconfirmed(
            msg("The extract's files are in place in {folder}, but the case store did not "
                "confirm the record ({error}).", folder=folder, error=type(exc).__name__),
            msg("Nothing is lost: the next start (or 'privacy-desk store check') finds the "
                "files and records them on the case.")) from exc
    log.info("Extract produced for case %s: %d rows, %d withheld", number, extract.row_count,
             extract.withheld_count)
    return ExportResult(row, number)


def _pause(stage: str) -> None:
    """The kill test's hook: a no-op unless EXPORT_PAUSE_ENV names this stage."""
    spec = os.environ.get(EXPORT_PAUSE_ENV)
    if not spec:
        return
    want, _, path = spec.partition(":")
    if want != stage:
        return
    Path(path).write_text(str(os.getpid()), encoding="utf-8")
    time.sleep(60)


def _record_export_event(session: Session, record: CaseExport, who: str,
                         files: Sequence[ExportFileRow], tables: Iterable[str], *,
                         late: bool = False) -> None:
    """The case event and audit entry of an export whose files are in place."""
    lang, password = record.lang, bool(record.password_protected)
    listed = "; ".join(f"{f.filename} sha256 {f.sha256}" for f in files)
    said = (msg("Extract ({lang}, password protected): {files}", lang=lang, files=listed)
            if password else msg("Extract ({lang}): {files}", lang=lang, files=listed))
    if late:
        said = msg("Recorded at start, the files being in place: {what}", what=said)
    session.add(CaseEvent(
        case_id=record.case_id, at=utcnow(), actor=who, kind="extract_produced",
        message=said.to_json()))
    session.flush()
    record_audit(session, actor=who, action="extract_exported", case_id=record.case_id,
                 details={"rows": record.row_count, "withheld": record.withheld_count,
                          "lang": lang, "files": len(files), "late": int(late),
                          "tables": ",".join(sorted(tables))[:200]})


def _settle_unwritten(store: CaseStore, export_id: int) -> None:
    """Drop the pending record of an export whose files never appeared: nothing was
    handed over, so nothing is recorded (best effort: the start check settles it
    otherwise)."""
    def work(session: Session) -> None:
        _drop_pending(session, export_id)

    try:
        _commit_once(store, work)
    except SQLAlchemyError as exc:
        log.warning("Pending export %d left for the start check (%s)", export_id,
                    type(exc).__name__)


def _drop_pending(session: Session, export_id: int) -> None:
    record = session.get(CaseExport, export_id)
    if record is None or record.state != EXPORT_PENDING:
        return
    session.execute(delete(CaseExportFile).where(CaseExportFile.export_id == export_id))
    session.delete(record)
    session.flush()


def _commit_once(store: CaseStore, work: Any) -> Any:
    """One transaction, not retried: what it records must happen only once."""
    with store.sessions() as session, session.begin():
        return work(session)


@dataclass(frozen=True)
class ExportCheck:
    """What the start check found for one export that was not recorded as complete."""

    export_id: int
    case_number: str
    folder: str
    outcome: str  # 'recorded' | 'not written' | 'incomplete'
    files: tuple[str, ...]  # file names found (complete ones, or leftovers removed)

    def describe(self) -> str:
        what = {EXPORT_RECORDED: "files found complete and in place; now recorded on the case",
                EXPORT_NOT_WRITTEN: "no files were put in place; nothing is recorded",
                EXPORT_INCOMPLETE: "some files are missing or differ from what was written; "
                                   "look in the folder"}[self.outcome]
        names = f" ({', '.join(self.files)})" if self.files else ""
        return f"Export {self.export_id} of case {self.case_number} in {self.folder}: {what}{names}"


def check_exports(store: CaseStore, *, actor: str | None = None) -> list[ExportCheck]:
    """Settle exports left 'pending' by a desk that died or lost the case store: files
    complete and in place are recorded; none there means none written; partly there is
    reported. Leftover temporary files (``.NAME.*.part``) of these exports are removed."""
    who = actor or store.actor
    with store.sessions() as session:
        pending = [(e.id, e.folder, n, [(f.id, f.kind, f.filename, f.size_bytes, f.sha256)
                                        for f in session.scalars(
                                            select(CaseExportFile)
                                            .where(CaseExportFile.export_id == e.id)
                                            .order_by(CaseExportFile.id))])
                   for e, n in session.execute(
                       select(CaseExport, Case.case_number)
                       .join(Case, Case.id == CaseExport.case_id)
                       .where(CaseExport.state == EXPORT_PENDING)
                       .order_by(CaseExport.id)).all()]
    out = []
    for export_id, folder_text, number, files in pending:
        folder = Path(folder_text or ".")
        removed = _remove_leftovers(folder, [f[2] for f in files])
        complete = [f for f in files if _file_is(folder / f[2], f[3], f[4])]
        present = [f for f in files if (folder / f[2]).exists()]
        if files and len(complete) == len(files):
            outcome = EXPORT_RECORDED
        elif not present:
            outcome = EXPORT_NOT_WRITTEN
        else:
            outcome = EXPORT_INCOMPLETE

        def work(session: Session, export_id: int = export_id, outcome: str = outcome,
                 complete: list[Any] = complete) -> None:
            record = session.get(CaseExport, export_id)
            if record is None or record.state != EXPORT_PENDING:
                return
            if outcome == EXPORT_RECORDED:
                record.state = EXPORT_RECORDED
                rows = [ExportFileRow(kind, name, size, sha) for _i, kind, name, size, sha
                        in complete]
                _record_export_event(session, record, who, rows, (), late=True)
            record_audit(session, actor=who, action="export_checked",
                         case_id=record.case_id,
                         details={"export": export_id, "outcome": outcome})
            if outcome == EXPORT_NOT_WRITTEN:
                _drop_pending(session, export_id)

        _commit_once(store, work)
        names = tuple(f[2] for f in (complete if outcome == EXPORT_RECORDED else present))
        out.append(ExportCheck(export_id, number, str(folder), outcome,
                               names + tuple(removed)))
        log.info("Pending export %d: %s", export_id, outcome)
    return out


def _file_is(path: Path, size: int, sha256: str) -> bool:
    try:
        if path.stat().st_size != size:
            return False
        return hashlib.sha256(path.read_bytes()).hexdigest() == sha256
    except OSError:
        return False


def _remove_leftovers(folder: Path, names: Sequence[str]) -> list[str]:
    """Temporary files a killed export left (incomplete: never handed over)."""
    gone = []
    for name in names:
        try:
            leftovers = list(folder.glob(f".{name}.*.part"))
        except OSError:
            continue
        for tmp in leftovers:
            with contextlib.suppress(OSError):
                tmp.unlink()
                gone.append(tmp.name)
    return gone


def list_exports(store: CaseStore, case_id: int, *,
                 actor: str | None = None) -> tuple[ExportRow, ...]:
    """Every extract produced for the case, oldest first, with its files and checksums."""
    with store.sessions() as session:
        check_role(session, actor or store.actor, action="read cases")
        get_case(session, case_id)
        exports = session.scalars(select(CaseExport).where(CaseExport.case_id == case_id,
                                                           CaseExport.state == EXPORT_RECORDED)
                                  .order_by(CaseExport.id)).all()
        out = []
        for e in exports:
            files = session.scalars(select(CaseExportFile)
                                    .where(CaseExportFile.export_id == e.id)
                                    .order_by(CaseExportFile.id)).all()
            out.append(ExportRow(e.id, e.case_id, e.produced_at, e.produced_by, e.lang,
                                 bool(e.password_protected), e.row_count, e.withheld_count,
                                 e.datamap_fingerprint,
                                 tuple(ExportFileRow(f.kind, f.filename, f.size_bytes, f.sha256)
                                       for f in files)))
        return tuple(out)
