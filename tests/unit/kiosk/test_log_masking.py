"""kiosk/logging_setup.py: JSON lines in the data directory, ID numbers and names masked."""

from __future__ import annotations

import json
import logging

import pytest

from kiosk.config import load_config
from kiosk.core.masking import known_names
from kiosk.logging_setup import setup_logging

PID = "320102195203140021"


@pytest.fixture(autouse=True)
def _remove_our_handlers():
    yield
    root = logging.getLogger()
    for handler in list(root.handlers):
        if (handler.get_name() or "").startswith("kiosk-jsonl"):
            root.removeHandler(handler)
            handler.close()


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_json_lines_with_ids_and_session_names_masked(write_config):
    config = load_config(write_config(logging={"max_bytes": 100_000, "backups": 2}))
    path = setup_logging(config)
    assert path.parent == config.paths.data_dir / "logs"
    log = logging.getLogger("kiosk.test")
    known_names.add("王秀英")
    try:
        log.info("resident %s (%s) certified", "王秀英", PID)
        log.warning("free text with 王秀英 and %d", 3)
        try:
            raise ValueError(f"bad {PID}")
        except ValueError:
            log.exception("failed for 王秀英")
    finally:
        known_names.discard("王秀英")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert PID not in text and "王秀英" not in text
    entries = _lines(path)
    messages = [e["message"] for e in entries if e["logger"] == "kiosk.test"]
    assert messages[0] == "resident 王*英 (3201**********0021) certified"
    assert messages[1] == "free text with 王*英 and 3"
    failure = next(e for e in entries if e["message"] == "failed for 王*英")
    assert failure["level"] == "ERROR" and "3201**********0021" in failure["exc"]


def test_log_files_rotate(write_config):
    config = load_config(write_config(logging={"max_bytes": 2000, "backups": 2}))
    path = setup_logging(config)
    log = logging.getLogger("kiosk.rotate")
    for i in range(200):
        log.info("line %d %s", i, "x" * 50)
    files = sorted(p.name for p in path.parent.iterdir())
    assert files == ["kiosk.jsonl", "kiosk.jsonl.1", "kiosk.jsonl.2"]
