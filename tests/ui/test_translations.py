"""English is complete: every source string has a finished English translation, the .ts knows
every string in the code (lupdate finds nothing new), and the compiled .qm is what Qt loads."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk.i18n import qm_path
from kiosk.resources import asset
from kiosk.texts import PROMPTS

ROOT = Path(__file__).resolve().parents[2]
TS = asset("translations", "kiosk_en.ts")
sys.path.insert(0, str(ROOT / "scripts"))
from update_translations import missing_translations, tool  # noqa: E402


def _sources(ts: Path) -> set[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return {
        (c.findtext("name") or "", m.findtext("source") or "")
        for c in root.iter("context")
        for m in c.iter("message")
        if _translation_type(m) != "vanished"
    }


def _translation_type(message: ET.Element) -> str | None:
    translation = message.find("translation")
    return None if translation is None else translation.get("type")


def test_every_source_string_has_english():
    assert missing_translations(TS) == []
    assert len(_sources(TS)) > 40


def test_the_ts_file_is_up_to_date_with_the_code(tmp_path):
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(p) for p in (ROOT / "kiosk").rglob("*.py"))
    subprocess.run([tool("lupdate"), *files, "-ts", str(fresh)], check=True, capture_output=True)
    assert _sources(fresh) <= _sources(TS), "run scripts/update_translations.py"


def test_every_prompt_is_translated_by_the_compiled_catalogue(qapp):
    translator = QTranslator()
    assert translator.load(qm_path("en"))
    QCoreApplication.installTranslator(translator)
    try:
        for source in PROMPTS.values():
            english = QCoreApplication.translate("prompts", source)
            assert english and english != source and english.isascii(), source
    finally:
        QCoreApplication.removeTranslator(translator)
