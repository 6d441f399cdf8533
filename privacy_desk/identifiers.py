"""Identifiers a request may carry: recognise, validate and normalise them.

A request reaches the desk with a personnummer in one of its many written forms, an
e-mail typed in any case, a phone number formatted however the person likes, or a
customer or invoice number. The portal, for its part, stores these "as entered". So
each :class:`Identifier` has one canonical ``value`` (what we compare and show) and
:meth:`Identifier.stored_forms`: the finite set of spellings a portal commonly stores,
which the lookup sends as ``column IN (...)`` so an ordinary index is used instead of
normalising every stored row (a full scan).

Swedish personnummer and organisationsnummer are validated with python-stdnum
(samordningsnummer, day + 60, are handled here because stdnum rejects them). Errors
name the kind of identifier, never the value, because messages end up in logs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import phonenumbers
import re2
from phonenumbers import PhoneNumberFormat
from stdnum import luhn
from stdnum.exceptions import ValidationError
from stdnum.se import orgnr as _orgnr
from stdnum.se import personnummer as _pnr

from privacy_desk.errors import UserError
from privacy_desk.messages import Message, msg

PERSONNUMMER = "personnummer"
ORGNR = "orgnr"
EMAIL = "email"
PHONE = "phone"
CUSTOMER_NUMBER = "customer_number"
INVOICE_NUMBER = "invoice_number"

#: Kinds with built-in rules. A data map may add more kinds by giving a pattern.
BUILTIN_KINDS = frozenset({PERSONNUMMER, ORGNR, EMAIL, PHONE})
#: Kinds recognised only through a pattern the data map gives (formats differ per portal).
PATTERN_KINDS = frozenset({CUSTOMER_NUMBER, INVOICE_NUMBER})
KNOWN_KINDS = BUILTIN_KINDS | PATTERN_KINDS

_LABELS = {
    PERSONNUMMER: "personnummer",
    ORGNR: "organisationsnummer",
    EMAIL: "e-mail address",
    PHONE: "phone number",
    CUSTOMER_NUMBER: "customer number",
    INVOICE_NUMBER: "invoice number",
}
#: The same names for messages to people (``kind_label`` stays English for logs and code).
_LABEL_MESSAGES = {
    PERSONNUMMER: msg("personnummer"),
    ORGNR: msg("organisationsnummer"),
    EMAIL: msg("e-mail address"),
    PHONE: msg("phone number"),
    CUSTOMER_NUMBER: msg("customer number"),
    INVOICE_NUMBER: msg("invoice number"),
}

_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
_PNR_SHAPE = re.compile(r"^(\d{6}|\d{8})[-+]?\d{4}$")
_PHONE_CHARS = re.compile(r"^\+?[\d\s\-()/.]+$")
#: No identifier is longer; a longer input is refused before any pattern sees it.
MAX_IDENTIFIER_LENGTH = 200
#: The region assumed for phone numbers written without a country code.
DEFAULT_REGION = "SE"


class IdentifierPattern(Protocol):
    """A compiled identifier pattern (RE2: matching time is linear, never catastrophic)."""

    @property
    def pattern(self) -> str: ...

    def fullmatch(self, text: str) -> Any: ...


class InvalidPattern(UserError):
    """A data map's identifier pattern that cannot be compiled by RE2."""


_RE2_OPTIONS = re2.Options()
_RE2_OPTIONS.log_errors = False  # the error is raised to us; RE2 must not print it


def compile_pattern(text: str) -> IdentifierPattern:
    """Compile an identifier pattern with RE2, whose matching cannot blow up.

    RE2 has no backreferences or lookaround; identifier formats never need them.
    """
    if len(text) > 1000:
        raise InvalidPattern(msg("it is longer than 1,000 characters."),
                             msg("An identifier format fits in a short pattern such as "
                                 "'K\\d{{7}}'."))
    try:
        compiled: IdentifierPattern = re2.compile(text, options=_RE2_OPTIONS)
    except re2.error as exc:
        detail = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) \
            else str(exc)
        raise InvalidPattern(msg("{detail}.", detail=detail),
                             msg("Use a plain pattern (no backreferences or lookaround), such "
                                 "as 'K\\d{{7}}'.")) from None
    return compiled


class InvalidIdentifier(UserError):
    """An identifier that cannot be valid. Says which kind, never echoes the value."""

    def __init__(self, kind: str, message: str | Message, hint: str | Message = "") -> None:
        super().__init__(message,
                         hint or msg("Check the identifier against the request letter."))
        self.kind = kind


def kind_label(kind: str) -> str:
    """A readable name for a kind ('organisationsnummer' rather than 'orgnr')."""
    return _LABELS.get(kind, kind.replace("_", " "))


def kind_message(kind: str) -> Message | str:
    """The kind's name for a message, in the reader's language where the desk knows it."""
    return _LABEL_MESSAGES.get(kind) or kind_label(kind)


@dataclass(frozen=True)
class Identifier:
    """One validated identifier: its kind and canonical value.

    Canonical values: personnummer ``YYYYMMDDNNNN``; organisationsnummer ``NNNNNNNNNN``;
    e-mail lower-case; phone E.164 (``+46701234567``); other kinds stripped of spaces.
    """

    kind: str
    value: str
    #: A samordningsnummer (coordination number: birth day + 60) rather than a personnummer.
    coordination: bool = False

    @property
    def label(self) -> str:
        if self.kind == PERSONNUMMER and self.coordination:
            return "samordningsnummer"
        return kind_label(self.kind)

    def masked(self) -> str:
        """Safe for logs: the kind only, never the value."""
        return f"<{self.kind}>"

    def stored_forms(self) -> tuple[str, ...]:
        """Spellings a portal may store for this value (canonical first, no duplicates)."""
        if self.kind == PERSONNUMMER:
            forms = _personnummer_forms(self.value)
        elif self.kind == ORGNR:
            v = self.value
            forms = [v, f"{v[:6]}-{v[6:]}", f"16{v}", f"16{v[:6]}-{v[6:]}"]
        elif self.kind == PHONE:
            forms = _phone_forms(self.value) + _international_forms(self.value)
        elif self.kind == EMAIL:
            forms = [self.value]
        else:
            forms = [self.value, self.value.upper()]
        return tuple(dict.fromkeys(forms))

    def __str__(self) -> str:
        return self.value


# --------------------------------------------------------------------------- personnummer


def _personnummer_forms(v: str) -> list[str]:
    """YYYYMMDDNNNN, YYYYMMDD-NNNN, YYMMDD-NNNN (``+`` from the 100th year), YYMMDDNNNN."""
    born = dt.date(int(v[:4]), int(v[4:6]), 1)
    sep = "+" if dt.date.today().year - born.year >= 100 else "-"
    return [v, f"{v[:8]}-{v[8:]}", f"{v[2:8]}{sep}{v[8:]}", f"{v[2:8]}{v[8:]}"]


def parse_personnummer(text: str, *, today: dt.date | None = None) -> Identifier:
    """Validate a personnummer or samordningsnummer in any written form.

    Accepts YYMMDD-NNNN, YYMMDD+NNNN (aged 100 or more), YYMMDDNNNN, YYYYMMDDNNNN and
    YYYYMMDD-NNNN. The century of a 10-digit form is inferred as Skatteverket does:
    the most recent year not in the future, one century earlier with ``+``.
    """
    raw = re.sub(r"\s", "", text)
    if not _PNR_SHAPE.match(raw):
        raise InvalidIdentifier(
            PERSONNUMMER, msg("That is not a personnummer: wrong length or characters."),
            msg("Write it as YYYYMMDD-NNNN or YYMMDD-NNNN."))
    digits = re.sub(r"\D", "", raw)
    plus = "+" in raw
    tail = digits[-10:]
    day = int(tail[4:6])
    coordination = day > 60
    birth_tail = f"{tail[:4]}{day - 60:02d}" if coordination else tail[:6]
    label = "samordningsnummer" if coordination else "personnummer"
    today = today or dt.date.today()
    try:
        if len(digits) == 12:
            year = int(digits[:4])
        else:
            yy = int(tail[:2])
            century = today.year // 100 - (1 if yy > today.year % 100 else 0) - (1 if plus else 0)
            year = century * 100 + yy
        birth = dt.date(year, int(birth_tail[2:4]), int(birth_tail[4:6]))
    except ValueError as exc:
        raise InvalidIdentifier(PERSONNUMMER, msg("The {label} does not contain a valid date.",
                                                  label=label),
                                msg("Check the date part (YYMMDD).")) from exc
    if birth > today:
        raise InvalidIdentifier(PERSONNUMMER, msg("The {label} has a birth date in the future.",
                                                  label=label))
    # stdnum validates the real date forms; it rejects day + 60, so check those by Luhn.
    try:
        if coordination:
            luhn.validate(tail)
        else:
            _pnr.validate(f"{year:04d}{tail[2:6]}-{tail[6:]}")
    except ValidationError as exc:
        raise InvalidIdentifier(PERSONNUMMER, msg("The {label} has an invalid check digit.",
                                                  label=label),
                                msg("Ask for the number again; a digit is probably "
                                    "wrong.")) from exc
    return Identifier(PERSONNUMMER, f"{year:04d}{tail[2:]}", coordination)


def parse_orgnr(text: str) -> Identifier:
    """Validate an organisationsnummer (NNNNNN-NNNN, optionally with the 16 prefix)."""
    digits = re.sub(r"[\s-]", "", text)
    if len(digits) == 12 and digits.startswith("16"):
        digits = digits[2:]
    if not (digits.isdigit() and len(digits) == 10):
        raise InvalidIdentifier(ORGNR, msg("That is not an organisationsnummer: it needs 10 "
                                           "digits."),
                                msg("Write it as NNNNNN-NNNN."))
    if int(digits[2:4]) < 20:
        raise InvalidIdentifier(ORGNR, msg("That is not an organisationsnummer: the third and "
                                           "fourth digits must be 20 or more."),
                                msg("A number with a valid date there is a personnummer."))
    try:
        _orgnr.validate(digits)
    except ValidationError as exc:
        raise InvalidIdentifier(ORGNR, msg("The organisationsnummer has an invalid check digit."),
                                msg("Ask for the number again; a digit is probably "
                                    "wrong.")) from exc
    return Identifier(ORGNR, digits)


# --------------------------------------------------------------------------- e-mail, phone


def parse_email(text: str) -> Identifier:
    """E-mail addresses compare case-insensitively (in practice, though not by RFC)."""
    value = text.strip().removeprefix("mailto:").strip().lower()
    if not _EMAIL_RE.match(value):
        raise InvalidIdentifier(EMAIL, msg("That is not a valid e-mail address."),
                                msg("It needs one @ and a domain, like namn@example.se."))
    return Identifier(EMAIL, value)


def parse_phone(text: str, region: str = DEFAULT_REGION) -> Identifier:
    """A phone number of any country to E.164, validated by ``phonenumbers``.

    A number without a country code is read as a number of ``region`` (the data map's
    ``phone_region``, Sweden by default).
    """
    raw = text.strip()
    if not _PHONE_CHARS.match(raw):
        raise InvalidIdentifier(PHONE, msg("That is not a phone number: unexpected characters."))
    # '+46 (0)70...' writes the trunk zero in brackets: it is not dialled.
    raw = re.sub(r"\(0\)", "", raw)
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as exc:
        raise InvalidIdentifier(PHONE, msg("That is not a phone number."),
                                msg("Write it as 070-123 45 67 or with the country code, +47 22 "
                                    "44 22 22.")) from exc
    if not phonenumbers.is_valid_number(number):
        where = (msg("Swedish number") if number.country_code == 46
                 else msg("number of that country"))
        raise InvalidIdentifier(PHONE, msg("The phone number has the wrong number of digits for "
                                           "a {where}.",
                                           where=where),
                                msg("Check the number, and its country code if it has one."))
    return Identifier(PHONE, phonenumbers.format_number(number, PhoneNumberFormat.E164))


def _international_forms(e164: str) -> list[str]:
    """How portals commonly store a number of any country, from ``phonenumbers``' formats:
    '+55 12 3923-5555', '+55 (12) 3923-5555', '(12) 3923-5555', '+49 0711 2842222', ..."""
    number = phonenumbers.parse(e164)
    intl = phonenumbers.format_number(number, PhoneNumberFormat.INTERNATIONAL)
    national = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    cc = f"+{number.country_code}"
    nsn = phonenumbers.national_significant_number(number)
    national_digits = re.sub(r"\D", "", national)
    forms = [intl, national, f"{cc} {national}", f"{cc}{national_digits}", national_digits,
             f"{cc} {nsn}", intl.replace("-", " "), national.replace("-", " ")]
    return [f for f in forms if f]


def _group(sub: str) -> str:
    """Swedish grouping of a subscriber number: 'XXX XX XX', 'XX XX XX', 'XXX XXX XX'."""
    if len(sub) == 8:
        return f"{sub[:3]} {sub[3:6]} {sub[6:]}"
    head = 3 if len(sub) % 2 else 2
    parts = [sub[:head]] + [sub[i:i + 2] for i in range(head, len(sub), 2)]
    return " ".join(parts)


def _phone_forms(e164: str) -> list[str]:
    """E.164 plus the national spellings people type, for each plausible area code length.

    Swedish area codes are 1-3 digits after the trunk 0 (08, 031, 0980; mobiles 07X), so
    each split is tried: e.g. '+46701234567' yields '0701234567', '070-123 45 67',
    '070-1234567', '070 123 45 67', '+46 70 123 45 67', '0046701234567', ...
    """
    forms = [e164, "00" + e164[1:]]
    if not e164.startswith("+46"):
        return forms
    nsn = e164[3:]
    forms += ["0" + nsn, "46" + nsn, "+460" + nsn]
    for area_len in (1, 2, 3):
        area, sub = nsn[:area_len], nsn[area_len:]
        if len(sub) < 5:
            continue
        grouped = _group(sub)
        for sep in ("-", " "):
            forms += [f"0{area}{sep}{grouped}", f"0{area}{sep}{sub}"]
        forms += [f"+46 {area} {grouped}", f"+46 {area} {sub}", f"+46 (0){area}-{grouped}",
                  f"+46{area}-{sub}", f"0{area}/{sub}"]
    return forms


# --------------------------------------------------------------------------- recognition


def parse_identifier(text: str, kind: str | None = None, *,
                     patterns: Mapping[str, IdentifierPattern] | None = None,
                     today: dt.date | None = None, region: str = DEFAULT_REGION) -> Identifier:
    """Parse ``text`` as ``kind``, or recognise it when the kind is not given.

    Without a kind, an input that could be read two ways (``0701234567``: a phone
    number, or the personnummer of someone born 2007-01-23) is an error asking for
    the kind; :func:`interpretations` returns every reading instead.
    """
    if kind is not None:
        _check_length(text)
        return _parse_as(text, kind, patterns or {}, today, region)
    found = interpretations(text, patterns=patterns, today=today, region=region)
    if len(found) > 1:
        kinds = ", ".join(i.label for i in found)
        raise UserError(msg("The identifier could be any of: {kinds}.", kinds=kinds),
                        msg("Say which kind it is (for example --kind phone)."))
    return found[0]


def _check_length(text: str) -> None:
    if len(text) > MAX_IDENTIFIER_LENGTH:
        raise UserError(msg("The identifier is longer than {max_identifier_length} characters.",
                            max_identifier_length=MAX_IDENTIFIER_LENGTH),
                        msg("Give one identifier, as the request letter writes it."))


def _parse_as(text: str, kind: str, patterns: Mapping[str, IdentifierPattern],
              today: dt.date | None, region: str = DEFAULT_REGION) -> Identifier:
    if kind == PERSONNUMMER:
        return parse_personnummer(text, today=today)
    if kind == ORGNR:
        return parse_orgnr(text)
    if kind == EMAIL:
        return parse_email(text)
    if kind == PHONE:
        return parse_phone(text, region)
    value = re.sub(r"\s", "", text)
    pattern = patterns.get(kind)
    if pattern is None:
        if kind not in PATTERN_KINDS:
            raise UserError(msg("Unknown identifier kind {kind}.", kind=repr(kind)),
                            msg("Use one of: {choices}.", choices=', '.join(sorted(KNOWN_KINDS))))
        if not value:
            raise InvalidIdentifier(kind, msg("The {kind} is empty.", kind=kind_message(kind)))
    elif not pattern.fullmatch(value):
        raise InvalidIdentifier(kind, msg("That is not a {kind} in this portal's format.",
                                          kind=kind_message(kind)),
                                msg("The data map expects the pattern {pattern}.",
                                    pattern=pattern.pattern))
    return Identifier(kind, value)


def interpretations(text: str, *, patterns: Mapping[str, IdentifierPattern] | None = None,
                    today: dt.date | None = None,
                    region: str = DEFAULT_REGION) -> list[Identifier]:
    """Every valid reading of ``text``, most likely first; a clear error when there is none.

    When no reading is valid and the text has the shape of exactly one kind (a
    personnummer with a wrong check digit, say), that kind's own error is raised.
    """
    patterns = patterns or {}
    raw = text.strip()
    if not raw:
        raise UserError(msg("No identifier given."),
                        msg("Give a personnummer, organisationsnummer, e-mail, phone, customer "
                            "or invoice number."))
    _check_length(raw)
    if "@" in raw:
        return [parse_email(raw)]
    compact = re.sub(r"\s", "", raw)
    tries: list[str] = [k for k, p in patterns.items() if p.fullmatch(compact)]
    if _PNR_SHAPE.match(compact):
        digits = re.sub(r"\D", "", compact)
        month = int(digits[-8:-6])
        tries.append(ORGNR if month >= 20 else PERSONNUMMER)
    if _PHONE_CHARS.match(raw) and (compact.startswith(("+", "0", "("))):
        tries.append(PHONE)
    # A separator at the personnummer position says the writer meant a personnummer.
    if re.fullmatch(r"\d{6,8}[-+]\d{4}", compact) and PERSONNUMMER in tries:
        tries = [k for k in tries if k != PHONE]
    found: list[Identifier] = []
    errors: list[InvalidIdentifier] = []
    for kind in dict.fromkeys(tries):
        try:
            found.append(_parse_as(raw, kind, patterns, today, region))
        except InvalidIdentifier as exc:
            errors.append(exc)
    if found:
        return _dedupe(found)
    if len(errors) == 1:
        raise errors[0]
    raise UserError(msg("The identifier is not recognised as any kind the desk knows."),
                    msg("Give a personnummer, organisationsnummer, e-mail, phone, customer or "
                        "invoice number, or say which kind it is."))


def _dedupe(items: Iterable[Identifier]) -> list[Identifier]:
    return list(dict.fromkeys(items))


def phone_text(text: str, region: str) -> str:
    """A stored phone number as a person reads it: national format for ``region``'s own
    numbers ("070-123 45 67"), international for others ("+47 22 00 00 01"); anything that
    is no valid number as it is stored."""
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return text
    if not phonenumbers.is_valid_number(number):
        return text
    style = (PhoneNumberFormat.NATIONAL if phonenumbers.region_code_for_number(number) == region
             else PhoneNumberFormat.INTERNATIONAL)
    return str(phonenumbers.format_number(number, style))
