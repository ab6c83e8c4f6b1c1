from __future__ import annotations

from datetime import datetime

from kiosk.core.failures import FailureCounter
from kiosk.core.masking import known_names
from kiosk.core.session import Session
from kiosk.demo.samples import SAMPLE_CARD

NOW = datetime(2026, 11, 28, 10, 0)


def test_session_holds_and_clears_personal_data():
    session = Session(language="zh")
    assert not session.active and session.masked_name == ""
    session.language = "en"
    session.set_card(SAMPLE_CARD, NOW)
    assert session.active and session.started_at == NOW
    assert session.masked_name == "王*英"
    assert SAMPLE_CARD.name in known_names
    session.clear(default_language="zh")
    assert session.card is None and session.resident is None and not session.active
    assert session.language == "zh"
    assert SAMPLE_CARD.name not in known_names


def test_failure_counter_window():
    counter = FailureCounter(limit=3, window_s=60)
    assert not counter.record(0)
    assert not counter.record(10)
    assert not counter.record(100)  # the first two fell out of the window
    assert not counter.record(120)
    assert counter.record(130)
    counter.reset()
    assert len(counter) == 0
