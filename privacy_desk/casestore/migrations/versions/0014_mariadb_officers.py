"""MariaDB: administrators manage officers with their own logins (as on PostgreSQL).

Migration 0007 gave PostgreSQL SECURITY DEFINER functions for adding and changing officers;
MariaDB had none, so there only the owner's connection could manage officers (an
administrator's own login is refused by the grants on ``officers`` and ``officer_roles``).
These DEFINER procedures do the same checks as PostgreSQL's functions: the caller is their
login (only the owner may name another), an active administrator; roles are officer,
approver or auditor; the store always keeps an active administrator. ``store secure`` grants
EXECUTE on them to the officers' role (re-run it after upgrading).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0014"
down_revision: str | Sequence[str] | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_CALLER = """
    DECLARE v_trusted BOOLEAN DEFAULT SUBSTRING_INDEX(USER(), '@', 1)
                                      = SUBSTRING_INDEX(CURRENT_USER(), '@', 1);
    DECLARE v_who VARCHAR(80);
    DECLARE v_rest VARCHAR(200);
    DECLARE v_role VARCHAR(20);
    DECLARE v_text TEXT;
    SET v_who = IF(v_trusted AND COALESCE(p_actor, '') <> '', p_actor,
                   SUBSTRING_INDEX(USER(), '@', 1));
"""

_REQUIRE_ADMIN = """
    IF NOT EXISTS (SELECT 1 FROM officers WHERE name = v_who AND admin AND active) THEN
        SET v_text = CONCAT('privacy-desk: ', v_who,
                            ' may not manage officers (only an administrator may)');
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = v_text;
    END IF;
"""

_ROLES_OK = """
    IF COALESCE(p_roles, '') <> ''
       AND CONCAT(',', p_roles, ',') NOT REGEXP '^(,(officer|approver|auditor))+,$' THEN
        SIGNAL SQLSTATE '22023' SET MESSAGE_TEXT = 'privacy-desk: unknown roles';
    END IF;
"""

_INSERT_ROLES = """
    SET v_rest = COALESCE(p_roles, '');
    WHILE v_rest <> '' DO
        SET v_role = SUBSTRING_INDEX(v_rest, ',', 1);
        SET v_rest = IF(LOCATE(',', v_rest) > 0, SUBSTRING(v_rest, LOCATE(',', v_rest) + 1), '');
        IF v_role <> '' THEN
            INSERT INTO officer_roles (officer, role) VALUES (p_name, v_role);
        END IF;
    END WHILE;
"""

_ADD = """
CREATE PROCEDURE privacy_desk_officer_add(IN p_actor VARCHAR(80), IN p_name VARCHAR(80),
                                          IN p_admin BOOLEAN, IN p_roles VARCHAR(200))
SQL SECURITY DEFINER
BEGIN
@CALLER@
    IF EXISTS (SELECT 1 FROM officers) OR NOT v_trusted THEN
@REQUIRE_ADMIN@
    END IF;
@ROLES_OK@
    IF COALESCE(p_roles, '') = '' THEN
        SIGNAL SQLSTATE '22023' SET MESSAGE_TEXT = 'privacy-desk: an officer needs a role';
    END IF;
    INSERT INTO officers (name, admin, active, added_at, added_by)
        VALUES (p_name, p_admin, TRUE, UTC_TIMESTAMP(), v_who);
@INSERT_ROLES@
END
"""

_SET = """
CREATE PROCEDURE privacy_desk_officer_set(IN p_actor VARCHAR(80), IN p_name VARCHAR(80),
                                          IN p_roles VARCHAR(200), IN p_admin BOOLEAN,
                                          IN p_active BOOLEAN)
SQL SECURITY DEFINER
BEGIN
    DECLARE v_admin BOOLEAN;
    DECLARE v_active BOOLEAN;
@CALLER@
@REQUIRE_ADMIN@
@ROLES_OK@
    SELECT admin, active INTO v_admin, v_active FROM officers WHERE name = p_name FOR UPDATE;
    IF v_admin IS NULL THEN
        SET v_text = CONCAT('privacy-desk: ', p_name, ' is not an officer');
        SIGNAL SQLSTATE '22023' SET MESSAGE_TEXT = v_text;
    END IF;
    IF NOT (COALESCE(p_admin, v_admin) AND COALESCE(p_active, v_active)) AND NOT EXISTS (
            SELECT 1 FROM officers WHERE admin AND active AND name <> p_name) THEN
        SIGNAL SQLSTATE '45000'
            SET MESSAGE_TEXT = 'privacy-desk: that would leave the store without an administrator';
    END IF;
    UPDATE officers SET admin = COALESCE(p_admin, admin), active = COALESCE(p_active, active)
        WHERE name = p_name;
    DELETE FROM officer_roles WHERE officer = p_name;
@INSERT_ROLES@
END
"""


def _filled(body: str) -> str:
    for mark, piece in (("@CALLER@", _CALLER), ("@REQUIRE_ADMIN@", _REQUIRE_ADMIN),
                        ("@ROLES_OK@", _ROLES_OK), ("@INSERT_ROLES@", _INSERT_ROLES)):
        body = body.replace(mark, piece)
    return body


def upgrade() -> None:
    if op.get_bind().dialect.name in ("mysql", "mariadb"):
        op.execute(_filled(_ADD))
        op.execute(_filled(_SET))


def downgrade() -> None:
    if op.get_bind().dialect.name in ("mysql", "mariadb"):
        op.execute("DROP PROCEDURE IF EXISTS privacy_desk_officer_set")
        op.execute("DROP PROCEDURE IF EXISTS privacy_desk_officer_add")
