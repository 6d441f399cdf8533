"""``privacy-desk case letter KIND CASE`` and ``case letters CASE``: the letters of a case.

Registered from :mod:`privacy_desk.cli.case`. The letter is written in the organisation's
name (``privacy-desk organisation set`` first), from the case's recorded facts; options add
what the case store cannot know. ``--fact KEY=VALUE`` sets any other placeholder of a
company's own template (``facts.KEY``).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from privacy_desk.cli.common import app_paths, open_signed_in, parse_date

KINDS = ("acknowledgement", "identity_request", "fee_notice", "refusal", "extension",
         "rectification", "restriction", "objection", "recipient_notice")


def register(sub: Any) -> None:
    """Add ``letter`` and ``letters`` to the ``case`` subcommands."""
    p = sub.add_parser(
        "letter", help="write a letter of the case as PDF and record it on the case",
        description="Kinds: " + ", ".join(KINDS) + ". An extension notice extends the case "
        "as of today (the letter's date).")
    p.add_argument("kind", metavar="KIND", choices=KINDS)
    p.add_argument("case_number", metavar="CASE")
    p.add_argument("--lang", dest="letter_lang", choices=["sv", "en"], default="sv",
                   help="the letter's language (default sv)")
    p.add_argument("--out", default=".", metavar="DIR", help="folder for the PDF (default .)")
    p.add_argument("--address", action="append", default=[], metavar="LINE",
                   help="a line of the person's postal address (repeatable)")
    p.add_argument("--reason", help="reasons (refusal, extension, restriction, identity)")
    p.add_argument("--item", action="append", default=[], metavar="TEXT",
                   help="what was restricted (restriction) or stopped (objection); repeatable")
    p.add_argument("--kept", action="append", default=[], metavar="TEXT",
                   help="what continues, and why (objection); repeatable")
    p.add_argument("--ground", choices=["further_copy", "manifestly_unfounded"],
                   help="the fee's ground (fee_notice; default further_copy)")
    p.add_argument("--payment", help="how to pay (fee_notice)")
    p.add_argument("--pay-by", type=parse_date, metavar="YYYY-MM-DD", help="fee_notice")
    p.add_argument("--until", type=parse_date, metavar="YYYY-MM-DD", help="restriction")
    p.add_argument("--answer-by", type=parse_date, metavar="YYYY-MM-DD",
                   help="acknowledgement of a late case: the day the person will have the "
                        "answer (required when the case is already late)")
    p.add_argument("--action", choices=["rectification", "erasure", "restriction"],
                   help="what recipients are told of (recipient_notice)")
    p.add_argument("--recipient", action="append", default=[], metavar="KEY",
                   help="only this recipient of the data map (recipient_notice; repeatable)")
    p.add_argument("--category", action="append", default=[], metavar="NAME",
                   help="the data map categories concerned (recipient_notice, restriction)")
    p.add_argument("--reference", help="how the recipient knows the person, e.g. a customer "
                   "number (recipient_notice)")
    p.add_argument("--fact", action="append", default=[], metavar="KEY=VALUE",
                   help="any other placeholder of your own template (repeatable)")
    p.set_defaults(handler=run_letter)

    p = sub.add_parser("letters", help="the letters recorded on a case (who was told when)")
    p.add_argument("case_number", metavar="CASE")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=run_letters)


def _facts(args: argparse.Namespace) -> dict[str, Any]:
    from privacy_desk.errors import UserError

    facts: dict[str, Any] = {}
    for item in args.fact:
        key, sep, value = item.partition("=")
        if not sep or not key.strip().isidentifier():
            raise UserError(f"{item!r} is not KEY=VALUE.", "Write e.g. --fact phone=010-1.")
        facts[key.strip()] = value
    plain = {"reason": args.reason, "ground": args.ground, "payment": args.payment,
             "pay_by": args.pay_by, "until": args.until, "action": args.action,
             "answer_by": args.answer_by,
             "subject_reference": args.reference}
    facts.update({k: v for k, v in plain.items() if v is not None})
    if args.item:
        facts["what" if args.kind == "restriction" else "stopped"] = list(args.item)
    for key, values in (("kept", args.kept), ("recipients", args.recipient),
                        ("categories", args.category)):
        if values:
            facts[key] = list(values)
    return facts


def _portal_known(args: argparse.Namespace) -> bool:
    """A portal to look the person's address (or, for a notice to recipients, their
    customer number) up in: --demo, --portal, a profile."""
    from privacy_desk.config import load_settings

    if getattr(args, "demo", False) or getattr(args, "portal", None) \
            or getattr(args, "portal_profile", None):
        return True
    return bool(load_settings(app_paths(args)).active_portal)


def run_letter(args: argparse.Namespace) -> int:
    from privacy_desk.services.letters import letter_datamap, produce_letter
    from privacy_desk.services.organisation import require_organisation
    from privacy_desk.services.queue import case_id_by_number

    paths = app_paths(args)
    org = require_organisation(paths)
    if not args.address and _portal_known(args):
        # The person's postal address from the portal (docs/letters.md), as the extract.
        from privacy_desk.cli.common import ask_password_on_terminal
        from privacy_desk.services.context import open_context

        ctx = open_context(paths, demo=args.demo, portal=args.portal,
                           case_store=args.case_store, datamap=args.datamap,
                           portal_profile=args.portal_profile,
                           case_store_profile=args.case_store_profile,
                           ask_password=ask_password_on_terminal)
        try:
            letters = produce_letter(ctx.case_store,
                                     case_id_by_number(ctx.case_store, args.case_number),
                                     args.kind, out_dir=Path(args.out), organisation=org,
                                     lang=args.letter_lang, facts=_facts(args),
                                     datamap=ctx.datamap, portal=ctx.portal,
                                     config_dir=paths.config_dir, actor=ctx.officer)
        finally:
            ctx.close()
    else:
        datamap = letter_datamap(paths, datamap=args.datamap, demo=args.demo)
        store, who = open_signed_in(args)
        try:
            letters = produce_letter(store, case_id_by_number(store, args.case_number),
                                     args.kind, out_dir=Path(args.out), organisation=org,
                                     lang=args.letter_lang, facts=_facts(args),
                                     address=args.address, datamap=datamap,
                                     config_dir=paths.config_dir, actor=who)
        finally:
            store.close()
    for letter in letters:
        to = letter.recipient_name
        print(f"{letter.path}  sha256 {letter.sha256}  to {to}")
    return 0


def run_letters(args: argparse.Namespace) -> int:
    from privacy_desk.services.letters import letters_of
    from privacy_desk.services.queue import case_id_by_number

    store, who = open_signed_in(args)
    try:
        rows = letters_of(store, case_id_by_number(store, args.case_number), actor=who)
    finally:
        store.close()
    if args.json:
        json.dump([{"kind": r.kind, "lang": r.lang, "recipient": r.recipient,
                    "recipient_name": r.recipient_name, "letter_date": r.letter_date.isoformat(),
                    "file": r.filename, "sha256": r.sha256, "by": r.actor} for r in rows],
                  sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    for r in rows:
        print(f"{r.letter_date.isoformat()}  {r.kind:<17} {r.lang}  {r.recipient_name:<30} "
              f"{r.filename}")
    print(f"{len(rows)} letter(s)", file=sys.stderr)
    return 0
