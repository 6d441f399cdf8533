"""The server guards the store (issue 14): the officer is the login, the server refuses
direct writes, appends the trail itself, and a blocked trail stops work but not sign-in.

Real PostgreSQL and MariaDB servers, with throwaway databases AND roles/users, dropped
afterwards (the database first: a role with grants in it could not be dropped).
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from privacy_desk.casestore import CaseStore, open_case_store
from privacy_desk.casestore.audit import AuditTrailBlocked, read_entries, record_audit
from privacy_desk.casestore.guard import ServerRefused
from privacy_desk.domain.requests import Channel, RequestType
from privacy_desk.errors import UserError
from privacy_desk.services.audit_trail import verify_trail
from privacy_desk.services.cases import register_case
from privacy_desk.services.context import open_signed_in_store
from privacy_desk.services.erasure import ErasureRefused, approve_plan, load_plan
from privacy_desk.services.roles import NotPermitted, Role, add_officer, set_roles, sign_in
from privacy_desk.services.store_guard import officer_login, secure_store
from tests.databases import SERVER_URLS, throwaway_database

PASSWORD = "Officer-pw-1"  # synthetic, throwaway logins only
BOTH = frozenset({Role.OFFICER, Role.APPROVER})


@dataclass
class Desk:
    """A secured store: its owner's connection and one login per officer."""

    backend: str
    url: URL
    owner: CaseStore
    names: dict[str, str]
    stores: list[CaseStore] = field(default_factory=list)

    def login(self, who: str, *, actor: str | None = None) -> CaseStore:
        """Open the store with ``who``'s own login (optionally claiming another name)."""
        store = open_case_store(self.url.set(username=self.names[who], password=PASSWORD),
                                actor=actor)
        self.stores.append(store)
        return store

    @property
    def call(self) -> str:
        """How a server function is called: SELECT f() (PostgreSQL), CALL p() (MariaDB)."""
        return "SELECT" if self.backend == "postgresql" else "CALL"

    def sql(self, who: str, statement: str, **params: object) -> None:
        """Run one statement with ``who``'s login, in its own transaction."""
        with self.login(who).engine.begin() as conn:
            conn.execute(text(statement), params)


def _drop_logins(backend: str, names: list[str]) -> None:
    admin = create_engine(SERVER_URLS[backend], isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            for name in names:
                if backend == "postgresql":
                    conn.execute(text(f'DROP ROLE IF EXISTS "{name}"'))
                else:
                    conn.execute(text(f"DROP USER IF EXISTS '{name}'@'%'"))
                    conn.execute(text(f"DROP ROLE IF EXISTS '{name}'"))
    finally:
        admin.dispose()


@pytest.fixture(params=["postgresql", "mariadb"])
def desk(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Desk]:
    backend = request.param
    tag = uuid.uuid4().hex[:6]
    names = {who: f"pd{tag}_{who}" for who in ("admin", "anna", "bertil", "ivar", "desk")}
    group = f"pd{tag}_officers"
    with ExitStack() as stack:
        stack.callback(_drop_logins, backend, [*names.values(), group])
        url = stack.enter_context(throwaway_database(backend, tmp_path))
        owner = open_case_store(url, actor=names["admin"])
        stack.callback(owner.close)
        secure_store(owner, group=group, admin=names["admin"], apply=True)
        for who, login in names.items():
            officer_login(owner, login, group=group, apply=True)
            with owner.engine.begin() as conn:
                if backend == "postgresql":
                    conn.execute(text(f"ALTER ROLE \"{login}\" PASSWORD '{PASSWORD}'"))
                else:
                    conn.execute(text(f"ALTER USER '{login}'@'%' IDENTIFIED BY '{PASSWORD}'"))
            if who == "admin":
                continue
            roles = {"ivar": {Role.AUDITOR}}.get(who, BOTH)
            add_officer(owner, login, roles, actor=names["admin"])
        d = Desk(backend, url, owner, names)
        yield d
        for s in d.stores:
            s.close()


def _case(store: CaseStore) -> int:
    return register_case(store, request_type=RequestType.ERASURE, channel=Channel.PAPER,
                         received_on=date(2026, 3, 2), person_label="Åsa Testsson",
                         today=date(2026, 3, 2)).case_id


def _plan(desk: Desk, who: str, case_id: int, *, claimed_author: str) -> tuple[int, str]:
    """A draft plan written with ``who``'s login, claiming ``claimed_author`` wrote it."""
    plan = json.dumps({"kind": "erasure", "subject": {}, "as_of": "2026-03-02",
                       "only_categories": [], "decisions": [], "rows": []})
    sha = hashlib.sha256(plan.encode()).hexdigest()
    store = desk.login(who)
    with store.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO erasure_plans (case_id, kind, state, subject, as_of, plan_json, "
            "plan_sha256, created_by, created_at, created_db_login) VALUES (:c, 'erasure', "
            "'draft', '{}', '2026-03-02', :j, :s, :who, '2026-03-02 10:00:00', :who)"),
            {"c": case_id, "s": sha, "who": claimed_author, "j": plan})
        plan_id = conn.execute(text("SELECT max(id) FROM erasure_plans")).scalar_one()
    return int(plan_id), sha


# --------------------------------------------------------------------------- who you are


def test_the_officer_is_the_login_whatever_the_app_or_environment_says(
        desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    anna, bertil = desk.names["anna"], desk.names["bertil"]
    # A name given to the app: ignored; the store's officer is the login.
    store = desk.login("anna", actor=bertil)
    assert store.actor == anna and store.officer_is_login
    # Signing in (or acting) as someone else from anna's login is refused.
    with pytest.raises(NotPermitted, match="signed in to the case store as"):
        sign_in(store, bertil)
    with pytest.raises(NotPermitted, match="nobody acts"):
        _case_as(store, bertil)
    # $USER / $LOGNAME: the CLI and the GUI sign in as the login, not the OS user.
    for var in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.setenv(var, bertil)
    url = desk.url.set(username=anna, password=PASSWORD)
    cli_store, who = open_signed_in_store(_paths(tmp_path), case_store=url.render_as_string(
        hide_password=False))
    desk.stores.append(cli_store)
    assert who == anna
    # An audit entry claiming bertil, written with anna's login: the server records anna.
    with store.sessions.begin() as session:
        record_audit(session, actor=bertil, action="person_viewed", details={"rows": 1})
    with desk.owner.sessions() as session:
        entries = read_entries(session)
    assert entries[-1].action == "person_viewed" and entries[-1].actor == anna
    assert bertil not in {e.actor for e in entries if e.action in ("login", "person_viewed")}


def _case_as(store: CaseStore, actor: str) -> int:
    return register_case(store, request_type=RequestType.ERASURE, channel=Channel.PAPER,
                         received_on=date(2026, 3, 2), person_label="Åsa Testsson",
                         today=date(2026, 3, 2), actor=actor).case_id


def _paths(tmp_path: Path):  # type: ignore[no-untyped-def]
    from privacy_desk.paths import AppPaths

    return AppPaths.default(tmp_path / "home").ensure()


def test_officers_work_with_their_grants_and_every_who_column_is_the_login(
        desk: Desk) -> None:
    anna = desk.login("anna")
    case_id = _case(anna)
    with desk.owner.engine.connect() as conn:
        actors = set(conn.execute(text("SELECT actor FROM case_events WHERE case_id = :c"),
                                  {"c": case_id}).scalars())
        updated_by = conn.execute(text("SELECT updated_by FROM cases WHERE id = :c"),
                                  {"c": case_id}).scalar_one()
    assert actors == {desk.names["anna"]} and updated_by == desk.names["anna"]
    # Writing another name into a "who" column by SQL: the server puts the login there.
    desk.sql("anna", "UPDATE cases SET updated_by = 'someone_else' WHERE id = :c", c=case_id)
    with desk.owner.engine.connect() as conn:
        assert conn.execute(text("SELECT updated_by FROM cases WHERE id = :c"),
                            {"c": case_id}).scalar_one() == desk.names["anna"]


# --------------------------------------------------------------------------- refused writes

FORGERIES = {
    "audit insert": "INSERT INTO audit_entries (seq, at, actor, action, details, prev_hash, "
                    "entry_hash) VALUES (999, '2026-03-02 10:00:00', 'x', 'login', '{}', "
                    "'0', '0')",
    "audit update": "UPDATE audit_entries SET actor = 'mallory'",
    "audit delete": "DELETE FROM audit_entries",
    "chain head": "UPDATE audit_chain_head SET last_seq = 0",
    "officer insert": "INSERT INTO officers (name, admin, active, added_at, added_by) "
                      "VALUES ('mallory', true, true, '2026-03-02 10:00:00', 'x')",
    "role grant": "INSERT INTO officer_roles (officer, role) VALUES (:me, 'auditor')",
    "admin flag": "UPDATE officers SET admin = true WHERE name = :me",
}


@pytest.mark.parametrize("what", sorted(FORGERIES))
def test_direct_writes_to_trail_and_officers_are_refused_by_the_server(
        desk: Desk, what: str) -> None:
    with pytest.raises(DBAPIError, match=r"denied|refused|privacy-desk"):
        desk.sql("anna", FORGERIES[what], me=desk.names["anna"])


def test_direct_approval_and_execution_writes_are_refused_by_the_server(desk: Desk) -> None:
    case_id = _case(desk.login("anna"))
    plan_id, sha = _plan(desk, "anna", case_id, claimed_author=desk.names["bertil"])
    attempts = [
        "UPDATE erasure_plans SET state = 'approved', approved_by = :other, "
        "approved_sha256 = plan_sha256, four_eyes_enforced = true WHERE id = :p",
        "UPDATE erasure_plans SET state = 'started' WHERE id = :p",
        "UPDATE erasure_plans SET state = 'committed' WHERE id = :p",
        "UPDATE erasure_plans SET created_by = :other, created_db_login = :other "
        "WHERE id = :p",
        "INSERT INTO erasure_plans (case_id, kind, state, subject, as_of, plan_json, "
        "plan_sha256, created_by, created_at, approved_by) VALUES (1, 'erasure', 'approved', "
        "'{}', '2026-03-02', '{}', 'x', 'x', '2026-03-02 10:00:00', :other)",
        "INSERT INTO erasure_executions (plan_id, case_id, state, executed_by, started_at, "
        "host, pid) VALUES (:p, 1, 'committed', :other, '2026-03-02 10:00:00', 'h', 1)",
    ]
    for statement in attempts:
        with pytest.raises(DBAPIError, match="privacy-desk"):
            desk.sql("anna", statement, p=plan_id, other=desk.names["bertil"])
    # The plan anna wrote claiming bertil is anna's: she cannot approve it, even by SQL.
    with desk.owner.engine.connect() as conn:
        author = conn.execute(text("SELECT created_by FROM erasure_plans WHERE id = :p"),
                              {"p": plan_id}).scalar_one()
    assert author == desk.names["anna"]
    with pytest.raises(DBAPIError, match="own erasure plan"):
        desk.sql("anna", f"{desk.call} privacy_desk_approve_plan(:b, :p, :s)",
                 b=desk.names["bertil"], p=plan_id, s=sha)
    with pytest.raises(DBAPIError, match=r"auditor|approver"):
        desk.sql("ivar", f"{desk.call} privacy_desk_approve_plan(NULL, :p, :s)", p=plan_id,
                 s=sha)
    # Bertil, with his own login, approves: four-eyes is enforced by the server.
    view = approve_plan(desk.login("bertil"), plan_id, expected_sha256=sha)
    assert view.approved_by == desk.names["bertil"] and view.four_eyes_enforced is True
    assert load_plan(desk.owner, plan_id).state == "approved"
    with desk.owner.engine.connect() as conn:  # approving by someone else keeps the author
        assert conn.execute(text("SELECT created_by FROM erasure_plans WHERE id = :p"),
                            {"p": plan_id}).scalar_one() == desk.names["anna"]


def test_a_shared_login_cannot_be_two_people(desk: Desk) -> None:
    shared = desk.login("desk", actor="anna")
    case_id = _case(shared)
    plan_id, sha = _plan(desk, "desk", case_id, claimed_author="anna")
    with pytest.raises(NotPermitted):
        approve_plan(shared, plan_id, expected_sha256=sha, actor="bertil")
    with pytest.raises((ServerRefused, ErasureRefused), match="own erasure plan"):
        approve_plan(shared, plan_id, expected_sha256=sha)
    with pytest.raises(DBAPIError, match="own erasure plan"):  # and by SQL, naming bertil
        desk.sql("desk", f"{desk.call} privacy_desk_approve_plan('bertil', :p, :s)",
                 p=plan_id, s=sha)
    assert load_plan(desk.owner, plan_id).state == "draft"


def test_officers_are_changed_only_through_the_server_rules(desk: Desk) -> None:
    """On both servers an administrator's own login manages officers through the owner's
    routines (PostgreSQL 0007, MariaDB 0014); anyone else is refused by the server."""
    anna = desk.login("anna")
    with pytest.raises(DBAPIError, match="only an administrator"):
        desk.sql("anna", f"{desk.call} privacy_desk_officer_add(:a, 'mallory', true, "
                 "'officer')", a=desk.names["admin"])
    with pytest.raises(DBAPIError, match="only an administrator"):
        desk.sql("anna", f"{desk.call} privacy_desk_officer_set(:a, :me, 'officer', true, "
                 "true)", a=desk.names["admin"], me=desk.names["anna"])
    with pytest.raises(NotPermitted, match="administrator"):
        add_officer(anna, "mallory", [Role.OFFICER], actor=desk.names["anna"])
    admin = desk.login("admin")
    add_officer(admin, "pdx_new", [Role.OFFICER, Role.APPROVER], actor=desk.names["admin"])
    with desk.owner.sessions() as session:
        last = read_entries(session)[-1]
    assert (last.action, last.actor) == ("officer_added", desk.names["admin"])
    changed = set_roles(admin, "pdx_new", [Role.AUDITOR], actor=desk.names["admin"])
    assert changed.roles == frozenset({Role.AUDITOR})
    with pytest.raises(DBAPIError, match="unknown roles"):
        desk.sql("admin", f"{desk.call} privacy_desk_officer_set(:a, 'pdx_new', 'wizard', "
                 "NULL, NULL)", a=desk.names["admin"])
    with pytest.raises(UserError, match="without an administrator"):
        set_roles(admin, desk.names["admin"], [Role.OFFICER], actor=desk.names["admin"],
                  admin=False)
    with pytest.raises(DBAPIError, match="without an administrator"):  # the server too
        desk.sql("admin", f"{desk.call} privacy_desk_officer_set(:a, :me, 'officer', false, "
                 "NULL)", a=desk.names["admin"], me=desk.names["admin"])


# --------------------------------------------------------------------------- blocked trail


def test_a_row_slipped_in_after_the_head_stops_work_not_sign_in(desk: Desk,
                                                                caplog: pytest.LogCaptureFixture,
                                                                ) -> None:
    anna = desk.login("anna")
    _case(anna)
    with desk.owner.engine.begin() as conn:
        head = conn.execute(text("SELECT last_seq FROM audit_chain_head")).scalar_one()
        conn.execute(text(
            "INSERT INTO audit_entries (seq, at, actor, action, details, prev_hash, "
            "entry_hash) VALUES (:s, '2026-03-02 10:00:00', 'x', 'login', '{}', 'a', 'b')"),
            {"s": head + 1})
    again = desk.login("anna")
    info = sign_in(again, desk.names["anna"])  # still signs in
    assert info.has(Role.OFFICER)
    assert "login was not recorded" in caplog.text and f"#{head + 1}" in caplog.text
    with pytest.raises(AuditTrailBlocked, match="blocked") as refused:
        _case(again)
    assert "nothing was changed" in refused.value.message
    with desk.owner.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM cases")).scalar_one() == 1
    result = verify_trail(desk.login("ivar"), actor=desk.names["ivar"])
    assert "inserted" in {p.kind.value for p in result.problems}
    assert {p.seq for p in result.problems} == {head + 1}


def test_server_hash_is_the_apps_hash(desk: Desk) -> None:
    """What the server computed, the app recomputes: an untouched trail verifies."""
    anna = desk.login("anna")
    _case(anna)
    with anna.sessions.begin() as session:
        record_audit(session, actor="x", action="person_viewed",
                     details={"tables": "kunder,fakturor", "note": "åäö ✓"})
    result = verify_trail(desk.login("ivar"), actor=desk.names["ivar"])
    assert result.ok, result.problems
    with desk.owner.sessions() as session:
        details = read_entries(session)[-2].details
    assert json.dumps(details, ensure_ascii=False) == '{"note": "åäö ✓", "tables": ' \
                                                      '"kunder,fakturor"}'


# --------------------------------------------------------------------------- the real flow


def test_a_whole_erasure_with_officers_own_logins(desk: Desk, tmp_path: Path) -> None:
    """The grants suffice for the work: anna plans and executes, bertil approves, each
    with their own login; the server records four-eyes as enforced."""
    from privacy_desk.datamap.loader import load_datamap
    from privacy_desk.dburl import make_engine
    from privacy_desk.domain.identity import IdentityMethod
    from privacy_desk.domain.lifecycle import CaseStatus
    from privacy_desk.portal.demo.generator import generate_demo_portal
    from privacy_desk.resources import resource_path
    from privacy_desk.services.cases import transition_case
    from privacy_desk.services.casework import verify_identity
    from privacy_desk.services.erasure import create_plan, erasure_subject, execute

    today = date(2026, 11, 20)
    portal_url = URL.create("sqlite+pysqlite", database=str(tmp_path / "portal.sqlite3"))
    generate_demo_portal(portal_url, customers=12, seed=7, as_of=today)
    portal = make_engine(portal_url)
    datamap = load_datamap(resource_path("datamaps", "demo-portal.yaml"))
    try:
        with portal.connect() as conn:
            pnr = str(conn.execute(text(
                "SELECT c.personnummer FROM customers c JOIN invoices i ON i.customer_id = c.id "
                "WHERE c.kind = 'private' AND c.personnummer IS NOT NULL GROUP BY c.id, "
                "c.personnummer ORDER BY count(*) DESC, c.id LIMIT 1")).scalar_one())
        anna, bertil = desk.login("anna"), desk.login("bertil")
        d = register_case(anna, request_type=RequestType.ERASURE, channel=Channel.PAPER,
                          received_on=date(2026, 11, 2), person_label="Testperson",
                          identifiers=[(None, pnr)], today=today)
        d = verify_identity(anna, d.case_id, method=IdentityMethod.SIGNED_LETTER,
                            evidence="signed letter matched", verified_on=date(2026, 11, 3),
                            expected_version=d.version, today=today)
        transition_case(anna, d.case_id, CaseStatus.IN_PROGRESS, reason=None, actor=anna.actor,
                        expected_version=d.version, today=today)
        found = erasure_subject(anna, portal, datamap, d.case_id)
        plan = create_plan(anna, portal, datamap, d.case_id, found.candidates[0], today=today)
        with pytest.raises((NotPermitted, ErasureRefused, ServerRefused)):
            approve_plan(anna, plan.id, expected_sha256=plan.sha256)
        approved = approve_plan(bertil, plan.id, expected_sha256=plan.sha256)
        assert approved.four_eyes_enforced is True
        assert approved.approved_by == desk.names["bertil"]
        result = execute(anna, portal, datamap, plan.id, today=today)
        assert result.view.state == "committed" and result.verification.ok
        assert result.view.executions[-1].executed_by == desk.names["anna"]
    finally:
        portal.dispose()
    with desk.owner.sessions() as session:
        actors = {(e.action, e.actor) for e in read_entries(session)}
    assert ("erasure_approved", desk.names["bertil"]) in actors
    assert ("erasure_executed", desk.names["anna"]) in actors


def test_store_secure_and_officer_add_print_the_dbas_statements(
        desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from privacy_desk.cli import main

    for var in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.setenv(var, desk.names["admin"])  # the owner's connection names the admin
    base = ["--base-dir", str(tmp_path / "home"), "--case-store",
            desk.url.render_as_string(hide_password=False)]
    capsys.readouterr()
    assert main([*base, "store", "secure"]) == 0
    out = capsys.readouterr().out
    assert "GRANT SELECT" in out and "audit_entries" not in out.replace("-- ", "")
    new = desk.names["anna"][:-4] + "dora"
    desk_roles = [new]
    try:
        assert main([*base, "officer", "add", new, "--role", "officer"]) == 0
        out = capsys.readouterr().out
        expected = (f'CREATE ROLE "{new}" LOGIN IN ROLE' if desk.backend == "postgresql"
                    else f"CREATE USER IF NOT EXISTS '{new}'@'%'")
        assert expected in out
        # An officer's own login works the CLI too (ivar lists the officers).
        assert main([*base[:2], "--case-store", desk.url.set(
            username=desk.names["ivar"], password=PASSWORD).render_as_string(
            hide_password=False), "officer", "list"]) == 0
    finally:
        _drop_logins(desk.backend, desk_roles)


def test_every_table_of_the_store_has_a_grant_rule() -> None:
    """A new table that is neither officers' work nor the owner's would silently get no
    INSERT grant on a secured store (the officers' desk would fail): name it in one list."""
    import privacy_desk.casestore.store  # noqa: F401  (registers every table)
    from privacy_desk.casestore.guard import OWNER_TABLES, WORK_TABLES
    from privacy_desk.casestore.models import Base

    tables = set(Base.metadata.tables)
    assert tables - set(WORK_TABLES) - set(OWNER_TABLES) == set()
    assert set(WORK_TABLES) & set(OWNER_TABLES) == set()
    assert set(WORK_TABLES) <= tables


def test_an_officer_login_settles_an_unknown_outcome_but_cannot_rewrite_a_settled_one(
        desk: Desk) -> None:
    """Issue 14's two halves together: an execution whose COMMIT's fate was lost is
    *unknown*; reconcile, run with an officer's own login, must be able to settle it,
    and a settled outcome stays settled even by SQL."""
    case_id = _case(desk.login("anna"))
    plan_id, _sha = _plan(desk, "anna", case_id, claimed_author=desk.names["anna"])
    with desk.owner.engine.begin() as conn:  # the owner's connection is trusted
        conn.execute(text("UPDATE erasure_plans SET state = 'unknown' WHERE id = :p"),
                     {"p": plan_id})
        conn.execute(text(
            "INSERT INTO erasure_executions (plan_id, case_id, state, executed_by, "
            "started_at, host, pid) VALUES (:p, :c, 'unknown', :who, "
            "'2026-03-02 10:00:00', 'h', 1)"), {"p": plan_id, "c": case_id,
                                                "who": desk.names["anna"]})
    desk.sql("anna", "UPDATE erasure_executions SET state = 'committed' WHERE plan_id = :p",
             p=plan_id)
    desk.sql("anna", "UPDATE erasure_plans SET state = 'committed' WHERE id = :p", p=plan_id)
    for statement in ("UPDATE erasure_executions SET state = 'not executed' "
                      "WHERE plan_id = :p",
                      "UPDATE erasure_plans SET state = 'approved' WHERE id = :p"):
        with pytest.raises(DBAPIError, match="privacy-desk"):
            desk.sql("anna", statement, p=plan_id)
    assert load_plan(desk.owner, plan_id).state == "committed"


def test_a_letter_written_by_sql_is_recorded_as_the_login_that_wrote_it(desk: Desk) -> None:
    case_id = _case(desk.login("anna"))
    desk.sql("anna", "INSERT INTO case_letters (case_id, kind, lang, recipient, "
             "recipient_name, letter_date, filename, size_bytes, sha256, template, created_at, "
             "actor) VALUES (:c, 'acknowledgement', 'sv', '', 'x', '2026-03-02', 'a.pdf', 1, "
             "'0', 'acknowledgement', '2026-03-02 10:00:00', :other)",
             c=case_id, other=desk.names["bertil"])
    with desk.owner.engine.connect() as conn:
        actor = conn.execute(text("SELECT actor FROM case_letters WHERE case_id = :c"),
                             {"c": case_id}).scalar_one()
    assert actor == desk.names["anna"]


def test_the_tables_made_after_the_guard_name_the_login_too(desk: Desk) -> None:
    """Restrictions, rights decisions and minimisations (migrations 0008, 0010) came after
    0007's rule; 0013 gives them the same: a set "who" is the login, an empty one stays
    empty (a restriction is not made to look applied or lifted)."""
    case_id = _case(desk.login("anna"))
    other = desk.names["bertil"]
    desk.sql("anna", "INSERT INTO restrictions (case_id, state, ground, subject, plan_json, "
             "plan_sha256, reason, created_by, created_at) VALUES (:c, 'draft', 'accuracy', "
             "'{}', '{}', '0', 'checking', :other, '2026-03-02 10:00:00')",
             c=case_id, other=other)
    desk.sql("anna", "INSERT INTO rights_decisions (case_id, kind, outcome, details, reason, "
             "decided_by, decided_at) VALUES (:c, 'balancing', 'stop', '{}', 'weighed', :other, "
             "'2026-03-02 10:00:00')", c=case_id, other=other)
    desk.sql("anna", "INSERT INTO case_minimisations (case_id, minimised_at, minimised_by, "
             "identifiers) VALUES (:c, '2026-03-02 10:00:00', :other, 0)",
             c=case_id, other=other)
    query = ("SELECT r.created_by, r.applied_by, r.lifted_by, d.decided_by, m.minimised_by "
             "FROM restrictions r JOIN rights_decisions d ON d.case_id = r.case_id "
             "JOIN case_minimisations m ON m.case_id = r.case_id WHERE r.case_id = :c")
    anna = desk.names["anna"]
    with desk.owner.engine.connect() as conn:
        assert tuple(conn.execute(text(query), {"c": case_id}).one()) == (
            anna, None, None, anna, anna)
    # lifting it "as bertil" by SQL records the login that did it; what is not set stays
    desk.sql("anna", "UPDATE restrictions SET lifted_by = :other, state = 'lifted' "
             "WHERE case_id = :c", c=case_id, other=other)
    with desk.owner.engine.connect() as conn:
        assert tuple(conn.execute(text(query), {"c": case_id}).one()) == (
            anna, None, anna, anna, anna)
