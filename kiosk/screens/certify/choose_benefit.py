"""Choose which certification to make, only when more than one is open: one big button per
benefit with its name, state and due date; suspended or stopped benefits are explained below, not
offered."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.core.certification import BenefitStatus, CertificationPlan
from kiosk.screens.base import Screen, ScreenContext, ScreenParams, secondary_label
from kiosk.screens.certify.words import STEP_BENEFIT, benefit_name, state_text, step_words
from kiosk.screens.names import ScreenName
from kiosk.texts import Dynamic, Utterance, prompt_text
from kiosk.widgets.frame import BarButton
from kiosk.widgets.step_indicator import Steps
from kiosk.widgets.theme import Theme


class BenefitButton(QPushButton):
    """A big button in two lines: the benefit's name (large) and its state with the due date."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "primary")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumSize(theme.target_w, theme.target_h * 2)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.detail = QLabel(self)
        for label in (self.title, self.detail):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setStyleSheet(f"color: {theme.palette.on_primary}; background: transparent;")
            layout.addWidget(label)
        self.title.setStyleSheet(
            f"color: {theme.palette.on_primary}; background: transparent; font-weight: bold; "
            f"font-size: {theme.primary_px}px;"
        )

    def set_texts(self, title: str, detail: str) -> None:
        self.title.setText(title)
        self.detail.setText(detail)

    def label_text(self) -> str:
        return f"{self.title.text()}\n{self.detail.text()}"


@dataclass(frozen=True)
class ChooseBenefitParams(ScreenParams):
    plan: CertificationPlan | None = None


class ChooseBenefitScreen(Screen[ChooseBenefitParams]):
    name = ScreenName.CHOOSE_BENEFIT
    Params = ChooseBenefitParams
    prompt_id = "choose_benefit"
    bar_buttons = frozenset({BarButton.HOME, BarButton.REPEAT, BarButton.HELP})

    benefit_chosen = Signal(str)

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._layout = QVBoxLayout(self)
        m = ctx.theme.margin
        self._layout.setContentsMargins(m, m // 2, m, m // 2)
        self._layout.setSpacing(ctx.theme.gap)
        self.buttons: dict[str, BenefitButton] = {}
        self.notes = secondary_label(self)
        self.plan: CertificationPlan | None = None

    def steps(self) -> Steps:
        return Steps(step_words(), STEP_BENEFIT)

    def enter(self, params: ChooseBenefitParams) -> None:
        self.plan = params.plan
        self._build()
        super().enter(params)

    def _build(self) -> None:
        for button in self.buttons.values():
            button.deleteLater()
        self.buttons.clear()
        while self._layout.count():
            self._layout.takeAt(0)
        self._layout.addStretch(1)
        for status in self.plan.candidates if self.plan else []:
            button = BenefitButton(self.ctx.theme, self)
            button.clicked.connect(lambda _=False, k=status.kind: self.benefit_chosen.emit(k))
            self.buttons[status.kind] = button
            self._layout.addWidget(button)
        self._layout.addWidget(self.notes)
        self._layout.addStretch(1)

    def _label(self, status: BenefitStatus) -> str:
        return f"{benefit_name(status.kind)}\n{state_text(status, self.ctx.language)}"

    def utterances(self) -> list[Utterance]:
        said: list[Utterance] = ["choose_benefit"]
        for status in self.plan.candidates if self.plan else []:
            said.append(Dynamic(self._label(status).replace("\n", "，")))
        said += [f"{s.kind}_{s.state.value}" for s in self.plan.explained] if self.plan else []
        return said

    def retranslate(self) -> None:
        if self.plan is None:
            return
        for status in self.plan.candidates:
            if status.kind in self.buttons:
                self.buttons[status.kind].set_texts(
                    benefit_name(status.kind), state_text(status, self.ctx.language)
                )
        notes = [prompt_text(f"{s.kind}_{s.state.value}") for s in self.plan.explained]
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))

    def clear(self) -> None:
        super().clear()
        self.plan = None
        for button in self.buttons.values():
            button.set_texts("", "")
        self.notes.setText("")
