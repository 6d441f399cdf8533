"""``privacy-desk organisation show|set``: the controller every letter is written for.

``set`` changes only the options given, so ``--phone`` alone keeps the rest; a field is
cleared with an empty value (``--dpo ''``). Standing texts are ``--text KEY.LANG=TEXT``
(KEY: sources, automated, transfers, complaint; LANG: sv or en).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from typing import Any

from privacy_desk.cli.common import app_paths

#: option -> Organisation field
FIELDS = {"name": "legal_name", "orgnr": "org_number", "address": "street",
          "postal": "postal_address", "email": "email", "phone": "phone", "web": "website",
          "dpo": "dpo", "signature": "signature", "logo": "logo"}


def register(subparsers: Any) -> None:
    org = subparsers.add_parser("organisation",
                                help="the company (controller) letters are written for")
    sub = org.add_subparsers(dest="organisation_command", metavar="ACTION", required=True)
    p = sub.add_parser("show", help="print the organisation")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=run_show)
    p = sub.add_parser("set", help="set the organisation (only the options given change)")
    p.add_argument("--name", help="legal name, e.g. 'Exempel Energi AB'")
    p.add_argument("--orgnr", help="organisation number NNNNNN-NNNN (checked)")
    p.add_argument("--address", help="street address")
    p.add_argument("--postal", help="postal code and town, e.g. '123 45 Exempelstad'")
    p.add_argument("--email", help="privacy contact e-mail")
    p.add_argument("--phone", help="privacy contact phone")
    p.add_argument("--web", help="web site")
    p.add_argument("--dpo", help="the data protection officer (name and contact), if any")
    p.add_argument("--signature", help="the signature line, e.g. 'Dataskyddsansvarig, …'")
    p.add_argument("--logo", help="a PNG or JPEG file printed on every letter")
    p.add_argument("--text", action="append", default=[], metavar="KEY.LANG=TEXT",
                   help="a standing text: sources, automated, transfers or complaint, in sv "
                   "or en (repeatable)")
    p.set_defaults(handler=run_set)


def run_show(args: argparse.Namespace) -> int:
    from privacy_desk.services.organisation import TEXT_KEYS, require_organisation

    org = require_organisation(app_paths(args))
    if args.json:
        print(json.dumps(org.to_data(), ensure_ascii=False, indent=2, sort_keys=True))
        return 0
    for option, name in FIELDS.items():
        print(f"{option:10} {getattr(org, name)}")
    for key in TEXT_KEYS:
        for lang in ("sv", "en"):
            own = "" if org.texts.get(key, {}).get(lang) else " (default)"
            print(f"{key}.{lang}{own}: {org.text(key, lang)}")
    for key, line in (("dpo", org.dpo_line), ("signature", org.signature_line)):
        own = "" if org.texts.get(key, {}).get("en") else " (as in Swedish)"
        print(f"{key}.en{own}: {line('en')}")
    return 0


def run_set(args: argparse.Namespace) -> int:
    from privacy_desk.cli.common import open_signed_in
    from privacy_desk.errors import UserError
    from privacy_desk.services.organisation import (
        LINE_KEYS,
        TEXT_KEYS,
        Organisation,
        load_organisation,
        save_organisation,
    )

    paths = app_paths(args)
    current = load_organisation(paths) or Organisation("", "", "", "", "")
    changes = {name: getattr(args, option) for option, name in FIELDS.items()
               if getattr(args, option) is not None}
    texts = {k: dict(v) for k, v in current.texts.items()}
    for item in args.text:
        key_lang, sep, text = item.partition("=")
        key, dot, lang = key_lang.partition(".")
        if not sep or not dot or key not in TEXT_KEYS + LINE_KEYS or lang not in ("sv", "en"):
            raise UserError(f"{item!r} is not KEY.LANG=TEXT.",
                            f"KEY is one of {', '.join(TEXT_KEYS + LINE_KEYS)}; LANG is sv or "
                            "en.")
        texts.setdefault(key, {})[lang] = text
    if not changes and not args.text:
        raise UserError("Nothing to set.", "Give at least one option, e.g. --name or --orgnr.")
    org = replace(current, **changes, texts=texts)
    store, who = open_signed_in(args)
    try:
        saved = save_organisation(paths, org, store=store, actor=who)
    finally:
        store.close()
    print(f"Organisation saved: {saved.legal_name} ({saved.org_number})")
    return 0
