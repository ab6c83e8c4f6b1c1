"""Chinese paragraphs for reportlab: our own line breaking and per-run font fallback.

reportlab's `wordWrap='CJK'` lets a full-width comma start a line. Chinese typesetting forbids
a line starting with closing punctuation (，。、；：？！）」』》 …) or ending with opening
punctuation (（「『《 …). We break lines ourselves (glueing such marks to their neighbour, then
filling greedily) and hand reportlab a Paragraph whose lines already fit, joined by <br/>;
reportlab then has no break left to choose. Latin words and numbers ("¥1,234.50",
"T-320102001") are never split unless a single one is wider than the line.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from kiosk.documents import fonts

# Marks that must not begin a line (GB/T 15834 and common practice), including their ASCII forms.
CANNOT_START = frozenset(
    "，。、；：？！）」』》〉】〕〗〙〛〞’”…‥·・ー々〻゛゜ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
    ",.;:?!)]}%"
)
# Marks that must not end a line.
CANNOT_END = frozenset("（「『《〈【〔〖〘〚〝‘“([{¥$")
# Units that stay with the number before them ("30日", "12个月", "100元").
NUMBER_UNITS = frozenset("年月日号时分秒元岁个页")

# Unbreakable Latin units: words, numbers with separators, codes.
_LATIN = re.compile(r"[A-Za-z0-9¥$@#&_\-+*/=.,:%]+")
# Keep a small margin so reportlab's own width check never re-breaks one of our lines.
_WIDTH_SLACK = 0.01


def _units(text: str) -> list[str]:
    """Latin runs as one unit each; every other character on its own."""
    units: list[str] = []
    pos = 0
    while pos < len(text):
        m = _LATIN.match(text, pos)
        if m:
            units.append(m.group())
            pos = m.end()
        else:
            units.append(text[pos])
            pos += 1
    return units


def _atoms(text: str) -> list[str]:
    """Units glued so that no break can fall before a closing or after an opening mark."""
    atoms: list[str] = []
    for unit in _units(text):
        if atoms and (
            unit[0] in CANNOT_START
            or atoms[-1][-1] in CANNOT_END
            or (unit in NUMBER_UNITS and atoms[-1][-1].isdigit())
        ):
            atoms[-1] += unit
        else:
            atoms.append(unit)
    return atoms


def break_lines(text: str, max_width: float, measure: Callable[[str], float]) -> list[str]:
    """Lines of `text` no wider than `max_width` (as `measure` says), following the rules above.

    Explicit newlines are kept. An atom wider than a whole line is split by character.
    """
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for atom in _atoms(paragraph):
            candidate = line + atom if line else atom.lstrip()
            if measure(candidate) <= max_width:
                line = candidate
                continue
            if line.strip():
                lines.append(line.rstrip())
            line = atom.lstrip()
            if measure(line) <= max_width:
                continue
            oversized, line = line, ""  # wider than a whole line: split by character
            for char in oversized:
                if line and measure(line + char) > max_width:
                    lines.append(line)
                    line = ""
                line += char
        lines.append(line.rstrip())
    return lines


def markup(text: str, base_font: str) -> str:
    """Paragraph markup for one line: escaped, with <font> switches for characters the base font
    lacks."""
    parts: list[str] = []
    for name, run in fonts.font_runs(text):
        escaped = escape(run)
        parts.append(escaped if name == base_font else f'<font name="{name}">{escaped}</font>')
    return "".join(parts)


def _broken_markup(text: str, style: ParagraphStyle, width: float) -> str:
    size = style.fontSize

    def measure(s: str) -> float:
        return fonts.string_width(s, size)

    available = width - style.leftIndent - style.rightIndent - _WIDTH_SLACK
    return "<br/>".join(
        markup(line, style.fontName) for line in break_lines(text, available, measure)
    )


class CJKParagraph(Paragraph):
    """A Paragraph that breaks its plain text by our rules for the width it is given at wrap time
    (frame and cell paddings included). Parts made by `split` (a page break inside the paragraph)
    arrive already broken, as fragments."""

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        bulletText: str | None = None,
        frags: Any = None,
        **kwargs: Any,
    ) -> None:
        self._plain = text if frags is None else None
        self._broken_for: float | None = None
        initial = markup(text, style.fontName) if text is not None and frags is None else text
        super().__init__(initial, style, bulletText=bulletText, frags=frags, **kwargs)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        plain = self._plain
        if plain is not None and self._broken_for != availWidth:
            Paragraph.__init__(self, _broken_markup(plain, self.style, availWidth), self.style)
            self._plain, self._broken_for = plain, availWidth
        return super().wrap(availWidth, availHeight)


def paragraph(text: str, style: ParagraphStyle) -> CJKParagraph:
    """A paragraph of plain `text` (not markup) in `style`, broken by the rules above."""
    return CJKParagraph(text, style)
