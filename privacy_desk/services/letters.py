"""The letters of a case (issue 13): produce one from its template, record it on the case.

One function, :func:`produce_letter`, for every kind the law asks for: acknowledgement,
request for proof of identity (art. 12(6)), fee notice (12(5), 15(3)), refusal (12(4)),
extension notice (12(3)), rectification (16), restriction (18), objection or consent
withdrawal (21, 7(3)) and notices to recipients (19), one per recipient of the data map.
The GUI and ``privacy-desk case letter KIND CASE`` call it alike.

The order is what makes a letter trustworthy:

1. the facts come from the case store (the recorded decision, the recorded corrections,
   the deadlines), and what an officer adds (``facts``) only fills what the store cannot
   know (what was restricted, the reasons of a refusal);
2. every letter is rendered to text first: a broken template fails with file:line and
   nothing is written or recorded;
3. the PDFs are staged in the folder, and published in the same transaction that records
   each one on the case (``case_letters``: kind, recipient, SHA-256), a case event and an
   audit entry. Either all of that happens or none of it.

An extension notice is dated the day it is produced and *is* the telling: producing it
extends the case with ``told_on`` = the letter's date, so the told-on date can no longer
be back-dated without evidence.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from privacy_desk.casestore.audit import record_audit
from privacy_desk.casestore.erasure_models import (
    ErasureExecutionRecord,
    ErasurePlanRecord,
    PortalChangeRecord,
)
from privacy_desk.casestore.letters_models import CaseLetter
from privacy_desk.casestore.models import CaseEvent
from privacy_desk.casestore.queries import CaseDetail, fresh_detail
from privacy_desk.casestore.store import CaseStore
from privacy_desk.clock import stockholm_today, utcnow
from privacy_desk.datamap.model import DataMap, Recipient
from privacy_desk.domain.allowance import DecisionKind
from privacy_desk.domain.deadlines import deadline_start, extended_due_date
from privacy_desk.domain.identity import IdentityMethod
from privacy_desk.domain.lifecycle import CaseStatus
from privacy_desk.domain.requests import RequestType
from privacy_desk.errors import UserError
from privacy_desk.identifiers import CUSTOMER_NUMBER, EMAIL, PHONE, phone_text
from privacy_desk.messages import Message, msg
from privacy_desk.organisation import Organisation
from privacy_desk.paths import AppPaths
from privacy_desk.portal.erasure import Action, plan_from_json
from privacy_desk.portal.lookup import Candidate, collect
from privacy_desk.reports.atomic import WrittenFile, staged_files
from privacy_desk.reports.erasure_letter import law_text
from privacy_desk.reports.extract import person_postal_address
from privacy_desk.reports.letter_pdf import build_letter_pdf
from privacy_desk.reports.letterhead import Letterhead
from privacy_desk.reports.templating import RenderedLetter, check_template, render_letter
from privacy_desk.reports.texts import check_language, letter_texts
from privacy_desk.services.case_subject import NoSearchableIdentifier, find_case_subject
from privacy_desk.services.casework import extend_case
from privacy_desk.services.roles import WRITERS, check_role, require_role

__all__ = ["LETTER_KINDS", "LetterRefused", "LetterResult", "LetterRow", "ProducedLetter",
           "address_of", "letter_datamap", "letters_of", "person_address", "produce_letter",
           "record_letter"]

LETTER_KINDS = ("acknowledgement", "identity_request", "fee_notice", "refusal", "extension",
                "rectification", "restriction", "objection", "recipient_notice")
#: The letter kinds as the case history names them.
LETTER_WORDS: dict[str, Message] = {
    "acknowledgement": msg("acknowledgement of receipt"),
    "identity_request": msg("request for identification"),
    "fee_notice": msg("fee notice"),
    "refusal": msg("decision to refuse"),
    "extension": msg("extension notice"),
    "rectification": msg("confirmation of rectification"),
    "restriction": msg("confirmation of restriction"),
    "objection": msg("answer to the objection"),
    "recipient_notice": msg("notice to a recipient (art. 19)"),
}
#: What an art. 19 notice may tell a recipient.
RECIPIENT_ACTIONS = ("rectification", "erasure", "restriction")
#: File names by kind and language (the person may see them as attachments).
_STEMS = {
    "sv": {"acknowledgement": "mottagningsbekraftelse", "identity_request": "identitet",
           "fee_notice": "avgift", "refusal": "beslut", "extension": "forlangning",
           "rectification": "rattelse", "restriction": "begransning",
           "objection": "invandning", "recipient_notice": "underrattelse"},
    "en": {k: k.replace("_", "-") for k in LETTER_KINDS},
}


class LetterRefused(UserError):
    """The letter cannot be written for this case as it stands; nothing was produced."""


@dataclass(frozen=True)
class ProducedLetter:
    """One letter written and recorded."""

    kind: str
    lang: str
    recipient: str  # '' for the person, else the data map's recipient key
    recipient_name: str
    path: Path
    sha256: str
    size_bytes: int
    letter_date: date
    text: str = field(repr=False, default="")


@dataclass(frozen=True)
class LetterResult:
    """A rights letter written into the chosen folder (erasure, objection, restriction)."""

    path: Path
    sha256: str
    size_bytes: int


@dataclass(frozen=True)
class LetterRow:
    """A letter recorded on a case (who was told what, when)."""

    kind: str
    lang: str
    recipient: str
    recipient_name: str
    letter_date: date
    filename: str
    sha256: str
    actor: str
    created_at: datetime


def _items(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _case_context(detail: CaseDetail, lang: str, day: date) -> dict[str, Any]:
    texts = letter_texts(lang)
    return {
        "number": detail.case_number,
        "request_type": detail.request_type.value,
        "request_label": texts.get(f"request_{detail.request_type.value}"),
        "received_on": detail.received_on,
        "due_on": detail.effective_due_on,
        "original_due_on": detail.due_on,
        "extended_due_on": detail.extended_due_on,
        "identity_verified": detail.identity_verified,
        "status": detail.status.value,
        # the answer is already late on the letter's date: the letter must not promise
        # a day that has passed
        "late": day > detail.effective_due_on,
    }


def _reason_of_rejection(detail: CaseDetail) -> str:
    for event in reversed(detail.events):
        if event.to_status == CaseStatus.REJECTED.value and event.note:
            return event.note
    return ""


def _column_title(datamap: DataMap | None, table: str, column: str, lang: str) -> str:
    spec = datamap.tables.get(table) if datamap else None
    return spec.column_title(column, lang) if spec else f"{table}.{column}"


def _column_category(datamap: DataMap | None, table: str, column: str) -> str | None:
    spec = datamap.tables.get(table) if datamap else None
    col = spec.columns.get(column) if spec else None
    return col.category if col else None


def _shown(datamap: DataMap | None, table: str, column: str, value: str | None) -> str:
    """A recorded value as a letter shows it: a phone number in the map's national format
    ("070-123 45 67"), anything else as stored; '' for none (the template says so)."""
    text = value or ""
    spec = datamap.tables.get(table) if datamap else None
    if not text or spec is None or datamap is None:
        return text
    if any(i.column == column and i.kind == PHONE for i in spec.identity):
        return phone_text(text, datamap.phone_region)
    return text


def _changed_categories(datamap: DataMap | None,
                        changes: Sequence[PortalChangeRecord]) -> list[str]:
    """The map categories of the changed columns, each once, in order."""
    cats = [_column_category(datamap, r.table_name, r.column_name) for r in changes]
    return list(dict.fromkeys(c for c in cats if c))


def _reference(given: Mapping[str, Any], detail: CaseDetail,
               executed: _Erased | None) -> tuple[str, str]:
    """How a recipient finds the person, and what it is ('customer_number', 'email', or ''
    for the officer's own words): the officer's, else the portal's customer number, else
    the one an executed erasure's plan kept, else what the case records."""
    if given.get("subject_reference"):
        return str(given["subject_reference"]), ""
    number = str(given.get("portal_reference") or (executed.reference if executed else ""))
    if number:
        return number, "customer_number"
    found = dict(detail.identifiers)
    if found.get(CUSTOMER_NUMBER):
        return str(found[CUSTOMER_NUMBER]), "customer_number"
    if found.get(EMAIL):
        return str(found[EMAIL]), "email"
    return "", ""


@dataclass(frozen=True)
class _Erased:
    """What the case's executed erasure did, by category: what an art. 19 notice tells."""

    erased: frozenset[str]
    #: category -> (the law, the last day kept) of rows a legal hold keeps
    held: Mapping[str, tuple[str, date]]
    #: how a recipient knows the person (the customer number kept with the plan)
    reference: str


def _executed_erasure(session: Session, case_id: int) -> _Erased | None:
    """The case's newest executed (committed and verified) erasure, or None."""
    rec = session.scalars(
        select(ErasurePlanRecord).where(ErasurePlanRecord.case_id == case_id,
                                        ErasurePlanRecord.kind == "erasure",
                                        ErasurePlanRecord.state == "committed")
        .order_by(ErasurePlanRecord.id.desc()).limit(1)).first()
    if rec is None:
        return None
    verified = session.scalars(
        select(ErasureExecutionRecord.verified).where(ErasureExecutionRecord.plan_id == rec.id,
                                                      ErasureExecutionRecord.state == "committed")
        .order_by(ErasureExecutionRecord.id.desc()).limit(1)).first()
    if verified is False:
        return None
    plan = plan_from_json(json.loads(rec.plan_json))
    erased = frozenset(c for r in plan.rows if r.action is not Action.KEEP for c in r.categories)
    held: dict[str, tuple[str, date]] = {}
    for r in plan.rows:
        if r.hold is not None:
            last = r.hold.ends_on - timedelta(days=1)
            for c in r.categories:
                if c not in held or held[c][1] < last:
                    held[c] = (r.hold.law, last)
    return _Erased(erased, held, rec.kept_recipient()[2])


def _rectifications(session: Session, case_id: int) -> list[PortalChangeRecord]:
    return list(session.scalars(
        select(PortalChangeRecord).where(PortalChangeRecord.case_id == case_id,
                                         PortalChangeRecord.kind == "rectification")
        .order_by(PortalChangeRecord.changed_at, PortalChangeRecord.id)))


def _recipient_names(datamap: DataMap | None, categories: Sequence[str], lang: str) -> list[str]:
    """Whom to name as told (art. 19): the map's named recipients, else its category texts."""
    if datamap is None:
        return []
    named = datamap.recipients_of(categories)
    if named:
        return [r.title for r in named]
    return [f"{datamap.categories[c].title.get(lang)}: {datamap.categories[c].recipients.get(lang)}"
            for c in categories if c in datamap.categories]


def _facts(kind: str, detail: CaseDetail, given: Mapping[str, Any], *, lang: str,
           day: date, store: CaseStore, datamap: DataMap | None,
           changes: Sequence[PortalChangeRecord],
           executed: _Erased | None = None) -> dict[str, Any]:
    """The facts a letter of ``kind`` states, from the case first, or LetterRefused."""
    facts: dict[str, Any] = dict(given)
    number = detail.case_number
    if kind == "acknowledgement" and day > detail.effective_due_on:
        # Late already: the letter apologises and must give a day, not "as soon as we can".
        answer_by = given.get("answer_by")
        if answer_by is None:
            raise LetterRefused(
                msg("Case {case} was due on {due}; a late acknowledgement must say by when "
                    "the person will have the answer.", case=number,
                    due=detail.effective_due_on.isoformat()),
                msg("Give the day (--answer-by YYYY-MM-DD, or 'Svar senast' in the dialog)."))
        if answer_by < day:
            raise LetterRefused(
                msg("The answer cannot be promised for {day}, a day that has passed.",
                    day=answer_by.isoformat()),
                msg("Give today or a later day."))
        facts.update(answer_by=answer_by)
    elif kind == "identity_request":
        texts = letter_texts(lang)
        methods = _items(given.get("methods")) or [
            texts.get(f"identity_{m.value}") for m in (IdentityMethod.E_ID,
                                                       IdentityMethod.SIGNED_LETTER,
                                                       IdentityMethod.ID_DOCUMENT)]
        facts.update(methods=methods, reason=given.get("reason", ""),
                     clock_stops=store.clock_stops_for_identity)
        if detail.identity_verified:
            raise LetterRefused(
                msg("The identity in case {case} is already verified.", case=number),
                msg("No proof of identity needs to be asked for."))
    elif kind == "fee_notice":
        decision = detail.decision
        if decision is None or decision.kind is not DecisionKind.FEE or not decision.fee_sek:
            raise LetterRefused(
                msg("Case {case} has no recorded decision to charge a fee.", case=number),
                msg("Record the allowance decision (a fee, with its reason) first: a fee notice "
                    "states the recorded decision."))
        ground = given.get("ground") or "further_copy"
        if ground not in ("further_copy", "manifestly_unfounded"):
            raise LetterRefused(
                msg("A fee's ground is further_copy or manifestly_unfounded, not {ground}.",
                    ground=ground),
                msg("Choose the ground the decision rests on."))
        facts.update(fee=Decimal(decision.fee_sek), reason=decision.reason, ground=ground,
                     payment=given.get("payment", ""), pay_by=given.get("pay_by"))
    elif kind == "refusal":
        decision = detail.decision
        reason = str(given.get("reason") or "").strip()
        if not reason and decision is not None and decision.kind is DecisionKind.REFUSED:
            reason = decision.reason
        reason = reason or _reason_of_rejection(detail)
        if not reason:
            raise LetterRefused(
                msg("A refusal must give the person its reasons (art. 12(4)); case {case} "
                    "records none.", case=number),
                msg("Give the reasons, or record the decision with its reasons first."))
        facts.update(reason=reason, within_month=day <= detail.due_on)
    elif kind == "extension":
        reason = str(given.get("reason") or detail.extension_reason or "").strip()
        if not reason:
            raise LetterRefused(
                msg("An extension notice must give the reasons (art. 12(3))."),
                msg("Say why the case needs more time."))
        facts["reason"] = reason
    elif kind == "rectification":
        rows = [{"field": _column_title(datamap, c.table_name, c.column_name, lang),
                 "old": _shown(datamap, c.table_name, c.column_name, c.old_value),
                 "new": _shown(datamap, c.table_name, c.column_name, c.new_value)}
                for c in changes]
        rows += [dict(c) for c in given.get("changes", ())]
        if not rows:
            raise LetterRefused(
                msg("Case {case} records no rectification to confirm.", case=number),
                msg("Correct the field first (the old and new value are recorded then)."))
        cats = _changed_categories(datamap, changes)
        facts.update(changes=rows, recipients=_items(given.get("recipients"))
                     or _recipient_names(datamap, cats, lang))
    elif kind == "restriction":
        what = _items(given.get("what"))
        if not what:
            raise LetterRefused(
                msg("A restriction confirmation must say what was restricted."),
                msg("Name the data or the processing that is restricted."))
        facts.update(what=what, reason=given.get("reason", ""), until=given.get("until"),
                     recipients=_items(given.get("recipients")) or _recipient_names(
                         datamap, _items(given.get("categories")), lang))
    elif kind == "objection":
        stopped = _items(given.get("stopped"))
        if not stopped:
            raise LetterRefused(
                msg("An objection confirmation must say what was stopped."),
                msg("Name the processing that ended (e.g. the newsletter)."))
        consent = given.get("consent")
        if consent is None:
            consent = detail.request_type is RequestType.CONSENT_WITHDRAWAL
        facts.update(stopped=stopped, kept=_items(given.get("kept")), consent=bool(consent))
    elif kind == "recipient_notice":
        action = given.get("action") or {
            RequestType.RECTIFICATION: "rectification", RequestType.ERASURE: "erasure",
            RequestType.RESTRICTION: "restriction"}.get(detail.request_type)
        if action not in RECIPIENT_ACTIONS:
            raise LetterRefused(
                msg("A notice to recipients tells of a rectification, an erasure or a "
                    "restriction (art. 19)."),
                msg("Give the action: rectification, erasure or restriction."))
        rows = [{"field": _column_title(datamap, c.table_name, c.column_name, lang),
                 "old": _shown(datamap, c.table_name, c.column_name, c.old_value),
                 "new": _shown(datamap, c.table_name, c.column_name, c.new_value),
                 "category": _column_category(datamap, c.table_name, c.column_name) or ""}
                for c in changes]
        if action == "rectification" and not rows:
            # A notice of a rectification that names no corrected value tells nothing.
            raise LetterRefused(
                msg("Case {case} records no rectification to confirm.", case=number),
                msg("Correct the field first (the old and new value are recorded then)."))
        if action == "erasure" and executed is None:
            # The notice says what was erased: before the erasure it would tell a falsehood.
            raise LetterRefused(
                msg("Case {case} has no executed erasure to tell recipients of.", case=number),
                msg("Execute the approved erasure plan first; the notice then says what was "
                    "erased and what the law keeps."))
        reference, reference_kind = _reference(given, detail, executed)
        facts.update(action=action, changes=rows, subject_reference=reference,
                     subject_reference_kind=reference_kind)
        if executed is not None and action == "erasure":
            facts["erased_categories"] = sorted(executed.erased)
    return facts


def _concerned(facts: Mapping[str, Any], given: Mapping[str, Any], datamap: DataMap | None,
               changes: Sequence[PortalChangeRecord]) -> list[str]:
    """The categories a notice to recipients is about: those given, else (rectification)
    those of the changed columns; [] means all."""
    cats = _items(given.get("categories"))
    if not cats and facts.get("action") == "rectification":
        cats = _changed_categories(datamap, changes)
    if not cats and facts.get("action") == "erasure":
        cats = list(facts.get("erased_categories", ()))
    return cats


def _recipients_for(kind: str, facts: Mapping[str, Any], given: Mapping[str, Any],
                    datamap: DataMap | None, changes: Sequence[PortalChangeRecord]
                    ) -> list[Recipient | None]:
    """None (the person) for every kind but the notice to recipients: one per recipient."""
    if kind != "recipient_notice":
        return [None]
    if datamap is None or not datamap.recipients:
        raise LetterRefused(
            msg("The data map names no recipients, so there is nobody to notify."),
            msg("Add a 'recipients:' section to the data map (docs/datamap.md)."))
    cats = _concerned(facts, given, datamap, changes)
    chosen = _items(given.get("recipients"))
    if chosen:
        unknown = [r for r in chosen if r not in datamap.recipients]
        if unknown:
            raise LetterRefused(
                msg("The data map has no recipient {name}.", name=", ".join(unknown)),
                msg("Use one of: {names}.", names=", ".join(datamap.recipients)))
        return [datamap.recipients[r] for r in chosen]
    found = list(datamap.recipients_of(cats) if cats else datamap.recipients.values())
    if not found:
        raise LetterRefused(
            msg("No recipient in the data map receives {categories}.",
                categories=", ".join(cats)),
            msg("Nobody needs to be told; or name the recipients."))
    return list(found)


def _one_candidate(store: CaseStore, portal: Engine, datamap: DataMap,
                   case_id: int) -> Candidate | None:
    """The case's one person in the portal, or None (nobody, or more than one)."""
    try:
        found = find_case_subject(store, portal, datamap, case_id)
    except NoSearchableIdentifier:
        return None
    return found.candidates[0] if len(found.candidates) == 1 else None


def person_reference(store: CaseStore, portal: Engine, datamap: DataMap,
                     case_id: int) -> str:
    """The customer number the portal holds for the case's one person ('' if none): how a
    recipient finds the person without being sent a personnummer."""
    cand = _one_candidate(store, portal, datamap, case_id)
    return next((str(v) for k, v in cand.details if k == CUSTOMER_NUMBER and v), "") \
        if cand else ""


def person_address(store: CaseStore, portal: Engine, datamap: DataMap,
                   case_id: int) -> tuple[str, ...]:
    """The case's person's postal address in the portal (street, 'postcode town'), from the
    columns the map marks ``meaning: street/postcode/city``, a billing address first.

    Empty when the case's identifiers find nobody, or more than one person (the officer
    then gives the address): a letter is never addressed to a guess.
    """
    cand = _one_candidate(store, portal, datamap, case_id)
    if cand is None:
        return ()
    return person_postal_address(collect(portal, datamap, cand))[1]


def address_of(store: CaseStore, portal: Engine | None, datamap: DataMap,
               case_id: int) -> tuple[str, ...]:
    """The case's person's postal address for a letter's address block: from the portal
    when one is connected (:func:`person_address`), else none."""
    return person_address(store, portal, datamap, case_id) if portal is not None else ()


def produce_letter(store: CaseStore, case_id: int, kind: str, *, out_dir: Path | str,
                   organisation: Organisation, lang: str = "sv",
                   facts: Mapping[str, Any] | None = None, address: Sequence[str] = (),
                   datamap: DataMap | None = None, config_dir: Path | None = None,
                   actor: str | None = None, today: date | None = None,
                   portal: Engine | None = None) -> list[ProducedLetter]:
    """Write the letter(s) of ``kind`` for the case into ``out_dir`` and record them.

    ``address`` is the person's postal address (lines under their name); without it, and
    with a ``portal`` and its ``datamap``, the address the portal holds for the case's
    person (:func:`person_address`). ``facts`` is what the officer adds (see
    :func:`_facts`). Returns one letter, or one per recipient for ``recipient_notice``.
    """
    who = actor or store.actor
    if kind not in LETTER_KINDS:
        raise LetterRefused(
            msg("There is no letter kind {kind}.", kind=kind),
            msg("Use one of: {kinds}.", kinds=", ".join(LETTER_KINDS)))
    check_language(lang)
    require_role(store, who, *WRITERS, action="write letters")
    org = organisation.validated()
    day = today or stockholm_today()
    given = dict(facts or {})
    folder = Path(out_dir).expanduser()
    check_template(kind, lang, config_dir)
    detail = fresh_detail(store, case_id)
    with store.sessions() as session:
        changes = _rectifications(session, case_id)
        executed = _executed_erasure(session, case_id) if kind == "recipient_notice" else None
    if portal is not None and datamap is not None:
        if kind == "recipient_notice":
            if not given.get("subject_reference"):
                given["portal_reference"] = person_reference(store, portal, datamap, case_id)
        elif not any(a.strip() for a in address):
            address = person_address(store, portal, datamap, case_id)
    if kind == "extension" and detail.extended_due_on is not None \
            and detail.extension_told_on != day:
        raise LetterRefused(
            msg("Case {case} was extended with the person told on {told}; a letter dated "
                "today cannot be that notice.", case=detail.case_number,
                told=detail.extension_told_on),
            msg("Keep the notice that was sent then with the case (attach it)."))
    job = _Job(kind, lang, given, org, day, store, datamap, tuple(changes), tuple(address),
               config_dir, executed)
    built = _build(job, detail, dry_run=kind == "extension" and detail.extended_due_on is None)
    if kind == "extension" and detail.extended_due_on is None:
        # The letter is the telling: the case is extended as of the letter's date.
        detail = extend_case(store, case_id, reason=built[0][2]["reason"], told_on=day,
                             actor=who, expected_version=detail.version, today=day)
        built = _build(job, detail, dry_run=False)
    letterhead = Letterhead.of(org)
    stamp = utcnow().strftime("%Y%m%d-%H%M%S")
    files: list[tuple[str, bytes]] = []
    for rendered, recipient, _facts_used, block in built:
        pdf = build_letter_pdf(rendered, letterhead=letterhead, case_number=detail.case_number,
                               letter_date=day, recipient=block)
        who_for = f"-{recipient.name}" if recipient else ""
        files.append((f"{detail.case_number}-{_STEMS[lang][kind]}{who_for}-{lang}-{stamp}.pdf",
                      pdf))
    with staged_files(folder, files) as publish, store.sessions() as session, session.begin():
        check_role(session, who, *WRITERS, action="write letters")
        now = utcnow()
        out: list[ProducedLetter] = []
        for written, (rendered, recipient, _f, _b) in zip(publish(), built, strict=True):
            key = recipient.name if recipient else ""
            name = recipient.title if recipient else detail.person_label
            record_letter(session, case_id=case_id, kind=kind, lang=lang, written=written,
                          template=rendered.template, actor=who, letter_date=day,
                          recipient_name=name, recipient=key, at=now)
            to = (msg("recipient {name}", name=recipient.title) if recipient
                  else msg("the person"))
            said = msg("Letter '{kind}' ({lang}) to {to}, dated {day}: {file} sha256 {sha256}",
                       kind=LETTER_WORDS[kind], lang=lang, to=to, day=day,
                       file=written.name, sha256=written.sha256)
            session.add(CaseEvent(case_id=case_id, at=now, actor=who, kind="letter",
                                  message=said.to_json()))
            out.append(ProducedLetter(kind, lang, key, name, written.path, written.sha256,
                                      written.size_bytes, day, rendered.text))
        session.flush()
        record_audit(session, actor=who, action="letter_written", case_id=case_id,
                     details={"kind": kind, "lang": lang, "letters": len(out)})
        return out


def record_letter(session: Session, *, case_id: int, kind: str, lang: str,
                  written: WrittenFile, template: str, actor: str, letter_date: date,
                  recipient_name: str, recipient: str = "", at: datetime | None = None) -> None:
    """Record a letter sent on the case (``case_letters``): what, to whom, when, which file
    and its SHA-256. Every letter of the desk is recorded here, whichever service wrote it,
    so ``privacy-desk case letters`` lists them all."""
    session.add(CaseLetter(case_id=case_id, kind=kind, lang=lang, recipient=recipient,
                           recipient_name=recipient_name[:160], letter_date=letter_date,
                           filename=written.name, size_bytes=written.size_bytes,
                           sha256=written.sha256, template=template[-500:],
                           created_at=at or utcnow(), actor=actor))


@dataclass(frozen=True)
class _Job:
    """What one call of :func:`produce_letter` was asked for."""

    kind: str
    lang: str
    given: Mapping[str, Any]
    org: Organisation
    day: date
    store: CaseStore
    datamap: DataMap | None
    changes: tuple[PortalChangeRecord, ...]
    address: tuple[str, ...]
    config_dir: Path | None
    executed: _Erased | None = None


def _build(job: _Job, detail: CaseDetail, *, dry_run: bool
           ) -> list[tuple[RenderedLetter, Recipient | None, dict[str, Any], list[str]]]:
    """Every letter of this call rendered to text (templates checked before any write)."""
    kind, lang, given, org, day = job.kind, job.lang, job.given, job.org, job.day
    store, datamap, changes, address = job.store, job.datamap, job.changes, job.address
    config_dir = job.config_dir
    facts = _facts(kind, detail, given, lang=lang, day=day, store=store, datamap=datamap,
                   changes=changes, executed=job.executed)
    case = _case_context(detail, lang, day)
    if dry_run:  # the extension's date as it will be once recorded
        start = deadline_start(detail.received_on, detail.identity_verified_on,
                               clock_stops_for_identity=store.clock_stops_for_identity)
        case["extended_due_on"] = extended_due_date(start)
    base_facts = facts
    person = {"name": detail.person_label, "address": [a for a in address if a.strip()]}
    out = []
    for recipient in _recipients_for(kind, facts, given, datamap, changes):
        rec = ({"name": recipient.title, "address": list(recipient.address),
                "email": recipient.email} if recipient else person)
        if recipient is not None:  # each recipient hears only of its own categories
            mine = set(recipient.categories)
            concerned = set(_concerned(base_facts, given, datamap, changes)) or mine
            facts = {**base_facts, "categories": [
                datamap.categories[c].title.get(lang) for c in recipient.categories
                if datamap and c in datamap.categories and c in concerned],
                "changes": [c for c in base_facts.get("changes", ())
                            if c.get("category") in mine]}
            if job.executed is not None and datamap is not None:
                facts.update(_erasure_for(job.executed, recipient, datamap, lang))
        context = {"org": org, "person": person, "case": case, "facts": facts,
                   "letter_date": day, "recipient": rec}
        rendered = render_letter(kind, lang, context, config_dir=config_dir)
        out.append((rendered, recipient, facts, [str(rec["name"]), *map(str, rec["address"])]))
    return out


def _erasure_for(executed: _Erased, recipient: Recipient, datamap: DataMap,
                 lang: str) -> dict[str, Any]:
    """What a recipient is told of the erasure: its categories erased, and those the law
    keeps with us (and until when), so it is not told that kept data was erased."""
    def title(c: str) -> str:
        return datamap.categories[c].title.get(lang) if c in datamap.categories else c

    return {
        "erased": [title(c) for c in recipient.categories if c in executed.erased],
        "kept": [{"category": title(c), "law": law_text(executed.held[c][0], lang),
                  "until": executed.held[c][1]}
                 for c in recipient.categories if c in executed.held],
    }


def letters_of(store: CaseStore, case_id: int, *, actor: str | None = None) -> list[LetterRow]:
    """Every letter recorded on the case, oldest first: who was told what, and when."""
    who = actor or store.actor
    with store.sessions() as session:
        check_role(session, who, *WRITERS, action="read a case's letters")
        rows = session.scalars(select(CaseLetter).where(CaseLetter.case_id == case_id)
                               .order_by(CaseLetter.created_at, CaseLetter.id))
        return [LetterRow(r.kind, r.lang, r.recipient, r.recipient_name, r.letter_date,
                          r.filename, r.sha256, r.actor, r.created_at) for r in rows]


def letter_datamap(paths: AppPaths, *, datamap: str | Path | None = None,
                   demo: bool = False) -> DataMap | None:
    """The data map letters take field titles and recipients from, without a portal
    connection: the one given, the demo's, or the one the settings name (or None)."""
    from privacy_desk.config import load_settings
    from privacy_desk.datamap.loader import load_datamap
    from privacy_desk.resources import resource_path

    chosen = datamap or (None if demo else load_settings(paths).portal_datamap)
    if chosen:
        return load_datamap(Path(chosen))
    if demo:
        return load_datamap(resource_path("datamaps", "demo-portal.yaml"))
    return None
