"""The numeric keypad that the PIN and phone flows use."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from kiosk.i18n import qm_path
from kiosk.widgets.keypad import EMPTY_DOT, FILLED_DOT, EntryMode, Keypad
from kiosk.widgets.theme import KEYPAD_DIGIT_PX, TARGET_GAP, TARGET_MIN_H, TARGET_MIN_W, Theme
from tests.ui.helpers import click


@pytest.fixture
def keypad(qtbot):
    pad = Keypad(Theme.for_screen(1920, 1080))
    qtbot.addWidget(pad)
    pad.resize(pad.sizeHint())
    pad.show()
    qtbot.waitExposed(pad)
    return pad


def test_keys_are_large_with_64px_digits_and_a_mark_on_five(keypad):
    assert sorted(keypad.keys) == list("0123456789")
    for key in [*keypad.keys.values(), keypad.clear_key, keypad.confirm_key]:
        assert key.width() >= TARGET_MIN_W and key.height() >= TARGET_MIN_H
    assert all(k.font().pixelSize() == KEYPAD_DIGIT_PX for k in keypad.keys.values())
    assert [d for d, k in keypad.keys.items() if k.has_dot_mark] == ["5"]
    one, two, four = (
        keypad.keys["1"].geometry(),
        keypad.keys["2"].geometry(),
        keypad.keys["4"].geometry(),
    )
    assert two.left() - one.right() - 1 >= TARGET_GAP
    assert four.top() - one.bottom() - 1 >= TARGET_GAP
    assert keypad.clear_key.text() == "清除" and keypad.confirm_key.text() == "确定"


def test_pin_entry_shows_dots_and_confirms_only_when_complete(keypad, qtbot):
    for digit in "12345":
        click(qtbot, keypad.keys[digit])
    assert keypad.display.text() == " ".join([FILLED_DOT] * 5 + [EMPTY_DOT])
    assert "1" not in keypad.display.text()
    assert not keypad.confirm_key.isEnabled()
    click(qtbot, keypad.keys["6"])
    click(qtbot, keypad.keys["7"])  # beyond the length: ignored
    assert keypad.value == "123456"
    with qtbot.waitSignal(keypad.confirmed) as confirmed:
        click(qtbot, keypad.confirm_key)
    assert confirmed.args == ["123456"]
    click(qtbot, keypad.clear_key)
    assert keypad.value == "" and keypad.display.text() == " ".join([EMPTY_DOT] * 6)


def test_backspace_takes_the_last_digit_and_keys_keep_the_pin_size(keypad, qtbot):
    """The phone keypad's 退格 (issue 12): the same key size as the PIN keypad's."""
    pad = Keypad(Theme.for_screen(1920, 1080), EntryMode.PHONE, length=11, backspace=True)
    qtbot.addWidget(pad)
    pad.resize(keypad.size())
    pad.show()
    qtbot.waitExposed(pad)
    assert keypad.backspace_key is None
    assert pad.backspace_key is not None and pad.backspace_key.text() == "退格"
    assert pad.backspace_key.size() == keypad.clear_key.size()
    assert pad.keys["5"].size() == keypad.keys["5"].size()
    for digit in "138":
        click(qtbot, pad.keys[digit])
    with qtbot.waitSignal(pad.changed) as changed:
        click(qtbot, pad.backspace_key)
    assert changed.args == ["13"] and pad.value == "13" and pad.display.text() == "13"
    click(qtbot, pad.backspace_key)
    click(qtbot, pad.backspace_key)
    click(qtbot, pad.backspace_key)  # nothing left: nothing happens
    assert pad.value == ""


def test_phone_entry_groups_digits(qtbot):
    pad = Keypad(Theme.for_screen(1080, 1920), EntryMode.PHONE, length=11)
    qtbot.addWidget(pad)
    for digit in "13812345678":
        pad.press(digit)
    assert pad.display.text() == "138 1234 5678"


def test_tries_left_in_both_languages(keypad):
    keypad.set_tries_left(2)
    assert keypad.tries_label.text() == "还可以再试 2 次"
    translator = QTranslator()
    assert translator.load(qm_path("en"))
    QApplication.installTranslator(translator)
    try:
        keypad.retranslate()
        assert keypad.tries_label.text() == "You can try 2 more times"
        keypad.set_tries_left(1)
        assert keypad.tries_label.text() == "You can try 1 more time"
        assert keypad.confirm_key.text() == "OK"
    finally:
        QApplication.removeTranslator(translator)
