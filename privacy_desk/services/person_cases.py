"""A person found in the portal, seen from the desk: their cases, and a new one for them.

The person search shows, beside what the portal holds, the person's requests in the case
store (a profile across cases is personal data: the look is audited, with a count only),
and offers "new case for the person" prefilled with the identifiers the portal holds for
them, so the officer types nothing that could be mistyped.
"""

from __future__ import annotations

from dataclasses import dataclass

from privacy_desk.casestore.audit import record_audit
from privacy_desk.casestore.person_cases import cases_naming
from privacy_desk.casestore.persons import normalise_identifiers
from privacy_desk.casestore.queries import QueueRow
from privacy_desk.casestore.store import CaseStore
from privacy_desk.errors import UserError
from privacy_desk.identifiers import EMAIL, ORGNR, PERSONNUMMER, PHONE
from privacy_desk.portal.lookup import PersonData
from privacy_desk.services.person_search import VIEWERS
from privacy_desk.services.roles import require_role

__all__ = ["NewCasePrefill", "new_case_prefill", "person_cases", "person_identifiers"]

#: The order identifiers are offered in a new case (the register dialog has three rows).
_PREFERRED = (PERSONNUMMER, ORGNR, "customer_number", EMAIL, PHONE)


@dataclass(frozen=True)
class NewCasePrefill:
    """What "new case for the person" fills in: the name and up to three identifiers."""

    person_label: str
    identifiers: tuple[tuple[str, str], ...]


def person_identifiers(data: PersonData) -> list[tuple[str, str]]:
    """The person's identifiers as the portal holds them (the data map's identity columns
    of the person's own table), normalised; what does not parse is left out."""
    cand = data.candidate
    spec = data.datamap.tables.get(cand.subject_table) if cand.subject_table else None
    found: list[tuple[str, str]] = []
    if spec is not None:
        for row in data.rows:
            if row.table != spec.name:
                continue
            for ident in spec.identity:
                value = row.values.get(ident.column)
                if value is None or not str(value).strip():
                    continue
                try:
                    found += normalise_identifiers([(ident.kind, str(value))])
                except (UserError, ValueError):
                    continue  # as entered in the portal: not matchable, not offered
    if not found and cand.identifier.kind in _PREFERRED:
        found.append((cand.identifier.kind, cand.identifier.value))
    rank = {k: i for i, k in enumerate(_PREFERRED)}
    return sorted(dict.fromkeys(found), key=lambda p: rank.get(p[0], len(rank)))


def person_cases(store: CaseStore, data: PersonData, *, actor: str) -> list[QueueRow]:
    """The cases naming the person (newest first), after the role check; audited."""
    require_role(store, actor, *VIEWERS, action="read a person's cases")
    rows = cases_naming(store, person_identifiers(data))
    with store.sessions.begin() as session:
        record_audit(session, actor=actor, action="person_cases_viewed",
                     details={"cases": len(rows)})
    return rows


def new_case_prefill(data: PersonData) -> NewCasePrefill:
    """The name and the identifiers (best first, at most three) for a new case."""
    usable = [p for p in person_identifiers(data) if p[0] in _PREFERRED]
    return NewCasePrefill(data.candidate.label, tuple(usable[:3]))
