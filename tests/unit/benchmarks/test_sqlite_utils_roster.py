"""The sqlite-utils comparison at a tiny size: both paths run in their child processes, leave the
same rows, and the report lands in its own section. Skipped where sqlite-utils is not installed
(it is not a kiosk dependency: docs/architecture.md, "sqlite-utils")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import sqlite_utils_roster

pytestmark = pytest.mark.realstack  # child processes and SQLite files


def test_both_paths_load_the_same_roster_and_fill_their_section(tmp_path: Path) -> None:
    pytest.importorskip("sqlite_utils")
    results, doc = tmp_path / "results.json", tmp_path / "performance.md"
    doc.write_text("# Performance\n\n## Card reader\n\nsomeone else's numbers\n", encoding="utf-8")
    sqlite_utils_roster.main(
        ["--residents", "600", "--runs", "1", "--results", str(results), "--write", str(doc)]
    )
    summary = json.loads(results.read_text(encoding="utf-8"))["sqlite_utils_roster"]
    assert summary["digest"]["residents"] == 600
    for path in sqlite_utils_roster.PATHS:
        assert summary[path]["pages"] == 2  # 500 + 100
        assert all(s > 0 for s in summary[path]["insert_cpu_s"] + summary[path]["update_s"])
    text = doc.read_text(encoding="utf-8")
    assert "someone else's numbers" in text
    assert text.count(sqlite_utils_roster.SECTION) == 1 and "600 seed residents" in text


def test_without_sqlite_utils_it_says_so_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sqlite_utils_roster, "sqlite_utils_available", lambda: False)
    doc = tmp_path / "performance.md"
    sqlite_utils_roster.main(["--write", str(doc), "--results", str(tmp_path / "r.json")])
    assert "pip install sqlite-utils" in capsys.readouterr().err
    assert not doc.exists()
