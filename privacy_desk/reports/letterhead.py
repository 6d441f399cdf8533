"""The company's letterhead on extracts and letters, made from the organisation settings.

Every letter takes its sender from :class:`~privacy_desk.organisation.Organisation`
(``Letterhead.of``); :data:`DEMO_LETTERHEAD` is the demo company's, a fictitious company,
so no real organisation's name, address or number ever appears in a demo letter.
"""

from __future__ import annotations

from dataclasses import dataclass

from privacy_desk.organisation import DEMO_ORGANISATION, Organisation


@dataclass(frozen=True)
class Letterhead:
    """The sender block printed on every extract and letter."""

    company: str
    street: str
    postal_address: str
    org_number: str
    email: str
    phone: str
    website: str = ""
    dpo: str = ""
    signature: str = ""
    logo: str = ""

    @classmethod
    def of(cls, org: Organisation) -> Letterhead:
        return cls(org.legal_name, org.street, org.postal_address, org.org_number, org.email,
                   org.phone, org.website, org.dpo, org.signature_line(), org.logo)

    def organisation(self) -> Organisation:
        """An organisation of this letterhead's fields, for the templates' ``org`` when a
        letter is built from a letterhead alone (tests, the demo letterhead)."""
        return Organisation(self.company, self.org_number, self.street, self.postal_address,
                            self.email, self.phone, self.website, self.dpo, self.signature,
                            self.logo)

    @property
    def address_lines(self) -> tuple[str, ...]:
        return (self.street, self.postal_address)

    @property
    def signature_line(self) -> str:
        return self.signature or self.company


#: The demo company's letterhead (demo and tests only).
DEMO_LETTERHEAD = Letterhead.of(DEMO_ORGANISATION)
