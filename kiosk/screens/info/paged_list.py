"""A list of items on big cards, a page at a time (就业岗位, 政策通知): one implementation, so the
two lists page, load, fail and forget alike.

The screen asks for its items when entered without them (`_want_items`, a signal of the
subclass); the application answers with `show_items` or `show_failed`. The list and the page are
kept in the params (`ListParams`), so 返回 from an item's details comes back to the same page.
Items are filtered again (`visible_items`) whenever a page is shown: the list may have been
loaded minutes ago and something may have expired since.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import ClassVar, Generic, TypeVar

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.core.listings import items_per_page, page_of
from kiosk.screens.base import Screen, ScreenContext, ScreenParams
from kiosk.screens.names import ScreenName
from kiosk.texts import Utterance, prompt_text
from kiosk.widgets.frame import BarButton
from kiosk.widgets.paging import CARD_H, CardButton, Pager, list_area_height

T = TypeVar("T")

LOADING_PROMPT = "info_loading"
FAILED_PROMPT = "info_failed"


class ListState(enum.Enum):
    LOADING = "loading"
    SHOWN = "shown"
    FAILED = "failed"


@dataclass(frozen=True)
class ListParams(ScreenParams, Generic[T]):
    """The list and the page shown; without items (None) the screen asks for them."""

    items: tuple[T, ...] | None = None
    page: int = 0


class PagedListScreen(Screen[ListParams[T]], Generic[T]):
    """Card slots (hidden ones keep their room, so the pager never jumps) above a Pager.

    A subclass names its empty-list prompt, its detail screen and the card's line count, and
    supplies `_want_items`, `visible_items`, `card_texts` and `detail_params`."""

    bar_buttons = frozenset({BarButton.BACK, BarButton.HOME, BarButton.REPEAT, BarButton.HELP})
    Params = ListParams
    empty_prompt_id: ClassVar[str] = ""  # said when nothing is current ("jobs_empty")
    detail_screen: ClassVar[ScreenName]  # where a card leads (ScreenName.JOB_DETAIL)
    card_lines: ClassVar[int] = 1  # lines under a card's title

    def __init__(self, ctx: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        theme = ctx.theme
        self.state = ListState.LOADING
        self.items: list[T] = []
        self.page = 0
        self.per_page = items_per_page(list_area_height(theme), theme.px(CARD_H), theme.gap)
        layout = QVBoxLayout(self)
        m = theme.margin
        layout.setContentsMargins(m, m // 2, m, m // 2)
        layout.setSpacing(theme.gap)
        self.cards: list[CardButton] = []
        for slot in range(self.per_page):
            card = CardButton(theme, self.card_lines, self)
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

    # --- what a subclass supplies --------------------------------------------------------------
    def _want_items(self) -> None:
        """Ask the application for the items (emit the subclass's signal)."""
        raise NotImplementedError

    def visible_items(self) -> list[T]:
        """The items still current now."""
        raise NotImplementedError

    def card_texts(self, item: T) -> tuple[str, ...]:
        """A card's title and the lines under it, in the current language."""
        raise NotImplementedError

    def detail_params(self, item: T) -> ScreenParams:
        """The detail screen's params for `item`."""
        raise NotImplementedError

    # --- the list --------------------------------------------------------------------------------
    def enter(self, params: ListParams[T]) -> None:
        if params.items is not None:  # given (screenshots, or coming back from the details)
            self.items = list(params.items)
            self.page = params.page
            self.state = ListState.SHOWN
        else:
            self.items, self.page, self.state = [], 0, ListState.LOADING
        super().enter(params)
        if self.state is ListState.LOADING:
            self._want_items()

    def show_items(self, items: Sequence[T]) -> None:
        self.items = list(items)
        self.page = 0
        self.state = ListState.SHOWN
        self._remember()
        self.retranslate()
        self.prompt_changed.emit()

    def show_failed(self) -> None:
        self.state = ListState.FAILED
        self.retranslate()
        self.prompt_changed.emit()

    def _remember(self) -> None:
        """Keep the list and the page in params, so 返回 from the details comes back here."""
        self.params = replace(self.params, items=tuple(self.items), page=self.page)

    def _prompt(self) -> str:
        if self.state is ListState.LOADING:
            return LOADING_PROMPT
        if self.state is ListState.FAILED:
            return FAILED_PROMPT
        shown = self.prompt_id or ""
        return shown if self.visible_items() else self.empty_prompt_id

    def instruction(self) -> str:
        return prompt_text(self._prompt())

    def utterances(self) -> list[Utterance]:
        return [self._prompt()]

    def _turn(self, step: int) -> None:
        self.page += step
        self.retranslate()
        self._remember()

    def _chosen(self, slot: int) -> None:
        page = page_of(self.visible_items(), self.per_page, self.page)
        if slot < len(page.items):
            self.navigate.emit(self.detail_screen, self.detail_params(page.items[slot]))

    def retranslate(self) -> None:
        items = self.visible_items() if self.state is ListState.SHOWN else []
        page = page_of(items, self.per_page, self.page)
        self.page = page.index
        self.pager.set_page(page.index, page.count)
        for slot, card in enumerate(self.cards):
            if slot < len(page.items):
                card.set_texts(*self.card_texts(page.items[slot]))
                card.show()
            else:
                card.hide()

    def clear(self) -> None:
        super().clear()
        self.items, self.page, self.state = [], 0, ListState.LOADING
        self.retranslate()
