from __future__ import annotations

import pytest

from kiosk.core.money import format_yuan, format_yuan_en, yuan_in_words, yuan_in_words_en
from kiosk.core.numbers import chinese_integer, digits_in_chinese


@pytest.mark.parametrize(
    ("cents", "words"),
    [
        (123450, "一千二百三十四元五角"),
        (123456, "一千二百三十四元五角六分"),
        (100005, "一千元零五分"),
        (100000, "一千元"),
        (1000, "十元"),
        (1500, "十五元"),
        (50, "五角"),
        (7, "七分"),
        (0, "零元"),
        (-250, "负二元五角"),
        (1_000_500_00, "一百万零五百元"),
        (1_000_005_00, "一百万零五元"),
        (210_000_00, "二十一万元"),
    ],
)
def test_yuan_in_words(cents, words):
    assert yuan_in_words(cents) == words


@pytest.mark.parametrize(
    ("n", "text"),
    [(10, "十"), (11, "十一"), (20, "二十"), (101, "一百零一"), (110, "一百一十"),
     (1001, "一千零一"), (10010, "一万零一十"), (100000, "十万"), (120000000, "一亿二千万")],
)  # fmt: skip
def test_chinese_integer(n, text):
    assert chinese_integer(n) == text


def test_format_yuan():
    assert format_yuan(123450) == "¥1,234.50 元"
    assert format_yuan(5) == "¥0.05 元"
    assert format_yuan(-123450) == "-¥1,234.50 元"
    assert format_yuan_en(100000000) == "¥1,000,000.00"
    assert yuan_in_words_en(123450) == "1234 yuan 50 fen"


def test_digits_in_chinese():
    assert digits_in_chinese("2027") == "二零二七"
