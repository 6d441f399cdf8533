"""The role check itself, low in the case store so every service can call it.

:mod:`privacy_desk.roles` (officer management, sign-in) re-exports these names; they
live here because the case services import them and ``roles`` imports the case store,
so keeping the check beside the services avoids an import cycle.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from privacy_desk.casestore.audit_models import Officer, OfficerRole
from privacy_desk.casestore.store import CaseStore
from privacy_desk.errors import UserError


class Role(StrEnum):
    OFFICER = "officer"
    APPROVER = "approver"
    AUDITOR = "auditor"


ROLE_VALUES = frozenset(r.value for r in Role)
#: Roles that may change cases (everything but the read-only auditor).
WRITERS = (Role.OFFICER, Role.APPROVER)


class NotPermitted(UserError):
    """The signed-in person lacks the role an action needs; nothing was changed."""

    exit_code = 4


@dataclass(frozen=True)
class OfficerInfo:
    name: str
    roles: frozenset[Role]
    admin: bool
    active: bool

    def has(self, *roles: Role) -> bool:
        return self.active and bool(self.roles.intersection(roles))

    @property
    def read_only(self) -> bool:
        """True for someone who may look but not change cases (an auditor only)."""
        return not self.has(*WRITERS)


def load_officer(session: Session, name: str) -> OfficerInfo | None:
    """The officer record for ``name`` read in ``session``, or None."""
    officer = session.get(Officer, name)
    if officer is None:
        return None
    roles = session.scalars(select(OfficerRole.role).where(OfficerRole.officer == name))
    known = frozenset(Role(r) for r in roles if r in ROLE_VALUES)
    return OfficerInfo(officer.name, known, officer.admin, officer.active)


def refusal(actor: str, what: str) -> NotPermitted:
    return NotPermitted(f"{actor} may not {what}.",
                        "Ask an administrator of this case store to give you the role "
                        "(privacy-desk officer set-roles).")


def check_role(session: Session, actor: str, *roles: Role, action: str = "do this",
               ) -> OfficerInfo:
    """:func:`require_role` inside an open session (for services already in a transaction)."""
    info = load_officer(session, actor)
    if info is None or not info.active:
        raise NotPermitted(f"{actor} is not an officer of this case store.",
                           "Ask an administrator to add you (privacy-desk officer add).")
    if roles and not info.has(*roles):
        needed = " or ".join(r.value for r in roles)
        raise refusal(actor, f"{action} (it needs the {needed} role)")
    return info


def require_role(store: CaseStore, actor: str, *roles: Role, action: str = "do this",
                 ) -> OfficerInfo:
    """Refuse with :class:`NotPermitted` unless ``actor`` is active and holds one of ``roles``.

    With no roles given, any active officer passes (reading the queue, say).
    """
    with store.sessions() as session:
        return check_role(session, actor, *roles, action=action)
