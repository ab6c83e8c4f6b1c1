"""Whole numbers written out in Chinese characters, for speech (espeak-ng reads these correctly)."""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"
_SMALL_UNITS = ("", "十", "百", "千")
_BIG_UNITS = ("", "万", "亿", "万亿")
_GROUP = 10_000


def _below_10000(n: int) -> str:
    """0 < n < 10000, with inner zeros read once ("一千零五")."""
    out: list[str] = []
    pending_zero = False
    for position in range(3, -1, -1):
        digit = (n // 10**position) % 10
        if digit == 0:
            if out:
                pending_zero = True
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        out.append(DIGITS[digit] + _SMALL_UNITS[position])
    return "".join(out)


def chinese_integer(n: int) -> str:
    """12 -> "十二", 105 -> "一百零五", 20000 -> "二万" (regular, and espeak reads it well).

    "十二" rather than "一十二" for 10–19, as people say it.
    """
    if n < 0:
        return "负" + chinese_integer(-n)
    if n == 0:
        return DIGITS[0]
    groups: list[int] = []
    while n:
        n, group = divmod(n, _GROUP)
        groups.append(group)
    if len(groups) > len(_BIG_UNITS):
        raise ValueError("number too large to read out")
    out: list[str] = []
    need_zero = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            need_zero = bool(out)
            continue
        if out and (need_zero or group < 1000):
            out.append("零")
        out.append(_below_10000(group) + _BIG_UNITS[index])
        need_zero = False
    text = "".join(out)
    if text.startswith("一十"):
        text = text[1:]
    return text


def digits_in_chinese(text: str) -> str:
    """Read digit by digit ("2027" -> "二零二七"), as years and phone numbers are said."""
    return "".join(DIGITS[int(c)] if c.isdigit() else c for c in text)
