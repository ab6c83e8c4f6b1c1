"""When a resident must certify next, and whether they already have this period.

The rules (agreed with the county, see docs/offline-and-sync.md):
- annual: certifying moves `due_by` one year on from the current due date (repeated until it lies
  after the certification day, for a resident who certifies late);
- monthly: certifying makes the resident due by the last day of the following month.
Certifying twice in one period is harmless: the second time changes no date.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

ANNUAL = "annual"
MONTHLY = "monthly"


def add_years(day: date, years: int) -> date:
    """Same day `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def next_due_by(period: str, current_due_by: date, certified_on: date) -> date:
    """The new `due_by` after a successful certification on `certified_on`."""
    if period == ANNUAL:
        due = add_years(current_due_by, 1)
        while due <= certified_on:
            due = add_years(due, 1)
        return due
    if period == MONTHLY:
        following = certified_on.replace(day=1) + timedelta(days=32)
        return end_of_month(following.year, following.month)
    raise ValueError(f"unknown certification period {period!r}")


def certified_this_period(
    period: str, due_by: date, last_certified_at: datetime | None, now: datetime
) -> bool:
    """True when a certification already counts for the period that `now` falls in.

    Either the due date already lies a full period ahead (the resident certified early and the
    date moved), or the last certification came after the previous due date (it was made for the
    current period, possibly late).
    """
    today = now.date()
    if period == ANNUAL:
        if due_by > add_years(today, 1):
            return True
        return last_certified_at is not None and _day(last_certified_at, now) > add_years(
            due_by, -1
        )
    if period == MONTHLY:
        if due_by > end_of_month(today.year, today.month):
            return True
        return last_certified_at is not None and (
            _day(last_certified_at, now).replace(day=1) == today.replace(day=1)
        )
    raise ValueError(f"unknown certification period {period!r}")


def _day(moment: datetime, now: datetime) -> date:
    """The calendar day of `moment` in the time zone of `now`."""
    return (moment.astimezone(now.tzinfo) if now.tzinfo else moment).date()
