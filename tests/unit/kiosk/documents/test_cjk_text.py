"""Our Chinese line breaking: no closing punctuation at a line start, no opening one at an end."""

from __future__ import annotations

from kiosk.documents import fonts
from kiosk.documents.cjk_text import CANNOT_END, CANNOT_START, break_lines

SIZE = 11.0
TEXT = "本证明依据离线数据生成，如有疑问请到镇便民服务中心窗口咨询。谢谢（请妥善保管）！"


def measure(s: str) -> float:
    return fonts.string_width(s, SIZE)


def naive_lines(text: str, width: float) -> list[str]:
    """Greedy character filling, as reportlab's CJK wrap does."""
    lines, line = [], ""
    for char in text:
        if line and measure(line + char) > width:
            lines.append(line)
            line = ""
        line += char
    return [*lines, line]


def test_a_comma_that_would_start_a_line_is_kept_with_its_character() -> None:
    width = measure("本证明依据离线数据生成")  # exactly ten characters: the comma is the 11th
    assert naive_lines(TEXT, width)[1].startswith("，")  # the failure we prevent
    lines = break_lines(TEXT, width, measure)
    assert "".join(lines) == TEXT
    assert lines[0] == "本证明依据离线数据生"
    assert lines[1].startswith("成，")
    for line in lines:
        assert line[0] not in CANNOT_START, lines
        assert line[-1] not in CANNOT_END, lines
        assert measure(line) <= width


def test_rule_holds_at_every_width() -> None:
    for chars in range(3, 30):
        width = measure("字" * chars)
        lines = break_lines(TEXT, width, measure)
        assert "".join(lines) == TEXT
        assert all(line[0] not in CANNOT_START for line in lines), (chars, lines)
        assert all(line[-1] not in CANNOT_END for line in lines[:-1]), (chars, lines)
        assert all(measure(line) <= width for line in lines), (chars, lines)


def test_numbers_stay_whole_and_with_their_unit() -> None:
    text = "缴费金额合计¥12,345.67元，截至2027年11月30日。"
    for chars in range(8, 20):
        lines = break_lines(text, measure("字" * chars), measure)
        assert "".join(lines) == text
        assert any("¥12,345.67元" in line for line in lines), lines
        assert any("30日" in line for line in lines), lines


def test_explicit_newlines_are_kept() -> None:
    assert break_lines("第一行\n第二行", 1000, measure) == ["第一行", "第二行"]


def test_a_word_wider_than_the_line_is_split_rather_than_overflowing() -> None:
    code = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    width = measure("ABCDEFGH")
    lines = break_lines(code, width, measure)
    assert "".join(lines) == code
    assert all(measure(line) <= width for line in lines)
