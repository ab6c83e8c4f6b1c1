"""Reading the last errors from the JSON-lines logs, tolerantly."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.ops.diagnostics import State
from kiosk.ops.diagnostics_logs import check_log_errors, scan_logs

NOW = datetime(2026, 11, 28, 5, 0, tzinfo=UTC)


def line(level: str, message: str, hours_ago: float = 1.0, key: str = "message") -> str:
    when = (NOW - timedelta(hours=hours_ago)).isoformat()
    return json.dumps({"time": when, "level": level, "logger": "kiosk.x", key: message})


def test_recent_errors_warn_newest_first_and_garbage_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "kiosk.jsonl").write_text(
        "\n".join(
            [
                line("INFO", "started"),
                "not json at all",
                '{"level": "ERROR"}',
                line("ERROR", "printer said no", 3),
                line("CRITICAL", "sync thread died", 2, key="msg"),
                '["a list"]',
                line("WARNING", "slow"),
            ]
        )
        + "\n"
    )
    check = check_log_errors(tmp_path, NOW.timestamp())
    assert check.state is State.WARNING and "sync thread died" in check.text
    messages = [e["message"] for e in check.details["errors"]]
    assert messages == ["sync thread died", "printer said no"]
    assert check.details["skipped_lines"] == 3


def test_old_errors_are_history(tmp_path: Path) -> None:
    (tmp_path / "kiosk.jsonl").write_text(line("ERROR", "long ago", 72) + "\n")
    check = check_log_errors(tmp_path, NOW.timestamp())
    assert check.state is State.OK and check.details["errors"][0]["message"] == "long ago"


def test_no_logs_is_unknown(tmp_path: Path) -> None:
    assert check_log_errors(tmp_path / "none", NOW.timestamp()).state is State.UNKNOWN


def test_rotated_files_are_read_and_id_numbers_masked(tmp_path: Path) -> None:
    (tmp_path / "kiosk.jsonl.1").write_text(line("ERROR", "old file: 32010219500101123X", 5) + "\n")
    (tmp_path / "kiosk.jsonl").write_text(line("ERROR", "new file") + "\n")
    scan = scan_logs(tmp_path)
    assert scan.files == 2
    assert scan.errors[0].message == "new file"
    assert "3201**********123X" in scan.errors[1].message
    assert "32010219500101123X" not in scan.errors[1].message
