"""Looking at a person's data, with the role check and the audit entry every look needs.

The GUI's person search and the CLI's ``find`` call these instead of
:mod:`privacy_desk.portal.lookup` directly, so no one sees a person's data without an
entry in the trail. The entry names tables, counts and the identifier's *kind* — never
the identifier or any value.

A look-up is for a case. One without a case (a phone call before a request is
registered, a complaint to check) needs a reason, which the trail keeps with the entry
(``case: none``), so an auditor can ask about every look that no case explains.
"""

from __future__ import annotations

from sqlalchemy.engine import Engine

from privacy_desk.casestore.audit import record_audit
from privacy_desk.casestore.models import Case
from privacy_desk.casestore.queries import CaseNotFound
from privacy_desk.casestore.store import CaseStore
from privacy_desk.datamap.model import DataMap
from privacy_desk.errors import UserError
from privacy_desk.identifiers import Identifier
from privacy_desk.messages import msg
from privacy_desk.portal.lookup import (
    BIRTH_YEAR,
    NAME,
    POSTCODE,
    Candidate,
    LookupResult,
    PersonData,
    collect,
    find_by_name,
    find_person,
)
from privacy_desk.services.roles import WRITERS, Role, require_role

#: Who may look people up: those who work cases (an auditor reads the trail, not people).
VIEWERS = (*WRITERS,)
#: The longest reason kept in the trail for a look-up without a case.
MAX_REASON_LEN = 200


class ReasonRequired(UserError):
    """A look-up without a case and without a reason: nothing was looked up."""


def _purpose(store: CaseStore, case_id: int | None, reason: str | None) -> dict[str, str | int]:
    """The trail's words for why someone looked: the case, or 'none' and the reason."""
    if case_id is not None:
        with store.sessions() as session:
            if session.get(Case, case_id) is None:
                raise CaseNotFound(msg("Case {case} is not in the case store.", case=case_id),
                                   msg("Give the number of an existing case."))
        return {}  # the entry's own case_id says which
    why = " ".join((reason or "").split())
    if not why:
        raise ReasonRequired(
            msg("A look-up without a case needs a reason; nothing was looked up."),
            msg("Name the case it is for, or say why you look (e.g. 'a caller asks what we "
                "hold, before registering a request'); the reason is kept in the audit "
                "trail."))
    if len(why) > MAX_REASON_LEN:
        raise ReasonRequired(
            msg("The reason is longer than {n} characters.", n=MAX_REASON_LEN),
            msg("Say it shortly; the details belong in a case."))
    return {"case": "none", "reason": why}


def search_person(store: CaseStore, portal: Engine, datamap: DataMap,
                  identifier: Identifier | str, *, actor: str, kind: str | None = None,
                  postcode: str | None = None, case_id: int | None = None,
                  reason: str | None = None) -> LookupResult:
    """Find candidates for ``identifier`` (their labels are personal data: audited).

    With ``kind="name"`` the text is a person's name, searched in every kind of person's
    name columns, narrowed by ``postcode`` when given. Without ``case_id`` a ``reason``
    is required (:class:`ReasonRequired`); it goes into the trail.
    """
    require_role(store, actor, *VIEWERS, action="look up a person")
    purpose = _purpose(store, case_id, reason)
    if kind == NAME and not isinstance(identifier, Identifier):
        result = find_by_name(portal, datamap, identifier, postcode=postcode)
    elif postcode:
        raise UserError(msg("A postcode narrows a name search only."),
                        msg("Search by name, or leave the postcode out."))
    else:
        result = find_person(portal, datamap, identifier, kind=kind)
    details: dict[str, str | int] = {
        "identifier_kinds": ",".join(r.kind for r in result.readings),
        "candidates": len(result.candidates), **purpose}
    if postcode:
        details["postcode"] = "given"  # that one was given, never which
    with store.sessions.begin() as session:
        record_audit(session, actor=actor, action="person_searched", case_id=case_id,
                     details=details)
    return result


def view_person_data(store: CaseStore, portal: Engine, datamap: DataMap,
                     candidate: Candidate, *, actor: str,
                     case_id: int | None = None, reason: str | None = None) -> PersonData:
    """Every mapped row of one candidate, after the role check, recorded in the trail
    (with the case, or without one the ``reason``, required as for a search)."""
    require_role(store, actor, *VIEWERS, action="view a person's data")
    purpose = _purpose(store, case_id, reason)
    data = collect(portal, datamap, candidate)
    tables = data.tables()
    with store.sessions.begin() as session:
        record_audit(session, actor=actor, action="person_data_viewed", case_id=case_id,
                     details={"tables": ",".join(sorted(tables))[:200],
                              "rows": len(data.rows),
                              "subject_table": candidate.subject_table or "-",
                              "identifier_kind": candidate.identifier.kind, **purpose})
    return data


__all__ = [
    "BIRTH_YEAR",
    "MAX_REASON_LEN",
    "NAME",
    "POSTCODE",
    "VIEWERS",
    "Candidate",
    "LookupResult",
    "PersonData",
    "ReasonRequired",
    "Role",
    "search_person",
    "view_person_data",
]
