#!/usr/bin/env python3
"""One-command developer entry point; needs nothing but Python 3.11+.

    python3 dev.py demo     set everything up, open the app on the synthetic demo portal
    python3 dev.py test     set everything up, run lint, type checks, the layer contract and
                            the whole test suite
    python3 dev.py build    set everything up, build the installer folder with PyInstaller
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
EXTRAS = {"demo": "", "test": "[dev]", "build": "[build]", "bench": "[dev]"}


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


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in EXTRAS:
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    ensure_env(EXTRAS[command])
    if command == "demo":
        return run([str(venv_bin("privacy-desk")), "--demo", *rest])
    if command == "test":
        for step in (
            [str(venv_bin("ruff")), "check", "privacy_desk", "tests", "bench", "dev.py"],
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
