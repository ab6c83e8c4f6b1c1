"""Place finger: the hand with the ENROLLED finger highlighted ("请将右手食指平放在指纹仪上"),
an arrow to the sensor, the attempts left (shown and spoken), guidance after a poor image
("可以对手指哈口气再按") and "请抬起手指" between attempts.

The flow calls `show_place`, `show_poor`, `show_no_match`, `show_lift`, `show_next` as the
fingerprint worker reports progress; the screen only words and draws them. The statement flow
reuses it to identify a resident by finger (`FingerParams(flow="statement")`: its steps).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Literal

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.screens.base import Screen, ScreenContext, ScreenParams, secondary_label
from kiosk.screens.certify.hand import HandIllustration
from kiosk.screens.certify.words import attempts_left_text, spoken_attempts_left, step_words
from kiosk.screens.names import ScreenName
from kiosk.texts import PROMPTS, Utterance, prompt_text
from kiosk.widgets.frame import BarButton


class Phase(enum.Enum):
    PLACE = "place"  # waiting for the finger
    LIFT = "lift"  # between attempts


class Guidance(enum.Enum):
    NONE = "none"
    POOR = "poor"  # the image was unclear: wipe, press flat, breathe on a dry finger
    NO_MATCH = "no_match"  # not recognised: once more
    NEXT = "next"  # another enrolled finger now


def place_prompt(finger: str) -> str:
    prompt = f"place_{finger}"
    return prompt if prompt in PROMPTS else "place_finger"


@dataclass(frozen=True)
class FingerParams(ScreenParams):
    finger: str = "right_index"  # the enrolled finger to place ("left_thumb", ...)
    flow: Literal["certification", "statement"] = "certification"  # whose steps are shown


class FingerScreen(Screen[FingerParams]):
    name = ScreenName.FINGER
    Params = FingerParams
    bar_buttons = frozenset({BarButton.HOME, BarButton.REPEAT, BarButton.HELP})

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        m = ctx.theme.margin
        layout.setContentsMargins(m, 0, m, m // 2)
        layout.setSpacing(ctx.theme.gap // 2)
        self.hand = HandIllustration(ctx.theme, self)
        self.guidance = secondary_label(self)
        self.attempts = secondary_label(self)
        layout.addWidget(self.hand, 1)
        layout.addWidget(self.guidance)
        layout.addWidget(self.attempts)
        self._reset()

    def _reset(self) -> None:
        self.phase = Phase.PLACE
        self.finger = "right_index"
        self.left = self.ctx.config.devices.fingerprint_attempts
        self.hint = Guidance.NONE
        self.flow = "certification"

    def steps(self) -> tuple[list[str], int] | None:
        if self.flow == "statement":
            from kiosk.screens.statement.pin import statement_steps

            return statement_steps(by_finger=True), 1  # 插卡 — 按指纹 — 看证明 — 打印
        return step_words(), 1

    def enter(self, params: FingerParams) -> None:
        self._reset()
        self.finger = params.finger
        self.flow = params.flow
        self.hand.set_finger(self.finger)
        super().enter(params)

    # --- progress from the worker -------------------------------------------------------------
    def show_place(self, finger: str, left: int) -> None:
        self.phase, self.finger, self.left = Phase.PLACE, finger, left
        self.hand.set_finger(finger)
        self._changed()

    def show_poor(self, left: int) -> None:
        self.left, self.hint = left, Guidance.POOR
        self._changed()

    def show_no_match(self, left: int) -> None:
        self.left, self.hint = left, Guidance.NO_MATCH
        self._changed()

    def show_lift(self) -> None:
        self.phase = Phase.LIFT
        self._changed()

    def show_next(self, finger: str) -> None:
        self.finger, self.hint = finger, Guidance.NEXT
        self.left = self.ctx.config.devices.fingerprint_attempts
        self.hand.set_finger(finger)
        self._changed()

    def _changed(self) -> None:
        self.retranslate()
        self.prompt_changed.emit()

    # --- words --------------------------------------------------------------------------------
    def _main_prompt(self) -> str:
        if self.phase is Phase.LIFT:
            return "finger_lift"
        return place_prompt(self.finger)

    def _hint_prompts(self) -> list[str]:
        if self.hint is Guidance.POOR:
            return ["finger_poor", "finger_dry"]
        if self.hint is Guidance.NO_MATCH:
            return ["finger_no_match"]
        if self.hint is Guidance.NEXT:
            return ["finger_next"]
        return []

    def instruction(self) -> str:
        return prompt_text(self._main_prompt())

    def utterances(self) -> list[Utterance]:
        said: list[Utterance] = []
        if self.phase is Phase.LIFT:
            said.append("finger_lift")
            said += self._hint_prompts()
            if self.hint in (Guidance.POOR, Guidance.NO_MATCH):
                said.append(spoken_attempts_left(self.left, self.ctx.language))
            return said
        if self.hint is Guidance.NEXT:
            said.append("finger_next")
        said.append(place_prompt(self.finger))
        return said

    def retranslate(self) -> None:
        self.guidance.setText("\n".join(prompt_text(p) for p in self._hint_prompts()))
        self.guidance.setVisible(self.hint is not Guidance.NONE)
        untouched = self.left >= self.ctx.config.devices.fingerprint_attempts
        self.attempts.setText(attempts_left_text(self.left, untouched))

    def clear(self) -> None:
        super().clear()
        self._reset()
        self.hand.set_finger(self.finger)
        self.guidance.setText("")
        self.attempts.setText("")
