"""政策通知: the current notices (big cards, paged) and a notice in large text, paged when long.
No card needed. 再听一遍 reads the title and the page shown (a dynamic phrase for the voice)."""

from __future__ import annotations

import html
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.core.dates import format_date, format_date_en
from kiosk.core.language import in_language
from kiosk.core.listings import aware, current_notices, keep_numbers_with_units, paginate_text
from kiosk.screens.base import Screen, ScreenContext, ScreenParams
from kiosk.screens.info.paged_list import ListState as ListState  # re-exported: tests wait on it
from kiosk.screens.info.paged_list import PagedListScreen
from kiosk.screens.names import ScreenName
from kiosk.texts import Dynamic, Utterance
from kiosk.widgets.buttons import BigButton
from kiosk.widgets.frame import BarButton
from kiosk.widgets.paging import Pager, text_capacity
from kiosk.widgets.theme import BODY_PX, PRIMARY_PX
from offline_cache.models import Notice

TITLE_LINE_FACTOR = 1.4  # a title line (48 px) is taller than a body line (36 px)


READING_LINE_SPACING = 1.5  # line pitch / font size: body text is read, not scanned


def reading_html(text: str, font_px: int) -> str:
    """A page of text as rich text for a QLabel: each line a paragraph, lines 1.5 × the font
    size apart (the pages are counted at that pitch, kiosk.widgets.paging; the font's own is
    about 1.2), numbers kept with their units."""
    pitch = round(font_px * READING_LINE_SPACING)
    return "".join(
        f'<p style="margin: 0; line-height: {pitch}px;">'
        f"{html.escape(keep_numbers_with_units(line))}</p>"
        for line in text.split("\n")
        if text
    )


@dataclass(frozen=True)
class NoticeParams(ScreenParams):
    notice: Notice | None = None


class NoticesScreen(PagedListScreen[Notice]):
    name = ScreenName.NOTICES
    prompt_id = "notices"
    empty_prompt_id = "notices_empty"
    detail_screen = ScreenName.NOTICE_DETAIL
    card_lines = 1

    notices_wanted = Signal()

    def _want_items(self) -> None:
        self.notices_wanted.emit()

    def visible_items(self) -> list[Notice]:
        return current_notices(self.items, aware(self.ctx.clock()))

    def card_texts(self, item: Notice) -> tuple[str, ...]:
        day = in_language(self.ctx.language, format_date, format_date_en)
        published = day(aware(item.published_at).date())
        return item.title, QCoreApplication.translate("Notices", "发布日期：") + published

    def detail_params(self, item: Notice) -> NoticeParams:
        return NoticeParams(notice=item)

    def show_notices(self, notices: list[Notice]) -> None:
        self.show_items(notices)

    def visible_notices(self) -> list[Notice]:
        return self.visible_items()


class NoticeDetailScreen(Screen[NoticeParams]):
    """The title, then the body in pages that fit (no scrollbar), 看完了 on the last page."""

    name = ScreenName.NOTICE_DETAIL
    Params = NoticeParams
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
        self.body.setTextFormat(Qt.TextFormat.RichText)  # for the line spacing
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

    def enter(self, params: NoticeParams) -> None:
        if params.notice is not self.notice:
            self.page = 0
        self.notice = params.notice
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
        self.body.setText(reading_html(pages[self.page], self.ctx.theme.px(BODY_PX)))

    def clear(self) -> None:
        super().clear()
        self.notice = None
        self.page = 0
        self.retranslate()
