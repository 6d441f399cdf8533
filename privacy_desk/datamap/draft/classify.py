"""What a column is, from its name (Swedish and English) and from sampled values, validated.

Names alone are right about three times in four, so values decide where there are any: a
personnummer must pass its check digit, an e-mail its syntax, a phone number
``phonenumbers``' validation for its country, an IBAN its checksum. Every conclusion keeps
the evidence as a sentence for the map's comment ("values: 98% valid personnummer
(n=500)"); no sampled value is ever written anywhere.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from privacy_desk.datamap.draft.catalogue import ColumnInfo
from privacy_desk.datamap.values import value_kind
from privacy_desk.messages import SOURCE_LANGUAGE, Message, msg

#: The share of non-empty sampled values that must pass a validator for the column to be
#: read as that kind.
VALUE_SHARE = 0.8

_FOLD = str.maketrans("åäöéüÅÄÖÉÜ", "aaoeuAAOEU")


def snake(name: str) -> str:
    """``BillingPostalCode`` -> ``billing_postal_code``; ``Förnamn`` -> ``fornamn``."""
    s = name.translate(_FOLD)
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s)
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", s)
    s = re.sub(r"[^A-Za-z0-9]+", "_", s)
    return s.strip("_").lower()


@dataclass(frozen=True)
class NameRule:
    pattern: re.Pattern[str]
    what: Message  # said in the comment: "a personnummer", "an e-mail address"
    category: str
    kind: str | None = None  # identifier kind
    meaning: str | None = None
    name_part: str | None = None  # first, last, full: the person's name
    free_text: bool = False
    disclose: bool = True
    #: a value validator that must agree (by value label), when there are values
    expects: str | None = None


def _r(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


#: First match wins; the patterns read the snake_case, ASCII-folded name.
NAME_RULES: tuple[NameRule, ...] = (
    NameRule(_r(r"person_?n(umme)?r|(^|_)pnr($|_)|persnr|(^|_)ssn($|_)|social_security|"
                r"national_id|personal_?(id_)?number|samordningsn"),
             msg("a personnummer"), "identity", kind="personnummer", expects="personnummer"),
    NameRule(_r(r"org_?n(umme)?r|org_?number|organisationsn|organi[sz]ation_?number|"
                r"company_?reg|foretagsn"), msg("an organisationsnummer"), "identity",
             kind="orgnr", expects="orgnr"),
    NameRule(_r(r"^ip$|(^|_)ip_?addr|ip_?adress|_ip$|remote_addr|client_ip"),
             msg("an IP address"), "usage", expects="ip"),
    NameRule(_r(r"e_?mail|epost|e_post|mejl|mail_?addr|(^|_)mail$"), msg("an e-mail address"),
             "contact", kind="email", expects="email"),
    NameRule(_r(r"phone|telefon|(^|_)tel($|_|ef|nr)|(^|_)tfn|mobil|cell_?phone|(^|_)fax|"
                r"sms_?n"), msg("a phone number"), "contact", kind="phone", expects="phone"),
    NameRule(_r(r"birth|fodelse|(^|_)fodd|(^|_)dob$|bday"), msg("a date of birth"), "identity",
             meaning="birth_date", expects="birth_date"),
    NameRule(_r(r"first_?name|given_?name|fornamn|forename|tilltalsnamn"), msg("a first name"),
             "identity", name_part="first"),
    NameRule(_r(r"last_?name|surname|family_?name|efternamn|sur_?name"), msg("a family name"),
             "identity", name_part="last"),
    NameRule(_r(r"full_?name|^namn$|^name$|display_?name|contact_?name|kontaktperson|"
                r"_namn$|^namn_|(^|_)name$|namn"), msg("a name"), "identity", name_part="full"),
    NameRule(_r(r"post_?code|postal|postnr|postnummer|(^|_)zip"), msg("a postcode"), "address",
             meaning="postcode", expects="postcode"),
    NameRule(_r(r"street|gatu|(^|_)gata|address_?line|address|adress|(^|_)c_?o($|_)|careof"),
             msg("a street address"), "address", meaning="street"),
    NameRule(_r(r"city|(^|_)ort$|postort|(^|_)stad$|town|kommun"), msg("a city"), "address",
             meaning="city"),
    NameRule(_r(r"country|^land$|_land$|landskod"), msg("a country"), "address"),
    NameRule(_r(r"iban|(^|_)bic$|swift|clearing|account_?n|account_?no|kontonr|kontonummer|"
                r"bankkonto|bankgiro|plusgiro|bank_?name|card_?n|kortnummer"),
             msg("bank details"), "financial"),
    NameRule(_r(r"password|losenord|passwd|pwd|secret|token|api_?key"),
             msg("a credential (never disclosed)"), "usage", disclose=False),
    NameRule(_r(r"user_?name|username|anvandar|(^|_)login$|user_?id"), msg("a login name"),
             "usage"),
    NameRule(_r(r"company|foretag|firma|bolag"), msg("a company name"), "identity"),
    NameRule(_r(r"gender|(^|_)kon$|(^|_)sex$"), msg("a gender"), "identity"),
    NameRule(_r(r"user_?agent|device|enhet|browser|session|cookie"), msg("a device or session"),
             "usage"),
    NameRule(_r(r"note|comment|kommentar|anteckn|message|meddelande|(^|_)body$|fritext|"
                r"remark|beskrivning"), msg("free text"), "communication", free_text=True),
    NameRule(_r(r"consent|samtycke|opt_?in|opt_?out|(^|_)allow|newsletter|nyhetsbrev|"
                r"marketing|subscri|prenumer"), msg("a consent or contact choice"), "consent"),
)

#: Identifier kinds a portal writes its own way (a pattern is derived from the values).
PATTERN_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (_r(r"^kundn(umme)?r$|customer_?(number|no|nr)$|^cust_?no$"), "customer_number"),
    (_r(r"^fakturan(umme)?r$|invoice_?(number|no|nr)$"), "invoice_number"),
)

VALUE_LABELS = {
    "personnummer": msg("valid personnummer"),
    "orgnr": msg("valid organisationsnummer"),
    "email": msg("valid e-mail addresses"),
    "phone": msg("valid phone numbers"),
    "iban": msg("valid IBANs"),
    "ip": msg("IP addresses"),
    "postcode": msg("Swedish postcodes"),
    "birth_date": msg("plausible dates of birth"),
    "free_text": msg("free text"),
}
#: what a pattern kind is called in a reason
PATTERN_WORDS = {"customer_number": msg("a customer number"),
                 "invoice_number": msg("an invoice number")}


@dataclass
class Evidence:
    """The strongest value kind in a sample: label, share and sample size."""

    kind: str
    share: float
    n: int

    def sentence(self) -> Message:
        return msg("values: {share} {label} (n={count})", share=f"{self.share:.0%}",
                   label=VALUE_LABELS.get(self.kind, self.kind), count=self.n)


def sample_evidence(values: Sequence[Any], region: str,
                    today: dt.date | None = None) -> Evidence | None:
    """The kind most sampled values validate as (any share), or None."""
    if not values:
        return None
    first = values[0]
    if isinstance(first, dt.date):
        dates = [v.date() if isinstance(v, dt.datetime) else v for v in values
                 if isinstance(v, dt.date)]
        today = today or dt.date.today()
        born = sum(1 for d in dates if dt.date(1900, 1, 1) <= d <= today.replace(
            year=today.year - 12))
        return Evidence("birth_date", born / len(values), len(values)) if born else None
    counts = Counter(k for k in (value_kind(v, region) for v in values) if k)
    strings = [v for v in values if isinstance(v, str)]
    if strings:
        long_ones = sum(1 for v in strings if len(v) > 40 and " " in v.strip())
        if long_ones:
            counts["free_text"] = long_ones
    if not counts:
        return None
    kind, hits = counts.most_common(1)[0]
    return Evidence(kind, hits / len(values), len(values))


@dataclass
class ColumnGuess:
    """The draft's opinion of one column, with the reasons for the map's comment."""

    name: str
    looks_personal: bool = False
    category: str | None = None
    kind: str | None = None  # identifier kind
    pattern: str | None = None  # for pattern kinds: derived from the values
    meaning: str | None = None
    name_part: str | None = None
    free_text: bool = False
    disclose: bool = True
    review: bool = False
    reasons: list[Message] = field(default_factory=list)

    def comment(self) -> str:
        """The reasons in English, as the map's comment says them."""
        return "; ".join(r.render(SOURCE_LANGUAGE) for r in self.reasons)

    def words(self) -> Message:
        """The reasons as one message, for the desk's language."""
        return joined(self.reasons) if self.reasons else msg("{text}", text="")


def joined(parts: list[Message]) -> Message:
    """Reasons one after the other, ``; ``-separated in every language."""
    if len(parts) == 1:
        return parts[0]
    return msg("{first}; {rest}", first=parts[0], rest=joined(parts[1:]))


def classify_column(info: ColumnInfo, values: Sequence[Any], region: str) -> ColumnGuess:
    """Name and values together; values overrule a name where they disagree."""
    guess = ColumnGuess(info.name)
    sname = snake(info.name)
    rule = next((r for r in NAME_RULES if r.pattern.search(sname)), None)
    evidence = sample_evidence(values, region) if values else None
    strong = evidence if evidence and evidence.share >= VALUE_SHARE else None
    if rule is not None:
        guess.looks_personal = True
        guess.category = rule.category
        guess.meaning = rule.meaning
        guess.name_part = rule.name_part
        guess.free_text = rule.free_text
        guess.disclose = rule.disclose
        guess.reasons.append(msg("name: {what}", what=rule.what))
        if rule.meaning == "birth_date" and info.kind not in ("date", "datetime", "str"):
            guess.meaning = None
        if rule.kind and info.kind in ("str", "text"):
            if strong and strong.kind == rule.expects:
                guess.kind = rule.kind
            elif not values:
                guess.kind = rule.kind
                guess.review = True
                guess.reasons.append(msg("no values to confirm it"))
            elif rule.kind == "phone" and evidence and evidence.kind == "phone" \
                    and evidence.share >= 0.5:
                guess.kind = rule.kind  # numbers of several countries, some odd spellings
                guess.review = True
        if rule.expects and evidence is not None and rule.expects != evidence.kind \
                and strong is not None and strong.kind not in ("free_text",):
            guess.review = True
            guess.reasons.append(msg("but values look like {label}",
                                     label=VALUE_LABELS[strong.kind]))
        if rule.expects and values and (evidence is None or evidence.kind != rule.expects) \
                and not (rule.expects == "birth_date" and info.kind in ("date", "datetime")):
            guess.review = guess.review or rule.kind is not None
    if strong is not None:
        guess.reasons.append(strong.sentence())
        if rule is None or (rule.kind is None and rule.expects is None) \
                or (rule.expects is not None and rule.expects != strong.kind):
            # the values say what the name did not
            guess.looks_personal = True
            cat, kind, meaning = _from_values(strong.kind)
            guess.category = guess.category if rule and strong.kind == "free_text" else cat
            if strong.kind == "free_text":
                guess.free_text = True
            if info.kind in ("str", "text") and kind:
                guess.kind = kind
            guess.meaning = meaning or guess.meaning
    elif rule is None and evidence is not None and evidence.kind != "birth_date" \
            and evidence.share >= 0.2:
        guess.reasons.append(evidence.sentence())
        guess.looks_personal = True
        guess.category = guess.category or _from_values(evidence.kind)[0]
        guess.review = True
    for pattern, kind in PATTERN_RULES:
        if pattern.search(sname) and guess.kind is None:
            derived = derive_pattern(values)
            if derived and info.kind in ("str", "int"):
                guess.kind, guess.pattern = kind, derived
                guess.looks_personal = True
                guess.category = guess.category or ("identity" if kind == "customer_number"
                                                    else "financial")
                guess.reasons.append(msg("name: {what}; values: all match {pattern} "
                                         "(n={count})", what=PATTERN_WORDS[kind],
                                         pattern=derived, count=len(values)))
    return guess


def _from_values(kind: str) -> tuple[str, str | None, str | None]:
    """(category, identifier kind, meaning) a validated value kind implies."""
    return {
        "personnummer": ("identity", "personnummer", None),
        "orgnr": ("identity", "orgnr", None),
        "email": ("contact", "email", None),
        "phone": ("contact", "phone", None),
        "iban": ("financial", None, None),
        "ip": ("usage", None, None),
        "postcode": ("address", None, "postcode"),
        "birth_date": ("identity", None, "birth_date"),
        "free_text": ("communication", None, None),
    }[kind]


def derive_pattern(values: Sequence[Any]) -> str | None:
    """``\\d{7}`` when every sampled value is 7 digits (``\\d{6,8}`` for a spread), else None."""
    texts = [str(v).strip() for v in values if not isinstance(v, bool)]
    if not texts or not all(t.isdigit() for t in texts):
        return None
    lengths = {len(t) for t in texts}
    low, high = min(lengths), max(lengths)
    return rf"\d{{{low}}}" if low == high else rf"\d{{{low},{high}}}"
