"""``privacy-desk store``: the case store's own housekeeping (check, minimise)."""

from __future__ import annotations

import argparse
from typing import Any

from privacy_desk.cli.common import open_signed_in


def register(subparsers: Any) -> None:
    st = subparsers.add_parser("store", help="the case store's housekeeping: check, minimise")
    s_sub = st.add_subparsers(dest="store_command", metavar="ACTION", required=True)
    check = s_sub.add_parser(
        "check", help="settle what a desk that stopped mid-way left behind",
        description="Exports whose files were being put in place when a desk stopped: "
        "complete files are recorded on the case, missing ones reported. With the global "
        "--portal/--map (or --demo), erasures whose outcome is not known are compared with "
        "the portal and recorded as committed, not executed or changed.")
    check.set_defaults(handler=run_check)
    register_minimise(s_sub)


def register_minimise(s_sub: Any) -> None:
    """Filled in by the minimisation command (below)."""


def run_check(args: argparse.Namespace) -> int:
    from privacy_desk.services.outcomes import start_checks

    if args.portal or args.demo or args.portal_profile:
        from privacy_desk.cli.erasure import _context

        ctx = _context(args)
        try:
            report = start_checks(ctx.case_store, ctx.portal, ctx.datamap, actor=ctx.officer)
        finally:
            ctx.close()
    else:
        store, who = open_signed_in(args)
        try:
            report = start_checks(store, actor=who)
        finally:
            store.close()
    lines = report.lines()
    for line in lines:
        print(line)
    if not lines:
        print("Nothing left behind: every outcome is recorded.")
    return 0
