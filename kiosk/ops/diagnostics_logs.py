"""The last errors from the kiosk's JSON-lines logs, for the diagnostics screen and the bundle.

The files are `<log_dir>/*.jsonl*` (the live file and its rotated backups), one JSON object per
line with at least a level and a message (`message` or `msg`). Reading is tolerant: a line that is
not JSON, or lacks fields, is counted and skipped, never fatal. Only the tail of each file is
read, newest file first, so a huge log costs little. Messages were masked when logged; they are
masked again here in case an older version wrote them unmasked.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from kiosk.core.masking import mask_text
from kiosk.ops.diagnostics_model import Check, CheckId, State, guarded

LOG_GLOB = "*.jsonl*"
TAIL_BYTES = 1024 * 1024  # read at most this much from the end of each file
MAX_ERRORS = 10  # entries shown
MAX_MESSAGE_CHARS = 300
RECENT_ERROR_WINDOW_S = 24 * 3600.0  # errors older than this are history, not a warning
ERROR_LEVELS = frozenset({"ERROR", "CRITICAL", "FATAL"})


@dataclass(frozen=True)
class LogError:
    time: str | None  # as logged (ISO 8601), None if the line had no time
    level: str
    logger: str
    message: str


@dataclass(frozen=True)
class LogScan:
    errors: list[LogError]  # newest first, at most MAX_ERRORS
    files: int
    skipped_lines: int


def log_files(log_dir: Path) -> list[Path]:
    """Newest first (by modification time; the live file wins a tie over its backups)."""
    files = [p for p in log_dir.glob(LOG_GLOB) if p.is_file()]
    return sorted(files, key=lambda p: (p.stat().st_mtime, -len(p.name)), reverse=True)


def _tail_lines(path: Path) -> list[str]:
    with path.open("rb") as f:
        size = f.seek(0, 2)
        start = max(0, size - TAIL_BYTES)
        f.seek(start)
        data = f.read()
    lines = data.decode("utf-8", errors="replace").splitlines()
    return lines[1:] if start else lines  # the first line of a tail is usually cut


def _parse(line: str) -> LogError | None:
    """None for a line that is not a log entry (raises ValueError on garbage)."""
    entry = json.loads(line)
    if not isinstance(entry, dict):
        raise ValueError("not an object")
    level = str(entry.get("level") or entry.get("levelname") or "").upper()
    message = entry.get("message", entry.get("msg"))
    if not level or message is None:
        raise ValueError("no level or message")
    if level not in ERROR_LEVELS:
        return None
    text = mask_text(" ".join(str(message).split()))[:MAX_MESSAGE_CHARS]
    when = entry.get("time") or entry.get("asctime")
    return LogError(str(when) if when else None, level, str(entry.get("logger", "")), text)


def scan_logs(log_dir: Path, limit: int = MAX_ERRORS) -> LogScan:
    files = log_files(log_dir) if log_dir.is_dir() else []
    errors: list[LogError] = []
    skipped = 0
    for path in files:
        try:
            lines = _tail_lines(path)
        except OSError:
            skipped += 1
            continue
        for line in reversed(lines):
            if not line.strip():
                continue
            try:
                found = _parse(line)
            except (ValueError, TypeError):
                skipped += 1
                continue
            if found is not None:
                errors.append(found)
                if len(errors) >= limit:
                    return LogScan(errors, len(files), skipped)
    return LogScan(errors, len(files), skipped)


def _timestamp(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
    except ValueError:
        return None


def check_log_errors(log_dir: Path, now: float) -> Check:
    """WARNING when an error was logged within `RECENT_ERROR_WINDOW_S`; UNKNOWN without logs."""

    def probe() -> Check:
        scan = scan_logs(log_dir)
        details = {
            "log_dir": str(log_dir),
            "files": scan.files,
            "skipped_lines": scan.skipped_lines,
            "errors": [asdict(e) for e in scan.errors],
        }
        cid = CheckId.LOG_ERRORS
        if not scan.files:
            return Check(cid, State.UNKNOWN, "no_logs", f"no log files in {log_dir}", details)
        recent = [
            e
            for e in scan.errors
            if (ts := _timestamp(e.time)) is None or now - ts <= RECENT_ERROR_WINDOW_S
        ]
        if recent:
            text = f"{len(recent)} error(s) in the last 24 h; latest: {recent[0].message}"
            return Check(cid, State.WARNING, "recent_errors", text[:MAX_MESSAGE_CHARS], details)
        return Check(cid, State.OK, "ok", "no errors in the last 24 h", details)

    return guarded(CheckId.LOG_ERRORS, probe)
