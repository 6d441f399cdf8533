"""``privacy-desk case ...``: the request queue from the command line.

The same service functions the queue window calls, one per subcommand, so a script or a
colleague without the GUI follows exactly the same rules (identity gating, deadlines,
the allowance, claims). Cases are named by their number (PD-2026-00001). ``list`` and
``history`` can print JSON for scripts; messages go to stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from privacy_desk.cli.common import open_signed_in, parse_date

if TYPE_CHECKING:
    from privacy_desk.services.context import CaseStore


def register(subparsers: Any) -> None:
    """Add ``case`` and its actions to the top-level parser."""
    case = subparsers.add_parser("case", help="work with the request queue (cases)")
    sub = case.add_subparsers(dest="case_command", metavar="ACTION", required=True)

    p = sub.add_parser("list", help="list the queue, most urgent first")
    p.add_argument("--status", action="append", metavar="STATUS",
                   help="only cases in STATUS (repeatable); 'open' for every open status")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=run_list)

    p = sub.add_parser("import", help="import new requests from the portal (idempotent)",
                       description="Uses the global --portal/--map (or --demo).")
    p.set_defaults(handler=run_import)

    p = sub.add_parser("register", help="register a request that came by letter, e-mail, "
                       "phone or in person")
    p.add_argument("--type", required=True, dest="request_type",
                   help="access, rectification, erasure, restriction, portability, objection, "
                   "consent_withdrawal")
    p.add_argument("--channel", default="paper",
                   help="paper (default), email, phone or in_person")
    p.add_argument("--taken-by", metavar="NAME",
                   help="who took a request by phone or in person (required for those)")
    p.add_argument("--received", required=True, type=parse_date, metavar="YYYY-MM-DD",
                   help="the day the request reached the company (postmark, e-mail date)")
    p.add_argument("--person", metavar="NAME",
                   help="the name to show in the queue; '-' reads it from the first line of "
                   "standard input (asked for on a terminal when left out)")
    p.add_argument("--id", action="append", default=[], dest="identifiers",
                   metavar="[KIND=]VALUE", help="an identifier the request gives (repeatable); "
                   "'-' reads them from standard input, one a line (after --person's line)")
    p.add_argument("--attach", action="append", default=[], metavar="FILE",
                   help="a scan to keep with the case: PDF, PNG or JPEG (repeatable)")
    p.add_argument("--note", help="a note for the case's first event")
    p.set_defaults(handler=run_register)

    for name, helptext in (("claim", "take an unassigned case"),
                           ("release", "give back a case you hold")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("case_number", metavar="CASE")
        p.add_argument("--officer", help="who (default: your login name)")
        p.set_defaults(handler=run_claim if name == "claim" else run_release)

    p = sub.add_parser("verify", help="record how the person's identity was verified")
    p.add_argument("case_number", metavar="CASE")
    p.add_argument("--method", required=True,
                   help="signed_letter, id_document, e_id, min_sida_login")
    p.add_argument("--evidence", help="what was checked; '-' reads it from standard input "
                   "(asked for on a terminal when left out)")
    p.add_argument("--on", type=parse_date, metavar="YYYY-MM-DD", help="when (default: today)")
    p.set_defaults(handler=run_verify)

    p = sub.add_parser("transition", help="move a case to another status")
    p.add_argument("case_number", metavar="CASE")
    p.add_argument("status", metavar="STATUS")
    p.add_argument("--reason", help="why (required to reject, extend or withdraw)")
    p.set_defaults(handler=run_transition)

    p = sub.add_parser("extend", help="extend the deadline by two further months")
    p.add_argument("case_number", metavar="CASE")
    p.add_argument("--reason", required=True)
    p.add_argument("--told-on", type=parse_date, metavar="YYYY-MM-DD",
                   help="the day the person was told of the extension (default: today; "
                   "`case letter extension` writes the notice and extends in one step)")
    p.add_argument("--told-how", metavar="TEXT",
                   help="how and where the telling is documented (required for a day "
                   "before today: no back-dating on one's word alone)")
    p.set_defaults(handler=run_extend)

    p = sub.add_parser(
        "decide", help="record the decision on an extract beyond the allowance",
        description="The first copy is always free. A reasonable fee based on administrative "
        "cost may be charged only for further copies, or for a request that is manifestly "
        "unfounded or excessive; a refusal only for the latter. The company bears the burden "
        "of proof: write a reason a reviewer can follow. A fee above the maximum setting "
        "(queue.max_fee_sek in settings.json, default 500) is refused.")
    p.add_argument("case_number", metavar="CASE")
    p.add_argument("--kind", required=True,
                   help="free_anyway, fee (further copy or manifestly unfounded/excessive) or "
                   "refused (manifestly unfounded or excessive only)")
    p.add_argument("--reason", required=True, help="why, for a reviewer: the burden of proof "
                   "is the company's")
    p.add_argument("--fee", help="the fee in kronor (with --kind fee): administrative cost")
    p.set_defaults(handler=run_decide)

    from privacy_desk.cli import letters  # the letters of a case (issue 13)

    letters.register(sub)

    p = sub.add_parser("history", help="the person's requests and this one's allowance")
    p.add_argument("case_number", metavar="CASE")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=run_history)


def _open(args: argparse.Namespace) -> CaseStore:
    """The case store the app would use, signed in as the OS user (see cli/common.py)."""
    return open_signed_in(args)[0]


def _id(store: CaseStore, number: str) -> int:
    from privacy_desk.services.queue import case_id_by_number

    return case_id_by_number(store, number)


def _version(store: CaseStore, case_id: int) -> int:
    from privacy_desk.services.queue import case_detail

    return case_detail(store, case_id).version


def _done(what: str, number: str, status: str) -> int:
    print(f"{number}: {what} (now {status})")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from privacy_desk.domain.lifecycle import OPEN_STATUSES, CaseStatus
    from privacy_desk.services.queue import list_queue

    statuses: set[CaseStatus] | None = None
    for text in args.status or []:
        statuses = statuses or set()
        if text.strip().lower() == "open":
            statuses |= OPEN_STATUSES
        else:
            statuses.add(CaseStatus.parse(text))
    store = _open(args)
    try:
        rows = list_queue(store, statuses=statuses)
    finally:
        store.close()
    if args.json:
        json.dump([{"case": r.case_number, "type": r.request_type.value,
                    "status": r.status.value, "received_on": r.received_on.isoformat(),
                    "due_on": r.due_on.isoformat(), "person": r.person_label,
                    "assignee": r.assignee} for r in rows], sys.stdout, ensure_ascii=False,
                  indent=1)
        print()
        return 0
    for r in rows:
        print(f"{r.case_number}  {r.due_on.isoformat()}  {r.status.value:<17} "
              f"{r.request_type.value:<18} {r.assignee or '-':<12} {r.person_label}")
    print(f"{len(rows)} case(s)", file=sys.stderr)
    return 0


def run_import(args: argparse.Namespace) -> int:
    from privacy_desk.cli.common import ask_password_on_terminal
    from privacy_desk.paths import AppPaths
    from privacy_desk.services.context import open_context

    ctx = open_context(AppPaths.default(args.base_dir), demo=args.demo, portal=args.portal,
                       case_store=args.case_store, datamap=args.datamap,
                       portal_profile=args.portal_profile,
                       case_store_profile=args.case_store_profile,
                       ask_password=ask_password_on_terminal)
    try:
        result = ctx.import_requests()
    finally:
        ctx.close()
    print(f"{result.imported} imported, {result.already_known} already known, "
          f"{result.skipped} skipped")
    return 0


def run_register(args: argparse.Namespace) -> int:
    from privacy_desk.cli.personal_input import personal_value, personal_values
    from privacy_desk.domain.requests import Channel, RequestType
    from privacy_desk.services.attachments import read_attachment
    from privacy_desk.services.cases import register_case

    person = personal_value(args.person, what="name", option="--person")
    identifiers: list[tuple[str | None, str]] = []
    for item in personal_values(args.identifiers, what="identifier", option="--id"):
        kind, sep, value = item.partition("=")
        identifiers.append((kind.strip(), value) if sep else (None, item))
    files = [read_attachment(f) for f in args.attach]
    store = _open(args)
    try:
        d = register_case(store, request_type=RequestType.parse(args.request_type),
                          channel=Channel.parse(args.channel), received_on=args.received,
                          person_label=person or "", identifiers=identifiers,
                          attachments=files, note=args.note, taken_by=args.taken_by)
    finally:
        store.close()
    print(f"{d.case_number}: registered, due {d.due_on.isoformat()}")
    return 0


def run_claim(args: argparse.Namespace) -> int:
    from privacy_desk.services.casework import claim_case

    store = _open(args)
    try:
        result = claim_case(store, _id(store, args.case_number), officer=args.officer)
    finally:
        store.close()
    d = result.detail
    print(f"{d.case_number}: {'already yours' if result.already_yours else 'claimed'} "
          f"({d.assignee})")
    return 0


def run_release(args: argparse.Namespace) -> int:
    from privacy_desk.services.casework import release_case

    store = _open(args)
    try:
        d = release_case(store, _id(store, args.case_number), officer=args.officer)
    finally:
        store.close()
    return _done("released", d.case_number, d.status.value)


def run_verify(args: argparse.Namespace) -> int:
    from privacy_desk.cli.personal_input import personal_value
    from privacy_desk.services.casework import verify_identity

    evidence = personal_value(args.evidence, what="evidence", option="--evidence")
    store = _open(args)
    try:
        cid = _id(store, args.case_number)
        d = verify_identity(store, cid, method=args.method, evidence=evidence or "",
                            verified_on=args.on, expected_version=_version(store, cid))
    finally:
        store.close()
    return _done("identity verified", d.case_number, d.status.value)


def run_transition(args: argparse.Namespace) -> int:
    from privacy_desk.domain.lifecycle import CaseStatus
    from privacy_desk.services.cases import transition_case

    target = CaseStatus.parse(args.status)
    store = _open(args)
    try:
        cid = _id(store, args.case_number)
        d = transition_case(store, cid, target, actor=store.actor, reason=args.reason,
                            expected_version=_version(store, cid))
    finally:
        store.close()
    return _done("status changed", d.case_number, d.status.value)


def run_extend(args: argparse.Namespace) -> int:
    from privacy_desk.clock import stockholm_today
    from privacy_desk.services.casework import extend_case

    store = _open(args)
    try:
        cid = _id(store, args.case_number)
        d = extend_case(store, cid, reason=args.reason,
                        told_on=args.told_on or stockholm_today(), told_how=args.told_how,
                        expected_version=_version(store, cid))
    finally:
        store.close()
    due = d.extended_due_on.isoformat() if d.extended_due_on else "?"
    return _done(f"extended, due {due}", d.case_number, d.status.value)


def run_decide(args: argparse.Namespace) -> int:
    from privacy_desk.domain.allowance import AllowanceDecision, DecisionKind
    from privacy_desk.services.casework import record_allowance_decision

    decision = AllowanceDecision(DecisionKind.parse(args.kind), args.reason,
                                 args.fee)
    store = _open(args)
    try:
        cid = _id(store, args.case_number)
        d = record_allowance_decision(store, cid, decision,
                                      expected_version=_version(store, cid))
    finally:
        store.close()
    return _done(f"decision recorded ({decision.kind.value})", d.case_number, d.status.value)


def run_history(args: argparse.Namespace) -> int:
    from privacy_desk.services.queue import allowance_status, person_history

    store = _open(args)
    try:
        cid = _id(store, args.case_number)
        history = person_history(store, cid, actor=store.actor)
        allowance = allowance_status(store, cid)
    finally:
        store.close()
    entries = [{"case": e.case_number, "type": e.request_type.value, "status": e.status.value,
                "received_on": e.received_on.isoformat(),
                "decision": e.decision.value if e.decision else None,
                "fee_sek": str(e.fee_sek) if e.fee_sek is not None else None,
                "counts_as_extract": e.counts_as_extract} for e in history.entries]
    summary: dict[str, Any] = {"matched_on": list(history.matched_on), "requests": entries,
               "minimised_unmatched": history.minimised_unmatched,
               "allowance": {"applies": allowance.applies, "period": allowance.period.value,
                             "period_start": allowance.period_start.isoformat(),
                             "extracts_in_period": allowance.extracts_in_period,
                             "free": allowance.free,
                             "needs_decision": allowance.needs_decision}}
    if args.json:
        json.dump(summary, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for e in entries:
        print(f"{e['case']}  {e['received_on']}  {e['type']:<18} {e['status']:<17} "
              f"{e['decision'] or ''}")
    a = summary["allowance"]
    if allowance.applies:
        state = ("free" if allowance.free else
                 "decision needed" if allowance.needs_decision else "decided")
        print(f"Allowance ({a['period']} from {a['period_start']}): "
              f"{a['extracts_in_period']} earlier extract(s); {state}")
    if history.minimised_unmatched:
        print("Note: this desk holds no minimisation key, so the person's minimised cases "
              "cannot be matched and may be missing; an administrator imports it with "
              "'privacy-desk store key import'.")
    return 0
