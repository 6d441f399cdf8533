"""Synthetic content for the demo portal, as streams of rows.

Why it is shaped like this:

* **Speed at 1,000,000 customers.** Faker is far too slow to call per row, so it is used
  once to build small pools of Swedish names, streets, cities and companies
  (:class:`Pools`); rows then draw from the pools with :class:`random.Random`.
* **Streams, not lists.** Only per-customer facts that several tables need (kind, dates,
  e-mail, phone, account) are kept, in compact arrays (:class:`Population`). Each table's
  rows are produced by a generator, so ~30 million invoices never sit in memory.
* **Deterministic.** Every table draws from its own ``Random`` seeded with
  ``f"{seed}:{table}"`` (string seeds are hashed with SHA-512, so this is stable across
  runs and processes) and everything is dated relative to ``as_of``, never the clock. The
  same seed and ``as_of`` (with the same Faker version) give the same rows.
* **Nothing real.** E-mail addresses use only the RFC 2606 reserved domains, IP addresses
  only the RFC 5737 / RFC 3849 documentation ranges, password hashes are random bytes,
  personnummer and organisationsnummer are random numbers with a valid check digit.

Values are plain Python (``int``, ``str``, ``bool``, ``date``, naive-UTC ``datetime``,
``None``); amounts are decimal strings such as ``"1234.50"``. The loader adapts them to
each backend.
"""

from __future__ import annotations

import datetime as dt
import random
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from faker import Faker
from stdnum import luhn

Row = tuple[object, ...]

EMAIL_DOMAINS = ("example.com", "example.net", "example.org")
BANKS = (("Swedbank", "8"), ("Handelsbanken", "6"), ("SEB", "5"), ("Nordea", "3"),
         ("Länsförsäkringar Bank", "9"), ("ICA Banken", "9"), ("Skandiabanken", "9"))
WEB_PAGES = ("/", "/fjarrvarme", "/fjarrvarme/priser", "/fjarrkyla", "/driftinformation",
             "/kundportalen", "/min-sida", "/kontakt", "/flytta", "/nyhetsbrev",
             "/om-oss", "/om-oss/integritetspolicy")
#: District heating use by calendar month, relative to the yearly mean.
SEASON = (1.75, 1.6, 1.35, 1.0, 0.6, 0.3, 0.25, 0.3, 0.6, 1.0, 1.4, 1.85)

#: Share of customers whose history reaches 8-9 years back (legal holds already ended).
OLD_HISTORY_EVERY = 33
BUSINESS_SHARE = 0.08
HOUSEHOLD_SHARE = 0.12
ACCOUNT_SHARE = 0.8

_ROLE_NAMES = ("", "owner", "co_holder", "contact")
_ASCII = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "è": "e", "ü": "u",
                        " ": "", "-": "", "'": "", "&": "", ",": "", ".": ""})


def month_index(d: dt.date) -> int:
    return d.year * 12 + d.month - 1


def month_start(m: int) -> dt.date:
    return dt.date(m // 12, m % 12 + 1, 1)


def incoming_request_count(customers: int) -> int:
    """A modest queue: enough to fill the desk's list, small next to the portal."""
    return min(40 + customers // 100, 5000)


def _unique(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


@dataclass(frozen=True)
class Pools:
    """Swedish-looking names, streets, cities and companies, built once from Faker."""

    female: tuple[str, ...]
    male: tuple[str, ...]
    last: tuple[str, ...]
    streets: tuple[str, ...]
    cities: tuple[tuple[str, int], ...]  # (city, first three digits of its postal codes)
    companies: tuple[str, ...]

    @classmethod
    def build(cls, seed: int) -> Pools:
        fake = Faker("sv_SE")
        fake.seed_instance(seed)
        rng = random.Random(f"{seed}:pools")  # noqa: S311 - synthetic data, not secrets
        female = _unique([fake.first_name_female() for _ in range(800)])
        male = _unique([fake.first_name_male() for _ in range(800)])
        last = _unique([fake.last_name() for _ in range(1500)])
        streets = _unique([fake.street_name() for _ in range(3000)])
        city_names = _unique([fake.city() for _ in range(400)])
        prefixes = rng.sample(range(100, 990), len(city_names))
        companies = _unique([fake.company() for _ in range(3000)])
        return cls(female, male, last, streets, tuple(zip(city_names, prefixes, strict=True)),
                   companies)


def format_phone(digits: str, style: int) -> str:
    """A Swedish number as people type it: '070-123 45 67', '0701234567', '+46 70 ...'."""
    d = digits
    if style == 0:
        return f"{d[:3]}-{d[3:6]} {d[6:8]} {d[8:]}"
    if style == 1:
        return d
    if style == 2:
        return f"+46 {d[1:3]} {d[3:6]} {d[6:8]} {d[8:]}"
    if style == 3:
        return f"+46{d[1:]}"
    return f"{d[:3]}-{d[3:]}"


@dataclass
class Person:
    """Someone who is not a customer but wrote, subscribed or sent a request."""

    name: str
    email: str | None
    phone: str | None


class Population:
    """Per-customer facts that several tables share, drawn once in customer-id order."""

    def __init__(self, customers: int, seed: int, as_of: dt.date, pools: Pools) -> None:
        self.n = customers
        self.seed = seed
        self.as_of = as_of
        self.as_of_dt = dt.datetime.combine(as_of, dt.time())
        self.pools = pools
        self.as_of_m = month_index(as_of)
        self._emails: set[str] = set()
        self._phones: set[str] = set()
        self._numbers: set[str] = set()
        self._build_customers()
        self._build_non_customers()

    # -- helpers -------------------------------------------------------------------------
    def rng(self, table: str) -> random.Random:
        return random.Random(f"{self.seed}:{table}")  # noqa: S311 - synthetic data

    def _email(self, rng: random.Random, local: str, domain: str | None = None) -> str:
        local = local.lower().translate(_ASCII) or "kund"
        domain = domain or EMAIL_DOMAINS[int(rng.random() * 3)]
        candidate = f"{local}@{domain}"
        while candidate in self._emails:
            candidate = f"{local}{int(rng.random() * 1000)}@{domain}"
        self._emails.add(candidate)
        return candidate

    def _mobile(self, rng: random.Random) -> str:
        while True:
            d = f"07{'02369'[int(rng.random() * 5)]}{int(rng.random() * 10_000_000):07d}"
            if d not in self._phones:
                self._phones.add(d)
                return d

    def _unique_number(self, make: Callable[[], str]) -> str:
        while True:
            v = make()
            if v not in self._numbers:
                self._numbers.add(v)
                return v

    def moment(self, rng: random.Random, start: dt.datetime, end: dt.datetime | None = None
               ) -> dt.datetime:
        """A random whole second in [start, end) (end defaults to as_of)."""
        end = end or self.as_of_dt
        span = int((end - start).total_seconds())
        return start + dt.timedelta(seconds=int(rng.random() * span)) if span > 0 else start

    # -- customers, households, accounts -------------------------------------------------
    def _build_customers(self) -> None:
        n, rng, pools = self.n, self.rng("customers"), self.pools
        as_of, as_of_dt, as_of_m = self.as_of, self.as_of_dt, self.as_of_m
        self.kind = bytearray(n + 1)  # 0 private, 1 business
        self.first: list[str | None] = [None] * (n + 1)
        self.last: list[str | None] = [None] * (n + 1)
        self.company: list[str | None] = [None] * (n + 1)
        self.pnr: list[str | None] = [None] * (n + 1)
        self.orgnr: list[str | None] = [None] * (n + 1)
        self.email: list[str | None] = [None] * (n + 1)
        self.phone: list[str | None] = [None] * (n + 1)
        self.created: list[dt.datetime] = [as_of_dt] * (n + 1)
        self.closed: list[dt.datetime | None] = [None] * (n + 1)
        self.start_m = array("i", bytes(4 * (n + 1)))
        self.end_m = array("i", bytes(4 * (n + 1)))  # last billed month (inclusive)
        self.address_key = array("q", bytes(8 * (n + 1)))
        self.billing_key = array("q", bytes(8 * (n + 1)))  # 0: billed at the facility
        self.account_of = array("i", bytes(4 * (n + 1)))
        self.role = bytearray(n + 1)
        self.prefs = bytearray(n + 1)  # bit 0: e-mail allowed, bit 1: SMS allowed
        self.acct_username: list[str] = [""]
        self.acct_email: list[str] = [""]
        self.acct_created: list[dt.datetime] = [as_of_dt]
        self.acct_logins = array("H", [0])
        self.acct_last_login: list[dt.datetime | None] = [None]
        old_offset = int(rng.random() * OLD_HISTORY_EVERY)
        partner_of = 0
        shared_email_made = False
        last_contact_acct = 0

        for cid in range(1, n + 1):
            head = partner_of
            partner_of = 0
            if head:  # second adult of a household: shares the address and the account
                self.start_m[cid], self.end_m[cid] = self.start_m[head], self.end_m[head]
                self.created[cid] = self.created[head] + dt.timedelta(
                    minutes=int(rng.random() * 60))
                self.closed[cid] = self.closed[head]
                self.address_key[cid] = self.address_key[head]
                self.billing_key[cid] = self.billing_key[head]
            else:
                if (cid + old_offset) % OLD_HISTORY_EVERY == 0:
                    back = 96 + int(rng.random() * 13)  # 8-9 years of invoices
                else:
                    back = 1 + int(rng.random() * 48)
                start_m = as_of_m - back
                created = dt.datetime.combine(month_start(start_m), dt.time()) + dt.timedelta(
                    days=int(rng.random() * 28), seconds=int(rng.random() * 86400))
                end_m = as_of_m - 1
                closed = None
                if back >= 3 and rng.random() < (0.35 if back >= 96 else 0.04):
                    end_m = start_m + 1 + int(rng.random() * min(back - 2, 14))
                    closed = dt.datetime.combine(month_start(end_m), dt.time()) + dt.timedelta(
                        days=int(rng.random() * 28), hours=8 + int(rng.random() * 9))
                self.start_m[cid], self.end_m[cid] = start_m, end_m
                self.created[cid], self.closed[cid] = created, closed
                self.address_key[cid] = int(rng.random() * 2**62) + 1
                if rng.random() < 0.15:
                    self.billing_key[cid] = int(rng.random() * 2**62) + 1
                if rng.random() < BUSINESS_SHARE:
                    self.kind[cid] = 1
            self.prefs[cid] = (rng.random() < 0.7) | ((rng.random() < 0.4) << 1)

            if self.kind[cid] == 1:
                last_contact_acct = self._business(cid, rng, last_contact_acct)
                continue

            male = rng.random() < 0.5
            first = (pools.male if male else pools.female)
            self.first[cid] = first[int(rng.random() * len(first))]
            if head and rng.random() < 0.8:
                self.last[cid] = self.last[head]
            else:
                self.last[cid] = pools.last[int(rng.random() * len(pools.last))]
            birth = dt.date.fromordinal(as_of.toordinal() - int((18 + rng.random() * 72) * 365.25))
            samordning = rng.random() < 0.01
            day = birth.day + (60 if samordning else 0)
            sex = 1 if male else 0

            def make_pnr(birth: dt.date = birth, day: int = day, sex: int = sex) -> str:
                # The serial's last digit is odd for men, even for women; redrawn on a clash.
                serial = int(rng.random() * 500) * 2 + sex
                body = f"{birth.year % 100:02d}{birth.month:02d}{day:02d}{serial:03d}"
                return f"{birth.year // 100}{body}{luhn.calc_check_digit(body)}"

            self.pnr[cid] = self._unique_number(make_pnr)
            share = head and self.email[head] and (not shared_email_made or rng.random() < 0.5)
            if share:
                self.email[cid] = self.email[head]
                shared_email_made = True
            elif rng.random() < 0.95:
                style = int(rng.random() * 4)
                f, la = self.first[cid] or "", self.last[cid] or ""
                local = (f"{f}.{la}", f"{f}{la}{birth.year % 100:02d}", f"{f[:1]}{la}",
                         f"{f}_{la}{int(rng.random() * 100)}")[style]
                email = self._email(rng, local)
                self.email[cid] = email.title() if rng.random() < 0.04 else email
            if rng.random() < 0.9:
                self.phone[cid] = format_phone(self._mobile(rng), int(rng.random() * 5))
            if head:
                acct = self.account_of[head]
                if acct:
                    self.account_of[cid], self.role[cid] = acct, 2
            elif rng.random() < ACCOUNT_SHARE and self.email[cid]:
                self._account(cid, rng, (self.email[cid] or "").lower(), self.email[cid] or "")
            if (not head and cid < n and rng.random() < HOUSEHOLD_SHARE
                    and self.closed[cid] is None):
                partner_of = cid

    def _business(self, cid: int, rng: random.Random, last_contact_acct: int) -> int:
        pools = self.pools
        company = pools.companies[int(rng.random() * len(pools.companies))]
        self.company[cid] = company
        prefix = ("556", "559", "969", "769", "802")[int(rng.random() * 5)]

        def make_orgnr() -> str:
            body = f"{prefix}{int(rng.random() * 1_000_000):06d}"
            return body + luhn.calc_check_digit(body)

        self.orgnr[cid] = self._unique_number(make_orgnr)
        slug = company.split()[0]
        self.email[cid] = self._email(rng, f"{('info', 'faktura', 'ekonomi')[cid % 3]}.{slug}")
        self.phone[cid] = (f"0{int(rng.random() * 80) + 10}-{int(rng.random() * 1000):03d} "
                           f"{int(rng.random() * 100):02d} {int(rng.random() * 100):02d}")
        if last_contact_acct and rng.random() < 0.1:  # one contact person, two companies
            self.account_of[cid], self.role[cid] = last_contact_acct, 3
            return last_contact_acct
        if rng.random() < 0.85:
            female = rng.random() < 0.5
            first = (pools.female if female else pools.male)
            fn = first[int(rng.random() * len(first))]
            ln = pools.last[int(rng.random() * len(pools.last))]
            email = self._email(rng, f"{fn}.{ln}")
            acct = self._account(cid, rng, email, email)
            self.role[cid] = 3
            return acct
        return last_contact_acct

    def _account(self, cid: int, rng: random.Random, username: str, email: str) -> int:
        acct = len(self.acct_username)
        start = self.created[cid]
        end = self.closed[cid] or self.as_of_dt
        created = self.moment(rng, start, min(start + dt.timedelta(days=60), end))
        logins = min(int(rng.expovariate(0.22)), 60)
        window = max(created, end - dt.timedelta(days=730))
        self.acct_username.append(username)
        self.acct_email.append(email)
        self.acct_created.append(created)
        self.acct_logins.append(logins)
        self.acct_last_login.append(self.moment(rng, window, end) if logins else None)
        self.account_of[cid], self.role[cid] = acct, 1
        return acct

    def _build_non_customers(self) -> None:
        rng, pools = self.rng("non_customers"), self.pools
        self.others: list[Person] = []
        for _ in range(20 + self.n // 20):
            female = rng.random() < 0.5
            first = (pools.female if female else pools.male)
            fn = first[int(rng.random() * len(first))]
            ln = pools.last[int(rng.random() * len(pools.last))]
            r = rng.random()
            email = None if r < 0.15 else self._email(rng, f"{fn}.{ln}")
            phone = (format_phone(self._mobile(rng), int(rng.random() * 5))
                     if r < 0.15 or rng.random() < 0.4 else None)
            self.others.append(Person(f"{fn} {ln}", email, phone))

    def name(self, cid: int) -> str:
        if self.kind[cid]:
            return self.company[cid] or ""
        return f"{self.first[cid]} {self.last[cid]}"

    def role_name(self, cid: int) -> str:
        return _ROLE_NAMES[self.role[cid]]


# -- table streams ---------------------------------------------------------------------
def customers_rows(p: Population) -> Iterator[Row]:
    for cid in range(1, p.n + 1):
        business = p.kind[cid] == 1
        yield (cid, f"{1_000_000 + cid}", "business" if business else "private",
               p.pnr[cid], p.orgnr[cid], p.first[cid], p.last[cid], p.company[cid],
               p.email[cid], p.phone[cid], p.created[cid], p.closed[cid], False)


def _address(p: Population, key: int) -> tuple[str, str, str]:
    streets, cities = p.pools.streets, p.pools.cities
    street = streets[key % len(streets)]
    key //= len(streets)
    number = f"{1 + key % 140}{'' if key % 7 else 'A'}"
    key //= 140
    city, prefix = cities[key % len(cities)]
    key //= len(cities)
    return f"{street} {number}", f"{prefix} {key % 100:02d}", city


def addresses_rows(p: Population) -> Iterator[Row]:
    rid = 0
    for cid in range(1, p.n + 1):
        rid += 1
        yield (rid, cid, "facility", *_address(p, p.address_key[cid]))
        if p.billing_key[cid]:
            rid += 1
            yield (rid, cid, "billing", *_address(p, p.billing_key[cid]))


def portal_accounts_rows(p: Population) -> Iterator[Row]:
    rng = p.rng("portal_accounts")
    for acct in range(1, len(p.acct_username)):
        salt = f"{rng.getrandbits(96):024x}"
        digest = f"{rng.getrandbits(256):064x}"
        yield (acct, p.acct_username[acct], p.acct_email[acct],
               f"pbkdf2_sha256$600000${salt}${digest}", p.acct_created[acct],
               p.acct_last_login[acct])


def account_customers_rows(p: Population) -> Iterator[Row]:
    for cid in range(1, p.n + 1):
        if p.account_of[cid]:
            yield (p.account_of[cid], cid, _ROLE_NAMES[p.role[cid]])


def _doc_ip(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.15:
        return f"2001:db8:{int(rng.random() * 65536):x}::{int(rng.random() * 65536):x}"
    net = ("192.0.2", "198.51.100", "203.0.113")[int(r * 3) % 3]
    return f"{net}.{1 + int(rng.random() * 254)}"


def login_events_rows(p: Population) -> Iterator[Row]:
    rng = p.rng("login_events")
    eid = 0
    two_years = dt.timedelta(days=730)
    for acct in range(1, len(p.acct_username)):
        k = p.acct_logins[acct]
        last = p.acct_last_login[acct]
        if not k or last is None:
            continue
        start = max(p.acct_created[acct], last - two_years)
        method = "bankid" if rng.random() < 0.7 else "password"
        ip = _doc_ip(rng)
        for j in range(k):
            eid += 1
            at = last if j == k - 1 else p.moment(rng, start, last)
            if rng.random() < 0.3:
                ip = _doc_ip(rng)
            yield (eid, acct, at, ip, method if rng.random() < 0.9 else "password")


def invoices_rows(p: Population) -> Iterator[Row]:
    """Monthly invoices: period m is invoiced on day 1-10 of the next month, due in 30 days."""
    rng = p.rng("invoices")
    as_of = p.as_of
    calendar: dict[tuple[int, int], tuple[str, dt.date, dt.date, float, int]] = {}

    def month(m: int, day: int) -> tuple[str, dt.date, dt.date, float, int]:
        key = (m, day)
        hit = calendar.get(key)
        if hit is None:
            start = month_start(m)
            inv = month_start(m + 1) + dt.timedelta(days=day)
            price = 70 + (start.year - 2010) * 3 + (12 if start.year >= 2022 else 0)  # öre/kWh
            hit = (f"{start.year:04d}-{start.month:02d}", inv, inv + dt.timedelta(days=30),
                   SEASON[start.month - 1], price)
            calendar[key] = hit
        return hit

    iid = 0
    for cid in range(1, p.n + 1):
        business = p.kind[cid] == 1
        yearly = (30_000 + rng.random() * 300_000) if business else (9_000 + rng.random() * 14_000)
        fee = 125_000 if business else 26_500  # öre per month
        base = yearly / 12
        day = int(rng.random() * 10)
        for m in range(p.start_m[cid], p.end_m[cid] + 1):
            period, inv, due, season, price = month(m, day)
            if inv >= as_of:
                break
            iid += 1
            kwh = int(base * season * (0.85 + 0.3 * rng.random()))
            ore = fee + kwh * price
            r = rng.random()
            paid: dt.date | None = inv + dt.timedelta(days=int(3 + r * 35))
            if paid is not None and (paid >= as_of or r > 0.995):
                paid = None
            yield (iid, f"{300_000_000 + iid}", cid, period, inv, due, kwh,
                   f"{ore // 100}.{ore % 100:02d}", paid)


def bank_accounts_rows(p: Population) -> Iterator[Row]:
    rng = p.rng("bank_accounts")
    bid = 0
    for cid in range(1, p.n + 1):
        if rng.random() >= 0.4:
            continue
        bid += 1
        bank, first = BANKS[int(rng.random() * len(BANKS))]
        clearing = f"{first}{int(rng.random() * 1000):03d}"
        if bank == "Swedbank" and rng.random() < 0.5:
            clearing = f"8{int(rng.random() * 10000):04d}"
        account = f"{int(rng.random() * 10**10):010d}"[: 7 + int(rng.random() * 4)]
        autogiro = rng.random() < 0.75
        mandate = (p.created[cid] + dt.timedelta(days=int(rng.random() * 90))).date()
        yield (bid, cid, bank, clearing, account, autogiro,
               min(mandate, p.as_of - dt.timedelta(days=1)) if autogiro else None)


_SUBJECTS = (
    ("Fråga om faktura", "Hej! Jag undrar varför min senaste faktura är högre än vanligt. "
                         "Kan ni förklara?"),
    ("Flytt", "Hej, jag ska flytta och vill säga upp avtalet för min lägenhet. Vad behöver "
              "ni från mig?"),
    ("Driftstörning", "Vi har inget varmvatten sedan i morse. Vet ni när det fungerar igen?"),
    ("Anslutning till fjärrvärme", "Hej! Vad kostar det att ansluta en villa till "
                                   "fjärrvärmenätet?"),
    ("Inloggning Min sida", "Jag kommer inte in på Min sida med BankID. Kan ni hjälpa mig?"),
    ("Autogiro", "Jag vill byta bankkonto för autogiro. Hur gör jag?"),
    ("Nyhetsbrev", "Jag vill inte längre få ert nyhetsbrev, tack."),
    ("Prisändring", "Varför höjs priset från årsskiftet? Jag vill ha en förklaring."),
)


def contact_messages_rows(p: Population) -> Iterator[Row]:
    """From customers (some matched by staff) and from people who are not customers."""
    rng = p.rng("contact_messages")
    three_years = p.as_of_dt - dt.timedelta(days=3 * 365)
    senders: list[tuple[str, str | None, str | None, int | None]] = []
    for _ in range(5 + p.n // 15):
        cid = 1 + int(rng.random() * p.n)
        email, phone = p.email[cid], p.phone[cid]
        if email and rng.random() < 0.1:
            email = email.upper()
        if rng.random() < 0.2:
            email = None
        if email is None and phone is None:
            email = p.email[cid]
            if email is None:
                continue
        matched = cid if rng.random() < 0.6 else None
        senders.append((p.name(cid), email, phone, matched))
    for person in p.others[: 10 + p.n // 25]:
        senders.append((person.name, person.email, person.phone, None))
    rng.shuffle(senders)
    for mid, (name, email, phone, matched_id) in enumerate(senders, start=1):
        subject, body = _SUBJECTS[int(rng.random() * len(_SUBJECTS))]
        yield (mid, p.moment(rng, three_years), name, email, phone, subject, body, matched_id)


def newsletter_subscriptions_rows(p: Population) -> Iterator[Row]:
    rng = p.rng("newsletter_subscriptions")
    sid = 0
    for cid in range(1, p.n + 1):
        email = p.email[cid]
        if email is None or rng.random() >= 0.25:
            continue
        sid += 1
        via_portal = rng.random() < 0.7
        at = p.moment(rng, p.created[cid])
        off = p.moment(rng, at) if rng.random() < 0.15 else None
        yield (sid, email.lower() if via_portal else email, cid if via_portal else None, at, off,
               "min_sida" if via_portal else "web_form")
    start = p.as_of_dt - dt.timedelta(days=5 * 365)
    for person in p.others:
        if person.email is None or rng.random() >= 0.5:
            continue
        sid += 1
        at = p.moment(rng, start)
        off = p.moment(rng, at) if rng.random() < 0.1 else None
        yield (sid, person.email, None, at, off, "web_form" if rng.random() < 0.8 else "event")


def contact_preferences_rows(p: Population) -> Iterator[Row]:
    rng = p.rng("contact_preferences")
    for cid in range(1, p.n + 1):
        yield (cid, bool(p.prefs[cid] & 1), bool(p.prefs[cid] & 2),
               p.moment(rng, p.created[cid], p.closed[cid] or p.as_of_dt))


def notices_sent_rows(p: Population) -> Iterator[Row]:
    """Price-change letters each November (last three years) and outage notices."""
    rng = p.rng("notices_sent")
    rounds = [dt.datetime(y, 11, 1, 6) for y in range(p.as_of.year - 3, p.as_of.year + 1)
              if dt.datetime(y, 11, 1, 6) < p.as_of_dt]
    outages = sorted(p.moment(rng, p.as_of_dt - dt.timedelta(days=3 * 365)) for _ in range(40))
    areas = [c for c, _ in p.pools.cities]
    outage_area = [areas[int(rng.random() * len(areas))] for _ in outages]
    nid = 0
    for cid in range(1, p.n + 1):
        created, closed, prefs = p.created[cid], p.closed[cid], p.prefs[cid]
        for at in rounds:
            if created <= at and (closed is None or closed > at):
                nid += 1
                channel = "email" if prefs & 1 and p.email[cid] else "letter"
                yield (nid, cid, "price_change", channel,
                       at + dt.timedelta(seconds=int(rng.random() * 36000)),
                       f"Nya fjärrvärmepriser från 1 januari {at.year + 1}")
        if rng.random() < 0.3 and (prefs & 3):
            i = int(rng.random() * len(outages))
            at = outages[i]
            if created <= at and (closed is None or closed > at):
                nid += 1
                channel = "sms" if prefs & 2 and p.phone[cid] else "email"
                yield (nid, cid, "outage", channel, at,
                       f"Driftstörning i fjärrvärmen, {outage_area[i]}")


_REQUEST_TEXT = {
    "access": "Jag begär ett registerutdrag enligt artikel 15 i dataskyddsförordningen.",
    "rectification": "Min adress är fel i Min sida. Rätta den, tack.",
    "erasure": "Jag vill att ni raderar alla mina personuppgifter.",
    "consent_withdrawal": "Jag återkallar mitt samtycke till nyhetsbrev och utskick.",
}


def incoming_requests_rows(p: Population) -> Iterator[Row]:
    """A queue: mostly the last two months (open, some overdue), some older, some repeats."""
    rng = p.rng("incoming_requests")
    total = incoming_request_count(p.n)
    types = ("access",) * 5 + ("erasure",) * 2 + ("rectification", "consent_withdrawal") * 1
    two_months = p.as_of_dt - dt.timedelta(days=61)
    two_years = p.as_of_dt - dt.timedelta(days=730)
    raw: list[tuple[dt.datetime, str, int | None, str | None, str | None, str | None]] = []
    repeats_wanted = max(2, total // 20)
    while len(raw) < total:
        kind = types[int(rng.random() * len(types))]
        recent = rng.random() < 0.75
        at = p.moment(rng, two_months if recent else two_years)
        if rng.random() < 0.82:
            cid = 1 + int(rng.random() * p.n)
            pnr = p.pnr[cid] if rng.random() < 0.8 else None
            email = p.email[cid]
            phone = p.phone[cid] if rng.random() < 0.5 else None
            linked: int | None = cid if rng.random() < 0.7 else None
            if linked is None and pnr is None and email is None:
                linked = cid
        else:
            person = p.others[int(rng.random() * len(p.others))]
            linked, pnr, email, phone = None, None, person.email, person.phone
            if kind == "access" and rng.random() < 0.5:
                kind = "consent_withdrawal"
        raw.append((at, kind, linked, pnr, email, phone))
        if kind == "access" and repeats_wanted and len(raw) < total:
            # The same person asks again within the year (the yearly allowance applies).
            repeats_wanted -= 1
            earlier = at - dt.timedelta(days=30 + int(rng.random() * 300))
            raw.append((earlier, kind, linked, pnr, email, phone))
    raw.sort(key=lambda r: (r[0], r[1], r[2] or 0, r[4] or ""))
    for rid, (at, kind, linked, pnr, email, phone) in enumerate(raw, start=1):
        yield (rid, f"MS-{at.year}-{rid:06d}", at, kind, linked, pnr, email, phone,
               _REQUEST_TEXT[kind])


def web_statistics_rows(p: Population) -> Iterator[Row]:
    """Matomo's anonymous page counts: one row per page and day for the last year."""
    rng = p.rng("web_statistics")
    base = max(50, p.n // 20)
    for back in range(365, 0, -1):
        day = p.as_of - dt.timedelta(days=back)
        for i, page in enumerate(WEB_PAGES):
            yield (day, page, int(base / (i + 1) * (0.6 + 0.8 * rng.random())))


#: Each table's row stream, by table name (columns in the schema's order).
STREAMS: dict[str, Callable[[Population], Iterator[Row]]] = {
    "customers": customers_rows,
    "addresses": addresses_rows,
    "portal_accounts": portal_accounts_rows,
    "account_customers": account_customers_rows,
    "login_events": login_events_rows,
    "invoices": invoices_rows,
    "bank_accounts": bank_accounts_rows,
    "contact_messages": contact_messages_rows,
    "newsletter_subscriptions": newsletter_subscriptions_rows,
    "contact_preferences": contact_preferences_rows,
    "notices_sent": notices_sent_rows,
    "incoming_requests": incoming_requests_rows,
    "web_statistics": web_statistics_rows,
    "processing_restrictions": lambda p: iter(()),  # no restrictions in a new portal
}
