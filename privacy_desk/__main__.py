"""``python -m privacy_desk`` and the frozen build's entry: the ``privacy-desk`` command.

Also the guard of a first start: the windowed Windows build has no console (stderr is
None), so whatever the command would have printed as an error is collected and shown
in a dialog instead; and an unexpected exception ends in a message and the log, never
in silence. (The GUI's own start-up failures are reported by privacy_desk.ui.app.)
"""

from __future__ import annotations

import io
import logging
import sys
import traceback


def run() -> int:
    from privacy_desk.ui.startup import log_file, native_dialog, report_startup_failure

    windowed = sys.stderr is None
    if windowed:
        sys.stderr = io.StringIO()  # collected, shown below if the command fails
    try:
        from privacy_desk.cli import main

        code = main()
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
        if isinstance(exc.code, str):
            print(exc.code, file=sys.stderr)
    except Exception as exc:
        # Code locations only: an exception's text may quote data from a database.
        logging.getLogger("privacy_desk").error(
            "Stopped by %s:\n%s", type(exc).__name__,
            "".join(traceback.format_tb(exc.__traceback__)))
        report_startup_failure(
            f"An unexpected error ({type(exc).__name__}) stopped Privacy Desk. The details "
            f"are in {log_file()}; send that file to your IT support.",
            dialog=not windowed)
        code = 1
    if windowed and isinstance(sys.stderr, io.StringIO):
        text = sys.stderr.getvalue().strip()
        if code and text:
            native_dialog("Privacy Desk", text)
    return code


if __name__ == "__main__":
    sys.exit(run())
