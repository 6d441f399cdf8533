"""The ``privacy-desk`` command: the app, and headless subcommands over the same services.

``privacy-desk`` (or ``privacy-desk --demo``) opens the GUI; subcommands such as
``demo-db`` run without it. Each feature registers its subcommands in its own
``cli_*`` module so this file stays a thin dispatcher. A :class:`UserError` is printed
as one clear message (never a traceback) and turned into a non-zero exit code.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from privacy_desk import __version__
from privacy_desk.errors import UserError

log = logging.getLogger(__name__)

#: Modules that add subcommands: each has ``register(subparsers)``.
SUBCOMMAND_MODULES: list[str] = [
    "privacy_desk.cli.demo",
    "privacy_desk.cli.datamap",
    "privacy_desk.cli.case",
    "privacy_desk.cli.export",
    "privacy_desk.cli.audit",
    "privacy_desk.cli.profile",
    "privacy_desk.cli.officer",
    "privacy_desk.cli.store",
    "privacy_desk.cli.erasure",
    "privacy_desk.cli.rights",
    "privacy_desk.cli.organisation",
    "privacy_desk.cli.report",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="privacy-desk",
        # Abbreviations would make a subcommand's --case clash with --case-store here.
        allow_abbrev=False,
        description="Privacy Desk: answer data-subject requests (GDPR art. 15-21) "
        "against the customer portal. Without a subcommand, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--base-dir", metavar="DIR",
                        help="keep all data, settings and logs under DIR (portable/test use)")
    parser.add_argument("--demo", action="store_true",
                        help="open on the built-in synthetic demo portal (created on first use)")
    parser.add_argument("--self-test", action="store_true",
                        help="start the full app without a person, wait for the queue to load, "
                        "print a summary line and exit (0 = healthy)")
    parser.add_argument("--portal", metavar="URL", help="portal database URL or SQLite path")
    parser.add_argument("--portal-write", metavar="URL",
                        help="a portal login with write rights, used only for erasure, "
                        "rectification and consent changes (default: the --portal login)")
    parser.add_argument("--map", metavar="FILE", dest="datamap",
                        help="the portal's data map (YAML; see docs/datamap.md)")
    parser.add_argument("--case-store", metavar="URL",
                        help="case store URL (default: a SQLite file in the user data folder)")
    parser.add_argument("--portal-profile", metavar="NAME",
                        help="connection profile for the portal (default: the active one)")
    parser.add_argument("--case-store-profile", metavar="NAME",
                        help="connection profile for the case store (default: the active one)")
    parser.add_argument("--lang", choices=["sv", "en"], help="user interface language")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    import importlib

    for name in SUBCOMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    from privacy_desk.logging_setup import configure_logging
    from privacy_desk.paths import AppPaths

    paths = AppPaths.default(args.base_dir)
    configure_logging(paths, verbose=args.verbose)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is not None:
        # Commands speak English unless asked (scripts parse them); the desk speaks Swedish.
        from privacy_desk import catalogues, messages

        catalogues.install()
        messages.set_language(args.lang or messages.SOURCE_LANGUAGE)
    try:
        if handler is not None:
            return handler(args)
        from privacy_desk.ui.app import run_app

        return run_app(args, paths)
    except UserError as exc:
        log.info("Stopped with a user error: %s", type(exc).__name__)
        print(f"privacy-desk: {exc.message}", file=sys.stderr)
        if exc.hint:
            print(f"  {exc.hint}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("privacy-desk: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
