#!/usr/bin/env python3
"""Render the screens to PNG: every scene at the three sizes in both languages, or the docs' ones.

    .venv/bin/python scripts/screenshots.py [--only home help] [--out build/screenshots]
    .venv/bin/python scripts/screenshots.py --docs

By default every scene goes to build/screenshots/<scene>-<W>x<H>-<lang>.png (ignored by git: the
full set is a few hundred pictures, regenerated on every change to a screen). `--docs` renders
only the pictures README.md and docs/*.md show, into docs/screenshots/, and names any picture
there that no page shows any more. Rendered offscreen with the demo configuration and synthetic
data (kiosk.demo.screenshots.gallery). Look at the pictures after a change to a screen: legible
Chinese and English, nothing cut off.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
FULL_SET = ROOT / "build" / "screenshots"
DOCS_SET = ROOT / "docs" / "screenshots"
LANGUAGES = ("zh", "en")
# `screenshots/<scene>-<W>x<H>-<lang>.png` as the pages write it (README: docs/screenshots/...)
PICTURE = re.compile(r"screenshots/([a-z_]+)-(\d+)x(\d+)-(zh|en)\.png")


class Picture(NamedTuple):
    scene: str
    width: int
    height: int
    language: str

    @property
    def filename(self) -> str:
        return f"{self.scene}-{self.width}x{self.height}-{self.language}.png"


def doc_pages(root: Path = ROOT) -> list[Path]:
    return [root / "README.md", *sorted((root / "docs").glob("*.md"))]


def doc_pictures(pages: Iterable[Path]) -> list[Picture]:
    """Every picture the pages show (`screenshots/<scene>-<W>x<H>-<lang>.png`), once, sorted."""
    found = {
        Picture(m[1], int(m[2]), int(m[3]), m[4])
        for page in pages
        for m in PICTURE.finditer(page.read_text(encoding="utf-8"))
    }
    return sorted(found)


def full_set(scenes: Iterable[str], sizes: Iterable[str]) -> list[Picture]:
    pictures = []
    for size in sizes:
        width, height = (int(x) for x in size.split("x"))
        for language in LANGUAGES:
            pictures += [Picture(scene, width, height, language) for scene in scenes]
    return pictures


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--docs", action="store_true", help=f"only the docs' pictures, into {DOCS_SET}"
    )
    parser.add_argument("--only", nargs="*", metavar="SCENE", help="scenes to render")
    parser.add_argument("--out", type=Path, help=f"default {FULL_SET} ({DOCS_SET} with --docs)")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("KIOSK_NO_SOUND", "1")
    from kiosk.shell import qt_messages

    qt_messages.install()  # before Qt Multimedia loads: its library probes go to the debug log
    from kiosk.demo.screenshots.gallery import SCENES, render_scene
    from kiosk.main import GALLERY_SIZES, demo_config

    unknown = sorted(set(args.only or ()) - set(SCENES))
    if unknown:
        parser.error(f"unknown scene {', '.join(unknown)} (known: {', '.join(SCENES)})")
    if args.docs:
        pictures = doc_pictures(doc_pages())
        strangers = sorted({p.scene for p in pictures} - set(SCENES))
        if strangers:
            parser.error(f"the docs show pictures of unknown scenes: {', '.join(strangers)}")
        out = args.out or DOCS_SET
    else:
        pictures = full_set(SCENES, GALLERY_SIZES)
        out = args.out or FULL_SET
    if args.only:
        pictures = [p for p in pictures if p.scene in args.only]
    config = demo_config(start_server=False)
    for done, picture in enumerate(pictures, 1):
        path = out / picture.filename
        render_scene(config, picture.scene, picture.width, picture.height, picture.language, path)
        print(f"{done}/{len(pictures)} {path}", flush=True)
    print(f"{len(pictures)} screenshots in {out}")
    if args.docs and out == DOCS_SET:
        shown = {p.filename for p in doc_pictures(doc_pages())}
        unused = sorted(p.name for p in DOCS_SET.glob("*.png") if p.name not in shown)
        if unused:
            names = ", ".join(unused[:8]) + (", …" if len(unused) > 8 else "")
            print(f"{len(unused)} pictures no page shows (git rm them): {names}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
