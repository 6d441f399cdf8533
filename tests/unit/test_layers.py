"""The layer contract in pyproject.toml catches an import that runs back up.

`python3 dev.py test` runs lint-imports on the real tree; these tests show the contract is
not vacuous: each kind of violation docs/architecture.md forbids, planted in a copy of the
package, breaks it, with the offending import named.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent)) or shutil.which(
        "lint-imports")
    assert exe, "lint-imports is not installed (python3 dev.py test installs it)"
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run([exe, "--no-cache"], cwd=tree, env=env, capture_output=True,
                          text=True, check=False, timeout=120)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "privacy_desk", tmp_path / "privacy_desk",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_package_keeps_every_contract(tree: Path) -> None:
    result = _lint_imports(tree)
    assert result.returncode == 0, result.stdout
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(("module", "line", "contract"), [
    ("casestore/models.py", "import privacy_desk.services.roles", "Layers"),
    ("portal/lookup.py", "import privacy_desk.casestore.store", "Layers"),
    ("datamap/model.py", "import privacy_desk.casestore.models", "Layers"),
    ("paths.py", "import privacy_desk.domain.requests", "Layers"),
    ("ui/labels.py", "import privacy_desk.casestore.queries", "through the services"),
    ("cli/demo.py", "import privacy_desk.portal.lookup", "through the services"),
    ("services/queue.py", "import PySide6.QtCore", "Only the windows import Qt"),
    ("domain/requests.py", "import sqlalchemy", "do no I/O"),
])
def test_an_import_against_the_house_breaks_the_contract(tree: Path, module: str, line: str,
                                                         contract: str) -> None:
    target = tree / "privacy_desk" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # noqa\n",
                      encoding="utf-8")
    result = _lint_imports(tree)
    assert result.returncode != 0
    broken = result.stdout[result.stdout.index("Broken contracts"):]
    assert contract in broken
    assert module.removesuffix(".py").replace("/", ".") in broken
