"""The one place the queue's services write to the audit trail.

The audit trail itself (``privacy_desk.casestore.audit.record_audit``, issue 7) is built
in parallel; until it exists this records nothing, and once it does every call site
below starts writing without a change. Details never hold personal data: ids, counts,
kinds only.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session


def _record_audit() -> Any:
    try:
        return importlib.import_module("privacy_desk.casestore.audit").record_audit
    except (ImportError, AttributeError):
        return None


def audit(session: Session, *, actor: str, action: str, case_id: int | None = None,
          details: Mapping[str, str | int] | None = None) -> None:
    """Record a sensitive action in the caller's transaction (when the audit trail exists)."""
    record = _record_audit()
    if record is not None:
        record(session, actor=actor, action=action, case_id=case_id, details=details)
