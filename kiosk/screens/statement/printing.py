"""Printing, "请取走您的参保证明", or what went wrong — for statements and certification receipts.

One screen with three states, driven by the statement flow from the printer worker's signals:
PRINTING (a page going into the printer), DONE (a page coming out, spoken; 取好了 or, after
`TAKE_DOCUMENT_SECONDS`, the session ends and the card reminder follows), FAILED (what happened in
one line, what to do in one line, one button). By the time DONE or FAILED shows, the attempt is
already recorded. The certification flow asks `navigator.is_available(ScreenName.PRINTING)`
before it emits `receipt_requested`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.core.statement_rules import DocumentKind, FailureKind, failure_kind
from kiosk.screens.base import Screen, ScreenContext, ScreenParams, secondary_label
from kiosk.screens.names import ScreenName
from kiosk.screens.statement.pin import statement_steps, where_to_go
from kiosk.texts import Dynamic, Utterance, prompt_text
from kiosk.widgets.buttons import BigButton
from kiosk.widgets.frame import BarButton
from kiosk.widgets.illustrations import SvgPicture
from kiosk.widgets.status_banner import StatusBanner
from kiosk.widgets.step_indicator import Steps
from kiosk.widgets.theme import Status

TAKE_DOCUMENT_SECONDS = 20.0  # DONE moves on to the card reminder after this long
COUNTER_TODO = "todo_print_counter"  # worded with the configured counter's location


class PrintState(enum.Enum):
    PRINTING = "printing"
    DONE = "done"
    FAILED = "failed"


@dataclass(frozen=True)
class PrintingParams(ScreenParams):
    document: DocumentKind = DocumentKind.STATEMENT
    failure: str | None = None  # a printer failure code: open in the failed state
    by_finger: bool = False  # the resident was identified by fingerprint (the step indicator)


class PrintingScreen(Screen[PrintingParams]):
    name = ScreenName.PRINTING
    Params = PrintingParams
    prompt_id = "printing"
    bar_buttons = frozenset({BarButton.REPEAT})

    finished = Signal()  # the time passed, or 返回首页 after a failure: the session ends
    taken = Signal()  # 取好了: the resident took the document (the flow offers the rating)

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        theme = ctx.theme
        self.state = PrintState.PRINTING
        self.document = DocumentKind.STATEMENT
        self.failure: FailureKind | None = None
        self.pages = 0
        self.by_finger = False  # the statement flow's step indicator: 按指纹 instead of 输密码
        layout = QVBoxLayout(self)
        m = theme.margin
        layout.setContentsMargins(m, 0, m, m)
        layout.setSpacing(theme.gap)
        self.banner = StatusBanner(self)
        self.banner.setStyleSheet(f"font-size: {theme.primary_px}px;")
        self.pictures = {
            PrintState.PRINTING: SvgPicture(theme, "printing.svg", self),
            PrintState.DONE: SvgPicture(theme, "print-out.svg", self),
            PrintState.FAILED: SvgPicture(theme, "counter.svg", self),
        }
        self.detail = secondary_label(self)
        self.detail.setStyleSheet(f"font-size: {theme.primary_px}px;")
        self.button = BigButton(theme, "primary", self)
        self.button.setMinimumWidth(theme.px(420))
        self.button.clicked.connect(self._button_clicked)
        layout.addWidget(self.banner)
        for picture in self.pictures.values():
            layout.addWidget(picture, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.take_timer = QTimer(self)
        self.take_timer.setSingleShot(True)
        self.take_timer.setInterval(round(TAKE_DOCUMENT_SECONDS * 1000))
        self.take_timer.timeout.connect(self.finished)
        self._apply()

    # --- states (the statement flow calls these) ----------------------------------------------
    def enter(self, params: PrintingParams) -> None:
        self.by_finger = params.by_finger
        self.document = params.document
        failure = params.failure
        self.failure = failure_kind(failure) if failure else None
        self.state = PrintState.FAILED if failure else PrintState.PRINTING
        self.pages = 0
        super().enter(params)
        self._apply()

    def leave(self) -> None:
        self.take_timer.stop()

    def show_done(self, pages: int) -> None:
        self.state = PrintState.DONE
        self.pages = pages
        self._apply()
        self.take_timer.start()
        self.prompt_changed.emit()

    def show_failed(self, code: str) -> None:
        # 求助 then 返回 re-enters with these params: the failure again
        self.params = replace(self.params, failure=code)
        self.state = PrintState.FAILED
        self.failure = failure_kind(code)
        self._apply()
        self.prompt_changed.emit()

    def _apply(self) -> None:
        for state, picture in self.pictures.items():
            picture.setVisible(state is self.state)
        self.banner.setVisible(self.state is PrintState.FAILED)
        self.detail.setVisible(self.state is not PrintState.PRINTING)
        self.button.setVisible(self.state is not PrintState.PRINTING)
        self.retranslate()

    def _button_clicked(self) -> None:
        if self.state is PrintState.DONE:
            self.take_timer.stop()
            self.taken.emit()
        elif self.failure is not None and self.failure.button == "help":
            self.navigate.emit(ScreenName.HELP, None)
        else:
            self.finished.emit()

    # --- frame --------------------------------------------------------------------------------
    def steps(self) -> Steps | None:
        if self.document is DocumentKind.RECEIPT:
            return None
        return Steps(statement_steps(self.by_finger), 3, failed=self.state is PrintState.FAILED)

    def _prompt(self) -> str:
        if self.state is PrintState.DONE:
            return "take_statement" if self.document is DocumentKind.STATEMENT else "take_receipt"
        if self.state is PrintState.FAILED:
            return (self.failure or FailureKind.FAILED).what
        return "printing"

    def instruction(self) -> str:
        return prompt_text(self._prompt())

    def todo_text(self) -> str:
        failure = self.failure or FailureKind.FAILED
        if failure.todo == COUNTER_TODO:
            return where_to_go(self.ctx)
        return prompt_text(failure.todo)

    def utterances(self) -> list[Utterance]:
        said: list[Utterance] = [self._prompt()]
        if self.state is PrintState.FAILED:
            failure = self.failure or FailureKind.FAILED
            said.append(Dynamic(self.todo_text()) if failure.todo == COUNTER_TODO else failure.todo)
        return said

    def retranslate(self) -> None:
        if self.state is PrintState.FAILED:
            self.banner.show_status(Status.ERROR, "")
            self.detail.setText(self.todo_text())
            failure = self.failure or FailureKind.FAILED
            self.button.setText(
                QCoreApplication.translate("PrintingScreen", "求助")
                if failure.button == "help"
                else QCoreApplication.translate("PrintingScreen", "返回首页")
            )
        elif self.state is PrintState.DONE:
            self.detail.setText(
                QCoreApplication.translate("PrintingScreen", "共 %1 页").replace(
                    "%1", str(self.pages)
                )
                if self.pages
                else ""
            )
            self.button.setText(QCoreApplication.translate("PrintingScreen", "取好了"))
        else:
            self.detail.setText("")

    def clear(self) -> None:
        super().clear()
        self.take_timer.stop()
        self.state = PrintState.PRINTING
        self.failure = None
        self.pages = 0
        self._apply()
