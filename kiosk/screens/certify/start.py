"""The first moment of 资格认证: "正在查询您的待遇信息，请稍候" while the worker reads the cache.

It emits `lookup_requested(CertifyParams)` when shown; the flow (kiosk/flows/certification.py)
answers by leading to choose_benefit, finger, result — or, for a card inserted on the home screen
with nothing due, to the greeting.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.screens.base import Screen, ScreenContext, ScreenParams, secondary_label
from kiosk.screens.certify.words import step_words
from kiosk.screens.names import ScreenName
from kiosk.widgets.frame import BarButton


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
        self.hello = secondary_label(self)
        layout.addStretch(1)
        layout.addWidget(self.hello)
        layout.addStretch(1)

    def steps(self) -> tuple[list[str], int] | None:
        return step_words(), 1

    def enter(self, params: CertifyParams) -> None:
        super().enter(params)
        self.lookup_requested.emit(params)

    def retranslate(self) -> None:
        self.hello.setText(self.ctx.session.masked_name)

    def clear(self) -> None:
        super().clear()
        self.hello.setText("")
