"""The shipped fonts cover rare characters in names, and Qt really resolves their glyphs."""

from __future__ import annotations

from fontTools.ttLib import TTCollection, TTFont
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QImage, QPainter, QRawFont

from kiosk.resources import asset
from kiosk.widgets.fonts import (
    FALLBACK_FAMILIES,
    FONT_FILES,
    PRIMARY_FAMILY,
    families,
    kiosk_font,
    load_fonts,
)

# Names with characters outside the common set: extension A (䶮 U+4DAE, 㛃 U+36C3),
# extension B (𠮷 U+20BB7, 𡒄 U+21484, 𨭉 U+28B49), common ones for good measure.
RARE_NAMES = ["王𠮷", "李䶮", "张㛃", "陈𡒄", "赵𨭉", "欧阳秀英", "Wang Xiuying", "刘喆", "周堃"]
MAX_FONT_BYTES = 35_000_000


def _cmaps() -> list[set[int]]:
    maps: list[set[int]] = []
    for name in FONT_FILES:
        path = asset("fonts", name)
        fonts = TTCollection(str(path)).fonts[:1] if name.endswith(".ttc") else [TTFont(str(path))]
        maps.extend(set(f.getBestCmap()) for f in fonts)
    return maps


def test_every_character_of_the_rare_names_is_covered_by_a_shipped_font():
    maps = _cmaps()
    missing = [
        (n, c) for n in RARE_NAMES for c in n if c != " " and not any(ord(c) in m for m in maps)
    ]
    assert missing == []


def test_primary_font_lacks_extensions_so_the_fallback_is_needed():
    wqy = set(TTCollection(str(asset("fonts", "wqy-microhei.ttc"))).fonts[0].getBestCmap())
    assert 0x4DAE not in wqy and 0x20BB7 not in wqy


def test_shipped_fonts_stay_small_and_licensed():
    total = sum(asset("fonts", n).stat().st_size for n in FONT_FILES)
    assert total < MAX_FONT_BYTES
    licences = asset("fonts", "LICENSES.md").read_text(encoding="utf-8")
    assert all(n in licences for n in FONT_FILES)


def test_qt_resolves_rare_glyphs_through_the_family_fallback(qapp):
    loaded = load_fonts()
    assert PRIMARY_FAMILY in loaded and all(f in loaded for f in FALLBACK_FAMILIES)
    assert families()[0] == PRIMARY_FAMILY
    for text in ["王𠮷", "李䶮"]:
        for char in text:
            code = ord(char)
            resolved = [f for f in families() if QFontMetrics(_font(f)).inFontUcs4(code)]
            assert resolved, f"no family renders U+{code:04X}"
    raw = QRawFont.fromFont(_font("HanaMinB"))
    assert raw.supportsCharacter(0x20BB7)
    assert PRIMARY_FAMILY in QFontDatabase.families()


def _render(text: str) -> QImage:
    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    painter = QPainter(image)
    painter.setFont(kiosk_font(64))
    painter.drawText(10, 80, text)
    painter.end()
    return image


def test_the_application_font_draws_rare_glyphs_not_boxes(qapp):
    load_fonts()
    drawn = _render("𠮷")
    assert drawn != _render("\U000e01ef")  # an unassigned code point: the "missing" box
    assert drawn != _render("")  # something was drawn
    assert _render("䶮") != _render("\U000e01ef")


def _font(family: str) -> QFont:
    font = QFont(family)
    font.setPixelSize(48)
    return font
