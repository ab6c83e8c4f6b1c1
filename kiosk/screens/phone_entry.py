"""The resident's mobile number for a job ("我有意向"), on the numeric keypad, grouped as
138 0013 8000.

确定 is always pressable: a short or wrong number gets words and what to do (never a silent grey
key). A valid number leaves with `interest(job_id, phone)`; the application records it and shows
the confirmation. The number is personal data: it is never logged, never put into `params` (the
navigator keeps those for 返回), never spoken, and the keypad is emptied as soon as it was sent
and at the end of the session.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.core.listings import PHONE_LENGTH, PhoneProblem, phone_problem
from kiosk.screens.base import Screen, ScreenContext
from kiosk.texts import Utterance, prompt_text
from kiosk.widgets.frame import BarButton
from kiosk.widgets.keypad import EntryMode, Keypad
from kiosk.widgets.paging import ElidedLabel
from kiosk.widgets.status_banner import StatusBanner
from kiosk.widgets.theme import Status
from offline_cache.models import Job

PROBLEM_PROMPTS = {
    PhoneProblem.TOO_SHORT: "phone_too_short",
    PhoneProblem.NOT_MOBILE: "phone_not_mobile",
}
KEYPAD_MAX_W = 760  # keys stay together under the finger, centred on wide screens


class PhoneEntryScreen(Screen):
    name = "phone_entry"
    prompt_id = "phone_entry"
    bar_buttons = frozenset({BarButton.BACK, BarButton.HOME, BarButton.REPEAT, BarButton.HELP})

    interest = Signal(str, str)  # job id, phone number

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        theme = ctx.theme
        self.job: Job | None = None
        self.problem: PhoneProblem | None = None
        self.sending = False
        layout = QVBoxLayout(self)
        m = theme.margin
        layout.setContentsMargins(m * 2, 0, m * 2, m // 2)
        layout.setSpacing(theme.px(8))
        self.job_line = ElidedLabel(self)
        self.job_line.setProperty("role", "secondary")
        self.job_line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner = StatusBanner(self)
        self.keypad = Keypad(theme, EntryMode.PHONE, PHONE_LENGTH, self)
        self.keypad.setMaximumWidth(theme.px(KEYPAD_MAX_W))
        self.keypad.changed.connect(self._changed)
        self.keypad.confirm_key.clicked.connect(self._confirm)
        layout.addWidget(self.job_line)
        layout.addWidget(self.banner)
        layout.addWidget(self.keypad, 1, Qt.AlignmentFlag.AlignHCenter)
        self._changed(self.keypad.value)

    def enter(self, params: dict[str, Any]) -> None:
        job = params.get("job")
        self.job = job if isinstance(job, Job) else None
        self.sending = False
        self.keypad.clear()
        self.keypad.setEnabled(True)
        super().enter(params)

    def _prompt(self) -> str:
        if self.sending:
            return "info_loading"
        return PROBLEM_PROMPTS[self.problem] if self.problem else "phone_entry"

    def instruction(self) -> str:
        return prompt_text(self._prompt())

    def utterances(self) -> list[Utterance]:
        return [self._prompt()]

    def _changed(self, _value: str) -> None:
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
            self.banner.show_status(Status.WARNING, "")
            self.prompt_changed.emit()
            return
        self.sending = True
        self.keypad.setEnabled(False)
        self.banner.clear_status()
        self.prompt_changed.emit()
        self.interest.emit(self.job.job_id, self.keypad.value)

    def sent(self) -> None:
        """The application recorded the interest: forget the number."""
        self.sending = False
        self.problem = None
        self.keypad.clear()
        self.keypad.setEnabled(True)

    def retranslate(self) -> None:
        self.keypad.retranslate()
        self.banner.retranslate()
        label = QCoreApplication.translate("PhoneEntry", "岗位")
        self.job_line.set_full_text(f"{label}：{self.job.title}" if self.job else "")

    def clear(self) -> None:
        super().clear()
        self.job = None
        self.problem = None
        self.sending = False
        self.keypad.clear()
        self.keypad.setEnabled(True)
        self.banner.clear_status()
        self.job_line.set_full_text("")
