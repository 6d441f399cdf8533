"""The roles of the people at the desk, as plain values (who may do what is a service rule).

- **officer**: works cases (register, claim, verify identity, look up a person, export);
- **approver**: approves decisions (erasure plans, fees, refusals);
- **auditor**: read-only; browses and exports the audit trail;
- **admin** (a flag, not a role): adds officers and changes their roles.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    OFFICER = "officer"
    APPROVER = "approver"
    AUDITOR = "auditor"


ROLE_VALUES = frozenset(r.value for r in Role)
#: Roles that may change cases (everything but the read-only auditor).
WRITERS = (Role.OFFICER, Role.APPROVER)


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
