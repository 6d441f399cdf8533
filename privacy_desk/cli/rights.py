"""``privacy-desk case portability|restriction|objection ...`` and ``restrictions active``.

The same services as the portability, restriction and objection panels
(:mod:`privacy_desk.services.portability`, :mod:`~privacy_desk.services.restriction`,
:mod:`~privacy_desk.services.objection`). Uses the global ``--portal/--map`` (or ``--demo``)
and ``--case-store``; cases are named by number; a restriction command works on the
case's newest restriction. A case whose identifiers name several people is worked from
the app, where the officer chooses the person.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from privacy_desk.cli.common import parse_date, secret_from_stdin
from privacy_desk.cli.erasure import _case_actions, _context

if TYPE_CHECKING:
    from privacy_desk.services.context import AppContext
    from privacy_desk.services.person_search import Candidate
    from privacy_desk.services.restriction import RestrictionView


def register(subparsers: Any) -> None:
    """Add portability, restriction and objection to ``case``; the ``restrictions`` group."""
    actions = _case_actions(subparsers)
    po = actions.add_parser("portability", help="portability requests (art. 20): preview, "
                            "export, transfer")
    sub = po.add_subparsers(dest="portability_command", metavar="STEP", required=True)
    p = sub.add_parser("preview", help="what goes into the copy and what is left out, why")
    p.add_argument("case_number", metavar="CASE")
    p.set_defaults(handler=run_portability, step="preview")
    p = sub.add_parser("export", help="write the cover letter and the JSON/CSV copy")
    p.add_argument("case_number", metavar="CASE")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--letter-lang", choices=["sv", "en"], default="sv")
    p.add_argument("--password-stdin", action="store_true",
                   help="encrypt the zip (AES-256) with the first line of standard input")
    p.set_defaults(handler=run_portability, step="export")
    p = sub.add_parser("transfer", help="record that the copy was sent to another controller")
    p.add_argument("case_number", metavar="CASE")
    p.add_argument("--to", required=True, dest="recipient", help="the receiving controller")
    p.add_argument("--channel", required=True, help="how it was sent (SFTP, registered mail)")
    p.add_argument("--sent-on", type=parse_date, metavar="YYYY-MM-DD")
    p.set_defaults(handler=run_portability, step="transfer")

    re_ = actions.add_parser("restriction", help="restriction requests (art. 18): plan, "
                             "dry-run, apply, letter, notice, lift")
    sub = re_.add_subparsers(dest="restriction_command", metavar="STEP", required=True)
    p = sub.add_parser("plan", help="plan a restriction of the case's person")
    p.add_argument("case_number", metavar="CASE")
    p.add_argument("--ground", required=True, choices=["accuracy_contested", "unlawful",
                                                       "legal_claims", "objection_pending"])
    p.add_argument("--reason", required=True)
    p.add_argument("--category", action="append", default=[],
                   help="restrict only this category (repeat; default: all)")
    p.add_argument("--review-on", type=parse_date, metavar="YYYY-MM-DD",
                   help="when to look at the restriction again")
    p.set_defaults(handler=run_restriction, step="plan")
    for name, helptext in (("show", "show the case's newest restriction"),
                           ("dry-run", "list exactly what applying would write"),
                           ("apply", "write the markers in one portal transaction"),
                           ("lift", "lift the restriction (after the notice)")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("case_number", metavar="CASE")
        p.set_defaults(handler=run_restriction, step=name)
    for name, helptext in (("letter", "write the confirmation letter"),
                           ("notice", "write the notice before lifting (art. 18(3))")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("case_number", metavar="CASE")
        p.add_argument("--out", required=True, metavar="DIR")
        p.add_argument("--letter-lang", choices=["sv", "en"], default="sv")
        if name == "notice":
            p.add_argument("--reason", required=True, help="why it is lifted")
        p.set_defaults(handler=run_restriction, step=name)

    ob = actions.add_parser("objection", help="objections (art. 21): stop marketing, "
                            "balancing decision, letter")
    sub = ob.add_subparsers(dest="objection_command", metavar="STEP", required=True)
    p = sub.add_parser("stop-marketing", help="close every marketing channel of the map")
    p.add_argument("case_number", metavar="CASE")
    p.set_defaults(handler=run_objection, step="stop-marketing")
    p = sub.add_parser("decide", help="record the balancing test (legitimate interest)")
    p.add_argument("case_number", metavar="CASE")
    p.add_argument("--outcome", required=True, choices=["compelling_grounds", "stop"])
    p.add_argument("--then", dest="follow_up", choices=["erasure", "restriction"],
                   help="what follows a 'stop' (then plan it with 'case erasure plan' or "
                   "'case restriction plan')")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=run_objection, step="decide")
    p = sub.add_parser("letter", help="write the objection confirmation")
    p.add_argument("case_number", metavar="CASE")
    p.add_argument("--out", required=True, metavar="DIR")
    p.add_argument("--letter-lang", choices=["sv", "en"], default="sv")
    p.set_defaults(handler=run_objection, step="letter")

    rs = subparsers.add_parser("restrictions", help="restrictions of processing in force")
    rsub = rs.add_subparsers(dest="restrictions_command", metavar="ACTION", required=True)
    p = rsub.add_parser("active", help="list every active restriction, soonest review first")
    p.set_defaults(handler=run_active)


def _letters(ctx: AppContext) -> dict[str, Any]:
    """The organisation letters are written in (refused when none is set) and the folder
    of the company's own letter templates."""
    from privacy_desk.services.organisation import require_organisation

    return {"organisation": require_organisation(ctx.paths), "config_dir": ctx.paths.config_dir}


def _one_person(ctx: AppContext, case_id: int) -> Candidate:
    from privacy_desk.errors import UserError
    from privacy_desk.messages import msg
    from privacy_desk.services.erasure import erasure_subject

    found = erasure_subject(ctx.case_store, ctx.portal, ctx.datamap, case_id)
    if len(found.candidates) != 1:
        raise UserError(msg("The case's identifiers do not name exactly one person."),
                        msg("Work on the case from the app, where you choose the person."))
    return found.candidates[0]


def run_portability(args: argparse.Namespace) -> int:
    from privacy_desk.services.portability import (
        export_portability,
        portability_preview,
        record_transfer,
    )
    from privacy_desk.services.queue import case_id_by_number

    password = None
    if getattr(args, "password_stdin", False):
        password = secret_from_stdin() or None
    ctx = _context(args)
    try:
        case_id = case_id_by_number(ctx.case_store, args.case_number)
        if args.step == "transfer":
            t = record_transfer(ctx.case_store, case_id, recipient=args.recipient,
                                channel=args.channel, sent_on=args.sent_on, actor=ctx.officer)
            print(f"{args.case_number}: transfer {t.id} recorded: sent to {t.recipient} by "
                  f"{t.channel} on {t.sent_on.isoformat()} (copy sha256 {t.file_sha256})")
            return 0
        cand = _one_person(ctx, case_id)
        if args.step == "preview":
            pv = portability_preview(ctx.case_store, ctx.portal, ctx.datamap, case_id, cand,
                                     actor=ctx.officer)
            for table, cols in pv.included.items():
                print(f"include {table:<26} {pv.rows.get(table, 0):>5} row(s): "
                      + ", ".join(cols))
            for reason, tables in pv.left_out.items():
                for table, cols in tables.items():
                    print(f"leave out ({reason.value}) {table}: {', '.join(cols)}")
            return 0
        result = export_portability(ctx.case_store, ctx.portal, ctx.datamap, case_id, cand,
                                    out_dir=args.out, lang=args.letter_lang,
                                    password=password, actor=ctx.officer, **_letters(ctx))
    finally:
        ctx.close()
    for f in result.files:
        print(f"{f.path}  sha256 {f.sha256}")
    return 0


def _print_restriction(view: RestrictionView) -> None:
    print(f"{view.case_number}: restriction {view.id} is {view.state} "
          f"({view.ground.value}, art. {view.ground.article}); made by {view.created_by}"
          + (f"; review on {view.review_on.isoformat()}" if view.review_on else ""))
    for r in view.plan.rows:
        fields = "whole row" if r.whole_row else ", ".join(r.fields)
        print(f"  {r.table:<26} {r.key_json():<24} {r.mechanism.value:<9} {fields}")
    if view.plan.systems_to_tell:
        print("  tell: " + ", ".join(view.plan.systems_to_tell))
    if view.notice_file:
        print(f"  notice before lifting: {view.notice_file}")
    if view.note:
        print(f"  note: {view.note}")


def run_restriction(args: argparse.Namespace) -> int:
    from privacy_desk.errors import UserError
    from privacy_desk.messages import msg
    from privacy_desk.services.queue import case_id_by_number
    from privacy_desk.services.restriction import (
        apply_restriction,
        case_restrictions,
        lift,
        plan_restriction,
        reconcile_restriction,
        restriction_dry_run,
        write_confirmation,
        write_lift_notice,
    )

    ctx = _context(args)
    try:
        store, who = ctx.case_store, ctx.officer
        case_id = case_id_by_number(store, args.case_number)
        if args.step == "plan":
            _print_restriction(plan_restriction(
                store, ctx.portal, ctx.datamap, case_id, _one_person(ctx, case_id),
                ground=args.ground, reason=args.reason, categories=tuple(args.category),
                review_on=args.review_on, actor=who))
            return 0
        views = case_restrictions(store, case_id)
        if not views:
            raise UserError(msg("Case {case} has no restriction.", case=args.case_number),
                            msg("Make one: privacy-desk case restriction plan CASE."))
        view = views[0]
        if args.step == "show":
            _print_restriction(reconcile_restriction(store, ctx.portal, ctx.datamap, view.id))
        elif args.step == "dry-run":
            lines = restriction_dry_run(store, view.id, actor=who)
            for ln in lines:
                print(f"{ln.table} {ln.key}: {ln.marker}")
            print(f"{len(lines)} row(s); nothing was changed", file=sys.stderr)
        elif args.step == "apply":
            done = apply_restriction(store, ctx.portal_writer, ctx.datamap, view.id, actor=who)
            _print_restriction(done)
            return 0 if done.verified else 1
        elif args.step == "lift":
            _print_restriction(lift(store, ctx.portal_writer, ctx.datamap, view.id, actor=who))
        elif args.step == "letter":
            letter = write_confirmation(store, ctx.datamap, view.id, out_dir=args.out,
                                        lang=args.letter_lang, actor=who, portal=ctx.portal,
                                        **_letters(ctx))
            print(f"{letter.path}  sha256 {letter.sha256}")
        elif args.step == "notice":
            letter = write_lift_notice(store, ctx.datamap, view.id, reason=args.reason,
                                       out_dir=args.out, lang=args.letter_lang, actor=who,
                                       portal=ctx.portal, **_letters(ctx))
            print(f"{letter.path}  sha256 {letter.sha256}")
    finally:
        ctx.close()
    return 0


def run_objection(args: argparse.Namespace) -> int:
    from privacy_desk.services.objection import (
        decide_balancing,
        stop_marketing,
        write_confirmation,
    )
    from privacy_desk.services.queue import case_id_by_number

    ctx = _context(args)
    try:
        store, who = ctx.case_store, ctx.officer
        case_id = case_id_by_number(store, args.case_number)
        if args.step == "stop-marketing":
            done = stop_marketing(store, ctx.portal_writer, ctx.datamap, case_id,
                                  _one_person(ctx, case_id), actor=who, lang="en")
            for name, (title, rows) in done.channels.items():
                print(f"  {name:<12} {title:<30} {rows} row(s) changed")
            if not done.verified:
                print("Still open: " + ", ".join(done.still_open), file=sys.stderr)
                return 1
            print(f"{args.case_number}: every marketing channel is closed for the person")
        elif args.step == "decide":
            d = decide_balancing(store, case_id, outcome=args.outcome, reason=args.reason,
                                 follow_up=args.follow_up, actor=who)
            print(f"{args.case_number}: balancing decision {d.id}: {d.outcome}"
                  + (f", then {args.follow_up}" if args.follow_up else ""))
        else:
            letter = write_confirmation(store, ctx.datamap, case_id, out_dir=args.out,
                                        lang=args.letter_lang, actor=who, portal=ctx.portal,
                                        **_letters(ctx))
            print(f"{letter.path}  sha256 {letter.sha256}")
    finally:
        ctx.close()
    return 0


def run_active(args: argparse.Namespace) -> int:
    from privacy_desk.services.restriction import active_restrictions

    ctx = _context(args)
    try:
        rows = active_restrictions(ctx.case_store, actor=ctx.officer)
    finally:
        ctx.close()
    for a in rows:
        review = a.review_on.isoformat() if a.review_on else "-"
        print(f"{a.case_number}  {a.ground.value:<20} since {a.since:%Y-%m-%d}  review "
              f"{review:<10}  {a.rows:>4} row(s)"
              + ("  notice written" if a.notice_written else ""))
    print(f"{len(rows)} active restriction(s)", file=sys.stderr)
    return 0
