"""Screen parameters are typed: each screen declares its `Params`, the navigator refuses others."""

from __future__ import annotations

import dataclasses

import pytest

from kiosk.screens import registry
from kiosk.screens.base import NoParams, ScreenParams
from kiosk.screens.certify.result import ResultKind, ResultParams
from kiosk.screens.common.finger import FingerParams
from kiosk.screens.names import ScreenName
from kiosk.screens.navigator import WrongParams


def test_every_screen_has_frozen_params_with_defaults():
    for cls in registry.SCREENS:
        assert issubclass(cls.Params, ScreenParams), cls.__name__
        assert dataclasses.is_dataclass(cls.Params), cls.__name__
        params = cls.Params()  # every field has a default: shown (or cleared) without any
        if dataclasses.fields(params):
            field = dataclasses.fields(params)[0].name
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(params, field, None)


def test_every_registered_name_is_a_screen_name():
    assert {cls.name for cls in registry.SCREENS} == set(ScreenName)


def test_another_screens_params_are_a_bug_and_nothing_moves(kiosk_app):
    nav = kiosk_app.navigator
    nav.go(ScreenName.HELP)
    assert nav.current.params == NoParams()
    with pytest.raises(WrongParams, match="ResultParams, not FingerParams"):
        nav.go(ScreenName.RESULT, FingerParams())
    assert nav.current.name is ScreenName.HELP


def test_params_given_are_what_the_screen_keeps(kiosk_app):
    params = ResultParams(ResultKind.NOT_FOUND)
    screen = kiosk_app.navigator.go(ScreenName.RESULT, params)
    assert screen.params is params
    assert screen.kind is ResultKind.NOT_FOUND
