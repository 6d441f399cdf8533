"""The start-up check of outcomes: nothing recorded that did not happen, nothing that
happened left unrecorded.

Run when the desk starts (the app's first queue load, ``privacy-desk store check``):

- erasure executions whose outcome is not known (a desk died mid-way, or its connection
  broke at COMMIT) are compared with the portal (:func:`~privacy_desk.services.erasure.
  reconcile_pending`), when a portal is connected;
- exports left 'pending' (files being put in place when the desk died or lost the case
  store) are settled (:func:`~privacy_desk.services.access.check_exports`): complete files
  are recorded, none means none written, a part is reported.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from privacy_desk.casestore.erasure_models import ErasurePlanRecord
from privacy_desk.casestore.store import CaseStore
from privacy_desk.datamap.model import DataMap
from privacy_desk.services.access import ExportCheck, check_exports
from privacy_desk.services.erasure import UNSETTLED, PlanView, reconcile_pending


@dataclass(frozen=True)
class StartReport:
    """What the start-up check settled and what it could not."""

    erasures: tuple[PlanView, ...]
    exports: tuple[ExportCheck, ...]
    #: erasure plans whose outcome is still not known (no portal, or not reachable)
    unsettled: int

    def lines(self) -> list[str]:
        out = [f"Case {v.case_number}: erasure plan {v.id} is now '{v.state}'"
               + (f" — {v.executions[-1].note}" if v.executions and v.executions[-1].note
                  else "")
               for v in self.erasures]
        out += [c.describe() for c in self.exports]
        if self.unsettled:
            out.append(f"{self.unsettled} erasure plan(s) with an outcome not yet known: "
                       "connect to the portal to compare")
        return out


def start_checks(store: CaseStore, portal: Engine | None = None,
                 datamap: DataMap | None = None, *, actor: str | None = None) -> StartReport:
    """Settle what a desk that stopped mid-way left behind (see the module docstring)."""
    exports = tuple(check_exports(store, actor=actor))
    erasures: tuple[PlanView, ...] = ()
    if portal is not None and datamap is not None:
        erasures = tuple(reconcile_pending(store, portal, datamap))
    with store.sessions() as session:
        left = int(session.scalar(select(func.count()).select_from(ErasurePlanRecord)
                                  .where(ErasurePlanRecord.state.in_(UNSETTLED))) or 0)
    return StartReport(erasures, exports, left)
