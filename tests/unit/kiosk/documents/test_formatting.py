from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from kiosk.documents.formatting import (
    chinese_date,
    chinese_datetime,
    mask_id,
    mask_name,
    money,
    scheme_name,
)


def test_money_groups_and_keeps_fen() -> None:
    assert money(123450) == "¥1,234.50"
    assert money(5) == "¥0.05"
    assert money(0) == "¥0.00"
    assert money(123456789) == "¥1,234,567.89"
    assert money(-1200) == "-¥12.00"


def test_dates_have_no_leading_zeros() -> None:
    assert chinese_date(date(2027, 11, 30)) == "2027年11月30日"
    assert chinese_date(date(2027, 1, 5)) == "2027年1月5日"
    t = datetime(2026, 11, 28, 9, 5, tzinfo=timezone(timedelta(hours=8)))
    assert chinese_datetime(t) == "2026年11月28日 09:05"


def test_mask_id_keeps_first_and_last_four() -> None:
    assert mask_id("32010219650315123X") == "3201**********123X"
    assert mask_id("1234567") == "*******"


def test_mask_name() -> None:
    assert mask_name("王秀英") == "王*英"
    assert mask_name("王英") == "王*"
    assert mask_name("欧阳䶮英") == "欧**英"


def test_unknown_scheme_is_printed_as_is() -> None:
    assert scheme_name("medical") == "医疗保险"
    assert scheme_name("long_term_care") == "long_term_care"
