"""Reading an officer's record (name, roles, flags) from the case store.

The rule built on it, who may do what, is :mod:`privacy_desk.services.roles`.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from privacy_desk.casestore.audit_models import Officer, OfficerRole
from privacy_desk.domain.roles import ROLE_VALUES, OfficerInfo, Role


def load_officer(session: Session, name: str) -> OfficerInfo | None:
    """The officer record for ``name`` read in ``session``, or None."""
    officer = session.get(Officer, name)
    if officer is None:
        return None
    roles = session.scalars(select(OfficerRole.role).where(OfficerRole.officer == name))
    known = frozenset(Role(r) for r in roles if r in ROLE_VALUES)
    return OfficerInfo(officer.name, known, officer.admin, officer.active)
