"""The server guards the store (issue 14): officer = login, rules and trail in the server.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01

Nothing changes on SQLite (one desk, one person: nothing to enforce against). On
PostgreSQL this installs, owned by the role that runs the migration (the store's owner):

- ``privacy_desk_audit_append``: the only way an officer's login appends to the trail
  (SECURITY DEFINER). The server takes the next position from ``audit_chain_head``,
  stamps the time, records ``session_user`` as the actor and computes the hash
  (``sha256()``); it refuses to append to a trail whose head does not match its last
  entry (an entry slipped in at head+1, the head entry changed), which stops sensitive
  actions but not signing in.
- ``privacy_desk_approve_plan``, ``privacy_desk_officer_add``/``_set``: approving and
  changing officers as the session's login, checking role, four-eyes and last admin.
- triggers that put ``session_user`` into every "who" column an officer writes and refuse
  a plan's approval, an execution's outcome or a state jump made by plain SQL.

The owner's own sessions (and superusers) are trusted: they own every table anyway.
MariaDB gets the audit procedure and the officer-column triggers (docs/audit.md says
what it lacks). Grants for the officers' group role are given by
``privacy-desk store secure`` (docs/decisions/0012-the-server-guards-the-store.md).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: Tables and their "who" columns, set to the login on every officer write.
WHO_COLUMNS: dict[str, tuple[str, ...]] = {
    "cases": ("updated_by",),
    "case_events": ("actor",),
    "identity_verifications": ("officer",),
    "allowance_decisions": ("decided_by",),
    "case_attachments": ("added_by",),
    "withheld_items": ("withheld_by",),
    "case_exports": ("produced_by",),
    "erasure_plans": ("created_by", "created_db_login"),
    "erasure_decisions": ("decided_by",),
    "erasure_executions": ("executed_by",),
    "portal_changes": ("changed_by",),
    "case_letters": ("actor",),
}

_PG_FUNCTIONS = r"""
CREATE FUNCTION privacy_desk_is_owner(who name) RETURNS boolean
LANGUAGE sql STABLE SET search_path = @SCHEMA@, pg_temp AS $$
    SELECT who = (SELECT tableowner FROM pg_tables
                  WHERE schemaname = current_schema() AND tablename = 'audit_entries')
        OR coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = who), false)
$$;

-- Whether the writer is trusted: the owner (or a superuser), directly or inside one of
-- the SECURITY DEFINER functions below (where current_user is their owner).
CREATE FUNCTION privacy_desk_writer_trusted() RETURNS boolean
LANGUAGE sql STABLE SET search_path = @SCHEMA@, pg_temp AS $$
    SELECT privacy_desk_is_owner(current_user)
$$;

-- Whether the *login* is trusted: only then may the app name the actor itself.
CREATE FUNCTION privacy_desk_session_trusted() RETURNS boolean
LANGUAGE sql STABLE SET search_path = @SCHEMA@, pg_temp AS $$
    SELECT privacy_desk_is_owner(session_user)
$$;

CREATE FUNCTION privacy_desk_actor(p_actor text) RETURNS text
LANGUAGE sql STABLE SET search_path = @SCHEMA@, pg_temp AS $$
    SELECT CASE WHEN privacy_desk_session_trusted() AND coalesce(p_actor, '') <> ''
                THEN p_actor ELSE session_user::text END
$$;

-- One field of the hashed payload: its length, a colon, the text, a semicolon (N; for NULL).
CREATE FUNCTION privacy_desk_field(v text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN v IS NULL THEN 'N;' ELSE length(v)::text || ':' || v || ';' END
$$;

CREATE FUNCTION privacy_desk_audit_append(p_actor text, p_action text, p_case_id integer,
                                          p_details text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = @SCHEMA@, pg_temp AS $$
DECLARE
    v_actor text := privacy_desk_actor(p_actor);
    v_seq integer; v_prev text; v_max integer; v_stored text;
    v_at timestamp; v_case text; v_hash text; v_details text := coalesce(p_details, '{}');
BEGIN
    IF p_action IS NULL OR p_action !~ '^[a-z_]{1,48}$' THEN
        RAISE EXCEPTION 'privacy-desk: an audit action is a short lower-case name'
            USING ERRCODE = '22023';
    END IF;
    IF jsonb_typeof(v_details::jsonb) <> 'object' THEN
        RAISE EXCEPTION 'privacy-desk: audit details are a JSON object' USING ERRCODE = '22023';
    END IF;
    SELECT last_seq, last_hash INTO v_seq, v_prev FROM audit_chain_head WHERE id = 1
        FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'privacy-desk-trail: the chain head is missing' USING ERRCODE = 'PD001';
    END IF;
    SELECT max(seq) INTO v_max FROM audit_entries;
    IF coalesce(v_max, 0) <> v_seq THEN
        RAISE EXCEPTION 'privacy-desk-trail: the trail holds entry #% but its head is #%',
            coalesce(v_max, 0), v_seq USING ERRCODE = 'PD001';
    END IF;
    IF v_seq > 0 THEN
        SELECT entry_hash INTO v_stored FROM audit_entries WHERE seq = v_seq;
        IF v_stored IS DISTINCT FROM v_prev THEN
            RAISE EXCEPTION 'privacy-desk-trail: entry #% does not match the chain head', v_seq
                USING ERRCODE = 'PD001';
        END IF;
    END IF;
    v_seq := v_seq + 1;
    v_at := date_trunc('second', clock_timestamp() AT TIME ZONE 'UTC');
    IF p_case_id IS NOT NULL THEN
        SELECT case_number INTO v_case FROM cases WHERE id = p_case_id;
    END IF;
    v_hash := encode(sha256(convert_to(
        'v2;' || privacy_desk_field(to_char(v_at, 'YYYY-MM-DD"T"HH24:MI:SS'))
        || privacy_desk_field(v_actor) || privacy_desk_field(p_action)
        || privacy_desk_field(p_case_id::text) || privacy_desk_field(v_case)
        || privacy_desk_field(v_details) || privacy_desk_field(v_prev), 'UTF8')), 'hex');
    INSERT INTO audit_entries (seq, at, actor, action, case_id, case_number, details,
                               prev_hash, entry_hash)
        VALUES (v_seq, v_at, v_actor, p_action, p_case_id, v_case, v_details, v_prev, v_hash);
    UPDATE audit_chain_head SET last_seq = v_seq, last_hash = v_hash WHERE id = 1;
    RETURN v_seq;
END;
$$;

CREATE FUNCTION privacy_desk_require(p_who text, p_role text, p_what text) RETURNS void
LANGUAGE plpgsql STABLE SET search_path = @SCHEMA@, pg_temp AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM officers WHERE name = p_who AND active) THEN
        RAISE EXCEPTION 'privacy-desk: % is not an officer of this case store', p_who
            USING ERRCODE = '42501';
    END IF;
    IF p_role = 'admin' THEN
        IF NOT EXISTS (SELECT 1 FROM officers WHERE name = p_who AND admin) THEN
            RAISE EXCEPTION 'privacy-desk: % may not % (only an administrator may)', p_who,
                p_what USING ERRCODE = '42501';
        END IF;
    ELSIF p_role IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM officer_roles WHERE officer = p_who AND role = p_role) THEN
        RAISE EXCEPTION 'privacy-desk: % may not % (it needs the % role)', p_who, p_what,
            p_role USING ERRCODE = '42501';
    END IF;
END;
$$;

CREATE FUNCTION privacy_desk_approve_plan(p_actor text, p_plan integer, p_sha256 text)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = @SCHEMA@, pg_temp AS $$
DECLARE
    v_who text := privacy_desk_actor(p_actor);
    v_plan erasure_plans%ROWTYPE;
    v_enforced boolean;
BEGIN
    PERFORM privacy_desk_require(v_who, 'approver', 'approve an erasure plan');
    SELECT * INTO v_plan FROM erasure_plans WHERE id = p_plan FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'privacy-desk: plan % does not exist', p_plan USING ERRCODE = '42501';
    END IF;
    IF v_plan.state <> 'draft' THEN
        RAISE EXCEPTION 'privacy-desk: plan % is %; only a draft is approved', p_plan,
            v_plan.state USING ERRCODE = '42501';
    END IF;
    IF v_plan.plan_sha256 <> p_sha256 THEN
        RAISE EXCEPTION 'privacy-desk: plan % changed since it was opened', p_plan
            USING ERRCODE = '42501';
    END IF;
    IF v_who = v_plan.created_by OR v_who = v_plan.created_db_login
       OR EXISTS (SELECT 1 FROM erasure_decisions WHERE plan_id = p_plan
                  AND decided_by = v_who) THEN
        RAISE EXCEPTION 'privacy-desk: nobody approves their own erasure plan'
            USING ERRCODE = '42501';
    END IF;
    v_enforced := NOT privacy_desk_session_trusted()
        AND v_plan.created_db_login IS NOT NULL
        AND v_plan.created_db_login <> session_user::text;
    UPDATE erasure_plans
        SET state = 'approved', approved_by = v_who,
            approved_at = date_trunc('second', clock_timestamp() AT TIME ZONE 'UTC'),
            approved_sha256 = v_plan.plan_sha256, approved_db_login = session_user::text,
            four_eyes_enforced = v_enforced
        WHERE id = p_plan;
    PERFORM privacy_desk_audit_append(v_who, 'erasure_approved', v_plan.case_id,
        '{"four_eyes_enforced":' || (CASE WHEN v_enforced THEN 1 ELSE 0 END)::text
        || ',"plan":' || p_plan::text || '}');
    RETURN v_enforced;
END;
$$;

CREATE FUNCTION privacy_desk_roles_ok(p_roles text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(bool_and(r IN ('officer', 'approver', 'auditor')), true)
    FROM unnest(string_to_array(coalesce(p_roles, ''), ',')) AS r WHERE r <> ''
$$;

CREATE FUNCTION privacy_desk_officer_add(p_actor text, p_name text, p_admin boolean,
                                         p_roles text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = @SCHEMA@, pg_temp AS $$
DECLARE
    v_who text := privacy_desk_actor(p_actor);
BEGIN
    IF EXISTS (SELECT 1 FROM officers) OR NOT privacy_desk_session_trusted() THEN
        PERFORM privacy_desk_require(v_who, 'admin', 'manage officers');
    END IF;
    IF NOT privacy_desk_roles_ok(p_roles) OR coalesce(p_roles, '') = '' THEN
        RAISE EXCEPTION 'privacy-desk: unknown roles %', p_roles USING ERRCODE = '22023';
    END IF;
    INSERT INTO officers (name, admin, active, added_at, added_by)
        VALUES (p_name, p_admin, true,
                date_trunc('second', clock_timestamp() AT TIME ZONE 'UTC'), v_who);
    INSERT INTO officer_roles (officer, role)
        SELECT p_name, r FROM unnest(string_to_array(p_roles, ',')) AS r WHERE r <> '';
END;
$$;

CREATE FUNCTION privacy_desk_officer_set(p_actor text, p_name text, p_roles text,
                                         p_admin boolean, p_active boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = @SCHEMA@, pg_temp AS $$
DECLARE
    v_who text := privacy_desk_actor(p_actor);
BEGIN
    PERFORM privacy_desk_require(v_who, 'admin', 'manage officers');
    IF NOT privacy_desk_roles_ok(p_roles) THEN
        RAISE EXCEPTION 'privacy-desk: unknown roles %', p_roles USING ERRCODE = '22023';
    END IF;
    UPDATE officers SET admin = coalesce(p_admin, admin), active = coalesce(p_active, active)
        WHERE name = p_name;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'privacy-desk: % is not an officer', p_name USING ERRCODE = '22023';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM officers WHERE admin AND active) THEN
        RAISE EXCEPTION 'privacy-desk: that would leave the store without an administrator'
            USING ERRCODE = '42501';
    END IF;
    DELETE FROM officer_roles WHERE officer = p_name;
    INSERT INTO officer_roles (officer, role)
        SELECT p_name, r FROM unnest(string_to_array(coalesce(p_roles, ''), ',')) AS r
        WHERE r <> '';
END;
$$;

-- Every "who" column an officer writes holds their login (TG_ARGV: the column names): on
-- INSERT, and on UPDATE where it changes (updated_by: always).
CREATE FUNCTION privacy_desk_who_is_login() RETURNS trigger
LANGUAGE plpgsql SET search_path = @SCHEMA@, pg_temp AS $$
DECLARE
    col text;
    changes jsonb := '{}';
BEGIN
    IF privacy_desk_writer_trusted() THEN
        RETURN NEW;
    END IF;
    FOREACH col IN ARRAY TG_ARGV LOOP
        IF TG_OP = 'INSERT' OR col = 'updated_by'
           OR (to_jsonb(NEW) -> col) IS DISTINCT FROM (to_jsonb(OLD) -> col) THEN
            changes := changes || jsonb_build_object(col, session_user::text);
        END IF;
    END LOOP;
    NEW := jsonb_populate_record(NEW, changes);
    RETURN NEW;
END;
$$;

-- A plan's approval is written only by privacy_desk_approve_plan; its state moves only
-- along the flow's edges.
CREATE FUNCTION privacy_desk_plan_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = @SCHEMA@, pg_temp AS $$
BEGIN
    IF privacy_desk_writer_trusted() THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.state <> 'draft' OR NEW.approved_by IS NOT NULL OR NEW.approved_sha256 IS NOT NULL
           OR NEW.approved_at IS NOT NULL OR NEW.approved_db_login IS NOT NULL
           OR NEW.four_eyes_enforced IS NOT NULL THEN
            RAISE EXCEPTION 'privacy-desk: a new plan is a draft without an approval'
                USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.created_by IS DISTINCT FROM OLD.created_by
       OR NEW.created_db_login IS DISTINCT FROM OLD.created_db_login THEN
        RAISE EXCEPTION 'privacy-desk: a plan keeps its author' USING ERRCODE = '42501';
    END IF;
    IF (NEW.approved_by IS DISTINCT FROM OLD.approved_by AND NEW.approved_by IS NOT NULL)
       OR (NEW.approved_sha256 IS DISTINCT FROM OLD.approved_sha256
           AND NEW.approved_sha256 IS NOT NULL)
       OR (NEW.approved_at IS DISTINCT FROM OLD.approved_at AND NEW.approved_at IS NOT NULL)
       OR (NEW.approved_db_login IS DISTINCT FROM OLD.approved_db_login
           AND NEW.approved_db_login IS NOT NULL)
       OR (NEW.four_eyes_enforced IS DISTINCT FROM OLD.four_eyes_enforced
           AND NEW.four_eyes_enforced IS NOT NULL) THEN
        RAISE EXCEPTION 'privacy-desk: a plan is approved only through privacy_desk_approve_plan'
            USING ERRCODE = '42501';
    END IF;
    IF NEW.approved_sha256 IS NOT NULL AND (NEW.plan_sha256 IS DISTINCT FROM OLD.plan_sha256
                                            OR NEW.plan_json IS DISTINCT FROM OLD.plan_json) THEN
        RAISE EXCEPTION 'privacy-desk: a changed plan loses its approval'
            USING ERRCODE = '42501';
    END IF;
    IF NEW.state IS DISTINCT FROM OLD.state AND NOT (
        (NEW.state = 'superseded'
         AND OLD.state IN ('draft', 'approved', 'not executed', 'changed'))
        OR (NEW.state = 'draft' AND OLD.state IN ('approved', 'not executed', 'draft')
            AND NEW.approved_sha256 IS NULL)
        OR (NEW.state = 'approved' AND OLD.state IN ('started', 'unknown')
            AND NEW.approved_sha256 IS NOT NULL)
        OR (NEW.state = 'started' AND OLD.kind = 'erasure' AND OLD.state = 'approved'
            AND OLD.approved_sha256 = OLD.plan_sha256)
        OR (NEW.state = 'started' AND OLD.kind <> 'erasure' AND OLD.state IN ('draft', 'approved'))
        OR (NEW.state IN ('committed', 'not executed', 'unknown', 'changed')
            AND OLD.state IN ('started', 'unknown'))
    ) THEN
        RAISE EXCEPTION 'privacy-desk: plan % may not go from % to % this way', OLD.id,
            OLD.state, NEW.state USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END;
$$;

-- An execution starts only for a started plan, and its outcome is written once.
CREATE FUNCTION privacy_desk_execution_guard() RETURNS trigger
LANGUAGE plpgsql SET search_path = @SCHEMA@, pg_temp AS $$
BEGIN
    IF privacy_desk_writer_trusted() THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.state <> 'started' OR NOT EXISTS (
                SELECT 1 FROM erasure_plans WHERE id = NEW.plan_id AND state = 'started') THEN
            RAISE EXCEPTION
                'privacy-desk: an execution is recorded only as started, for a started plan'
                USING ERRCODE = '42501';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.state IS DISTINCT FROM OLD.state AND OLD.state NOT IN ('started', 'unknown') THEN
        RAISE EXCEPTION 'privacy-desk: execution % is % and stays so', OLD.id, OLD.state
            USING ERRCODE = '42501';
    END IF;
    IF NEW.plan_id IS DISTINCT FROM OLD.plan_id OR NEW.case_id IS DISTINCT FROM OLD.case_id THEN
        RAISE EXCEPTION 'privacy-desk: an execution belongs to its plan'
            USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END;
$$;
"""

_PG_DROP = (
    "privacy_desk_execution_guard()", "privacy_desk_plan_guard()",
    "privacy_desk_who_is_login()",
    "privacy_desk_officer_set(text, text, text, boolean, boolean)",
    "privacy_desk_officer_add(text, text, boolean, text)", "privacy_desk_roles_ok(text)",
    "privacy_desk_approve_plan(text, integer, text)", "privacy_desk_require(text, text, text)",
    "privacy_desk_audit_append(text, text, integer, text)", "privacy_desk_field(text)",
    "privacy_desk_actor(text)", "privacy_desk_session_trusted()",
    "privacy_desk_writer_trusted()", "privacy_desk_is_owner(name)",
)

#: The SECURITY DEFINER functions: nobody may call them until ``privacy-desk store secure``
#: grants EXECUTE to the officers' group role.
PG_DEFINERS = (
    "privacy_desk_audit_append(text, text, integer, text)",
    "privacy_desk_approve_plan(text, integer, text)",
    "privacy_desk_officer_add(text, text, boolean, text)",
    "privacy_desk_officer_set(text, text, text, boolean, boolean)",
)

_MARIADB_PROCS = (
    """
CREATE FUNCTION privacy_desk_field(v LONGTEXT) RETURNS LONGTEXT CHARSET utf8mb4
DETERMINISTIC
RETURN IF(v IS NULL, 'N;', CONCAT(CHAR_LENGTH(v), ':', v, ';'))
""",
    """
CREATE FUNCTION privacy_desk_login() RETURNS VARCHAR(80) CHARSET utf8mb4
NOT DETERMINISTIC SQL SECURITY INVOKER
RETURN SUBSTRING_INDEX(USER(), '@', 1)
""",
    """
CREATE PROCEDURE privacy_desk_audit_append(IN p_actor VARCHAR(80), IN p_action VARCHAR(48),
                                           IN p_case_id INT, IN p_details LONGTEXT)
SQL SECURITY DEFINER
BEGIN
    DECLARE v_actor VARCHAR(80);
    DECLARE v_seq INT; DECLARE v_prev VARCHAR(64); DECLARE v_max INT;
    DECLARE v_stored VARCHAR(64); DECLARE v_at DATETIME; DECLARE v_case VARCHAR(24);
    DECLARE v_hash VARCHAR(64); DECLARE v_text TEXT;
    -- The owner (the definer's own login) may name the actor; anyone else is their login.
    IF SUBSTRING_INDEX(USER(), '@', 1) = SUBSTRING_INDEX(CURRENT_USER(), '@', 1)
       AND COALESCE(p_actor, '') <> '' THEN
        SET v_actor = p_actor;
    ELSE
        SET v_actor = SUBSTRING_INDEX(USER(), '@', 1);
    END IF;
    IF p_action IS NULL OR p_action NOT REGEXP '^[a-z_]{1,48}$' THEN
        SIGNAL SQLSTATE '22023'
            SET MESSAGE_TEXT = 'privacy-desk: an audit action is a short lower-case name';
    END IF;
    SELECT last_seq, last_hash INTO v_seq, v_prev FROM audit_chain_head WHERE id = 1
        FOR UPDATE;
    IF v_seq IS NULL THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'privacy-desk-trail: the chain head is missing';
    END IF;
    -- Locking reads: under REPEATABLE READ a plain SELECT would read the transaction's
    -- older snapshot, not the entries committed by the writer that held the head before.
    SELECT MAX(seq) INTO v_max FROM audit_entries LOCK IN SHARE MODE;
    IF COALESCE(v_max, 0) <> v_seq THEN
        SET v_text = CONCAT('privacy-desk-trail: the trail holds entry #', COALESCE(v_max, 0),
                            ' but its head is #', v_seq);
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = v_text;
    END IF;
    IF v_seq > 0 THEN
        SELECT entry_hash INTO v_stored FROM audit_entries WHERE seq = v_seq
            LOCK IN SHARE MODE;
        IF NOT (v_stored <=> v_prev) THEN
            SET v_text = CONCAT('privacy-desk-trail: entry #', v_seq,
                                ' does not match the chain head');
            SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = v_text;
        END IF;
    END IF;
    SET v_seq = v_seq + 1;
    SET v_at = UTC_TIMESTAMP();
    IF p_case_id IS NOT NULL THEN
        SELECT case_number INTO v_case FROM cases WHERE id = p_case_id;
    END IF;
    SET v_hash = SHA2(CONVERT(CONCAT('v2;',
        privacy_desk_field(DATE_FORMAT(v_at, '%Y-%m-%dT%H:%i:%s')),
        privacy_desk_field(v_actor), privacy_desk_field(p_action),
        privacy_desk_field(CAST(p_case_id AS CHAR)), privacy_desk_field(v_case),
        privacy_desk_field(COALESCE(p_details, '{}')), privacy_desk_field(v_prev))
        USING utf8mb4), 256);
    INSERT INTO audit_entries (seq, at, actor, action, case_id, case_number, details,
                               prev_hash, entry_hash)
        VALUES (v_seq, v_at, v_actor, p_action, p_case_id, v_case,
                COALESCE(p_details, '{}'), v_prev, v_hash);
    UPDATE audit_chain_head SET last_seq = v_seq, last_hash = v_hash WHERE id = 1;
END
""",
)


_MARIADB_APPROVE = """
CREATE PROCEDURE privacy_desk_approve_plan(IN p_actor VARCHAR(80), IN p_plan INT,
                                           IN p_sha256 VARCHAR(64))
SQL SECURITY DEFINER
BEGIN
    DECLARE v_login VARCHAR(80) DEFAULT SUBSTRING_INDEX(USER(), '@', 1);
    DECLARE v_trusted BOOLEAN DEFAULT SUBSTRING_INDEX(USER(), '@', 1)
                                      = SUBSTRING_INDEX(CURRENT_USER(), '@', 1);
    DECLARE v_who VARCHAR(80);
    DECLARE v_state VARCHAR(24); DECLARE v_sha VARCHAR(64); DECLARE v_case INT;
    DECLARE v_by VARCHAR(80); DECLARE v_by_login VARCHAR(80); DECLARE v_enforced BOOLEAN;
    DECLARE v_text TEXT;
    SET v_who = IF(v_trusted AND COALESCE(p_actor, '') <> '', p_actor, v_login);
    IF NOT EXISTS (SELECT 1 FROM officers WHERE name = v_who AND active) THEN
        SET v_text = CONCAT('privacy-desk: ', v_who, ' is not an officer of this case store');
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = v_text;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM officer_roles WHERE officer = v_who AND role = 'approver') THEN
        SET v_text = CONCAT('privacy-desk: ', v_who,
                            ' may not approve an erasure plan (it needs the approver role)');
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = v_text;
    END IF;
    SELECT state, plan_sha256, case_id, created_by, created_db_login
        INTO v_state, v_sha, v_case, v_by, v_by_login
        FROM erasure_plans WHERE id = p_plan FOR UPDATE;
    IF v_state IS NULL OR v_state <> 'draft' THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'privacy-desk: only a draft is approved';
    END IF;
    IF v_sha <> p_sha256 THEN
        SIGNAL SQLSTATE '45000'
            SET MESSAGE_TEXT = 'privacy-desk: the plan changed since it was opened';
    END IF;
    IF v_who = v_by OR v_who <=> v_by_login OR EXISTS (
            SELECT 1 FROM erasure_decisions WHERE plan_id = p_plan AND decided_by = v_who) THEN
        SIGNAL SQLSTATE '45000'
            SET MESSAGE_TEXT = 'privacy-desk: nobody approves their own erasure plan';
    END IF;
    SET v_enforced = NOT v_trusted AND v_by_login IS NOT NULL AND v_by_login <> v_login;
    INSERT INTO guard_tokens (plan_id, connection_id) VALUES (p_plan, CONNECTION_ID());
    UPDATE erasure_plans
        SET state = 'approved', approved_by = v_who, approved_at = UTC_TIMESTAMP(),
            approved_sha256 = v_sha, approved_db_login = v_login,
            four_eyes_enforced = v_enforced
        WHERE id = p_plan;
    DELETE FROM guard_tokens WHERE plan_id = p_plan;
    CALL privacy_desk_audit_append(v_who, 'erasure_approved', v_case,
        CONCAT('{"four_eyes_enforced":', IF(v_enforced, 1, 0), ',"plan":', p_plan, '}'));
END
"""

#: MariaDB: an officer's session (not the owner, whose login is the triggers' definer).
_MARIADB_OFFICER = "SUBSTRING_INDEX(USER(), '@', 1) <> SUBSTRING_INDEX(CURRENT_USER(), '@', 1)"

_MARIADB_GUARDS = (
    _MARIADB_APPROVE,
    """
CREATE TRIGGER erasure_plans_guard_insert BEFORE INSERT ON erasure_plans FOR EACH ROW
BEGIN
    IF @OFFICER@ AND (NEW.state <> 'draft' OR NEW.approved_by IS NOT NULL
            OR NEW.approved_sha256 IS NOT NULL OR NEW.approved_at IS NOT NULL
            OR NEW.approved_db_login IS NOT NULL OR NEW.four_eyes_enforced IS NOT NULL) THEN
        SIGNAL SQLSTATE '45000'
            SET MESSAGE_TEXT = 'privacy-desk: a new plan is a draft without an approval';
    END IF;
END
""",
    """
CREATE TRIGGER erasure_plans_guard_update BEFORE UPDATE ON erasure_plans FOR EACH ROW
BEGIN
    IF @OFFICER@ AND NOT EXISTS (
            SELECT 1 FROM guard_tokens WHERE plan_id = OLD.id
            AND connection_id = CONNECTION_ID()) THEN
        IF NOT (NEW.created_by <=> OLD.created_by)
           OR NOT (NEW.created_db_login <=> OLD.created_db_login) THEN
            SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'privacy-desk: a plan keeps its author';
        END IF;
        IF (NOT (NEW.approved_by <=> OLD.approved_by) AND NEW.approved_by IS NOT NULL)
           OR (NOT (NEW.approved_sha256 <=> OLD.approved_sha256)
               AND NEW.approved_sha256 IS NOT NULL)
           OR (NOT (NEW.approved_at <=> OLD.approved_at) AND NEW.approved_at IS NOT NULL)
           OR (NOT (NEW.approved_db_login <=> OLD.approved_db_login)
               AND NEW.approved_db_login IS NOT NULL)
           OR (NOT (NEW.four_eyes_enforced <=> OLD.four_eyes_enforced)
               AND NEW.four_eyes_enforced IS NOT NULL) THEN
            SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT =
                'privacy-desk: a plan is approved only through privacy_desk_approve_plan';
        END IF;
        IF NEW.approved_sha256 IS NOT NULL AND (NOT (NEW.plan_sha256 <=> OLD.plan_sha256)
                                                OR NOT (NEW.plan_json <=> OLD.plan_json)) THEN
            SIGNAL SQLSTATE '45000'
                SET MESSAGE_TEXT = 'privacy-desk: a changed plan loses its approval';
        END IF;
        IF NOT (NEW.state <=> OLD.state) AND NOT (
            (NEW.state = 'superseded'
         AND OLD.state IN ('draft', 'approved', 'not executed', 'changed'))
            OR (NEW.state = 'draft' AND OLD.state IN ('approved', 'not executed')
                AND NEW.approved_sha256 IS NULL)
            OR (NEW.state = 'approved' AND OLD.state IN ('started', 'unknown')
                AND NEW.approved_sha256 IS NOT NULL)
            OR (NEW.state = 'started' AND OLD.kind = 'erasure' AND OLD.state = 'approved'
                AND OLD.approved_sha256 = OLD.plan_sha256)
            OR (NEW.state = 'started' AND OLD.kind <> 'erasure'
                AND OLD.state IN ('draft', 'approved'))
            OR (NEW.state IN ('committed', 'not executed', 'unknown', 'changed')
                AND OLD.state IN ('started', 'unknown'))) THEN
            SIGNAL SQLSTATE '45000'
                SET MESSAGE_TEXT = 'privacy-desk: a plan may not change state this way';
        END IF;
    END IF;
END
""",
    """
CREATE TRIGGER erasure_executions_guard_insert BEFORE INSERT ON erasure_executions
FOR EACH ROW
BEGIN
    IF @OFFICER@ AND (NEW.state <> 'started' OR NOT EXISTS (
            SELECT 1 FROM erasure_plans WHERE id = NEW.plan_id AND state = 'started')) THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT =
            'privacy-desk: an execution is recorded only as started, for a started plan';
    END IF;
END
""",
    """
CREATE TRIGGER erasure_executions_guard_update BEFORE UPDATE ON erasure_executions
FOR EACH ROW
BEGIN
    IF @OFFICER@ AND ((NOT (NEW.state <=> OLD.state)
                       AND OLD.state NOT IN ('started', 'unknown'))
            OR NOT (NEW.plan_id <=> OLD.plan_id) OR NOT (NEW.case_id <=> OLD.case_id)) THEN
        SIGNAL SQLSTATE '45000'
            SET MESSAGE_TEXT = 'privacy-desk: an execution keeps its plan and its outcome';
    END IF;
END
""",
)


def _pg_upgrade() -> None:
    schema = op.get_bind().exec_driver_sql("SELECT current_schema()").scalar_one()
    op.execute(_PG_FUNCTIONS.replace("@SCHEMA@", '"' + str(schema).replace('"', '""') + '"'))
    for fn in PG_DEFINERS:
        op.execute(f"REVOKE ALL ON FUNCTION {fn} FROM PUBLIC")
    for table, columns in WHO_COLUMNS.items():
        args = ", ".join(f"'{c}'" for c in columns)
        op.execute(f"CREATE TRIGGER {table}_who_is_login BEFORE INSERT OR UPDATE ON {table} "
                   f"FOR EACH ROW EXECUTE FUNCTION privacy_desk_who_is_login({args})")
    op.execute("CREATE TRIGGER erasure_plans_guard BEFORE INSERT OR UPDATE ON erasure_plans "
               "FOR EACH ROW EXECUTE FUNCTION privacy_desk_plan_guard()")
    op.execute("CREATE TRIGGER erasure_executions_guard BEFORE INSERT OR UPDATE "
               "ON erasure_executions FOR EACH ROW "
               "EXECUTE FUNCTION privacy_desk_execution_guard()")


def _mariadb_upgrade() -> None:
    for statement in (*_MARIADB_PROCS, *_MARIADB_GUARDS):
        op.execute(statement.replace("@OFFICER@", _MARIADB_OFFICER))
    for table, columns in WHO_COLUMNS.items():
        for when in ("INSERT", "UPDATE"):
            # On UPDATE only a changed "who" is replaced (the author stays the author when
            # someone else approves), except updated_by, which is always the updater.
            sets = " ".join(
                f"SET NEW.{c} = IF(SUBSTRING_INDEX(USER(), '@', 1) = "
                f"SUBSTRING_INDEX(CURRENT_USER(), '@', 1)"
                + ("" if when == "INSERT" or c == "updated_by" else f" OR NEW.{c} <=> OLD.{c}")
                + f", NEW.{c}, privacy_desk_login());"
                for c in columns)
            op.execute(f"CREATE TRIGGER {table}_who_{when.lower()} BEFORE {when} ON {table} "
                       f"FOR EACH ROW BEGIN {sets} END")


def upgrade() -> None:
    op.create_table(
        "guard_tokens",
        sa.Column("plan_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("connection_id", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("plan_id", name=op.f("pk_guard_tokens")),
        mysql_charset="utf8mb4", mysql_collate="utf8mb4_unicode_ci",
    )
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        _pg_upgrade()
    elif dialect in ("mysql", "mariadb"):
        _mariadb_upgrade()


def downgrade() -> None:
    op.drop_table("guard_tokens")
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS erasure_executions_guard ON erasure_executions")
        op.execute("DROP TRIGGER IF EXISTS erasure_plans_guard ON erasure_plans")
        for table in WHO_COLUMNS:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_who_is_login ON {table}")
        for fn in _PG_DROP:
            op.execute(f"DROP FUNCTION IF EXISTS {fn}")
    elif dialect in ("mysql", "mariadb"):
        for table in WHO_COLUMNS:
            for when in ("insert", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_who_{when}")
        for table in ("erasure_plans", "erasure_executions"):
            for when in ("insert", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS {table}_guard_{when}")
        op.execute("DROP PROCEDURE IF EXISTS privacy_desk_approve_plan")
        op.execute("DROP PROCEDURE IF EXISTS privacy_desk_audit_append")
        op.execute("DROP FUNCTION IF EXISTS privacy_desk_login")
        op.execute("DROP FUNCTION IF EXISTS privacy_desk_field")
