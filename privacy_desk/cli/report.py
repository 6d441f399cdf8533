"""``privacy-desk report``: the yearly report as PDF (with charts) or CSV.

    privacy-desk report --year 2026 --format pdf --out arsrapport-2026.pdf [--lang en]

The same service as the desk's "Yearly report" dialog
(:func:`privacy_desk.services.statistics.export_year_report`): requests received in the
year, counted in SQL, written whole or not at all, and recorded in the audit trail.
The report is Swedish unless ``--lang en`` is given (before or after ``report``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from privacy_desk.cli.common import app_paths, open_signed_in


def register(subparsers: Any) -> None:
    report = subparsers.add_parser(
        "report", help="write the yearly report of data-subject requests (PDF or CSV)")
    report.add_argument("--year", type=int, required=True, help="the year requests came in")
    report.add_argument("--format", choices=["pdf", "csv"], default="pdf")
    report.add_argument("--out", required=True, metavar="FILE")
    report.add_argument("--lang", dest="report_lang", choices=["sv", "en"],
                        help="the report's language (default: --lang, else Swedish)")
    report.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace) -> int:
    from privacy_desk.services.organisation import load_organisation
    from privacy_desk.services.statistics import export_year_report

    language = args.report_lang or args.lang or "sv"
    organisation = load_organisation(app_paths(args))  # named in the footer, when set
    store, who = open_signed_in(args)
    try:
        report = export_year_report(store, args.year, args.format, Path(args.out),
                                    language=language, actor=who, organisation=organisation)
    finally:
        store.close()
    h = report.handling
    share = "-" if h.share_on_time is None else f"{100 * h.share_on_time:.1f} %"
    print(f"Wrote the {args.year} report ({report.total} requests, {h.answered} answered, "
          f"{share} on time) to {args.out}", file=sys.stderr)
    return 0
