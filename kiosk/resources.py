"""Where the application's data files (fonts, images, sounds, translations) are.

One helper for every resource path, so that the same code works from a source checkout, an
installed package and the PyInstaller bundle (which unpacks data under `sys._MEIPASS`).
`KIOSK_ASSETS` overrides the location (tests, unusual installs).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ASSETS_ENV = "KIOSK_ASSETS"


def assets_dir() -> Path:
    override = os.environ.get(ASSETS_ENV)
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "assets"
    return Path(__file__).resolve().parent.parent / "assets"


def asset(*parts: str) -> Path:
    """`asset("fonts", "wqy-microhei.ttc")`; the file may not exist (the caller decides)."""
    return assets_dir().joinpath(*parts)
