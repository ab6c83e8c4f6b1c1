"""The start-up warm-up loads every document font, so the first resident does not wait for it."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics

from kiosk.documents import fonts, warm_up
from kiosk.resources import ASSETS_ENV


def test_warm_up_registers_every_document_font_and_reads_its_cmap() -> None:
    fonts._cmap.cache_clear()  # other tests may have loaded some already
    elapsed = warm_up.warm_up()
    assert elapsed > 0
    registered = set(pdfmetrics.getRegisteredFontNames())
    every = (fonts.MAIN_FONT, *fonts.FALLBACK_FONTS)
    assert {spec.name for spec in every} <= registered
    assert fonts._cmap.cache_info().currsize == len(every)


def test_warm_up_name_needs_every_fallback_font() -> None:
    """The throw-away statement's name exercises each fallback (else a font stays cold)."""
    used = {name for name, _ in fonts.font_runs(warm_up._WARM_NAME)}
    assert used == {spec.name for spec in (fonts.MAIN_FONT, *fonts.FALLBACK_FONTS)}


def test_a_missing_font_is_logged_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv(ASSETS_ENV, str(tmp_path))  # no fonts/ folder there
    monkeypatch.setattr(fonts, "register", lambda spec: fonts.font_file(spec.filename))
    with caplog.at_level(logging.ERROR, logger="kiosk.documents.warm_up"):
        warm_up.warm_up()
    assert "document warm-up failed" in caplog.text
