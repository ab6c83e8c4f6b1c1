"""Font resolution and per-character fallback for rare characters in names."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.documents import fonts
from kiosk.resources import ASSETS_ENV


def test_common_text_stays_in_the_main_font() -> None:
    assert fonts.font_runs("王秀英，¥1,234.50") == [(fonts.main_font(), "王秀英，¥1,234.50")]


def test_rare_characters_switch_to_a_fallback_font_and_back() -> None:
    main = fonts.main_font()
    runs = fonts.font_runs("王䶮英𠮷")
    assert [text for _, text in runs] == ["王", "䶮", "英", "𠮷"]
    assert runs[0][0] == main and runs[2][0] == main
    assert runs[1][0] != main and runs[3][0] != main
    for name, text in runs[1::2]:
        spec = next(s for s in fonts.FALLBACK_FONTS if s.name == name)
        assert fonts.covers(spec, text)
    assert not fonts.covers(fonts.MAIN_FONT, "䶮")


def test_fonts_come_from_the_assets_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    system = fonts.font_file(fonts.MAIN_FONT.filename)
    (tmp_path / "fonts").mkdir()
    shutil.copyfile(system, tmp_path / "fonts" / fonts.MAIN_FONT.filename)
    monkeypatch.setenv(ASSETS_ENV, str(tmp_path))
    assert fonts.font_file(fonts.MAIN_FONT.filename) == tmp_path / "fonts" / "wqy-microhei.ttc"


def test_missing_font_names_the_place_looked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ASSETS_ENV, str(tmp_path))
    with pytest.raises(fonts.FontMissing, match=r"no-such-font\.ttf not found at .*fonts"):
        fonts.font_file("no-such-font.ttf")
