"""Objections (art. 21): direct marketing stopped at once; legitimate interest weighed.

The same functions serve the GUI (:mod:`privacy_desk.ui.objection_panel`) and the CLI
(``privacy-desk case objection ...``):

- :func:`stop_marketing`: an objection to direct marketing needs no balancing test
  (art. 21(3)); every channel the data map names (newsletter, e-mail, SMS, ...) is closed
  for the person in one portal transaction, checked by reading the person again, and
  recorded as a decision with the channels and row counts. (A consent withdrawal,
  :func:`privacy_desk.services.rectify.withdraw_consent`, ends the consent data itself;
  this closes the channels, whatever the category of their columns.)
- :func:`decide_balancing`: an objection to processing on legitimate interest (art.
  21(1)) is a recorded decision: the company's compelling legitimate grounds (with the
  reasons), or stop. After "stop", the officer makes the matching erasure plan
  (:mod:`privacy_desk.services.erasure`, which accepts an upheld objection case) or
  restriction plan (:mod:`privacy_desk.services.restriction`).
- :func:`write_confirmation` writes the letter that says which of these was done.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from privacy_desk.casestore.audit import record_audit
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
from privacy_desk.portal.marketing import channels_still_open
from privacy_desk.portal.marketing import stop_marketing as portal_stop
from privacy_desk.reports.atomic import staged_files
from privacy_desk.reports.rights_letters import render_rights_letter, rights_letter_pdf, text
from privacy_desk.reports.texts import check_language
from privacy_desk.services.letters import LetterResult, address_of, record_letter
from privacy_desk.services.roles import Role, check_role, require_role

__all__ = [
    "COMPELLING",
    "FOLLOW_UPS",
    "STOP",
    "Decision",
    "MarketingStopped",
    "ObjectionRefused",
    "decide_balancing",
    "decisions",
    "stop_marketing",
    "upheld",
    "write_confirmation",
]

COMPELLING, STOP = "compelling_grounds", "stop"
FOLLOW_UPS = ("erasure", "restriction")
WORKING = frozenset({CaseStatus.IN_PROGRESS, CaseStatus.EXTENDED})
MAX_REASON_LEN = 2000
#: A balancing test's outcome as the case history says it; the officer's reason follows.
_BALANCING_WORDS = {
    (COMPELLING, None): msg("Balancing test (art. 21(1)): compelling legitimate grounds, "
                            "processing goes on:"),
    (STOP, None): msg("Balancing test (art. 21(1)): processing stops:"),
    (STOP, "erasure"): msg("Balancing test (art. 21(1)): processing stops, then an erasure:"),
    (STOP, "restriction"): msg("Balancing test (art. 21(1)): processing stops, then a "
                               "restriction:"),
}


class ObjectionRefused(UserError):
    """The step is not allowed now (wrong case, no channels, no reason, ...)."""


@dataclass(frozen=True)
class MarketingStopped:
    case_number: str
    #: channel name -> (its title in the reader's words, rows changed)
    channels: Mapping[str, tuple[str, int]]
    verified: bool
    still_open: tuple[str, ...]


@dataclass(frozen=True)
class Decision:
    id: int
    case_id: int
    kind: str
    outcome: str
    details: Mapping[str, object]
    reason: str
    decided_by: str
    decided_at: datetime


def _check_case(case: Case) -> None:
    if case.request_type != RequestType.OBJECTION.value:
        raise ObjectionRefused(msg("Case {case} is not an objection.", case=case.case_number),
                               msg("Open the person's objection instead."))
    if case.identity_verified_on is None:
        raise ObjectionRefused(msg("The person's identity is not verified in case {case}.",
                                   case=case.case_number),
                               msg("Verify the identity first; no data is changed before "
                                   "that."))
    if CaseStatus(case.status) not in WORKING:
        raise ObjectionRefused(msg("Case {case} is '{status}'.", case=case.case_number,
                                   status=case.status),
                               msg("Move the case to 'in progress' first."))


def _decision(r: RightsDecisionRecord) -> Decision:
    return Decision(r.id, r.case_id, r.kind, r.outcome, json.loads(r.details), r.reason,
                    r.decided_by, r.decided_at)


def decisions(store: CaseStore, case_id: int) -> list[Decision]:
    """The case's recorded objection decisions (marketing stopped, balancing), oldest first."""
    with store.sessions() as session:
        return [_decision(r) for r in session.scalars(
            select(RightsDecisionRecord).where(
                RightsDecisionRecord.case_id == case_id,
                RightsDecisionRecord.kind.in_(["marketing_stopped", "balancing"]))
            .order_by(RightsDecisionRecord.id))]


def upheld(session: Session, case_id: int) -> str | None:
    """The follow-up of the case's latest balancing decision when it says stop, else None."""
    rec = session.scalars(select(RightsDecisionRecord).where(
        RightsDecisionRecord.case_id == case_id, RightsDecisionRecord.kind == "balancing")
        .order_by(RightsDecisionRecord.id.desc()).limit(1)).first()
    if rec is None or rec.outcome != STOP:
        return None
    follow = json.loads(rec.details).get("follow_up")
    return str(follow) if follow else None


def stop_marketing(store: CaseStore, portal: Engine, datamap: DataMap, case_id: int,
                   candidate: Candidate, *, actor: str | None = None,
                   lang: str = "sv") -> MarketingStopped:
    """Close every marketing channel of the map for the person; verify and record it."""
    who = actor or store.actor
    require_role(store, who, Role.OFFICER, action="stop direct marketing")
    if not datamap.marketing:
        raise ObjectionRefused(msg("The data map names no marketing channels."),
                               msg("Add them under 'marketing:' (see docs/datamap.md)."))
    with store.sessions() as session:
        case = get_case(session, case_id)
        _check_case(case)
        number = case.case_number
    person = collect(portal, datamap, candidate)
    counts = portal_stop(portal, person, utcnow())
    still = tuple(channels_still_open(collect(portal, datamap, candidate)))
    titles = {n: (datamap.marketing[n].title.get(lang), counts.get(n, 0))
              for n in datamap.marketing}

    def work(session: Session) -> None:
        check_role(session, who, Role.OFFICER, action="stop direct marketing")
        now = utcnow()
        session.add(RightsDecisionRecord(
            case_id=case_id, kind="marketing_stopped", outcome="stopped",
            details=json.dumps({"channels": dict(counts), "still_open": list(still)},
                               sort_keys=True),
            reason="art. 21(3): no balancing test for direct marketing", decided_by=who,
            decided_at=now))
        channels = ", ".join(f"{n}: {c}" for n, c in counts.items())
        said = (msg("Direct marketing stopped (art. 21(3)); rows changed per channel: "
                    "{channels}; STILL OPEN: {still_open}.", channels=channels,
                    still_open=", ".join(still)) if still
                else msg("Direct marketing stopped (art. 21(3)); rows changed per channel: "
                         "{channels}; verified: no channel reaches the person.",
                         channels=channels))
        session.add(CaseEvent(case_id=case_id, at=now, actor=who, kind="marketing_stopped",
                              message=said.to_json()))
        session.flush()
        record_audit(session, actor=who, action="marketing_stopped", case_id=case_id,
                     details={"channels": ",".join(counts)[:200],
                              "rows": sum(counts.values()), "verified": int(not still)})

    run_retrying(store, work)
    return MarketingStopped(number, titles, not still, still)


def decide_balancing(store: CaseStore, case_id: int, *, outcome: str, reason: str,
                     follow_up: str | None = None, actor: str | None = None) -> Decision:
    """Record the balancing test of an objection to processing on legitimate interest.

    ``compelling_grounds``: processing goes on, the reasons are what the letter says.
    ``stop``: ``follow_up`` says whether an erasure or a restriction plan follows.
    """
    who = actor or store.actor
    why = " ".join(reason.split())
    if not why:
        raise ObjectionRefused(msg("A balancing decision needs its reasons."),
                               msg("Say which grounds weigh heavier, or why processing "
                                   "stops."))
    if len(why) > MAX_REASON_LEN:
        raise ObjectionRefused(msg("The reason is longer than {n} characters.",
                                   n=MAX_REASON_LEN), msg("Shorten it."))
    if outcome not in (COMPELLING, STOP):
        raise ObjectionRefused(msg("Unknown outcome {outcome}.", outcome=outcome),
                               msg("Use compelling_grounds or stop."))
    if outcome == STOP and follow_up not in FOLLOW_UPS:
        raise ObjectionRefused(msg("When processing stops, say what follows: erasure or "
                                   "restriction."), msg("Give the follow-up."))
    if outcome == COMPELLING and follow_up is not None:
        raise ObjectionRefused(msg("Processing goes on: no erasure or restriction follows."),
                               msg("Leave the follow-up out."))

    def work(session: Session) -> Decision:
        check_role(session, who, Role.OFFICER, action="decide an objection")
        _check_case(get_case(session, case_id))
        now = utcnow()
        rec = RightsDecisionRecord(case_id=case_id, kind="balancing", outcome=outcome,
                                   details=json.dumps({"follow_up": follow_up}),
                                   reason=why, decided_by=who, decided_at=now)
        session.add(rec)
        session.add(CaseEvent(case_id=case_id, at=now, actor=who, kind="objection_decided",
                              note=why, message=_BALANCING_WORDS[outcome, follow_up].to_json()))
        session.flush()
        record_audit(session, actor=who, action="objection_decided", case_id=case_id,
                     details={"outcome": outcome, "follow_up": follow_up or ""})
        return _decision(rec)

    return run_retrying(store, work)


def write_confirmation(store: CaseStore, datamap: DataMap, case_id: int, *,
                       out_dir: Path | str, lang: str = "sv",
                       organisation: Organisation = DEMO_ORGANISATION,
                       config_dir: Path | None = None, actor: str | None = None,
                       today: date | None = None,
                       portal: Engine | None = None) -> LetterResult:
    """The objection confirmation: marketing stopped in every channel, or the balancing."""
    who = actor or store.actor
    require_role(store, who, Role.OFFICER, action="write an objection letter")
    check_language(lang)
    with store.sessions() as session:
        case = get_case(session, case_id)
        number, label, received = case.case_number, case.person_label, case.received_on
    made = decisions(store, case_id)
    if not made:
        raise ObjectionRefused(msg("Case {case} has no objection decision to confirm.",
                                   case=number),
                               msg("Stop the marketing or record the balancing test first."))
    stopped: list[str] = []
    facts: dict[str, object]
    balancing = [d for d in made if d.kind == "balancing"]
    if any(d.kind == "marketing_stopped" for d in made):
        stopped += [text(lang, "channel_row", channel=ch.title.get(lang))
                    for ch in datamap.marketing.values()]
    latest = balancing[-1] if balancing else None
    if latest is not None and latest.outcome == COMPELLING:
        kind, facts = "objection_balancing", {"reason": latest.reason, "stopped": stopped}
    else:
        if latest is not None:
            stopped.append(latest.reason)
        kind, facts = "objection", {"stopped": stopped, "consent": False, "kept": []}
    day = today or stockholm_today()
    letter = render_rights_letter(kind, lang, org=organisation, case_number=number,
                                  received_on=received, person_label=label, facts=facts,
                                  day=day, config_dir=config_dir)
    pdf = rights_letter_pdf(letter, org=organisation, case_number=number, person_label=label,
                            day=day, address=address_of(store, portal, datamap, case_id))
    stem = "invandning" if lang == "sv" else "objection"
    name = f"{stem}-{number}-{utcnow().strftime('%Y%m%d-%H%M%S')}.pdf"
    with staged_files(Path(out_dir).expanduser(), [(name, pdf)]) as publish, \
            store.sessions() as session, session.begin():
        written = publish()[0]
        record_letter(session, case_id=case_id, kind=kind, lang=lang, written=written,
                      template=letter.template, actor=who, letter_date=day,
                      recipient_name=label)
        session.add(CaseEvent(case_id=case_id, at=utcnow(), actor=who, kind="objection_letter",
                              message=msg("Objection confirmation ({lang}): {file} sha256 "
                                          "{sha256}", lang=lang, file=written.name,
                                          sha256=written.sha256).to_json()))
        session.flush()
        record_audit(session, actor=who, action="objection_letter_written", case_id=case_id,
                     details={"lang": lang})
        return LetterResult(written.path, written.sha256, written.size_bytes)
