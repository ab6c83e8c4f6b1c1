"""After a card is read on the home screen: greet the resident by masked name (王*英) and offer the
services that need a card. The certification flow may take over this moment by hooking the
application's `card_ready` signal instead.

The certification flow leads here with `GreetingParams` when nothing is due: a benefit already
certified this period is said so with the next date ("养老金已认证，下次认证时间：2027年11月30日前",
shown and spoken), and when nothing at all is left to certify the 资格认证 tile is not offered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.core.certification import BenefitStatus
from kiosk.core.dates import format_date_en, spoken_date
from kiosk.core.language import in_language
from kiosk.screens.base import Screen, ScreenContext, ScreenParams, hello_text, secondary_label
from kiosk.screens.certify.words import benefit_short_name, written_date
from kiosk.screens.common.service_catalog import Service
from kiosk.screens.common.tiles import TileGrid
from kiosk.screens.names import ScreenName
from kiosk.texts import Dynamic, Utterance
from kiosk.widgets.frame import BarButton

CARD_SERVICES = [s for s in Service if s.info.needs_card] + [Service.HELP]


@dataclass(frozen=True)
class GreetingParams(ScreenParams):
    done: Sequence[BenefitStatus] = ()  # certified this period already: said, with the next date
    certify_offered: bool = True  # False: nothing is left to certify, no 资格认证 tile


def done_text(status: BenefitStatus, language: str) -> str:
    """ "养老金已认证，下次认证时间：2027年11月30日前" """
    text = QCoreApplication.translate("Greeting", "%1已认证，下次认证时间：%2前")
    return text.replace("%1", benefit_short_name(status.kind)).replace(
        "%2", written_date(status.due_by, language)
    )


class GreetingScreen(Screen[GreetingParams]):
    name = ScreenName.GREETING
    Params = GreetingParams
    prompt_id = "greeting"
    bar_buttons = frozenset({BarButton.HOME, BarButton.REPEAT, BarButton.HELP})

    service_chosen = Signal(Service)

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.hello = QLabel(self)
        self.hello.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hello.setStyleSheet(f"font-size: {ctx.theme.primary_px}px; font-weight: bold;")
        self.done = secondary_label(self)  # "养老金已认证，下次认证时间：…"
        self.done.hide()
        self.tiles = TileGrid(ctx.theme, CARD_SERVICES, self)
        self.tiles.chosen.connect(self.service_chosen)
        layout.addWidget(self.hello)
        layout.addWidget(self.done)
        layout.addWidget(self.tiles, 1)

    def enter(self, params: GreetingParams) -> None:
        super().enter(params)
        self.tiles.show_available(
            lambda s: (
                self.ctx.is_available(s.info.entry)
                and (params.certify_offered or s is not Service.CERTIFICATION)
            )
        )

    def utterances(self) -> list[Utterance]:
        said: list[Utterance] = []
        for status in self.params.done:
            due = in_language(self.ctx.language, spoken_date, format_date_en)(status.due_by)
            said.append(Dynamic(done_text(status, self.ctx.language).replace(
                written_date(status.due_by, self.ctx.language), due)))  # fmt: skip
        return [*said, "greeting"]

    def retranslate(self) -> None:
        self.hello.setText(hello_text(self.ctx.session.masked_name))
        lines = [done_text(s, self.ctx.language) for s in self.params.done]
        self.done.setText("\n".join(lines))
        self.done.setVisible(bool(lines))
        self.tiles.retranslate()

    def clear(self) -> None:
        super().clear()
        self.hello.setText("")
        self.done.setText("")
        self.done.hide()
