"""政策通知: the current notices (big cards, paged) and a notice in large text, paged when long.
No card needed. 再听一遍 reads the title and the page shown (a dynamic phrase for the voice)."""

from __future__ import annotations

import enum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.core.dates import format_date, format_date_en
from kiosk.core.listings import aware, current_notices, items_per_page, page_of, paginate_text
from kiosk.screens.base import Screen, ScreenContext
from kiosk.texts import Dynamic, Utterance, prompt_text
from kiosk.widgets.buttons import BigButton
from kiosk.widgets.frame import BarButton
from kiosk.widgets.paging import CARD_H, CardButton, Pager, list_area_height, text_capacity
from kiosk.widgets.theme import PRIMARY_PX
from offline_cache.models import Notice

TITLE_LINE_FACTOR = 1.4  # a title line (48 px) is taller than a body line (36 px)


class ListState(enum.Enum):
    LOADING = "loading"
    SHOWN = "shown"
    FAILED = "failed"


class NoticesScreen(Screen):
    name = "notices"
    prompt_id = "notices"
    bar_buttons = frozenset({BarButton.BACK, BarButton.HOME, BarButton.REPEAT, BarButton.HELP})

    notices_wanted = Signal()

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        theme = ctx.theme
        self.state = ListState.LOADING
        self.notices: list[Notice] = []
        self.page = 0
        self.per_page = items_per_page(list_area_height(theme), theme.px(CARD_H), theme.gap)
        layout = QVBoxLayout(self)
        m = theme.margin
        layout.setContentsMargins(m, m // 2, m, m // 2)
        layout.setSpacing(theme.gap)
        self.cards: list[CardButton] = []
        for slot in range(self.per_page):
            card = CardButton(theme, 1, self)
            card.clicked.connect(lambda _c=False, i=slot: self._chosen(i))
            policy = card.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            card.setSizePolicy(policy)
            self.cards.append(card)
            layout.addWidget(card)
        layout.addStretch(1)
        self.pager = Pager(theme, self)
        self.pager.previous.connect(lambda: self._turn(-1))
        self.pager.next.connect(lambda: self._turn(1))
        layout.addWidget(self.pager)

    def enter(self, params: dict[str, Any]) -> None:
        if "notices" in params:
            self.notices = list(params["notices"])
            self.page = int(params.get("page", 0))
            self.state = ListState.SHOWN
        else:
            self.notices, self.page, self.state = [], 0, ListState.LOADING
        super().enter(params)
        if self.state is ListState.LOADING:
            self.notices_wanted.emit()

    def show_notices(self, notices: list[Notice]) -> None:
        self.notices = list(notices)
        self.page = 0
        self.state = ListState.SHOWN
        self._remember()
        self.retranslate()
        self.prompt_changed.emit()

    def show_failed(self) -> None:
        self.state = ListState.FAILED
        self.retranslate()
        self.prompt_changed.emit()

    def visible_notices(self) -> list[Notice]:
        return current_notices(self.notices, aware(self.ctx.clock()))

    def _remember(self) -> None:
        self.params["notices"] = self.notices
        self.params["page"] = self.page

    def _prompt(self) -> str:
        if self.state is ListState.LOADING:
            return "info_loading"
        if self.state is ListState.FAILED:
            return "info_failed"
        return "notices" if self.visible_notices() else "notices_empty"

    def instruction(self) -> str:
        return prompt_text(self._prompt())

    def utterances(self) -> list[Utterance]:
        return [self._prompt()]

    def _turn(self, step: int) -> None:
        self.page += step
        self.retranslate()
        self._remember()

    def _chosen(self, slot: int) -> None:
        page = page_of(self.visible_notices(), self.per_page, self.page)
        if slot < len(page.items):
            self.navigate.emit("notice_detail", {"notice": page.items[slot]})

    def retranslate(self) -> None:
        day = format_date_en if self.ctx.language == "en" else format_date
        notices = self.visible_notices() if self.state is ListState.SHOWN else []
        page = page_of(notices, self.per_page, self.page)
        self.page = page.index
        self.pager.set_page(page.index, page.count)
        for slot, card in enumerate(self.cards):
            if slot < len(page.items):
                notice = page.items[slot]
                published = day(aware(notice.published_at).date())
                card.set_texts(
                    notice.title, QCoreApplication.translate("Notices", "发布日期：") + published
                )
                card.show()
            else:
                card.hide()

    def clear(self) -> None:
        super().clear()
        self.notices, self.page, self.state = [], 0, ListState.LOADING
        self.retranslate()


class NoticeDetailScreen(Screen):
    """The title, then the body in pages that fit (no scrollbar), 看完了 on the last page."""

    name = "notice_detail"
    prompt_id = "notice_detail"
    bar_buttons = frozenset({BarButton.BACK, BarButton.HOME, BarButton.REPEAT, BarButton.HELP})

    done = Signal(str)

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        theme = ctx.theme
        self.notice: Notice | None = None
        self.page = 0
        layout = QVBoxLayout(self)
        m = theme.margin
        layout.setContentsMargins(m, m // 2, m, m // 2)
        layout.setSpacing(theme.gap)
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet(f"font-size: {theme.primary_px}px; font-weight: bold;")
        self.body = QLabel(self)
        self.body.setWordWrap(True)
        self.body.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.pager = Pager(theme, self)
        self.done_button = BigButton(theme, "primary", self)
        self.pager.add_action(self.done_button)
        self.pager.previous.connect(lambda: self._turn(-1))
        self.pager.next.connect(lambda: self._turn(1))
        self.done_button.clicked.connect(lambda: self.done.emit("notices"))
        layout.addWidget(self.title)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.pager)
        self._capacity = text_capacity(theme)

    def enter(self, params: dict[str, Any]) -> None:
        notice = params.get("notice")
        if notice is not self.notice:
            self.page = 0
        self.notice = notice if isinstance(notice, Notice) else None
        super().enter(params)

    def pages(self) -> list[str]:
        """The body in pages; the first page also holds the title, so it gets fewer lines."""
        if self.notice is None:
            return [""]
        cap = self._capacity
        title_chars = max(1, int(cap.chars_per_line * self.ctx.theme.px(36) / PRIMARY_PX))
        title_lines = -(-len(self.notice.title) // title_chars)
        first_lines = max(1, cap.lines_per_page - round(title_lines * TITLE_LINE_FACTOR) - 1)
        return paginate_text(self.notice.body, cap.chars_per_line, cap.lines_per_page, first_lines)

    def _turn(self, step: int) -> None:
        self.page = min(max(self.page + step, 0), len(self.pages()) - 1)
        self.retranslate()
        self.prompt_changed.emit()

    def utterances(self) -> list[Utterance]:
        if self.notice is None:
            return ["notice_detail"]
        page = self.pages()[self.page]
        said: list[Utterance] = [Dynamic(self.notice.title)] if self.page == 0 else []
        return [*said, Dynamic(page)]

    def retranslate(self) -> None:
        self.done_button.setText(QCoreApplication.translate("Notices", "看完了"))
        pages = self.pages()
        self.page = min(self.page, len(pages) - 1)
        self.pager.set_page(self.page, len(pages))
        self.done_button.setVisible(self.page == len(pages) - 1)
        first = self.page == 0 and self.notice is not None
        self.title.setText(self.notice.title if first and self.notice else "")
        self.title.setVisible(first)
        self.body.setText(pages[self.page])

    def clear(self) -> None:
        super().clear()
        self.notice = None
        self.page = 0
        self.retranslate()
