"""Apply one planned restriction in a separate process (the kill test stops it mid-way).

Usage: python restriction_subprocess.py PORTAL_URL STORE_URL MAP RESTRICTION_ID
"""

from __future__ import annotations

import sys

from sqlalchemy.engine import make_url

from privacy_desk.casestore import open_case_store
from privacy_desk.datamap.loader import load_datamap
from privacy_desk.dburl import make_engine
from privacy_desk.errors import UserError
from privacy_desk.services.restriction import apply_restriction


def main() -> int:
    portal_url, store_url, map_file, restriction_id = sys.argv[1:5]
    portal = make_engine(make_url(portal_url))
    store = open_case_store(make_url(store_url), actor="anna")
    try:
        apply_restriction(store, portal, load_datamap(map_file), int(restriction_id),
                          actor="anna")
    except UserError as exc:
        print(f"privacy-desk: {exc.message}", file=sys.stderr)
        return exc.exit_code
    finally:
        store.close()
        portal.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
