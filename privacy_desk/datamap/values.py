"""What one sampled portal value is, validated rather than pattern-matched.

Shared by ``datamap check`` (does an unmapped column hold personal data?) and the draft
(what is this column?): a personnummer must have its check digit, a phone number must be a
valid number of its country, an IBAN its checksum. Never logs or returns the value.
"""

from __future__ import annotations

import ipaddress
import re
from decimal import Decimal
from typing import Any

from stdnum import iban as _iban

from privacy_desk.errors import UserError
from privacy_desk.identifiers import parse_email, parse_orgnr, parse_personnummer, parse_phone

_PNR_SHAPE = re.compile(r"(\d{6}|\d{8})[-+]?\d{4}")
_ORG_SHAPE = re.compile(r"(16)?\d{6}-?\d{4}")
_PHONE_SHAPE = re.compile(r"(\+|0|\()[\d\s\-()/.]{6,24}")
_SE_POSTCODE = re.compile(r"\d{3} \d{2}")


def value_kind(value: Any, region: str) -> str | None:
    """The validated kind of one sampled value, or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | Decimal):
        value = str(value)
    if not isinstance(value, str):
        return None
    v = value.strip()
    if not v or len(v) > 200:
        return None
    if "@" in v:
        return "email" if _ok(parse_email, v) else None
    if _PNR_SHAPE.fullmatch(v) and _ok(parse_personnummer, v):
        return "personnummer"
    if _ORG_SHAPE.fullmatch(v) and _ok(parse_orgnr, v):
        return "orgnr"
    if _PHONE_SHAPE.fullmatch(v):
        try:
            parse_phone(v, region)
            return "phone"
        except UserError:
            pass
    if _SE_POSTCODE.fullmatch(v):
        return "postcode"
    if len(v) >= 15 and v[:2].isalpha() and _iban.is_valid(v):
        return "iban"
    if ("." in v or ":" in v) and _is_ip(v):
        return "ip"
    return None


def _ok(fn: Any, v: str) -> bool:
    try:
        fn(v)
        return True
    except UserError:
        return False


def _is_ip(v: str) -> bool:
    try:
        ipaddress.ip_address(v)
        return True
    except ValueError:
        return False
