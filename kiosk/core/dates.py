"""Dates for display and for speech: "2027年11月30日" written, "二零二七年十一月三十日" spoken."""

from __future__ import annotations

from datetime import date, datetime

from kiosk.core.numbers import chinese_integer, digits_in_chinese

_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def format_date(day: date) -> str:
    """ "2027年11月30日" (no leading zeros, as written on Chinese forms)."""
    return f"{day.year}年{day.month}月{day.day}日"


def format_date_en(day: date) -> str:
    """ "30 November 2027"."""
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


def format_month_day(day: date) -> str:
    """ "11月28日" for the clock in the top bar."""
    return f"{day.month}月{day.day}日"


def format_month_day_en(day: date) -> str:
    """ "28 Nov"."""
    return f"{day.day} {_MONTHS_EN[day.month - 1][:3]}"


def format_clock(now: datetime) -> str:
    return f"{now.hour:02d}:{now.minute:02d}"


def spoken_date(day: date) -> str:
    """ "二零二七年十一月三十日": the year digit by digit, month and day as numbers."""
    return (
        f"{digits_in_chinese(str(day.year))}年"
        f"{chinese_integer(day.month)}月{chinese_integer(day.day)}日"
    )


def spoken_date_en(day: date) -> str:
    return format_date_en(day)
