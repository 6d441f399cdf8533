"""Installers from the frozen folder: a .deb (dpkg-deb) and a Windows setup (NSIS).

``python3 dev.py package`` calls this after ``python3 dev.py build``. Standard library
only, so it runs with the system Python. Both read the version from the package
metadata PyInstaller copied into the folder (``_internal/privacy_desk*.dist-info``, or
``.egg-info`` from an editable install): an installer says the version inside it.

The .deb installs the folder under /opt/privacy-desk with launchers in /usr/bin, a
desktop entry and the icon, and does not carry the build machine's copies of the X11,
xcb, OpenGL, font, GLib and C++ runtime libraries: it depends on the distribution's
packages instead (the list is privacy_desk.ui.startup.XCB_LIBRARIES, the one the app
checks at start), so apt installs them and keeps them patched. See
docs/decisions/0010-installer.md.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "privacy-desk"
APP_NAME = "Privacy Desk"
MAINTAINER = "Privacy Desk maintainers <privacy-desk@localhost>"
DESCRIPTION = ("Answer GDPR data-subject requests against the customer portal",
               " A workstation for privacy officers: a queue of data-subject requests with\n"
               " their legal deadlines, extracts, erasure and an audit trail, over the\n"
               " customer portal database (SQLite, PostgreSQL or MariaDB).")

#: Libraries of the same Debian packages as ones in XCB_LIBRARIES: the bundled copies
#: would otherwise mix two builds of one library family.
_SIBLINGS = {
    "libgio-2.0.so.0": "libglib2.0-0", "libgobject-2.0.so.0": "libglib2.0-0",
    "libgmodule-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0",
    "libxcb-glx.so.0": "libxcb-glx0",
    # The C++ runtime: the system's Mesa drivers need the system's (newer) one.
    "libstdc++.so.6": "libstdc++6", "libgcc_s.so.1": "libgcc-s1",
}
#: Debian packages renamed by the 64-bit time_t transition (Ubuntu 24.04, Debian 13).
_T64 = {"libglib2.0-0": "libglib2.0-0t64 | libglib2.0-0"}


class PackagingError(Exception):
    """Packaging cannot go on; the message says what to do."""


def frozen_version(frozen: Path) -> str:
    """The version in the frozen folder's copy of the package metadata."""
    internal = frozen / "_internal"
    # A wheel install leaves a .dist-info; dev.py's editable install an .egg-info.
    found = sorted([*internal.glob("privacy_desk-*.dist-info/METADATA"),
                    *internal.glob("privacy_desk*.egg-info/PKG-INFO")])
    if not found:
        raise PackagingError(f"{frozen} holds no privacy_desk metadata; "
                             "build it with 'python3 dev.py build' first.")
    for line in found[0].read_text(encoding="utf-8").splitlines():
        if line.startswith("Version:"):
            return line.split(":", 1)[1].strip()
    raise PackagingError(f"{found[0]} has no Version line.")


def debian_version(version: str, suffix: str = "") -> str:
    """A PEP 440 version as Debian orders it (1.0rc1 -> 1.0~rc1, before 1.0), + suffix."""
    if suffix and not re.fullmatch(r"[A-Za-z0-9.+~]+", suffix):
        raise PackagingError(f"Version suffix {suffix!r}: use letters, digits, '.', '+', '~'.")
    deb = re.sub(r"(?<=\d)(a|b|rc|\.dev)(\d*)$", r"~\1\2", version).replace("~.", "~")
    return deb + suffix


def windows_version(version: str) -> str:
    """Four numbers for a Windows version resource: 1.2.3rc1 -> 1.2.3.0."""
    release = re.match(r"[\d.]*\d", version)
    numbers = [int(n) for n in (release.group(0) if release else "0").split(".")[:3]]
    return ".".join(str(n) for n in [*numbers, 0, 0, 0, 0][:4])


def _startup_module():  # type: ignore[no-untyped-def]
    """privacy_desk.ui.startup from this checkout (standard library only)."""
    sys.path.insert(0, str(ROOT))
    try:
        from privacy_desk.ui import startup
    finally:
        sys.path.remove(str(ROOT))
    return startup


def deb_depends() -> tuple[list[str], set[str]]:
    """The Depends: entries, and the sonames the .deb leaves to those packages."""
    startup = _startup_module()
    packages = ["libc6"]
    sonames: set[str] = set()
    for lib in startup.XCB_LIBRARIES:
        packages.append(lib.debian)
        sonames.add(lib.soname)
    for soname, package in _SIBLINGS.items():
        packages.append(package)
        sonames.add(soname)
    unique = list(dict.fromkeys(_T64.get(p, p) for p in packages))
    return unique, sonames


def _copy_tree(src: Path, dst: Path, leave_out: set[str]) -> list[str]:
    """Copy ``src`` to ``dst`` (hard links where possible), without the ``leave_out``
    libraries at the top of _internal (bundled system libraries); return those left."""
    left: list[str] = []

    def link_or_copy(s: str, d: str) -> None:
        try:
            os.link(s, d)
        except OSError:
            shutil.copy2(s, d)

    def ignore(directory: str, names: list[str]) -> set[str]:
        if Path(directory).resolve() != (src / "_internal").resolve():
            return set()
        out = {n for n in names if n in leave_out}
        left.extend(sorted(out))
        return out

    shutil.copytree(src, dst, symlinks=True, ignore=ignore, copy_function=link_or_copy)
    return left


def _desktop_entry() -> str:
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        f"Name={APP_NAME}",
        "GenericName=Data-subject requests",
        "GenericName[sv]=Registerutdrag och radering",
        "Comment=Answer GDPR data-subject requests against the customer portal",
        "Comment[sv]=Hantera registrerades begäranden enligt GDPR mot kundportalen",
        f"Exec=/usr/bin/{APP_ID} %F",
        f"Icon={APP_ID}",
        "Terminal=false",
        "Categories=Office;",
        f"StartupWMClass={APP_ID}",
        "",
    ])


def _du_kib(path: Path) -> int:
    total = 0
    for p in path.rglob("*"):
        if p.is_file() and not p.is_symlink():
            total += p.stat().st_size
    return (total + 1023) // 1024


def build_deb(frozen: Path, out_dir: Path, *, suffix: str = "",
              compression: str = "xz", level: int | None = None) -> Path:
    """Build ``privacy-desk_VERSION_ARCH.deb`` in ``out_dir`` from the frozen folder."""
    dpkg_deb, dpkg = shutil.which("dpkg-deb"), shutil.which("dpkg")
    if not dpkg_deb or not dpkg:
        raise PackagingError("dpkg-deb is not installed (apt-get install dpkg).")
    if not (frozen / APP_ID).is_file():
        raise PackagingError(f"{frozen / APP_ID} is missing; run 'python3 dev.py build'.")
    version = debian_version(frozen_version(frozen), suffix)
    arch = subprocess.run([dpkg, "--print-architecture"], check=True, text=True,  # noqa: S603
                          capture_output=True).stdout.strip()
    depends, system_libs = deb_depends()
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{APP_ID}_{version}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="deb-", dir=out_dir) as tmp:
        root = Path(tmp) / "root"
        left = _copy_tree(frozen, root / "opt" / APP_ID, system_libs)
        bin_dir = root / "usr" / "bin"
        bin_dir.mkdir(parents=True)
        for name in (APP_ID, f"{APP_ID}-cli"):
            (bin_dir / name).symlink_to(f"/opt/{APP_ID}/{name}")
        share = root / "usr" / "share"
        (share / "applications").mkdir(parents=True)
        (share / "applications" / f"{APP_ID}.desktop").write_text(_desktop_entry())
        icons = frozen / "_internal" / "resources" / "icons"
        if not (icons / f"{APP_ID}.svg").is_file():
            raise PackagingError(f"{icons} has no {APP_ID}.svg; rebuild the folder.")
        for png in sorted(icons.glob(f"{APP_ID}-*.png")):
            size = png.stem.rsplit("-", 1)[1]
            dest = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
            dest.mkdir(parents=True, exist_ok=True)
            shutil.copy(png, dest / f"{APP_ID}.png")
        scalable = share / "icons" / "hicolor" / "scalable" / "apps"
        scalable.mkdir(parents=True)
        shutil.copy(icons / f"{APP_ID}.svg", scalable / f"{APP_ID}.svg")
        doc = share / "doc" / APP_ID
        doc.mkdir(parents=True)
        (doc / "copyright").write_text(
            f"{APP_NAME}\nCopyright: {APP_NAME} maintainers. All rights reserved.\n"
            "License: proprietary (see the project's pyproject.toml).\n")
        for d in [root, *(p for p in root.rglob("*") if p.is_dir() and not p.is_symlink())]:
            if not str(d).startswith(str(root / "opt")):
                d.chmod(0o755)
        control_dir = root / "DEBIAN"
        control_dir.mkdir(mode=0o755)
        control = "\n".join([
            f"Package: {APP_ID}",
            f"Version: {version}",
            f"Architecture: {arch}",
            f"Maintainer: {MAINTAINER}",
            f"Installed-Size: {_du_kib(root)}",
            f"Depends: {', '.join(depends)}",
            "Section: misc",
            "Priority: optional",
            f"Description: {DESCRIPTION[0]}",
            DESCRIPTION[1],
            "",
        ])
        (control_dir / "control").write_text(control)
        (control_dir / "control").chmod(0o644)
        levels = [f"-z{level}"] if level is not None else []
        subprocess.run([dpkg_deb, "--root-owner-group", f"-Z{compression}", *levels,  # noqa: S603
                        "--build", str(root), str(target)], check=True,
                       stdout=subprocess.DEVNULL)
    print(f"left to the system's packages: {', '.join(left) or 'none'}")
    print(f"built {target}")
    return target


def build_nsis(frozen: Path, out_dir: Path, *, fast: bool = False,
               makensis: str | None = None) -> Path:
    """Compile packaging/windows/privacy-desk.nsi over the frozen folder.

    On Windows this is the real installer. On Linux makensis compiles the same script
    with the Linux folder as a stand-in payload: that proves the script is valid, not
    that the result installs (only a Windows runner shows that).
    """
    tool = makensis or shutil.which("makensis")
    if not tool:
        raise PackagingError("makensis is not installed (Windows: choco install nsis; "
                             "Debian/Ubuntu: apt-get install nsis).")
    version = frozen_version(frozen)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{APP_ID}-setup-{version}.exe"
    flag = "/" if os.name == "nt" else "-"
    defines = {
        "VERSION": version,
        "VI_VERSION": windows_version(version),
        "SOURCE_DIR": str(frozen.resolve()),
        "ICON": str(ROOT / "resources" / "icons" / f"{APP_ID}.ico"),
        "OUTFILE": str(target.resolve()),
    }
    if fast:
        defines["FAST"] = "1"
    cmd = [tool, f"{flag}V2", f"{flag}WX",  # warnings are errors: a sloppy script fails
           *(f"{flag}D{k}={v}" for k, v in defines.items()),
           str(ROOT / "packaging" / "windows" / f"{APP_ID}.nsi")]
    subprocess.run(cmd, check=True)  # noqa: S603  (our own tool and paths)
    print(f"built {target}")
    return target
