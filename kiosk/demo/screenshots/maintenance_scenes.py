"""Screenshot scenes of the maintenance screens, with synthetic checks and entries only
(used by kiosk/demo/screenshots/gallery.py and the layout test)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from kiosk.ops.diagnostics import Check, CheckId, State
from kiosk.ops.technician import AttemptOutcome, AttemptResult
from kiosk.screens.maintenance.actions import ConfirmParams, FolderParams, Question
from kiosk.screens.maintenance.words import code_words
from kiosk.screens.names import ScreenName

if TYPE_CHECKING:
    from kiosk.app import KioskApp

SAMPLE_CHECKS = (
    Check(
        CheckId.CARD_READER,
        State.WARNING,
        "simulated",
        'simulated device ([devices] card = "simulated"); simulated reader: ready, no card',
    ),
    Check(
        CheckId.FINGERPRINT,
        State.OK,
        "ok",
        "responding: capacity 1000, 57600 baud",
        {"capacity": 1000},
    ),
    Check(
        CheckId.PRINTER,
        State.FAULT,
        "out_of_paper",
        "statement: out of paper: load paper (media-empty-error)",
    ),
    Check(
        CheckId.COUNTY,
        State.WARNING,
        "unreachable",
        "not reachable (connection refused)",
        {
            "pending": 12,
            "rejected": 1,
            "clock_offset_s": 2.0,
            "feed_ages_s": {"roster": 5400.0, "jobs": 5400.0, "notices": 5400.0},
        },
    ),
    Check(
        CheckId.DISK,
        State.OK,
        "ok",
        "41.3 GiB free of 58.0 GiB",
        {"free_bytes": 44_345_000_000, "total_bytes": 62_277_000_000},
    ),
    Check(CheckId.SOFTWARE, State.OK, "ok", "kiosk 0.1.0", {"kiosk_version": "0.1.0"}),
    Check(CheckId.LOG_ERRORS, State.UNKNOWN, "no_logs", "no log files yet"),
)

SAMPLE_REJECTED: list[dict[str, Any]] = [
    {
        "id": "0b7c3f5e-1d2a-4c8e-9f00-000000000001",
        "seq": 41,
        "kind": "job_interest",
        "occurred_at": "2026-11-27T10:15:00+08:00",
        "person_id": "3201**********123X",
        "reason": "job_closed: the job was withdrawn on 2026-11-26",
    },
    {
        "id": "0b7c3f5e-1d2a-4c8e-9f00-000000000002",
        "seq": 57,
        "kind": "rating",
        "occurred_at": "2026-11-27T16:40:00+08:00",
        "person_id": None,
        "reason": "bad_request: score out of range",
    },
]


def _entry(app: KioskApp) -> None:
    app.navigator.go(ScreenName.MAINTENANCE)
    screen = app.screen(ScreenName.MAINTENANCE)
    screen.keypad.press("2")
    screen.keypad.press("4")
    screen.show_result(AttemptResult(AttemptOutcome.WRONG_PIN, tries_left=3))


def _diagnostics(app: KioskApp) -> None:
    screen = app.navigator.go(ScreenName.MAINTENANCE_DIAGNOSTICS)
    for check in SAMPLE_CHECKS:
        screen.show_check(check)  # type: ignore[attr-defined]


def _actions(app: KioskApp) -> None:
    screen = app.navigator.go(ScreenName.MAINTENANCE_ACTIONS)
    labels = (  # worded as the maintenance flow words a test card
        QCoreApplication.translate("Maintenance", "卡号"),
        QCoreApplication.translate("Maintenance", "身份证号"),
        QCoreApplication.translate("Maintenance", "姓名"),
        QCoreApplication.translate("Maintenance", "有效期至"),
    )
    values = ("A0****789", "3201**********123X", "王*英", "2031年5月1日")
    detail = " · ".join(f"{k} {v}" for k, v in zip(labels, values, strict=True))
    card_read = QCoreApplication.translate("Maintenance", "读卡正常")
    screen.show_result(True, card_read, detail)  # type: ignore[attr-defined]
    screen.show_volume(70)  # type: ignore[attr-defined]


def _actions_failed(app: KioskApp) -> None:
    """A test page that did not print: the words, and the printer's code small underneath."""
    screen = app.navigator.go(ScreenName.MAINTENANCE_ACTIONS)
    screen.show_result(  # type: ignore[attr-defined]
        False,
        QCoreApplication.translate("Maintenance", "打印测试页"),
        code_words("out_of_paper"),
        "out_of_paper: statement: media-empty-error",
    )


def _rejected(app: KioskApp) -> None:
    screen = app.navigator.go(ScreenName.MAINTENANCE_REJECTED)
    screen.show_entries(SAMPLE_REJECTED)  # type: ignore[attr-defined]


def _folder(app: KioskApp) -> None:
    screen = app.navigator.go(ScreenName.MAINTENANCE_FOLDER, FolderParams("bundle"))
    screen.show_folders(["/media/kiosk/KINGSTON", "/var/lib/kiosk/exports"])  # type: ignore[attr-defined]


def _confirm(app: KioskApp) -> None:
    app.navigator.go(ScreenName.MAINTENANCE_CONFIRM, ConfirmParams(Question.TEST_PAGE_OK))


MAINTENANCE_SCENES: dict[str, Callable[[KioskApp], None]] = {
    "maintenance": _entry,
    "maintenance_diagnostics": _diagnostics,
    "maintenance_actions": _actions,
    "maintenance_actions_failed": _actions_failed,
    "maintenance_rejected": _rejected,
    "maintenance_folder": _folder,
    "maintenance_confirm": _confirm,
}
