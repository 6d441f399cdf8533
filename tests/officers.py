"""Officers for tests: the case store's services refuse anyone it does not know."""

from __future__ import annotations

from privacy_desk.casestore.store import CaseStore
from privacy_desk.services.roles import Role, add_officer, sign_in

WORKER_ROLES = frozenset({Role.OFFICER, Role.APPROVER})


def staff(store: CaseStore, first: str, *others: str,
          roles: frozenset[Role] = WORKER_ROLES) -> None:
    """Sign ``first`` in (the store's administrator) and add ``others`` with ``roles``."""
    sign_in(store, first)
    for name in others:
        add_officer(store, name, roles, actor=first)
