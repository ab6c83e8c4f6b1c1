"""The sqlite-utils comparison is run on demand with sqlite-utils installed by hand (it is not a
kiosk dependency: docs/architecture.md, "sqlite-utils"); without it, it says so and writes nothing.
No test here skips: the comparison itself is a benchmark, never run by `make test`."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import sqlite_utils_roster

pytestmark = pytest.mark.realstack  # child processes and SQLite files


def test_without_sqlite_utils_it_says_so_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sqlite_utils_roster, "sqlite_utils_available", lambda: False)
    doc = tmp_path / "performance.md"
    sqlite_utils_roster.main(["--write", str(doc), "--results", str(tmp_path / "r.json")])
    assert "pip install sqlite-utils" in capsys.readouterr().err
    assert not doc.exists()
