"""Logging to rotating JSON-lines files in `<data_dir>/logs/`, with personal data masked.

Every record passes `MaskingFilter`, which masks 18-character ID numbers and the names the current
session registered (kiosk.core.masking.known_names) in the formatted message, so no handler ever
sees them. One JSON object per line keeps the logs greppable and machine-readable (end-to-end tests
wait for log lines).
"""

from __future__ import annotations

import io
import json
import logging
import logging.handlers
import os
from datetime import UTC, datetime
from pathlib import Path

from kiosk.config import Config
from kiosk.core.masking import mask_text
from kiosk.private_files import create_private, make_private_dir

LOG_FILE_NAME = "kiosk.jsonl"
_HANDLER_NAME = "kiosk-jsonl"


class MaskingFilter(logging.Filter):
    """Formats the message once, masks it, and freezes it (args cleared) so later formatting
    cannot reintroduce the raw values. Exception texts are masked as well."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):  # a bad format string must not lose the record
            message = f"{record.msg!r} {record.args!r}"
        record.msg = mask_text(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask_text(record.exc_text)
        return True


class JsonLinesFormatter(logging.Formatter):
    """One JSON object per line: time (UTC, ISO 8601), level, logger, message, optional exc."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        event = getattr(record, "event", None)
        if event is not None:
            entry["event"] = event
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exc"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A RotatingFileHandler whose files are 0600 whatever the umask: each new file (the first,
    and the fresh one after every rotation) is created private; rotated files keep that mode."""

    def _open(self) -> io.TextIOWrapper:
        fd = create_private(Path(self.baseFilename), os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)


def setup_logging(config: Config, *, console: bool = False) -> Path:
    """Install the rotating JSON-lines handler on the root logger; returns the log file's path.

    Idempotent: calling it again (tests build several applications) replaces our handler.
    """
    log_dir = config.log_dir
    make_private_dir(log_dir)
    path = log_dir / LOG_FILE_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() == _HANDLER_NAME or (
            console and handler.get_name() == _HANDLER_NAME + "-console"
        ):
            root.removeHandler(handler)
            handler.close()
    handler = PrivateRotatingFileHandler(
        path,
        maxBytes=config.logging.max_bytes,
        backupCount=config.logging.backups,
        encoding="utf-8",
    )
    handler.set_name(_HANDLER_NAME)
    handler.addFilter(MaskingFilter())
    handler.setFormatter(JsonLinesFormatter())
    root.addHandler(handler)
    if console:
        stream = logging.StreamHandler()
        stream.set_name(_HANDLER_NAME + "-console")
        stream.addFilter(MaskingFilter())
        stream.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(stream)
    root.setLevel(config.logging.level)
    return path
