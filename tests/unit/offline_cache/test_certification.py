from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from offline_cache.certification import certified_this_period, next_due_by

CST = timezone(timedelta(hours=8))


@pytest.mark.parametrize(
    ("period", "due", "on", "expected"),
    [
        ("annual", date(2026, 12, 31), date(2026, 11, 28), date(2027, 12, 31)),
        ("annual", date(2024, 2, 29), date(2024, 2, 1), date(2025, 2, 28)),
        # certified late (already suspended): the next due date lies after the certification
        ("annual", date(2024, 6, 30), date(2025, 8, 1), date(2026, 6, 30)),
        ("monthly", date(2026, 11, 30), date(2026, 11, 28), date(2026, 12, 31)),
        ("monthly", date(2026, 12, 31), date(2026, 12, 5), date(2027, 1, 31)),
        ("monthly", date(2027, 1, 31), date(2027, 1, 31), date(2027, 2, 28)),
    ],
)
def test_next_due_by(period: str, due: date, on: date, expected: date) -> None:
    assert next_due_by(period, due, on) == expected


def test_unknown_period_is_an_error() -> None:
    with pytest.raises(ValueError):
        next_due_by("weekly", date(2026, 1, 1), date(2026, 1, 1))


def test_certified_this_period() -> None:
    now = datetime(2026, 11, 28, 10, 0, tzinfo=CST)
    last_year = datetime(2025, 12, 2, 9, 0, tzinfo=CST)
    assert not certified_this_period("annual", date(2026, 12, 31), last_year, now)
    assert certified_this_period("annual", date(2027, 12, 31), now, now)
    assert not certified_this_period("annual", date(2026, 12, 31), None, now)
    assert certified_this_period("monthly", date(2026, 12, 31), now - timedelta(days=3), now)
    assert not certified_this_period(
        "monthly", date(2026, 11, 30), datetime(2026, 10, 30, tzinfo=CST), now
    )
