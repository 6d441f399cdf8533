"""Who may do what: officers, approvers and auditors, checked in the services.

Officers and their roles live in the case store (tables ``officers`` and
``officer_roles``), so every desk sharing a store sees the same list and the CLI obeys
the same rules as the GUI. Names are login names (the actor recorded everywhere).

- **officer**: works cases (register, claim, verify identity, look up a person, export);
- **approver**: approves decisions (erasure plans, fees, refusals);
- **auditor**: read-only; browses and exports the audit trail;
- **admin** (a flag, not a role): adds officers and changes their roles.

Bootstrapping: the first person to sign in to a store with no officers becomes its
administrator with the officer role; from then on nobody unlisted gets in. A store must
always keep one active administrator.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from privacy_desk.casestore import guard
from privacy_desk.casestore.audit import AuditTrailBlocked, record_audit
from privacy_desk.casestore.audit_models import Officer, OfficerRole
from privacy_desk.casestore.models import OFFICER_LEN
from privacy_desk.casestore.officers import load_officer
from privacy_desk.casestore.store import CaseStore
from privacy_desk.clock import utcnow
from privacy_desk.domain.roles import WRITERS, OfficerInfo, Role
from privacy_desk.errors import UserError
from privacy_desk.logging_setup import USER_NOTICE
from privacy_desk.messages import Message, msg

__all__ = ["WRITERS", "NotPermitted", "OfficerInfo", "Role", "add_officer", "check_role",
           "list_officers", "officer_info", "parse_roles", "require_role", "set_roles",
           "sign_in"]

log = logging.getLogger(__name__)


class NotPermitted(UserError):
    """The signed-in person lacks the role an action needs; nothing was changed."""

    exit_code = 4


def refusal(actor: str, what: str | Message) -> NotPermitted:
    return NotPermitted(msg("{actor} may not {what}.", actor=actor, what=what),
                        msg("Ask an administrator of this case store to give you the role "
                            "(privacy-desk officer set-roles)."))


def check_role(session: Session, actor: str, *roles: Role, action: str = "do this",
               ) -> OfficerInfo:
    """:func:`require_role` inside an open session (for services already in a transaction).

    On a server store reached with an officer's own login, ``actor`` must be that login:
    nobody acts under another name (the server would record the login anyway).
    """
    login, trusted = guard.identity(session)
    if login is not None and not trusted and actor != login:
        raise NotPermitted(msg("You are signed in to the case store as {login}; nobody acts "
                               "as {actor} from that login.", login=login, actor=actor),
                           msg("Sign in with your own database login."))
    info = load_officer(session, actor)
    if info is None or not info.active:
        raise NotPermitted(msg("{actor} is not an officer of this case store.", actor=actor),
                           msg("Ask an administrator to add you (privacy-desk officer add)."))
    if roles and not info.has(*roles):
        needed = " or ".join(r.value for r in roles)
        raise refusal(actor, msg("{action} (it needs the {needed} role)",
                                 action=action_words(action), needed=needed))
    return info


def action_words(action: str) -> Message:
    """An action phrase ("register cases") as a message, so a refusal reads in Swedish.

    The phrases are plain strings at the many call sites (``action="register cases"``);
    each is its own catalogue entry, and tests/unit/test_words.py fails on one that has
    no Swedish translation.
    """
    return Message(action)


def require_role(store: CaseStore, actor: str, *roles: Role, action: str = "do this",
                 ) -> OfficerInfo:
    """Refuse with :class:`NotPermitted` unless ``actor`` is active and holds one of ``roles``.

    With no roles given, any active officer passes (reading the queue, say).
    """
    with store.sessions() as session:
        return check_role(session, actor, *roles, action=action)


def parse_roles(values: Iterable[str]) -> frozenset[Role]:
    """Roles from user input (``officer``, ``approver``, ``auditor``), with a clear error."""
    out: set[Role] = set()
    for raw in values:
        for part in raw.split(","):
            name = part.strip().lower()
            if not name:
                continue
            try:
                out.add(Role(name))
            except ValueError:
                raise UserError(msg("Unknown role {name}.", name=repr(name)),
                                msg("Use officer, approver or auditor.")) from None
    return frozenset(out)


def _clean_name(name: str) -> str:
    who = name.strip()
    if not who or len(who) > OFFICER_LEN or any(c.isspace() for c in who):
        raise UserError(msg("An officer is named by their login name (no spaces, at most "
                            "{officer_len} characters).",
                            officer_len=OFFICER_LEN), msg("Give the person's login name."))
    return who


def officer_info(store: CaseStore, name: str) -> OfficerInfo | None:
    """The officer record for ``name``, or None when the store does not know them."""
    with store.sessions() as session:
        return load_officer(session, name)


def sign_in(store: CaseStore, actor: str) -> OfficerInfo:
    """Record a login; the first person in a store without officers becomes its admin.

    On a server store with officers' own logins, the first administrator is registered by
    the owner (``privacy-desk store secure --admin LOGIN``). A blocked audit trail does
    not stop anyone signing in: the login goes unrecorded, with a notice saying why, and
    the sensitive actions refuse until the trail is repaired.
    """
    name = _clean_name(actor)
    with store.sessions.begin() as session:
        count = session.execute(select(func.count()).select_from(Officer)).scalar_one()
        if count == 0:
            if store.officer_is_login:
                raise NotPermitted(msg("This case store has no officers yet."),
                                   msg("The store's owner registers the first administrator "
                                       "(privacy-desk store secure --admin LOGIN)."))
            if guard.is_server(session):
                guard.add_officer_on_server(session, actor=name, name=name, admin=True,
                                            roles=Role.OFFICER.value)
            else:
                session.add(Officer(name=name, admin=True, active=True, added_at=utcnow(),
                                    added_by=name))
                session.add(OfficerRole(officer=name, role=Role.OFFICER.value))
            session.flush()
            record_audit(session, actor=name, action="officer_bootstrapped",
                         details={"roles": Role.OFFICER.value, "admin": 1})
        info = check_role(session, name)
    try:
        with store.sessions.begin() as session:
            record_audit(session, actor=name, action="login",
                         details={"roles": ",".join(sorted(r.value for r in info.roles))})
    except AuditTrailBlocked as exc:
        log.warning("%s signed in, but the login was not recorded: %s", name, exc.message,
                    extra={USER_NOTICE: True})
    return info


def _on_server(session: Session) -> bool:
    """A server keeps the officer list behind the owner's routines (migrations 0007 on
    PostgreSQL, 0014 on MariaDB)."""
    return guard.is_server(session)


def _active_admins(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(Officer)
                               .where(Officer.admin.is_(True), Officer.active.is_(True)))
               .scalar_one())


def _require_admin(session: Session, actor: str, what: Message | None = None) -> None:
    info = check_role(session, actor)
    if not info.admin:
        raise refusal(actor, what or msg("manage officers (only an administrator may)"))


def require_admin(store: CaseStore, actor: str, what: Message) -> None:
    """Refuse (NotPermitted) unless ``actor`` is an active administrator of the store;
    ``what`` says what they tried ("move the minimisation key (only an administrator may)")."""
    with store.sessions() as session:
        _require_admin(session, actor, what)


def add_officer(store: CaseStore, name: str, roles: Iterable[Role], *, actor: str,
                admin: bool = False) -> OfficerInfo:
    """Register ``name`` with ``roles`` (admin only)."""
    who = _clean_name(name)
    wanted = frozenset(roles)
    if not wanted:
        raise UserError(msg("An officer needs at least one role."),
                        msg("Give --role officer, approver or auditor."))
    with store.sessions.begin() as session:
        _require_admin(session, actor)
        if session.get(Officer, who) is not None:
            raise UserError(f"{who} is already an officer of this case store.",
                            "Change their roles instead (privacy-desk officer set-roles).")
        if _on_server(session):
            guard.add_officer_on_server(session, actor=actor, name=who, admin=admin,
                                        roles=",".join(sorted(wanted)))
        else:
            session.add(Officer(name=who, admin=admin, active=True, added_at=utcnow(),
                                added_by=actor))
            session.flush()
            session.add_all(OfficerRole(officer=who, role=r.value) for r in wanted)
            session.flush()
        record_audit(session, actor=actor, action="officer_added",
                     details={"officer": who, "roles": ",".join(sorted(wanted)),
                              "admin": int(admin)})
        info = load_officer(session, who)
        assert info is not None
        return info


def set_roles(store: CaseStore, name: str, roles: Iterable[Role], *, actor: str,
              admin: bool | None = None, active: bool | None = None) -> OfficerInfo:
    """Replace an officer's roles (and optionally admin flag / active state); admin only."""
    who = _clean_name(name)
    wanted = frozenset(roles)
    with store.sessions.begin() as session:
        _require_admin(session, actor)
        officer = session.get(Officer, who)
        if officer is None:
            raise UserError(f"{who} is not an officer of this case store.",
                            "Add them first (privacy-desk officer add).")
        new_admin = officer.admin if admin is None else admin
        new_active = officer.active if active is None else active
        if not wanted and new_active:
            raise UserError("An active officer needs at least one role.",
                            "Give --role, or deactivate the officer instead.")
        others = _active_admins(session) - int(officer.admin and officer.active)
        if others + int(new_admin and new_active) == 0:
            raise UserError("That would leave the case store without an administrator.",
                            "Make someone else an administrator first.")
        if _on_server(session):
            guard.set_officer_on_server(session, actor=actor, name=who,
                                        roles=",".join(sorted(wanted)), admin=admin,
                                        active=active)
            session.expire(officer)
        else:
            officer.admin, officer.active = new_admin, new_active
            session.flush()
            session.execute(delete(OfficerRole).where(OfficerRole.officer == who))
            session.add_all(OfficerRole(officer=who, role=r.value) for r in wanted)
            session.flush()
        record_audit(session, actor=actor, action="officer_changed",
                     details={"officer": who, "roles": ",".join(sorted(wanted)),
                              "admin": int(officer.admin), "active": int(officer.active)})
        info = load_officer(session, who)
        assert info is not None
        return info


def list_officers(store: CaseStore, *, actor: str) -> list[OfficerInfo]:
    """Every officer of the store (any active officer may see who else is one)."""
    with store.sessions() as session:
        check_role(session, actor)
        names = session.scalars(select(Officer.name).order_by(Officer.name)).all()
        return [i for n in names if (i := load_officer(session, n)) is not None]
