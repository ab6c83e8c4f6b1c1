#!/usr/bin/env python3
"""Pre-synthesise every spoken prompt (kiosk.texts.PROMPTS) into assets/sounds/<lang>/<id>.wav.

    .venv/bin/python scripts/make_sounds.py            # all prompts, both languages
    .venv/bin/python scripts/make_sounds.py --only home idle

Mandarin uses espeak-ng's `cmn-latn-pinyin` voice (the plain `cmn` voice reads Chinese as if it
were English-transcribed); English uses `en-gb`. The English text is the prompt's translation in
assets/translations/kiosk_en.ts, so what is said always matches what is shown. The WAVs are
committed: the kiosk does not need espeak-ng for its fixed prompts.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.services.voice import ESPEAK_VOICES, espeak_binary, synthesise  # noqa: E402
from kiosk.texts import PROMPT_CONTEXT, PROMPTS  # noqa: E402

SOUNDS = ROOT / "assets" / "sounds"
TS_FILE = ROOT / "assets" / "translations" / "kiosk_en.ts"


def english_prompts(ts_file: Path) -> dict[str, str]:
    """Chinese source -> English translation, for the prompts context."""
    result: dict[str, str] = {}
    for context in ET.parse(ts_file).getroot().iter("context"):
        if context.findtext("name") != PROMPT_CONTEXT:
            continue
        for message in context.iter("message"):
            result[message.findtext("source") or ""] = message.findtext("translation") or ""
    return result


def check_voices() -> None:
    binary = espeak_binary()
    if binary is None:
        sys.exit("espeak-ng is not installed (apt-get install espeak-ng)")
    listing = subprocess.run([binary, "--voices"], capture_output=True, text=True, check=True)
    names = {line.split()[1] for line in listing.stdout.splitlines()[1:] if line.split()}
    for voice in ESPEAK_VOICES.values():
        if voice not in names:
            sys.exit(f"espeak-ng has no voice {voice!r} (have: {' '.join(sorted(names))})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="prompt ids to (re)make")
    args = parser.parse_args()
    check_voices()
    english = english_prompts(TS_FILE)
    wanted = args.only or list(PROMPTS)
    failures = 0
    for prompt_id in wanted:
        source = PROMPTS[prompt_id]
        texts = {"zh": source, "en": english.get(source, "")}
        for language, text in texts.items():
            if not text:
                print(f"{prompt_id}: no {language} text (translate it first)", file=sys.stderr)
                failures += 1
                continue
            out = SOUNDS / language / f"{prompt_id}.wav"
            out.parent.mkdir(parents=True, exist_ok=True)
            if not synthesise(text, language, out):
                print(f"{prompt_id}: synthesis failed for {language}", file=sys.stderr)
                failures += 1
    print(f"{len(wanted) * 2 - failures} prompts written to {SOUNDS}")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
