"""A first start that explains itself: Qt's system libraries, and failures people can see.

On a fresh Linux desktop Qt's xcb platform plugin cannot load without a handful of
X11 libraries the distribution does not install by default (libxcb-cursor0 since Qt
6.5, libxcb-icccm4, libxkbcommon-x11-0, ...). Qt then aborts with a fatal message;
left to itself it only reaches our log. This module finds the missing libraries before
Qt starts and names the packages to install, and gets any start-up failure to the
person: on stderr, in the log, and in a dialog where one can show.

Deliberately standard library only (no Qt import): ``dev.py demo`` runs it with the
system Python before the virtual environment exists, and the app runs it before it
creates the QApplication.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

log = logging.getLogger(__name__)

#: The exit code of a start that failed before the window opened (platform, libraries).
STARTUP_FAILED = 4


@dataclass(frozen=True)
class SystemLibrary:
    """A shared library Qt loads from the system, and the package that ships it."""

    soname: str
    debian: str  # Debian and Ubuntu
    fedora: str  # Fedora, RHEL and derivatives (dnf)


#: What Qt 6's xcb platform plugin (libqxcb.so, libQt6XcbQpa.so), Qt GUI and Qt D-Bus
#: need from the system, read from their ELF NEEDED entries; the PySide6 wheel ships
#: none of them. The .deb's Depends: is built from this list too (packaging/linux).
XCB_LIBRARIES: tuple[SystemLibrary, ...] = (
    SystemLibrary("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),
    SystemLibrary("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm"),
    SystemLibrary("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms"),
    SystemLibrary("libxcb-image.so.0", "libxcb-image0", "xcb-util-image"),
    SystemLibrary("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil"),
    SystemLibrary("libxcb-util.so.1", "libxcb-util1", "xcb-util"),
    SystemLibrary("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11"),
    SystemLibrary("libxkbcommon.so.0", "libxkbcommon0", "libxkbcommon"),
    SystemLibrary("libxcb-randr.so.0", "libxcb-randr0", "libxcb"),
    SystemLibrary("libxcb-shape.so.0", "libxcb-shape0", "libxcb"),
    SystemLibrary("libxcb-shm.so.0", "libxcb-shm0", "libxcb"),
    SystemLibrary("libxcb-sync.so.1", "libxcb-sync1", "libxcb"),
    SystemLibrary("libxcb-xfixes.so.0", "libxcb-xfixes0", "libxcb"),
    SystemLibrary("libxcb-render.so.0", "libxcb-render0", "libxcb"),
    SystemLibrary("libxcb-xkb.so.1", "libxcb-xkb1", "libxcb"),
    SystemLibrary("libxcb.so.1", "libxcb1", "libxcb"),
    SystemLibrary("libX11-xcb.so.1", "libx11-xcb1", "libX11-xcb"),
    SystemLibrary("libX11.so.6", "libx11-6", "libX11"),
    SystemLibrary("libGL.so.1", "libgl1", "libglvnd-glx"),
    SystemLibrary("libEGL.so.1", "libegl1", "libglvnd-egl"),
    SystemLibrary("libfontconfig.so.1", "libfontconfig1", "fontconfig"),
    SystemLibrary("libfreetype.so.6", "libfreetype6", "freetype"),
    SystemLibrary("libdbus-1.so.3", "libdbus-1-3", "dbus-libs"),
    SystemLibrary("libglib-2.0.so.0", "libglib2.0-0", "glib2"),
)

_NO_CHECK = "PRIVACY_DESK_SKIP_QT_CHECK"


def qt_platform(env: Mapping[str, str] | None = None) -> str:
    """The platform plugin Qt will try first, as far as the environment decides it.

    ``QT_QPA_PLATFORM`` wins (its first entry: ``"xcb:opt"`` and ``"wayland;xcb"`` are
    lists); without it Qt uses Wayland in a Wayland session and xcb otherwise.
    """
    env = os.environ if env is None else env
    chosen = env.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return chosen.split(";")[0].split(":")[0].strip().lower()
    if env.get("WAYLAND_DISPLAY") and env.get("XDG_SESSION_TYPE", "").lower() == "wayland":
        return "wayland"
    return "xcb"


def needs_xcb_check(env: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """Whether to check the xcb libraries: on Linux, when Qt will use xcb (not offscreen)."""
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    return (platform.startswith("linux") and qt_platform(env) == "xcb"
            and not env.get(_NO_CHECK))


def missing_libraries(libraries: Iterable[SystemLibrary] = XCB_LIBRARIES) -> list[SystemLibrary]:
    """The libraries the dynamic loader cannot find (it searches as it will for Qt)."""
    missing = []
    for lib in libraries:
        try:
            ctypes.CDLL(lib.soname)
        except OSError:
            missing.append(lib)
    return missing


def plugin_load_error(plugin: Path) -> str | None:
    """The loader's error when ``plugin`` (a Qt plugin .so) cannot be loaded, else None.

    This is Qt's own failure, found before Qt meets it: the message names the first
    library the loader could not find.
    """
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        return str(exc)
    return None


def install_hint(missing: Iterable[SystemLibrary]) -> str:
    """The commands that install ``missing``, for Debian/Ubuntu and for Fedora."""
    libs = list(missing)
    debian = " ".join(dict.fromkeys(lib.debian for lib in libs))
    fedora = " ".join(dict.fromkeys(lib.fedora for lib in libs))
    return (f"  Debian/Ubuntu:  sudo apt-get install {debian}\n"
            f"  Fedora/RHEL:    sudo dnf install {fedora}")


def xcb_problem(plugin: Path | None = None,
                libraries: Iterable[SystemLibrary] = XCB_LIBRARIES) -> str | None:
    """What stops Qt's xcb platform from loading, with what to install; None if nothing.

    ``plugin`` is libqxcb.so when Qt is installed (the app passes it): if the loader
    loads it, Qt can too, and nothing is reported (a frozen build may carry its own
    copies of the libraries); if not, the list names what to install. Without a plugin
    (``dev.py`` before the install) only the list of libraries is checked.
    """
    loader_error = plugin_load_error(plugin) if plugin is not None and plugin.exists() else None
    if plugin is not None and plugin.exists() and loader_error is None:
        return None
    missing = missing_libraries(libraries)
    if not missing and loader_error is None:
        return None
    lines = ["Qt's X11 (xcb) platform cannot start: this computer lacks system libraries "
             "it needs."]
    if missing:
        lines.append("Missing: " + ", ".join(lib.soname for lib in missing))
        lines.append("Install them, then start Privacy Desk again:")
        lines.append(install_hint(missing))
    else:
        lines.append(f"The loader says: {loader_error}")
        lines.append("Install the package that provides that library, then start again.")
    lines.append("(On a Wayland desktop, QT_QPA_PLATFORM=wayland avoids X11.)")
    return "\n".join(lines)


# --------------------------------------------------------------------------- reporting


def flush_log() -> None:
    """Write out every log handler now: the process may end without Python's shutdown."""
    for handler in logging.getLogger("privacy_desk").handlers:
        # A closed or unwritable log must not hide the message itself.
        with contextlib.suppress(OSError, ValueError):
            handler.flush()


def log_file() -> str:
    """Where the log is written (for "the details are in ..."), or a description."""
    for handler in logging.getLogger("privacy_desk").handlers:
        name = getattr(handler, "baseFilename", None)
        if name:
            return str(name)
    return "privacy-desk.log in the user log folder"


def _dialogs_allowed(env: Mapping[str, str]) -> bool:
    """Never a blocking dialog in CI, tests or the self-test."""
    return not (env.get("CI") or env.get("PRIVACY_DESK_NO_DIALOGS")
                or "--self-test" in sys.argv or "pytest" in sys.modules)


def native_dialog(title: str, text: str, env: Mapping[str, str] | None = None) -> bool:
    """Show ``text`` without Qt (which may be what failed); True if a dialog was shown.

    Windows: the system message box, for the windowed build that has no console. Linux:
    zenity or kdialog when the app was started from a desktop, not a terminal.
    """
    env = os.environ if env is None else env
    if not _dialogs_allowed(env):
        return False
    if sys.platform == "win32":
        if sys.stderr is not None and sys.stderr.isatty():
            return False  # started from a console: the message is already there
        ctypes.windll.user32.MessageBoxW(None, text, title, 0x10)  # type: ignore[attr-defined]
        return True
    if sys.stderr is not None and sys.stderr.isatty():
        return False
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        return False
    for tool, args in (("zenity", ["--error", "--no-markup", f"--title={title}", "--text", text]),
                       ("kdialog", ["--title", title, "--error", text])):
        found = shutil.which(tool)
        if found:
            try:
                subprocess.run([found, *args], check=False, timeout=600)  # noqa: S603
            except (OSError, subprocess.SubprocessError):
                continue
            return True
    return False


def report_startup_failure(text: str, *, stream: TextIO | None = None,
                           dialog: bool = True) -> None:
    """Tell the person why the app did not start: stderr, the log, and a dialog.

    ``text`` must hold no personal data (it goes to the log): library names, Qt's
    messages and error types only.
    """
    log.error("Start-up failed: %s", text)
    flush_log()
    out = sys.stderr if stream is None else stream
    if out is not None:
        try:
            out.write(f"privacy-desk: could not start.\n{text}\n")
            out.flush()
        except (OSError, ValueError):
            pass
    if dialog:
        native_dialog("Privacy Desk could not start", text)


def check_xcb_before_start(plugin_dir: Path | None = None) -> int | None:
    """Run the xcb check when it applies; report and return the exit code if it fails."""
    if not needs_xcb_check():
        return None
    plugin = plugin_dir / "platforms" / "libqxcb.so" if plugin_dir is not None else None
    problem = xcb_problem(plugin)
    if problem is None:
        return None
    report_startup_failure(problem)
    return STARTUP_FAILED


def main() -> int:
    """``python -m privacy_desk.ui.startup``: the check alone (used by ``dev.py demo``)."""
    if not needs_xcb_check():
        return 0
    problem = xcb_problem()
    if problem is None:
        return 0
    print(problem, file=sys.stderr)
    return STARTUP_FAILED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
