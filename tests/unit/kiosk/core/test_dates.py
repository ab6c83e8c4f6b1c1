from __future__ import annotations

from datetime import date, datetime

from kiosk.core.dates import (
    format_clock,
    format_date,
    format_date_en,
    format_month_day,
    spoken_date,
)


def test_written_dates():
    assert format_date(date(2027, 11, 30)) == "2027年11月30日"
    assert format_date(date(2027, 1, 5)) == "2027年1月5日"
    assert format_date_en(date(2027, 11, 30)) == "30 November 2027"
    assert format_month_day(date(2026, 11, 28)) == "11月28日"
    assert format_clock(datetime(2026, 11, 28, 9, 5)) == "09:05"


def test_spoken_date():
    assert spoken_date(date(2027, 11, 30)) == "二零二七年十一月三十日"
    assert spoken_date(date(2030, 1, 1)) == "二零三零年一月一日"
