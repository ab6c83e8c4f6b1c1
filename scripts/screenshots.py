#!/usr/bin/env python3
"""Regenerate docs/screenshots/<screen>-<W>x<H>-<lang>.png for every scene at the three sizes.

    .venv/bin/python scripts/screenshots.py [--only home help] [--out docs/screenshots]

Rendered offscreen with the demo configuration and synthetic data (kiosk.demo.screenshots.gallery).
Look at the pictures after a change to a screen: legible Chinese and English, nothing cut off.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("KIOSK_NO_SOUND", "1")

from kiosk.shell import qt_messages  # noqa: E402

qt_messages.install()  # before Qt Multimedia loads: its library probes go to the debug log
from kiosk.demo.screenshots.gallery import SCENES, render_scene  # noqa: E402
from kiosk.main import GALLERY_SIZES, demo_config  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", choices=list(SCENES), help="scenes to render")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    config = demo_config(start_server=False)
    count = 0
    for size in GALLERY_SIZES:
        width, height = (int(x) for x in size.split("x"))
        for language in ("zh", "en"):
            for scene in args.only or SCENES:
                out = args.out / f"{scene}-{width}x{height}-{language}.png"
                render_scene(config, scene, width, height, language, out)
                count += 1
    print(f"{count} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
