"""Place finger: the hand with the ENROLLED finger highlighted ("请将右手食指平放在指纹仪上"),
an arrow to the sensor, the tries left (shown and spoken, counted once across the fingers:
kiosk.core.certification.AttemptTally), guidance after a poor image ("可以对手指哈口气再按"),
"请抬起手指" between attempts and, when the next try is on another enrolled finger, plainly
"换一个手指：请将左手食指平放在指纹仪上". Above the hand: whose card ("王*英，您好") and, in the
certification, which benefit is being certified ("本次认证：养老金").

The flow calls `show_place`, `show_poor`, `show_no_match`, `show_lift`, `show_next` as the
fingerprint worker reports progress; the screen only words and draws them. The statement flow
reuses it to identify a resident by finger (`FingerParams(flow="statement")`: its steps).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.screens.base import Screen, ScreenContext, ScreenParams, secondary_label
from kiosk.screens.certify.hand import HandIllustration
from kiosk.screens.certify.words import (
    STEP_FINGER,
    attempts_left_text,
    benefit_short_name,
    spoken_attempts_left,
    step_words,
)
from kiosk.screens.names import ScreenName
from kiosk.texts import PROMPTS, Dynamic, Utterance, prompt_text
from kiosk.widgets.frame import BarButton
from kiosk.widgets.step_indicator import Steps


class Phase(enum.Enum):
    PLACE = "place"  # waiting for the finger
    LIFT = "lift"  # between attempts


class Guidance(enum.Enum):
    NONE = "none"
    POOR = "poor"  # the image was unclear: wipe, press flat, breathe on a dry finger
    NO_MATCH = "no_match"  # not recognised: once more (or, switched, on the other finger)


def place_prompt(finger: str) -> str:
    prompt = f"place_{finger}"
    return prompt if prompt in PROMPTS else "place_finger"


@dataclass(frozen=True)
class FingerParams(ScreenParams):
    finger: str = "right_index"  # the enrolled finger to place ("left_thumb", ...)
    flow: Literal["certification", "statement"] = "certification"  # whose steps are shown
    benefit: str = ""  # the benefit being certified ("pension", "unemployment"); "" in statement
    tries: int = 0  # tries in all, across the fingers (0: `[devices] fingerprint_attempts`)


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
        self.hello = secondary_label(self)  # "王*英，您好。本次认证：养老金"
        self.hand = HandIllustration(ctx.theme, self)
        self.guidance = secondary_label(self)
        self.attempts = secondary_label(self)
        layout.addWidget(self.hello)
        layout.addWidget(self.hand, 1)
        layout.addWidget(self.guidance)
        layout.addWidget(self.attempts)
        self._reset()

    def _reset(self) -> None:
        self.phase = Phase.PLACE
        self.finger = "right_index"
        self.left = self.ctx.config.devices.fingerprint_attempts
        self.hint = Guidance.NONE
        self.tried = False  # a try was made (and failed): "还可以再试" instead of "最多可以试"
        self.switched = False  # the last failed try moved on to another enrolled finger
        self.flow = "certification"
        self.benefit = ""

    def steps(self) -> Steps:
        if self.flow == "statement":
            from kiosk.screens.statement.pin import statement_steps

            return Steps(statement_steps(by_finger=True), 1)  # 插卡 — 按指纹 — 看证明 — 打印
        return Steps(step_words(), STEP_FINGER)

    def enter(self, params: FingerParams) -> None:
        self._reset()
        self.finger = params.finger
        self.flow = params.flow
        self.benefit = params.benefit
        self.left = params.tries or self.left
        self.hand.set_finger(self.finger)
        super().enter(params)

    # --- progress from the worker -------------------------------------------------------------
    def show_place(self, finger: str, left: int) -> None:
        self.phase, self.finger, self.left = Phase.PLACE, finger, left
        self.hand.set_finger(finger)
        self._changed()

    def show_poor(self, left: int) -> None:
        self.left, self.hint, self.tried, self.switched = left, Guidance.POOR, True, False
        self._changed()

    def show_no_match(self, left: int) -> None:
        self.left, self.hint, self.tried, self.switched = left, Guidance.NO_MATCH, True, False
        self._changed()

    def show_lift(self) -> None:
        self.phase = Phase.LIFT
        self._changed()

    def show_next(self, finger: str) -> None:
        """The failed try (just shown) used up this finger's share: the next is on `finger`. The
        count of tries goes on (it does not restart)."""
        self.finger, self.switched = finger, True
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
        """Why the last try failed and what to do: never "请再按一次" (once more) when the next
        try is on another finger."""
        if self.hint is Guidance.POOR:
            return ["finger_poor", "finger_dry"]
        if self.hint is Guidance.NO_MATCH:
            return ["finger_no_match_switch" if self.switched else "finger_no_match"]
        return []

    def switch_text(self) -> str:
        """ "换一个手指：请将左手食指平放在指纹仪上" (on a portrait screen in two lines, so the
        long line never breaks inside the finger's name)."""
        lead = QCoreApplication.translate("Finger", "换一个手指：")
        joint = "\n" if self.ctx.theme.portrait else ""
        return f"{lead}{joint}{prompt_text(place_prompt(self.finger))}"

    def instruction(self) -> str:
        if self.phase is Phase.PLACE and self.switched:
            return self.switch_text()
        return prompt_text(self._main_prompt())

    def greeting_text(self) -> str:
        """ "王*英，您好。本次认证：养老金" (the benefit only in the certification)."""
        name = self.ctx.session.masked_name
        parts = []
        if name:
            parts.append(QCoreApplication.translate("Finger", "%1，您好。").replace("%1", name))
        if self.benefit:
            text = QCoreApplication.translate("Finger", "本次认证：%1")
            parts.append(text.replace("%1", benefit_short_name(self.benefit)))
        return "".join(parts)

    def _benefit_spoken(self) -> list[Utterance]:
        if not self.benefit or self.tried:
            return []
        text = QCoreApplication.translate("Finger", "本次认证：%1")
        return [Dynamic(text.replace("%1", benefit_short_name(self.benefit)))]

    def utterances(self) -> list[Utterance]:
        said: list[Utterance] = []
        if self.phase is Phase.LIFT:
            said.append("finger_lift")
            said += self._hint_prompts()
            if self.switched:
                said += ["finger_next", place_prompt(self.finger)]
            said.append(spoken_attempts_left(self.left, self.ctx.language))
            return said
        said += self._benefit_spoken()
        if self.switched:
            said.append("finger_next")
        said.append(place_prompt(self.finger))
        return said

    def retranslate(self) -> None:
        hello = self.greeting_text()
        self.hello.setText(hello)
        self.hello.setVisible(bool(hello))
        lines = [prompt_text(p) for p in self._hint_prompts()]
        if self.switched and self.phase is Phase.LIFT:
            lines.append(self.switch_text())
        self.guidance.setText("\n".join(lines))
        self.guidance.setVisible(bool(lines))
        self.attempts.setText(attempts_left_text(self.left, not self.tried))

    def clear(self) -> None:
        super().clear()
        self._reset()
        self.hand.set_finger(self.finger)
        self.hello.setText("")
        self.guidance.setText("")
        self.attempts.setText("")
