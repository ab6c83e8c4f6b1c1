"""The frame every resident screen sits in (ui-guide "The frame").

Top bar: emblem + township name, clock and date, language switch. Under it the step indicator (in
words; hidden outside flows) and the one instruction line. Then the screen's content. Bottom bar:
back, home, repeat voice, help, each always in the same place; a button that does not apply is
hidden but keeps its space (`retainSizeWhenHidden`), so the others never move.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.core.dates import format_clock, format_month_day, format_month_day_en
from kiosk.core.language import in_language
from kiosk.core.sync_mark import SyncMark
from kiosk.resources import asset
from kiosk.widgets.buttons import BigButton
from kiosk.widgets.illustrations import SvgPicture
from kiosk.widgets.step_indicator import StepIndicator
from kiosk.widgets.theme import BOTTOMBAR_H, TOPBAR_H, Theme

CLOCK_REFRESH_MS = 10_000
BAR_ICON_PX = 48


class BarButton(enum.Enum):
    BACK = "back"
    HOME = "home"
    REPEAT = "repeat"
    HELP = "help"


class TopBar(QWidget):
    language_clicked = Signal()

    def __init__(
        self,
        theme: Theme,
        township: tuple[str, str],
        clock: Callable[[], datetime],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("TopBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFixedHeight(theme.px(TOPBAR_H))
        self._township_zh, self._township_en = township
        self._clock = clock
        self._language = "zh"
        layout = QHBoxLayout(self)
        layout.setContentsMargins(theme.margin, 0, theme.margin, 0)
        layout.setSpacing(theme.gap)
        self.emblem = SvgPicture(theme, "emblem.svg", self)
        self.emblem.setMinimumSize(theme.px(72), theme.px(72))
        self.emblem.setFixedSize(theme.px(72), theme.px(72))
        self.title = QLabel(self)
        self.title.setObjectName("TopBarText")
        self.title.setWordWrap(True)  # a long township name wraps instead of widening the window
        self.title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.sync_mark = QLabel(self)
        self.sync_mark.setProperty("role", "technician")
        self.clock_label = QLabel(self)
        self.clock_label.setObjectName("TopBarText")
        self.language_button = BigButton(theme, "language", self)
        self.language_button.setMinimumWidth(theme.px(200))
        self.language_button.clicked.connect(self.language_clicked)
        layout.addWidget(self.emblem)
        layout.addWidget(self.title, 1)
        layout.addWidget(self.sync_mark)
        layout.addWidget(self.clock_label)
        layout.addWidget(self.language_button)
        self._mark = SyncMark.UNKNOWN
        self.timer = QTimer(self)
        self.timer.setInterval(CLOCK_REFRESH_MS)
        self.timer.timeout.connect(self.refresh_clock)
        self.timer.start()
        self.retranslate("zh")

    def retranslate(self, language: str) -> None:
        self._language = language
        township = in_language(language, self._township_zh, self._township_en)
        self.title.setText(
            QCoreApplication.translate("TopBar", "%1 社保自助服务").replace("%1", township)
        )
        # The switch is labelled in the language it switches *to*, so a resident can read it.
        self.language_button.setText(
            QCoreApplication.translate(
                "TopBar", "English", "the language switch: the other language"
            )
        )
        self.set_sync_mark(self._mark)
        self.refresh_clock()

    def refresh_clock(self) -> None:
        now = self._clock()
        day = in_language(self._language, format_month_day, format_month_day_en)(now.date())
        self.clock_label.setText(f"{format_clock(now)}  {day}")

    def set_sync_mark(self, mark: SyncMark) -> None:
        self._mark = mark
        # a dot and a short word; neutral colour in every state
        words = {
            SyncMark.UNKNOWN: "",
            SyncMark.ONLINE: "●",
            SyncMark.OFFLINE: QCoreApplication.translate("TopBar", "○ 离线"),
        }
        self.sync_mark.setText(words[mark])


class BottomBar(QWidget):
    clicked = Signal(BarButton)

    def __init__(self, theme: Theme, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("BottomBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFixedHeight(theme.px(BOTTOMBAR_H))
        grid = QGridLayout(self)
        grid.setContentsMargins(theme.margin, 0, theme.margin, 0)
        grid.setHorizontalSpacing(theme.gap)
        self.buttons: dict[BarButton, BigButton] = {}
        for column, which in enumerate(BarButton):
            button = BigButton(theme, "bar", self)
            policy = button.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
            button.setSizePolicy(policy)
            button.setIcon(QIcon(str(asset("images", "icons", f"bar-{which.value}.svg"))))
            button.setIconSize(QSize(theme.px(BAR_ICON_PX), theme.px(BAR_ICON_PX)))
            button.clicked.connect(lambda _c=False, w=which: self.clicked.emit(w))
            grid.addWidget(button, 0, column)
            grid.setColumnStretch(column, 1)
            self.buttons[which] = button
        self.retranslate()

    def retranslate(self) -> None:
        self.buttons[BarButton.BACK].setText(QCoreApplication.translate("BottomBar", "返回"))
        self.buttons[BarButton.HOME].setText(QCoreApplication.translate("BottomBar", "首页"))
        self.buttons[BarButton.REPEAT].setText(QCoreApplication.translate("BottomBar", "再听一遍"))
        self.buttons[BarButton.HELP].setText(QCoreApplication.translate("BottomBar", "求助"))

    def show_only(self, visible: frozenset[BarButton]) -> None:
        for which, button in self.buttons.items():
            button.setVisible(which in visible)


class Frame(QWidget):
    """Top bar, step indicator, instruction line, content area, bottom bar."""

    def __init__(
        self,
        theme: Theme,
        township: tuple[str, str],
        clock: Callable[[], datetime],
        content: QWidget,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.top_bar = TopBar(theme, township, clock, self)
        self.steps = StepIndicator(self)
        self.steps.setContentsMargins(theme.margin, theme.px(12), theme.margin, 0)
        self.steps.hide()
        self.instruction = QLabel(self)
        self.instruction.setObjectName("Instruction")
        self.instruction.setWordWrap(True)
        self.instruction.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.instruction.setContentsMargins(theme.margin, theme.px(24), theme.margin, theme.px(8))
        self.bottom_bar = BottomBar(theme, self)
        layout.addWidget(self.top_bar)
        layout.addWidget(self.steps)
        layout.addWidget(self.instruction)
        layout.addWidget(content, 1)
        layout.addWidget(self.bottom_bar)
