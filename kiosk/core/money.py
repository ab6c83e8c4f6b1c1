"""Money for display and for speech. Amounts are integer fen (cents), never floats.

`format_yuan(123450)` -> "¥1,234.50 元" (written), `yuan_in_words(123450)` -> "一千二百三十四元五角"
(spoken: espeak-ng reads "1234.5元" badly and loses "点", so amounts are written out in Chinese).
"""

from __future__ import annotations

from kiosk.core.numbers import chinese_integer

FEN_PER_YUAN = 100
FEN_PER_JIAO = 10


def format_yuan(cents: int) -> str:
    """Grouped, two decimals, the yuan sign before and 元 after: "¥1,234.50 元"."""
    sign = "-" if cents < 0 else ""
    yuan, fen = divmod(abs(cents), FEN_PER_YUAN)
    return f"{sign}¥{yuan:,}.{fen:02d} 元"


def format_yuan_en(cents: int) -> str:
    """English written form: "¥1,234.50"."""
    sign = "-" if cents < 0 else ""
    yuan, fen = divmod(abs(cents), FEN_PER_YUAN)
    return f"{sign}¥{yuan:,}.{fen:02d}"


def yuan_in_words(cents: int) -> str:
    """The spoken Chinese form: 123450 -> "一千二百三十四元五角", 100005 -> "一千元零五分".

    Zero fen and zero jiao are left out ("五元整" is not said at a counter either); a zero jiao
    between yuan and fen is read "零".
    """
    if cents == 0:
        return "零元"
    prefix = "负" if cents < 0 else ""
    yuan, rest = divmod(abs(cents), FEN_PER_YUAN)
    jiao, fen = divmod(rest, FEN_PER_JIAO)
    parts: list[str] = []
    if yuan:
        parts.append(chinese_integer(yuan) + "元")
    if jiao:
        parts.append(chinese_integer(jiao) + "角")
    if fen:
        if yuan and not jiao:
            parts.append("零")
        parts.append(chinese_integer(fen) + "分")
    return prefix + "".join(parts)


def yuan_in_words_en(cents: int) -> str:
    """The spoken English form: 123450 -> "1234 yuan 50 fen" (espeak reads English digits well)."""
    sign = "minus " if cents < 0 else ""
    yuan, fen = divmod(abs(cents), FEN_PER_YUAN)
    text = f"{yuan} yuan"
    if fen:
        text += f" {fen} fen"
    return sign + text
