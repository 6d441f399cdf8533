"""Run one approved erasure plan in a separate process (the kill tests stop it mid-way).

Usage: python erasure_subprocess.py PORTAL_URL STORE_URL MAP PLAN_ID TODAY
A UserError is printed as the CLI prints it (exit code 2), never as a traceback.
"""

from __future__ import annotations

import sys
from datetime import date

from sqlalchemy.engine import make_url

from privacy_desk.casestore import open_case_store
from privacy_desk.datamap.loader import load_datamap
from privacy_desk.dburl import make_engine
from privacy_desk.errors import UserError
from privacy_desk.services.erasure import execute


def main() -> int:
    portal_url, store_url, map_file, plan_id, today = sys.argv[1:6]
    portal = make_engine(make_url(portal_url))
    store = open_case_store(make_url(store_url), actor="anna")
    try:
        execute(store, portal, load_datamap(map_file), int(plan_id), actor="anna",
                today=date.fromisoformat(today))
    except UserError as exc:
        print(f"privacy-desk: {exc.message}", file=sys.stderr)
        return exc.exit_code
    finally:
        store.close()
        portal.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
