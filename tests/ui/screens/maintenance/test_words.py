"""The technician's words for codes (kiosk/screens/maintenance/words.py): every code the
diagnostics can give has words, a platform reason's code is found, times are the kiosk's."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk.i18n import qm_path
from kiosk.screens.maintenance.words import (
    code_words,
    kind_words,
    known,
    leading_code,
    local_time,
    message_words,
)

ROOT = Path(__file__).resolve().parents[4]


def diagnostic_reasons() -> set[str]:
    """The reason codes kiosk/ops/diagnostics*.py writes into a Check (and the printer's states)."""
    found: set[str] = set()
    for path in (ROOT / "kiosk" / "ops").glob("diagnostics*.py"):
        text = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'State\.(?:FAULT|WARNING|UNKNOWN|OK), *"([a-z_]+)"', text))
        found |= set(re.findall(r'_Finding\(State\.[A-Z]+, "([a-z_]+)"', text))
        block = re.search(r"_PRINTER_FAULTS = \{(.*?)\}", text, re.S)
        if block:
            found |= set(re.findall(r'"([a-z_]+)":', block.group(1)))
    return found


def test_every_diagnostic_reason_has_words(qapp: Any) -> None:
    reasons = diagnostic_reasons()
    assert {"simulated", "out_of_paper", "no_reader", "unreachable"} <= reasons  # the scan works
    assert {r for r in reasons if not known(r)} == set()


def test_words_in_chinese_and_english_and_unknown_codes_shown_as_they_are(qapp: Any) -> None:
    assert code_words("out_of_paper") == "纸用完了：请装纸"
    assert code_words("simulated") == "模拟设备（演示用），不是真实设备"
    assert code_words("frobnicated") == "frobnicated"  # never hidden
    assert kind_words("job_interest") == "岗位意向登记" and kind_words("odd") == "odd"
    translator = QTranslator()
    assert translator.load(qm_path("en"))
    QCoreApplication.installTranslator(translator)
    try:
        assert code_words("out_of_paper") == "Out of paper: load paper"
        assert kind_words("job_interest") == "Job interest"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_the_code_of_a_platform_reason(qapp: Any) -> None:
    assert leading_code("job_closed: the job was withdrawn on 2026-11-26") == "job_closed"
    assert leading_code("job_closed for 320102195304281234") == "job_closed"
    assert leading_code("unknown_resident: person_id is not on the roster") == "unknown_resident"
    assert leading_code("kind must be one of certification") is None
    assert leading_code("weird_code: something") is None  # unknown: the raw text says it
    assert message_words("paper_jam: tray 2") == "卡纸了：请打开打印机取出纸张"
    assert message_words("OSError: disk full") == ""


def test_times_are_the_kiosks_local_time_whatever_their_offset(qapp: Any) -> None:
    assert local_time("2026-11-27T02:15:00+00:00", "zh") == "2026年11月27日 10:15"
    assert local_time("2026-11-27T10:15:00+08:00", "zh") == "2026年11月27日 10:15"
    assert local_time("2026-11-27T23:30:00+00:00", "en") == "28 Nov 2026 07:30"
    assert local_time(datetime(2026, 1, 1, 0, 0, tzinfo=UTC), "zh") == "2026年1月1日 08:00"
    assert local_time("not a time", "zh") == "not a time"
