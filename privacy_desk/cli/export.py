"""``privacy-desk export``: one person's extract (PDF + JSON/CSV zip) without the GUI.

Runs the same service as the app (:mod:`privacy_desk.services.access`): the person is found from
``--subject`` through the data map, the case from ``--case`` (or, when omitted, the one
access request in progress that names the person), and the export is gated, written
atomically and recorded on the case exactly as from the preview window.
"""

from __future__ import annotations

import argparse
from typing import Any

from privacy_desk.messages import msg


def register(subparsers: Any) -> None:
    """Add ``export`` to the top-level parser."""
    p = subparsers.add_parser(
        "export", help="write a person's extract (PDF letter + JSON/CSV zip) for their case",
        description="Find the person named by IDENTIFIER in the portal, apply what the case "
        "withholds, write registerutdrag-<case>-<time>.pdf and .zip into DIR atomically and "
        "record the export (files and SHA-256) on the case. Only a verified access request "
        "in progress may produce an extract.")
    p.add_argument("--portal", required=True, metavar="URL",
                   help="portal database URL or SQLite file path")
    p.add_argument("--map", required=True, metavar="FILE", dest="map",
                   help="the portal's data map (YAML)")
    p.add_argument("--subject", metavar="IDENTIFIER",
                   help="personnummer, org.nr, customer number, e-mail or phone of the person; "
                   "'-' reads it from standard input (the line after --password-stdin's); "
                   "asked for on a terminal when left out")
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write the files to")
    p.add_argument("--case", metavar="NUMBER",
                   help="the access request's case number (default: the one in progress "
                   "that names the person)")
    p.add_argument("--case-store", metavar="URL", default=argparse.SUPPRESS,
                   help="case store URL (default: the SQLite file in the user data folder)")
    p.add_argument("--lang", choices=["sv", "en"], default="sv", dest="export_lang",
                   help="language of the letter (default sv)")
    pw = p.add_mutually_exclusive_group()
    pw.add_argument("--password", metavar="TEXT",
                    help="protect the PDF and the zip with this password (visible to other "
                    "users of this computer in the process list: prefer --password-stdin)")
    pw.add_argument("--password-stdin", action="store_true",
                    help="read the password from the first line of standard input")
    p.set_defaults(handler=run_export)


def run_export(args: argparse.Namespace) -> int:
    from privacy_desk.cli.common import app_paths, open_signed_in, secret_from_stdin
    from privacy_desk.cli.personal_input import personal_value
    from privacy_desk.datamap.loader import load_datamap
    from privacy_desk.dburl import connect_portal
    from privacy_desk.errors import UserError
    from privacy_desk.services.access import (
        export_extract,
        find_export_subject,
        find_open_access_case,
    )
    from privacy_desk.services.queue import case_id_by_number

    password = args.password
    if args.password_stdin:
        password = secret_from_stdin()
    if password is not None and not password:
        raise UserError(msg("The password is empty."), msg("Give a password, or leave it out."))
    subject = personal_value(args.subject, what="identifier", option="--subject")
    assert subject is not None
    args.case_store = getattr(args, "case_store", None)
    from privacy_desk.services.organisation import require_organisation

    paths = app_paths(args)
    organisation = require_organisation(paths)  # no letter without the company
    datamap = load_datamap(args.map)
    portal = connect_portal(args.portal)
    try:
        store = open_signed_in(args)[0]
        try:
            found = find_export_subject(portal, datamap, subject)
            case_id = (case_id_by_number(store, args.case) if args.case
                       else find_open_access_case(store, found.readings))
            result = export_extract(store, portal, datamap, case_id, found.candidates[0],
                                    out_dir=args.out, lang=args.export_lang,
                                    password=password, organisation=organisation,
                                    config_dir=paths.config_dir)
        finally:
            store.close()
    finally:
        portal.dispose()
    print(f"{result.case_number}: extract written ({result.export.row_count} rows, "
          f"{result.export.withheld_count} withheld)")
    for f in result.files:
        print(f"  {f.path}  sha256 {f.sha256}")
    return 0
