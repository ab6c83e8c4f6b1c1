"""The voice: prompts pre-synthesised for both languages, dynamic phrases through espeak-ng, and
nothing breaking on a machine without sound."""

from __future__ import annotations

import wave

from kiosk.screens.common.service_catalog import Service
from kiosk.services.voice import ESPEAK_VOICES, Voice, prompt_wav, synthesise
from kiosk.texts import PROMPTS, Dynamic
from kiosk.widgets.frame import BarButton
from tests.fixtures.common import require_tool
from tests.ui.helpers import click, click_bar


def test_every_prompt_has_a_wav_in_both_languages():
    for prompt_id in PROMPTS:
        for language in ("zh", "en"):
            path = prompt_wav(language, prompt_id)
            assert path.exists(), path
            with wave.open(str(path)) as w:
                assert w.getnframes() / w.getframerate() > 0.3  # a real utterance


def test_synthesise_writes_a_wav_with_the_pinyin_voice(tmp_path):
    require_tool("espeak-ng")
    assert ESPEAK_VOICES["zh"] == "cmn-latn-pinyin"
    out = tmp_path / "amount.wav"
    assert synthesise("一千二百三十四元五角", "zh", out)
    with wave.open(str(out)) as w:
        assert w.getnframes() > 0


def test_screens_speak_on_appearing_and_on_repeat(kiosk_app, qtbot):
    kiosk_app.navigator.go("help")
    assert kiosk_app.voice.history[-1].startswith("help | ")
    assert "镇便民服务中心1号窗口" in kiosk_app.voice.history[-1]
    click_bar(qtbot, kiosk_app, BarButton.REPEAT)
    assert kiosk_app.voice.history[-1] == kiosk_app.voice.history[-2]


def test_voice_with_sound_enabled_never_fails_without_a_device(qapp, qtbot):
    require_tool("espeak-ng")
    voice = Voice(enabled=True, volume=80)
    try:
        voice.say(["home", Dynamic("二零二七年十一月三十日")])
        qtbot.waitUntil(lambda: voice._pool.activeThreadCount() == 0, timeout=10_000)
        voice.set_volume(30)
        assert voice.volume == 30
        voice.reset_volume()
        assert voice.volume == 80
        voice.stop()
    finally:
        voice.shutdown()


def test_volume_returns_to_default_after_a_session(kiosk_app, qtbot):
    kiosk_app.voice.set_volume(20)
    click(qtbot, kiosk_app.screen("home").tiles.tiles[Service.HELP])  # home's 求助 is a tile
    click_bar(qtbot, kiosk_app, BarButton.HOME)
    assert kiosk_app.voice.volume == kiosk_app.config.ui.volume
