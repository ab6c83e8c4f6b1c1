"""docs/screenshots holds exactly the pictures the documentation shows (the full set of every
screen is `make screenshots`, into the ignored build/screenshots/), so no page points at a missing
picture and no picture sits in git for nobody."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
MOST_DOC_PICTURES = 16  # a few representative screens, not the gallery


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "screenshots_script", ROOT / "scripts" / "screenshots.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_docs_screenshots_are_exactly_the_pictures_the_pages_show() -> None:
    script = _script()
    shown = {p.filename for p in script.doc_pictures(script.doc_pages(ROOT))}
    kept = {p.name for p in (ROOT / "docs" / "screenshots").iterdir()}
    assert sorted(shown - kept) == [], "pages show pictures docs/screenshots does not have"
    assert sorted(kept - shown) == [], "pictures no page shows: git rm them"
    assert 0 < len(kept) <= MOST_DOC_PICTURES


def test_picture_references_are_found_in_every_form_the_pages_use(tmp_path: Path) -> None:
    script = _script()
    page = tmp_path / "page.md"
    page.write_text(
        "![home](screenshots/home-1920x1080-zh.png)\n"
        "| ![](docs/screenshots/finger-1080x1920-en.png) "
        "| ![](docs/screenshots/home-1920x1080-zh.png) |\n"
        "pictures of every scene: `build/screenshots/<scene>-<size>-<lang>.png`\n",
        encoding="utf-8",
    )
    assert [p.filename for p in script.doc_pictures([page])] == [
        "finger-1080x1920-en.png",
        "home-1920x1080-zh.png",
    ]
