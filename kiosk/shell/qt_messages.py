"""Qt's own messages through one handler: known noise out, everything else still seen.

Offscreen rendering (screenshots, the no-display demo, tests) makes Qt warn "This plugin does not
support propagateSizeHints()" for every window shown, and Qt Multimedia reports each optional
library it probes for (pipewire, VA-API…) under `qt.multimedia.*`: hundreds of lines that hid the
warnings that matter. This handler drops that one offscreen message, sends `qt.multimedia.*` to
the log at DEBUG, and passes every other message on: to the log at its level and, for warnings
and worse, to stderr as Qt's default handler does (masked there too: under systemd stderr is the
journal).
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from kiosk.core.masking import mask_text

log = logging.getLogger("qt")

DROPPED = frozenset({"This plugin does not support propagateSizeHints()"})
QUIET_CATEGORY_PREFIX = "qt.multimedia"  # optional-library probes: debug only
LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def level_for(kind: QtMsgType, category: str | None, message: str) -> int | None:
    """The logging level a Qt message gets; None: dropped."""
    if message in DROPPED:
        return None
    if category is not None and (
        category == QUIET_CATEGORY_PREFIX or category.startswith(QUIET_CATEGORY_PREFIX + ".")
    ):
        return logging.DEBUG
    return LEVELS.get(kind, logging.WARNING)


def handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    level = level_for(kind, context.category, message)
    if level is None:
        return
    log.log(level, "%s", message, extra={"event": "qt_message"})
    if level >= logging.WARNING:
        print(mask_text(message), file=sys.stderr)  # stderr is the journal: masked like the log


def install() -> None:
    """Call once, before the QApplication exists (kiosk/main.py, scripts/screenshots.py)."""
    qInstallMessageHandler(handle)
