#!/usr/bin/env python3
"""Refresh the translation sources and build the binary catalogues.

    .venv/bin/python scripts/update_translations.py          # lupdate + lrelease
    .venv/bin/python scripts/update_translations.py --check  # fail if a string lacks English

lupdate (from the PySide6 wheel: pyside6-lupdate) scans kiosk/ for QCoreApplication.translate()
and QT_TRANSLATE_NOOP() calls and merges new strings into assets/translations/kiosk_en.ts, keeping
the translations already there; write the English of new entries in the .ts (Qt Linguist or any
editor), then run this again: lrelease compiles kiosk_en.qm, which the application loads.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_FILE = ROOT / "assets" / "translations" / "kiosk_en.ts"
QM_FILE = TS_FILE.with_suffix(".qm")
SOURCES = ROOT / "kiosk"


def tool(name: str) -> str:
    """pyside6-<name> next to this Python (the venv), else on PATH."""
    candidate = Path(sys.executable).parent / f"pyside6-{name}"
    found = str(candidate) if candidate.exists() else shutil.which(f"pyside6-{name}")
    if found is None:
        sys.exit(f"pyside6-{name} not found: install the project's dependencies (PySide6)")
    return found


def missing_translations(ts_file: Path) -> list[str]:
    """Source strings of the .ts without a finished, non-empty English translation."""
    missing: list[str] = []
    for message in ET.parse(ts_file).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
            if translation is None or translation.get("type") == "unfinished":
                missing.append(source)
            continue
        forms = [f.text or "" for f in translation.iter("numerusform")]
        texts = forms if forms else [translation.text or ""]
        if not all(t.strip() for t in texts):
            missing.append(source)
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check completeness")
    args = parser.parse_args()
    if not args.check:
        files = sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))
        subprocess.run([tool("lupdate"), "-no-obsolete", *files, "-ts", str(TS_FILE)],
                       check=True, cwd=ROOT)  # fmt: skip
        subprocess.run([tool("lrelease"), str(TS_FILE), "-qm", str(QM_FILE)], check=True)
    missing = missing_translations(TS_FILE)
    for source in missing:
        print(f"no English yet: {source}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
