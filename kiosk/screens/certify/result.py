"""The outcome of 资格认证: ✓ 成功 with the next due date (shown and spoken), or ✕ 未成功 with the
counter and a 求助 button (a fingerprint is never the only way), or a plain answer when there is
nothing to certify (not in the cache, suspended/stopped benefits explained, no enrolled finger,
sensor out of order).

On success it OFFERS a printed receipt: 打印回执 emits `receipt_requested(ReceiptRequest)`; the
button is shown only when the printing flow is registered (screen "printing").
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.core.certification import (
    BenefitStatus,
    VerificationResult,
    receipt_for,
)
from kiosk.screens.base import Screen, ScreenContext, ScreenParams, secondary_label
from kiosk.screens.certify.words import (
    STEP_BENEFIT,
    STEP_DONE,
    STEP_FINGER,
    benefit_name,
    next_due_text,
    spoken_next_due,
    step_words,
)
from kiosk.screens.names import ScreenName
from kiosk.texts import PROMPTS, Dynamic, Utterance, prompt_text
from kiosk.widgets.buttons import BigButton
from kiosk.widgets.frame import BarButton
from kiosk.widgets.status_banner import StatusBanner
from kiosk.widgets.step_indicator import Steps
from kiosk.widgets.theme import Status


@dataclass(frozen=True)
class Outcome:
    status: Status
    what: str  # prompt id (the instruction line)
    todo: str | None  # prompt id of what to do now
    help_button: bool


class ResultKind(enum.Enum):
    SUCCESS = Outcome(Status.SUCCESS, "cert_success", None, False)
    FAILED = Outcome(Status.ERROR, "cert_failed", "cert_todo_counter", True)
    NOT_FOUND = Outcome(Status.WARNING, "cert_not_found", None, True)
    NOTHING_DUE = Outcome(Status.WARNING, "cert_nothing_due", None, False)
    NOT_ENROLLED = Outcome(Status.WARNING, "cert_not_enrolled", None, True)
    SENSOR_ERROR = Outcome(Status.ERROR, "cert_sensor_error", None, True)


def explained_prompts(explained: list[BenefitStatus]) -> list[str]:
    """ "您的养老金目前暂停发放，请到窗口咨询" for each suspended or stopped benefit."""
    ids = [f"{s.kind}_{s.state.value}" for s in explained]
    return [i for i in ids if i in PROMPTS]


@dataclass(frozen=True)
class ResultParams(ScreenParams):
    kind: ResultKind = ResultKind.NOTHING_DUE
    result: VerificationResult | None = None  # the verification's, when there was one
    explained: Sequence[BenefitStatus] = ()  # suspended / stopped benefits, said why


class ResultScreen(Screen[ResultParams]):
    name = ScreenName.RESULT
    Params = ResultParams
    bar_buttons = frozenset({BarButton.REPEAT})  # its own 返回首页 / 求助 buttons

    receipt_requested = Signal(object)  # ReceiptRequest
    done = Signal()  # 返回首页: the session ends

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.kind = ResultKind.NOTHING_DUE
        self.result: VerificationResult | None = None
        self.explained: list[BenefitStatus] = []
        layout = QVBoxLayout(self)
        m = ctx.theme.margin
        layout.setContentsMargins(m, m // 2, m, m // 2)
        layout.setSpacing(ctx.theme.gap)
        self.banner = StatusBanner(self)
        self.banner.setStyleSheet(f"font-size: {ctx.theme.primary_px}px;")
        self.detail = secondary_label(self)
        self.detail.setStyleSheet(f"font-size: {ctx.theme.primary_px}px;")
        self.notes = secondary_label(self)
        row = QHBoxLayout()
        row.setSpacing(ctx.theme.gap * 2)
        self.print_button = BigButton(ctx.theme, "primary", self)
        self.help_button = BigButton(ctx.theme, "primary", self)
        self.home_button = BigButton(ctx.theme, "secondary", self)
        for b in (self.print_button, self.help_button, self.home_button):
            b.setMinimumWidth(ctx.theme.px(320))
            b.hide()  # at most two show at once (see retranslate)
            row.addWidget(b)
        self.print_button.clicked.connect(self._print_clicked)
        self.help_button.clicked.connect(lambda: self.navigate.emit(ScreenName.HELP, None))
        self.home_button.clicked.connect(self.done)
        layout.addStretch(1)
        layout.addWidget(self.banner)
        layout.addWidget(self.detail)
        layout.addWidget(self.notes)
        layout.addStretch(1)
        layout.addLayout(row)
        row.setAlignment(Qt.AlignmentFlag.AlignHCenter)

    def steps(self) -> Steps:
        """Done only on success; otherwise ✕ on the step where the flow stopped (the finger for
        a failed verification, no finger enrolled or the sensor out of order; the benefit when
        there is nothing to certify or the resident is not in the copy)."""
        if self.kind is ResultKind.SUCCESS:
            return Steps(step_words(), STEP_DONE)
        if self.kind in (ResultKind.FAILED, ResultKind.SENSOR_ERROR, ResultKind.NOT_ENROLLED):
            return Steps(step_words(), STEP_FINGER, failed=True)
        return Steps(step_words(), STEP_BENEFIT, failed=True)

    def enter(self, params: ResultParams) -> None:
        self.kind = params.kind
        self.result = params.result
        self.explained = list(params.explained)
        super().enter(params)

    def receipt_offered(self) -> bool:
        return (
            self.kind is ResultKind.SUCCESS
            and self.result is not None
            and self.ctx.is_available(ScreenName.PRINTING)
        )

    # --- words --------------------------------------------------------------------------------
    def instruction(self) -> str:
        return prompt_text(self.kind.value.what)

    def utterances(self) -> list[Utterance]:
        said: list[Utterance] = [self.kind.value.what]
        if self.kind is ResultKind.SUCCESS and self.result is not None:
            if self.result.repeat:
                said.append("cert_repeat")
            if self.result.next_due is not None:
                said.append(spoken_next_due(self.result.next_due, self.ctx.language))
        if self.kind.value.todo:
            said.append(self.kind.value.todo)
            said.append(Dynamic(self._where()))  # where, said as well as written
        said += explained_prompts(self.explained)
        return said

    def _where(self) -> str:
        """ "请到镇便民服务中心1号窗口办理": a sentence, not the bare place (in English the
        configured place is a lowercase fragment, "window 1 of the town service centre")."""
        return QCoreApplication.translate("Certification", "请到%1办理").replace(
            "%1", self.ctx.counter_location()
        )

    def retranslate(self) -> None:
        self.banner.show_status(self.kind.value.status, "")
        lines: list[str] = []
        if self.kind is ResultKind.SUCCESS and self.result is not None:
            lines.append(benefit_name(self.result.benefit))
            if self.result.next_due is not None:
                lines.append(next_due_text(self.result.next_due, self.ctx.language))
            if self.result.repeat:
                lines.append(prompt_text("cert_repeat"))
        elif self.kind.value.todo:
            lines.append(prompt_text(self.kind.value.todo))
            lines.append(self._where())
        self.detail.setText("\n".join(line for line in lines if line))
        self.detail.setVisible(bool(lines))
        notes = [prompt_text(p) for p in explained_prompts(self.explained)]
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        self.print_button.setText(QCoreApplication.translate("Certification", "打印回执"))
        self.print_button.setVisible(self.receipt_offered())
        self.help_button.setText(QCoreApplication.translate("Certification", "求助"))
        self.help_button.setVisible(self.kind.value.help_button)
        self.home_button.setText(QCoreApplication.translate("Certification", "返回首页"))
        self.home_button.show()

    def _print_clicked(self) -> None:
        if self.result is not None and self.ctx.session.card is not None:
            self.receipt_requested.emit(receipt_for(self.result, self.ctx.session.card.name))

    def clear(self) -> None:
        super().clear()
        self.result = None
        self.explained = []
        self.kind = ResultKind.NOTHING_DUE
        self.detail.setText("")
        self.notes.setText("")
