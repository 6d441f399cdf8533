"""The xcb library check and start-up reporting (privacy_desk.ui.startup), without Qt."""

from __future__ import annotations

import io
import logging
import sys
from pathlib import Path

import pytest

from privacy_desk.ui.startup import (
    XCB_LIBRARIES,
    SystemLibrary,
    install_hint,
    missing_libraries,
    needs_xcb_check,
    qt_platform,
    report_startup_failure,
    xcb_problem,
)

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF loader")

ABSENT = SystemLibrary("libprivacydesk-absent.so.7", "libprivacydesk-absent7", "pd-absent")


def test_the_platform_qt_will_use() -> None:
    assert qt_platform({}) == "xcb"
    assert qt_platform({"QT_QPA_PLATFORM": "offscreen"}) == "offscreen"
    assert qt_platform({"QT_QPA_PLATFORM": "xcb:nomitshm"}) == "xcb"
    assert qt_platform({"QT_QPA_PLATFORM": "wayland;xcb"}) == "wayland"
    assert qt_platform({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}) \
        == "wayland"
    assert qt_platform({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "x11"}) == "xcb"


def test_the_check_runs_only_for_xcb_on_linux() -> None:
    assert needs_xcb_check({}, "linux")
    assert needs_xcb_check({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not needs_xcb_check({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not needs_xcb_check({"QT_QPA_PLATFORM": "wayland"}, "linux")
    assert not needs_xcb_check({}, "win32")
    assert not needs_xcb_check({}, "darwin")
    assert not needs_xcb_check({"PRIVACY_DESK_SKIP_QT_CHECK": "1"}, "linux")


@linux_only
def test_a_missing_library_is_named_with_its_packages() -> None:
    present = SystemLibrary("libc.so.6", "libc6", "glibc")
    assert missing_libraries([present, ABSENT]) == [ABSENT]
    problem = xcb_problem(None, [present, ABSENT])
    assert problem is not None
    assert "libprivacydesk-absent.so.7" in problem
    assert "sudo apt-get install libprivacydesk-absent7" in problem
    assert "sudo dnf install pd-absent" in problem
    assert "libc.so.6" not in problem


def test_install_hint_lists_each_package_once() -> None:
    libs = [lib for lib in XCB_LIBRARIES if lib.fedora == "libxcb"]
    hint = install_hint(libs)
    assert hint.count(" libxcb") == 1 + sum(1 for lib in libs if lib.debian.startswith("libxcb"))
    assert "dnf install libxcb\n" in hint + "\n"
    assert "libxcb-randr0" in hint


@linux_only
def test_this_machine_has_what_qt_needs_so_the_names_are_right() -> None:
    """Every soname in the table is real: the CI machine has the packages installed
    (they are the .deb's Depends), so a misspelt name would show as missing here."""
    assert missing_libraries() == []
    assert xcb_problem() is None


@linux_only
def test_a_plugin_the_loader_refuses_is_reported_with_the_loaders_words(tmp_path: Path) -> None:
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"not an ELF file")
    problem = xcb_problem(plugin, [])
    assert problem is not None
    assert "The loader says:" in problem
    assert str(plugin) in problem


@linux_only
def test_a_plugin_that_loads_is_trusted_over_the_table() -> None:
    libc = Path("/lib/x86_64-linux-gnu/libc.so.6")
    if not libc.exists():
        pytest.skip("no multiarch libc path on this machine")
    # The loader can load the "plugin", so Qt could: nothing to report even if the
    # table names a library the loader would not find on its own.
    assert xcb_problem(libc, [ABSENT]) is None


def test_a_failed_start_reaches_the_stream_and_the_log(caplog: pytest.LogCaptureFixture) -> None:
    out = io.StringIO()
    with caplog.at_level(logging.ERROR, logger="privacy_desk"):
        report_startup_failure("Qt: no platform", stream=out, dialog=False)
    assert out.getvalue() == "privacy-desk: could not start.\nQt: no platform\n"
    assert "Start-up failed: Qt: no platform" in caplog.text
