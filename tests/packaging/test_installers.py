"""The installers' builders (packaging/package.py), on a small stand-in frozen folder.

The real folder (270 MB) is packaged and installed by .ci/run; here a folder of the same
shape shows what goes into the .deb and that the NSIS script compiles.
"""

from __future__ import annotations

import importlib.util
import shutil
import struct
import subprocess
from pathlib import Path
from types import ModuleType

import pytest

from privacy_desk import __version__
from privacy_desk.ui.startup import XCB_LIBRARIES

ROOT = Path(__file__).resolve().parents[2]


def _package_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pd_packaging",
                                                  ROOT / "packaging" / "package.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


package = _package_module()


@pytest.fixture
def frozen(tmp_path: Path) -> Path:
    """A folder shaped like dist/privacy-desk, with two bundled system libraries."""
    root = tmp_path / "dist" / "privacy-desk"
    internal = root / "_internal"
    (internal / "privacy_desk.egg-info").mkdir(parents=True)
    (internal / "privacy_desk.egg-info" / "PKG-INFO").write_text(
        f"Metadata-Version: 2.4\nName: privacy-desk\nVersion: {__version__}\n")
    for exe in ("privacy-desk", "privacy-desk-cli"):
        (root / exe).write_text("#!/bin/sh\n")
        (root / exe).chmod(0o755)
    for lib in ("libxcb-cursor.so.0", "libstdc++.so.6", "libpython3.11.so.1.0"):
        (internal / lib).write_bytes(b"\x7fELF stand-in")
    shutil.copytree(ROOT / "resources" / "icons", internal / "resources" / "icons")
    return root


def test_versions_in_each_packaging_world() -> None:
    assert package.debian_version("1.2.0") == "1.2.0"
    assert package.debian_version("1.2.0rc1") == "1.2.0~rc1"  # sorts before 1.2.0 in dpkg
    assert package.debian_version("1.2.0", "+ci1") == "1.2.0+ci1"
    with pytest.raises(package.PackagingError, match="Version suffix"):
        package.debian_version("1.2.0", "; rm -rf /")
    assert package.windows_version("1.2.3") == "1.2.3.0"
    assert package.windows_version("2.0rc1") == "2.0.0.0"


def test_the_deb_depends_on_what_the_start_up_check_looks_for() -> None:
    depends, sonames = package.deb_depends()
    for lib in XCB_LIBRARIES:
        assert lib.soname in sonames
        assert any(lib.debian in d for d in depends), lib
    assert "libxcb-cursor0" in depends and "libxkbcommon-x11-0" in depends
    assert "libglib2.0-0t64 | libglib2.0-0" in depends


@pytest.mark.skipif(not shutil.which("dpkg-deb"), reason="builds .deb files with dpkg-deb")
def test_the_deb_holds_the_folder_launchers_desktop_entry_and_icons(frozen: Path,
                                                                   tmp_path: Path) -> None:
    deb = package.build_deb(frozen, tmp_path / "out", suffix="+t1", compression="gzip",
                            level=1)
    assert deb.name.startswith(f"privacy-desk_{__version__}+t1_")
    info = subprocess.run(["dpkg-deb", "-f", str(deb)], capture_output=True, text=True,
                          check=True).stdout
    assert f"Version: {__version__}+t1" in info
    assert "libxcb-cursor0" in info and "libgl1" in info
    listing = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True,
                             check=True).stdout
    assert "./opt/privacy-desk/privacy-desk-cli" in listing
    assert "./usr/bin/privacy-desk -> /opt/privacy-desk/privacy-desk" in listing
    assert "./usr/bin/privacy-desk-cli -> /opt/privacy-desk/privacy-desk-cli" in listing
    assert "./usr/share/applications/privacy-desk.desktop" in listing
    assert "./usr/share/icons/hicolor/256x256/apps/privacy-desk.png" in listing
    assert "./usr/share/icons/hicolor/scalable/apps/privacy-desk.svg" in listing
    # The distribution's libraries come from apt, not from the build machine.
    assert "libxcb-cursor.so.0" not in listing and "libstdc++" not in listing
    assert "./opt/privacy-desk/_internal/libpython3.11.so.1.0" in listing
    assert "root/root" in listing  # owned by root whoever built it
    entry = subprocess.run(["dpkg-deb", "--fsys-tarfile", str(deb)], capture_output=True,
                           check=True).stdout
    assert b"Exec=/usr/bin/privacy-desk %F" in entry and b"Icon=privacy-desk" in entry


def test_packaging_refuses_a_folder_that_was_not_built(tmp_path: Path) -> None:
    with pytest.raises(package.PackagingError, match=r"dev\.py build"):
        package.frozen_version(tmp_path)


@pytest.mark.skipif(not shutil.which("makensis"), reason="needs NSIS (apt-get install nsis)")
def test_the_windows_installer_script_compiles(frozen: Path, tmp_path: Path) -> None:
    """makensis on Linux with the stand-in folder as payload: the script is valid NSIS
    (warnings are errors); whether it installs is shown only on a Windows runner."""
    setup = package.build_nsis(frozen, tmp_path / "out", fast=True)
    assert setup.name == f"privacy-desk-setup-{__version__}.exe"
    assert setup.read_bytes()[:2] == b"MZ"


def test_the_icons_are_the_drawings_sizes() -> None:
    icons = ROOT / "resources" / "icons"
    assert (icons / "privacy-desk.svg").read_text().lstrip().startswith("<?xml")
    for size in (16, 24, 32, 48, 64, 128, 256):
        png = (icons / f"privacy-desk-{size}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", png[16:24]) == (size, size)
    ico = (icons / "privacy-desk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes


def test_the_build_spec_makes_a_windowed_app_and_a_console_cli() -> None:
    spec = (ROOT / "build.spec").read_text()
    assert 'name=f"{privacy_desk.APP_ID}-cli"' in spec
    assert "console=False" in spec and "console=True" in spec
    assert "COLLECT(\n    gui,\n    cli," in spec
