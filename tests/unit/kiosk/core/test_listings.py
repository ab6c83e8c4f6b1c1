"""Paging, salary ranges, expiry, phone numbers and contribution summaries (kiosk.core.listings)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from kiosk.core.listings import (
    BenefitStatus,
    PhoneProblem,
    aware,
    benefit_status,
    contribution_summary,
    current_jobs,
    current_notices,
    group_phone,
    is_valid_phone,
    items_per_page,
    keep_numbers_with_units,
    main_benefit,
    page_count,
    page_of,
    paginate_text,
    phone_problem,
    salary_range,
    split_text,
)
from offline_cache.models import Benefit, Certification, Contribution, Job, Notice

TZ = timezone(timedelta(hours=8))
NOW = datetime(2026, 11, 28, 14, 0, tzinfo=TZ)


def job(job_id: str = "J1", low: int | None = None, high: int | None = None, **kw: object) -> Job:
    fields: dict[str, object] = {
        "job_id": job_id,
        "title": "保洁员",
        "employer": "卫生院",
        "township_code": "320102001",
        "headcount": 1,
        "posted_at": NOW - timedelta(days=1),
        "expires_at": NOW + timedelta(days=1),
        "salary_min_cents": low,
        "salary_max_cents": high,
    }
    fields.update(kw)
    return Job(**fields)  # type: ignore[arg-type]


# --- paging ---------------------------------------------------------------------------------


def test_page_count_is_at_least_one():
    assert page_count(0, 3) == 1
    assert page_count(3, 3) == 1
    assert page_count(4, 3) == 2
    with pytest.raises(ValueError):
        page_count(1, 0)


def test_page_of_slices_and_clamps():
    items = list(range(7))
    page = page_of(items, 3, 1)
    assert page.items == (3, 4, 5)
    assert page.has_previous and page.has_next
    last = page_of(items, 3, 99)  # a stale index after the list shrank
    assert last.index == 2 and last.items == (6,)
    assert not last.has_next
    assert page_of([], 3, 0).items == ()


def test_items_per_page():
    assert items_per_page(470, 190, 24) == 2
    assert items_per_page(100, 190, 24) == 1  # never zero
    assert items_per_page(1200, 190, 24) == 5


def test_split_text_cuts_after_a_sentence():
    text = "第一句话稍微长了一点点。" + "第二句" * 10 + "。"
    pages = split_text(text, 20)
    assert pages[0] == "第一句话稍微长了一点点。"  # the sentence end in the page's second half
    assert split_text("短。" + "长" * 30, 20)[0] == "短。" + "长" * 18  # too early: cut at 20
    assert "".join(pages) == text
    assert all(len(p) <= 20 for p in pages)


def test_paginate_text_respects_lines_and_paragraphs():
    body = "\n".join(["甲" * 25, "乙" * 5, "丙" * 50])
    pages = paginate_text(body, chars_per_line=10, lines_per_page=4)
    # 25 chars = 3 lines, 5 chars = 1 line -> page 1 full; 50 chars = 5 lines -> 2 more pages
    assert pages[0] == "甲" * 25 + "\n" + "乙" * 5
    assert "".join(pages[1:]) == "丙" * 50
    for page in pages:
        lines = sum(-(-len(p) // 10) for p in page.split("\n"))
        assert lines <= 4


def test_paginate_text_first_page_smaller_and_nothing_lost():
    body = "。".join("句子" * k for k in range(1, 30))
    pages = paginate_text(body, 12, 6, first_page_lines=2)
    assert sum(-(-len(p) // 12) for p in pages[0].split("\n")) <= 2
    assert "".join(p.replace("\n", "") for p in pages) == body
    assert paginate_text("", 10, 3) == [""]


# --- jobs and notices -----------------------------------------------------------------------


def test_salary_ranges():
    assert salary_range(job(low=400_000, high=600_000)) == "月薪 4,000–6,000 元"
    assert salary_range(job(low=600_000, high=400_000)) == "月薪 4,000–6,000 元"  # swapped
    assert salary_range(job(low=400_000)) == "月薪 4,000 元起"
    assert salary_range(job(high=600_000)) == "月薪最高 6,000 元"
    assert salary_range(job(low=350_050, high=350_050)) == "月薪 3,500.50 元"
    assert salary_range(job()) == "工资面议"
    assert salary_range(job(low=400_000, high=600_000), "en") == "¥4,000–6,000 a month"
    assert salary_range(job(), "en") == "Salary to be agreed"


def test_expired_jobs_are_hidden():
    fresh = job("J1")
    expired = job("J2", expires_at=NOW - timedelta(minutes=1))
    at_the_minute = job("J3", expires_at=NOW)
    assert current_jobs([fresh, expired, at_the_minute], NOW) == [fresh]


def test_current_notices():
    shown = Notice("N1", "t", "b", published_at=NOW - timedelta(days=1))
    future = Notice("N2", "t", "b", published_at=NOW + timedelta(days=1))
    expired = Notice("N3", "t", "b", published_at=NOW - timedelta(days=9), expires_at=NOW)
    assert current_notices([shown, future, expired], NOW) == [shown]


def test_aware_keeps_aware_and_localises_naive():
    assert aware(NOW) is NOW
    assert aware(datetime(2026, 11, 28, 14, 0)).tzinfo is not None


# --- phone numbers --------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["13800138000", "19912345678", "10000000000"])
def test_valid_phones(number):
    assert is_valid_phone(number)
    assert phone_problem(number) is None


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        ("", PhoneProblem.TOO_SHORT),
        ("1380013800", PhoneProblem.TOO_SHORT),
        ("138001380001", PhoneProblem.TOO_SHORT),
        ("23800138000", PhoneProblem.NOT_MOBILE),
        ("02551234567", PhoneProblem.NOT_MOBILE),
        ("1380013800a", PhoneProblem.TOO_SHORT),
    ],
)
def test_invalid_phones_say_why(number, problem):
    assert not is_valid_phone(number)
    assert phone_problem(number) is problem


def test_group_phone():
    assert group_phone("13800138000") == "138 0013 8000"
    assert group_phone("1380") == "138 0"
    assert group_phone("") == ""


# --- benefits and contributions -------------------------------------------------------------


def benefit(kind: str, status: str, cents: int) -> Benefit:
    return Benefit(kind, status, cents, Certification("annual", date(2027, 11, 30)))


def test_benefit_status_and_main_benefit():
    active = benefit("pension", "active", 100_000)
    suspended = benefit("unemployment", "suspended", 300_000)
    assert benefit_status(active) is BenefitStatus.ACTIVE
    assert benefit_status(benefit("pension", "odd", 1)) is BenefitStatus.UNKNOWN
    assert main_benefit([suspended, active]) is active  # active before a larger suspended one
    assert main_benefit([]) is None


def test_contribution_summary_per_scheme():
    rows = [
        Contribution(2010, "medical", 12, 0, 1000, 0),
        Contribution(2010, "employee_pension", 12, 0, 2000, 0),
        Contribution(2011, "employee_pension", 6, 0, 1000, 0),
        Contribution(2012, "employee_pension", 0, 0, 0, 0),  # a year with nothing paid
    ]
    pension, medical = contribution_summary(rows)
    assert pension.scheme == "employee_pension"  # pension listed first
    assert (pension.first_year, pension.latest_year) == (2010, 2011)
    assert pension.years == 2
    assert pension.months == 18
    assert pension.personal_cents == 3000
    assert medical.months == 12
    assert contribution_summary([]) == []


def test_numbers_are_joined_to_their_units_for_display():
    shown = keep_numbers_with_units("每人每月500元，连续3个月，60周岁以上；第2批")
    assert shown == "每人每月500\u2060元，连续3\u2060个月，60\u2060周岁以上；第2批"
    assert keep_numbers_with_units("没有数字") == "没有数字"
