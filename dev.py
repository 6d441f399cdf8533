#!/usr/bin/env python3
"""One-command developer entry point; needs nothing but Python 3.11+.

    python3 dev.py demo     set everything up, open the app on the synthetic demo portal
    python3 dev.py test     set everything up, run lint, type checks, the layer contract and
                            the whole test suite
    python3 dev.py build    set everything up, build the installer folder with PyInstaller
    python3 dev.py package  wrap the built folder in an installer: a .deb on Linux, the
                            NSIS setup .exe on Windows (options: --format deb|nsis,
                            --version-suffix SUFFIX, --fast, --out DIR; see --help)
    python3 dev.py bench    run the benchmarks in bench/ (writes docs/benchmarks.md)

"Set everything up" means: create ./.venv if missing and install the project with the
extras that command needs, again only when pyproject.toml has changed. Extra arguments
after the command are passed on (to pytest, or to privacy-desk).
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
EXTRAS = {"demo": "", "test": "[dev]", "build": "[build]", "bench": "[dev]", "package": ""}


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def venv_bin(name: str) -> Path:
    return VENV / ("Scripts" if os.name == "nt" else "bin") / (
        f"{name}.exe" if os.name == "nt" else name)


def ensure_env(extras: str) -> None:
    """Create the virtualenv and install the project (editable) with ``extras``."""
    if sys.version_info < (3, 11):
        sys.exit("Privacy Desk needs Python 3.11 or newer.")
    if not venv_python().exists():
        print(f"Creating a virtual environment in {VENV} …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp_text = (ROOT / "pyproject.toml").read_bytes() + extras.encode()
    stamp = hashlib.sha256(stamp_text).hexdigest()
    stamp_file = VENV / f".installed{extras.strip('[]') or '-base'}"
    if stamp_file.exists() and stamp_file.read_text() == stamp:
        return
    print(f"Installing Privacy Desk{extras} and its dependencies …", flush=True)
    py = str(venv_python())
    subprocess.run([py, "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run([py, "-m", "pip", "install", "--quiet", "-e", f".{extras}"],
                   check=True, cwd=ROOT)
    stamp_file.write_text(stamp)


def run(cmd: list[str], **kw: object) -> int:
    print("+ " + " ".join(cmd), flush=True)
    return subprocess.run(cmd, cwd=ROOT, check=False, **kw).returncode  # type: ignore[call-overload]


def qt_libraries_missing() -> int:
    """Before installing anything: can Qt open a window here? Say what to install if not.

    Uses privacy_desk/ui/startup.py (standard library only) from this checkout.
    """
    sys.path.insert(0, str(ROOT))
    try:
        from privacy_desk.ui.startup import main as check_qt_libraries
    finally:
        sys.path.remove(str(ROOT))
    return check_qt_libraries()


def package(argv: list[str]) -> int:
    """``dev.py package``: an installer from dist/privacy-desk (packaging/package.py)."""
    import argparse

    parser = argparse.ArgumentParser(prog="dev.py package")
    parser.add_argument("--format", choices=["deb", "nsis"],
                        default="nsis" if os.name == "nt" else "deb")
    parser.add_argument("--version-suffix", default=os.environ.get(
        "PRIVACY_DESK_VERSION_SUFFIX", ""),
        help="appended to the .deb version, e.g. +1 for a rebuild (env "
        "PRIVACY_DESK_VERSION_SUFFIX)")
    parser.add_argument("--fast", action="store_true",
                        help="light compression, for CI round trips (not for release)")
    parser.add_argument("--out", default=str(ROOT / "dist"), help="where to write it")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "packaging"))
    import package as packaging  # packaging/package.py

    frozen = ROOT / "dist" / "privacy-desk"
    try:
        if args.format == "deb":
            packaging.build_deb(frozen, Path(args.out), suffix=args.version_suffix,
                                compression="gzip" if args.fast else "xz",
                                level=1 if args.fast else None)
        else:
            packaging.build_nsis(frozen, Path(args.out), fast=args.fast)
    except packaging.PackagingError as exc:
        print(f"dev.py package: {exc}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in EXTRAS:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "package":
        return package(rest)
    if command == "demo" and (code := qt_libraries_missing()):
        return code
    ensure_env(EXTRAS[command])
    if command == "demo":
        return run([str(venv_bin("privacy-desk")), "--demo", *rest])
    if command == "test":
        for step in (
            [str(venv_bin("ruff")), "check", "privacy_desk", "tests", "bench", "dev.py",
             "tools", "packaging"],
            [str(venv_bin("mypy"))],
            # The layer contract in pyproject.toml (docs/architecture.md).
            [str(venv_bin("lint-imports")), "--no-cache"],
        ):
            if code := run(step):
                return code
        code = run([str(venv_python()), "-m", "pytest", *rest])
        return code
    if command == "build":
        return run([str(venv_python()), "-m", "PyInstaller", "--noconfirm", "--clean",
                    "build.spec", *rest])
    # bench
    code = 0
    for script in sorted((ROOT / "bench").glob("bench_*.py")):
        code = run([str(venv_python()), str(script), *rest]) or code
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
