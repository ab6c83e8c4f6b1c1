"""我的待遇: the resident's benefits (one page each) and a contributions summary (the last page).

Identified by the card only, no PIN (docs/services.md says why). The screen asks for the resident
with `resident_wanted(card_number)` unless the session already holds the card's resident; the
application answers with `show_resident`. Name masked (王*英). Each page is spoken: the benefit and
its amount written out in Chinese, or the account balance. `clear()` drops all of it.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from kiosk.core.dates import format_date, format_date_en, spoken_date, spoken_date_en
from kiosk.core.language import in_language
from kiosk.core.listings import (
    BenefitStatus,
    SchemeSummary,
    benefit_status,
    contribution_summary,
)
from kiosk.core.masking import mask_name
from kiosk.core.money import format_yuan, format_yuan_en, yuan_in_words, yuan_in_words_en
from kiosk.screens.base import NoParams, Screen, ScreenContext
from kiosk.screens.names import ScreenName
from kiosk.texts import Dynamic, Utterance, prompt_text
from kiosk.widgets.buttons import BigButton
from kiosk.widgets.frame import BarButton
from kiosk.widgets.paging import Pager
from offline_cache.models import Benefit, Resident

BENEFIT_KINDS: dict[str, object] = {
    "pension": QT_TRANSLATE_NOOP("Benefits", "养老金"),
    "unemployment": QT_TRANSLATE_NOOP("Benefits", "失业保险金"),
}
# Icon + words: the status is never told by colour alone.
STATUS_WORDS: dict[BenefitStatus, tuple[str, str, object]] = {
    BenefitStatus.ACTIVE: ("✓", "success", QT_TRANSLATE_NOOP("Benefits", "正常发放")),
    BenefitStatus.SUSPENDED: ("!", "warning", QT_TRANSLATE_NOOP("Benefits", "暂停发放")),
    BenefitStatus.STOPPED: ("✕", "error", QT_TRANSLATE_NOOP("Benefits", "已停发")),
    BenefitStatus.UNKNOWN: ("!", "warning", QT_TRANSLATE_NOOP("Benefits", "请到窗口咨询")),
}
SCHEMES: dict[str, object] = {
    "employee_pension": QT_TRANSLATE_NOOP("Benefits", "职工养老保险"),
    "resident_pension": QT_TRANSLATE_NOOP("Benefits", "居民养老保险"),
    "medical": QT_TRANSLATE_NOOP("Benefits", "医疗保险"),
    "unemployment": QT_TRANSLATE_NOOP("Benefits", "失业保险"),
    "work_injury": QT_TRANSLATE_NOOP("Benefits", "工伤保险"),
    "maternity": QT_TRANSLATE_NOOP("Benefits", "生育保险"),
}


def tr(text: object) -> str:
    return QCoreApplication.translate("Benefits", str(text))


class State(enum.Enum):
    LOADING = "loading"
    SHOWN = "shown"
    NOT_FOUND = "not_found"


class BenefitsScreen(Screen[NoParams]):
    name = ScreenName.BENEFITS
    prompt_id = "benefits"
    bar_buttons = frozenset({BarButton.BACK, BarButton.HOME, BarButton.REPEAT, BarButton.HELP})

    resident_wanted = Signal(str)  # card number
    done = Signal(str)  # the service name, for the rating

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        theme = ctx.theme
        self.state = State.LOADING
        self.resident: Resident | None = None
        self.page = 0
        layout = QVBoxLayout(self)
        m = theme.margin
        layout.setContentsMargins(m, m // 2, m, m // 2)
        layout.setSpacing(theme.gap)
        self.heading = QLabel(self)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet(f"font-size: {theme.primary_px}px; font-weight: bold;")
        self.status = QLabel(self)
        self.status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.status.setStyleSheet(f"font-size: {theme.primary_px}px;")
        self.table = QWidget(self)
        self.grid = QGridLayout(self.table)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(theme.gap * 2)
        self.grid.setVerticalSpacing(theme.px(12))
        self.pager = Pager(theme, self)
        self.done_button = BigButton(theme, "primary", self)
        self.pager.add_action(self.done_button)
        self.pager.previous.connect(lambda: self._turn(-1))
        self.pager.next.connect(lambda: self._turn(1))
        self.done_button.clicked.connect(lambda: self.done.emit("benefits"))
        layout.addWidget(self.heading)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        layout.addWidget(self.pager)

    # --- data ----------------------------------------------------------------------------------
    def enter(self, params: NoParams) -> None:
        card = self.ctx.session.card
        resident = self.ctx.session.resident
        if resident is not None and card is not None and resident.person_id == card.person_id:
            if self.resident is not resident:
                self.page = 0
            self.resident, self.state = resident, State.SHOWN
        else:
            self.resident, self.state, self.page = None, State.LOADING, 0
        super().enter(params)
        if self.state is State.LOADING and card is not None:
            self.resident_wanted.emit(card.card_number)

    def show_resident(self, resident: Resident | None) -> None:
        """The application's answer to `resident_wanted` (None: not in the township copy)."""
        self.resident = resident
        self.state = State.SHOWN if resident is not None else State.NOT_FOUND
        self.page = 0
        self.retranslate()
        self.prompt_changed.emit()

    def clear(self) -> None:
        super().clear()
        self.resident = None
        self.state = State.LOADING
        self.page = 0
        self.heading.setText("")
        self.status.setText("")
        self._clear_grid()

    # --- pages ---------------------------------------------------------------------------------
    def pages(self) -> list[Benefit | None]:
        """One page per benefit, then the contributions page (None)."""
        benefits = list(self.resident.benefits) if self.resident else []
        return [*benefits, None]

    def _turn(self, step: int) -> None:
        self.page = min(max(self.page + step, 0), len(self.pages()) - 1)
        self.retranslate()
        self.prompt_changed.emit()

    def _current(self) -> Benefit | None:
        pages = self.pages()
        return pages[min(self.page, len(pages) - 1)]

    # --- what is said --------------------------------------------------------------------------
    def instruction(self) -> str:
        if self.state is State.LOADING:
            return prompt_text("info_loading")
        if self.state is State.NOT_FOUND:
            return prompt_text("benefits_not_found")
        return prompt_text("benefits" if self._current() is not None else "contributions")

    def utterances(self) -> list[Utterance]:
        if self.state is State.LOADING:
            return ["info_loading"]
        if self.state is State.NOT_FOUND:
            return ["benefits_not_found"]
        benefit = self._current()
        if benefit is None:
            return ["contributions", Dynamic(self._spoken_balance())]
        return ["benefits", Dynamic(self._spoken_benefit(benefit))]

    def _spoken_benefit(self, benefit: Benefit) -> str:
        kind = tr(BENEFIT_KINDS.get(benefit.kind, benefit.kind))
        status = tr(STATUS_WORDS[benefit_status(benefit)][2])
        due = benefit.certification.due_by
        return in_language(
            self.ctx.language,
            f"您的{kind}每月{yuan_in_words(benefit.monthly_amount_cents)}，{status}。"
            f"下次认证请在{spoken_date(due)}前办理。",
            f"Your {kind} is {yuan_in_words_en(benefit.monthly_amount_cents)} a month, "
            f"{status}. Next certification by {spoken_date_en(due)}.",
        )

    def _spoken_balance(self) -> str:
        cents = self.resident.account_balance_cents if self.resident else 0
        return in_language(
            self.ctx.language,
            f"您的个人账户余额是{yuan_in_words(cents)}。",
            f"Your personal account balance is {yuan_in_words_en(cents)}.",
        )

    # --- what is shown -------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.done_button.setText(QCoreApplication.translate("Benefits", "看完了"))
        self._clear_grid()
        self.status.hide()
        if self.state is not State.SHOWN or self.resident is None:
            self.heading.setText("")
            self.pager.set_page(0, 1)
            self.done_button.setVisible(self.state is State.NOT_FOUND)
            return
        pages = self.pages()
        self.page = min(self.page, len(pages) - 1)
        self.pager.set_page(self.page, len(pages))
        self.done_button.setVisible(self.page == len(pages) - 1)
        benefit = pages[self.page]
        if benefit is None:
            self._show_contributions(self.resident)
        else:
            self._show_benefit(benefit)
        # the rows were just made: lay them out now, not on a later event (no frame with the
        # table at its old size)
        self.grid.activate()
        outer = self.layout()
        if outer is not None:
            outer.activate()

    def _name(self) -> str:
        return mask_name(self.resident.name) if self.resident else ""

    def _show_benefit(self, benefit: Benefit) -> None:
        kind = tr(BENEFIT_KINDS.get(benefit.kind, benefit.kind))
        self.heading.setText(f"{self._name()}　{kind}")
        icon, role, words = STATUS_WORDS[benefit_status(benefit)]
        self.status.setText(f"{icon} {tr(words)}")
        self.status.setProperty("status", role)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.show()
        money = in_language(self.ctx.language, format_yuan, format_yuan_en)
        day = in_language(self.ctx.language, format_date, format_date_en)
        rows = [
            (
                QCoreApplication.translate("Benefits", "每月金额"),
                money(benefit.monthly_amount_cents),
            )
        ]
        if benefit.paid_until is not None:
            rows.append(
                (QCoreApplication.translate("Benefits", "已发放到"), day(benefit.paid_until))
            )
        rows.append(
            (
                QCoreApplication.translate("Benefits", "下次认证截止"),
                day(benefit.certification.due_by),
            )
        )
        for row, (key, value) in enumerate(rows):
            self._cell(row, 0, key, secondary=True)
            self._cell(row, 1, value, bold=True)

    def _show_contributions(self, resident: Resident) -> None:
        title = QCoreApplication.translate("Benefits", "缴费情况")
        self.heading.setText(f"{self._name()}　{title}")
        summaries = contribution_summary(resident.contributions)
        headers = (
            QCoreApplication.translate("Benefits", "险种"),
            QCoreApplication.translate("Benefits", "缴费年份"),
            QCoreApplication.translate("Benefits", "累计月数"),
        )
        for column, text in enumerate(headers):
            self._cell(0, column, text, secondary=True)
        for row, summary in enumerate(summaries, start=1):
            self._cell(row, 0, tr(SCHEMES.get(summary.scheme, summary.scheme)))
            self._cell(row, 1, self._years(summary))
            self._cell(row, 2, self._months(summary.months))
        if not summaries:
            self._cell(1, 0, QCoreApplication.translate("Benefits", "本机没有您的缴费记录"))
        balance_row = len(summaries) + 2
        self._cell(
            balance_row, 0, QCoreApplication.translate("Benefits", "个人账户余额"), secondary=True
        )
        money = in_language(self.ctx.language, format_yuan, format_yuan_en)
        self._cell(balance_row, 1, money(resident.account_balance_cents), bold=True, span=2)

    def _years(self, s: SchemeSummary) -> str:
        if s.first_year == s.latest_year:
            return QCoreApplication.translate("Benefits", "%1年").replace("%1", str(s.first_year))
        return (
            QCoreApplication.translate("Benefits", "%1–%2年")
            .replace("%1", str(s.first_year))
            .replace("%2", str(s.latest_year))
        )

    def _months(self, months: int) -> str:
        return QCoreApplication.translate("Benefits", "%1 个月").replace("%1", str(months))

    def _cell(
        self,
        row: int,
        column: int,
        text: str,
        *,
        secondary: bool = False,
        bold: bool = False,
        span: int = 1,
    ) -> None:
        label = QLabel(text, self.table)
        if secondary:
            label.setProperty("role", "secondary")
        if bold:
            label.setStyleSheet("font-weight: bold;")
        label.ensurePolished()  # the style sheet's font, so the table is sized for it
        self.grid.addWidget(label, row, column, 1, span)
        label.show()  # a child added to a visible parent stays hidden until shown

    def _clear_grid(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
