"""Data picked by language in one place (kiosk/core/language.py); no `== "en"` anywhere else."""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.core.language import in_language

KIOSK = Path(__file__).resolve().parents[4] / "kiosk"
EN_BRANCH = re.compile(r"""[!=]=\s*["']en["']|["']en["']\s*[!=]=""")


def test_in_language_picks_english_only_for_english():
    assert in_language("en", "中文", "English") == "English"
    assert in_language("zh", "中文", "English") == "中文"
    assert in_language("fr", "中文", "English") == "中文"  # unknown: the source language


def test_no_module_branches_on_english_itself():
    found = [
        f"{path.relative_to(KIOSK.parent)}:{number}"
        for path in sorted(KIOSK.rglob("*.py"))
        if path.name != "language.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if EN_BRANCH.search(line)
    ]
    assert found == [], "use kiosk.core.language.in_language or QCoreApplication.translate"
