"""The kiosk's voice: pre-synthesised prompts, and dynamic phrases synthesised on demand.

Prompts are WAV files made by scripts/make_sounds.py (assets/sounds/<lang>/<prompt_id>.wav,
espeak-ng voice `cmn-latn-pinyin` for Mandarin — plain `cmn` reads Chinese badly — and `en-gb`).
Dynamic phrases
(names, amounts already written out in Chinese, dates) are synthesised with espeak-ng on a worker
thread into a temporary file. Playing goes through QSoundEffect: it never blocks the GUI. With
sounds disabled (`[ui] sounds = false`, `KIOSK_NO_SOUND=1`) or no audio device, nothing is played
and nothing fails; `history` still records what would have been said (tests read it).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
from collections import deque
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QUrl, Signal
from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

from kiosk.resources import asset
from kiosk.texts import PROMPTS, Dynamic, Utterance, prompt_text

log = logging.getLogger(__name__)

NO_SOUND_ENV = "KIOSK_NO_SOUND"
ESPEAK_VOICES = {"zh": "cmn-latn-pinyin", "en": "en-gb"}
ESPEAK_SPEED = {"zh": 150, "en": 150}  # words per minute; a little slower than espeak's 175
SYNTH_TIMEOUT_S = 20.0
HISTORY_LENGTH = 50


def espeak_binary() -> str | None:
    return shutil.which("espeak-ng")


def synthesise(text: str, language: str, out: Path) -> bool:
    """Write `text` spoken in `language` to the WAV file `out`. Blocking: not on the GUI thread."""
    binary = espeak_binary()
    if binary is None:
        return False
    command = [binary, "-v", ESPEAK_VOICES[language], "-s", str(ESPEAK_SPEED[language]),
               "-w", str(out), text]  # fmt: skip
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=SYNTH_TIMEOUT_S)
    except (OSError, subprocess.SubprocessError) as e:
        log.warning("speech synthesis failed: %s", type(e).__name__)
        return False
    return out.exists() and out.stat().st_size > 0


def prompt_wav(language: str, prompt_id: str) -> Path:
    return asset("sounds", language, f"{prompt_id}.wav")


class _SynthDone(QObject):
    done = Signal(int, str)  # generation, wav path ("" on failure)


class _SynthJob(QRunnable):
    def __init__(self, generation: int, text: str, language: str, out: Path, sink: _SynthDone):
        super().__init__()
        self._args = (generation, text, language, out)
        self._sink = sink

    def run(self) -> None:
        generation, text, language, out = self._args
        ok = synthesise(text, language, out)
        self._sink.done.emit(generation, str(out) if ok else "")


def sound_possible(enabled_in_config: bool) -> bool:
    if not enabled_in_config or os.environ.get(NO_SOUND_ENV) == "1":
        return False
    return bool(QMediaDevices.audioOutputs())


class Voice(QObject):
    """Say prompts and phrases one after another; `stop()` silences everything queued."""

    started = Signal(list)  # the utterances of a new `say` (as text ids / phrases)

    def __init__(self, enabled: bool, volume: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.language = "zh"
        self._default_volume = volume
        self._volume = volume
        self._generation = 0
        self._queue: deque[Path | None] = deque()  # None: a phrase still being synthesised
        self._pending: dict[int, str] = {}
        self.history: deque[str] = deque(maxlen=HISTORY_LENGTH)
        self._tmp = Path(tempfile.mkdtemp(prefix="kiosk-voice-"))
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._sink = _SynthDone(self)
        self._sink.done.connect(self._synthesised)
        self._effect: QSoundEffect | None = None
        if enabled:
            self._effect = QSoundEffect(self)
            self._effect.playingChanged.connect(self._playing_changed)
            self._effect.setVolume(volume / 100)
        log.info("voice %s", "on" if enabled else "off (no sound device or disabled)")

    @property
    def volume(self) -> int:
        return self._volume

    def set_volume(self, volume: int) -> None:
        self._volume = max(0, min(100, volume))
        if self._effect is not None:
            self._effect.setVolume(self._volume / 100)

    def reset_volume(self) -> None:
        """The volume returns to the configured default after each session."""
        self.set_volume(self._default_volume)

    def say(self, utterances: list[Utterance]) -> None:
        """Stop whatever is being said and say `utterances` in the current language."""
        self.stop()
        texts = [u.text if isinstance(u, Dynamic) else u for u in utterances]
        self.history.append(" | ".join(texts))
        self.started.emit(texts)
        if self._effect is None:
            return
        for u in utterances:
            if isinstance(u, str) and u in PROMPTS and prompt_wav(self.language, u).exists():
                self._queue.append(prompt_wav(self.language, u))
            else:
                text = u.text if isinstance(u, Dynamic) else prompt_text(u)
                self._queue.append(None)
                self._synthesise(text)
        self._play_next()

    def speak_text(self, text: str) -> None:
        """Say a dynamic phrase (write amounts and dates out in words first: kiosk.core.money)."""
        self.say([Dynamic(text)])

    def stop(self) -> None:
        self._generation += 1
        self._queue.clear()
        if self._effect is not None and self._effect.isPlaying():
            self._effect.stop()

    def shutdown(self) -> None:
        self.stop()
        self._pool.waitForDone(round(SYNTH_TIMEOUT_S * 1000))
        shutil.rmtree(self._tmp, ignore_errors=True)

    def _synthesise(self, text: str) -> None:
        out = self._tmp / f"phrase-{self._generation}-{len(self._pending)}.wav"
        self._pending[self._generation] = str(out)
        self._pool.start(_SynthJob(self._generation, text, self.language, out, self._sink))

    def _synthesised(self, generation: int, path: str) -> None:
        if generation != self._generation:
            return  # said too late: the resident moved on
        for i, item in enumerate(self._queue):
            if item is None:
                if path:
                    self._queue[i] = Path(path)
                else:
                    del self._queue[i]
                break
        self._play_next()

    def _play_next(self) -> None:
        if self._effect is None or self._effect.isPlaying() or not self._queue:
            return
        head = self._queue[0]
        if head is None:
            return  # wait for the synthesis
        self._queue.popleft()
        self._effect.setSource(QUrl.fromLocalFile(str(head)))
        self._effect.play()

    def _playing_changed(self) -> None:
        if self._effect is not None and not self._effect.isPlaying():
            self._play_next()
