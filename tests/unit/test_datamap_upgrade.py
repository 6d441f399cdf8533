"""``datamap upgrade``: a v1 map becomes v2 with its comments kept, and still means the same."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from privacy_desk.datamap import load_datamap, parse_datamap
from privacy_desk.datamap.upgrade import upgrade_datamap
from privacy_desk.resources import resource_path


def test_demo_map_upgrades_keeping_comments_and_meaning() -> None:
    text = resource_path("datamaps", "demo-portal.yaml").read_text(encoding="utf-8")
    upgraded = upgrade_datamap(text)
    before, after = parse_datamap(text), parse_datamap(upgraded)
    assert (before.version, after.version) == (1, 2)
    assert "# Data map for the synthetic demo portal" in upgraded
    assert "# 1000001, ..." in upgraded  # an end-of-line comment survives
    assert [t.kind for t in after.subject_tables] == ["customer"]
    assert after.tables.keys() == before.tables.keys()
    for name, table in before.tables.items():
        def same(cols: object) -> dict[str, object]:
            return {n: replace(c, line=0) for n, c in cols.items()}  # type: ignore[attr-defined]
        assert same(after.tables[name].columns) == same(table.columns)
        assert [[(r.table, r.on) for r in chain] for chain in after.paths.get(name, ())] == \
            [[(r.table, r.on) for r in chain] for chain in before.paths.get(name, ())]
    assert upgrade_datamap(upgraded) == upgraded  # idempotent


def test_cli_writes_the_upgraded_map(tmp_path: Path) -> None:
    source = tmp_path / "portal.yaml"
    source.write_text(resource_path("datamaps", "demo-portal.yaml").read_text(encoding="utf-8"),
                      encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "privacy_desk", "datamap", "upgrade",
                          "--map", str(source), "--out", str(source)],
                         capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert load_datamap(source).version == 2
    broken = tmp_path / "broken.yaml"
    broken.write_text("datamap_version: 1\nname: x\ncolums: {}\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "privacy_desk", "datamap", "upgrade",
                          "--map", str(broken)], capture_output=True, text=True, check=False)
    assert run.returncode != 0 and "broken.yaml:" in run.stderr
    assert "Traceback" not in run.stderr
