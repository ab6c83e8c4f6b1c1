"""Where the application's bundled files (fonts, images, sounds) are, in a checkout or a bundle."""

from __future__ import annotations

import sys
from pathlib import Path

_PROJECT_ROOT = Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A path under the project root, or under PyInstaller's unpack folder when frozen."""
    root = Path(getattr(sys, "_MEIPASS", _PROJECT_ROOT)) if getattr(sys, "frozen", False) else _PROJECT_ROOT
    return root.joinpath(*parts)
