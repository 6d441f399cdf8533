"""``privacy-desk case erasure ...``, ``case rectify``, ``case withdraw-consent``, ``holds ending``.

The same services as the erasure panel (:mod:`privacy_desk.services.erasure`,
:mod:`privacy_desk.services.rectify`). Uses the global ``--portal/--map`` (or ``--demo``) and
``--case-store``; the signed-in officer is your login name. Cases are named by number;
an erasure command works on the case's newest plan.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from privacy_desk.cli.common import parse_date
from privacy_desk.messages import msg

if TYPE_CHECKING:
    from privacy_desk.services.context import AppContext
    from privacy_desk.services.erasure import PlanView


def _case_actions(subparsers: Any) -> Any:
    case = subparsers.choices["case"]
    return next(a for a in case._actions if isinstance(a, argparse._SubParsersAction))


def register(subparsers: Any) -> None:
    """Add erasure, rectify and withdraw-consent to ``case``, and the ``holds`` group."""
    actions = _case_actions(subparsers)
    er = actions.add_parser(
        "erasure", help="erasure requests: plan, dry-run, decide, approve, execute, letter",
        description="Plan -> (decide) -> dry-run -> approve (a second officer) -> execute "
        "(one portal transaction, verified) -> letter. Uses the global --portal/--map or "
        "--demo.")
    sub = er.add_subparsers(dest="erasure_command", metavar="STEP", required=True)
    for name, helptext in (("plan", "make a new plan for the case's person"),
                           ("show", "show the case's newest plan, its decisions and outcome"),
                           ("dry-run", "list exactly the rows and fields that would change"),
                           ("approve", "approve the newest plan (approver, not its author)"),
                           ("execute", "carry out the approved plan in one transaction")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("case_number", metavar="CASE")
        p.add_argument("--today", type=parse_date, metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
        p.set_defaults(handler=run_erasure, step=name)
    p = sub.add_parser("decide", help="erase or retain a category, with a reason")
    p.add_argument("case_number", metavar="CASE")
    p.add_argument("--category", required=True)
    p.add_argument("--decision", required=True, choices=["erase", "retain"])
    p.add_argument("--reason", required=True)
    p.add_argument("--today", type=parse_date, metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    p.set_defaults(handler=run_erasure, step="decide")
    p = sub.add_parser("letter", help="write the confirmation letter (PDF) into a folder")
    p.add_argument("case_number", metavar="CASE")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--letter-lang", choices=["sv", "en"], default="sv",
                   help="language of the letter (default sv)")
    p.add_argument("--name", help="the person's name on the letter (default: the case's "
                   "label, unless that is an e-mail address)")
    p.add_argument("--address", action="append", default=[], metavar="LINE",
                   help="a line of the person's postal address (repeatable); the portal no "
                   "longer holds it after the erasure")
    p.add_argument("--today", type=parse_date, metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    p.set_defaults(handler=run_erasure, step="letter")

    p = actions.add_parser("rectify", help="correct one field of the person's data (art. 16)")
    p.add_argument("case_number", metavar="CASE")
    p.add_argument("--table", required=True)
    p.add_argument("--key", required=True, action="append", metavar="COLUMN=VALUE",
                   help="the row's primary key (repeat for composite keys); '-' reads one "
                   "COLUMN=VALUE line from standard input (each '-' in turn, before --value)")
    p.add_argument("--column", required=True)
    p.add_argument("--value", help="the corrected value; '-' reads it from standard input "
                   "(asked for on a terminal when left out)")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=run_rectify)

    p = actions.add_parser("withdraw-consent",
                           help="end newsletters and clear contact choices (art. 7(3), 21)")
    p.add_argument("case_number", metavar="CASE")
    p.add_argument("--today", type=parse_date, metavar="YYYY-MM-DD", help=argparse.SUPPRESS)
    p.set_defaults(handler=run_withdraw)

    holds = subparsers.add_parser("holds", help="retained data under legal holds")
    hs = holds.add_subparsers(dest="holds_command", metavar="ACTION", required=True)
    p = hs.add_parser("ending", help="list retained rows whose hold has ended (erase them "
                      "with 'case erasure plan')")
    p.add_argument("--today", type=parse_date, metavar="YYYY-MM-DD",
                   help="the day to compare with (default: today)")
    p.set_defaults(handler=run_holds)


def _context(args: argparse.Namespace) -> AppContext:
    from privacy_desk.paths import AppPaths
    from privacy_desk.services.context import open_context

    return open_context(AppPaths.default(args.base_dir), demo=args.demo, portal=args.portal,
                        case_store=args.case_store, datamap=args.datamap,
                        portal_write=args.portal_write, portal_profile=args.portal_profile,
                        case_store_profile=args.case_store_profile)


def _print_plan(view: PlanView) -> None:
    print(f"{view.case_number}: plan {view.id} ({view.kind}) is {view.state}; "
          f"sha256 {view.sha256[:16]}…; made by {view.created_by}"
          + (f", approved by {view.approved_by}" if view.approved_by else ""))
    for s in view.plan.summary():
        ends = f", held until {s.hold_ends[-1].isoformat()}" if s.hold_ends else ""
        print(f"  {s.category:<14} {s.table:<26} delete {s.deleted:>4}  anonymise "
              f"{s.updated:>4}  held {s.held:>4}  kept {s.kept:>4}{ends}")
    for cat, decision, reason, by in view.decisions:
        print(f"  decision: {cat} -> {decision} ({by}): {reason}")
    for ex in view.executions:
        print(f"  execution {ex.id}: {ex.state} by {ex.executed_by}"
              + (f", verified {'ok' if ex.verified else 'with problems'}"
                 if ex.verified is not None else "") + (f" — {ex.note}" if ex.note else ""))
    if view.four_eyes_notice:
        print(f"Note: {view.four_eyes_notice}", file=sys.stderr)


def run_erasure(args: argparse.Namespace) -> int:
    from privacy_desk.services.erasure import (
        ErasureRefused,
        approve_plan,
        create_plan,
        decide_category,
        dry_run,
        erasure_subject,
        execute,
        latest_plan,
        reconcile,
        write_letter,
    )
    from privacy_desk.services.queue import case_id_by_number

    ctx = _context(args)
    try:
        store, portal, dmap, who = ctx.case_store, ctx.portal, ctx.datamap, ctx.officer
        case_id = case_id_by_number(store, args.case_number)
        if args.step == "plan":
            found = erasure_subject(store, portal, dmap, case_id)
            if len(found.candidates) != 1:
                raise ErasureRefused(msg("{count} people in the portal match the case's "
                                         "identifiers; an erasure is for one person.",
                                         count=len(found.candidates)),
                                     msg("Plan it from the app, where you choose the person."))
            _print_plan(create_plan(store, portal, dmap, case_id, found.candidates[0],
                                    actor=who, today=args.today))
            return 0
        view = latest_plan(store, case_id)
        if view is None:
            raise ErasureRefused(msg("Case {case_number} has no erasure plan.",
                                     case_number=args.case_number),
                                 msg("Make one: privacy-desk case erasure plan CASE."))
        if args.step == "show":
            _print_plan(reconcile(store, portal, dmap, view.id))
        elif args.step == "decide":
            _print_plan(decide_category(store, portal, dmap, view.id, category=args.category,
                                        decision=args.decision, reason=args.reason,
                                        actor=who, today=args.today))
        elif args.step == "dry-run":
            lines = dry_run(store, portal, dmap, view.id, actor=who)
            for ln in lines:
                what = "DELETE row" if ln.column is None else \
                    f"SET {ln.column}: {ln.old!r} -> {ln.new!r}"
                print(f"{ln.table} {ln.key}: {what}")
            print(f"{len(lines)} change(s); nothing was changed", file=sys.stderr)
        elif args.step == "approve":
            _print_plan(approve_plan(store, view.id, expected_sha256=view.sha256, actor=who))
        elif args.step == "execute":
            result = execute(store, ctx.portal_writer, dmap, view.id, actor=who, today=args.today)
            _print_plan(result.view)
            if not result.verification.ok:
                print("Verification found: " + "; ".join(result.verification.problems),
                      file=sys.stderr)
                return 1
        elif args.step == "letter":
            from privacy_desk.services.organisation import require_organisation

            letter = write_letter(store, dmap, view.id, out_dir=args.out,
                                  lang=args.letter_lang, actor=who, today=args.today,
                                  organisation=require_organisation(ctx.paths),
                                  name=args.name, address=args.address,
                                  config_dir=ctx.paths.config_dir)
            print(f"{letter.path}  sha256 {letter.sha256}")
    finally:
        ctx.close()
    return 0


def run_rectify(args: argparse.Namespace) -> int:
    from privacy_desk.cli.personal_input import personal_value
    from privacy_desk.services.erasure import ErasureRefused, erasure_subject
    from privacy_desk.services.queue import case_id_by_number
    from privacy_desk.services.rectify import rectify

    key: dict[str, Any] = {}
    for given in args.key:
        item = personal_value(given, what="row key", option="--key")
        assert item is not None
        col, sep, value = item.partition("=")
        if not sep:
            raise ErasureRefused(msg("--key {item} is not COLUMN=VALUE.", item=repr(item)),
                                 msg("E.g. --key id=42."))
        key[col.strip()] = int(value) if value.strip().lstrip("-").isdigit() else value
    new_value = personal_value(args.value, what="corrected value", option="--value")
    ctx = _context(args)
    try:
        case_id = case_id_by_number(ctx.case_store, args.case_number)
        found = erasure_subject(ctx.case_store, ctx.portal, ctx.datamap, case_id)
        if len(found.candidates) != 1:
            raise ErasureRefused(msg("The case's identifiers do not name exactly one person."),
                                 msg("Rectify from the app, where you choose the person."))
        r = rectify(ctx.case_store, ctx.portal_writer, ctx.datamap, case_id, found.candidates[0],
                    table=args.table, key=key, column=args.column, new_value=new_value,
                    reason=args.reason, actor=ctx.officer)
    finally:
        ctx.close()
    print(f"{r.case_number}: {r.table}.{r.column} corrected. Tell these recipients (art. 19):")
    for title, recipients in r.recipients:
        print(f"  {title}: {recipients}")
    return 0


def run_withdraw(args: argparse.Namespace) -> int:
    from privacy_desk.services.erasure import ErasureRefused, erasure_subject
    from privacy_desk.services.queue import case_id_by_number
    from privacy_desk.services.rectify import withdraw_consent

    ctx = _context(args)
    try:
        case_id = case_id_by_number(ctx.case_store, args.case_number)
        found = erasure_subject(ctx.case_store, ctx.portal, ctx.datamap, case_id)
        if len(found.candidates) != 1:
            raise ErasureRefused(msg("The case's identifiers do not name exactly one person."),
                                 msg("Withdraw from the app, where you choose the person."))
        result = withdraw_consent(ctx.case_store, ctx.portal_writer, ctx.datamap, case_id,
                                  found.candidates[0], actor=ctx.officer, today=args.today)
    finally:
        ctx.close()
    _print_plan(result.view)
    return 0


def run_holds(args: argparse.Namespace) -> int:
    from privacy_desk.services.erasure import holds_ending

    ctx = _context(args)
    try:
        rows = holds_ending(ctx.case_store, today=args.today, actor=ctx.officer)
    finally:
        ctx.close()
    for h in rows:
        print(f"{h.case_number}  {h.ends_on.isoformat()}  {h.table:<20} {h.row_key}  {h.law}")
    print(f"{len(rows)} retained row(s) whose hold has ended", file=sys.stderr)
    return 0
