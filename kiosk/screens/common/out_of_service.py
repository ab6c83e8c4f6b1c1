"""Out of service: shown when a needed device or the application fails repeatedly. Names where to
go instead; nothing technical (that is in the logs and in maintenance mode), except one small line
for the technician when the cause is one only a technician can mend (a damaged database: the
fault and the command to run, `store: database_damaged · kiosk-admin repair`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.screens.base import NoParams, Screen, ScreenContext, secondary_label
from kiosk.screens.names import ScreenName
from kiosk.texts import Dynamic, Utterance
from kiosk.widgets.frame import BarButton
from kiosk.widgets.illustrations import SvgPicture


class OutOfServiceScreen(Screen[NoParams]):
    name = ScreenName.OUT_OF_SERVICE
    prompt_id = "out_of_service"
    bar_buttons = frozenset({BarButton.REPEAT})

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        m = ctx.theme.margin
        layout.setContentsMargins(m, 0, m, m)
        self.picture = SvgPicture(ctx.theme, "counter.svg", self)
        self.detail = secondary_label(self)
        self.detail.setStyleSheet(f"font-size: {ctx.theme.primary_px}px;")
        self.technician_hint = secondary_label(self)
        self.technician_hint.setObjectName("technician_hint")
        self.technician_hint.hide()
        layout.addWidget(self.picture, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.technician_hint)

    def show_technician_hint(self, text: str) -> None:
        """A line for the technician (not translated: a fault code and a command)."""
        self.technician_hint.setText(text)
        self.technician_hint.setVisible(bool(text))

    def where_to_go(self) -> str:
        return QCoreApplication.translate("OutOfService", "请到%1办理").replace(
            "%1", self.ctx.counter_location()
        )

    def utterances(self) -> list[Utterance]:
        return ["out_of_service", Dynamic(self.where_to_go())]

    def retranslate(self) -> None:
        self.detail.setText(self.where_to_go())
