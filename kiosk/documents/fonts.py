"""The embedded TrueType fonts of printed documents, and per-character font fallback.

reportlab's built-in CJK font (STSong-Light) is never embedded: it prints blank or garbled
through CUPS. We embed WenQuanYi Micro Hei, which lacks CJK extensions A and B (rare characters
in names such as 䶮 U+4DAE or 𠮷 U+20BB7); reportlab has no per-glyph fallback, so `font_runs`
splits text into runs by cmap coverage and the caller switches fonts per run.

Fonts come from the shipped assets/fonts/ only (the same files the screen uses).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from fontTools.ttLib import TTFont as ToolsFont
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from kiosk.resources import asset


@dataclass(frozen=True)
class FontSpec:
    """One font file: reportlab's registered name, its file name and the face in a collection."""

    name: str
    filename: str
    subfont_index: int = 0


MAIN_FONT = FontSpec("KioskSans", "wqy-microhei.ttc", 0)
# Tried in order for characters the main font lacks (extension A, then B and beyond).
FALLBACK_FONTS = (
    FontSpec("KioskRareA", "HanaMinA-ExtA.ttf"),
    FontSpec("KioskRareB", "HanaMinB-ExtB.ttf"),
)


def _utf16_hex(code: int) -> str:
    return chr(code).encode("utf-16-be").hex().upper()


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode CMap, but with characters beyond the BMP written as UTF-16 surrogate
    pairs. reportlab writes "<20BB7>" for 𠮷, so pdftotext, search and screen readers see "₻"."""
    entries = [f"<{i:02X}> <{_utf16_hex(v)}>" for i, v in enumerate(subset)]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


ttfonts.makeToUnicodeCMap = _to_unicode_cmap


class FontMissing(RuntimeError):
    """A required font file is neither bundled nor installed."""


def font_file(filename: str) -> Path:
    """The shipped copy of `filename` in assets/fonts/ (bundle or checkout). System fonts are
    never used, so a printed statement looks the same on every kiosk."""
    path = asset("fonts", filename)
    if not path.is_file():
        raise FontMissing(f"font {filename} not found at {path}")
    return path


@functools.cache
def _cmap(spec: FontSpec) -> frozenset[int]:
    font = ToolsFont(str(font_file(spec.filename)), lazy=True, fontNumber=spec.subfont_index)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


def covers(spec: FontSpec, char: str) -> bool:
    return ord(char) in _cmap(spec)


@functools.cache
def register(spec: FontSpec) -> str:
    """Register `spec` with reportlab once (embedded, subset on output); returns its name."""
    path = font_file(spec.filename)
    pdfmetrics.registerFont(TTFont(spec.name, str(path), subfontIndex=spec.subfont_index))
    return spec.name


def main_font() -> str:
    """The registered name of the main document font."""
    return register(MAIN_FONT)


def font_for(char: str) -> FontSpec:
    """The first font with a glyph for `char` (the main font when none has: it draws .notdef)."""
    if char.isspace() or covers(MAIN_FONT, char):
        return MAIN_FONT
    for spec in FALLBACK_FONTS:
        try:
            if covers(spec, char):
                return spec
        except FontMissing:
            continue
    return MAIN_FONT


def font_runs(text: str) -> list[tuple[str, str]]:
    """Split `text` into (registered font name, substring) runs by glyph coverage."""
    runs: list[tuple[str, str]] = []
    for char in text:
        name = register(font_for(char))
        if runs and runs[-1][0] == name:
            runs[-1] = (name, runs[-1][1] + char)
        else:
            runs.append((name, char))
    return runs


def string_width(text: str, size: float) -> float:
    """Width in points of `text` drawn with per-run fallback fonts."""
    return sum(pdfmetrics.stringWidth(run, name, size) for name, run in font_runs(text))
