"""The first moment of 资格认证: "正在查询您的待遇信息，请稍候" while the worker reads the cache.

The wait shows movement past 0.5 s and, past 3 s, what it waits for ("正在查询您的认证信息…"):
kiosk.widgets.busy.BusyIndicator, started on entering and stopped on leaving.

It emits `lookup_requested(CertifyParams)` when shown; the flow (kiosk/flows/certification.py)
answers by leading to choose_benefit, finger, result — or, for a card inserted on the home screen
with nothing due, to the greeting.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.screens.base import Screen, ScreenContext, ScreenParams, hello_text, secondary_label
from kiosk.screens.certify.words import STEP_BENEFIT, step_words
from kiosk.screens.names import ScreenName
from kiosk.widgets.busy import BusyIndicator
from kiosk.widgets.frame import BarButton
from kiosk.widgets.step_indicator import Steps


@dataclass(frozen=True)
class CertifyParams(ScreenParams):
    from_card: bool = False  # a card inserted on the home screen (nothing due: the greeting)


class CertifyStartScreen(Screen[CertifyParams]):
    name = ScreenName.CERTIFY
    Params = CertifyParams
    prompt_id = "certify_checking"
    bar_buttons = frozenset({BarButton.HOME, BarButton.REPEAT, BarButton.HELP})

    lookup_requested = Signal(CertifyParams)

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.setSpacing(ctx.theme.gap)
        self.hello = secondary_label(self)
        self.busy = BusyIndicator(ctx.theme, self)
        layout.addStretch(1)
        layout.addWidget(self.hello)
        layout.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)

    def steps(self) -> Steps:
        return Steps(step_words(), STEP_BENEFIT)  # looking up: not yet the finger

    def enter(self, params: CertifyParams) -> None:
        super().enter(params)
        self.busy.start(self.waiting_words())
        self.lookup_requested.emit(params)

    def leave(self) -> None:
        self.busy.stop()

    @staticmethod
    def waiting_words() -> str:
        return QCoreApplication.translate("CertifyStart", "正在查询您的认证信息…")

    def retranslate(self) -> None:
        self.hello.setText(hello_text(self.ctx.session.masked_name))
        self.busy.set_words(self.waiting_words())

    def clear(self) -> None:
        super().clear()
        self.busy.stop()
        self.hello.setText("")
