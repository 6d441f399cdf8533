"""A case id that is not in the store: every rights service says so the same way."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

from privacy_desk.casestore import CaseStore, open_case_store
from privacy_desk.messages import set_language
from privacy_desk.services.access import list_exports, list_withheld
from privacy_desk.services.erasure import erasure_subject
from privacy_desk.services.objection import STOP, decide_balancing
from privacy_desk.services.portability import record_transfer
from privacy_desk.services.queue import CaseNotFound
from privacy_desk.services.roles import sign_in

MISSING = 4711


@pytest.fixture
def store(sqlite_url: URL, tmp_path: Path) -> Iterator[CaseStore]:
    s = open_case_store(sqlite_url, backup_dir=tmp_path / "backups", actor="anna")
    sign_in(s, "anna")  # the first to sign in is the administrator and an officer
    yield s
    s.close()


CALLS: dict[str, Callable[[CaseStore], object]] = {
    "access exports": lambda s: list_exports(s, MISSING),
    "access withheld": lambda s: list_withheld(s, MISSING),
    # the case is read before the portal is asked anything
    "erasure subject": lambda s: erasure_subject(s, None, None, MISSING),  # type: ignore[arg-type]
    "objection decision": lambda s: decide_balancing(s, MISSING, outcome=STOP,
                                                     reason="Ingen grund väger tyngre.",
                                                     follow_up="erasure"),
    "portability transfer": lambda s: record_transfer(s, MISSING, recipient="Annan AB",
                                                      channel="SFTP"),
}


@pytest.mark.parametrize("call", CALLS.values(), ids=CALLS.keys())
def test_a_missing_case_is_reported_with_one_message(store: CaseStore,
                                                     call: Callable[[CaseStore], object]) -> None:
    with pytest.raises(CaseNotFound) as err:
        call(store)
    assert err.value.message == f"Case {MISSING} is not in the case store."
    assert err.value.hint == "Refresh the queue; it may have been removed."
    set_language("sv")  # one wording in Swedish too (they had three between them)
    assert err.value.message == f"Ärende {MISSING} finns inte i ärendedatabasen."
