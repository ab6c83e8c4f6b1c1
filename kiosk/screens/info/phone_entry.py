"""The resident's mobile number for a job ("我有意向"), on the numeric keypad, grouped as
138 0013 8000.

确定 is always pressable: a short or wrong number gets words and what to do (never a silent grey
key), and only then: what a mobile number is (11 digits starting with 1) in the instruction, and
what is wrong with this one under the number ("现在是10位，还差1位"), never a bare 注意. 退格
takes the last digit away (keys as large as the PIN keypad's); 清除 sits beside the number.
A valid number leaves with `interest(job_id, phone)`; the application records it and shows the
confirmation. The number is personal data: it is never logged, never put into `params` (the
navigator keeps those for 返回), never spoken, and the keypad is emptied as soon as it was sent
and at the end of the session.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.core.listings import PHONE_LENGTH, PhoneProblem, group_phone, phone_problem
from kiosk.screens.base import Screen, ScreenContext
from kiosk.screens.info.jobs import JobParams
from kiosk.screens.names import ScreenName
from kiosk.texts import Dynamic, Utterance, prompt_text
from kiosk.widgets.buttons import BigButton
from kiosk.widgets.frame import BarButton
from kiosk.widgets.keypad import KEYPAD_COLUMN_W, EntryMode, Keypad
from kiosk.widgets.status_banner import StatusBanner
from kiosk.widgets.theme import KEYPAD_DIGIT_PX, Status
from offline_cache.models import Job

PROBLEM_PROMPTS = {
    PhoneProblem.TOO_SHORT: "phone_too_short",
    PhoneProblem.NOT_MOBILE: "phone_not_mobile",
}


class PhoneEntryScreen(Screen[JobParams]):
    name = ScreenName.PHONE_ENTRY
    Params = JobParams
    prompt_id = "phone_entry"
    bar_buttons = frozenset({BarButton.BACK, BarButton.HOME, BarButton.REPEAT, BarButton.HELP})

    interest = Signal(str, str)  # job id, phone number

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        theme = ctx.theme
        self.job: Job | None = None
        self.problem: PhoneProblem | None = None
        self.sending = False
        m = theme.margin
        # landscape: what the number is for beside the keypad; portrait: above it
        layout: QBoxLayout = QVBoxLayout(self) if theme.portrait else QHBoxLayout(self)
        layout.setContentsMargins(m, 0, m, m // 4)  # as the PIN screen: room for its keys
        layout.setSpacing(theme.gap * 2)
        side = QVBoxLayout()
        side.setSpacing(theme.gap)
        self.job_line = QLabel(self)
        self.job_line.setProperty("role", "secondary")
        self.job_line.setWordWrap(True)
        self.job_line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner = StatusBanner(self)
        self.banner.setStyleSheet(f"font-size: {theme.body_px}px; font-weight: bold;")
        self.keypad = Keypad(theme, EntryMode.PHONE, PHONE_LENGTH, self, backspace=True)
        if not theme.portrait:  # the PIN keypad's size; portrait: the whole width, like the PIN's
            self.keypad.setFixedWidth(theme.px(KEYPAD_COLUMN_W))
        self.clear_key: BigButton = self.keypad.clear_key  # beside the number it empties
        self.clear_key.setMinimumWidth(theme.px(320))
        self.keypad.changed.connect(self._changed)
        self.keypad.confirm_key.clicked.connect(self._confirm)
        # the number is shown beside the keys (landscape) instead of above them: at 1280×1024 the
        # keypad with its own display line would not fit under the instruction
        self.keypad.display.hide()
        self.number = QLabel(self)
        self.number.setObjectName("KeypadDisplay")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number.setStyleSheet(f"font-size: {theme.px(KEYPAD_DIGIT_PX)}px; font-weight: bold;")
        side.addStretch(1)
        side.addWidget(self.job_line)
        side.addWidget(self.number)
        side.addWidget(self.clear_key, 0, Qt.AlignmentFlag.AlignHCenter)
        side.addWidget(self.banner)
        side.addStretch(1)
        layout.addLayout(side, 1)
        if theme.portrait:
            layout.addWidget(self.keypad)
        else:
            layout.addWidget(
                self.keypad, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter
            )
        self._changed(self.keypad.value)

    def enter(self, params: JobParams) -> None:
        self.job = params.job
        self.sending = False
        self.keypad.clear()
        self._set_keys_enabled(True)
        super().enter(params)

    def _set_keys_enabled(self, enabled: bool) -> None:
        self.keypad.setEnabled(enabled)
        self.clear_key.setEnabled(enabled)  # out of the keypad's layout, not its child any more

    def _prompt(self) -> str:
        if self.sending:
            return "info_loading"
        return PROBLEM_PROMPTS[self.problem] if self.problem else "phone_entry"

    def instruction(self) -> str:
        return prompt_text(self._prompt())

    def utterances(self) -> list[Utterance]:
        said: list[Utterance] = [self._prompt()]
        if self.problem is not None and self.banner.status is not None:
            said.append(Dynamic(self._hint()))  # what is wrong with this number
        return said

    def _hint(self) -> str:
        """What is wrong with the number typed, in words (shown under it, and said)."""
        digits = self.keypad.value
        if not digits:
            return QCoreApplication.translate("PhoneEntry", "还没有输入号码")
        if self.problem is PhoneProblem.NOT_MOBILE:
            return QCoreApplication.translate("PhoneEntry", "第一位是%1，不是1，请点清除").replace(
                "%1", digits[0]
            )
        text = QCoreApplication.translate("PhoneEntry", "现在是%1位，还差%2位")
        return text.replace("%1", str(len(digits))).replace("%2", str(PHONE_LENGTH - len(digits)))

    def _changed(self, _value: str) -> None:
        self.number.setText(group_phone(_value) or "_" * 3)
        # the keypad greys 确定 until 11 digits; here it stays pressable so that a short number
        # is explained in words instead of ignored
        self.keypad.confirm_key.setEnabled(not self.sending)
        if self.problem is not None and _value:
            self.banner.clear_status()

    def _confirm(self) -> None:
        if self.sending or self.job is None:
            return
        self.problem = phone_problem(self.keypad.value)
        if self.problem is not None:
            self.banner.show_status(Status.WARNING, self._hint())
            self.prompt_changed.emit()
            return
        self.sending = True
        self._set_keys_enabled(False)
        self.banner.clear_status()
        self.prompt_changed.emit()
        self.interest.emit(self.job.job_id, self.keypad.value)

    def sent(self) -> None:
        """The application recorded the interest: forget the number."""
        self.sending = False
        self.problem = None
        self.keypad.clear()
        self._set_keys_enabled(True)

    def retranslate(self) -> None:
        self.keypad.retranslate()
        if self.problem is not None and self.banner.status is not None:
            self.banner.show_status(Status.WARNING, self._hint())
        label = QCoreApplication.translate("PhoneEntry", "岗位")
        self.job_line.setText(f"{label}：\n{self.job.title}" if self.job else "")

    def clear(self) -> None:
        super().clear()
        self.job = None
        self.problem = None
        self.sending = False
        self.keypad.clear()
        self._set_keys_enabled(True)
        self.banner.clear_status()
        self.job_line.setText("")
