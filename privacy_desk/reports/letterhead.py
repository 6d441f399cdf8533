"""The company's letterhead on extracts and letters.

Where it comes from: the company's settings (to come: a settings dialog writes them to
``settings.json``); until then, and in the demo, :data:`DEMO_LETTERHEAD` — a fictitious
company, so no real organisation's name, address or number ever appears in a demo letter.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Letterhead:
    """The sender block printed on every extract."""

    company: str
    street: str
    postal_address: str
    org_number: str
    email: str
    phone: str
    website: str = ""

    @property
    def address_lines(self) -> tuple[str, ...]:
        return (self.street, self.postal_address)


#: A fictitious district-heating company (demo only; ``.example`` is a reserved domain).
DEMO_LETTERHEAD = Letterhead(
    company="Kundportalen Energi AB",
    street="Värmeverksgatan 1",
    postal_address="123 45 Exempelstad",
    org_number="556000-0000",
    email="dataskydd@kundportalen.example",
    phone="010-000 00 00",
    website="kundportalen.example",
)
