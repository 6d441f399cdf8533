"""The controller: the company in whose name every letter is written.

Stored in ``settings.json`` under ``"organisation"`` (see :mod:`privacy_desk.config`), edited
with ``privacy-desk organisation set`` or Inställningar → Organisation. No letter is produced
without it (:func:`require_organisation`): a letter in the demo company's name sent by a real
controller would be worse than no letter. The demo sets :data:`DEMO_ORGANISATION`, a
fictitious company (``.example`` is a reserved domain; 556000-0001 is synthetic, with a
valid check digit).

The company's standing texts (where data comes from, automated decisions, transfers to
third countries and their safeguards, how to complain) are kept here too, in Swedish and
English, because they are the company's statements, not the portal's structure; the
shipped defaults are in :data:`DEFAULT_TEXTS`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

from privacy_desk.config import Settings, SettingsError, load_settings, save_settings
from privacy_desk.messages import Message, msg
from privacy_desk.paths import AppPaths

SETTINGS_KEY = "organisation"
LANGS = ("sv", "en")
#: The standing texts a letter may need, by key.
TEXT_KEYS = ("sources", "automated", "transfers", "complaint")
#: Lines of the letter the company may also write in English (the DPO and the signature):
#: without one, the letter prints the field as it is.
LINE_KEYS = ("dpo", "signature")
FIELD_MAX = 200
TEXT_MAX = 4000
LOGO_TYPES = (".png", ".jpg", ".jpeg")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

#: What a company says when it has not written its own texts (sv, en).
DEFAULT_TEXTS: Mapping[str, Mapping[str, str]] = MappingProxyType({
    "sources": MappingProxyType({
        "sv": "Uppgifterna har du själv lämnat till oss, eller så har de uppstått när du "
              "använder våra tjänster (till exempel fakturor och inloggningar). Vi hämtar inte "
              "uppgifter om dig från andra källor.",
        "en": "You gave us the data yourself, or it arose when you used our services (for "
              "example invoices and logins). We do not collect data about you from other "
              "sources.",
    }),
    "automated": MappingProxyType({
        "sv": "Vi fattar inga beslut om dig som enbart grundas på automatiserad behandling, "
              "inklusive profilering (artikel 22).",
        "en": "We take no decisions about you based solely on automated processing, including "
              "profiling (article 22).",
    }),
    "transfers": MappingProxyType({
        "sv": "Vi för inte över dina personuppgifter till länder utanför EU/EES eller till "
              "internationella organisationer.",
        "en": "We do not transfer your personal data to countries outside the EU/EEA or to "
              "international organisations.",
    }),
    "complaint": MappingProxyType({
        "sv": "Du har rätt att lämna klagomål till Integritetsskyddsmyndigheten (IMY), "
              "Box 8114, 104 20 Stockholm, www.imy.se.",
        "en": "You have the right to complain to the Swedish Authority for Privacy Protection, "
              "Integritetsskyddsmyndigheten (IMY), Box 8114, SE-104 20 Stockholm, www.imy.se.",
    }),
})


class OrganisationMissing(SettingsError):
    """No controller is set, so no letter can be written in its name."""


class InvalidOrganisation(SettingsError):
    """A field of the organisation is unusable; nothing was saved."""


@dataclass(frozen=True)
class Organisation:
    """The controller's identity and contact details, as printed on every letter."""

    legal_name: str
    org_number: str
    street: str
    postal_address: str  # "123 45 Exempelstad"
    email: str
    phone: str = ""
    website: str = ""
    dpo: str = ""  # the data protection officer, if the company has one: name and contact
    signature: str = ""  # "Dataskyddsansvarig, Kundportalen Energi AB"
    logo: str = ""  # a PNG or JPEG file, printed at the top left
    #: standing texts by key (TEXT_KEYS) and language; missing ones use DEFAULT_TEXTS
    texts: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def text(self, key: str, lang: str) -> str:
        """The company's standing text ``key`` in ``lang``, or the shipped default."""
        own = self.texts.get(key, {}).get(lang, "").strip()
        return own or DEFAULT_TEXTS[key][lang]

    def signature_line(self, lang: str | None = None) -> str:
        """The signature in ``lang`` where the company wrote one, else the field, else the
        company's name."""
        own = self.texts.get("signature", {}).get(lang or "", "").strip()
        return own or self.signature or self.legal_name

    def dpo_line(self, lang: str | None = None) -> str:
        """The data protection officer's line in ``lang`` where written, else the field."""
        own = self.texts.get("dpo", {}).get(lang or "", "").strip()
        return own or self.dpo

    def validated(self) -> Organisation:
        """This organisation, normalised, or an :class:`InvalidOrganisation` naming the field."""
        from stdnum.exceptions import ValidationError
        from stdnum.se import orgnr

        def clean(name: Message, value: str, required: bool = False) -> str:
            text = " ".join(str(value).split())
            if required and not text:
                raise InvalidOrganisation(msg("The organisation needs a {field}.", field=name),
                                          msg("Set it with 'privacy-desk organisation set'."))
            if len(text) > FIELD_MAX:
                raise InvalidOrganisation(
                    msg("The organisation's {field} is longer than {max} characters.",
                        field=name, max=FIELD_MAX), msg("Shorten it."))
            return text

        name = clean(msg("legal name"), self.legal_name, True)
        raw_number = clean(msg("organisation number"), self.org_number, True)
        try:
            number = orgnr.format(orgnr.validate(raw_number))
        except ValidationError:
            raise InvalidOrganisation(
                msg("{number} is not a valid Swedish organisation number.", number=raw_number),
                msg("Write it as NNNNNN-NNNN, as registered with Bolagsverket.")) from None
        email = clean(msg("privacy e-mail address"), self.email, True)
        if not _EMAIL.match(email):
            raise InvalidOrganisation(
                msg("{email} is not an e-mail address.", email=email),
                msg("Give the address people write to about their data, e.g. "
                    "dataskydd@example.se."))
        logo = self.logo.strip()
        if logo:
            path = Path(logo).expanduser()
            if path.suffix.lower() not in LOGO_TYPES or not path.is_file():
                raise InvalidOrganisation(
                    msg("The logo {file} is not a PNG or JPEG file.", file=logo),
                    msg("Choose an existing .png or .jpg file, or leave the logo empty."))
            logo = str(path.resolve())
        texts: dict[str, dict[str, str]] = {}
        for key, by_lang in self.texts.items():
            if key not in TEXT_KEYS + LINE_KEYS:
                raise InvalidOrganisation(
                    msg("There is no standing text called {key}.", key=key),
                    msg("Use one of: {keys}.", keys=", ".join(TEXT_KEYS + LINE_KEYS)))
            for lang, text in by_lang.items():
                if lang not in LANGS:
                    raise InvalidOrganisation(
                        msg("Standing texts are in sv or en, not {lang}.", lang=lang),
                        msg("Use sv or en."))
                value = " ".join(str(text).split())
                if len(value) > TEXT_MAX:
                    raise InvalidOrganisation(
                        msg("The standing text {key} ({lang}) is longer than {max} "
                            "characters.", key=key, lang=lang, max=TEXT_MAX),
                        msg("Shorten it."))
                if value:
                    texts.setdefault(key, {})[lang] = value
        return Organisation(
            name, number, clean(msg("street address"), self.street, True),
            clean(msg("postal code and town"), self.postal_address, True), email,
            clean(msg("phone"), self.phone), clean(msg("web site"), self.website),
            clean(msg("data protection officer"), self.dpo),
            clean(msg("signature"), self.signature),
            logo, texts)

    def to_data(self) -> dict[str, Any]:
        data = asdict(self)
        data["texts"] = {k: dict(v) for k, v in self.texts.items()}
        return data

    @classmethod
    def from_data(cls, raw: Mapping[str, Any]) -> Organisation:
        known = set(cls.__dataclass_fields__)
        values = {k: v for k, v in raw.items() if k in known}
        texts = values.get("texts") or {}
        if not isinstance(texts, Mapping):
            texts = {}
        values["texts"] = {str(k): {str(lang): str(t) for lang, t in v.items()}
                           for k, v in texts.items() if isinstance(v, Mapping)}
        return cls(**values).validated()


#: A fictitious district-heating company (demo only).
DEMO_ORGANISATION = Organisation(
    legal_name="Kundportalen Energi AB",
    org_number="556000-0001",
    street="Värmeverksgatan 1",
    postal_address="123 45 Exempelstad",
    email="dataskydd@kundportalen.example",
    phone="010-000 00 00",
    website="kundportalen.example",
    dpo="Dataskyddsombud: Exempel Ombudsson, dso@kundportalen.example",
    signature="Dataskyddsansvarig, Kundportalen Energi AB",
)
#: The demo company's English lines (the demo sets them; a company that started from the
#: demo and renamed itself must not keep them, see :func:`save_organisation`).
DEMO_ENGLISH_LINES: Mapping[str, Mapping[str, str]] = MappingProxyType({
    "dpo": {"en": "Data protection officer: Exempel Ombudsson, dso@kundportalen.example"},
    "signature": {"en": "Data Protection Officer, Kundportalen Energi AB"},
})


def organisation_of(settings: Settings) -> Organisation | None:
    """The organisation in ``settings``, or None when none is set."""
    raw = settings.extra.get(SETTINGS_KEY)
    if not raw:
        return None
    if not isinstance(raw, Mapping):
        raise InvalidOrganisation(msg("The organisation in the settings file cannot be read."),
                                  msg("Set it again with 'privacy-desk organisation set'."))
    try:
        return Organisation.from_data(raw)
    except TypeError:
        raise InvalidOrganisation(msg("The organisation in the settings file cannot be read."),
                                  msg("Set it again with 'privacy-desk organisation set'.")
                                  ) from None


def load_organisation(paths: AppPaths) -> Organisation | None:
    return organisation_of(load_settings(paths))


def require_organisation(paths: AppPaths) -> Organisation:
    """The organisation, or :class:`OrganisationMissing`: no letter without a controller."""
    org = load_organisation(paths)
    if org is None:
        raise OrganisationMissing(
            msg("No organisation is set, so no letter can be written in its name."),
            msg("Set the company once: Inställningar → Organisation, or 'privacy-desk "
                "organisation set --name … --orgnr … --address … --postal … --email …'."))
    return org


def _stale_lines_dropped(org: Organisation, before: Organisation | None) -> Organisation:
    """``org`` without an English line whose Swedish field changed while the line did not:
    it translated the old field (a company renamed from the demo's must not sign in
    English as the demo company)."""
    if before is None:
        return org
    texts = {k: dict(v) for k, v in org.texts.items()}
    for key in LINE_KEYS:
        field_changed = (getattr(org, key) != getattr(before, key)
                         or (key == "signature" and org.legal_name != before.legal_name))
        line = texts.get(key, {}).get("en")
        if field_changed and line and line == before.texts.get(key, {}).get("en"):
            texts[key].pop("en")
            if not texts[key]:
                texts.pop(key)
    return replace(org, texts=texts)


def save_organisation(paths: AppPaths, org: Organisation) -> Organisation:
    """Validate and save ``org`` (the rest of the settings untouched); returns it normalised.

    An English DPO or signature line whose Swedish field changed in the same save, while the
    line itself did not, is dropped (:func:`_stale_lines_dropped`)."""
    try:
        before = load_organisation(paths)
    except SettingsError:
        before = None
    checked = _stale_lines_dropped(org, before).validated()
    settings = load_settings(paths)
    extra = dict(settings.extra)
    extra[SETTINGS_KEY] = checked.to_data()
    save_settings(paths, replace(settings, extra=extra))
    return checked


def ensure_demo_organisation(paths: AppPaths) -> Organisation:
    """The demo's company, set when no organisation is (a real one is never overwritten)."""
    return load_organisation(paths) or save_organisation(
        paths, replace(DEMO_ORGANISATION, texts=DEMO_ENGLISH_LINES))
